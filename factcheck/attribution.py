"""Who a sentence attributes its claim to: "X said", "said X", "X, the mayor, said",
"according to X" (also "according to a statement from X"), "he/she said" (the person last
speaking or spoken of), "it said" and "the company said" (the organisation of that kind the
sentence or the text last named), quotations given to their speakers across sentences
(factcheck/quotations.py), and a Q&A's answers and questions given to the interviewee and
the interviewer (factcheck/interviews.py). Beyond "said", the subject of any act of stating,
finding or deciding ("The court on Tuesday struck down", "X disputed the figure, saying
...") and whoever speaks for a body ("researchers at X", "a X spokesperson"). None when
nobody is named: the narrator's own sentences, "officials said", "the court heard", "a
senior diplomat said", "the article said".

This module finds the speaker a sentence names; what that speaker stands for ("Okafor",
"she", "the mayor", "it", "the airline") is factcheck/resolution.py's, against what the text
has named so far (factcheck/mentions.py). Names, titles and the person/organisation
distinction are factcheck/names.py's, and what the grammar around a name tells of it
factcheck/organisations.py's; papers and their makers ("the filings said")
factcheck/papers.py's.
"""

import re

from factcheck import (
    according,
    appositives,
    interviews,
    names,
    organisations,
    papers,
    quotations,
    resolution,
    speech_verbs,
    transcripts,
    unmarked_interviews,
)
from factcheck.mentions import Mentions
from factcheck.names import NAME, words

