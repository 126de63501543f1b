"""Names in news text: finding capitalised runs, dropping job titles, and telling a person
("Judge Alison Reyes", "Ana Lind") from an organisation or a place ("Westbrook Crown Court",
"Norvale Systems", "the Grand Hotel"), which pronouns and "the company" are resolved against
(factcheck/attribution.py). The word lists are English titles and the common nouns that head
organisation and place names: never any article's names.
"""

import re

from factcheck.organisation_words import (
    CHARITY_HEADS,
    COMPANIES,
    KINDS,
    NOT_BUSINESSES,
    ORGANISATION_HEADS,
    PARTNERSHIPS,
    PLACE_HEADS,
    SURNAME_HEADS,
)
from factcheck.titles import (  # noqa: F401 (the title vocabulary, read as names.X too)
    PARTY_MEMBERS,
    PRONOUN_OF_TITLE,
    ROLE_SHAPED,
    ROLES,
    TITLE_WORDS,
    TITLES,
    is_title,
    only_titles,
    titled,
    words,
)

# A name: capitalised words, initials and abbreviated titles, joined by "of", "for", "and",
# "de", "&", ... ("Centers for Disease Control and Prevention", "Friends of the Library",
# "Harrow & Finch").
# An initialism with stops ("U.S.", "D.C.") is one token, or "the U.S. and Canada" would
# read as a name "S. and Canada".
TOKEN = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'\u2019-]*\.?|[A-Z]\.)"
# "Committee on Adult Immunisation", "Commission on Human Rights": a deliberating body's
# name goes on after "on" (not "the Committee on Tuesday", "the Panel on March 3").
_ON = (
    r"(?:(?<=Committee)|(?<=Commission)|(?<=Council)|(?<=Panel)|(?<=Force)|(?<=Conference))"
    r"\s+on(?=\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z])"
)
# A nickname in quotation marks between given name and surname: 'Ana "Nan" Lind'.
_NICKNAME = r"(?:\s+[\"\u201c][A-Z][\w'\u2019-]*[\"\u201d](?=\s+[A-Z]))?"
# A surname after a given name may open with a particle in lower case: the Arabic article
# ("Omar al-Bakri", "Hana el-Masri") or one of the Dutch, Portuguese and Arabic particles
# written apart ("Jan van der Berg", "Ana dos Santos", "Omar bin Zayed"). (A name opens with
# a capital only: a regular expression that may open with a lower-case letter ran 2.5 times
# slower over every text; "al-Bakri said" alone is found as "Bakri", see name_words.)
_ARTICLE_SURNAME = r"(?:a[dlnrstz]|e[dlnrstz])-[A-Z][\w'\u2019-]*"
_PARTICLES = r"of|for|and|de|van|von|der|den|da|dos|das|bin|ibn|the|&"
NAME = (
    rf"{TOKEN}(?:{_NICKNAME}(?:{_ON})?\s+(?:(?:{_PARTICLES})\s+)*"
    rf"(?:{TOKEN}|{_ARTICLE_SURNAME}))*"
)
_ARTICLE = re.compile(r"^(?:a[dlnrstz]|e[dlnrstz])-(?=[A-Z])")


def name_words(name):
    """The words a person may be called by alone: "Omar al-Bakri" is "Omar", "al-Bakri"
    and "Bakri"."""
    split = name.split()
    return split + [_ARTICLE.sub("", word) for word in split if _ARTICLE.match(word)]


_NAME = re.compile(NAME)


# Capitalised words that open a sentence without naming anyone ("So said Ana Lind").
NOT_NAMES = words(
    "So Then But And It This That There They We I Also Yet The A An He She His Her In On At "
    "By For If When While After Before As Q Nobody Somebody Everybody Anybody Someone Everyone "
    "Anyone You Your Our My "
    # conjunctions and adverbs opening a clause: "Since Kell Council moved ..."
    "Since Although Though Because Unless Until Once Whether Despite Unlike Meanwhile However"
)
# Days and months: "said Monday that ..." names nobody.
DATES = words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep "
    "Sept Oct Nov Dec"
)
# A weekday, as a regular expression's alternative ("released Thursday by", "on Friday").
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_JOINED = re.compile(r"\s+and\s+")


def found(text):
    """(start, name) of each capitalised run of text, sentence-opening words dropped."""
    for match in _NAME.finditer(text):
        # "Marlow County's cap": the county, not a person called "Marlow County's".
        whole = re.sub(r"['\u2019]s$", "", match.group(0).rstrip("."))
        if whole.endswith("-based"):  # "the San Jose-based maker": where, not who
            continue
        if " and " in whole and all(w in DATES or w == "and" for w in whole.split()):
            continue  # "in March and April": when, not who
        name = opened(whole, opening=match.start() == 0)
        if name:  # a suffix of the whole run
            yield match.start() + len(whole) - len(name), name


