"""Bodies called by their kind, by "it" or through their papers after the text showed what
they are (factcheck/organisations.py, factcheck/names.py, factcheck/papers.py): "a
spokesperson for X" makes X a body for "it said" and "the company said", a cooperative is a
business "the utility" may be, "The submission states that" is its maker's. Names invented
for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Orchard Lane Residents Group says 40 homes flooded. A spokesperson for Tarn "
            "Homes said the company had tested the site. It said 28 homes were affordable. "
            "The company said it expected approval.",
            ["Orchard Lane Residents Group", "Tarn Homes", "Tarn Homes", "Tarn Homes"],
        ),
        # a person with a title has a spokesperson too, and stays a person
        (
            "A spokeswoman for Mr Tolan Brice said 1,100 farms applied. She said 40 were refused.",
            ["Tolan Brice", "Tolan Brice"],
        ),
    ],
)
def test_spokesperson_for_a_body(client, text, expected):
    check(client, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Families sheltered at Ash Grove School and the Kelby Sports Center. About 3,000 "
            "homes lost power, according to Merrow Electric Cooperative. A spokesperson for "
            "the utility said 40 poles had fallen.",
            [None, "Merrow Electric Cooperative", "Merrow Electric Cooperative"],
        ),
    ],
)
def test_cooperative_is_a_business(client, text, expected):
    check(client, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In its objection, the Harle Street Neighbours Association argues that 300 cars "
            "would use the road. The submission states that the field flooded in 2012.",
            ["Harle Street Neighbours Association", "Harle Street Neighbours Association"],
        ),
        # a country's name is no verb
        ("The United States that year sent 40 ships to the strait.", [None]),
    ],
)
def test_submission_states(client, text, expected):
    check(client, text, expected)


# A deliberating body's name goes on after "on": "Committee on X", "Commission on Y".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Standing Committee on Rural Schools said in a statement that 40 schools "
            "had closed.",
            ["Standing Committee on Rural Schools"],
        ),
        (
            "The Royal Commission on Water Safety on Monday said 12 dams were unsafe.",
            ["Royal Commission on Water Safety"],
        ),
        # a day after "on" is when, not the name
        ("The Harrow Committee on Friday said 9 roads would shut.", ["Harrow Committee"]),
        # "on" after a person's name is no part of it
        ("Tomas Brel spoke on Radio Kell and said 40 jobs went.", [None]),
    ],
)
def test_committee_on(client, text, expected):
    check(client, text, expected)


# A body's panel decides for it; its researchers find for it however they found; "as X had
# argued" closing a sentence is an aside on it, not its speaker.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rower Ivo Dane has lost his appeal against a ban, the Harlen Sports Tribunal "
            "said. In a 30-page ruling, the tribunal's three-member panel said Dane had failed "
            "to show the drug came from 2 supplements, as his lawyers had argued.",
            ["Harlen Sports Tribunal", "Harlen Sports Tribunal"],
        ),
        (
            "Researchers at Penmoor University have built a cell that kept 90 percent of its "
            "charge. The coating stopped 4 cracks in 5, the researchers found using X-rays.",
            ["Penmoor University", "Penmoor University"],
        ),
        # "found" with what was found after it is no finding said
        ("Divers found the wreck using sonar in 1998.", [None]),
        # a speaker closing the sentence after a comma still comes first
        (
            "Tomas Brel said 40 flats were empty, the Kell Housing Trust said.",
            ["Kell Housing Trust"],
        ),
    ],
)
def test_panel_researchers_and_asides(client, text, expected):
    check(client, text, expected)


# "the group" may be a body of members (an alliance, an association), never a law.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senate Bill 88 would cap fees at $300. The Northern Bus Operators Alliance said "
            "40 routes would close. The group warned that rural towns would suffer.",
            [None, "Northern Bus Operators Alliance", "Northern Bus Operators Alliance"],
        ),
        (
            "The Tarn Valley School District said 9 books were removed. The Kell Readers "
            "Association said it would appeal. The group urged the board to return them.",
            ["Tarn Valley School District", "Kell Readers Association", "Kell Readers Association"],
        ),
        # a company named "Group" is still "the company"
        (
            "Ferrow Group said profits rose 8 percent. The company said 200 jobs would go.",
            ["Ferrow Group", "Ferrow Group"],
        ),
    ],
)
def test_the_group(client, text, expected):
    check(client, text, expected)


# "The bank's ratio ..., according to its results": the body whose thing the sentence opens
# with, not the one that spoke last.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harlow Savings Bank said profit rose to 90 million pounds. Tom Fox, an analyst "
            "at Brint Securities, asked about loans. The bank's capital ratio stood at 14 "
            "percent, according to its results statement.",
            ["Harlow Savings Bank", None, "Harlow Savings Bank"],
        ),
        # with no body's noun opening the sentence, "its" is the body in question still
        (
            "Brint Securities said 40 clients left. Fees rose 4 percent, according to its "
            "latest report.",
            ["Brint Securities", "Brint Securities"],
        ),
    ],
)
def test_according_to_its_opening_possessor(client, text, expected):
    check(client, text, expected)


# "the forecaster said": a weather service, as "the regulator" is a public body; a contest, a
# prize or a gathering named since is never "the club" or "the company".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ferries to 3 islands were cancelled, the Northern Weather Service said. "
            "The forecaster said gusts would reach 140km/h.",
            ["Northern Weather Service", "Northern Weather Service"],
        ),
        (
            "Tova Brisk, a forecaster, said 40mm of rain would fall. "
            "The forecaster said rivers would rise.",
            ["Tova Brisk", "Tova Brisk"],
        ),
        (
            "Kelby Rovers said the winger had scored 40 goals. She played at the 2019 Orsa Cup. "
            "Tickets sold out within two hours, the club said.",
            ["Kelby Rovers", None, "Kelby Rovers"],
        ),
        (
            "Tarn Mills said sales rose 4 per cent. Its stall at the Harvest Festival drew 900 "
            "people. The company said it would hire 40 staff.",
            ["Tarn Mills", None, "Tarn Mills"],
        ),
        # a body whose name ends in such a word still speaks for itself
        (
            "The Kelby Cup Committee said 40 teams had entered.",
            ["Kelby Cup Committee"],
        ),
    ],
)
def test_forecaster_and_events(client, text, expected):
    check(client, text, expected)
