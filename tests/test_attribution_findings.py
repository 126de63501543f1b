"""Findings called by the work that made them, and a party's member called by the party
(factcheck/papers.py, factcheck/resolution.py): "The analysis found" is the maker's of the
analysis the text named; "A memo released Monday by X, the council's office, said" is X's;
"the Democrat said" is the party's member last spoken of. Names invented for these tests;
rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A study released by the Halden Courts Project on Monday found that waits rose. "
            "The analysis found that cases take 4 years. In Kell, the group found 9 judges.",
            ["Halden Courts Project", "Halden Courts Project", "Halden Courts Project"],
        ),
        (
            "Kell Water published its review of 400 pipes. The assessment found that 9 "
            "percent leaked.",
            [None, "Kell Water"],
        ),
        # with no maker named, a finding is nobody's, and never the noun's
        ("The analysis found that 4 in 10 homes were cold.", [None]),
    ],
)
def test_finding_called_by_its_work(client, text, expected):
    check(client, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A memo released Monday by the Fiscal Review Office, the council's nonpartisan "
            "adviser, said the plan costs $4 billion. The memo also found that taxes grew "
            "3 percent.",
            ["Fiscal Review Office", "Fiscal Review Office"],
        ),
        (
            "A report published last week by Brenmoor Water said 9 mains burst.",
            ["Brenmoor Water"],
        ),
    ],
)
def test_paper_released_on_a_day_by(client, text, expected):
    check(client, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gov. Marta Ruiz on Monday set out a $9 billion budget. In her speech, the "
            "Democrat said taxes fell 3 percent.",
            [None, "Marta Ruiz"],
        ),
        (
            "Senator Owen Pike toured the mine. The Republican said 4 mines had closed.",
            [None, "Owen Pike"],
        ),
        # a party's member before a name is a title, the name the claimant
        ("Democrat Lena Hoff said 9 schools shut.", ["Lena Hoff"]),
    ],
)
def test_party_member_called_by_party(client, text, expected):
    check(client, text, expected)


# A body's reviewers, analysts or economists speak for it: "the agency's reviewers noted".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Drug Safety Agency approved the pill on Monday. The agency's reviewers "
            "noted that 9 percent of patients fell ill.",
            [None, "Drug Safety Agency"],
        ),
        (
            "The Halden Statistics Office published its survey. The office's statisticians "
            "said 4 in 10 homes were rented.",
            [None, "Halden Statistics Office"],
        ),
        # advisers the text does not name are nobody's
        ("The government's own advisers said 40 homes failed.", [None]),
    ],
)
def test_body_staff_by_possessive(client, text, expected):
    check(client, text, expected)


# A body speaking through a paper its officer signed: the body, not the signer.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Ministry of Water Resources, in a statement signed by its Director of "
            "Press, Ada Musa, said 40 dams were repaired. The statement added that no fees "
            "were paid. It urged farmers to pay.",
            ["Ministry of Water Resources"] * 3,
        ),
        # the officer named as the subject speaks herself
        (
            "Ada Musa, the ministry's director of press, said 40 dams were repaired.",
            ["Ada Musa"],
        ),
    ],
)
def test_statement_signed_by_its_officer(client, text, expected):
    check(client, text, expected)
