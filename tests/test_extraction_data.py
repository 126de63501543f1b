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
        ("blind 5", 8),
        ("blind 6", 8),
        ("blind 7", 8),
        ("blind 8", 8),
        ("blind 9", 8),
        ("blind 10", 8),
        ("blind 11", 8),
        ("blind 12", 8),
        ("blind 13", 8),
        ("blind 14", 8),
        ("blind 15", 8),
        ("blind 16", 8),
        ("blind 17", 8),
        ("blind 18", 8),
        ("blind 19", 8),
        ("blind 20", 8),
        ("blind 21", 8),
        ("blind 22", 8),
        ("blind 23", 8),
        ("blind 24", 8),
        ("blind 25", 8),
        ("blind 26", 8),
        ("blind 27", 8),
        ("blind 28", 8),
        ("blind 29", 8),
        ("blind 30", 8),
        ("blind 31", 8),
        ("blind 32", 8),
        ("blind 33", 8),
        ("blind 34", 8),
        ("blind 35", 8),
        ("blind 36", 8),
        ("blind 37", 8),
        ("blind 38", 8),
        ("blind 39", 8),
        ("blind 40", 8),
        ("blind 41", 8),
        ("blind 42", 8),
        ("blind 43", 8),
        ("blind 44", 8),
        ("blind 45", 8),
        ("blind 46", 8),
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


OUTSIDE = [a for name in bench.OUTSIDE for a in SETS[name]]


@pytest.mark.parametrize("article", OUTSIDE, ids=[a[0]["title"] for a in OUTSIDE])
def test_articles_by_other_hands_are_full_length_news(article):
    # a short wire story runs to some 240 words (blind 2: a wildfire report, 244)
    assert 200 <= len(article[1].split()) <= 600


def _labelled(*rows):
    """One article of (label, claimant, text) rows, as bench.load yields it."""
    return [({}, "", list(rows))]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # the same labels: full agreement
        (
            [("Y", "Ann Lee", "a"), ("N", None, "b"), ("Y", None, "c"), ("N", "the CPS", "d")],
            {"agreement": 1.0, "kappa": 1.0, "second_on_first": 1.0, "first_on_second": 1.0},
        ),
        # one label and one claimant differ; "the" and case do not count
        (
            [("Y", "ann lee", "a"), ("N", None, "b"), ("N", "Bo Ray", "c"), ("N", "CPS", "d")],
            {"agreement": 0.75, "kappa": 0.5, "second_on_first": 1.0, "first_on_second": 2 / 3},
        ),
    ],
)
def test_two_labellings_are_compared_label_by_label_and_claimant_by_claimant(second, expected):
    first = [("Y", "Ann Lee", "a"), ("N", None, "b"), ("Y", None, "c"), ("N", "the CPS", "d")]
    figures = bench.agreement(_labelled(*first), _labelled(*second))
    assert figures == pytest.approx(expected)


def test_labellings_of_different_sentences_are_not_compared():
    with pytest.raises(ValueError):
        bench.agreement(_labelled(("Y", None, "a")), _labelled(("Y", None, "b")))


@pytest.mark.parametrize("name", bench.SECOND_LABELLINGS)
def test_a_second_labelling_is_of_its_set_and_well_formed(name):
    first, second = (list(bench.load(folder)) for folder in bench.SECOND_LABELLINGS[name])
    assert [a[1] for a in second] == [a[1] for a in first]
    for _, body, labelled in second:
        for label, claimant, _ in labelled:
            assert label in ("Y", "N")
            assert claimant is None or bench.normal(claimant) in body.casefold()
