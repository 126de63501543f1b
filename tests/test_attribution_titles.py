"""Claimants behind long titles and descriptions (factcheck/titles.py, factcheck/names.py,
factcheck/appositives.py): a title with its portfolio before the holder's name ("Minister for
Health Ana Lind"), titles of several words ("House Minority Leader Tom Fox"), a party's member
in American style ("Democrat Ana Lind"), and an appositive that says what the person before
it is ("Sen. Ana Lind, a Vermont Republican,"). Names invented for these tests; rows where
the rule must not fire too."""

import pytest

from tests.test_attribution import check


# A title with its portfolio: the holder is the name after the portfolio.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minister for Fisheries Orla Devane told the chamber that 300 boats were idle. "
            '"We will act," Ms Devane said.',
            ["Orla Devane", "Orla Devane"],
        ),
        (
            "Leader of the House Tomas Varga on Monday accused ministers of hiding 9 "
            "reports. Speaking outside, Varga said 4 were leaked.",
            ["Tomas Varga", "Tomas Varga"],
        ),
        (
            "Minister of State for Housing Wen Li Hua wrote online that 2,000 flats were built.",
            ["Wen Li Hua"],
        ),
        (
            "Secretary of State for Work and Pensions Petra Holm said 40,000 claims were late.",
            ["Petra Holm"],
        ),
        # the office is not the person: an organisation "of" a place stays whole
        ("Laura Bishop of the Kell Trust said 12 staff left.", ["Laura Bishop"]),
        ("The Minister for Fisheries said 300 boats were idle.", [None]),
    ],
)
def test_title_with_portfolio(client, text, expected):
    check(client, text, expected)


# Titles of several words, and a party's member, before a name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "House Minority Leader Bram Osei said spending rose 9 percent. "
            '"We said so," Osei said.',
            ["Bram Osei", "Bram Osei"],
        ),
        ("Republican Hollis Trent said turnout fell by a fifth.", ["Hollis Trent"]),
        (
            "Democrat Mira Sandoval, a retired nurse, told voters she had knocked on 9,000 doors.",
            ["Mira Sandoval"],
        ),
        # a party's name is no person's title
        ("The Republican Party said turnout fell by a fifth.", ["Republican Party"]),
    ],
)
def test_titles_of_several_words(client, text, expected):
    check(client, text, expected)


# "Sen. Ana Lind, a Vermont Republican, said": the appositive describes her.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sen. Corin Abbe, a Vermont Republican, said the grants paid for 40 trials.",
            ["Corin Abbe"],
        ),
        (
            '"You charge 12 times more," Rep. Lise Tran, an Ohio Democrat, told the firm. '
            '"How is that fair?"',
            ["Lise Tran", "Lise Tran"],
        ),
        (
            "Owen Marsh, the MP for Kell Vale and Dunmore, wrote that 3 wards had closed.",
            ["Owen Marsh"],
        ),
        (
            "Ines Roth, the Assembly Minority Leader, said the budget grew 11 percent.",
            ["Ines Roth"],
        ),
        # a name after the article that a title opens is the person set off
        ("The chair, the Rev. Amos Kell, said 40 people came.", ["Amos Kell"]),
        ("One of them, retired teacher Ana Lind, said 3 buses ran.", ["Ana Lind"]),
    ],
)
def test_appositive_describing_the_person(client, text, expected):
    check(client, text, expected)


# The holder of an office of several words is a person: "she" after her is she.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senior Minister of State for Ports Wen Li Hua wrote that 40 ships docked. "
            "She encouraged traders to apply for permits.",
            ["Wen Li Hua", "Wen Li Hua"],
        ),
        (
            "Minister for Work and Pensions Petra Holm said 900 claims were late. "
            "She said 40 staff were hired.",
            ["Petra Holm", "Petra Holm"],
        ),
    ],
)
def test_office_holder_is_a_person(client, text, expected):
    check(client, text, expected)


# A seat in a parliament or council is a title before its holder's name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Member for Haldenby Oskar Brint on Friday announced a $9 million fund. "
            "Mr Brint said it was the largest yet. A spokeswoman for Mr Brint said 400 "
            "farms had applied.",
            ["Oskar Brint", "Oskar Brint", "Oskar Brint"],
        ),
        ("Council Member Rhea Voss said 12 bus routes were cut.", ["Rhea Voss"]),
        # a member of a body is no title before a name
        ("A member of the Kell Rowing Club said 30 boats were lost.", [None]),
    ],
)
def test_seat_before_name(client, text, expected):
    check(client, text, expected)


# "said the author Ana Lind": a role with "the" before the name after the verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"She sold 600 copies of my first book," said the novelist Petra Vale. '
            '"I owe her everything."',
            ["Petra Vale", "Petra Vale"],
        ),
        # "said the <noun>" with no name after it names nobody new
        ('"We sold 600 copies," said the shop on Monday.', [None]),
    ],
)
def test_said_the_role_name(client, text, expected):
    check(client, text, expected)


# A brief "on" a subject ("spokesman on health") is a portfolio before its holder's name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shadow Spokeswoman on Rural Affairs Dr Nia Pryor said 40 farms closed.",
            ["Nia Pryor"],
        ),
        ("Green spokesman on transport Emil Brack said 9 lines shut.", ["Emil Brack"]),
        # "on" a day is when, not a brief
        ("The spokesman on Tuesday Emil Brack said 9 lines shut.", [None]),
        # a paper "on" a body is about it, not by it
        ("A report on Kell Water said 9 mains burst.", [None]),
    ],
)
def test_portfolio_on_a_subject(client, text, expected):
    check(client, text, expected)
