"""schema.org ClaimReview: a published fact-check in the format search engines and fact-check
aggregators read (https://schema.org/ClaimReview; Google's fact-check structured data), one
at a time, as a paged DataFeed, and with what a reader page shows beside it.

Only what readers may see goes in: claims come from claim_reads as readers get them (404 for
an unpublished one), so this module adds no visibility rule of its own. The reader page's
address is not known here (no Flask): callers pass `page_url(claim_id)`.
"""

import json
import re
from dataclasses import dataclass

from factcheck import claim_reads, visibility, workflow

CONTEXT = "https://schema.org"
# A claimant naming one of these words is an organisation, anyone else a person. The claim
# stores only a name, so this is the one place the guess is made.
_WORDS = """administration agency article association board bureau campaign commission committee
    company congress corporation council court department foundation government group inc
    institute ltd ministry network news newspaper office organisation organization party
    police publisher senate service station times union university"""
ORGANISATION_WORDS = frozenset(_WORDS.split())
# Notices that change a review after its first publication (its dateModified).
LATER_NOTICES = (workflow.CORRECTION, workflow.RETRACTION, workflow.REINSTATEMENT)
RETRACTED_RATING = "Retracted"


@dataclass(frozen=True)
class Publisher:
    """The organisation publishing the fact-checks (FACTCHECK_PUBLISHER_NAME and _URL)."""

    name: str
    url: str = ""

    @classmethod
    def from_config(cls, config, service_url):
        """An empty PUBLISHER_URL means the address the service is reached at."""
        return cls(config["PUBLISHER_NAME"], config["PUBLISHER_URL"] or service_url)

    def as_organization(self):
        return _without_empty({"@type": "Organization", "name": self.name, "url": self.url})


def claimant_type(claimant):
    """Person or Organization, for itemReviewed.author."""
    words = set(re.findall(r"[^\W\d_]+", claimant.lower()))
    return "Organization" if words & ORGANISATION_WORDS else "Person"


def _agent(name):
    """A Person or Organization by name; None for no name (the property is then left out)."""
    return name and {"@type": claimant_type(name), "name": name}


def review(db, claim_id, publisher, page_url):
    """The ClaimReview of a published (or retracted) claim; 404 for any other."""
    claim = claim_reads.get(db, claim_id, staff=False)
    return {"@context": CONTEXT, **reviews(db, [claim], publisher, page_url)[0]}


def feed(db, query, publisher, page_url):
    """A page of every published ClaimReview as a DataFeed, least recently changed first, so
    an aggregator resumes from its last cursor and sees changed reviews again; and the cursor
    of the next page (None on the last)."""
    page = {"sort": "updated_at", "limit": query["limit"], "cursor": query.get("cursor")}
    # Never-published claims have no public change time and sort first in the index: start
    # the walk after them (at 20,000 claims, 9 ms of every page went on skipping them).
    page["updated_since"] = ""
    claims, next_cursor = claim_reads.search(db, page, staff=False)
    # Walks the index backwards to the first visible claim (max() with a condition would
    # read every published claim: 9 ms of a 16 ms page at 20,000 claims).
    latest = db.execute(
        f"SELECT c.public_updated_at FROM claims c WHERE {visibility.CLAIM} "
        "ORDER BY c.public_updated_at DESC LIMIT 1"
    ).fetchone()
    data_feed = {
        "@context": CONTEXT,
        "@type": "DataFeed",
        "name": f"{publisher.name}: fact-checks",
        "dateModified": latest[0] if latest else None,  # null while nothing is published
        "dataFeedElement": reviews(db, claims, publisher, page_url),
    }
    return data_feed, next_cursor


def reviews(db, claims, publisher, page_url, labels=None):
    """The ClaimReviews of these reader-visible claims: three queries for the whole list."""
    labels = labels if labels is not None else scale_labels(db)
    notices = _notices(db, claims)
    by_article = articles(db, claims)
    return [
        _review(
            claim,
            labels,
            notices.get(claim["id"], []),
            by_article.get(claim["article_id"]),
            publisher,
            page_url(claim["id"]),
        )
        for claim in claims
    ]


