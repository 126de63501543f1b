"""Claimants named as the text spells them and titled as the text titles them: a company's
legal ending keeps its full stop ("Kell Tools Inc."; factcheck/organisations.py), and a
commander's rank or a Malaysian honorific before a name is a title, not part of the name
(factcheck/titles.py). Names invented for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


# A legal ending written with its stop keeps it, on the name and on "the firm" after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brannock Tools Inc. said Monday that its profit rose 12%. "
            "The firm said it would hire 40 people.",
            ["Brannock Tools Inc.", "Brannock Tools Inc."],
        ),
        (
            "In a statement, Quillet Holdings Corp., which owns the site, said it had 30 staff.",
            ["Quillet Holdings Corp."],
        ),
        ("Tarn Cables Ltd. said 14 jobs would go.", ["Tarn Cables Ltd."]),
        # written without the stop, the name stays as written
        ("Dunmore Dairy Ltd said 12 cows died.", ["Dunmore Dairy Ltd"]),
        ("Brisk Ferries Plc said fares rose 6 percent.", ["Brisk Ferries Plc"]),
        # a stop that ends the sentence after a name with no legal ending adds nothing
        ("The figure was 40, said Harriet Lomax.", ["Harriet Lomax"]),
    ],
)
def test_legal_ending_keeps_its_stop(client, text, expected):
    check(client, text, expected)


# A commander's rank, and the Malaysian honorifics "Datuk", "Datuk Seri", "Dato'", are titles.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harlow County Police Commander Joseph Kell said 4 bags were seized. "
            '"We had watched them," Mr Kell said.',
            ["Joseph Kell", "Joseph Kell"],
        ),
        ("Camp Commandant Ilse Varn said 300 tents stood empty.", ["Ilse Varn"]),
        (
            "Fisheries Minister Datuk Seri Omar Latif said 40 boats sank. He said 12 were saved.",
            ["Omar Latif", "Omar Latif"],
        ),
        ("Datin Rosnah Idris said 9 stalls closed.", ["Rosnah Idris"]),
        # the word inside an organisation's name leaves the name whole
        ("The Harlow Commanders Club said 50 members resigned.", ["Harlow Commanders Club"]),
    ],
)
def test_rank_and_honorific_before_a_name(client, text, expected):
    check(client, text, expected)