# Who speaks for someone: "her office said", "Medway Energy's spokesperson said".
_MOUTHPIECE = (
    r"office|spokes(?:person|man|woman)|lawyers?|attorneys?|campaign|representatives?|"
    r"team|lab|researchers|colleagues"
)
# "Governor Ana Lind's office said", "Medway Energy's spokesperson said": the one spoken for.
# "Japan's health ministry said", "Chile's army said": a state's body named by what it is,
# in lower case, as wire copy names foreign ministries; the claimant, words and all.
_STATE_BODY = re.compile(
    rf"\b([A-Z][\w.]*['\u2019]s\s+(?:[a-z]+\s+){{0,2}}?(?:{organisations.STATE_BODIES}))\s*$"
)
_SPOKEN_FOR = re.compile(rf"({NAME})['\u2019]s\s+(?:{_MOUTHPIECE}|press office)\s*$")
# "The crash was reported to police": a verb in the passive names no speaker before it.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(rf"\s+by\s+(?:the\s+)?({NAME})")
# "the San Jose-based company said": where it is based only describes it.
# "the Icelandic ministry said": a country's adjective may open the phrase.
_THE_BEFORE = re.compile(
    r"\b[Tt]he(?:(?:\s+[A-Z][\w.]*)*\s+[\w.]+-based)?"
    rf"((?:\s+[A-Z][a-z]+(?:{names.DEMONYM_ENDINGS}))?(?:\s+[a-z][\w'\u2019-]*){{1,3}})\s*$"
)
# "she said"; "her office said": she speaks through it.
_PRONOUN_BEFORE = re.compile(rf"\b(?:([Hh]e|[Ss]he)|([Hh]is|[Hh]er)\s+(?:{_MOUTHPIECE}))\s*$")
# Adverbs and auxiliaries between a speaker and the verb ("has confirmed", "today
# announced"), and a first verb joined to it ("Dunmore smiled and said").
_BETWEEN = re.compile(
    r"(?:\s+(?:today|yesterday|also|later|previously|recently|then|once|repeatedly|publicly|"
    r"always|often|never|has|have|had|"
    # "Judge Ana Lind remanded Tom Fox in custody and said": the first verb's object too,
    # but no clause of its own ("arrested him after Ana Lind complained and said")
    r"[a-z]+ed(?:\s+(?!(?:after|before|when|while|because|as|who|which|that|but|since|until|"
    # ("welcomed the rise but noted": but too)
    r"if)\b)[\w'\u2019-]+){0,8}?\s+(?:and|but)|"
    # "The Health Department on Friday confirmed", "X last week said"
    rf"(?:late\s+|early\s+)?on\s+{names.WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    # "X repeatedly denied", "X has long argued", "X still insists"
    # (not a noun ending in -ly: "the family said")
    r"(?!(?:family|assembly|ally|rally|supply|monopoly|reply|anomaly|homily)\b)[a-z]+ly|"
    r"long|still|already|now|"
    r"(?:last|this|earlier\s+this)\s+(?:week|month|year|weekend)))+\s*$"
)
# "the union Equity, which said", "heard from Dr Ana Lind, an ecologist, who said": the
# relative pronoun's antecedent speaks, even as the object of a preposition.
_RELATIVE = re.compile(r",\s*(?:who|which)\s*$")
# "A university spokesman said", "council planning officers concluded": someone speaking
# for the organisation of that kind (nobody when the text named none).
_SPOKESPEOPLE = organisations.SPOKESPEOPLE
_KIND_SPEAKS = re.compile(
    rf"(?:\b(?:[Aa]n?|[Tt]he)\s+|(?:^|,\s+)(?:[Ii]n\s+[^,]+,\s+)?)([A-Za-z][a-z]*)\s+(?:[a-z]+\s+)?"
    rf"(?:{_SPOKESPEOPLE})\s*$"
)
_MEMBERS = organisations.MEMBERS
_IT_BEFORE = re.compile(
    rf"\b(?:it|It|[Ii]ts\s+(?:{_MEMBERS}|{_SPOKESPEOPLE})|[Tt]heir\s+(?:{_MEMBERS})|(?:^|[Tt]he\s+)"
    r"(?:[Tt]rustees|[Dd]irectors|[Gg]overnors))\s*$"
)
# "Ana Lind and her colleagues said": she speaks for them.
_WITH_OTHERS = re.compile(
    rf"({NAME})\s+and\s+(?:his|her|their)\s+(?:colleagues|co-authors|coauthors|team|"
    r"fellow\s+[a-z]+|researchers|staff)\s*$"
)
# "Kenmare police said", "Dunmere fire service said": a place's emergency service, its head
# in lower case.
_SERVICES = r"police|coastguard|fire\s+(?:service|brigade)|ambulance\s+service"
_PLACE_SERVICE = re.compile(rf"({NAME})\s+({_SERVICES})\s*$")
# "..., said Kenmare police.": so after the verb too.
_SERVICE_AFTER = re.compile(rf"\s+({NAME}\s+(?:{_SERVICES}))\b")
# "the 28-year-old said": the person last spoken of.
_AGED_BEFORE = re.compile(r"\b[Tt]he\s+\d+-year-old(?:\s+[a-z]+){0,3}\s*$")
# "they said": the organisation that spoke last, never people the text does not name.
_THEY_BEFORE = re.compile(r"\b(?:they|They)\s*$")
# "A spokesperson said": for the organisation in question, as "it said" is.
_SPOKESPERSON = re.compile(r"(?:^|[,:]\s+|\b[Aa]n?\s+)(?:[Aa]n?\s+)?spokes(?:person|man|woman)\s*$")
# "the spokesperson added": the one an unnamed spokesperson spoke for before.
_THE_SPOKESPERSON = re.compile(r"\b[Tt]he\s+spokes(?:person|man|woman)\s*$")
# "a Brightwell spokesperson said": the organisation so named.
# "Kell Water officials said": a name of two words or initials opening the sentence.
_NAMED_SPEAKS = re.compile(
    rf"(?:\b[Aa]n?\s+|^(?:The\s+)?(?=[A-Z][\w'\u2019-]*\s+[A-Z]|[A-Z]{{2,}}\s))({NAME})\s+"
    rf"(?:{_SPOKESPEOPLE})\s*$"
)
# "researchers at the University of Tasmere reported": where they work speaks.
# "The researchers, from Leeds University, found": set off by commas too.
_STAFF_AT = re.compile(
    rf"\b(?i:{_SPOKESPEOPLE}|analysts|economists|doctors|forecasters|meteorologists|"
    r"statisticians|epidemiologists|academics)(,)?\s+(?:at|from|with)\s+(?:the\s+)?"
    rf"((?:[a-z0-9]+\s+)?{NAME})(?(1),)\s*$"
)
# "Ted Marchetti of Dayton, Ohio, said": the person, not the state of the town.
_OF_TOWN = re.compile(rf"({NAME}),?\s+of\s+{NAME},\s+{NAME},?\s*$")
# "said Ana Lind.", "said Ana Lind on Monday"; not "said Brightwell had not ..." nor "say
# Arctic sea ice shrank": a name followed by more of its clause is what was said about.
_SPEAKER_ENDS = re.compile(
    r"\s*(?:[,.;:!?\"\u201d\u2019)\u2014-]|$)|\s+(?:on|in|at|of|from|during|yesterday|today|"
    r"last|this|earlier|later|who|when|after|before|as|while|to|for|via|and)\b"
)
ANONYMOUS = organisations.ANONYMOUS
# "..., the court heard.", "..., officials said.": the sentence is reported from someone
# the text does not name.
_ANONYMOUS_END = re.compile(
    r",\s*(?:the\s+)?(?:court|jury|inquest|tribunal|hearing|committee)\s+(?:heard|was told)\b"
    rf"[^,]*$|,\s*(?:{'|'.join(sorted(ANONYMOUS))})\s+(?:said|say|told|added)\b[^,]*$"
)
_ORGANISATION_NOUNS = organisations.ORGANISATION_NOUNS
_NOT_SUBJECT_AFTER = names.NOT_SUBJECT_AFTER
# "said councillor Tom Reyes", "said fisherman Bo Lind": a name after the verb, perhaps
# behind words saying who they are (not "said in a statement on Twitter").
_NOT_DESCRIBING = "|".join(
    sorted(
        names.NOT_SUBJECT_AFTER | words("a an the that this it he she they we his her its their")
    )
)
# "said Rovers manager Sean Maguire": whose manager, a name before the words too; "said
# co-author X": a hyphen inside the words.
_NAME_AFTER_VERB = re.compile(
    rf"\s+(?:{NAME}(?:['\u2019]s)?\s+(?=[a-z]+\s+(?:[a-z]+\s+)?[A-Z]))?"
    rf"(?:(?!(?:{_NOT_DESCRIBING})\b)[a-z][a-z-]*\s+){{0,2}}({NAME})"
)
_QUOTATION = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
_MID_SENTENCE = re.compile(r"(?<=[\w,;] )[A-Z][\w'\u2019-]*")


