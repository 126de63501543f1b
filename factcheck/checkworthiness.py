"""How check-worthy a sentence is: a score in [0, 1] and the reasons that drove it.

A weighted sum of what fact-checkers look for (ClaimBuster's features, written as rules):
numbers and quantities, comparisons and superlatives, named people and organisations,
attribution, past-tense assertions raise it; opinions, questions, predictions and hedges,
boilerplate (bylines, photo credits, "Read more") and fragments lower it. The weights were
set on the tuning articles of tests/data/extraction and checked on the held-out ones
(bench/extraction.py). The word lists are of English function words and news phrasing:
never of any article's names or topics.
"""

import math
import re

from factcheck.speech_verbs import ATTRIBUTION


def _words(*phrases):
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


# Superlatives: the irregular ones; any -iest form (happiest, earliest: such a stem is an
# adjective in practice); and the -est forms of common gradable adjectives, the consonant
# doubled after a short vowel (biggest). Not every word ending in -est: harvest, interest,
# forest, honest, request, suggest, priest and attest are none.
IRREGULAR_SUPERLATIVES = ("best", "worst", "furthest", "farthest", "eldest", "driest", "shyest")
ADJECTIVE_STEMS = """bold brave brief bright broad calm cheap clean clear close cold cool cruel
    dark deep dense dull fair fast few fierce fine firm fresh full grand great harsh hard high
    huge kind large late light long loud low mild near neat new nice old plain poor proud pure
    quick quiet rare rich rough safe sharp short simple slow small smart soft steep strange
    strict strong sure sweet tall thick tight tough true warm weak wide wild wise young"""
DOUBLING_STEMS = "big dim fat fit flat glad grim hot mad red sad slim thin trim wet"


def _superlative(stem):
    if stem in DOUBLING_STEMS.split():
        return stem + stem[-1] + "est"
    return stem + ("st" if stem.endswith("e") else "est")


_SUPERLATIVES = [
    r"\w{3,}iest",
    *IRREGULAR_SUPERLATIVES,
    *(_superlative(stem) for stem in f"{ADJECTIVE_STEMS} {DOUBLING_STEMS}".split()),
]
# The look-ahead skips a word not ending in -est before the hundred alternatives are tried
# (without it, scoring took four times as long).
SUPERLATIVE = r"(?=\w+est\b)(?:" + "|".join(_SUPERLATIVES) + ")"

