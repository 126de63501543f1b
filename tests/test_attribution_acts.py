"""Acts of stating with no verb of saying (factcheck/speech_verbs.py): a request ("He asked
the court to consider a fine"), an identification ("X identified the man as Y"), a cause
given ("X credited the fall to new patrols"), a concession in the present tense ("X concedes
that") and a projection ("The institute projected a recovery"). Names invented for these
tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Defence lawyer Omar Bakr said his client was sorry. "
            "He asked the judge to consider a fine.",
            ["Omar Bakr", "Omar Bakr"],
        ),
        (
            "Transport minister Ian Pugh spoke at 6pm. "
            "He asked drivers in Kell not to travel tonight.",
            [None, "Ian Pugh"],
        ),
        # a wish to stay unnamed is no request the speaker makes
        ("One engineer in Kell, who asked not to be named, said 40 staff left.", [None]),
        # a passive request names nobody before it
        ("She was asked to leave the room by 3 guards.", [None]),
        (
            "Coroner Ruth Elbaz opened the inquest on Monday. "
            "Elbaz identified the man as Tom Hale, 41, a builder from Kell.",
            [None, "Ruth Elbaz"],
        ),
        (
            "Police chief Dan Ochoa credited the fall in burglaries to new patrols.",
            ["Dan Ochoa"],
        ),
        # money credited to accounts is no cause given
        ("The bank credited 40 pounds to 9,000 accounts.", [None]),
        (
            "Economist Lea Moss concedes that building costs rose by a quarter.",
            ["Lea Moss"],
        ),
        (
            "The Kell Institute said yields fell 9 percent. "
            "The institute projected a modest recovery next year.",
            ["Kell Institute", "Kell Institute"],
        ),
    ],
)
def test_act_of_stating(client, text, expected):
    check(client, text, expected)


# A stance taken on what was decided or announced is the one taking it: "X welcomed the
# figures", "Y hailed the ruling"; welcoming people is no stance.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Finance Minister Ana Lind welcomed the figures.", ["Ana Lind"]),
        ("The Kell Chamber of Commerce welcomed the decision.", ["Kell Chamber of Commerce"]),
        (
            "The Tarnby Farmers Union hailed the tariff ruling.",
            ["Tarnby Farmers Union"],
        ),
        ("The Kell Museum welcomed 40,000 visitors in May.", [None]),
        ("The Kell Union welcomed the first 40 members.", [None]),
    ],
)
def test_stance_on_what_was_decided(client, text, expected):
    check(client, text, expected)


# When a statement was made, between its verb and what it says: "ruled on Wednesday that",
# "projected in January that".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kell Constitutional Court ruled on Wednesday that a law requiring 20 percent "
            "quotas was void.",
            ["Kell Constitutional Court"],
        ),
        (
            "The Kell Revenue Council, a nonpartisan agency, projected in January that "
            "revenue would grow 2.1 percent.",
            ["Kell Revenue Council"],
        ),
        # a ruling on a day with no statement after it names nobody
        ("The Kell Court ruled on Wednesday, 40 minutes after the hearing.", [None]),
    ],
)
def test_when_it_was_said(client, text, expected):
    check(client, text, expected)


# A cause given by other words than "credited": "attributed X to Y", "put X down to Y".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lender Kell Mutual said profit fell 9 per cent. Finance chief Tova Brisk "
            "attributed the fall mainly to bad loans.",
            ["Kell Mutual", "Tova Brisk"],
        ),
        (
            "Headteacher Orla Penhale put the rise in grades down to 40 extra lessons.",
            ["Orla Penhale"],
        ),
        # a remark attributed to someone, and putting someone on leave, state nothing
        ("A remark attributed to Dan Fox drew 40 complaints.", [None]),
        ("Kell Mills put 40 staff on leave.", [None]),
    ],
)
def test_cause_attributed_or_put_down_to(client, text, expected):
    check(client, text, expected)
