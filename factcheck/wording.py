"""How claims' wordings are compared: the normalised text exact matching compares, and the
similarity of two wordings' content words (factcheck/matching.py uses both). No database."""

import re
import unicodedata

from rapidfuzz import fuzz

# A word as FTS5's unicode61 tokenizer sees one: letters and digits (underscore separates).
WORD = re.compile(r"[^\W_]+")

# Typography a reader's copy may differ in: quotes, apostrophes and dashes of every kind.
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-"),
    }
)
_SPACES = re.compile(r"\s+")


def normalised(text):
    """The text as exact matching compares it: NFKC, case-folded, one kind of quote,
    apostrophe and dash, every run of whitespace (no-break spaces included) one space,
    invisible format characters (zero-width spaces) dropped, no trailing punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TYPOGRAPHY)
    if not text.isascii():  # ASCII has no format characters; the loop cost ~15 µs a claim
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = _SPACES.sub(" ", text).strip()
    end = len(text)
    while end and (unicodedata.category(text[end - 1])[0] == "P" or text[end - 1] == " "):
        end -= 1
    return text[:end]


# Words that say who said something, or carry no meaning of their own: dropped on both sides,
# so "Trump said X", "according to reports, X" and "X" compare as the same claim.
_ATTRIBUTION = (
    "according said says say saying claimed claims claim stated states state told "
    "tweeted posted reportedly alleged allegedly"
)
# Negations are kept: "no evidence of fraud" and "evidence of fraud" are different claims.
_STOPWORDS = (
    "a an the and or but of to in on at by for from with as is are was were be been being "
    "has have had do does did will would shall should can could may might must that this "
    "these those it its he she they them his her their him we us our you your i me my "
    "which who whom whose what when where there here than then also so such "
    "very just about into over after before during while any all both each more most "
    "other some only own same too up out off again further once s t"
)
ATTRIBUTION = frozenset(_ATTRIBUTION.split())
STOPWORDS = frozenset(_STOPWORDS.split())


def _stem(word):
    """A light suffix-stripper, applied to both sides alike: fired, fires and firing all
    become "fir"; elections "election"; claimed "claim"."""
    for suffix, replacement, shortest in (
        ("ies", "y", 5),
        ("ied", "y", 5),
        ("ing", "", 6),
        ("ed", "", 5),
        ("es", "", 5),
        ("s", "", 4),
    ):
        if word.endswith(suffix) and len(word) >= shortest and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            break
    return word.removesuffix("e") if len(word) > 3 else word


def words(text):
    """The words of text as FTS5's tokenizer sees them (letters and digits), normalised."""
    return WORD.findall(normalised(text))


def content_words(text):
    """The stemmed words that carry the claim: no attribution, no stopwords."""
    return [
        _stem(word) for word in words(text) if word not in STOPWORDS and word not in ATTRIBUTION
    ]


# A claim with other numbers is another claim ($4 million is not $9 million, 2016 not 2020).
NUMBER_MISMATCH = 0.85


def indexed_words(text):
    """What the lookup's word index holds for a claim (claims.text_words): its content
    words, stemmed, in order."""
    return " ".join(content_words(text))


def similarity(query_words, claim_words):
    """0..1: how alike two claims' content words are, whatever their order. token_set_ratio
    forgives extra words on either side (an added name or clause), token_sort_ratio does not;
    weighting the latter twice keeps a short query from matching every longer claim holding
    its words (chosen on the tuning rewordings, bench/lookup_eval.py)."""
    query, claim = " ".join(query_words), " ".join(claim_words)
    if not query or not claim:
        return 0.0
    score = (fuzz.token_set_ratio(query, claim) + 2 * fuzz.token_sort_ratio(query, claim)) / 300
    query_numbers = {word for word in query_words if word.isdigit()}
    claim_numbers = {word for word in claim_words if word.isdigit()}
    if query_numbers and claim_numbers and query_numbers != claim_numbers:
        score *= NUMBER_MISMATCH
    return score
