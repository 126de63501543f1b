"""A fact-check's labelled claims (factcheck/claim_labels.py): "Claim one: "..."" is the
person whose statements the fact-check checks, the one named last before the first label,
for every label after it, whoever is quoted between. Names invented for these tests; rows
where the rule must not fire too."""

import pytest

from tests.test_attribution import check

FACT_CHECK = (
    "By Ola Brandt, Checkers Desk\n\n"
    "Council leader Mira Okwuosa made two claims about buses in a speech on Monday.\n\n"
    'Claim one: "Fares have doubled in five years."\n\n'
    "Ticket data from the Kell Transport Authority show fares rose 40 percent.\n\n"
    "Verdict: False.\n\n"
    "Tomas Reel, a transport economist, said the rise was steep.\n\n"
    'Claim two: "We run 200 more buses than in 2019."\n\n'
    "Verdict: True."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            FACT_CHECK,
            [
                None,
                None,
                "Mira Okwuosa",
                "Kell Transport Authority",
                None,
                "Tomas Reel",
                "Mira Okwuosa",
                None,
            ],
        ),
        # no quotation after the colon: a heading, not a claim set out
        (
            "Council leader Mira Okwuosa spoke on Monday.\n\nClaim one: fares.",
            [None, None],
        ),
        # nobody named before: nobody
        ('Claim one: "Fares have doubled in five years."', [None]),
    ],
)
def test_labelled_claims(client, text, expected):
    check(client, text, expected)
