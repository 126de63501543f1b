"""Claimants through the scoring API for the habits of the sixth round: a body called by a
bare noun after its name ("the zoo said", "the union said", "the spokesperson added",
"Inspectors found"), the words saying what a body is before its name ("Carmaker Voltan"),
the page around the story (bylines, links to other stories) that no one speaks in, passive
and perfect tenses, and a lower-case head after a name ("Dunmere police said"). Names and
sentences invented for these tests, none taken from an evaluation article; rows where the
rule must not fire beside those where it must."""

import pytest

from tests.test_attribution import check


# "the <noun>": the body named before with that word in its name, over another of its kind.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Orlov Institute hired Mara Keane in 1990. She later taught at Fenwick "
            "University. The institute said it would rename its library after her.",
            [None, None, "Orlov Institute"],
        ),
        (
            "Tamsin Drew studied at Kell College and worked at the Harlan Academy. "
            "The college announced a scholarship in her name.",
            [None, "Kell College"],
        ),
        # "the spokesperson added": the body the spokesperson spoke for
        (
            "A spokesman for the Ferry Board said 12 sailings were cut. "
            '"Safety comes first," the spokesman added.',
            ["Ferry Board", "Ferry Board"],
        ),
        (
            "A spokeswoman for the Dallow Port Authority said the quay would reopen on Monday. "
            "Engineers worked overnight. The spokeswoman said 40 staff were on site.",
            ["Dallow Port Authority", None, "Dallow Port Authority"],
        ),
        # a name ending in the noun, though nothing else showed it was an organisation's
        (
            "Harrow Aquarium closed its shark tank on Monday. The aquarium said 2 sharks had died.",
            [None, "Harrow Aquarium"],
        ),
        (
            "Doctors moved 3 patients from Penwyn Hospice. Staff were praised, the hospice said.",
            [None, "Penwyn Hospice"],
        ),
        # "The union said": a body of members named before, whatever it calls itself
        (
            "Dock workers will strike on Friday, the Harbour Workers' Federation announced. "
            "The union said 90 percent voted yes.",
            ["Harbour Workers' Federation", "Harbour Workers' Federation"],
        ),
        (
            "Corran Foods said 40 jobs would go, and the Bakers Guild called a strike. "
            "The union said 90 percent backed it.",
            ["Corran Foods", "Bakers Guild"],
        ),
        # ... never a public body or a business
        (
            "The Ministry of Ports said talks would resume. The union said 90 percent voted yes.",
            ["Ministry of Ports", "union"],
        ),
        (
            "Corran Foods said 40 jobs would go. The union said it would fight the cuts.",
            ["Corran Foods", "union"],
        ),
        # "Inspectors found", "Auditors said": the body named before that they work for
        (
            "The Coastal Care Inspectorate visited Harlow House in May. Inspectors found 14 "
            "residents without a care plan.",
            [None, "Coastal Care Inspectorate"],
        ),
        (
            "The Wessex Audit Office reviewed the scheme. Auditors said 2 contracts broke the "
            "rules.",
            [None, "Wessex Audit Office"],
        ),
        # ... but a body named after them is theirs by name only; and nobody before: nobody
        (
            "The Nurses' Guild met on Monday. Nurses said 40 beds were shut.",
            [None, None],
        ),
        ("Inspectors found 14 faults on the bridge.", [None]),
        # "The report recorded": a paper's count is its maker's finding
        (
            "A report by the Harbour Safety Board was published on Friday. "
            "The report recorded 31 collisions in 2023.",
            [None, "Harbour Safety Board"],
        ),
        (
            "According to the Marlow Audit Office, the scheme overspent by 9 percent. "
            "The audit counted 140 unpaid invoices.",
            ["Marlow Audit Office", "Marlow Audit Office"],
        ),
    ],
)
def test_body_called_by_a_noun(client, text, expected):
    check(client, text, expected)


# Words opening a sentence that say what the named body is are no part of its name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Carmaker Voltan said it sold 4,100 cars in May.", ["Voltan"]),
        ("Insurer Pellam Mutual said claims rose 12 percent.", ["Pellam Mutual"]),
        (
            "Rival Kestamart hit back the same day, saying it would cut 200 prices and "
            "hold them until June.",
            ["Kestamart"],
        ),
        (
            "Grocery chain Dorrel raised 300 prices in March, the company said.",
            ["Dorrel"],
        ),
        (
            "Data from analytics firm Quorra showed sales fell 3 percent in April.",
            ["Quorra"],
        ),
        # a name listing words with commas, its initials in brackets, is one name
        (
            "The Rail, Maritime and General Union (RMGU) said 88 percent voted to strike. "
            "The RMGU said talks had failed.",
            ["Rail, Maritime and General Union", "Rail, Maritime and General Union"],
        ),
        (
            "Staff will strike, the Bakers, Brewers and Allied Workers Union (BBAWU) said.",
            ["Bakers, Brewers and Allied Workers Union"],
        ),
        # ... and only when the initials fit: a list of names stays a list
        (
            "Ana Lind, Tom Fox and Kell Water (KW) said 40 pipes burst.",
            ["Kell Water"],
        ),
        # a live blog's entry opens after its time
        (
            "Live: Storm Ada hits the coast\n\n"
            "08:45 - Harbour Rail has cancelled 40 trains, the operator said.",
            [None, "Harbour Rail"],
        ),
        (
            "10:31 p.m.: Kell Ferries has stopped all sailings, the company said.",
            ["Kell Ferries"],
        ),
        # a name that begins with such a word keeps it inside a sentence
        ("Ana Lind joined the Rival Theatre Company in 2001.", [None]),
        ("The Developer Guild said fees rose 4 percent.", ["Developer Guild"]),
        ("Fees rose 4 percent, the Developer Guild said.", ["Developer Guild"]),
        # a place after "from ... in" is no maker
        ("Data from councils in Kent showed 4 libraries closed.", [None]),
    ],
)
def test_kind_before_a_name(client, text, expected):
    check(client, text, expected)


