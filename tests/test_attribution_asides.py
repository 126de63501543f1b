"""Claimants through the scoring API for the habits of news writing the fifth attribution
round counted across blind 5, 6 and 7 (README "Article ingestion and claim extraction"): one
table per habit, each row a sentence shape of its own with invented names, and rows where
the rule must not fire."""

import pytest

from tests.test_attribution import claimants


def check(client, text, expected):
    assert claimants(client, text) == expected


# What sits between a speaker and the verb says who the speaker is, never is the speaker: a
# relative clause that sets off a town and its state or a date, a short name in brackets
# before an aside.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pelmora, which is based in Leeds, England, said it would appeal.", ["Pelmora"]),
        (
            "Tamsin Orrell, who moved to Lyon, France, in 2019, has denied taking the money.",
            ["Tamsin Orrell"],
        ),
        (
            "The vet, Dario Quint, who trained in Cork, Ireland, told us 40 cows died.",
            ["Dario Quint"],
        ),
        (
            "The Coastal Freight Board (CFB), a regulator, said 40 ships were late.",
            ["Coastal Freight Board"],
        ),
        (
            "The Orrin Housing Trust (OHT), which owns 900 flats, warned that rents rose 9%.",
            ["Orrin Housing Trust"],
        ),
        # the clause's own speaker, named in it with commas, still speaks
        (
            "The shop, which has traded since 1974 and employs 12 people, its owner, Lina "
            "Marsh, said.",
            ["Lina Marsh"],
        ),
        # a place that ends the sentence's subject is no speaker either way
        ("Grain prices in Austin, Texas, rose 9 percent last year.", [None]),
    ],
)
def test_asides_between_speaker_and_verb(client, text, expected):
    check(client, text, expected)
