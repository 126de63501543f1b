"""A body's scientists and analysts speak for it (factcheck/subjects.py,
factcheck/speech_verbs.py): "Researchers at X have built ...", "Astronomers at X have
found ..." (what they report doing is the body's finding, whatever the verb), "Analysts at X
expect rates to ease" (their forecast), and "the consultancy" a business. Names invented
for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Astronomers at the Pellow Observatory have found a cold planet 900 light-years "
            "from Earth.",
            ["Pellow Observatory"],
        ),
        (
            "Researchers at Hadley Cross University have grown a cartilage patch that lasted "
            "40 weeks in sheep.",
            ["Hadley Cross University"],
        ),
        (
            "Engineers from Ostrava Technical Institute have tested a bridge cable 3 times "
            "stronger than steel.",
            ["Ostrava Technical Institute"],
        ),
        # what was done to them is no finding of theirs
        ("Researchers at Hadley Cross University have been given 4 million pounds.", [None]),
        # scientists with no body named speak for nobody
        ("Astronomers have found a cold planet 900 light-years away.", [None]),
    ],
)
def test_scientists_at_a_body(client, text, expected):
    check(client, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Freight rates rose 12 percent. Analysts at Quarry Hill Research expect rates to "
            "fall after March. The consultancy said 40 ships were idle. It counted 9 new "
            "routes.",
            [None, "Quarry Hill Research", "Quarry Hill Research", "Quarry Hill Research"],
        ),
        # expecting to do something is no forecast of another's
        ("Supporters expect to hear the result by 9pm.", [None]),
    ],
)
def test_analysts_expect(client, text, expected):
    check(client, text, expected)