# A digit that is a quantity: not a street number ("1 Quay Street") nor part of a phone
# number ("555-0142", "800-555-0142"); a game's "fourth quarter" is no quantity either.
_DIGIT = (
    # nor a model's number ("the Skald-2 rocket", "COVID-19"), nor a time of day ("at 3pm",
    # "9:45 p.m.": a schedule's)
    r"(?<![A-Za-z]-)(?<![A-Za-z]-\d)\d(?!\d*(?::\d\d)?\s*[ap]\.?m\b)(?![\d,]*\s+(?-i:(?:[A-Z][\w'-]*\s+)+(?:Street|Road|Avenue|Lane|Square|Place|Drive|"
    r"Way|St|Rd|Ave))\b)(?!\d*-\d{4}\b)(?!\d*-\d{3}-\d{4}\b)(?<!\d{3}-\d)(?<!\d{3}-\d{2})(?<!\d{3}-\d{3})(?<!\d{3}-\d{4})"
)
# "would cost $2 billion", "will add $168 a year": a costing states an amount, no hedge.
_COSTING = r"(?!\s+(?:cost|add|save|raise|bring in|generate)\b[^.]{0,40}?[$\u00a3\u20ac]\s?\d)"
# (reason, pattern, weight): each feature counts once per sentence.
FEATURES = (
    (
        "numbers or quantities",
        re.compile(
            rf"{_DIGIT}|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|percent|"
            r"half|(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!final )quarter|twice|"
            r"doubled|tripled|(?:almost|nearly|more\s+than|about|roughly)\s+(?:double|triple|treble)|"
            r"dozens?|one in \w+|\w+ out of \w+|two|three|four|"
            r"five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b|"
            # A count of none: "No arrests have been made", "no charges had been filed".
            r"\bno\s+[a-z]+s\s+(?:have|has|had)\s+been\b",
            re.IGNORECASE,
        ),
        1.6,
    ),
    (
        "comparison or superlative",
        _words(
            r"more than",
            r"less than",
            r"fewer",
            SUPERLATIVE,
            r"most",
            r"least",
            r"record",
            r"rose",
            r"fell",
            r"grew",
            r"dropped",
            r"climbed",
            r"increased?",
            r"decreased?",
            r"up from",
            r"down from",
            r"compared",
            r"faster",
            r"slower",
            r"higher",
            r"lower",
            r"cut",
        ),
        0.8,
    ),
    # a capitalised word inside the sentence, or after a live blog's time ("11:55 pm: Ana")
    (
        "names people or organisations",
        re.compile(r"(?:(?<=[\w,;] )|(?<=[ap]m: )|(?<=\.m\.: ))[A-Z][\w'\u2019-]+"),
        0.6,
    ),
    ("attribution", ATTRIBUTION, 0.7),
    (
        "past-tense assertion",
        # the regular past, and irregular verbs of events news reports ("died", "won")
        _words(
            r"was",
            r"were",
            r"had",
            r"did",
            r"\w{3,}ed",
            r"rose",
            r"fell",
            r"grew",
            r"lost",
            r"died",
            r"paid",
            r"won",
            r"sold",
            r"spent",
            r"began",
        ),
        0.6,
    ),
    (
        "opinion",
        _words(
            r"I think",
            r"I believe",
            r"I feel",
            r"believes?",
            r"in my view",
            r"should",
            r"must",
            r"ought",
            r"deserves?",
            r"proud",
            r"ashamed",
            r"committed to",
            r"time to",
            r"surely",
            r"loved?",
            # a notice to the public: "Passengers are advised to check", "is asked to call"
            r"(?:is|are)\s+(?:being\s+)?(?:advised|asked|urged|encouraged|reminded)\s+to",
            # advice given now: "they recommend that schools start later", "they advise"
            r"(?<!to )(?:recommends?|advises?|urges?)(?=\s+(?:that|[a-z]+\s+to)\b|\s*[.,;])",
        ),
        -2.2,
    ),
    # a question ending the sentence, asked outside quotes, or quoted first ('"Why?" she asked')
    (
        "question",
        re.compile(
            r"\?[\"'\u201d\u2019)]*\s*$|^[^\"\u201c]*\?|^[\"\u201c][^\"\u201c\u201d]*\?[\"\u201d]"
        ),
        -3.0,
    ),
    (
        "prediction or hedge",
        _words(
            rf"will{_COSTING}",
            rf"would(?! have){_COSTING}",
            r"could",
            r"may",
            r"might",
            r"expects?",
            r"(?<!about )(?<!the )(?<!its )(?<!their )(?<!his )(?<!her )plans? to",
            r"expected to",
            # a plan or forecast reported in the past tense: "said it planned to open",
            # "said he expected the deal to save", "aimed to reach"
            r"(?:planned|aimed|aims|intends|intended)\s+to",
            r"expected\s+(?:the|its|their|his|her|a|an)\s+(?:[\w-]+\s+){0,3}?to",
            r"probably",
            r"perhaps",
            r"likely",
            r"hopes?",
            r"promised",
            r"next (?:week|month|year)",
            r"(?:is|are) due to",
            r"(?:is|are) scheduled to",
            r"will be held",
            r"seemed?",
        ),
        -2.0,
    ),
    (
        "boilerplate",
        re.compile(
            r"^(?:(?-i:By [A-Z])|photo\b|read more|subscribe|follow us|copyright|share this|"
            r"media contact|for immediate release|about [A-Z][\w ]+:|analysis:)|"
            r"all rights reserved|\(credit|edited for length|"
            # a support line: "Anyone affected by ... can call ...", "If you need help, ring"
            r"^(?:anyone|if\s+you|readers|those)\b[^.]{0,100}?\b(?:can|should|may)\s+"
            r"(?:call|contact|ring|text|phone)\b|"
            r"\bcan\s+(?:call|contact|ring|phone)\s+(?:the|their|its|our)\b[^.]{0,60}?\b"
            r"(?:helpline|hotline|line|desk|team|office)\b|"
            r"declined to (?:comment|say|disclose|elaborate)|"
            r"did not (?:immediately )?respond to (?:a )?requests? for comment|\S+@\S+\.\w+",
            re.IGNORECASE,
        ),
        -4.0,
    ),
)
BIAS = -1.1
SHORT = 6  # fewer words than this: a fragment
SHORT_WEIGHT = -1.5


# '"We are not here to judge anyone," he said.': a quotation and the tag naming its speaker.
# Who said it makes the quotation no more checkable: its own words decide.
_QUOTE_TAGGED = re.compile(
    r"^[\"\u201c][^\"\u201c\u201d]+[\"\u201d]\s*[^\"\u201c\u201d]{0,80}$|"
    r"^[^\"\u201c\u201d]{0,80}:\s*[\"\u201c][^\"\u201c\u201d]+[\"\u201d]$"
)


# "Imran Patel, 58, said", "said Ana Lind, 34.": a person's age tells who, not how many.
_AGE = re.compile(r"\b([A-Z][\w'\u2019-]*),\s+(?:aged\s+)?\d{1,3}(?=\s*[,.;)]|\s*$)")


def score(sentence):
    """(score in [0, 1], the reasons: short phrases, strongest first)."""
    sentence = _AGE.sub(r"\1", sentence)
    tagged = _QUOTE_TAGGED.match(sentence)
    found = [
        (reason, weight)
        for reason, pattern, weight in FEATURES
        if pattern.search(sentence) and not (tagged and reason == "attribution")
    ]
    if len(sentence.split()) < SHORT:
        found.append(("too short to be a claim", SHORT_WEIGHT))
    total = BIAS + sum(weight for _, weight in found)
    found.sort(key=lambda item: -abs(item[1]))
    return round(1 / (1 + math.exp(-total)), 3), [reason for reason, _ in found]
