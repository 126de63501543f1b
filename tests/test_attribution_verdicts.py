"""A verdict, a question or an estimate given by someone opening the sentence, often with an
aside between them and the verb (factcheck/speech_verbs.py, factcheck/subjects.py): "X, the
study's lead author, described the result as ...", "X, an analyst at Y, pressed the bank on
why ...", "X, the scheme's backer, puts the cost at A$2 billion", 'X calls the finding "..."',
"X, head of Y, called the rise unfair and said ...". Sentences invented for these tests;
rows where the verb says nothing too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ilse Marwood, the study's lead author, described the result as "
            '"a clear sign" that 40 percent fewer patients relapsed.',
            ["Ilse Marwood"],
        ),
        (
            "Pavel Strand, an analyst at Hollin Partners, pressed the lender on why it had "
            "set aside 60 million pounds.",
            ["Pavel Strand"],
        ),
        (
            "Duncary Gas, the scheme's backer, puts the cost of the line at A$2.1 billion.",
            ["Duncary Gas"],
        ),
        (
            "Noor Fadel, a geologist at Renmoor University who was not involved, calls the "
            'survey "the best map of the fault we have."',
            ["Noor Fadel"],
        ),
        (
            "Ada Kerrow, convenor of the Lisle Riders Forum, called the fare rise "
            "shameful and said it would cost commuters 300 rupees a month.",
            ["Ada Kerrow"],
        ),
        # describing how something happened, or a picture, gives no verdict
        ("The museum described how 40 paintings were moved in 1940.", [None]),
        # pressing a button or a claim in court is no question put
        ("Ilse Marwood pressed the button on Tuesday and 300 lights came on.", [None]),
    ],
)
def test_verdict_after_an_aside(client, text, expected):
    check(client, text, expected)


# A stance or a forecast stated with no verb of saying: "wants", "has demanded", "raised its
# forecast", "cut her target price".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A petition by the Elm Vale Parents Group has 900 signatures. The group wants "
            "the change delayed by two years.",
            [None, "Elm Vale Parents Group"],
        ),
        (
            "The Kessel Dairy Farmers Union has demanded a price of 40 cents a litre.",
            ["Kessel Dairy Farmers Union"],
        ),
        (
            "Harlow Tools raised its full-year sales forecast to $2 billion.",
            ["Harlow Tools"],
        ),
        (
            "Analyst Mira Ostrova of Kell Capital covers the airline. She cut her "
            "target price to $4 from $5.",
            [None, "Mira Ostrova"],
        ),
        # a plan is no statement, nor a price cut, nor a suspect wanted
        ("The company plans to open 2 new sites in 2027.", [None]),
        ("Harlow Tools cut its prices by 10 percent in May.", [None]),
        ("Tomas Brel is wanted for questioning over 3 fires.", [None]),
    ],
)
def test_stance_or_forecast(client, text, expected):
    check(client, text, expected)


# Who saw a paper did not make it: "The memo, which was seen by the Herald, says" is the
# memo's author's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brell Chips will cut 900 jobs, chief executive Ana Whitby told staff in an "
            "internal memo. The memo, which was seen by the Kell Herald, says the plant will "
            "close in 2027.",
            ["Ana Whitby", "Ana Whitby"],
        ),
        # whoever carried out the tests made them
        ("The tests, carried out by Tarn Labs, found 40 faults.", ["Tarn Labs"]),
    ],
)
def test_paper_seen_by(client, text, expected):
    check(client, text, expected)


# "called the findings alarming": a verdict in an adjective closing the clause.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Carla Brent, director of the campaign group Clean Harle, called the 40 test "
            "results alarming.",
            ["Carla Brent"],
        ),
        ("Tomas Brel called the rise in fares indefensible and quit.", ["Tomas Brel"]),
        # calling someone, or a meeting to order, gives no verdict
        ("Tomas Brel called the police at 9pm and waited.", [None]),
        ("Tomas Brel called the meeting to order at 9.", [None]),
    ],
)
def test_called_adjective(client, text, expected):
    check(client, text, expected)
