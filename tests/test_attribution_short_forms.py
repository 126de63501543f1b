"""Later short forms of names (factcheck/mentions.py): a person named in full then by the
last words of the name ("Van Dijk" for "Joost van Dijk"), an organisation by the first words
of its name ("Kell Ridge" for "Kell Ridge Mining"), and the surname alone showing that a name
the grammar left in doubt is a person's. Names invented for these tests; rows where the rule
must not fire too."""

import pytest

from tests.test_attribution import check


# "Van Dijk said" after "Joost van Dijk"; "Kell Ridge said" after "Kell Ridge Mining".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Defence counsel Joost van Dijk questioned the witness for 3 hours. "
            "Van Dijk told reporters that his client had paid 40 invoices.",
            [None, "Joost van Dijk"],
        ),
        (
            "Transport minister Mei Lin Tan said 200 buses were bought. "
            "Lin Tan said 12 were electric.",
            ["Mei Lin Tan", "Mei Lin Tan"],
        ),
        (
            "Coastal Hill Railways cut 40 jobs in May. Coastal Hill said the cuts were voluntary.",
            [None, "Coastal Hill Railways"],
        ),
        # a description before the name is no given name: the company stays itself
        (
            "The mine is run by Leeds-listed Harrow Metals. Harrow Metals said 9 staff were hurt.",
            [None, "Harrow Metals"],
        ),
        # a place's name is never the body that begins with it
        (
            "Kell Ridge Park flooded in May. Kell Ridge said 9 homes were hit.",
            [None, "Kell Ridge"],
        ),
    ],
)
def test_later_short_forms(client, text, expected):
    check(client, text, expected)


# The surname alone shows a name is a person's: "Ana Lind, a union organiser," then "Lind".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Roads and Ports Minister Hemant Dutta denied the claim, saying 40 bridges were "
            "repaired. The roads were open, Dutta said. He said 11 ferries ran.",
            ["Hemant Dutta", "Hemant Dutta", "Hemant Dutta"],
        ),
        (
            "Rory Keane, the survey's author, said rents rose 9 percent. "
            "Tessa Marlow, a union organiser with the Eastside Renters Union, called the "
            'plan "a slogan". '
            'She said 19 landlords had asked for more. "We are tired," Marlow said.',
            ["Rory Keane", "Tessa Marlow", "Tessa Marlow", "Tessa Marlow"],
        ),
        # a business called by its first word stays the organiser the text named
        (
            "Harbour Nights, a festival organiser, sold 9,000 tickets. "
            "The organiser said 40 acts would play.",
            [None, "Harbour Nights"],
        ),
    ],
)
def test_surname_alone_shows_a_person(client, text, expected):
    check(client, text, expected)


# "Kell" after "the maker, Kell Mobility," and "a Kell Cruiser battery": the maker, not a
# product the text never showed is a person's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nine families sued the maker, Dunmore Mobility, on Monday. Ana Berg said her "
            "Dunmore Rover battery burned in 2024. Dunmore denied the allegations.",
            [None, "Ana Berg", "Dunmore Mobility"],
        ),
        # a person the text showed is one keeps her first name's sentences
        (
            "The maker, Dunmore Mobility, cut 40 jobs. Dunmore Hale, 54, said she lost hers. "
            "Dunmore said she had worked there 9 years.",
            [None, "Dunmore Hale", "Dunmore Hale"],
        ),
    ],
)
def test_body_before_product_of_its_name(client, text, expected):
    check(client, text, expected)


# A name of three words called by its first two, as Malay, Arab and Spanish names are.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Works Minister Razak Idris Hamdan opened the bridge on Monday. "
            '"About 40 lorries a day will cross it," Razak Idris said.',
            [None, "Razak Idris Hamdan"],
        ),
        (
            "Maria Elena Sotelo, a nurse, said 40 beds were empty. "
            "Maria Elena said 12 wards had closed.",
            ["Maria Elena Sotelo", "Maria Elena Sotelo"],
        ),
        # someone named by those two words before is that one
        (
            "Tova Brisk, a porter, said 9 lifts failed. Tova Brisk Ollen said 40 beds were "
            "empty. Tova Brisk said 3 wards closed.",
            ["Tova Brisk", "Tova Brisk Ollen", "Tova Brisk"],
        ),
    ],
)
def test_first_two_of_three_names(client, text, expected):
    check(client, text, expected)


# "Shares of X fell": X is a listed company, so its first word alone later is X.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shares of Ostra Ferroso, the largest tin producer, fell 9 percent. "
            "Ostra said output would rise in May.",
            [None, "Ostra Ferroso"],
        ),
        (
            "Shares in Pellan Orvik rose 4 per cent on Monday. The company said sales had doubled.",
            [None, "Pellan Orvik"],
        ),
        # a person whose surname opens no company's name keeps it
        (
            "Shares of Ostra Ferroso fell 9 percent. Analyst Rina Dovel said 40 mines had "
            "closed. Dovel said prices would recover.",
            [None, "Rina Dovel", "Rina Dovel"],
        ),
    ],
)
def test_shares_of_a_company(client, text, expected):
    check(client, text, expected)
