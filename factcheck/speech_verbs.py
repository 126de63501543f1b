"""Verbs of saying: which words tell that a sentence reports what someone said ("said",
"told", "according to", "claimed" but not "claimed three lives", "found that" but not
"found the wreck"), for factcheck/checkworthiness.py to score and factcheck/attribution.py to
find the speaker of. The meaning of a verb is told by the words around it, never by a name.
"""

import re

# When a statement was made, between its verb and what it says: "ruled on Wednesday that",
# "projected in January that".
_WHEN_SAID = (
    r"(?:\s+(?:on|in|last|this|early|late)\s+[A-Z]?[a-z]+(?:\s+\d{1,2})?"
    r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))?"
)
# What is claimed when claiming is winning or taking, not saying.
_TAKEN = (
    r"wins?|victory|victories|titles?|crown|trophy|cup|medals?|gold|silver|bronze|lives|life|"
    r"seats?|prizes?|points?|place|spot|lead|records?|scalps?|championships?|pole|double|treble|"
    r"hat-trick|honours|honors|glory|spoils|territory|lands?|victims|awards?|accolades?|"
    r"nominations?|bragging\s+rights"
)
# "claimed best live act at the awards", "claimed best picture.": an award's category won
# (not "claimed best practice was ignored").
_BEST = r"\s+best\s+[\w-]+(?:\s+[\w-]+){0,2}?(?:\s*[.,;]|\s*$|\s+(?:at|in|award|prize)\b)"
# An amount of money: "$40", "14,600 pounds", "2 million euros".
_MONEY = (
    r"(?:about\s+|nearly\s+|more\s+than\s+|over\s+)?(?:[$\u00a3\u20ac][\d,.]+(?:\s*(?:m|bn|million|"
    r"billion)\b)?|\d[\d,.]*\s+(?:million\s+|billion\s+)?(?:pounds|dollars|euros)\b)"
)
VERBS = (
    r"said|says|(?<!to )say|told|tells|"
    # "claimed their first win", "the storm claimed three lives": taking, not saying (but
    # "claimed victory was near" says so)
    rf"(?:claimed|claims)(?!{_BEST})(?!\s+(?!that\b)(?:[\w'\u2019-]+\s+){{0,4}}?(?:{_TAKEN})\b"
    r"(?!\s+(?:was|were|is|are|had|has|would|will)\b))"
    # "claimed 14,600 pounds in expenses": money taken, not said
    rf"(?!\s+(?:{_MONEY})(?!\s+(?:was|were|had|has)\b))|announced|announces|tweeted|wrote|"
    # "The submission states that": not "the United States", "member states said"
    r"writes|stated|(?-i:states)(?=\s+that\b)|noted|notes|reported|adds|warned|warns|argued|argues|insisted|insists|promised|"
    r"explained|confirmed|confirms|testified|denied|denies|replied|replies|responded|"
    r"acknowledged|acknowledges|admitted|admits|alleged|alleges|asserted|"
    r"asserts|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|pointed out|points out|revealed|"
    r"reveals|disclosed|discloses|cautioned|cautions|contended|contends|countered|counters|"
    r"complained|complains|conceded(?=\s+that\b|\s*[,:\"\u201c])|"
    r"estimates|concluded|concludes|estimated|"
    # "found that", "found no evidence": a finding, not "found the wreck"; "..., the
    # inquiry has found.": the finding is the sentence before the verb.
    r"(?:found|finds)(?=\s+(?:that|no|nothing|little|evidence)\b|\s*[.!?]?\s*$)|"
    # "added" says something unless followed by what was added: not "had added 40 trains".
    r"added(?!\s+(?:\d|[$\u00a3\u20ac]|(?:a|an|another|its|his|her|their|some|about|nearly|"
    r"almost|over|extra|new)\b))|"
    # "posted on social media that ...", "posted pictures showing that ...".
    r"posted(?=[^.;\"\u201c]{0,80}?\b(?:that|saying|showing)\b)|"
    # "put the losses at $640 million": an estimate.
    # ("at A$2.1 billion": a currency marked by its country's letters)
    r"puts?(?=[^.;]{0,80}?\bat\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?"
    r"(?:[A-Z]{1,2})?[$\u00a3\u20ac]?\d)|"
    # 'called the delay "indefensible"': the quoted word is the speaker's.
    r"(?:called|calls)(?=\s[^\"\u201c.]{1,60}[\"\u201c])"
)
ATTRIBUTION = re.compile(rf"\b(?:{VERBS}|according to)\b", re.IGNORECASE)
# Acts that name who makes a claim without scoring the sentence as attributed: asking,
# declining to say, disputing, ruling, calculating, advising, pointing to evidence, and any
# verb a quotation follows after a colon ("she laughed: \"...\"", "posted on X: \"...\"").
_CLAIMANT_VERBS = (
    r"asked(?=\s*[.,]|\s+(?:[A-Z]|he\b|she\b|during\b|at\b|in\s+a\b|on\s+[A-Z]))|asks(?=\s*[.,]|\s+[A-Z])|"
    # "asked in parliament whether ...": the question's premise is the asker's
    r"asked(?=\s+(?:in\s+[a-z]+\s+)?(?:whether|if)\b)|"
    # a request: "He asked the court to consider", "asked drivers in Kell not to travel" (a
    # passive "was asked to leave" names nobody before it, and "asked not to be named" is
    # an unnamed source's wish)
    r"asked(?=\s+(?!not\b)(?:the\s+)?[a-z][\w-]*(?:\s+[\w-]+){0,3}?\s+(?:not\s+)?to\s+[a-z])|"
    # identifying someone or something: "X identified the man as Y" (police, coroners)
    r"(?:identified|identifies)(?=\s[^.;\"\u201c]{1,60}?\bas\b)|"
    # a cause given: "X credited the fall to the new patrols" (not money credited)
    r"(?:credited|credits)(?=\s+(?!\d|[$\u00a3\u20ac])[^.;\"\u201c]{1,80}?\b(?:to|with)\b)|"
    # "X attributed the rise to defaults", "X put the turnaround down to hard work" (not "a
    # remark attributed to X": the one it is attributed to follows)
    r"(?:attributed|attributes)(?=\s+(?!to\b)[^.;\"\u201c]{1,80}?\bto\b)|"
    r"(?:put|puts)(?=\s+[^.;\"\u201c]{1,60}?\bdown\s+to\b)|"
    r"concedes(?=\s+that\b|\s*[,:\"\u201c])|"
    # a live blog's present tense: "12.40pm: Ana Lind responds, calling it ..."
    r"responds(?=\s*[,:])|"
    # "It found": a paper's finding, whatever follows
    r"(?<=\b[Ii]t\s)(?:found|finds)|(?<=\b[Ii]t\salso\s)(?:found|finds)|"
    # "..., the researchers found using microscopy.": how they found it, closing the sentence
    r"(?:found|finds)(?=\s+(?:using|through|by|from|after)\b[^,;\"\u201c]*$)|"
    # "Inspectors found 1,200 faults": a count is a finding (not "found the wreck")
    r"(?:found|finds)(?=\s+(?:about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?"
    r"[$\u00a3\u20ac]?\d)|"
    # "Ana Lind was quoted as saying": what she said, not a passive
    r"(?:was|were|is|are)\s+(?:widely\s+)?quoted\s+as\s+saying|"
    r"(?:declined|declines|refused|refuses)\s+to\s+(?:say|give|disclose|confirm|specify|name|"
    r"discuss|comment|elaborate|answer)|"
    # rejecting what someone said, not a plan: "the committee rejected the plan" is a vote
    r"disputed|disputes|disagreed|disagrees|(?:agreed|agrees)(?=\s+(?:that|with)\b)|"
    # (not "dismissed 40 workers": what is dismissed is something said)
    # ("rejected the panel's findings", "dismissed its latest figures")
    r"(?:rejected|rejects|dismissed|dismisses)(?=\s+(?:(?:the|these|those|that|its|his|her|their)\s+)?"
    r"(?:[\w-]+['\u2019]s?\s+)?(?:[a-z]+\s+)?"
    r"(?:claims?|suggestions?|allegations?|accusations?|criticism|findings?|figures?|"
    r"accounts?|versions?|assertions?|characteri[sz]ations?|descriptions?|charges?)\b)|"
    # defending what was done, not a title won: "the minister defended the rise"
    r"(?:defended|defends)(?=\s+(?:the|its|his|her|their|a|an|this|that)\s+"
    r"(?!(?:title|crown|championship|belt|goal|lead|seat|record)\b))|"
    # a plural subject's present tense: "Ana Lind and her colleagues recommend"
    r"(?<!to\s)(?:recommend|advise|argue|insist|conclude)(?=\s+(?:that\b|[a-z])|\s*[.,;])|"
    # "Analysts at X expect rates to ease": their forecast (not "expect to hear")
    r"(?<!to\s)expect(?=\s+(?:that\b|(?!to\b)[a-z]+(?:\s+[a-z]+)?\s+to\b))|"
    # (after when it was: "ruled on Wednesday that", "projected in January that")
    rf"(?:ruled|rules)(?={_WHEN_SAID}\s+(?:that|in\s+favou?r|against|out)\b)|"
    # a verdict: "the inspectorate has rated the school as inadequate"
    r"(?:rated|rates|graded|grades|judged|judges)(?=[^.;\"\u201c]{1,80}?\bas\b)|calculated|calculates|advised|advises|recommended|recommends|"
    # "recalled that", '"..." recalled Imran Patel' (not "recalled 9,000 heaters")
    r"(?:recalled|recalls|remembered|recounted)(?=\s+(?:that|how)\b|\s*[,:]|\s+[A-Z])|"
    # "called the package an election bribe": a verdict given, in the speaker's own words
    r"called(?=\s+(?:the|it|this|that|them|him|her|his|its|their)\b[^.;,\"\u201c]{0,40}?\s+an?\s+"
    r"(?!(?:week|day|month|year|few|couple|number|lot|total|halt|meeting|vote)\b)[a-z])|"
    # "called the findings alarming": a verdict in an adjective closing the clause
    r"(?:called|calls)(?=\s+(?:the|it|this|that|them|his|her|its|their)\b(?:\s+[\w'\u2019-]+){0,3}?"
    r"\s+[a-z]+(?:ing|ous|ful|ible|able|ic|al|ive|ent|ant|ish)(?:\s*[.,;]|\s+(?:and|but)\b))|"
    # "described the result as a breakthrough": a verdict given (not "described how")
    r"(?:described|describes)(?=\s[^.;\"\u201c]{1,60}?\bas\b)|"
    # "pressed the bank on why it ...": a question put, its premise the asker's
    r"(?:pressed|presses)(?=\s+(?:the\s+|a\s+)?[\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]*)?\s+"
    r"(?:on|over|about)\s+(?:why|how|whether|what|when)\b)|"
    # a stance stated: "The group wants the change delayed", "The federation has demanded"
    # (not "wanted for questioning"; a plan, "The company plans to open", is no statement)
    r"wants(?=\s+(?:the|a|an|to|its|his|her|their|more|less|all)\b)|"
    r"demanded|demands|"
    # a forecast restated: "X raised its full-year forecast", "She cut her target price"
    r"(?:raised|lifted|cut|lowered|kept|maintained|reaffirmed|trimmed)(?=\s+(?:its|his|her|"
    r"their)\s+(?:[\w-]+\s+){0,3}?(?:guidance|forecasts?|outlook|target|estimates?)\b)|"
    r"urged|urges|(?:called|calls|appealed|appeals)\s+(?:on|for)|threatened|threatens|vowed|vows|"
    # "appealed to the traders to stay calm": asked them, as "urged" does (not "appealed to
    # the High Court", "appealed to voters" with no request after)
    r"(?:appealed|appeals)(?=\s+to\s+(?:[\w'\u2019-]+\s+){1,5}?to\s+[a-z]+)|"
    r"pledged|pledges|(?<=\b[Ii]t\s)(?:recorded|records|counted|counts|logged|logs|listed|lists|"
    r"cites|cited)|"
    r"blamed|blames|critici[sz]ed|critici[sz]es|condemned|condemns|"
    # a stance on what was decided or announced: "X welcomed the figures", "hailed the
    # ruling" (not "welcomed 40,000 visitors", "the first guests")
    r"(?:welcomed|welcomes|praised|praises|hailed|hails|applauded|applauds)"
    r"(?=\s+(?:the|a|an|its|his|her|their|this|that|these|those)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:decision|news|announcement|figures?|ruling|move|plans?|report|increase|rise|cut|fall|"
    r"drop|money|fine|verdict|changes?|proposals?|deal|funding|investment|step|results?|data|"
    r"budget|agreement|judgment|judgement|review|findings|law|bill|policy|ban|reforms?)\b"
    r"|\s+it\b)|"
    r"accused(?=\s+[\w\s]{1,40}?\bof\b)|"
    # a court's decisions: "the court struck down the cap", "upheld the fine"
    # (not "the car overturned on the road")
    r"(?:struck|strikes|threw|throws)\s+(?:down|out)|upheld|upholds|quashed|quashes|"
    r"(?:overturned|overturns)(?=\s+(?:a|an|the|his|her|its|their|[A-Z\d])\b)|"
    # whose view or forecast it is: "the bank expects prices to rise", "X forecast that"
    r"expects|expected(?=\s+(?:that\b|the\b|[a-z]+\s+to\b))|believes|believed|thinks|hopes|"
    r"fears|predicts|predicted|forecasts?(?=\s+(?:that|a|an|\d)\b)|"
    rf"(?:projects|projected)(?={_WHEN_SAID}\s+(?:that|an?)\b)|"
    r"(?:pointed|points)\s+to(?=[^.;]{0,80}?\b(?:showing|that|which)\b)|"
    # "The institute surveyed 4,800 households": its survey, the count its finding
    r"(?:surveyed|polled|interviewed|questioned)(?=\s+(?:more\s+than\s+|about\s+|nearly\s+)?\d)|"
    # "The weather bureau has forecast heavy rain": its forecast, whatever follows
    r"(?<=\bhas\s)forecast|(?<=\bhave\s)forecast|"
    # a barrister's question in cross-examination: "put it to the witness that ..."
    r"put\s+it\s+to(?=\s+(?:the\s+[a-z]+|[A-Z][\w'\u2019-]*|him|her)\s+that\b)|"
    # an apology, advice, a claim said again: what the subject said
    r"apologi[sz]ed|apologi[sz]es|encouraged(?=\s+[\w\s]{1,40}?\bto\b)|"
    r"repeated(?=\s+(?:the|his|her|its|their|that|this)\s+(?:[a-z]+\s+)?"
    r"(?:claims?|allegations?|accusations?|figures?|assertions?|charges?|warnings?)\b)|"
    r"[a-z]+(?:ed|s)(?=(?:\s+[\w.]+){0,3}\s*:\s*[\"\u201c])"
)
VERB = re.compile(rf"\b(?:{VERBS}|{_CLAIMANT_VERBS})\b|\b(?i:according to)\b")
# "He expects ...", "She believes ...": the person last named is still speaking. "She was
# 87", "He will appear in court" state facts about them: nobody is quoted.
PRONOUN_OPINES = re.compile(
    r"^(He|She)\s+(?:also\s+)?(?:(?:did|does)\s+not\s+(?:expect|believe|think|accept|agree)\b|"
    r"expects|expected|believes|believed|thinks|thought|hopes|"
    r"hoped|fears|feared|predicts|predicted|doubts|doubted|accepts|accepted|admits|admitted|"
    r"acknowledges|acknowledged|agrees|agreed|disagrees|disagreed|blames|blamed|urges|urged|"
    r"recalls|recalled|describes|described|dismisses|dismissed|rejects|rejected)\b"
)
# A participle after an article or a possessive describes the noun after it: "pupils' stated
# bedtimes", "the reported figure", "an estimated 2,000 people", "its stated aim", "Lind's
# noted caution" (not "she's said": a pronoun's "'s" is "has").
_DESCRIBES_NOUN = re.compile(
    r"(?:\b(?:[Tt]he|an?|An?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Yy]our)|"
    r"(?<!\b[Hh]e)(?<!\b[Ss]he)(?<!\b[Ii]t)(?<!\b[Tt]hat)(?<!\b[Ww]ho)(?<!\b[Tt]here)(?<!\b[Ww]hat)"
    r"[a-z]['\u2019]s|s['\u2019])\s+$"
)


