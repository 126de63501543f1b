"""Words before a name that say who the person or body is, not what it is called
(factcheck/titles.py, factcheck/names.py): a job or what befell someone ("Waitress Ana Lind",
"Victim Tom Fox"), a rank ("Brigadier"), a surname opening with a particle ("al-Bakri",
"dos Santos"), a person set off after the words describing her ("A Chilean negotiator, Ana
Lind,") and a kind of body before its name ("the consultancy Kell Partners", "Proponent Kell
Metals"). Names invented for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Barmaid Ana Lind said 40 people queued at 5am. "It was mad," she said.',
            ["Ana Lind", "Ana Lind"],
        ),
        (
            "Victim Tom Fox, 71, said he lost 9,000 pounds. Juror Ruth Elbaz said 40 pages "
            "were missing.",
            ["Tom Fox", "Ruth Elbaz"],
        ),
        # a role word at the end of a name is the surname still
        ("Ana Pilot said 40 flights were cancelled.", ["Ana Pilot"]),
        (
            "Army spokesman Brigadier Omar al-Bakri said 40 shells fell. "
            '"We will respond," al-Bakri said.',
            ["Omar al-Bakri", "Omar al-Bakri"],
        ),
        ("Luiz dos Santos said 9 flats burned.", ["Luiz dos Santos"]),
        # a word with a hyphen in lower case is no particle of a name
        ("Kell Water said in-Kell prices rose 4 percent.", ["Kell Water"]),
        (
            "A Chilean negotiator, Ana Lind, rejected the plan, saying 40 states agreed.",
            ["Ana Lind"],
        ),
        (
            "Proponent Kell Metals says the mine will employ 400 people.",
            ["Kell Metals"],
        ),
        (
            "Economists at the consultancy Quillan Partners said wages rose 5 percent.",
            ["Quillan Partners"],
        ),
        # a word in lower case that is part of the body's name stays
        ("Analysts at the state Farm Bureau said 40 farms shut.", ["state Farm Bureau"]),
        # "the organiser" is the body that runs an event, not a person by her role
        (
            "Kell Events runs the fair. Last year's fair drew 9,000 people, according to "
            "the organiser.",
            [None, "Kell Events"],
        ),
    ],
)
def test_words_before_a_name(client, text, expected):
    check(client, text, expected)
