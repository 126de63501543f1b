"""Quotations and their speakers across sentences, for factcheck/attribution.py.

A quotation running over several sentences ('"Forty families lost their homes. Nobody has
apologised," Tom Fox said.') is one quotation: each of its sentences is the speaker's named
in any of them. A quotation (of one sentence or several) that names nobody continues the
quote before it in its paragraph; else it is the speaker's of the sentence after it; else it
goes on with the speaker of the sentence before ('X said the grant was cut. "We found out by
email."').
"""

import re

from factcheck.names import NAME

# "Director Ana Lind made the remark at a dinner", "That was the verdict of auditor Ruth
# Hale": a sentence about who said the quotation before it.
_REMARK = re.compile(
    rf"(?:^(?:The\s+)?({NAME})\s+(?:[a-z]+ly\s+)?(?:made|gave|delivered|offered|issued|voiced)\s+"
    r"(?:the|that|this|those|these|her|his)\s+(?:[a-z]+\s+)?"
    r"(?:remarks?|comments?|warning|assessment|prediction|claim|pledge|promise|observation)\b|"
    r"^(?:That|This|Such)\s+(?:was|is)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:verdict|view|"
    r"assessment|warning|message|conclusion|reaction|response|words?)\s+of\s+"
    rf"(?:[a-z]+\s+){{0,3}}({NAME}))"
)
QUOTES = "\"\u201c\u201d'\u2018\u2019"
_OPENS_QUOTE = re.compile(r"[\"\u201c\u201d]|(?:^|\s)['\u2018]")


def remark(sentence):
    """("name", X) when the sentence says X made the remark quoted before it, else None."""
    found = _REMARK.match(sentence)
    return ("name", found.group(1) or found.group(2)) if found else None


def to_speakers(sentences, paragraphs, found):
    """found (each sentence's own claimant or None), with quotations given their speakers."""
    runs = _runs(sentences, paragraphs)
    texts = [" ".join(sentences[i] for i in run) for run in runs]
    spoken = [next((found[i] for i in run if found[i]), None) for run in runs]
    spoken = _all_quotes(texts, [paragraphs[run[0]] for run in runs], spoken)
    return [found[i] or spoken[k] for k, run in enumerate(runs) for i in run]


def _ends_inside(sentences, paragraphs):
    """Whether each sentence ends inside a quotation still open. Only double marks count:
    a single one is too often an apostrophe. A new paragraph starts outside."""
    ends, inside, paragraph = [], False, None
    for sentence, number in zip(sentences, paragraphs, strict=True):
        inside = inside and number == paragraph
        paragraph = number
        for mark in re.findall('["\u201c\u201d]', sentence):
            inside = {"\u201c": True, "\u201d": False}.get(mark, not inside)
        ends.append(inside)
    return ends


def _runs(sentences, paragraphs):
    """The sentences' indices in runs: one sentence each, or those a quotation runs over."""
    ends = _ends_inside(sentences, paragraphs)
    runs, run = [], []
    for i in range(len(sentences)):
        run.append(i)
        goes_on = i + 1 < len(sentences) and paragraphs[i + 1] == paragraphs[i]
        if not (ends[i] and goes_on):
            runs.append(run)
            run = []
    return runs


def _all_quote(text):
    return text[:1] in QUOTES and text.rstrip(".!?")[-1:] in QUOTES


def _all_quotes(texts, paragraphs, found):
    """A text all quotation, naming nobody: the quote's before it in the paragraph, else the
    speaker's of the text after it (past other such quotes), else the speaker's of the text
    before it, in its paragraph or, for a paragraph of quotes alone, the one before."""
    result = list(found)
    for i, text in enumerate(texts):
        if found[i] is not None or not _all_quote(text):
            continue
        same = [j for j in (i - 1, i + 1) if 0 <= j < len(texts) and paragraphs[j] == paragraphs[i]]
        before = result[i - 1] if i - 1 in same else None
        after = _speaker_after(texts, paragraphs, found, i)
        remarked = i + 1 in same and _REMARK.match(texts[i + 1])
        if after and before and _addressed(text) in after.split():
            after = None  # '"Acres house nobody, Ana." Lind replied': Ana is spoken to
        if before and _OPENS_QUOTE.search(texts[i - 1]) and not remarked:
            result[i] = before
        else:
            result[i] = after or before or _paragraph_before(texts, paragraphs, result, i)
    return result


# A name the quotation calls on, closing or opening it: '"..., Ana."', '"Ana, ..."'.
_VOCATIVE = re.compile(
    r",\s+([A-Z][\w'\u2019-]*)[.!?]?[\"\u201d]$|^[\"\u201c]([A-Z][\w'\u2019-]*),\s"
)


def _addressed(text):
    """The name a quotation speaks to, or None."""
    called = _VOCATIVE.search(text.strip())
    return (called.group(1) or called.group(2)) if called else None


def _speaker_after(texts, paragraphs, found, i):
    """'"We took in 90 dogs." "Most were strays." Ruth Hale said ...': the speaker named
    after the quotes that follow one another in its paragraph."""
    for j in range(i + 1, min(i + 3, len(texts))):
        if paragraphs[j] != paragraphs[i]:
            return None
        if found[j] is not None or not _all_quote(texts[j]):
            return found[j]
    return None


def _paragraph_before(texts, paragraphs, result, i):
    """'Ruth Hale said the grant was cut.' then a paragraph of quotation alone: hers, as
    news writing gives a speaker's words a paragraph of their own."""
    alone = paragraphs[i] not in (paragraphs[j] for j in (i - 1, i + 1) if 0 <= j < len(texts))
    return result[i - 1] if alone and i > 0 else None
