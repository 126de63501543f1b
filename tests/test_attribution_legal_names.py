"""Claimants named as the text spells them and titled as the text titles them: a company's
legal ending keeps its full stop ("Kell Tools Inc."; factcheck/organisations.py), and a
commander's rank or a Malaysian honorific before a name is a title, not part of the name
(factcheck/titles.py). Names invented for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


# A legal ending written with its stop keeps it, on the name and on "the firm" after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brannock Tools Inc. said Monday that its profit rose 12%. "
            "The firm said it would hire 40 people.",
            ["Brannock Tools Inc.", "Brannock Tools Inc."],
        ),
        (
            "In a statement, Quillet Holdings Corp., which owns the site, said it had 30 staff.",
            ["Quillet Holdings Corp."],
        ),
        ("Tarn Cables Ltd. said 14 jobs would go.", ["Tarn Cables Ltd."]),
        # written without the stop, the name stays as written
        ("Dunmore Dairy Ltd said 12 cows died.", ["Dunmore Dairy Ltd"]),
        ("Brisk Ferries Plc said fares rose 6 percent.", ["Brisk Ferries Plc"]),
        # a stop that ends the sentence after a name with no legal ending adds nothing
        ("The figure was 40, said Harriet Lomax.", ["Harriet Lomax"]),
    ],
)
def test_legal_ending_keeps_its_stop(client, text, expected):
    check(client, text, expected)


# A commander's rank, and the Malaysian honorifics "Datuk", "Datuk Seri", "Dato'", are titles.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harlow County Police Commander Joseph Kell said 4 bags were seized. "
            '"We had watched them," Mr Kell said.',
            ["Joseph Kell", "Joseph Kell"],
        ),
        ("Camp Commandant Ilse Varn said 300 tents stood empty.", ["Ilse Varn"]),
        (
            "Fisheries Minister Datuk Seri Omar Latif said 40 boats sank. He said 12 were saved.",
            ["Omar Latif", "Omar Latif"],
        ),
        ("Datin Rosnah Idris said 9 stalls closed.", ["Rosnah Idris"]),
        # the word inside an organisation's name leaves the name whole
        ("The Harlow Commanders Club said 50 members resigned.", ["Harlow Commanders Club"]),
    ],
)
def test_rank_and_honorific_before_a_name(client, text, expected):
    check(client, text, expected)


# A dateline's place in capitals is nobody "he" could be; a title right before a name makes
# it a person's even after portfolios joined by "and".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PORT ALDER: Grain exports fell 11% in May, data from the Grain Board showed.\n\n"
            'Farming and Ports Minister Edda Strand said 5 ships left. "We are sure," she '
            "told reporters. She said 6 more would sail.",
            ["Grain Board", "Edda Strand", "Edda Strand", "Edda Strand"],
        ),
        (
            'Roads and Rail Secretary Colm Fennor said 80 bridges were unsafe. "Fix them," '
            "he said.",
            ["Colm Fennor", "Colm Fennor"],
        ),
        # no title before the last name: two people, or a name of a body, stay as they were
        (
            'Harlan and Voss Partners said 9 offices shut. "It hurts," the firm said.',
            ["Harlan and Voss Partners", "Harlan and Voss Partners"],
        ),
        # one word in capitals is a body's initials, not a dateline
        ("Dateline aside, KWRA said 4 pumps failed.", ["KWRA"]),
    ],
)
def test_dateline_and_joined_portfolios(client, text, expected):
    check(client, text, expected)


# After a title in lower case, a word that could be a title ("Dean", "Major") opens the name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Chief executive Dean Brenn said the club sold 300 seats. "We lost money," '
            "Mr Brenn said. He declined to say more.",
            ["Dean Brenn", "Dean Brenn", "Dean Brenn"],
        ),
        ("The league's director Major Fenwick said 12 clubs had paid.", ["Major Fenwick"]),
        # a title in capitals before it, or none, or a first name and surname after it,
        # leaves the title a title
        (
            "In a letter, vice-chancellor Professor Ruth Marr said 70 posts would go.",
            ["Ruth Marr"],
        ),
        ("Professor Dean Ruth Marr said 3 courses closed.", ["Ruth Marr"]),
        ("Dean Ruth Marr of the law school said 7 staff left.", ["Ruth Marr"]),
        ("Vice Chancellor Ruth Marr said 70 posts would go.", ["Ruth Marr"]),
    ],
)
def test_title_word_opening_a_name_after_a_lower_case_title(client, text, expected):
    check(client, text, expected)


# A title's portfolio in lower case ("director of rugby") before its holder's name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harriers director of rugby Ivo Dant pointed out that his side had lost 14 "
            'times. "I will say no more," he said.',
            ["Ivo Dant", "Ivo Dant"],
        ),
        ("The minister for ports Edda Strand said 4 ships sank.", ["Edda Strand"]),
        # a place's object before the name, not a title's portfolio
        ("Fans in rural Kent said 5 pubs shut.", [None]),
    ],
)
def test_lower_case_portfolio_before_a_name(client, text, expected):
    check(client, text, expected)