# "A spokesperson for Medway Energy said": the organisation speaks.
_SPEAKS_FOR = re.compile(r"\bspokes(?:person|man|woman)\s+(?:for|of|at)\s+(?:the\s+)?$")


def _subject(prefix, start):
    """Whether the words at `start` of prefix can be the subject of the verb after it."""
    if _SPEAKS_FOR.search(prefix[:start]):
        return True
    # "published in the journal Earth Systems found": a preposition's object still.
    word = re.search(r"([A-Za-z]+)\s+(?:the\s+(?:[a-z]+\s+)?)?$", prefix[:start])
    if word and word.group(1).lower() in names.NOT_SUBJECT_AFTER:
        return False
    # "director of rugby Ivo Dant said": a title's portfolio in lower case before its holder
    portfolio = re.search(r"\b([a-z]+)\s+(?:of|for)\s+[a-z]+\s+$", prefix[:start])
    if portfolio and names.is_title(portfolio.group(1)):
        return True
    # "in north Leeds", "in rural Kent": a place's object still
    word = re.search(r"\b([a-z]+)\s+([a-z]+)\s+$", prefix[:start])
    return not (
        word and word.group(1) in names.NOT_SUBJECT_AFTER and word.group(2) not in names.TITLES
    )


def _the_before(prefix):
    the = _THE_BEFORE.search(prefix)
    if the is None or not _subject(prefix, the.start()):
        return None
    phrase = the.group(1).strip()
    noun = phrase.split()[-1]
    if noun[-1] in "'\u2019":  # "the team compared pupils' ...": a possessive is no subject
        return None
    if phrase[0].isupper():
        return ("country", phrase)
    return ("document", noun) if noun in papers.DOCUMENTS else ("the", phrase)


