"""Asides between a speaker and the verb, for factcheck/attribution.py: appositives ("The
mayor, Jane Porter, said"; "Ana Lind, 45, a nurse, said"), relative clauses ("X, which is
based in Austin, Texas, said"), brackets ("The Transport Safety Agency (TSA), a regulator,
said"), and the person a name holds ("Ana Lind of the Home Safety Alliance", "Lawyers for
Ana Lind").
"""

import re

from factcheck import names
from factcheck.names import NAME

NAME_BEFORE = re.compile(rf"({NAME})\s*$")
# "The Transport Safety Agency (TSA) said", "Ana Lind (pictured) said": the bracket aside.
BRACKETED = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_APPOSITIVE = re.compile(r",[^,]{1,140},\s*$|,\s*(?:who|whose|which)\b[^,]{1,200},\s*$")
# "X, which is based in Austin, Texas, said", "X, who won in Paris, France, in 2020, has denied":
# a relative clause is never the speaker, whatever places and dates it sets off inside it.
# (Only names and dates inside: "X, which employs 62, its director, Kate Ferris, said" is hers.)
_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:who|whose|which)\b[^,;:\"\u201c\u201d]{1,200}"
    r"(?:,\s*(?:(?:in|on|since)\s+)?[A-Z0-9][\w.'\u2019-]*(?:\s+[A-Z0-9][\w.'\u2019-]*)*)*,\s*$"
)
# "One of them, retired teacher Ana Lind, said": a name after words describing her.
_DESCRIBED = re.compile(rf"((?:[a-z][\w'\u2019-]*\s+){{1,3}})({NAME})")
# "by Kell Laboratories in Leeds": where the maker is, after its name.
_PLACE_WORDS = r"(?:in|at|of|on|near|from|for|and|with|outside)\b"
_MADE_BY = re.compile(
    # (not "which was seen by the Herald": who read a paper did not make it)
    rf"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){{0,2}}[a-z]+,\s+[a-z]+\b[^,]*?"
    rf"(?<!\bseen)(?<!\bviewed)(?<!\bobtained)(?<!\breviewed)(?<!\bread)(?<!\bcited)\s+by\s+"
    # "filed by the Leeds law firm Kell Reid": where it is and what it is, before its name
    rf"(?:the\s+|an?\s+)?(?:(?:{NAME}\s+)?(?:(?!{_PLACE_WORDS})[a-z]+\s+){{1,2}}(?=[A-Z]))?"
    rf"({NAME})[^,]*,\s*$"
)


# "The Ministry of X, in a statement signed by its Director of Press, Ana Lind, said": the
# body speaks through a paper its officer signed; she is the signer, not the speaker.
_SIGNED_FOR = re.compile(
    rf"^(?:[Tt]he\s+)?({NAME}),\s+in\s+(?:a|an|its)\s+(?:[a-z]+\s+)?(?:statement|letter|"
    r"release|notice|memo|circular)\s+(?:signed|issued|released|sent)\s+by\s+(?:its|their)\b"
    rf"[^,]*,\s+{NAME},\s*$"
)


def without_relative_clause(prefix):
    """ "Volunteers from Kell Trust, who have tested it since 2021, " -> "Volunteers from
    Kell Trust": the speaker before the clause describing it."""
    return _RELATIVE_CLAUSE.sub("", prefix)


def past(prefix):
    """(the name an appositive gives, None) or (None, prefix without its appositives):
    "The mayor, Jane Porter, said": the name set off by commas is the speaker; "Ana Lind,
    45, a nurse, said": the one before them is; "The tests, carried out by X, found":
    whoever made what opens the sentence."""
    made = _MADE_BY.match(prefix) or _SIGNED_FOR.match(prefix)
    if made:
        return made.group(1), None
    prefix = _RELATIVE_CLAUSE.sub(", ", prefix)
    where = None
    for _ in range(3):
        appositive = _APPOSITIVE.search(prefix)
        # a name left ending the prefix is the speaker, unless only its place went after it
        if appositive is None or (not where and NAME_BEFORE.search(prefix.rstrip(","))):
            break
        inside = prefix[appositive.start() + 1 :].strip(" ,")
        # "a nurse at Kell Hospital, Leeds,": one word after a name is where it is
        where = inside.istitle() and " " not in inside
        where = where and NAME_BEFORE.search(prefix[: appositive.start()])
        named = None if where else _appositive_name(inside)
        if named:
            return named, None
        prefix = prefix[: appositive.start()] + ","
    # "The Transport Safety Agency (TSA), a regulator, said": the bracket before the aside
    return None, BRACKETED.sub("", prefix.rstrip(", "))


def _appositive_name(inside):
    """The name an appositive gives: all of it ("Jane Porter"), or the name after words
    describing the person ("retired teacher Ana Lind"; not "a nurse from Leeds")."""
    if re.fullmatch(NAME, inside):
        # not "D-Calif.", a party and state; "Ana Lind of Kell Legal" is she
        if inside in names.NOT_NAMES or re.match(r"[A-Z]-", inside):
            return None
        return person(inside, 0)
    described = _DESCRIBED.fullmatch(inside)
    # "Tom Fox, representing Ana Lind, said": the participle's object, not his name
    acting = described and described.group(1).split()[-1].endswith("ing")
    if (
        described
        and not acting
        and not set(described.group(1).split()) & (names.NOT_SUBJECT_AFTER | names.RELATIVES)
    ):
        return None if _role(*described.groups()) else described.group(2)
    return None


def _role(before, name):
    """ "a Vermont Democrat", "the MP for Kell Vale", "the House Minority Leader": after an
    article, capitalised words holding a title say what the person before is, unless a title
    opens a person's own name ("the Rev. Tom Fox")."""
    if before.split()[-1].lower() not in ("a", "an", "the"):
        return False
    rest = names.without_title(name)
    if names.titled(name) and rest[0].isupper() and names.is_person(rest):
        return False
    return any(names.is_title(word) for word in name.split())


# "Lawyers for Ana Lind said": they speak for her.
_COUNSEL_FOR = re.compile(
    r"^(?:Lawyers|Attorneys|Solicitors|Barristers|Representatives|Advisers|Advisors)\s+"
    r"(?:for|of)\s+(?:the\s+)?(.+)$"
)


def person(name, which):
    """The person a name holds: "Ana Lind of the Home Safety Alliance" -> "Ana Lind", "Lawyers
    for Ana Lind" -> "Ana Lind"; of "Ana Lind and Tom Fox", the first (which=0) or last
    (which=-1)."""
    counsel = _COUNSEL_FOR.match(name)
    if counsel:
        return person(counsel.group(1), which)
    person_of = names.person_of(name)
    return person_of[0] if person_of else names.split_people(name)[which]
