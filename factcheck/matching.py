"""Finding a stored claim from a sentence worded differently: "has this been checked?".

Two steps, each a bounded amount of work whatever the size of the desk:

1. Exact: the text equal to a claim's after normalisation (`normalised`), one indexed query
   on `claims.text_normalised` (kept by factcheck/claims.py, migration 0012).
2. Otherwise candidates: FTS5 over the claims' stemmed content words (claim_words_fts),
   with the sentence's rarer words OR-ed (a reader's wording never has all the stored
   words; the commonest would make FTS5 rank most of the desk), the best CANDIDATES by
   bm25, re-ranked in Python (`scored`) by a rapidfuzz similarity of their content words
   (factcheck.wording.similarity) that tolerates reordering, attribution added or dropped,
   tense, plurals and small spelling differences, and by how much of the sentence's rare
   words each holds.

A hit's `match` is exact, likely or possible by the two configured thresholds; nothing under
the lower one is returned, and readers see only what factcheck/visibility lets them.
"""

import json
import math
import time
from typing import NamedTuple

from factcheck import claim_reads, external_reviews, visibility
from factcheck.db import file_of
from factcheck.errors import Invalid
from factcheck.wording import content_words, normalised, similarity, words

EXACT, LIKELY, POSSIBLE = "exact", "likely", "possible"
# Candidates re-ranked per lookup: the fuzzy step costs the same for 100 claims or 100,000.
CANDIDATES = 50
# A query of more words than this adds nothing to finding a claim and costs FTS5 time.
MAX_QUERY_WORDS = 40
# FTS5 ranks every claim its query matches: a query's words are chosen so that it matches
# at most this many (its rarer words, OR-ed)...
RANKED_AT_MOST = 2000
# ...or, when even its rarest word is commoner, claims holding all of its rarest words.
ALL_OF = 3
# How much the rarity of the words a claim shares counts beside the word similarity
# (chosen on the tuning rewordings, bench/lookup_eval.py).
RARITY_WEIGHT = 0.2
# At most this many duplicates are named when a claim is stored.
DUPLICATES_SHOWN = 10
# Below exact: a perfect word similarity still ranks under an exact match.
BEST_FUZZY = 0.99


class Thresholds(NamedTuple):
    likely: float
    possible: float


def thresholds_from(config):
    """The two thresholds of the configuration (FACTCHECK_MATCH_LIKELY, _POSSIBLE)."""
    return Thresholds(config["MATCH_LIKELY"], config["MATCH_POSSIBLE"])


def _audience(staff, language):
    where = visibility.where(visibility.LOOKUP_CLAIM, staff=staff)
    params = {}
    if language:
        # en finds en-GB and en-US too; a claim tagged en-GB is found by en-GB.
        where.append("(c.language = :language COLLATE NOCASE OR c.language LIKE :subtags)")
        params = {"language": language, "subtags": f"{language}-%"}
    return where, params


def _exact_ids(db, text, where, params):
    sql = " AND ".join(["c.text_normalised = :normalised", *where])
    rows = db.query(f"SELECT c.id FROM claims c WHERE {sql}", {**params, "normalised": text})
    return [row["id"] for row in rows]


# Counting the claims that hold a word scans the word's whole list in the index: 4 ms for
# a word in 63,000 claims, most of a lookup. The count of a common word (held by more than
# RANKED_AT_MOST claims) moves by a fraction of a percent in minutes, so each process keeps
# those for COMMON_COUNTS_KEPT seconds; rarer words are counted every time.
COMMON_COUNTS_KEPT = 300.0
_common_counts = {}  # (database file, word) -> (claims holding it, when counted)


def _claims_holding(db, words_wanted):
    """{word: how many claims hold it} for the words the index knows, and under "" about how
    many claims there are (the highest id: exact would cost a scan). One query."""
    database, moment = file_of(db), time.monotonic()
    kept = {}
    for word in words_wanted:
        count, counted_at = _common_counts.get((database, word), (None, 0.0))
        if count is not None and moment - counted_at < COMMON_COUNTS_KEPT:
            kept[word] = count
    rows = db.execute(
        "SELECT '' AS term, ifnull(max(id), 0) AS doc FROM claims UNION ALL "
        "SELECT term, doc FROM claim_words_vocab WHERE term IN (SELECT value FROM json_each(?))",
        [json.dumps([word for word in words_wanted if word not in kept])],
    )
    holding = dict(rows.fetchall())
    if len(_common_counts) > 100_000:
        _common_counts.clear()  # a bound on memory; they are counted again
    for word, count in holding.items():
        if word and count > RANKED_AT_MOST:
            _common_counts[(database, word)] = (count, moment)
    return {**holding, **kept}


def _terms(words_wanted, holding):
    """The words to search for, rarest first: those held by at most RANKED_AT_MOST claims
    together (FTS5 ranks every claim a query matches, so the common words of a desk, its
    Trumps and elections, would make it rank most of the desk), and whether they must all
    occur (when even the rarest is that common; never a single such word)."""
    known = sorted((word for word in words_wanted if holding.get(word)), key=holding.get)
    chosen, total = [], 0
    for word in known:
        if total + holding[word] > RANKED_AT_MOST and chosen:
            break
        chosen.append(word)
        total += holding[word]
    if total <= RANKED_AT_MOST:
        return chosen, "OR"
    # One common word alone ("Trump") is no claim: it would rank a good part of the desk.
    return (known[:ALL_OF] if len(known) > 1 else []), "AND"