def _before(prefix):
    """The speaker just before an attribution verb: ("name", X), ("he", ...), ("it", ...),
    ("the", noun phrase), ("document", noun), ("kind", noun) or None."""
    prefix = _BETWEEN.sub("", appositives.BRACKETED.sub("", prefix))
    relative = _RELATIVE.search(prefix)
    if relative:
        prefix = prefix[: relative.start()] + ", "
    town = _OF_TOWN.search(prefix)
    if town and names.is_person(town.group(1)) and _subject(prefix, town.start()):
        return ("name", town.group(1))
    staff = _STAFF_AT.search(prefix)
    if staff:
        return ("name", names.modified(prefix[: staff.start(2)], staff.group(2)))
    named, prefix = appositives.past(prefix)
    if named:
        return ("name", named)
    services = _PLACE_SERVICE.search(prefix)
    if services and _subject(prefix, services.start()):
        return ("name", f"{services.group(1)} {services.group(2)}")
    leading = _WITH_OTHERS.search(prefix)
    if leading and _subject(prefix, leading.start()):
        return ("leading", leading.group(1))
    return (
        _pronoun_before(prefix)
        or _speaks_for(prefix)
        or _name_before(prefix, relative)
        or _opening_person(prefix)
        or _the_before(prefix)
    )


def _pronoun_before(prefix):
    """ "she said", "his office said", "it said", "Its members said", "they said", "the
    28-year-old said": ("he", pronoun), ("it", None), ("they", None), ("aged", None)."""
    pronoun = _PRONOUN_BEFORE.search(prefix)
    if pronoun:
        his = pronoun.group(2) in ("His", "his")
        return ("he", "he" if his else (pronoun.group(1) or "she").lower())
    for kind, pattern in (("it", _IT_BEFORE), ("they", _THEY_BEFORE), ("aged", _AGED_BEFORE)):
        if pattern.search(prefix):
            return (kind, None)
    return None


# "Imam Ali Reza of the Noor mosque in Leeds said": the person opening the sentence, whose
# place and body follow, with no clause between.
_OPENING_PERSON = re.compile(
    rf"^(?:The\s+)?({NAME})\s+(?:of|from|at)\s+"
    r"(?![^,;:\"\u201c]*\b(?:who|which|that|where|when|and|but|while)\b)[^,;:\"\u201c]{1,80}$"
)


def _opening_person(prefix):
    opening = _OPENING_PERSON.match(prefix)
    if opening and names.is_person(opening.group(1)):
        return ("name", opening.group(1))
    return None


def _speaks_for(prefix):
    """Someone speaking for an organisation: ("kind", noun), ("name", X) or None."""
    if _SPOKESPERSON.search(prefix):
        return ("it", None)
    if _THE_SPOKESPERSON.search(prefix):
        return ("spokesperson", None)
    if papers.BY_THE_SAME.search(prefix):
        return ("the", "researchers")
    kind = _KIND_SPEAKS.search(prefix)
    if kind and kind.group(1).lower() in _ORGANISATION_NOUNS:
        return ("kind", kind.group(1).lower())
    named = _NAMED_SPEAKS.search(prefix)
    named = named or papers.FROM_BEFORE.search(prefix)
    if named:
        return ("name", names.modified(prefix[: named.start(1)], named.group(1)))
    return None


# "San Telmo Hospital in Seville said": where the organisation is, not who speaks.
_IN_PLACE = re.compile(rf"({NAME})\s+in\s+{NAME}\s*$")


def _located(prefix):
    located = _IN_PLACE.search(prefix)
    if located is None or not _subject(prefix, located.start()):
        return None
    name = names.opened(located.group(1), located.start() == 0)
    head = names.head_of(name) if name else None
    return ("name", name) if head in names.ORGANISATION_HEADS - names.PLACE_HEADS else None


