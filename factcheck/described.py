"""What a sentence says a name is by the noun beside it, for factcheck/mentions.py: "The
developer, X, said", "the utility X said", "Youth charity X", "X, the San Jose-based
maker,", "X, a keen gardener," and the organisation a person heads ("the chief executive of
X"); where a body is based, before its name ("the Lagos-based X"), is no part of it.
"""

import re

from factcheck import names

# "The developer, Halden Living, said": a name a company's noun stands beside is a company's.
# "The utility Westvale Power said" likewise (not "the firm Tom Fox founded").
_CALLED = re.compile(
    rf"\b[Tt]he\s+([a-z]+)(?:,\s+({names.NAME}),|\s+({names.NAME})\s+(?:has\s+|had\s+)?"
    r"(?:said|says|announced|reported|confirmed|warned|added|expects|plans)\b)"
)
# "Youth charity Kell Aid saw", "Copper ore miner X has", "an audit by the accounting
# firm X found": a body's kind before its name, opening the sentence or after "by"/"from".
_KIND_BEFORE = re.compile(
    r"(?:^|\b(?:by|from)\s+)(?:[Tt]he\s+|[Aa]n?\s+)?(?:[A-Za-z][a-z]+\s+){0,2}?"
    rf"([a-z]+)\s+({names.NAME})"
)
# "Lumera, the San Jose-based wearables maker,": the name a company's noun describes.
# "Nadia Sorel, a doctor at the clinic,": the noun before what it is of or where.
_CALLED_AFTER = re.compile(
    rf"({names.NAME}),\s+(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){{0,4}}?([a-z]+)"
    r"(?:\s*,|\s+(?:at|of|for|from|with|in|on|who|whose|based)\b)"
)
# "the chief executive of Orbis": what a person heads or founded is an organisation.
_HEADED = re.compile(
    r"\b(?:chief\s+executive|chief\s+financial\s+officer|founder|co-founder|owner|"
    rf"chairman|chairwoman|ceo|cfo)\s+(?:of|at)\s+(?:the\s+)?({names.NAME})"
)
_WHOSE = re.compile(r"\b[a-z]+['\u2019]s\s")
# "the Kell Bank's monetary policy committee", "Hale Council's planning department": a part
# of a body named in lower case, which "the committee said" then speaks for.
_PART_OF = re.compile(
    rf"({names.NAME})['\u2019]s\s+(?:[a-z-]+\s+){{0,3}}?"
    r"(committee|board|panel|commission|council|department|office|unit|division)\b"
)


def parts(sentence):
    """[(noun, body)] for each part of a body the sentence names in lower case after the
    body's possessive ("the Kell Bank's rate-setting committee": ("committee", "Kell Bank"));
    a person's committee is no body's."""
    if "'s " not in sentence and "\u2019s " not in sentence:
        return []  # no possessive: spares the search (speed)
    return [
        (noun, names.bare(name))
        for name, noun in _PART_OF.findall(sentence)
        # nor "Thursday's board meeting": a day's
        if not names.is_person(name) and name.split()[-1] not in names.DATES
    ]


def nouns(sentence):
    """([(noun, name)] for each name a noun describes, the names described as someone's
    ("X, the union's organiser,": a person), [names of what someone heads or founded])."""
    found = [(noun, off or name) for noun, off, name in _CALLED.findall(sentence)]
    found += [
        (noun, name.rstrip("."))
        for noun, name in _KIND_BEFORE.findall(sentence)
        if noun in names.COMPANIES and not names.is_person(name)
    ]
    # "Kevin Dunmore, the union's regional organiser,": whose organiser, so a person
    whose = {m.group(1) for m in _CALLED_AFTER.finditer(sentence) if _WHOSE.search(m.group(0))}
    found += [(noun, name) for name, noun in _CALLED_AFTER.findall(sentence)]
    return found, whose, _HEADED.findall(sentence)


_BASED = re.compile(r"^(?:[A-Z][\w'\u2019.]*\s+){0,2}[\w.'\u2019]+-based\s+(?=[A-Z])")


def unplaced(name):
    """The name without where its bearer is based ("Lagos-based Kell Institute" -> "Kell
    Institute"): a description the text puts before the name, not part of it."""
    return _BASED.sub("", name) if name else name
