"""Who a sentence attributes its claim to: "X said", "said X", "X, the mayor, said",
"according to X" (also "according to a statement from X"), "he/she said" (the person last
speaking or spoken of), "it said" and "the company said" (the organisation last named), a
sentence that is all quotation given to the speaker of the quote before it (or, failing that,
of the sentence after it), and a Q&A's answers given to the person interviewed
(factcheck/interviews.py). None when nobody is named: the narrator's own sentences, "officials
said", "the court heard", "a senior diplomat said", "the article said".

Names, titles and the person/organisation distinction are factcheck/names.py's; what the
text has named so far (against which "Okafor", "she", "the mayor", "it" are resolved) is
factcheck/mentions.py's.
"""

import re

from factcheck import interviews, names
from factcheck.mentions import Mentions
from factcheck.names import NAME, words

VERBS = (
    r"said|says|(?<!to )say|told|tells|claimed|claims|announced|announces|tweeted|wrote|"
    r"writes|stated|noted|notes|reported|added|adds|warned|warns|argued|argues|insisted|insists|promised|"
    r"explained|confirmed|confirms|testified|denied|denies"
)
ATTRIBUTION = re.compile(rf"\b(?:{VERBS}|according to)\b", re.IGNORECASE)
_VERB = re.compile(rf"\b(?:{VERBS})\b|\b(?i:according to)\b")
# "He expects ...", "She believes ...": the person last named is still speaking. "She was
# 87", "He will appear in court" state facts about them: nobody is quoted.
_PRONOUN_OPINES = re.compile(
    r"^(He|She)\s+(?:also\s+)?(?:expects|expected|believes|believed|thinks|thought|hopes|"
    r"hoped|fears|feared|predicts|predicted|doubts|doubted|accepts|accepted|admits|admitted|"
    r"acknowledges|acknowledged|agrees|agreed|disagrees|disagreed|blames|blamed|urges|urged|"
    r"recalls|recalled|describes|described|dismisses|dismissed|rejects|rejected)\b"
)
_NAME_AFTER = re.compile(rf"\s*(?:the\s+)?(?:[a-z]+\s+)?({NAME})(?:\s+([a-z]+)(?=\s*[,.;]))?")
# "according to a statement from the World Food Programme": the source is whoever made it.
_DOCUMENT_FROM = re.compile(
    r"\s*(?:(?:an?|the)\s+)?(?:[a-z]+\s+){0,2}?(?:statements?|figures|data|reports?|"
    r"estimates?|analysis|survey|count|tally|records|study|research|poll)\s+"
    r"(?:from|by|of|released by|published by)\s+"
)
# "according to the city's finance office": an organisation named in lower case, up to the
# clause's end.
_THE_AFTER = re.compile(r"\s*the\s+([a-z][\w'\u2019]*(?:\s+[a-z][\w'\u2019]*){0,3})\s*[,.;]")
_NAME_BEFORE = re.compile(rf"({NAME})\s*$")
# "Governor Ana Lind's office said", "Medway Energy's spokesperson said": the one spoken for.
_SPOKEN_FOR = re.compile(
    rf"({NAME})['\u2019]s\s+(?:office|spokes(?:person|man|woman)|press office|lawyers?|"
    r"attorneys?|campaign|representatives?)\s*$"
)
# "FBI data show ...", "Labor Department figures showed ...": whose figures they are.
_FIGURES_OF = re.compile(
    rf"^(?:The\s+)?({NAME})(?:['\u2019]s?)?\s+(?:data|figures|statistics|records|estimates)\s+"
    r"(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated)\b"
)
_THE_BEFORE = re.compile(r"\b[Tt]he((?:\s+[a-z][\w'\u2019-]*){1,3})\s*$")
_PRONOUN_BEFORE = re.compile(r"\b([Hh]e|[Ss]he)\s*$")
_IT_BEFORE = re.compile(r"\b(?:it|It)\s*$")
# Adverbs and auxiliaries between a speaker and the verb ("has confirmed", "today
# announced"), and a first verb joined to it ("Dunmore smiled and said").
_BETWEEN = re.compile(
    r"(?:\s+(?:today|yesterday|also|later|previously|recently|then|once|repeatedly|publicly|"
    r"always|often|never|has|have|had|[a-z]+ed\s+and))+\s*$"
)
_APPOSITIVE = re.compile(r",[^,]{1,80},\s*$|,\s*(?:who|whose|which)\b[^,]{1,200},\s*$")
# People the text does not name: "Officials said", "..., police said."
ANONYMOUS = words(
    "officials sources witnesses police analysts aides diplomats experts observers residents "
    "people critics researchers scientists investigators prosecutors doctors economists "
    "officers neighbours neighbors relatives friends supporters opponents protesters activists"
)
# "..., the court heard.", "..., officials said.": the sentence is reported from someone
# the text does not name.
_ANONYMOUS_END = re.compile(
    r",\s*(?:the\s+)?(?:court|jury|inquest|tribunal|hearing|committee)\s+(?:heard|was told)\b"
    rf"[^,]*$|,\s*(?:{'|'.join(sorted(ANONYMOUS))})\s+(?:said|say|told|added)\b[^,]*$"
)
# A speaker must be a clause's subject: not the object of a preposition ("involved in the
# ceasefire talks, said") nor the subject of a clause that only sets the scene ("rose after
# the software maker reported").
_NOT_SUBJECT_AFTER = words(
    "in of about at on from by with to for into than after before when since because as while "
    "if until unless though although once whether"
)
# The things a narrator cites that are not claimants: the article's own parts, documents.
DOCUMENTS = words(
    "article story report column caption headline graphic version study survey paper letter "
    "post statement filing note list interview lawsuit suit complaint indictment ruling "
    "judgment memo document email petition motion website book film poll audit review"
)
# A bare "the company said" is the organisation of that kind named last.
_COMPANY = words("company firm group business maker")
_GENERIC = _COMPANY | words(
    "ministry department agency council club board service office authority bureau "
    "commission committee regulator bank university college school hospital court"
)
_TITLE_AFTER = "|".join(sorted(names.TITLES))
# "said councillor Tom Reyes": a name after the verb, perhaps behind a lower-case title.
_NAME_AFTER_VERB = re.compile(rf"\s+(?:(?:{_TITLE_AFTER})\s+)?({NAME})")
_QUOTATION = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
QUOTES = "\"\u201c\u201d'\u2018\u2019"
_OPENS_QUOTE = re.compile(r"[\"\u201c\u201d]|(?:^|\s)['\u2018]")