def _candidates(db, terms, operator, where, params):
    """The best CANDIDATES claims this audience may see by bm25 on the terms: (id,
    text_words). Each term a quoted string, so no FTS5 operator in a sentence is ever live."""
    if not terms:
        return []
    sql = (
        "SELECT c.id, c.text_words FROM (SELECT rowid AS id, rank "
        "FROM claim_words_fts WHERE claim_words_fts MATCH :query) hits "
        "JOIN claims c ON c.id = hits.id "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY hits.rank LIMIT :n"
    )
    query = f" {operator} ".join(f'"{term}"' for term in terms)
    return list(db.query(sql, {**params, "query": query, "n": CANDIDATES}))


def scored(query_words, candidates, holding):
    """{id: score} of fuzzy candidates: mostly the word similarity, and for the rest how
    much of the query's rarity the claim covers (each word weighted by its inverse document
    frequency, as bm25 does, but on a fixed 0..1 scale: a word no claim holds, such as
    another number, counts fully against every candidate)."""
    claims_in_all = holding.get("", 0) + 1
    weights = {word: math.log(claims_in_all / (holding.get(word, 0) + 0.5)) for word in query_words}
    whole = sum(weights.values()) or 1.0
    scores = {}
    for row in candidates:
        claim_words = (row["text_words"] or "").split()
        covered = sum(weight for word, weight in weights.items() if word in claim_words) / whole
        fuzzy = similarity(query_words, claim_words)
        scores[row["id"]] = min(BEST_FUZZY, (1 - RARITY_WEIGHT) * fuzzy + RARITY_WEIGHT * covered)
    return scores


def ranked(db, text, *, language=None, staff=False, other_than=None):
    """Every candidate with its score, best first: [(id, score)], exact matches scoring 1;
    other_than: a claim left out (a new claim is no repeat of itself, and its own rare
    words would set the bm25 scale). The evaluation (bench/lookup_eval.py) reads this to
    set the thresholds."""
    if not words(text):
        raise Invalid("The text has no words.", {"text": ["Give the claim to look up."]})
    where, params = _audience(staff, language)
    if other_than is not None:
        where, params = [*where, "c.id != :other_than"], {**params, "other_than": other_than}
    query_words = content_words(text)
    wanted = list(dict.fromkeys(query_words))[:MAX_QUERY_WORDS]
    holding = _claims_holding(db, wanted)
    terms, operator = _terms(wanted, holding)
    scores = scored(query_words, _candidates(db, terms, operator, where, params), holding)
    scores.update(dict.fromkeys(_exact_ids(db, normalised(text), where, params), 1.0))
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def exact(db, text, *, staff):
    """The ids of the claims this audience may see whose text is text after normalising
    (the `exact` match alone): one indexed query."""
    where, params = _audience(staff, None)
    return _exact_ids(db, normalised(text), where, params)


def _presented(db, claim_ids, staff):
    """{id: claim as this audience sees it}: three queries (the claims, their verdicts,
    other fact-checkers' reviews of them)."""
    if not claim_ids:
        return {}
    rows = claim_reads.by_ids(db, claim_ids, staff=staff, rule=visibility.LOOKUP_CLAIM)
    return {claim["id"]: claim for claim in external_reviews.attach(db, rows)}


def label(score, thresholds):
    """exact, likely, possible, or None (not returned)."""
    if score >= 1.0:
        return EXACT
    if score >= thresholds.likely:
        return LIKELY
    return POSSIBLE if score >= thresholds.possible else None


def _hits(db, scores, limit, staff, thresholds):
    """The first `limit` scores at or above the lower threshold, as claims with their score
    and match."""
    kept = [(claim_id, score, label(score, thresholds)) for claim_id, score in scores]
    kept = [hit for hit in kept if hit[2] is not None][:limit]
    claims = _presented(db, [claim_id for claim_id, _, _ in kept], staff)
    return [
        {**claims[claim_id], "score": round(score, 4), "match": match}
        for claim_id, score, match in kept
    ]


def lookup(db, text, *, language=None, limit=10, staff=False, thresholds):
    """Claims this audience may see that match text, best first, at most limit: each the
    claim as claim_reads presents it, with `score` (0..1) and `match`."""
    scores = ranked(db, text, language=language, staff=staff)
    return _hits(db, scores, limit, staff, thresholds)


def reviewed_by(db, site, *, limit):
    """Claims a reader may find that the publisher at this site reviewed (imported
    ClaimReview), newest import first, at most limit, as readers see them."""
    where = " AND ".join(["x.publisher_site = :site", *_audience(False, None)[0]])
    rows = db.query(
        "SELECT c.id FROM external_reviews x JOIN claims c ON c.id = x.claim_id "
        f"WHERE {where} GROUP BY c.id ORDER BY max(x.id) DESC LIMIT :limit",
        {"site": site, "limit": limit},
    )
    ids = [row["id"] for row in rows]
    claims = _presented(db, ids, staff=False)
    return [claims[claim_id] for claim_id in ids]


def duplicates(db, claim_id, *, thresholds):
    """The claims, in any state, that a newly stored claim probably repeats (exact or likely
    matches of its text), as staff see them: a warning, never a refusal."""
    (text,) = db.execute("SELECT text FROM claims WHERE id = ?", [claim_id]).fetchone()
    if not words(text):
        return []  # nothing to compare (a quote of punctuation alone)
    scores = ranked(db, text, staff=True, other_than=claim_id)
    likely = [(found, score) for found, score in scores if score >= thresholds.likely]
    return _hits(db, likely, DUPLICATES_SHOWN, True, thresholds)
