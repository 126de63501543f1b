"""The organisation a sentence opens with, for factcheck/resolution.py: "Acme Foods cut 40
jobs, it said", "Hale University ..., the university said", "Supermarket chain Fresco cut
...": whom "it" or "the <noun>" stands for when the sentence names it first.
"""

import itertools
import re

from factcheck import names, organisations
from factcheck.names import words
from factcheck.organisations import ANONYMOUS

# The people behind a paper, who speak for whoever published it.
AUTHORS = words("researchers authors scientists team")
# Who reports on someone: "Tom Fox won, the newspaper said" is the paper's, not Tom Fox's.
MEDIA = words("newspaper paper broadcaster magazine outlet website network station channel")
_COMPANY = names.COMPANIES
_ORGANISATION_NOUNS = organisations.ORGANISATION_NOUNS


def opening_organisation(sentence, noun, context):
    """ "Acme Foods cut 40 jobs, it said", "Hale University ..., the university said": the
    organisation the sentence opens with, when the noun (None: "it") can describe it."""
    # "Grocery chain Dorrel": the name after the words saying what it is
    first_two = list(itertools.islice(names.found(sentence), 2))
    opening = next((f for f in reversed(first_two) if _opens(sentence[: f[0]])), None)
    if opening is None:
        return None
    name = opening[1]
    if " " in name and names.organisational(name, sentence[: opening[0]]):
        # "The Kell Wanderers lost $4m, the club's report shows": a body no head word types
        # is the one a business's or club's noun opening nowhere else stands for
        untyped = names.head_of(names.bare(name)) not in names.ORGANISATION_HEADS
        fits = noun is None or names.describes(noun, name, _COMPANY)
        fits = fits or (untyped and noun in _COMPANY)
    elif " " in name:
        # "Halden Living is recalling ..., the company said": a name no head tells the kind
        # of is the business the sentence calls it, unless the text knows it as a person.
        fits = any_business(noun) and not names.titled(name) and not context.known_person(name)
    else:
        # One word opening a sentence is a name only if the text capitalises it mid-sentence
        # too ("Prices rose ..., the company said" names nobody); a company's, as its own
        # name tells nothing else.
        # "Corvane ..., according to its filing": the Corvane Foods named before.
        full = context.full(name)
        fits = (
            name in context.capitalised
            and (full == name or full in context.organisations)
            and (noun is None or noun in _COMPANY)
        )
        name = full
    return name if fits else None


# "Supermarket chain Fresco cut ...": words saying what the body opening the sentence is.
_KIND_OPENING = re.compile(r"^(?:The\s+)?(?:[A-Za-z][a-z]+\s+){0,2}([A-Za-z][a-z]+)\s+$")


# A live blog's time before its entry: "08:45 - ", "10:31 p.m.: ".
_TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-:\u2013\u2014]\s+")


def _opens(before):
    """Whether a name after these words opens its sentence: nothing, "The", or a noun of a
    body's kind ("Supermarket chain", "Insurer"), after a live blog's time if any."""
    before = _TIMESTAMP.sub("", before)
    if before in ("", "The "):
        return True
    kind = _KIND_OPENING.match(before)
    noun = kind.group(1).lower() if kind else None
    return noun in _ORGANISATION_NOUNS or noun in names.DESCRIPTORS


def any_business(noun):
    """Whether "the <noun>" may stand for any organisation, whatever its name: a business's
    noun ("the company", "the cooperative"), never a public body's, a person's or a paper's."""
    if noun in _COMPANY:
        return True
    others = names.TITLES | ANONYMOUS | _ORGANISATION_NOUNS | MEDIA | AUTHORS
    return noun not in others
