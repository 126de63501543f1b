"""Claimants through the scoring API for the habits of the seventh round: transcripts whose
turns are labelled by the speakers' surnames, and the other habits of that round. Names and
sentences invented for these tests, none taken from an evaluation article; rows where a rule
must not fire beside those where it must."""

import pytest

from tests.test_attribution import check

RADIO = (
    "Below is an edited transcript of Tuesday's Late Desk programme, in which host Pia Lundgren "
    "spoke to harbour master Idris Okonedo.\n\n"
    "LUNDGREN: Idris, the new quay was due in 2025. Why the delay?\n\n"
    "OKONEDO: Storms wrecked the caissons twice in 2024. We lost eight months.\n\n"
    "LUNDGREN: Critics say the fees tripled.\n\n"
    "OKONEDO: They rose by 40 percent, and only for boats over 20 metres."
)
COURT = (
    "The exchange, from the court record of the Brannock inquest, was between coroner Ruth "
    "Amadi and engineer Sol Petrov.\n\n"
    "Amadi: When did you inspect the boiler?\n\n"
    "Petrov: On 3 May. I found two cracked valves.\n\n"
    "Amadi: And you reported them?\n\n"
    "Petrov: The same day, by email."
)


# A turn labelled with a surname is the claim of the person of that surname named in full,
# to the end of its paragraph; an unnamed source relayed inside it stays unnamed.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            RADIO,
            [
                None,
                "Pia Lundgren",
                "Pia Lundgren",
                "Idris Okonedo",
                "Idris Okonedo",
                None,
                "Idris Okonedo",
            ],
        ),
        (
            COURT,
            [
                None,
                "Ruth Amadi",
                "Sol Petrov",
                "Sol Petrov",
                "Ruth Amadi",
                "Sol Petrov",
            ],
        ),
        (
            "From the record of the Tarn water committee's hearing with chair Olu Baptiste and "
            "witness Greta Lindqvist.\n\n"
            "BAPTISTE: How many leaks were fixed last year?\n\n"
            "LINDQVIST: We fixed 1,200, double the year before. Pipes burst in the frost.",
            [None, "Olu Baptiste", "Greta Lindqvist", "Greta Lindqvist"],
        ),
        # one label that happens to be a surname is no transcript
        (
            "Nadia Brook chairs the Lowfield trust. Brook: the story of a family, her memoir, "
            "sold 9,000 copies.",
            [None, None],
        ),
        # labels naming nobody in the text (a caption, an update note) are no turns
        (
            "Cara Vance won the race in 2 hours 9 minutes.\n\n"
            "Update: The results were confirmed on Monday.\n\n"
            "Photo: Vance at the finish line.",
            [None, None, None],
        ),
    ],
)
def test_surname_labelled_transcript(client, text, expected):
    check(client, text, expected)


# An office before a name is no part of it: offices of local and public service
# ("County Treasurer", "Coroner") and titles joined by a hyphen ("Vice-minister").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "County Treasurer Hugo Brandt said the reserve fell to 4 million dollars.",
            ["Hugo Brandt"],
        ),
        (
            "Vice-minister Ottilie Sarr told reporters that 300 teachers were hired.",
            ["Ottilie Sarr"],
        ),
        (
            "The fund grew 8 percent, said Deputy-Mayor Kwame Ashby.",
            ["Kwame Ashby"],
        ),
        (
            'Senior Coroner Lise Moreau said the death was "preventable". '
            '"The alarm never sounded," Moreau said.',
            ["Lise Moreau", "Lise Moreau"],
        ),
        # a hyphenated given name is no title
        (
            "Mary-Jo Keller said 40 homes flooded.",
            ["Mary-Jo Keller"],
        ),
        # the last word stays the surname even when it is an office too
        (
            "Ana Warden said the gates opened at 9am.",
            ["Ana Warden"],
        ),
    ],
)
def test_offices_before_a_name(client, text, expected):
    check(client, text, expected)


