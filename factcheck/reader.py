"""What the reader pages show (factcheck/web): the recent fact-checks, and one fact-check
with everything a reader may see of it. Claims come from claim_reads as readers get them,
so nothing staff-only can reach a page and an unpublished claim is a 404."""

from factcheck import claim_reads, claimreview, matching, sources, visibility, workflow

PAGE_SIZE = 20
# Hits a search shows: the best matches, not pages of weaker ones.
SEARCH_HITS = 10


def front_page(db, query, thresholds):
    """With a search (q): the published fact-checks matching it in any wording, best first,
    each with its `match` (the lookup's, "has this been checked?"). Without: a page of
    published fact-checks, most recently published or changed first. Either way the
    claims and the cursor of the next page (None for a search)."""
    if query.get("q"):
        hits = matching.lookup(db, query["q"], limit=SEARCH_HITS, thresholds=thresholds)
        # The pages show this desk's fact-checks; imported reviews are for the API's lookup.
        return [hit for hit in hits if hit["status"] != visibility.IMPORTED], None
    page = {"sort": "-updated_at", "limit": PAGE_SIZE, "cursor": query.get("cursor")}
    return claim_reads.search(db, page, staff=False)


def claim_page(db, claim_id, publisher, page_url):
    """One fact-check: the claim, its current rating label (with the scale's description of
    it), the sources its verdicts cite, the article quoting it, the retraction notice if it
    was retracted, and its ClaimReview."""
    claim = claim_reads.get(db, claim_id, staff=False)
    labels = claimreview.scale_labels(db)
    verdict = claim["verdict"]
    retractions = [n for n in claim["public_notes"] if n["kind"] == workflow.RETRACTION]
    review = claimreview.reviews(db, [claim], publisher, page_url, labels)[0]
    return {
        "claim": claim,
        "label": labels[(verdict["scale"], verdict["rating"])] if verdict else None,
        "retraction": retractions[0] if claim["status"] == workflow.RETRACTED else None,
        "sources": sources.for_claim(db, claim_id, staff=False),
        "article": claimreview.articles(db, [claim]).get(claim["article_id"]),
        "review": {"@context": claimreview.CONTEXT, **review},
    }
