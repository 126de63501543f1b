"""Synthetic newsroom text for `factcheck generate`: a Zipf-like vocabulary, heavy-tailed
pools of claimants, publishers and tags, and the sentences of articles and claims. Pure
functions of a random.Random, so a seed gives the same desk every time. No database but
an in-memory one that checks the vocabulary against SQLite's own porter stemmer."""

import itertools
import random
import sqlite3
from bisect import bisect
from functools import cache

from factcheck.wording import ATTRIBUTION, STOPWORDS


def _listed(text):
    """The words of text, as a tuple (long lists read better as one string)."""
    return tuple(text.split())


# The most frequent content words are real news words (so a benchmark can search `budget`);
# the long tail is made of syllables. Each must be its own porter stem (FTS5 finds exactly
# the claims holding it, not those holding a longer word stemming to it) and unique.
NEWS_WORDS = _listed(
    "budget bridge tariff border crime school tax police court election vote water power "
    "housing rent wage job health hospital doctor farm trade market bank loan debt fund "
    "road rail port oil coal gas wind solar carbon flood drought fire storm harbour "
    "council mayor minister senator governor president parliament congress union strike "
    "pension welfare grant subsidy contract audit report survey census poll record"
)
# Glue between content words, as in real sentences; FTS indexes them, the lookup drops them.
GLUE = ("the", "of", "in", "to", "for", "and", "on", "by", "with", "from")
# What joins two content words: a space, or (about a third of the time) a glue word.
LINKS = (" ",) * 18 + tuple(f" {word} " for word in GLUE)
ONSETS = ("b", "br", "c", "d", "dr", "f", "g", "gr", "k", "l", "m", "n", "p", "pr", "r", "t")
ONSETS += ("tr", "v", "z", "sh", "ch", "st", "pl", "kl")
VOWELS = ("a", "o", "u", "i", "ai", "ou", "e")
CODAS = ("n", "r", "t", "k", "m", "nd", "rk", "lt", "p", "d", "x", "g")
# At most this many words: of the candidates drawn, those porter would stem are dropped
# (4,857 remain).
VOCABULARY_SIZE = 5000
ZIPF_EXPONENT = 1.0

FIRST_NAMES = _listed(
    "Ada Amara Bilal Carmen Dmitri Elena Farah Gustavo Hana Ibrahim Jonas Keiko Lars Maya "
    "Nadia Omar Priya Quentin Rosa Samir Tomas Ursula Viktor Wen Yara Zoltan Agnes Bruno "
    "Chiara Dario Esther Felix Greta Hugo Ines Jakob Leila Marco Nora Oscar"
)
LAST_NAMES = _listed(
    "Abbott Banerjee Castillo Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski "
    "Lindqvist Moreau Nakamura Okafor Petrov Quispe Rossi Schmidt Tanaka Ueda Varga Weber "
    "Xu Yilmaz Zhang Almeida Brennan Costa Demir Esposito Fontaine Gallo Horvat Iqbal "
    "Jovanovic Kaur Lambert Mensah Novak Ortega Pereira Reyes Silva Torres Vogel Walsh"
)
TITLES = ("Senator", "Mayor", "Minister", "Governor", "Councillor", "Dr", "Professor")
PUBLISHERS = (
    "Harbour Gazette",
    "The Daily Ledger",
    "Northern Courier",
    "Valley Times",
    "City Wire",
    "Coastal Herald",
    "The Morning Post",
    "Metro Bulletin",
    "Plains Observer",
    "Island Chronicle",
    "River Dispatch",
    "The Evening Record",
)
SOURCE_SITES = ("data.gov.example", "stats.example.org", "archive.example.net", "court.example")
# People and bodies quoted; how often each is drawn falls off as 1/rank^CLAIMANT_EXPONENT.
CLAIMANT_POOL = 2000
CLAIMANT_EXPONENT = 1.1
TAG_POOL = 60
TAG_COUNT_ODDS = (2, 6, 9, 10)  # 0-3 tags, cumulative weights
URN_BITS = 20
POOL_BITS = 14
SENTENCE_POOL = 1 << POOL_BITS