def _name_before(prefix, antecedent=False):
    """A name ending prefix that is the verb's subject (or a relative pronoun's antecedent,
    which may be a preposition's object), or the one spoken for."""
    body = _STATE_BODY.search(prefix)
    if body and _subject(prefix, body.start()):
        return ("body", body.group(1))
    located = _located(prefix)
    if located:
        return located
    spoken_for = _SPOKEN_FOR.search(prefix)
    if spoken_for and _subject(prefix, spoken_for.start()):
        return ("name", spoken_for.group(1))
    match = appositives.NAME_BEFORE.search(prefix)
    if match is None or match.group(1) in names.NOT_NAMES:
        return None
    if not (antecedent or _subject(prefix, match.start())):
        return None
    if names.without_title(match.group(1)).split()[0].lower() in ANONYMOUS:  # "Residents of X"
        return ("anonymous", None)
    return ("name", names.modified(prefix[: match.start()], appositives.person(match.group(1), -1)))


def speaker(sentence):
    """The speaker the sentence names itself, unresolved (see _before), or None."""
    if _ANONYMOUS_END.search(sentence.rstrip(".!?\"'\u201d\u2019")):
        return None
    found = papers.whose(sentence) or _at_verbs(sentence) or _participle_subject(sentence)
    found = found or quotations.remark(sentence)
    if found:
        return found
    paper = papers.telling(sentence)
    if paper and not _quoted_at(sentence, paper[1]):
        return ("document", paper[0])
    opines = speech_verbs.PRONOUN_OPINES.match(sentence)
    return ("he", opines.group(1).lower()) if opines else None


def _at_verbs(sentence):
    """The speaker named at the first attribution verb (outside quotations) that has one."""
    quoted = [q.span() for q in _QUOTATION.finditer(sentence)]
    for verb in speech_verbs.in_order(sentence):
        if any(start < verb.start() < end for start, end in quoted):
            continue  # '"He says it is over," she said': the speaker is outside the quote
        if speech_verbs.describes_noun(sentence, verb) or speech_verbs.negated(sentence, verb):
            continue
        if verb.group(0).lower() == "according to":
            return according.source(sentence, verb.end())
        if _PASSIVE.search(sentence[: verb.start()]):
            named = _agent(sentence, verb.end())  # "was reported": by whom, if said
        else:
            named = _before(sentence[: verb.start()]) or _after(sentence, verb.end())
        if named:
            return named
    return None


# ", saying that ...", ", ruling 2-1 that ...": a clause saying what the subject of the
# sentence said; the subject opens it, after a timestamp or a phrase setting the scene.
_SAYING = re.compile(
    r",\s+(?:saying|arguing|noting|claiming|insisting|warning|stating|telling|alleging|"
    r"asserting|contending|complaining)\b|"
    # these say something only when what follows is what was said: not "adding to pressure"
    r",\s+(?:ruling|adding|concluding|finding|estimating|calculating)\b"
    r"(?=[^.;]{0,60}?(?:\bthat\b|[\"\u201c:]))"
)
_OPENING = re.compile(
    r"^(?:[\d:.]+\s*(?:[ap]\.m\.)?\s*:\s+)?(?:(?:In|On|At|After|Before|During|Asked)\b[^,]{0,80},\s+)?"
    # "Law firm Kell Partners has sued ..., alleging": the words saying what the name is
    rf"([Tt]he\s+[a-z]+|(?:The\s+)?(?:[a-z0-9]+\s+|[A-Z][a-z]+\s+[a-z]+\s+(?=[A-Z]))?{NAME}"
    r"(?:['\u2019]s\s+[a-z]+)?|[Hh]e|[Ss]he|[Ii]t)"
    r"(?=\s+(?!of\b|and\b)[a-z])"
)


def _quoted_at(sentence, at):
    return any(q.start() < at < q.end() for q in _QUOTATION.finditer(sentence))


def _participle_subject(sentence):
    """ "The county defended the cap, saying in filings that ...": the sentence's subject."""
    saying = _SAYING.search(sentence)
    if saying is None or _quoted_at(sentence, saying.start()):
        return None
    opening = _OPENING.match(sentence)
    return _before(opening.group(0)) if opening else None


