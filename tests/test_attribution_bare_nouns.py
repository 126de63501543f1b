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
            "The Dunmore Bus Partnership cut 9 routes. "
            "The partnership's press office said 40 drivers would move.",
            [None, "Dunmore Bus Partnership"],
        ),
    ],
)
def test_bare_noun_for_a_body(client, text, expected):
    check(client, text, expected)
