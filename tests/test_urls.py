"""URL normalisation: what two addresses of one page may differ in, and what they may not
(the lookups through the API are in test_articles.py)."""

import pytest

from factcheck.urls import url_key


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("HTTPS://Example.ORG", "example.org"),
        ("https://example.org/a?#frag", "example.org/a"),
        ("https://example.org/a?utm_source=x&fbclid=y", "example.org/a"),
        ("http://example.org/", "example.org"),
        ("https://example.org./a/", "example.org/a"),
        ("https://user:pw@example.org:443/a", "example.org/a"),
        ("http://example.org:443/a", "example.org:443/a"),
        ("https://example.org:80/a", "example.org:80/a"),
        ("https://example.org/a?b=1&UTM_Term=x&a=2&_ga=1&mc_eid=2", "example.org/a?b=1&a=2"),
        ("https://example.org/a?q=x+y&r=%2f", "example.org/a?q=x+y&r=%2F"),
        ("https://example.org/%e2%82%ac/", "example.org/%E2%82%AC"),
        ("https://B\u00fccher.example/", "xn--bcher-kva.example"),
        ("https://[2001:DB8::1]:443/x", "[2001:db8::1]/x"),
    ],
)
def test_url_key_drops_only_what_never_changes_the_page(url, key):
    assert url_key(url) == key