# Nouns opening a sentence that say what the body named after them is ("Carmaker Voltra
# said", "Rival Kestamart cut"), seldom the first word of a name themselves (unlike "Bank",
# "Group", "Club").
DESCRIPTORS = words(
    "carmaker automaker drugmaker chipmaker steelmaker planemaker toymaker shipbuilder "
    "manufacturer retailer insurer lender supplier developer operator carrier publisher broker "
    "brewer miner grocer haulier promoter supermarket airline startup conglomerate rival rivals "
    "competitor "
    # one who proposes, bids for or applies for what the story is about ("Proponent Kell
    # Metals says"), and bodies by what they sell
    "proponent bidder applicant claimant consultancy contractor distributor wholesaler "
    "exporter importer refiner housebuilder homebuilder broadcaster regulator watchdog"
)


def opened(name, opening=False):
    """The name without the word opening its sentence ("But the Greenfield Residents
    Group" -> "Greenfield Residents Group") or, opening it (only there: not "the Carrier
    Corporation"), saying what it is ("Carmaker Voltra" -> "Voltra"); "" when nothing
    named is left."""
    first, _, rest = name.partition(" ")
    # "Prosecuting for Kell Council, Ana Lind said": a participle and its preposition
    acting = opening and first.endswith("ing") and rest.startswith(("for ", "of ", "on "))
    if acting:
        return rest.partition(" ")[2]
    described = opening and first.lower() in DESCRIPTORS
    if first not in NOT_NAMES and not described:
        return name
    rest = rest[4:] if rest.startswith("the ") else rest
    return rest if rest[:1].isupper() else ""


# Words before a name that describe the person rather than name them: "Labour's Priya
# Sandhu" (whose party or employer), "San Jose-based Lumera" (where it is based).
# "the Civic Party's Ray Obi": a party of more than one word.
_DESCRIBING = re.compile(
    r"^(?:(?:[A-Z]\S*\s+){0,3}\S+['\u2019]s|\S+s['\u2019]|(?:[A-Z]\S*\s+){0,2}\S+-based)\s+"
)


# Endings that make a place's adjective ("Icelandic", "Norwegian", "British", "Japanese").
DEMONYM_ENDINGS = "ic|ian|ish|ese|an|i"
_DEMONYM = re.compile(rf"([A-Z][a-z]+?)(?:{DEMONYM_ENDINGS})")


def shared(one, other):
    """How many first letters two words share."""
    count = 0
    while count < min(len(one), len(other)) and one[count] == other[count]:
        count += 1
    return count


def of_place(adjective, name):
    """Whether a place's adjective refers to a word of the name: "Icelandic" to "Iceland's
    Ministry of Marine Resources", "Norwegian" to "Norway Fisheries Board", "British" to
    "Britain's Home Office": the adjective without its ending and the word share their first
    four letters or more, and all but two of the shorter's."""
    stem = _DEMONYM.fullmatch(adjective)
    if stem is None:
        return False
    stem = stem.group(1)
    for word in re.sub(r"['\u2019]s?\b", "", name).split():
        letters = shared(stem, word)
        if word[:1].isupper() and letters >= max(4, min(len(stem), len(word)) - 2):
            return True
    return False


# Letters after a name that are no part of it: a rank at the bar, a seat, a degree, an
# honour, a generation ("Rebecca Haines KC", "Tom Fox MP", "Ana Lind PhD", "Ray Cole Jr.").
# Written as the name writes them: "Ms" and "Md" are other words.
POST_NOMINALS = words(
    "KC QC SC MP MEP MSP MLA MS MHK TD AM PhD DPhil MD MBA OBE MBE CBE KBE DBE CH FRS Jr Sr "
    "Esq II III IV"
)


def bare(name):
    """An organisation's name without the capital "The" that opens it ("The Kell Trust")."""
    return re.sub(r"^The\s+", "", name)


def without_possessive(name):
    """ "Lumera's" -> "Lumera", "the Workers'" -> "the Workers"."""
    return re.sub(r"['\u2019]s?$", "", name)