# "A spokesperson for Medway Energy said": the organisation speaks.
_SPEAKS_FOR = re.compile(r"\bspokes(?:person|man|woman)\s+(?:for|of|at)\s+(?:the\s+)?$")


def _subject(prefix, start):
    """Whether the words at `start` of prefix can be the subject of the verb after it."""
    if _SPEAKS_FOR.search(prefix[:start]):
        return True
    word = re.search(r"([A-Za-z]+)\s+(?:the\s+)?$", prefix[:start])
    return word is None or word.group(1).lower() not in _NOT_SUBJECT_AFTER


def _the_before(prefix):
    the = _THE_BEFORE.search(prefix)
    if the is None or not _subject(prefix, the.start()):
        return None
    phrase = the.group(1).strip()
    return None if phrase.split()[-1] in DOCUMENTS else ("the", phrase)


def _before(prefix):
    """The speaker just before an attribution verb: ("name", X), ("he", ...), ("it", ...),
    ("the", noun phrase) or None."""
    prefix = _BETWEEN.sub("", prefix)
    # "The mayor, Jane Porter, said": the name set off by commas is the speaker; "Ana Lind,
    # 45, a nurse, said": the one before them is.
    for _ in range(3):
        appositive = _APPOSITIVE.search(prefix)
        if appositive is None or _NAME_BEFORE.search(prefix.rstrip(",")):
            break
        inside = prefix[appositive.start() + 1 :].strip(" ,")
        if re.fullmatch(NAME, inside) and inside not in names.NOT_NAMES:
            return ("name", inside)
        prefix = prefix[: appositive.start()] + ","
    prefix = prefix.rstrip(",")
    pronoun = _PRONOUN_BEFORE.search(prefix)
    if pronoun:
        return ("he", pronoun.group(1).lower())
    if _IT_BEFORE.search(prefix):
        return ("it", None)
    return _name_before(prefix) or _the_before(prefix)


def _name_before(prefix):
    """A name ending prefix that is the verb's subject, or the one spoken for."""
    spoken_for = _SPOKEN_FOR.search(prefix)
    if spoken_for and _subject(prefix, spoken_for.start()):
        return ("name", spoken_for.group(1))
    match = _NAME_BEFORE.search(prefix)
    if match is None or match.group(1) in names.NOT_NAMES or not _subject(prefix, match.start()):
        return None
    if match.group(1).lower() in ANONYMOUS:
        return ("anonymous", None)
    return ("name", names.split_people(match.group(1))[-1])


