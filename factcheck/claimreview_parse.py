"""ClaimReview markup as fact-checkers really publish it, read into plain review dicts.

Pure functions, no database: `nodes_from_json(document)` and `nodes_from_html(html, url)`
find every ClaimReview node (a single object, a list, `@graph` wrappers, a schema.org
DataFeed of DataFeedItems, JSON-LD `<script>` blocks and microdata, the HTML read by
extruct), and `review_of(node)` turns one node into a review or a reason to skip it.

Real markup is messy, so every field is read leniently: numbers as strings, `@type` as a
list or a full schema.org IRI (http or https), `alternateName`, `author` and `appearance`
as a string, an object or a list; what cannot be understood is left out, and only the three
things a review cannot do without (the claim, the rating's text, the review's URL) skip it.
"""

import re

import extruct

from factcheck.factcheck_tools import site_of

CLAIM_REVIEW = "ClaimReview"
NO_CLAIM = "no claimReviewed"
NO_RATING = "no rating text"
NO_URL = "no review URL"
# Nested containers a ClaimReview is found in: @graph, DataFeed, DataFeedItem, ItemList.
CONTAINERS = ("@graph", "dataFeedElement", "item", "itemListElement")
# Deeper than this, a document is not a fact-checker's markup.
MAX_DEPTH = 8
_SCHEMA_PREFIX = re.compile(r"^(?:https?://schema\.org/|schema:)", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _types(node):
    """The node's @type names without a schema.org prefix (a string or a list)."""
    kinds = node.get("@type") or node.get("type") or []
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {_SCHEMA_PREFIX.sub("", kind) for kind in kinds if isinstance(kind, str)}


def _children(value):
    """What a JSON-LD value nests: a list's items, a container object's members."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return [value[key] for key in CONTAINERS if key in value]
    return []


def _walk(value, depth=0):
    """Every ClaimReview node in a JSON-LD value, in document order."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict) and CLAIM_REVIEW in _types(value):
        yield value
        return
    for child in _children(value):
        yield from _walk(child, depth + 1)


def nodes_from_json(document):
    """The ClaimReview nodes of a parsed JSON-LD document."""
    return list(_walk(document))


def nodes_from_html(html, base_url=None):
    """The ClaimReview nodes of an HTML page: its JSON-LD blocks, then its microdata."""
    found = extruct.extract(
        html, base_url=base_url, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore"
    )
    return nodes_from_json(found.get("json-ld", [])) + nodes_from_json(found.get("microdata", []))


def _first(value):
    """The first of a list (or the value itself): where one is expected, the first counts."""
    if isinstance(value, list):
        return next((item for item in value if item not in (None, "", {}, [])), None)
    return value


def _text(value):
    """A string from a string, a number, or an object's name/@value (JSON-LD value
    objects, microdata's nested items); None if there is none."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("alternateName")
        value = _first(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _number(value):
    """A rating figure given as a number or a string ("5", "2.5"); None otherwise."""
    text = _text(value)
    try:
        number = float(text) if text is not None else None
    except ValueError:
        return None
    return number if number is not None and abs(number) < 1e9 else None


def url_of(value):
    """An http(s) URL from a string or an object's url/@id."""
    value = _first(value)
    if isinstance(value, dict):
        value = _first(value.get("url")) or value.get("@id")
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _date(value):
    """The date part (YYYY-MM-DD) of an ISO date or time, else None."""
    text = _text(value)
    return text[:10] if text and _DATE.match(text) else None


def _language(*values):
    for value in values:
        text = _text(value) if not isinstance(_first(value), dict) else None
        if isinstance(_first(value), dict):
            text = _text(_first(value).get("alternateName")) or _text(value)
        if text and re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", text):
            return text
    return None


def _rating(node):
    rating = _first(node.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    return {
        "textual_rating": _text(rating.get("alternateName")) or _text(rating.get("name")),
        "rating_value": _number(rating.get("ratingValue")),
        "best_rating": _number(rating.get("bestRating")),
        "worst_rating": _number(rating.get("worstRating")),
    }


def _publisher(node, review_url):
    who = _first(node.get("author")) or _first(node.get("publisher"))
    site = url_of(who) if isinstance(who, dict) else None
    return {"publisher_name": _text(who), "publisher_site": site_of(site or review_url or "")}


def _claim(node):
    item = _first(node.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    appearances = item.get("appearance") or item.get("firstAppearance") or []
    appearances = appearances if isinstance(appearances, list) else [appearances]
    return {
        "claimant": _text(item.get("author")),
        "claim_date": _date(item.get("datePublished")),
        "appearances": [url for url in map(url_of, appearances) if url],
        "item_language": item.get("inLanguage"),
    }


def review_of(node):
    """(review, None) or (None, why it is skipped). A review: claim_reviewed, url,
    textual_rating, rating_value/best_rating/worst_rating, publisher_name, publisher_site,
    review_date, title, claimant, claim_date, appearances, language (None when unknown)."""
    url = url_of(node.get("url")) or url_of(node.get("@id"))
    review = {
        "claim_reviewed": _text(node.get("claimReviewed")),
        "url": url,
        **_rating(node),
        **_publisher(node, url),
        "review_date": _date(node.get("datePublished")),
        "title": _text(node.get("headline")) or _text(node.get("name")),
        **_claim(node),
    }
    review["language"] = _language(node.get("inLanguage"), review.pop("item_language"))
    for field, reason in (("claim_reviewed", NO_CLAIM), ("textual_rating", NO_RATING)):
        if not review[field]:
            return None, reason
    if not url:
        return None, NO_URL
    return review, None
