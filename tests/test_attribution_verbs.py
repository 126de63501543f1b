"""Acts that name who makes a statement without "said" (factcheck/speech_verbs.py): a
barrister's "put it to the witness that", an apology, "encouraged X to", a claim repeated,
a forecast made ("has forecast heavy rain"). Sentences invented for these tests; rows where
the verb says nothing too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In cross-examination, defence counsel Mira Osei put it to Dale that the 40 "
            "payments were loans.",
            ["Mira Osei"],
        ),
        (
            "Kell Valley Hospitals Group said 300 patients waited overnight. "
            "It apologised to them and urged people to use a clinic.",
            ["Kell Valley Hospitals Group", "Kell Valley Hospitals Group"],
        ),
        (
            "Health minister Ana Roy said 9 clinics opened. She encouraged parents to book early.",
            ["Ana Roy", "Ana Roy"],
        ),
        (
            'Senator Tom Reyes said "crime doubled" on Monday. Reyes repeated the claim on radio.',
            ["Tom Reyes", "Tom Reyes"],
        ),
        (
            "The Dunmere Weather Office has forecast heavy snow until Friday.",
            ["Dunmere Weather Office"],
        ),
        # no statement: what is repeated, encouraged or forecast is no claim
        ("Ana Roy repeated the exercise 9 times.", [None]),
        ("Low rates encouraged growth in 2024.", [None]),
        ("The forecast for Friday is heavy snow.", [None]),
    ],
)
def test_acts_of_saying(client, text, expected):
    check(client, text, expected)


# "the spokesperson added" after "A spokesperson for X said": for X, a person too.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ana Kell said 40 homes were built. Figures from the Dune Housing Office show 60 "
            'were. A spokesperson for Kell said she meant starts. "The point stands," the '
            "spokesperson added.",
            ["Ana Kell", "Dune Housing Office", "Ana Kell", "Ana Kell"],
        ),
        (
            "A spokesman for Dune Water said 9 pipes burst. The spokesman added that 4 were fixed.",
            ["Dune Water", "Dune Water"],
        ),
    ],
)
def test_spokesperson_goes_on(client, text, expected):
    check(client, text, expected)
