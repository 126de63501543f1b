"""A bare noun for a body is never the claimant itself (factcheck/body_lookups.py,
factcheck/resolution.py): "the charity said" of a body whose name no head word types is the
one the sentence names ("Calls to Kell Scotland's helpline doubled, the charity said"), and
"the club's press office said" is the club's. Names invented for these tests; rows where the
rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Calls to Kell Scotland's helpline doubled last winter, the charity said today. "
            "According to the charity's survey, 40 percent skipped meals.",
            ["Kell Scotland", "Kell Scotland"],
        ),
        # a person the sentence names is no charity
        (
            "Ana Lind said she gave 40 pounds, the charity said.",
            ["Ana Lind"],
        ),
        # "the government" names a body whole
        ("Wages rose 3 percent, the government said.", ["government"]),
        (
            "The Tarnby Bus Partnership cut 9 routes. "
            "The partnership's press office said 40 drivers would move.",
            [None, "Tarnby Bus Partnership"],
        ),
    ],
)
def test_bare_noun_for_a_body(client, text, expected):
    check(client, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a public body or a road is no company "the company" stands for
        (
            "Dorrel Homes applied to build 320 homes. "
            "The company said a survey found the Kell Road carried 900 cars an hour.",
            [None, "Dorrel Homes"],
        ),
        (
            "Contact was lost for 47 minutes, the Vessmoor Space Agency said. "
            "The agency has lost 2 of its last 3 missions. "
            "In a statement, Dorrel Aerospace said the fault was traced to a timing error. "
            "Its engineers worked 40 hours. "
            "The company said it remained confident in the vehicle.",
            [
                "Vessmoor Space Agency",
                None,
                "Dorrel Aerospace",
                None,
                "Dorrel Aerospace",
            ],
        ),
        # a company named so is still the one "the company" stands for
        (
            "Kell Motors Group cut 40 jobs. The company said sales fell 9 percent.",
            [None, "Kell Motors Group"],
        ),
    ],
)
def test_the_company_is_a_business(client, text, expected):
    check(client, text, expected)
