"""Writing signed by its writer (factcheck/signed_letters.py): a letter to the editor or a
reader's question closed by a signature line ("Ana Lind, Halden"), its sentences the
writer's though no verb of saying is in them; an expert's answer opened by "Ana Lind
replies:". Names invented for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


# A letter, signed at the end of its paragraph or on a line of its own under it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Your report on the new ferry gave its fare as 9 pounds. I paid 12 pounds on "
            "Monday. Ana Lindqvist, Halden",
            ["Ana Lindqvist", "Ana Lindqvist", None],
        ),
        (
            "Since the library closed in May, my children have had nowhere to study. Who "
            "decided this?\n\nPeter Okonjo, Ashby",
            ["Peter Okonjo", "Peter Okonjo", None],
        ),
        (
            "As a nurse, I have seen 4 patients miss appointments since the bus was cut."
            "\n\nDr Helen Marsh, Keswick",
            ["Helen Marsh", None],
        ),
        (
            "I am 61 and worked for 30 years. How much will I get? Brenda, Dover",
            ["Brenda", "Brenda", None],
        ),
        # a figure the letter credits to a body keeps the body
        (
            "My bins were missed 5 times. Kell Council said 2,000 bins were missed in June. "
            "Tom Ashdown, Kell",
            ["Tom Ashdown", "Kell Council", None],
        ),
        # no first or second person: a caption under a reported paragraph, no letter
        (
            "The ferry fare rose to 12 pounds in June.\n\nAna Lindqvist, Halden",
            [None, None],
        ),
        # a thanks calling on someone is no signature
        ("We spoke to her on Monday. Thanks, Ana.", [None, None]),
        # a byline is no signature
        (
            "If you were affected, email the newsroom. We read every message.\n\n"
            "By Clara Benn, Consumer Reporter",
            [None, None, None],
        ),
    ],
)
def test_signed_letter(client, text, expected):
    check(client, text, expected)


# An expert's answer runs from "X replies:" to the note on who X is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paul Okoro replies: The full pension is 221 pounds a week. Check your record."
            "\n\nEach missing year costs 900 pounds to fill.\n\n"
            "Paul Okoro is a pensions adviser at Kell Partners. This column is not advice.",
            ["Paul Okoro", "Paul Okoro", "Paul Okoro", None, None],
        ),
        # "replies" in a sentence, not opening it with a colon, opens no answer after it
        (
            "Paul Okoro replies to every letter within 3 days.\n\nThe pension is 221 pounds.",
            ["Paul Okoro", None],
        ),
    ],
)
def test_expert_answer(client, text, expected):
    check(client, text, expected)
