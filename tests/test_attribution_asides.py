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


# A paper stands for whoever made it: "the lawsuit says", "according to the complaint", "it
# cites" are the claims of the firm that filed it; "the company said" the business that spoke
# just before, not one named earlier.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Law firm Dace Whitlow LLP has sued Orrin Foods in Leeds, alleging that its jars "
            "shattered. The lawsuit, filed for 12 shoppers, says 40 jars broke. It cites 9 "
            "reports of cuts. The suit seeks 2 million pounds.",
            ["Dace Whitlow LLP"] * 4,
        ),
        (
            "Renner Legal said it had filed a complaint for Tomas Vey in May. Vey broke his "
            "wrist in 2023, according to the complaint.",
            ["Renner Legal", "Renner Legal"],
        ),
        (
            "Dace Whitlow LLP sued Pellam Kitchen Wares in March. Pellam, based in Hull, "
            "denied the claims. In a statement, the company said its shears met every standard.",
            [None, "Pellam Kitchen Wares", "Pellam Kitchen Wares"],
        ),
        # the article's own parts are nobody's; a person "who lives in" a town stays a person
        ("Prices rose 9 percent in 2023, according to the article.", [None]),
        (
            "Dana Holt, who lives in Hull, said she paid 40 pounds. She said the shop shut.",
            ["Dana Holt", "Dana Holt"],
        ),
    ],
)
def test_papers_speak_for_their_makers(client, text, expected):
    check(client, text, expected)
