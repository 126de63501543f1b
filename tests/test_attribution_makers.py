"""Papers and the bodies that made them (factcheck/papers.py, factcheck/described.py,
factcheck/mentions.py, factcheck/organisations.py): a meeting's minutes are its body's; a
part of a body named in lower case after its possessive ("the Kell Bank's rate committee")
speaks for the body; a paper's maker set off after it ("The complaint, filed Monday in X by
the law firm Y LLP, seeks") and its owner before three words ("its most recent annual
report"); a body in lower case named in all its words ("the state housing department"); "the
agency" for the body that spoke last when its name says no kind; and a public body's remits
listed with commas ("the Ministry of A, B and C") are one name. Names invented for these
tests; rows where the rule must not fire too."""

import pytest

from factcheck import described
from tests.test_attribution import check


# A meeting's minutes, and a part of a body in lower case.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two of the nine members of the Kell Reserve Bank's rate committee voted for a cut. "
            "According to the minutes, most members judged that inflation was 3 percent. "
            "The committee said it would stay vigilant.",
            [None, "Kell Reserve Bank", "Kell Reserve Bank"],
        ),
        # "minutes" of time are no paper
        (
            "Ana Lind said the Kell Reserve Bank would cut rates. "
            "The meeting lasted 40 minutes, she said.",
            ["Ana Lind", "Ana Lind"],
        ),
    ],
)
def test_minutes_and_a_part_of_a_body(client, text, expected):
    check(client, text, expected)


# Which possessives make a part of a body: not a person's, nor a day's.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Two members of the Kell Reserve Bank's rate committee voted for a cut.",
            [("committee", "Kell Reserve Bank")],
        ),
        ("Staff at Hale Council's planning department left.", [("department", "Hale Council")]),
        ("Senator Ana Lind's committee met on Monday.", []),
        ("Papers for Thursday's board meeting of Kell Health Trust were published.", []),
    ],
)
def test_parts_of_bodies(sentence, expected):
    assert described.parts(sentence) == expected


# A paper's maker set off after it, or its owner before a long description.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The complaint, filed Monday in Kell County Court by the law firm Thornquist "
            "Merrin LLP, seeks 4 million dollars in damages.",
            ["Thornquist Merrin LLP"],
        ),
        # no maker named: nobody
        (
            "The complaint, filed Monday in Kell County Court, seeks 4 million dollars in damages.",
            [None],
        ),
        (
            "The Kell County Sheriff's Office said it bought 4 drones. "
            "The office operates 31 drones, according to its most recent annual report.",
            ["Kell County Sheriff's Office", "Kell County Sheriff's Office"],
        ),
    ],
)
def test_paper_maker_around_it(client, text, expected):
    check(client, text, expected)


# A body in lower case in all its words; "the agency" for an untyped body that spoke last.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Annual reports from the state housing department show 3,140 homes were built.",
            ["state housing department"],
        ),
        # the words after a body's noun are when, not more of its name
        (
            "The Kell Museum said 4 statues were returned. "
            "A review published by the museum last year found 40 objects were looted.",
            ["Kell Museum", "Kell Museum"],
        ),
        (
            "Figures from Kell Statistics Aotearoa show the list fell by 4,000. "
            "The agency's figures also show it rose above 64,000 in May.",
            ["Kell Statistics Aotearoa", "Kell Statistics Aotearoa"],
        ),
        # a name of the noun's kind still wins over the body that spoke last
        (
            "Kell Health Board said the list fell by 4,000. Fenwick Analytics said it rose. "
            "The board said 40 beds shut.",
            ["Kell Health Board", "Fenwick Analytics", "Kell Health Board"],
        ),
    ],
)
def test_body_in_lower_case(client, text, expected):
    check(client, text, expected)


# A public body's remits listed with commas are one name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Ministry of Fisheries, Forests and Rural Affairs said 40 boats were idle. "
            "A ministry spokesperson said 4 were sold.",
            ["Ministry of Fisheries, Forests and Rural Affairs"] * 2,
        ),
        (
            "The Department for Culture, Media and Sport said 40 museums shut.",
            ["Department for Culture, Media and Sport"],
        ),
        # bodies listed after one: each its own name
        (
            "The Department for Transport, Kell Rail and Fenwick Buses signed a deal. "
            "The department said 40 trains would run.",
            [None, "Department for Transport"],
        ),
    ],
)
def test_remits_listed_in_a_name(client, text, expected):
    check(client, text, expected)


# "The central bank's reserves ..., according to its daily report": the body the sentence
# opens with, in all its lower-case words.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Economy minister Ana Lind said she expected the peso to recover. The central "
            "bank's gross reserves stood at 28 billion dollars, according to its daily report.",
            ["Ana Lind", "central bank"],
        ),
        # a body's papers closing the sentence
        (
            "The Kell Statistics Board published its figures on Monday. Food prices rose 52 "
            "percent, while rents jumped 98 percent, the board's data showed.",
            [None, "Kell Statistics Board"],
        ),
        # the body the sentence opens with, no head word typing it, is "the club"
        (
            "The Kell Wanderers lost 4 million dollars in their first season, the club's "
            "annual report shows.",
            ["Kell Wanderers"],
        ),
        ("The Kell Wanderers lost 4 million dollars, the club said.", ["Kell Wanderers"]),
        # a person's papers there stay as before
        (
            "Ana Lind said prices rose. Food prices rose 52 percent, the minister's data showed.",
            ["Ana Lind", None],
        ),
        # one word as before
        (
            "Kell Reserve Bank cut rates. The bank's capital ratio stood at 14 percent, "
            "according to its results statement.",
            [None, "Kell Reserve Bank"],
        ),
    ],
)
def test_opening_owner_of_the_paper(client, text, expected):
    check(client, text, expected)