def without_post_nominals(name):
    """ "Rebecca Haines KC" -> "Rebecca Haines"; the first word is always kept."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].rstrip(".,") in POST_NOMINALS:
        tokens.pop()
    return " ".join(tokens)


def holder(name):
    """The person a title with its portfolio opens the name of ("Minister for Fisheries Ana
    Lind", "Leader of the House Tom Fox", "Minister of State for Transport Ana Lind"):
    the words after the portfolio, the portfolio being one word after each "of" or "for";
    after "and" ("for Health and Social Care") all but a first name and a surname. None when
    no title with a portfolio opens it or no person is left ("Minister for Fisheries")."""
    tokens = name.split()
    for i, word in enumerate(tokens[:-3]):
        if not is_title(word) or tokens[i + 1] not in ("of", "for"):
            continue
        at = i + 1
        while at < len(tokens) - 2 and tokens[at] in ("of", "for", "and"):
            joined = tokens[at] == "and"
            at += 2 if tokens[at + 1] == "the" else 1
            at = max(at + 1, len(tokens) - 2) if joined else at + 1
        rest = " ".join(tokens[at:])
        if len(tokens) - at >= 2 and tokens[at][0].isupper() and is_person(rest):
            return rest
    return None


def office(name):
    """The title of a name that is only an office with its portfolio ("Minister for
    Fisheries", "Leader of the House": "minister", "leader"), or None."""
    title = re.match(r"((?:[A-Z][a-z]+\s+)*?)([A-Z][a-z]+)\s+(?:of|for)\s+[A-Z]", name)
    if title is None or not is_title(title.group(2)) or holder(name):
        return None
    return title.group(2).lower() if all(map(is_title, title.group(1).split())) else None


def without_title(name):
    """The name without the titles before it ("Finance Minister Laura Bishop" -> "Laura
    Bishop", "Labour's Priya Sandhu" -> "Priya Sandhu", "Minister for Fisheries Ana Lind" ->
    "Ana Lind") and the letters after it ("Rebecca Haines KC" -> "Rebecca Haines"); the last
    word of the name is always kept."""
    name = without_post_nominals(name)
    held = holder(name)
    if held:
        return held
    # "Passenger Rights Authority", "Office for Justice Statistics": words that are titles
    # elsewhere ("Passenger Dan Ochoa", "Justice Reyes") inside an organisation's name
    head = head_of(name)
    if " " in name and head in ORGANISATION_HEADS and head not in SURNAME_HEADS:
        return name
    described = _DESCRIBING.match(name)
    rest = name[described.end() :] if described else ""
    # not "Children's Hospital Colorado": a name opening with a head is the whole name's
    if " " in rest and is_person(rest) and rest.split()[0].lower() not in ORGANISATION_HEADS:
        name = rest
    tokens = name.split()
    # The last word is the surname even when it is a title too ("Laura Bishop").
    last = max((i for i, word in enumerate(tokens[:-1]) if is_title(word)), default=-1)
    # "Teammate Ana Lind", "City Auditor Ana Lind": a word shaped as a role or job, so long as
    # a first name and a surname follow it
    roles = [i for i, word in enumerate(tokens[:-2]) if ROLE_SHAPED.fullmatch(word)]
    if roles and is_person(" ".join(tokens[roles[-1] + 1 :])):  # not "Vantor Launch Systems"
        last = max(last, roles[-1])
    return " ".join(tokens[last + 1 :])


def given_name_after_title(name, before):
    """ "Chief executive Dean Hollis", "the club's director Dean Olsen": after a title in
    lower case, a capitalised word that could be a title and one word more are the holder's
    given name and surname; with more words after it, it is an honorific the text gives
    the holder ("vice-chancellor Professor Ana Lind")."""
    last = before.split()[-1:]
    return (
        bool(last)
        and last[0].islower()
        and is_title(last[0])
        and len(name.split()) == 2
        and is_title(name.split()[0])
    )


def organisational(name, before=""):
    """Whether the name is an organisation's or a place's: "the" before it, "of"/"for" in it,
    or a head noun ending it."""
    tokens = name.split()
    if re.search(r"\bthe\s*$", before, re.IGNORECASE) or tokens[0] == "The":
        return True
    if any(word in ("of", "for", "the") for word in tokens[1:]):
        return True
    head = tokens[-1].lower().rstrip(".")
    if head in SURNAME_HEADS:
        return len(tokens) >= 3
    return head in ORGANISATION_HEADS


def place(name):
    """Whether the name is a place's that never speaks ("Wexley Road", "Kessig Bay")."""
    tokens = name.split()
    return len(tokens) > 1 and tokens[-1].lower() in PLACE_HEADS


def is_person(name, before=""):
    """A titled name, or two or more capitalised words naming no organisation or place;
    never a name joined by "and" ("U.S. and Canada"): two people are two names, but one
    person may hold an office of several words ("Minister for Work and Pensions Ana Lind")."""
    if (" of " in name or " for " in name) and holder(name):
        return True
    if _JOINED.search(name):
        return False
    # "KOTA BARU:", "LONG BEACH, Calif.": a dateline's place, in capitals as no person is
    if " " in name and name.isupper():
        return False
    # "the Reverend Alun Bevan": "the" before a title is the title's, not an organisation's
    if titled(name) and not organisational(without_title(name)):
        return True
    return len(name.split()) >= 2 and not organisational(name, before)


def person_of(name):
    """ "Lauren Cole of the Home Safety Alliance" -> ("Lauren Cole", "Home Safety Alliance"),
    "Kate Lowe for the Gazette" likewise;
    None when the words before "of" are no person ("Bank of England")."""
    match = re.match(r"(.+?) (?:of|for) (.+)", name)
    # not "Senior Minister of State for Ports Ana Lind": one person, her office before her
    if match is None or not is_person(match.group(1)) or holder(name):
        return None
    return match.group(1), re.sub(r"^the\s+", "", match.group(2))


def split_people(name):
    """ "Rosa Alvarez and Tom Brennan" is two people; "Securities and Exchange Commission",
    "England and Wales" one name."""
    parts = _JOINED.split(name)
    if len(parts) > 1 and all(is_person(part) for part in parts) and not holder(name):
        return parts
    return [name]


def head_of(organisation):
    """The noun heading an organisation's name, in lower case: "Ministry of Health" a
    ministry, whatever it is of; "Kell Water Board" a board."""
    tokens = organisation.lower().split()
    joined = [i for i, word in enumerate(tokens) if word in ("of", "for") and i > 0]
    return tokens[joined[0] - 1] if joined else tokens[-1]


def describes(noun, organisation, companies):
    """Whether a bare noun ("the agency", "the company") can refer to the organisation: the
    noun is in its name or heads one of its kind; a company is any organisation not headed
    by a public body's or a school's noun."""
    tokens = organisation.lower().split()
    if noun in tokens:
        return True
    head = head_of(organisation)
    if len(noun) >= 5 and noun[:5] == head[:5]:
        return True  # "the steelworks" for "Halden Steel", "the insurer" for "X Insurance"
    if head in PARTNERSHIPS and noun != "firm":
        return False  # a law firm ("Kell Reid LLP") is "the firm", never "the company"
    if noun == "charity" and head in CHARITY_HEADS:
        return True  # "the charity" for "Kell Trust", "Ardent Foundation"
    if noun in companies:
        # a one-word name ("Acme") says nothing against being a company
        # ("Kell Group" may be a company as much as a group of members)
        # ("the company said ... the Kell Road carried": a road is no business)
        others = (frozenset().union(*KINDS) | NOT_BUSINESSES | PLACE_HEADS) - {"group"}
        if head not in others and (len(tokens) == 1 or head in ORGANISATION_HEADS):
            return True
    return any(noun in kind and head in kind for kind in KINDS)


# A speaker must be a clause's subject: not the object of a preposition ("involved in the
# ceasefire talks, said") nor the subject of a clause that only sets the scene ("rose after
# the software maker reported").
NOT_SUBJECT_AFTER = words(
    "in of about at on from by with to for into than after before when since because as while "
    "if until unless though although once whether "
    # prepositions of place and of the way a thing went: "crashed near Kell last month
    # reported", "a march through Kell City said": a place's or a route's object still
    "near outside inside beside behind across around along toward towards among amongst "
    "between beyond within throughout against via despite during through under upon onto"
)
RELATIVES = words("who whom whose which that")
# "the state Farm Bureau": a word between "the" and an organisation's name is part of it.
_MODIFIER = re.compile(r"\b[Tt]he\s+([a-z0-9]+)\s+$")


def unkinded(name):
    """ "consultancy Kell Partners" -> "Kell Partners": a noun in lower case saying what kind
    of body the name is, not part of it (unlike "state Farm Bureau")."""
    kind, _, rest = name.partition(" ")
    return rest if kind in COMPANIES.union(*KINDS) and rest[:1].isupper() else name


def modified(before, name):
    """ "the state Farm Bureau": an organisation's name keeps the word between it and "the"."""
    modifier = _MODIFIER.search(before)
    # but "the charity Kell Homes Alliance": a noun saying what kind of body it is, is not
    kind = modifier and modifier.group(1) in COMPANIES.union(*KINDS)
    if modifier and not kind and " " in name and organisational(name):
        return f"{modifier.group(1)} {name}"
    return name
