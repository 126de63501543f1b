"""Bodies a text calls in lower case (factcheck/organisations.py's unnamed_bodies,
factcheck/resolution.py): "the federal fisheries department" has no proper name, so "the
department said" later is that body by the words the text called it, not the bare noun; a
body named in capitals still comes first, and words pointing back ("the same agency") say
nothing of which body it is. Names invented for these tests; rows where the rule must not
fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The federal forestry department has closed 40 trails in the north. "
            "In a statement, the department said 12 bridges were unsafe.",
            [None, "federal forestry department"],
        ),
        (
            "Anglers blamed the state wildlife agency for the closure. "
            "The agency said 14 lakes had toxic algae.",
            [None, "state wildlife agency"],
        ),
        (
            "The regional water board raised prices by 9 per cent. "
            "Eli Marsh, a farmer, said he would pay 400 dollars more. "
            "The board said 30 pipes had burst.",
            [None, "Eli Marsh", "regional water board"],
        ),
        # a body named in capitals is the one "the agency" means
        (
            "The Harrowgate Road Safety Agency said 40 crossings were unsafe. "
            "The agency said 12 would be rebuilt.",
            ["Harrowgate Road Safety Agency", "Harrowgate Road Safety Agency"],
        ),
        # words pointing back or counting say nothing of which body it is
        (
            "Officials met the same agency twice. The agency said 14 lakes had toxic algae.",
            [None, "agency"],
        ),
    ],
)
def test_a_body_called_in_lower_case(client, text, expected):
    check(client, text, expected)