def _review(claim, labels, notices, article, publisher, url):
    published = [n for n in notices if n["kind"] == workflow.PUBLICATION]
    later = [n for n in notices if n["kind"] in LATER_NOTICES]
    item = {
        "@type": "Claim",
        # A claim may have no named claimant (ClaimReview allows leaving the author out).
        "author": _agent(claim["claimant"]),
        "datePublished": claim["claim_date"],
        "appearance": _appearance(article),
    }
    return _without_empty(
        {
            "@type": "ClaimReview",
            "url": url,
            "claimReviewed": claim["text"],
            "inLanguage": claim["language"],
            "author": publisher.as_organization(),
            "datePublished": published[0]["created_at"] if published else None,
            "dateModified": later[-1]["created_at"] if later else None,
            "itemReviewed": _without_empty(item),
            "reviewRating": _rating(claim, labels, notices),
        }
    )


def _rating(claim, labels, notices):
    """The Rating: the label's name always; its place on the scale only when the label has
    one. A retracted claim's rating is the retraction and its explanation the notice."""
    if claim["status"] == workflow.RETRACTED:
        retraction = [n for n in notices if n["kind"] == workflow.RETRACTION][-1]
        return {
            "@type": "Rating",
            "alternateName": RETRACTED_RATING,
            "ratingExplanation": f"Retracted on {retraction['created_at'][:10]}: "
            f"{retraction['note']}",
        }
    verdict = claim["verdict"]
    label = labels[(verdict["scale"], verdict["rating"])]
    rating = {"@type": "Rating", "alternateName": verdict["rating_name"]}
    if label["ordinal"] is not None:
        rating |= {
            "ratingValue": label["ordinal"],
            "bestRating": label["best"],
            "worstRating": label["worst"],
        }
    return {**rating, "ratingExplanation": verdict["explanation"]}


def _appearance(article):
    if article is None or not article["url"]:
        return None
    # The article's own author (its byline), not the claimant: schema.org's CreativeWork
    # author, as in Google's fact-check example.
    return _without_empty(
        {
            "@type": "CreativeWork",
            "url": article["url"],
            "headline": article["title"],
            "author": _agent(article["author"]),
        }
    )


def scale_labels(db):
    """{(scale slug, label slug): name, description, ordinal, and the scale's worst and best
    ordinals}. The scales are a few dozen rows: read whole."""
    rows = db.query(
        "SELECT s.slug AS scale, l.slug, l.name, l.description, l.ordinal, "
        "min(l.ordinal) OVER (PARTITION BY l.scale_id) AS worst, "
        "max(l.ordinal) OVER (PARTITION BY l.scale_id) AS best "
        "FROM rating_labels l JOIN rating_scales s ON s.id = l.scale_id"
    )
    return {(row["scale"], row["slug"]): row for row in rows}


def _ids(rows, key):
    return json.dumps(sorted({row[key] for row in rows}))


def _notices(db, claims):
    """{claim id: its public moves (publication, correction...), oldest first, each with
    its public note if it has one}. A publication may have no note (the seed's have none),
    but its date is public all the same: it is the published verdict's."""
    by_claim = {}
    rows = db.query(
        "SELECT claim_id, kind, public_note AS note, created_at FROM transitions t "
        "WHERE t.claim_id IN (SELECT value FROM json_each(?)) AND t.kind IS NOT NULL "
        "ORDER BY t.claim_id, t.id",
        [_ids(claims, "id")],
    )
    for row in rows:
        by_claim.setdefault(row["claim_id"], []).append(row)
    return by_claim


def articles(db, claims):
    """{article id: its url, title, publisher and author} for the claims' articles."""
    rows = db.query(
        "SELECT id, url, title, publisher, author, published_at FROM articles "
        "WHERE id IN (SELECT value FROM json_each(?))",
        [_ids(claims, "article_id")],
    )
    return {row["id"]: row for row in rows}


def _without_empty(mapping):
    """JSON-LD leaves a property out rather than giving it no value."""
    return {key: value for key, value in mapping.items() if value not in (None, "", [], {})}