# "..., the report said.": a speaker and verb closing the sentence after a comma (not "...,
# as his lawyers had argued": an aside on the main clause, whose own speaker comes first).
_CLOSING = re.compile(r",\s+(?!as\s)[^,\"\u201c\u201d]{1,60}$")


def in_order(sentence):
    """The attribution verbs of a sentence, the one closing it after a comma first: "A guard
    failed to note that Ana Lind had said she was ill, the report said" is the report's, and
    what she said is inside what it says."""
    verbs = list(VERB.finditer(sentence))
    if len(verbs) > 1:
        last = verbs[-1]
        closing = not sentence[last.end() :].strip(" .!?\"'\u201d\u2019")
        if closing and _CLOSING.search(sentence, 0, last.start()):
            return [last, *verbs[:-1]]
    return verbs


def describes_noun(sentence, verb):
    """Whether the verb matched at `verb` is an adjective before a noun, not a verb."""
    return bool(_DESCRIBES_NOUN.search(sentence, 0, verb.start()))


# "the maker has not said when", "she did not say why": nobody is quoted.
_NOT_BEFORE = re.compile(r"\b(?:not|never|n['\u2019]t)\s+$")


def negated(sentence, verb):
    """Whether the verb matched at `verb` is negated: no statement is reported."""
    return bool(_NOT_BEFORE.search(sentence, 0, verb.start()))
