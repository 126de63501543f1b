"""Proposing an article's claims: its sentences (factcheck/sentences.py), each scored
(factcheck/checkworthiness.py) and attributed (factcheck/attribution.py); those at or above
the threshold stored as claims in status new, origin extracted.

A sentence already quoted by a claim of the article (the same span, or a claim quoting part
of it or running across it) is that claim's, not a new one: extraction run again creates nothing.
"""

from factcheck import attribution, checkworthiness, claims, sentences
from factcheck.articles import require
from factcheck.db import write_transaction


def analyse(text):
    """Every sentence of text: its exact span, score, reasons and claimant. Stores nothing."""
    found = sentences.spans(text)
    quoted = [text[start:end] for start, end in found]
    speakers = attribution.claimants(quoted)
    analysed = []
    for (start, end), sentence, claimant in zip(found, quoted, speakers, strict=True):
        score, reasons = checkworthiness.score(sentence)
        analysed.append(
            {
                "text": sentence,
                "span_start": start,
                "span_end": end,
                "check_worthiness": score,
                "check_worthiness_reasons": reasons,
                "claimant": claimant,
            }
        )
    return analysed


def _quoted_by(db, article_id):
    """(span_start, span_end, claim id) of the article's claims."""
    return db.execute(
        "SELECT span_start, span_end, id FROM claims WHERE article_id = ? ORDER BY span_start",
        [article_id],
    ).fetchall()


def _overlap(sentence, start, end):
    # Overlapping is enough: a typed-in claim may quote part of a sentence, or run on into
    # the next one.
    return start < sentence["span_end"] and sentence["span_start"] < end


def _existing(sentence, quoted):
    for start, end, claim_id in quoted:
        if _overlap(sentence, start, end):
            return claim_id
    return None


def proposing(analysed, start, end, threshold):
    """Of analyse()'s sentences, the best-scoring one through which extraction would propose
    a claim quoting text[start:end] (one it overlaps, at or above the threshold); None when
    extraction would not propose it."""
    found = [
        sentence
        for sentence in analysed
        if sentence["check_worthiness"] >= threshold and _overlap(sentence, start, end)
    ]
    return max(found, key=lambda sentence: sentence["check_worthiness"], default=None)


def extract(db, article_id, actor, threshold, if_match=None):
    """Store the article's check-worthy sentences as claims; what was created, what existed
    already, and the sentences below the threshold (each with its score, reasons, claimant).
    If-Match tags (None when not sent) must name the article's current version."""
    answer = {"article_id": article_id, "threshold": threshold}
    answer.update(created=[], existing=[], below_threshold=[])
    with write_transaction(db):
        article = require(db, article_id, if_match)
        quoted = _quoted_by(db, article_id)
        for sentence in analyse(article["body"]):
            claim_id = _existing(sentence, quoted)
            if claim_id is not None:
                answer["existing"].append({**sentence, "claim_id": claim_id})
            elif sentence["check_worthiness"] < threshold:
                answer["below_threshold"].append({**sentence, "claim_id": None})
            else:
                claim_id = claims.create(db, _proposal(article, sentence), actor)
                answer["created"].append({**sentence, "claim_id": claim_id})
    return answer


def _proposal(article, sentence):
    return {
        "article_id": article["id"],
        "text": sentence["text"],
        "span_start": sentence["span_start"],
        "span_end": sentence["span_end"],
        "claimant": sentence["claimant"],
        "claim_date": None,
        "tags": [],
        "origin": "extracted",
        "check_worthiness": sentence["check_worthiness"],
        "check_worthiness_reasons": sentence["check_worthiness_reasons"],
    }