# "It was announced by the city council that": a body named in lower case.
_BY_THE = re.compile(
    r"\s+by\s+the\s+([a-z]+(?:\s+[a-z]+)?)(?=\s+(?:on|that|in|last|this)\b|\s*[,.])"
)


# "was announced on Sunday by", "was confirmed late last night by": when, before by whom.
_WHEN = re.compile(
    rf"(?:\s+(?:(?:early|late)\s+)?(?:on\s+{names.WEEKDAY}|{names.WEEKDAY}|yesterday|today|"
    r"overnight|(?:last|this|on)\s+[\w.]+(?:\s+\d+)?|in\s+[A-Z][a-z]+(?:\s+\d+)?))(?=\s+by\b)"
)


def _agent(sentence, at):
    """ "was announced by the Harbour Board": the one after "by"."""
    when = _WHEN.match(sentence, at)
    at = when.end() if when else at
    agent = _BY.match(sentence, at)
    if agent:
        return ("name", agent.group(1))
    agent = _BY_THE.match(sentence, at)
    return ("the", agent.group(1)) if agent else None


# "said its director, Imran Patel, 58.": the name a title after the verb sets off; "said
# Kell Trust's head of research, Ana Lind": whose title it is, named.
_TITLE_THEN_NAME = re.compile(
    rf"\s+(?:its|his|her|their|the|{NAME}['\u2019]s?)\s+(?:[\w'\u2019-]+\s+){{0,3}}?[a-z]+,\s+({NAME})"
)


def _after(sentence, at):
    """ "said Ana Lind", "said councillor Tom Reyes", "said its director, Tom Reyes"; not
    "said Monday"."""
    service = _SERVICE_AFTER.match(sentence, at)
    if service and _SPEAKER_ENDS.match(sentence, service.end()):
        return ("name", service.group(1))
    found = (pattern.match(sentence, at) for pattern in (_NAME_AFTER_VERB, _TITLE_THEN_NAME))
    ending = (m for m in found if m and _SPEAKER_ENDS.match(sentence, m.end()))
    after = next(ending, None)
    if after is None:
        return None
    if after.group(1).rstrip(".") not in names.DATES | names.NOT_NAMES:
        return ("name", appositives.person(after.group(1), 0))
    return None


# The page around the story: a byline and its job line ("By Ana Lind, Health Reporter"),
# a link to another story ("Read more: Council warns ..."), a caption. Nobody speaks in
# them, and their names are no speakers for "the company said" to find.
_FURNITURE = re.compile(
    r"^(?:By\s+[A-Z][^.!?]*$|(?:Additional\s+)?(?:Reporting|Writing|Written|Interview)\s+by\s|"
    r"(?:Read\s+more|Related|See\s+also|More\s+on\s+this\s+story|Photo|Photograph|Pictured|"
    r"Picture|Image)\s*:)",
    re.IGNORECASE,
)


def claimants(sentences, paragraphs=None):
    """The claimant of each sentence (a list of str or None), in order; paragraphs is each
    sentence's paragraph number (None: one paragraph)."""
    paragraphs = paragraphs or [0] * len(sentences)
    story = [None if _FURNITURE.match(sentence) else sentence for sentence in sentences]
    text = " ".join(sentence for sentence in story if sentence)
    single = [name for _, name in names.found(text) if " " not in name]
    # each sentence apart: a byline has no full stop, and the word opening the sentence
    # after it is no word capitalised mid-sentence
    inside = [word for sentence in story if sentence for word in _MID_SENTENCE.findall(sentence)]
    context = Mentions(inside, single)
    spoken = [speaker(sentence) if sentence else None for sentence in story]
    found = [
        resolution.named(sentence, said, context) if sentence else None
        for sentence, said in zip(story, spoken, strict=True)
    ]
    found = quotations.to_speakers(sentences, paragraphs, found)
    own = [said is not None for said in spoken]
    found = interviews.answers_to_interviewee(sentences, paragraphs, found, own)
    found = unmarked_interviews.turns(sentences, paragraphs, found, own)
    found = transcripts.turns(sentences, paragraphs, found, spoken)
    return organisations.spelled_whole(found, " ".join(sentences))