# A word that is a title elsewhere ("Justice Reyes", "Passenger Dan Ochoa") inside an
# organisation's name is part of the name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Patient Safety Board said 31 wards were short of nurses.",
            ["Patient Safety Board"],
        ),
        (
            "Arrests rose 12 percent, according to the Bureau for Justice Data.",
            ["Bureau for Justice Data"],
        ),
        (
            "The Tenant Advice Service (TAS) said it took 9,000 calls in June. "
            "The TAS said half were about repairs.",
            ["Tenant Advice Service", "Tenant Advice Service"],
        ),
        # a title before a person still goes
        (
            "Justice Mira Holt said the sentence was 12 years.",
            ["Mira Holt"],
        ),
        (
            "Passenger Lou Varga said the train was 90 minutes late.",
            ["Lou Varga"],
        ),
    ],
)
def test_title_words_inside_an_organisation(client, text, expected):
    check(client, text, expected)


# "Japan's health ministry said": a state's body named in lower case after the state's name
# is the claimant, words and all; "the ministry" and "a ministry spokesperson" after it are it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile's mining ministry said copper exports rose 6 percent in May. "
            "The ministry said prices would hold.",
            ["Chile's mining ministry", "Chile's mining ministry"],
        ),
        (
            "Exports of lithium doubled, Argentina's government said on Friday.",
            ["Argentina's government"],
        ),
        (
            "The Harbour Audit Board said four berths were idle. "
            "Norway's fisheries ministry told reporters the quota was cut by a tenth. "
            "A ministry spokeswoman said 40 boats were affected.",
            ["Harbour Audit Board", "Norway's fisheries ministry", "Norway's fisheries ministry"],
        ),
        (
            "Kenya's army said 300 troops had been sent north.",
            ["Kenya's army"],
        ),
        # a company's department is no state's body: its spokesperson speaks for the company
        (
            "Lumera's press office said sales fell 4 percent.",
            ["Lumera"],
        ),
        # the state's body as the object of a preposition is no speaker
        (
            "Officials at Chile's mining ministry said exports rose 6 percent.",
            [None],
        ),
    ],
)
def test_state_body_in_lower_case(client, text, expected):
    check(client, text, expected)


# A count, a tally or a release is a paper like a report: its findings are its maker's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Marsh Bird Trust sent 40 volunteers along the estuary on Sunday. "
            "The count found 1,400 curlews, down a fifth on last year.",
            [None, "Marsh Bird Trust"],
        ),
        (
            "The Ardley Statistics Office published its census update on Monday. "
            "The release, published at 9am, showed 3,100 new homes. "
            "Rents rose 4 percent, the bulletin said.",
            [None, "Ardley Statistics Office", "Ardley Statistics Office"],
        ),
        (
            "The Kestrel Wildlife Fund said 60 nests were found in June. "
            "The tally showed 12 more than in 2024.",
            ["Kestrel Wildlife Fund", "Kestrel Wildlife Fund"],
        ),
        # a count that is no paper: the article's own story
        (
            "The votes were counted overnight. Turnout was 61 percent.",
            [None, None],
        ),
    ],
)
def test_counts_and_releases(client, text, expected):
    check(client, text, expected)


# "Its" after a name of three words the text never showed is a person's: that name is an
# organisation's ("Safe Streets Now said ... Its own survey found").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norbrook Water said 300 pipes burst in March. "
            "Campaign group Clean Rivers Network called the figure a scandal. "
            "Its own survey found sewage in 14 of 20 streams.",
            ["Norbrook Water", "Clean Rivers Network", "Clean Rivers Network"],
        ),
        (
            "The Harlow Transit Board said fares would rise. "
            "Safe Streets Now said cycle lanes were cut by 9 kilometres. "
            "It said 40 crashes were recorded.",
            ["Harlow Transit Board", "Safe Streets Now", "Safe Streets Now"],
        ),
        # a person of three words shown so by a pronoun: "it" is the body before
        (
            "The Harlow Transit Board said fares would rise. "
            "Ana Maria Lopez said she walked 3 miles to work. "
            "It said 40 buses were cut.",
            ["Harlow Transit Board", "Ana Maria Lopez", "Harlow Transit Board"],
        ),
    ],
)
def test_its_after_an_unproven_person(client, text, expected):
    check(client, text, expected)


# When a paper was made ("this week", "today") says nothing of who made it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dunlow Rangers lost 4 million pounds last year, according to accounts filed by the "
            "club this week. The accounts show wages rose 9 percent.",
            ["Dunlow Rangers", "Dunlow Rangers"],
        ),
        (
            "Waiting lists grew by a fifth, according to figures published today by the "
            "Orrel Health Board.",
            ["Orrel Health Board"],
        ),
        (
            "Fares rose 7 percent, according to a notice posted yesterday by the Fenby Ferry "
            "Company.",
            ["Fenby Ferry Company"],
        ),
        # a name ending in a word of time keeps it
        (
            "Bookings doubled, according to the Sunday Tonight Club.",
            ["Sunday Tonight Club"],
        ),
    ],
)
def test_when_a_paper_was_made(client, text, expected):
    check(client, text, expected)


