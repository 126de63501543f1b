"""Finding a stored claim from a sentence worded differently: "has this been checked?".

Two steps, each a bounded amount of work whatever the size of the desk:

1. Exact: the text equal to a claim's after normalisation (`normalised`), one indexed query
   on `claims.text_normalised` (kept by factcheck/claims.py, migration 0012).
2. Otherwise candidates: FTS5 with the sentence's content words OR-ed (a reader's wording
   never has all the stored words), the best CANDIDATES by bm25, re-ranked in Python by a
   rapidfuzz similarity of their content words (`similarity`) that tolerates reordering,
   attribution added or dropped, tense, plurals and small spelling differences.

A hit's `match` is exact, likely or possible by the two configured thresholds; nothing under
the lower one is returned, and readers see only what factcheck/visibility lets them.
"""

import json
from typing import NamedTuple

from factcheck import claim_reads, visibility
from factcheck.errors import Invalid
from factcheck.wording import ATTRIBUTION, STOPWORDS, content_words, normalised, similarity, words

EXACT, LIKELY, POSSIBLE = "exact", "likely", "possible"
# Candidates re-ranked per lookup: the fuzzy step costs the same for 100 claims or 100,000.
CANDIDATES = 50
# A query of more words than this adds nothing to finding a claim and costs FTS5 time.
MAX_QUERY_WORDS = 40
# How much the bm25 rank counts beside the word similarity (bm25 knows which words are
# rare; 0.2 separated hits from non-hits best on the tuning rewordings).
BM25_WEIGHT = 0.2
# Below exact: a perfect word similarity still ranks under an exact match.
BEST_FUZZY = 0.99


class Thresholds(NamedTuple):
    likely: float
    possible: float


def thresholds_from(config):
    """The two thresholds of the configuration (FACTCHECK_MATCH_LIKELY, _POSSIBLE)."""
    return Thresholds(config["MATCH_LIKELY"], config["MATCH_POSSIBLE"])


def fts_query(text):
    """An FTS5 query with the content words OR-ed, each quoted so no operator in the text is
    ever live; the plain words when the text has nothing else."""
    found = words(text)
    kept = [word for word in found if word not in STOPWORDS and word not in ATTRIBUTION]
    chosen = list(dict.fromkeys(kept or found))[:MAX_QUERY_WORDS]
    if not chosen:
        raise Invalid("The text has no words.", {"text": ["Give the claim to look up."]})
    return " OR ".join(f'"{word}"' for word in chosen)


def _audience(staff, language):
    where = visibility.where(visibility.CLAIM, staff=staff)
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


def _candidates(db, text, where, params):
    """The best CANDIDATES claims this audience may see, by bm25: (id, text, rank)."""
    sql = (
        "SELECT c.id, c.text, hits.rank FROM (SELECT rowid AS id, rank FROM claims_fts "
        "WHERE claims_fts MATCH :query) hits JOIN claims c ON c.id = hits.id "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY hits.rank LIMIT :n"
    )
    return list(db.query(sql, {**params, "query": fts_query(text), "n": CANDIDATES}))


def scored(text, candidates):
    """{id: score} of fuzzy candidates: the word similarity, plus a little for bm25 (relative
    to the best candidate's, as bm25 has no fixed scale)."""
    query_words = content_words(text)
    best_rank = min((row["rank"] for row in candidates), default=0) or -1.0
    return {
        row["id"]: min(
            BEST_FUZZY,
            (1 - BM25_WEIGHT) * similarity(query_words, content_words(row["text"]))
            + BM25_WEIGHT * row["rank"] / best_rank,
        )
        for row in candidates
    }


def ranked(db, text, *, language=None, staff=False):
    """Every candidate with its score, best first: [(id, score)], exact matches scoring 1.
    The evaluation (bench/lookup_eval.py) reads this to set the thresholds."""
    where, params = _audience(staff, language)
    scores = scored(text, _candidates(db, text, where, params))
    scores.update(dict.fromkeys(_exact_ids(db, normalised(text), where, params), 1.0))
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def _presented(db, claim_ids, staff):
    """{id: claim as this audience sees it}: two queries (the claims, their verdicts)."""
    if not claim_ids:
        return {}
    sql = (
        f"SELECT {claim_reads.claim_columns(staff=staff)} FROM claims c "
        "WHERE c.id IN (SELECT value FROM json_each(?))"
    )
    rows = list(db.query(sql, [json.dumps(claim_ids)]))
    return {claim["id"]: claim for claim in claim_reads.present(db, rows, staff=staff)}


def label(score, thresholds):
    """exact, likely, possible, or None (not returned)."""
    if score >= 1.0:
        return EXACT
    if score >= thresholds.likely:
        return LIKELY
    return POSSIBLE if score >= thresholds.possible else None


def lookup(db, text, *, language=None, limit=10, staff=False, thresholds):
    """Claims this audience may see that match text, best first, at most limit: each the
    claim as claim_reads presents it, with `score` (0..1) and `match`."""
    kept = [
        (claim_id, score, label(score, thresholds))
        for claim_id, score in ranked(db, text, language=language, staff=staff)
    ]
    kept = [hit for hit in kept if hit[2] is not None][:limit]
    claims = _presented(db, [claim_id for claim_id, _, _ in kept], staff)
    return [
        {**claims[claim_id], "score": round(score, 4), "match": match}
        for claim_id, score, match in kept
    ]
