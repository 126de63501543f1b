"""A search compatible with Google's Fact Check Tools API (`claims:search`, v1alpha1): the
same parameters and answer shape over this desk's published fact-checks, so a newsroom
tool written against Google's API works here by changing its base URL. Matching is the
lookup's (factcheck/matching.py), so a reworded query finds its claim.

`reviewPublisherSiteFilter` keeps the reviews of one publisher: this desk's own, or another
fact-checker's imported as ClaimReview (factcheck/claimreview_import.py).
Pages are offsets into at most matching.CANDIDATES matches (a query) or into the newest
published claims (no query: the site filter alone), carried in an opaque `pageToken`.
"""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from factcheck import claim_reads, external_reviews, matching, workflow
from factcheck.errors import Invalid
from factcheck.timeutil import to_timestamp

# Without a query, pages walk the newest published claims: this deep at most.
MAX_OFFSET = 1000
RETRACTED_RATING = "Retracted"


def site_of(address):
    """The site an address or bare domain names: its host, lower case, without www."""
    host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
    return host.removeprefix("www.")


def _site_filter(site_filter):
    """The site reviewPublisherSiteFilter names; 422 for one no address can hold ("[": the
    fuzz test found urlsplit raising on it, a 500)."""
    try:
        return site_of(site_filter)
    except ValueError:
        raise Invalid(
            "Not a site or address.", {"reviewPublisherSiteFilter": ["Not a site or address."]}
        ) from None


def _offset(params):
    """Where the page starts: the pageToken if given (it takes precedence, as Google's
    does), else offset."""
    token = params.get("page_token")
    if token is None:
        return params.get("offset") or 0
    if not token.isdigit() or int(token) > MAX_OFFSET:
        raise Invalid("Not a page token this search gave.", {"pageToken": ["Unknown token."]})
    return int(token)


def _matches(db, params, end, thresholds, site):
    """Claims a reader may find, best match first (a query), else newest first: the desk's
    published ones, or those another publisher's site reviewed (imported ClaimReview)."""
    language = (params.get("language_code") or "").split("-")[0] or None
    if params.get("query"):
        return matching.lookup(
            db,
            params["query"],
            language=language,
            limit=matching.CANDIDATES,
            staff=False,
            thresholds=thresholds,
        )
    if site:
        claims = matching.reviewed_by(db, site, limit=end + 1)
    else:
        claims, _ = claim_reads.search(db, {"limit": end + 1}, staff=False)
        external_reviews.attach(db, claims)
    return [claim for claim in claims if language in (None, claim["language"].split("-")[0])]


def _review_date(claim):
    verdict = claim["verdict"]
    return verdict["published_at"] if verdict else claim["updated_at"]


def _young_enough(claim, max_age_days, today):
    """Age is the newer of the claim's date and its review's (Google's rule)."""
    if not max_age_days:
        return True
    cutoff = to_timestamp(today - timedelta(days=max_age_days))
    return max(claim["claim_date"] or "", _review_date(claim)) >= cutoff[: len("YYYY-MM-DD")]


def _external(review):
    """Another fact-checker's review of the claim (imported ClaimReview), as Google shows it."""
    shown = {
        "publisher": {"site": review["publisher_site"]}
        | ({"name": review["publisher_name"]} if review["publisher_name"] else {}),
        "url": review["url"],
        "title": review["title"],
        "reviewDate": review["review_date"] and f"{review['review_date']}T00:00:00Z",
        "textualRating": review["textual_rating"],
        "languageCode": review["language"],
    }
    return {key: value for key, value in shown.items() if value is not None}


def _own(claim, publisher, page_url):
    """This desk's review of the claim, if it has published one."""
    verdict = claim["verdict"]
    if verdict is None and claim["status"] != workflow.RETRACTED:
        return []
    return [
        {
            "publisher": {"name": publisher["name"], "site": site_of(publisher["url"])},
            "url": page_url(claim["id"]),
            "title": claim["text"],
            "reviewDate": _review_date(claim),
            "textualRating": verdict["rating_name"] if verdict else RETRACTED_RATING,
            "languageCode": claim["language"],
        }
    ]


def _shown(claim, publisher, site, page_url):
    """The claim in Google's shape, with its reviews by the site filtered for (None: all)."""
    own = _own(claim, publisher, page_url) if site in (None, site_of(publisher["url"])) else []
    others = [r for r in claim["external_reviews"] if site in (None, r["publisher_site"])]
    # Google leaves out what it does not know (a claim date, an imported claim's claimant)
    # rather than sending null.
    known = {"claimDate": f"{claim['claim_date']}T00:00:00Z"} if claim["claim_date"] else {}
    if claim["claimant"]:
        known["claimant"] = claim["claimant"]
    return {
        "text": claim["text"],
        **known,
        # The desk's own review first, then other fact-checkers' (imported).
        "claimReview": own + [_external(review) for review in others],
    }


def search(db, params, *, publisher, page_url, thresholds, today=None):
    """One page of published fact-checks in Google's shape: {"claims", "nextPageToken"}.
    publisher: {"name", "url"}, this desk's; page_url(claim_id): the desk's review's reader
    page, the same address its ClaimReview gives."""
    site_filter = params.get("review_publisher_site_filter")
    if not params.get("query") and not site_filter:
        raise Invalid(
            "Give a query, or reviewPublisherSiteFilter.",
            {"query": ["Required unless reviewPublisherSiteFilter is given."]},
        )
    site = _site_filter(site_filter) if site_filter else None
    foreign = site if site and site != site_of(publisher["url"]) else None
    start, size = _offset(params), params["page_size"]
    today = today or datetime.now(UTC)
    shown = [
        _shown(claim, publisher, site, page_url)
        for claim in _matches(db, params, start + size, thresholds, foreign)
        if _young_enough(claim, params.get("max_age_days"), today)
    ]
    found = [claim for claim in shown if claim["claimReview"]]
    answer = {"claims": found[start : start + size]}
    if len(found) > start + size and start + size <= MAX_OFFSET:
        answer["nextPageToken"] = str(start + size)
    return answer