# "Its survey of 2,000 homes, published in May, found": what a paper is of, then when it was
# published, between the paper and its finding.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Grainger Housing Trust said rents were too high. "
            "Its own survey of 1,500 tenants, published in May, found 38 percent were in arrears.",
            ["Grainger Housing Trust", "Grainger Housing Trust"],
        ),
        (
            "The Coastal Safety Board said the ferry was overloaded. "
            "Its inquiry into the sinking, released on Monday, concluded the hatch was open.",
            ["Coastal Safety Board", "Coastal Safety Board"],
        ),
        # the paper's subject is no speaker of its own
        (
            "The Grainger Housing Trust said rents were too high. "
            "Its survey of Dana Voss's tenants, published in May, found 38 percent were in "
            "arrears.",
            ["Grainger Housing Trust", "Grainger Housing Trust"],
        ),
    ],
)
def test_what_a_paper_is_of(client, text, expected):
    check(client, text, expected)


# "The Kell Museum in Bristol said": where an organisation is, between it and its verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Marlow General Hospital in Leeds said its wards treated 900 children in June.",
            ["Marlow General Hospital"],
        ),
        (
            "Exports rose 5 percent, and the Harven Port Authority in Cork told staff the "
            "quay was full.",
            ["Harven Port Authority"],
        ),
        # a place in a place speaks for nobody
        (
            "Flooding in Kell Valley in Derby closed 12 roads.",
            [None],
        ),
    ],
)
def test_organisation_in_a_place(client, text, expected):
    check(client, text, expected)


# "asked whether ...": the question's premise is the asker's; a live blog's "responds,".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Councillor Femi Adair asked in committee whether 40 libraries would close.",
            ["Femi Adair"],
        ),
        (
            "Rhea Tanaka asked if the 300 new homes had any parking.",
            ["Rhea Tanaka"],
        ),
        (
            '3.05pm: Union leader Bram Kooij responds, calling the offer "an insult".',
            ["Bram Kooij"],
        ),
        # being asked says nothing (asking someone to do something is a request the asker
        # makes, as blind 23 labels it: tests/test_attribution_acts.py)
        (
            "Rhea Tanaka was asked to pause the plan.",
            [None],
        ),
    ],
)
def test_asking_and_responding(client, text, expected):
    check(client, text, expected)


# "X's director of research, Name, said": a job whose words hold a paper's ("research",
# "data") is the job's, and its holder speaks; the body's paper still speaks for the body.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Homelink's head of research, Petra Olsen, said rents rose 6 percent.",
            ["Petra Olsen"],
        ),
        (
            "Brenna Bank's director of data, Yusuf Carr, told clients that 12 branches shut.",
            ["Yusuf Carr"],
        ),
        (
            "Homelink's quarterly research, published on Monday, showed rents rose 6 percent.",
            ["Homelink"],
        ),
    ],
)
def test_a_job_named_after_papers(client, text, expected):
    check(client, text, expected)


# "Name, a nurse at Kell Hospital, Leeds, said": one capitalised word set off after a name is
# where that name is, not the speaker; the person before both asides speaks.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Omari Kent, a curator at the Belling Museum, Glasgow, said 40 pots were returned.",
            ["Omari Kent"],
        ),
        (
            "Dana Rusk, 41, of Mill Lane, Ripon, told the court she earned 900 pounds a week.",
            ["Dana Rusk"],
        ),
        # a name in an aside of its own is still the speaker
        (
            "The club's owner, Ivo Brandt, said 3,000 seats were sold.",
            ["Ivo Brandt"],
        ),
        (
            "The regulator, Ofwell, said bills would rise 8 percent.",
            ["Ofwell"],
        ),
        # an age after a quotation's speaker is no place
        (
            '"We lost 40 sheep," Hart, 58, said.',
            ["Hart"],
        ),
    ],
)
def test_a_place_set_off_after_a_name(client, text, expected):
    check(client, text, expected)
