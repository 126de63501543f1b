"""Claimants never found in a place or a route (factcheck/names.py's NOT_SUBJECT_AFTER): a
name after a preposition of place ("near", "outside", "across", "through") is that
preposition's object, not the subject of a verb of saying after it ("a lorry that crashed
near Kell last month reported ..., the agency said"). Names invented for these tests; rows
where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The driver of a lorry that overturned near Vostrell last week reported a burst "
            "tyre, the Road Safety Inquiry Board said on Monday.",
            ["Road Safety Inquiry Board"],
        ),
        (
            "A bus that broke down outside Cardowan last week reported 40 faults, the "
            "Transit Standards Office said on Monday.",
            ["Transit Standards Office"],
        ),
        (
            "Walkers who crossed through Ellmere last month reported 14 fallen trees, the "
            "Woodland Access Trust said on Tuesday.",
            ["Woodland Access Trust"],
        ),
        # the name before the verb is its subject where no preposition comes before it
        ("Halvor Shipping reported 40 leaks near Ostby last year.", ["Halvor Shipping"]),
        ("Kell Marine Services reported 40 leaks last year.", ["Kell Marine Services"]),
        (
            "Across the county, Fenmoor Water reported 12 burst mains in March.",
            ["Fenmoor Water"],
        ),
    ],
)
def test_a_place_after_a_preposition_is_no_speaker(client, text, expected):
    check(client, text, expected)
