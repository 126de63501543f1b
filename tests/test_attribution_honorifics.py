"""Words before a name that say what the person or body is without naming them
(factcheck/titles.py, factcheck/names.py): honorifics ("Comrade Ana Lind", "Alhaji Musa
Bello"), trades and sports positions ("Chef Ana Lind", "Striker Tom Fox"), where a body is
based ("the Lagos-based Kell Institute") and a conjunction opening the sentence ("Since Kell
Council moved ..."). Names invented for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


# An honorific or a trade before a first name and a surname is no part of the name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Union President, Comrade Efua Mensah, said bus fares had tripled. "
            "She warned of a strike within 7 days.",
            ["Efua Mensah", "Efua Mensah"],
        ),
        (
            "Alhaji Musa Danladi told reporters that diesel cost 40 percent more. "
            '"Our members cannot cope," he said.',
            ["Musa Danladi", "Musa Danladi"],
        ),
        (
            "Their lawyer, Barrister Kemi Adeyemi, said a notice had been served on 3 firms.",
            ["Kemi Adeyemi"],
        ),
        (
            "Chef Ines Carvalho, who cooked in Porto for 6 years, said the kitchen buys from 2 "
            'farms. "I visit them every month," she said.',
            ["Ines Carvalho", "Ines Carvalho"],
        ),
        (
            'Striker Lewis Mbeki scored twice in 9 minutes. "I just kept running," Mbeki said.',
            [None, "Lewis Mbeki"],
        ),
        (
            '"The ball swung late," said spinner Rahul Desai, who took 5 wickets.',
            ["Rahul Desai"],
        ),
        # the last word is the surname even when it is a trade word too
        ("Maria Bowler said 12 trains were cancelled.", ["Maria Bowler"]),
        # a sports position as a surname after a given name stays the name's
        ("Ana Striker, the club's treasurer, said dues rose 5 percent.", ["Ana Striker"]),
    ],
)
def test_honorific_or_trade_before_name(client, text, expected):
    check(client, text, expected)


# Where a body is based describes it; the name is what follows.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A study by the Nairobi-based Institute of Water Policy found that 30 percent of "
            "wells had failed. The institute said 4 counties were worst hit.",
            ["Institute of Water Policy", "Institute of Water Policy"],
        ),
        ("Oslo-based Fjordline said sales rose 4 percent.", ["Fjordline"]),
        # "based" inside a name, with no place before it, stays
        ("The Faith-Based Alliance said 200 families were housed.", ["Faith-Based Alliance"]),
    ],
)
def test_where_a_body_is_based(client, text, expected):
    check(client, text, expected)


# A conjunction opening a clause is no part of the name after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Although Kell Borough Council cut 40 posts, spending rose 3 percent, the "
            "council said.",
            ["Kell Borough Council"],
        ),
        (
            "Since Marlow Water raised its charges, 900 homes have fallen behind, Marlow "
            "Water said.",
            ["Marlow Water"],
        ),
    ],
)
def test_conjunction_before_name(client, text, expected):
    check(client, text, expected)


# A nickname in quotation marks between given name and surname is part of the name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Kell Mayor Alfredo "Nonoy" Bautista said 40 percent of homes had power. '
            'He said 9,000 food packs arrived. "We need more," Bautista said.',
            ['Alfredo "Nonoy" Bautista'] * 3,
        ),
        ("Robert \u201cBobby\u201d Lane said 3 shops shut.", ["Robert \u201cBobby\u201d Lane"]),
        # a quoted word with no name after it is a quotation, not a nickname
        ('"We will win," said Tom Hale. "Next" is a word he avoids.', ["Tom Hale", None]),
    ],
)
def test_nickname_in_quotation_marks(client, text, expected):
    check(client, text, expected)


# "Miss" and "Mx" as the press styles a person named in full before: the same person, and
# "Miss" a woman "she" goes on with.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tova Brisk, 41, lost 9,000 pounds to the scheme. "
            '"He took everything we had," Miss Brisk said. She said 4 neighbours lost money.',
            [None, "Tova Brisk", "Tova Brisk"],
        ),
        (
            "Rory Quell runs the shelter. Mx Quell said 40 dogs were rehomed in May.",
            [None, "Rory Quell"],
        ),
        # a verb in lower case is no title
        ("Fans will miss Kelby Rovers, Dan Fox said on Monday.", ["Dan Fox"]),
    ],
)
def test_miss_and_mx(client, text, expected):
    check(client, text, expected)
