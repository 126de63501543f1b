"""The speaker standing just before a verb of saying, for factcheck/attribution.py: a
name that can be the verb's subject ("Ana Lind said", not "published in the journal Earth
Systems found"), a pronoun ("she said", "it said", "they said"), someone speaking for a
body ("a spokesperson for X", "researchers at X", "a university spokesman"), "the <noun>"
for resolution to name later, and what stands between the speaker and the verb ("X on
Friday confirmed", "X smiled and said").
"""

import re

from factcheck import appositives, names, organisations, papers
from factcheck.names import NAME

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
SERVICES = r"police|coastguard|fire\s+(?:service|brigade)|ambulance\s+service"

_PLACE_SERVICE = re.compile(rf"({NAME})\s+({SERVICES})\s*$")

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

# Scientists by their field: "astronomers at X" speak for where they work, as researchers do.
_SCIENTISTS = (
    r"astronomers|physicists|chemists|biologists|geologists|ecologists|engineers|clinicians|"
    r"mathematicians|astrophysicists|archaeologists|neuroscientists|climatologists"
)

# Who campaign or volunteer for a group: "Campaigners from Kell Rivers Trust said" is the
# group's word, as its staff's is.
_CAMPAIGNERS = r"campaigners|volunteers|activists|organi[sz]ers|representatives"

# "researchers at the University of Tasmere reported": where they work speaks.
# "The researchers, from Leeds University, found": set off by commas too.
_STAFF_AT = re.compile(
    rf"\b(?i:{_SPOKESPEOPLE}|doctors|forecasters|meteorologists|"
    rf"epidemiologists|academics|{_SCIENTISTS}|{_CAMPAIGNERS})(,)?\s+(?:at|from|with)\s+(?:the\s+)?"
    rf"((?:[a-z0-9]+\s+)?{NAME})(?(1),)\s*$"
)

# "Researchers at X have built a cell that ...", "Astronomers at X have found a planet": what
# a body's scientists report doing is the body's finding, whatever the verb.
_RESEARCH_OPENING = re.compile(
    rf"^(?:(?:[A-Z][a-z]+\s+)?[Rr]esearchers|[Ss]cientists|(?i:{_SCIENTISTS}))\s+(?:at|from)\s+"
    # (not "have been given": what was done to them)
    rf"(?:the\s+)?({NAME})\s+(?:have|has|had)\s+(?!been\b)[a-z]+\b"
)


def research_opening(sentence):
    """ "Researchers at X have built ...": ("name", X), or None."""
    opening = _RESEARCH_OPENING.match(sentence)
    return ("name", opening.group(1)) if opening else None


# "Ted Marchetti of Dayton, Ohio, said": the person, not the state of the town.
_OF_TOWN = re.compile(rf"({NAME}),?\s+of\s+{NAME},\s+{NAME},?\s*$")

_ORGANISATION_NOUNS = organisations.ORGANISATION_NOUNS

# "A spokesperson for Medway Energy said": the organisation speaks.
_SPEAKS_FOR = re.compile(r"\bspokes(?:person|man|woman)\s+(?:for|of|at)\s+(?:the\s+)?$")


def _subject(prefix, start):
    """Whether the words at `start` of prefix can be the subject of the verb after it."""
    if _SPEAKS_FOR.search(prefix[:start]):
        return True
    # "spokesman on health Ivo Dant", "Spokesman on National Security Dr Ivo Dant": a
    # shadow's or a party's brief "on" a subject before its holder (not "on Tuesday")
    brief = re.search(r"\b([A-Za-z]+)\s+on\s+(?:(?!the\b)[a-z]+\s+)?$", prefix[:start])
    dated = prefix[start:].split(" ", 1)[0] in names.DATES
    if brief and not dated and names.is_title(brief.group(1)):
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


def before(prefix):
    """The speaker just before an attribution verb: ("name", X), ("he", ...), ("it", ...),
    ("the", noun phrase), ("document", noun), ("kind", noun) or None."""
    # (a space kept where words went: "X, a nurse, smiled and said" still ends in ", ")
    prefix = _BETWEEN.sub(" ", appositives.BRACKETED.sub("", prefix))
    relative = _RELATIVE.search(prefix)
    if relative:
        prefix = prefix[: relative.start()] + ", "
    town = _OF_TOWN.search(prefix)
    if town and names.is_person(town.group(1)) and _subject(prefix, town.start()):
        return ("name", town.group(1))
    staff = _staff_at(prefix)
    if staff:
        return ("name", staff)
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
        or _report_to(prefix)
        or _name_before(prefix, relative)
        or _opening_person(prefix)
        or _the_before(prefix)
    )


def _staff_at(prefix):
    """ "Researchers at Kell University", "Volunteers from the Kell Alliance, who have tested
    it since 2021,": the body they work or campaign for, or None."""
    staff = _STAFF_AT.search(prefix)
    if staff is None:
        prefix = appositives.without_relative_clause(prefix)
        staff = _STAFF_AT.search(prefix)
    if staff is None:
        return None
    return names.modified(prefix[: staff.start(2)], names.unkinded(staff.group(2)))


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


# "A report to Kell County Council's cabinet said": a report put to a body or its committee
# is its officers' work, so the body's (not "Council's cabinet", a state's body).
_REPORT_TO = re.compile(
    rf"^(?:An?|The)\s+(?:[a-z]+\s+)?(?:report|paper|briefing)\s+to\s+(?:the\s+)?({NAME})"
    r"(?:['\u2019]s\s+(?:[a-z]+\s+)?[a-z]+)?\s*$"
)


def _report_to(prefix):
    report_to = _REPORT_TO.match(prefix)
    return ("name", report_to.group(1)) if report_to else None


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
    # "Residents of X"
    if names.without_title(match.group(1)).split()[0].lower() in organisations.ANONYMOUS:
        return ("anonymous", None)
    return ("name", names.modified(prefix[: match.start()], appositives.person(match.group(1), -1)))
