"""The titles a sentence gives a person it names, for factcheck/mentions.py to resolve "the
mayor said" and "she" against: "Mayor Dana Cole", "police commissioner Tom Brennan", "Ana
Lind, the governor,", "The housing minister, Alan Pryce,", "Ruth Hale, who chairs the
board," and the pronoun a title tells ("Mr", "chairwoman").
"""

import re
from typing import NamedTuple

from factcheck import names

_TITLES_BEFORE = re.compile(r"((?:[A-Za-z]+\s+){1,2})$")
# "The housing minister, Alan Pryce,": the title in the words set off before the name.
_DESCRIBED_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+){0,2}?([a-z]+),\s*$")
# "Ana Lind, the governor,": the title in an appositive after the name.
# "Ruth Hale, who chairs the board,": "the chair" or "the chairwoman" is she.
_HOLDS = re.compile(r",\s+who\s+(chairs|heads|leads|directs|manages|coaches|edits)\b")
_HELD = {
    "chairs": ("chair", "chairwoman", "chairman", "chairperson"),
    "heads": ("head",),
    "leads": ("leader",),
    "directs": ("director",),
    "manages": ("manager",),
    "coaches": ("coach",),
    "edits": ("editor",),
}
_TITLES_AFTER = re.compile(r",\s+((?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+)\s*[,.;]")


class Held(NamedTuple):
    """Titles the person holds as written ("governor"), titles a shortened role may call her
    by unless someone else holds them ("head" of "head teacher", "chair" of "who chairs"),
    and the pronoun a title tells (or None)."""

    titles: list
    shortened: list
    pronoun: str | None


def _shortened(role):
    """ "Ana Berg, the head teacher,": "the head said" is she too, as news writing shortens a
    role after naming it in full."""
    if len(role) > 1 and role[-1] in names.TITLES:
        return [
            w for w in role[:-1] if w not in ("the", "a", "an", "its", "their") and "'" not in w
        ]
    return []


def _own(appositive):
    """The words of an appositive after a name that may be its holder's titles: not a title
    before another name ("Ana Lind KC, for Mr Tom Fox,": Mr is his, and "she" still hers)."""
    return [
        word
        for word, following in zip(appositive, [*appositive[1:], ""], strict=True)
        if not (following[:1].isupper() and not names.is_title(following))
    ]


def given(name, sentence, start):
    """The titles the sentence gives the person named at start."""
    # "Mr Asante" for "Kwame Asante": the words before the name as written
    plain = names.without_post_nominals(name)
    found = plain.split()[: -len(names.without_title(plain).split())]
    before = _TITLES_BEFORE.search(sentence[:start])
    found += before.group(1).split() if before else []
    after = _TITLES_AFTER.match(sentence, start + len(name))
    found += _own(after.group(1).split()) if after else []
    shortened = _shortened(after.group(1).lower().split()) if after else []
    holds = _HOLDS.match(sentence, start + len(name))
    shortened += _HELD[holds.group(1)] if holds else ()
    described = _DESCRIBED_BEFORE.search(sentence[:start])
    found += described.group(1).split() if described else []
    titles, pronoun = [], None
    for word in found:
        title = word.lower().rstrip(".")
        title = names.TITLE_WORDS.get(title, title)  # "Gov. Ana Lind": "the governor"
        if title in names.TITLES:
            titles.append(title)
        pronoun = names.PRONOUN_OF_TITLE.get(title, pronoun)
    return Held(titles, shortened, pronoun)
