"""What the words around a name tell of it when no head word does ("Skerry Air", "Larkspur
Pictures", "Grey Lantern"): an organisation's (", which", "calling itself X", "X, one of the
country's largest insurers,", "the tracking firm X"), a person's ("X, 29,", ", who"), a
place's ("in North America") or a work's title ('"Salt Moon,"'). factcheck/mentions.py keeps
what each sentence tells, against which "the airline said" finds the organisation meant.
No word list of names: only the grammar around them.
"""

import re

from factcheck import names
from factcheck.names import NAME, words

# "Larkspur Pictures, which financed the film,": a thing; "Gareth Pryce, whose family": a
# person, as ", who" is.
_WHICH = re.compile(rf"({NAME}),\s+which\b")
# "Kell, based in Leeds,": a body has a base, a person a home.
_BASED = re.compile(rf"({NAME}),\s+based\s+in\b")
_WHO = re.compile(rf"({NAME}),\s+(?:who|whose)\b")
# "the Rail, Maritime and General Union (RMGU)": a name listing words with commas, as its
# initials in brackets show.
_LISTED = re.compile(rf"((?:[A-Z][\w'\u2019-]*,\s+)+{NAME})\s+\(([A-Z]{{2,}})\)")
# "A spokesperson for Dunmore Homes said": a body speaks through one (a person too, but then
# with a title, "a spokeswoman for Mr Brint", or known by a pronoun before).
_SPOKESPERSON_FOR = re.compile(rf"\bspokes(?:person|man|woman)\s+(?:for|at)\s+({NAME})")
# "Callum Reid, 29,": an age.
_AGED = re.compile(rf"({NAME}),\s+(?:aged\s+)?\d{{1,3}}\s*[,.;]")
# "Shares of Kell Mining fell", "shares in Kell rose": a company listed on a market.
_SHARES = re.compile(rf"\b[Ss]hares\s+(?:of|in)\s+({NAME})")
_ITSELF = re.compile(rf"\b(?:calling|calls|called)\s+itself\s+(?:the\s+)?({NAME})")
# "Orrin Mutual, one of the country's largest home and car insurers,": an insurer.
_ONE_OF = re.compile(
    rf"({NAME}),\s+(?:one\s+of|among)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){{0,6}}?([a-z]+?)(?:e?s)\s*[,.;]"
)
# "the tracking firm Boxline Analytics.", "the security firm Quillon Labs,": the noun
# before the name is what it is (not "the firm Tom Fox founded": a verb follows).
# "Law firm Kell Partners has filed": so at the sentence's opening too.
_NOUN_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+(?:[a-z-]+\s+)?|^[A-Z][a-z]+\s+)([a-z]+)\s+({NAME})(?=\s*[,.;:)]|\s*$|\s+(?:said|says|has|had|is|was)\b)"
)
# "in North America", "near Lerwick": a place (not "Shares in Orrin Mutual").
_PLACE = re.compile(
    rf"(?<!hares )(?<!takes )(?<!take )\b(?:in|near|outside|across|throughout|around|over|"
    rf"off)\s+({NAME})"
)
# "headliners The Marrow Kings", "told The Harbour Times": a name taking a capital "The" inside
# a sentence is a band's, a paper's, a firm's: no person's.
_CAPITAL_THE = re.compile(rf"(?<=[\w,;:] )The\s+({NAME})")
# '"Salt Moon," the space drama': a title quoted whole.
_WORK = re.compile(rf"[\"\u201c]({NAME})[,.!?]?[\"\u201d]")
# Who a source the text does not name is: "the person said" is nobody named.
SOURCES = words("person source insider official")
# Nouns that stand for a person, never an organisation: "the pensioner said" is the person
# who spoke last, not the last organisation named.
PEOPLE = (
    SOURCES
    | names.ROLES
    | words(
        "man woman boy girl child victim suspect defendant mother father son daughter wife "
        "husband brother sister pensioner individual employee fan player pupil guest visitor "
        "caller donor volunteer survivor friend neighbour neighbor relative"
    )
)