def _porter_stable(candidates):
    """The candidates SQLite's porter tokenizer leaves as they are (one stem per word)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5 (w, tokenize = 'porter')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab (t, 'row')")
        conn.executemany("INSERT INTO t (w) VALUES (?)", [(word,) for word in candidates])
        stems = {term for (term,) in conn.execute("SELECT term FROM v")}
    finally:
        conn.close()
    return [word for word in candidates if word in stems]


def _syllable_words(rng):
    while True:
        parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 2))]
        yield "".join(parts) + rng.choice(CODAS)


@cache
def vocabulary():
    """The content words, most frequent first (rank r is drawn with weight 1/r)."""
    excluded = STOPWORDS | ATTRIBUTION | set(GLUE)
    rng = random.Random("factcheck-vocabulary")  # the same words whatever the desk's seed
    words = list(dict.fromkeys(w for w in NEWS_WORDS if w not in excluded))
    for word in _syllable_words(rng):
        if len(words) >= VOCABULARY_SIZE * 1.3:
            break
        if word not in excluded and len(word) >= 3:
            words.append(word)
    stable = _porter_stable(list(dict.fromkeys(words)))
    return tuple(stable[:VOCABULARY_SIZE])


def _urn(items, exponent, bits):
    """A list of 2**bits items in which the one of rank r appears in proportion to
    1/r**exponent: one random index draws from the distribution, several times faster
    than random.choices (the desk draws tens of millions of words)."""
    weights = [1 / rank**exponent for rank in range(1, len(items) + 1)]
    size, total = 1 << bits, sum(weights)
    counts = [max(1, round(size * weight / total)) for weight in weights]
    urn = list(
        itertools.chain.from_iterable(
            itertools.repeat(item, n) for item, n in zip(items, counts, strict=True)
        )
    )
    return (urn + urn[: size - len(urn)])[:size] if len(urn) < size else urn[:size]


@cache
def _word_urn():
    return _urn(vocabulary(), ZIPF_EXPONENT, URN_BITS)


@cache
def claimants():
    """The claimant pool, most quoted first."""
    rng = random.Random("factcheck-claimants")
    names = {
        f"{rng.choice(TITLES) + ' ' if rng.random() < 0.3 else ''}"
        f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        for _ in range(CLAIMANT_POOL * 2)
    }
    pool = sorted(names)
    rng.shuffle(pool)
    return tuple(pool[:CLAIMANT_POOL])


@cache
def _claimant_urn():
    return _urn(claimants(), CLAIMANT_EXPONENT, URN_BITS)


@cache
def tags():
    """Topic tags (slugs), most used first: the first news words."""
    return tuple(vocabulary()[:TAG_POOL])


@cache
def sentence_pool(seed):
    """The sentences that are not claims, drawn once for a desk (every batch shares them)."""
    writer = Writer(random.Random(f"factcheck-sentences:{seed}"), pool=())
    return tuple(writer.sentence() for _ in range(SENTENCE_POOL))


class Writer:
    """Draws the desk's text from one random.Random. Sentences that are not claims (the
    rest of an article, a verdict's explanation) come from a pool drawn once: only the
    claims themselves need to be new each time."""

    def __init__(self, rng, pool):
        self.rng = rng
        self.urn = _word_urn()
        self.claimants = _claimant_urn()
        self.pool = pool

    def content(self, count):
        bits, urn = self.rng.getrandbits, self.urn
        return [urn[bits(URN_BITS)] for _ in range(count)]

    def _number(self):
        rng = self.rng
        kind = rng.randrange(4)
        if kind == 0:
            return f"{rng.randint(2, 98)} percent"
        if kind == 1:
            return f"{rng.randint(1, 999)} million"
        if kind == 2:
            return str(rng.randint(1990, 2026))
        return f"{rng.randint(2, 9999):,}"

    def clause(self, low, high):
        """Content words with glue between some of them, and maybe a figure."""
        rng = self.rng
        words = self.content(rng.randint(low, high))
        links = rng.choices(LINKS, k=len(words) - 1)
        text = words[0] + "".join(link + word for link, word in zip(links, words[1:], strict=True))
        return f"{text} in {self._number()}" if rng.random() < 0.5 else text

    def sentence(self):
        """A new sentence that is not a claim."""
        text = self.clause(6, 16)
        return text[0].upper() + text[1:] + "."

    def sentences(self, count):
        """Sentences that are not claims, from the pool."""
        pool, bits = self.pool, self.rng.getrandbits
        return [pool[bits(POOL_BITS)] for _ in range(count)]

    def claim_sentence(self, claimant):
        """(the sentence, the claim's offset in it, the claim's text): the claim is the
        clause after `said`, quoted from the article as it stands."""
        claim = "the " + self.clause(5, 13)
        lead = f"{claimant} said "
        return f"{lead}{claim}.", len(lead), claim

    def claimant(self):
        return self.claimants[self.rng.getrandbits(URN_BITS)]

    def tags(self):
        pool, rng = tags(), self.rng
        # rng.choices((0, 1, 2, 3), weights=(2, 4, 3, 1))[0], the same draw without its set-up.
        count = bisect(TAG_COUNT_ODDS, rng.random() * 10, 0, 3)
        return list(
            dict.fromkeys(pool[int(rng.paretovariate(1.2)) % len(pool)] for _ in range(count))
        )

    def title(self):
        return " ".join(self.content(self.rng.randint(4, 8))).capitalize()

    def publisher(self):
        return PUBLISHERS[min(int(self.rng.paretovariate(1.0)) - 1, len(PUBLISHERS) - 1)]