# Bylines, job lines and links to other stories: nobody speaks in them, and their names are
# none of the story's speakers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By Rhian Cole, Transport Correspondent\n\n"
            "Fares on the Halden line will rise 6 percent, the operator said.",
            [None, "operator"],
        ),
        (
            "By Tomas Birk, Health Editor\n\n"
            "Nurses at Kell General will strike in May, the Nursing Guild (NG) announced. "
            "The union said 80 percent backed the action.",
            [None, "Nursing Guild", "Nursing Guild"],
        ),
        (
            "Read more: Mayor says budget gap is 4 million pounds\n\n"
            "Ana Lind said the gap was smaller.",
            [None, "Ana Lind"],
        ),
        (
            "Ana Lind said 40 staff left.\n\nRelated: Union warns of more cuts",
            ["Ana Lind", None],
        ),
        # a sentence opening with "By" that has a full stop is the story's
        (
            "By March the fund had lost 9 percent, Ana Lind said.",
            ["Ana Lind"],
        ),
    ],
)
def test_page_furniture(client, text, expected):
    check(client, text, expected)


# A verb closing the sentence after its speaker ("..., the watchdog has found."), a passive's
# agent after when ("announced on Monday by X"), the title before a name after "said"
# ("said X's head of policy, Ana Lind"), a place's service in lower case ("Kenmare police").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council paid 2 million pounds for land it never used, the district auditor, "
            "Keith Marlow, has found.",
            ["Keith Marlow"],
        ),
        (
            "Ferry fares rose 14 percent in a year, the watchdog found.",
            ["watchdog"],
        ),
        # claiming money is taking it, not saying
        (
            "Tom Hale, the member for Dunmere, claimed 9,400 pounds in travel costs, the "
            "watchdog, Rita Osei, has found.",
            ["Rita Osei"],
        ),
        ("Tom Hale claimed 9,400 pounds in travel costs.", [None]),
        ("Tom Hale claimed 9,400 pounds was spent on travel.", ["Tom Hale"]),
        # "found the wreck" is no finding, at the close or not
        ("Divers found the wreck off Skerry Point on Tuesday.", [None]),
        (
            "Her retirement was announced on Friday by the Calder Trust, where she worked.",
            ["Calder Trust"],
        ),
        (
            "The closure was confirmed last night by Vell Water, which runs the plant.",
            ["Vell Water"],
        ),
        (
            '"Check the label first," said Kell Consumers\' head of policy, Dana Fry.',
            ["Dana Fry"],
        ),
        (
            "Nine people were rescued from the cliff, Kenmare coastguard said.",
            ["Kenmare coastguard"],
        ),
        (
            "Two roads were closed after the flood, Dunmere police said on Sunday.",
            ["Dunmere police"],
        ),
        ("Two men were arrested, said Kenmare police.", ["Kenmare police"]),
        # "police" alone names nobody
        ("Two roads were closed after the flood, police said.", [None]),
    ],
)
def test_closing_verbs_agents_and_services(client, text, expected):
    check(client, text, expected)


# Smaller habits: "one of the report's authors" is a person; "the Civic Party's Ray Obi" a
# person whose party is named; "welcomed the rise but noted"; "projected that"; "called the
# plan a giveaway" without quotation marks.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Every tonne counts," said Dr Ines Varga, one of the study\'s lead authors. '
            "Varga, who works in Oslo, said 40 glaciers had gone.",
            ["Ines Varga", "Ines Varga"],
        ),
        (
            "Ana Berg said the Green Bloc's Tomas Ruud got 900 votes. "
            "Ruud said he would stand again.",
            ["Ana Berg", "Tomas Ruud"],
        ),
        (
            "The Shopworkers Guild welcomed the rise but warned that 200 shops could close.",
            ["Shopworkers Guild"],
        ),
        (
            "The Harbour Trust backed the plan but said it cost too much.",
            ["Harbour Trust"],
        ),
        (
            "The Tidal Energy Board projected that output would double by 2030.",
            ["Tidal Energy Board"],
        ),
        (
            "The Rural Party called the budget a giveaway to landlords.",
            ["Rural Party"],
        ),
        # rejecting a body's findings is answering them
        (
            "Ports minister Ada Venn rejected the board's findings on Monday.",
            ["Ada Venn"],
        ),
        ("The Kell Trust dismissed its latest figures.", ["Kell Trust"]),
        # "said co-author X": a hyphen in the words before the name
        ('"The effect held," said co-author Dr Ivo Brandt.', ["Ivo Brandt"]),
        # "the returning officer said" with nobody named so: nobody
        ("Turnout was 38 percent, the returning officer said.", [None]),
        (
            "The returning officer, Ada Sund, read the result. Turnout was 38 percent, the "
            "returning officer said.",
            [None, "Ada Sund"],
        ),
        # a peer's title comes off
        ("Baroness Nia Holt told peers that 3 mines had closed.", ["Nia Holt"]),
        # "the government's own advisers": people the text does not name; "the county's
        # finance office" is the office still
        ("The government's own advisers have warned that the target will be missed.", [None]),
        (
            "Rates will rise 4 percent, the county's finance office said.",
            ["county's finance office"],
        ),
        # calling a meeting, a halt or someone on the phone says nothing
        ("The Rural Party called the meeting a week early.", [None]),
        ("The Rural Party called its members to a vote on Monday.", [None]),
    ],
)
def test_smaller_habits(client, text, expected):
    check(client, text, expected)