def _according(sentence, at):
    """The source after "according to": a name, or "the" and an organisation in lower case."""
    source = _DOCUMENT_FROM.match(sentence, at)
    at = source.end() if source else at
    pronoun = re.match(r"\s*(him|her)\b", sentence[at:])
    if pronoun:
        return ("he", "he" if pronoun.group(1) == "him" else "she")
    after = _NAME_AFTER.match(sentence, at)
    if after:
        head = after.group(2)
        if head and head in names.ORGANISATION_HEADS:
            return ("name", f"{after.group(1)} {head}")
        return ("name", after.group(1))
    after = _THE_AFTER.match(sentence, at)
    return ("the", after.group(1)) if after else None


def speaker(sentence):
    """The speaker the sentence names itself, unresolved (see _before), or None."""
    if _ANONYMOUS_END.search(sentence.rstrip(".!?\"'\u201d\u2019")):
        return None
    figures = _FIGURES_OF.match(sentence)
    if figures and (" " in figures.group(1) or figures.group(1).isupper()):
        return ("name", figures.group(1))  # not "New figures show"
    found = _at_verbs(sentence)
    if found:
        return found
    opines = _PRONOUN_OPINES.match(sentence)
    return ("he", opines.group(1).lower()) if opines else None


def _at_verbs(sentence):
    """The speaker named at the first attribution verb (outside quotations) that has one."""
    quoted = [q.span() for q in _QUOTATION.finditer(sentence)]
    for verb in _VERB.finditer(sentence):
        if any(start < verb.start() < end for start, end in quoted):
            continue  # '"He says it is over," she said': the speaker is outside the quote
        if verb.group(0).lower() == "according to":
            return _according(sentence, verb.end())
        named = _before(sentence[: verb.start()]) or _after(sentence, verb.end())
        if named:
            return named
    return None


def _after(sentence, at):
    """ "said Ana Lind", "said councillor Tom Reyes"; not "said Monday"."""
    after = _NAME_AFTER_VERB.match(sentence, at)
    if after and after.group(1).rstrip(".") not in names.DATES | names.NOT_NAMES:
        return ("name", names.split_people(after.group(1))[0])
    return None


def _named(sentence, context):
    found = speaker(sentence)
    claimant = _resolve(found, context) if found else None
    context.learn(sentence, claimant)
    return claimant


def _resolve(found, context):
    """The claimant a speaker stands for, given what the text has named so far."""
    kind, value = found
    if kind == "anonymous":
        return None
    if kind == "he":
        return context.person(value)
    if kind == "it":
        return context.last_organisation()
    if kind == "the":
        noun = value.split()[-1]
        if noun in context.titles:
            return context.titles[noun]
        return (value in _GENERIC and context.organisation(value, _COMPANY)) or value
    return context.full(names.without_title(re.sub(r"^The\s+", "", value.rstrip("."))))


def claimants(sentences, paragraphs=None):
    """The claimant of each sentence (a list of str or None), in order; paragraphs is each
    sentence's paragraph number (None: one paragraph)."""
    paragraphs = paragraphs or [0] * len(sentences)
    context = Mentions()
    found = [_named(sentence, context) for sentence in sentences]
    found = _quotes_to_speakers(sentences, paragraphs, found)
    return interviews.answers_to_interviewee(sentences, paragraphs, found)


def _all_quote(sentence):
    return sentence[:1] in QUOTES and sentence.rstrip(".!?")[-1:] in QUOTES


def _quotes_to_speakers(sentences, paragraphs, found):
    """A sentence that is all quotation, naming nobody, goes on the quote before it in the
    paragraph; else it is the speaker's of the sentence after it."""
    result = list(found)
    for i, sentence in enumerate(sentences):
        if found[i] is not None or not _all_quote(sentence):
            continue
        same_before = i > 0 and paragraphs[i - 1] == paragraphs[i]
        same_after = i + 1 < len(sentences) and paragraphs[i + 1] == paragraphs[i]
        if same_before and result[i - 1] and _OPENS_QUOTE.search(sentences[i - 1]):
            result[i] = result[i - 1]
        elif same_after and found[i + 1]:
            result[i] = found[i + 1]
    return result