# Common names for a body of one kind: "the local authority said" is the council named.
SAME_AS = {"local authority": "council", "town hall": "council", "city hall": "council"}


# People the text does not name: "Officials said", "..., police said."
ANONYMOUS = words(
    "officials sources witnesses police analysts aides diplomats experts observers residents "
    "people critics researchers scientists investigators prosecutors doctors economists "
    "officers neighbours neighbors relatives friends supporters opponents protesters activists"
)
# Who speak for an organisation: "A university spokesman said", "council planning officers
# concluded", "the institute's researchers" (regular expressions' alternatives).
SPOKESPEOPLE = (
    r"spokes(?:person|man|woman)|officers|officials|executives|staff|lawyers|researchers|"
    r"scientists|inspectors|auditors|engineers|managers|"
    # whose work is the body's findings: "the agency's reviewers noted"
    r"reviewers|analysts|economists|investigators|examiners|statisticians"
)
# Who run or belong to it: "Its members said", "Trustees wrote".
MEMBERS = r"members|trustees|directors|governors|board\s+members|authors"
# Nouns an organisation goes by: "council officers", "the club said", "the security firm X".
ORGANISATION_NOUNS = (
    names.COMPANIES | names.ORGANISATION_HEADS | frozenset().union(*names.KINDS)
) - names.PLACE_HEADS

# Words naming where a body governs, shared by many bodies' names: "the state labor
# department" is no State Bureau, "according to state records" no body's.
JURISDICTIONS = words(
    "state national federal city county regional local municipal provincial district "
    "international global"
)
# Public bodies and places: "the district said" is never a name no head word types.
PUBLIC = words(
    "court council county city state province region district government administration "
    "police army navy house senate parliament assembly congress school hospital university "
    "college department ministry agency"
)


# "Ana Lind, one of the report's lead authors,": one of people, so a person.
_ONE_OF_PEOPLE = words("author member founder leader expert")


def _one_of_people(name, noun):
    """Whether "X, one of the ...s" makes X a person: a title before the name, or people
    after "one of"."""
    return names.without_title(name) != name or noun in PEOPLE | names.TITLES | _ONE_OF_PEOPLE


# "the Department for Environment, Food and Rural Affairs": a public body's remit listed
# after its head noun, with commas, up to the last item after "and".
_REMITS = re.compile(
    r"\b((?:Ministry|Department|Office|Secretary|Minister)\s+(?:of|for)\s+(?:the\s+)?"
    r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*(?:,\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)+"
    r",?\s+and\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)"
)


def listed(sentence):
    """The names listing words with commas: those the sentence gives with their initials
    ("the Rail, Maritime and General Union (RMGU)" -> "Rail, Maritime and General Union") and
    a public body's remits ("Ministry of Housing, Communities and Local Government")."""
    with_initials = [
        _name(name)
        for name, short in _all(_LISTED, sentence, "(")
        if "".join(re.findall(r"\b[A-Z]", name)) == short
    ]
    remits = [_name(name) for name in _all(_REMITS, sentence, " of ", " for ")]
    return with_initials + [name for name in remits if not _lists_people(name)]


def _lists_people(name):
    """ "the Ministry of Health, Ana Lind and Tom Fox": a body and people, no body's remits;
    a remit between commas is a word or a body's ("Housing, Communities and Local
    Government"), and only the last, after "and", may be two words of any kind ("Rural
    Affairs")."""
    items = re.split(r",\s+", re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[-1])
    between = [*items[1:-1], re.split(r",?\s+and\s+", items[-1])[0]]
    return any(names.is_person(item) for item in between)


def _name(found):
    return names.bare(found.rstrip("."))


def _all(pattern, sentence, *cues):
    """pattern's matches, searched for only when the sentence holds a cue (speed)."""
    return pattern.findall(sentence) if any(cue in sentence for cue in cues) else []


