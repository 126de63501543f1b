"""The labelled evaluation sets of bench/extraction.py are well formed, so the figures it
prints measure the rules and not a typo in the data."""

import pytest

from bench import extraction as bench

SETS = bench.sets()
ARTICLES = [(name, article) for name, articles in SETS.items() for article in articles]


@pytest.mark.parametrize(
    ("name", "least"),
    [
        ("tuning", 8),
        ("held out", 2),
        ("unseen", 8),
        ("fresh", 8),
        ("blind", 8),
        ("blind 2", 8),
        ("blind 3", 8),
        ("blind 4", 8),
    ],
)
def test_each_set_has_its_articles(name, least):
    assert len(SETS[name]) >= least


@pytest.mark.parametrize(
    ("name", "article"), ARTICLES, ids=[f"{n}: {a[0]['title']}" for n, a in ARTICLES]
)
def test_every_labelled_sentence_is_well_formed(name, article):
    meta, body, labelled = article
    assert meta["kind"] and meta["title"]
    assert meta["held_out"] is (name != "tuning")
    for label, claimant, text in labelled:
        assert label in ("Y", "N"), text
        assert text and text == text.strip() and text in body
        # the claimant is named as the text names it, or the bench could never match it
        assert claimant is None or (
            claimant.strip() and bench.normal(claimant) in body.casefold()
        ), text
    assert {label for label, _, _ in labelled} == {"Y", "N"}


OUTSIDE_SETS = ("unseen", "fresh", "blind", "blind 2", "blind 3", "blind 4")
OUTSIDE = [a for name in OUTSIDE_SETS for a in SETS[name]]


@pytest.mark.parametrize("article", OUTSIDE, ids=[a[0]["title"] for a in OUTSIDE])
def test_articles_by_other_hands_are_full_length_news(article):
    # a short wire story runs to some 240 words (blind 2: a wildfire report, 244)
    assert 200 <= len(article[1].split()) <= 600
