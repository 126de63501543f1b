"""Locating a quote in its article: where the claim's span comes from.

A quote pasted from a CMS, an email or a transcript often differs from the stored article
only in typography: straight or curly quote marks, a hyphen for a dash, a line break or a
no-break space for a space. Such a quote is found all the same, and the claim stores the
article's own characters, so body[span_start:span_end] == text always holds. Offsets are
Unicode code points into the body, end exclusive.
"""

import itertools
import re
from collections import Counter

from factcheck.errors import Invalid

# Typography that never changes what a quote says: any of a kind matches any other, and
# any run of Unicode white space (no-break and thin spaces, line breaks) any other run.
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\uff07"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
WORD = re.compile(r"[^\W_]+")
# How much of the closest passage a refusal quotes back.
SHOWN_CHARACTERS = 200


def _variants(char):
    """A regex matching char and every character that differs from it only in typography."""
    for family in (SINGLE_QUOTES + "'", DOUBLE_QUOTES + '"', DASHES + "-"):
        if char in family:
            return f"[{re.escape(family)}]"
    return re.escape(char)


def typographic_pattern(text):
    """A regex for text with its typography loosened: each quote mark and dash matches any
    of its kind, each run of white space any run. None if text is only white space."""
    pieces = [
        r"\s+" if piece.isspace() else "".join(map(_variants, piece))
        for piece in re.split(r"(\s+)", text.strip())
        if piece
    ]
    return re.compile("".join(pieces)) if pieces else None


def _ambiguous():
    return Invalid(
        "The quote appears more than once in the article.",
        {"span_start": ["Give span_start and span_end to say which occurrence."]},
    )


def _only(body, text, start):
    """start, unless text occurs again after it: then the span must be given."""
    if start >= 0 and body.find(text, start + 1) >= 0:
        raise _ambiguous()
    return start


def _only_match(pattern, body, found):
    if pattern.search(body, found.start() + 1):
        raise _ambiguous()


def _typographic_match(body, text):
    """(start, end) of the one passage that equals text but for typography, or None."""
    pattern = typographic_pattern(text)
    found = pattern and pattern.search(body)
    if not found:
        return None
    _only_match(pattern, body, found)
    return found.span()


def _overlaps(tokens, wanted, size):
    """For each index: how many of wanted's tokens (as a multiset) the window of `size`
    tokens ending there holds. One pass, whatever the window's size."""
    have, shared, overlaps = Counter(), 0, []
    for index, token in enumerate(tokens):
        shared += have[token] < wanted[token]
        have[token] += 1
        if index >= size:
            gone = tokens[index - size]
            have[gone] -= 1
            shared -= have[gone] < wanted[gone]
        overlaps.append(shared)
    return overlaps


def _bigrams(words):
    return [None, *itertools.pairwise(words)]


def _trimmed(words, wanted):
    """(first, last) index of words without edge words that add nothing to the overlap."""
    have = Counter(words)
    first, last = 0, len(words) - 1
    while first < last and have[words[first]] > wanted[words[first]]:
        have[words[first]] -= 1
        first += 1
    while last > first and have[words[last]] > wanted[words[last]]:
        have[words[last]] -= 1
        last -= 1
    return first, last


def closest_passage(body, text):
    """(start, end) of the passage of the body that shares most words and word pairs with
    text (the first such), or None if no word is shared. A window as many words long as
    the quote slides over the body, then loses edge words that match nothing."""
    quote = [word.casefold() for word in WORD.findall(text)]
    matches = list(WORD.finditer(body))
    words = [match.group().casefold() for match in matches]
    size = len(quote)
    if size == 0:
        return None
    scores = [
        single + pair
        for single, pair in zip(
            _overlaps(words, Counter(quote), size),
            _overlaps(_bigrams(words), Counter(_bigrams(quote)[1:]), size - 1),
            strict=True,
        )
    ]
    if not scores or max(scores) == 0:
        return None
    end = scores.index(max(scores))
    begin = max(0, end - size + 1)
    first, last = _trimmed(words[begin : end + 1], Counter(quote))
    return matches[begin + first].start(), matches[begin + last].end()


def _not_found(body, text):
    message = "Not found in the article body, even ignoring quote marks, dashes and spacing."
    passage = closest_passage(body, text)
    if passage is None:
        message += " No passage of the article shares a word with it."
    else:
        start, end = passage
        shown = body[start:end]
        if len(shown) > SHOWN_CHARACTERS:
            shown = shown[:SHOWN_CHARACTERS] + "…"
        message += f" The closest passage is at {start}:{end}: {shown!r}."
    return Invalid("The quote does not appear in the article.", {"text": [message]})


def _given(body, text, span):
    start, end = span
    found = body[start:end] if end <= len(body) else None
    loose = typographic_pattern(text)
    if found is None or (found != text and not (loose and loose.fullmatch(found))):
        raise Invalid(
            "The span does not match the quote in the article.",
            {"span_start": [f"The article has {found!r} at {start}:{end}, not the quote."]},
        )
    return start, end


def locate(body, text, span=None):
    """(start, end) of text in body: the given span if its text matches (typography aside),
    else the only exact occurrence, else the only one that differs only in typography. The
    stored quote is then body[start:end]."""
    if span is not None:
        return _given(body, text, span)
    start = _only(body, text, body.find(text))
    if start >= 0:
        return start, start + len(text)
    found = _typographic_match(body, text)
    if found is None:
        raise _not_found(body, text)
    return found