def _opening_noun(sentence):
    # searched apart, as _all only looks where "the" is
    found = _NOUN_BEFORE.match(sentence)
    return [found.groups()] if found else []


def read(sentence):
    """(organisations: {name: the noun it is called or None}, people, places) the sentence
    shows by the grammar around names."""
    organisations = {_name(n): None for n in _all(_WHICH, sentence, ", which")}
    organisations.update({_name(n): None for n in _all(_BASED, sentence, "based in")})
    organisations.update({_name(n): None for n in _all(_ITSELF, sentence, "itself")})
    organisations.update({_name(n): None for n in _all(_SHARES, sentence, "hares ")})
    organisations.update(dict.fromkeys(listed(sentence)))
    for name in _all(_SPOKESPERSON_FOR, sentence, "spokes"):
        if " " in name and not names.titled(name):
            organisations.setdefault(_name(name), None)
    organisations.update({_name(n): None for n in _all(_CAPITAL_THE, sentence, " The ")})
    organisations.update(
        {_name(n): noun for n, noun in _all(_ONE_OF, sentence, ", ") if not _one_of_people(n, noun)}
    )
    for noun, found in _all(_NOUN_BEFORE, sentence, "he ") + _opening_noun(sentence):
        if noun in ORGANISATION_NOUNS and " " in found:
            organisations.setdefault(_name(found), noun)
    people = {_name(n) for n in (*_all(_WHO, sentence, ", wh"), *_all(_AGED, sentence, ", "))}
    places = {_name(n) for n in (*_PLACE.findall(sentence), *_all(_WORK, sentence, '"', "\u201c"))}
    return organisations, people - set(organisations), places - set(organisations)


# What a state's bodies are called in lower case after its name ("Peru's culture ministry").
STATE_BODIES = "ministry|government|army|navy|military|embassy|regulator|coastguard|cabinet"


# The abbreviations that close a company's legal name; the full stop after one is part of the
# name ("Kell Tools Inc."), not the sentence's, though splitting on stops takes it off.
_LEGAL_ENDINGS = words("inc corp co ltd bhd plc llc llp pty")


def spelled_whole(claimants, text):
    """Each claimant as the text spells it: "Kell Tools Inc" back to "Kell Tools Inc." when
    the text writes the abbreviation with its stop ("Kell Tools Ltd" stays when it does not)."""
    spelled = {}
    for name in {c for c in claimants if c and c.split()[-1].lower() in _LEGAL_ENDINGS}:
        spelled[name] = name + "." if re.search(re.escape(name) + r"\.", text) else name
    return [spelled.get(name, name) for name in claimants]


# Words before a body's noun that point back or count ("the same agency", "the other
# council", "the first company"), not words saying which body it is.
_NOT_MODIFIERS = words("a an the its their his her our this that same other own first last next")
_LOWER_WORDS = re.compile(r"\b[Tt]he((?:\s+[a-z][a-z-]*){2,4})")


def unnamed_bodies(sentence):
    """[(noun, phrase)] for each body the sentence calls in lower case by the words saying
    which it is and the noun of its kind ("the federal forestry department", "the state
    health agency"), as news writing calls a body with no proper name; "the department
    said" later is that body."""
    found = []
    for match in _LOWER_WORDS.finditer(sentence):
        tokens = match.group(1).split()
        stop = [w in _NOT_MODIFIERS or w in names.NOT_SUBJECT_AFTER for w in tokens] + [True]
        tokens = tokens[: stop.index(True)]
        # the last noun of a kind heads the phrase: "the regional water board" is a board
        heads = [at for at, w in enumerate(tokens) if at and w in ORGANISATION_NOUNS]
        if heads and tokens[heads[-1]] not in JURISDICTIONS:
            found.append((tokens[heads[-1]], " ".join(tokens[: heads[-1] + 1])))
    return found
