"""Claimants through the scoring API, one table per habit of news writing that the rules of
factcheck/attribution.py, factcheck/resolution.py and factcheck/speech_verbs.py handle: each
row a sentence shape of its own, with names invented for these tests (none taken from an
evaluation article), and rows where the rule must not fire."""

import pytest

from tests.test_attribution import check, claimants


# Letters after a name are no part of it: a rank at the bar, a seat, a degree, an honour.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Defence barrister Owen Pryce QC told the jury the van was stolen in May. "
            "Pryce said 3 men were seen.",
            ["Owen Pryce", "Owen Pryce"],
        ),
        ("Marta Kovacs MEP said the fund paid 40 farms in 2023.", ["Marta Kovacs"]),
        (
            '"We closed 12 beds," said Ines Baptista PhD, who runs the unit.',
            ["Ines Baptista"],
        ),
        ("Sir Alan Frew OBE, 71, wrote that the hall opened in 1962.", ["Alan Frew"]),
        (
            "Prosecutor Hana Okoye KC told the court the car was doing 70mph. "
            '"He never braked," she said.',
            ["Hana Okoye", "Hana Okoye"],
        ),
        # not inside an organisation's name
        ("Vale TD Holdings said it sold 40 farms.", ["Vale TD Holdings"]),
    ],
)
def test_letters_after_a_name(client, text, expected):
    check(client, text, expected)


# "the Icelandic ministry": the body of the country the adjective names, and "it" after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deal was signed by Portugal's Ministry of Agriculture on Monday. "
            "The Portuguese ministry said 40 farms had closed. It said 9 more would follow.",
            [None, "Portugal's Ministry of Agriculture", "Portugal's Ministry of Agriculture"],
        ),
        (
            "Canada Border Agency met the Mexico Customs Agency in May. The Mexican agency "
            "denied that 300 trucks were held.",
            [None, "Mexico Customs Agency"],
        ),
        (
            "The Norway Fisheries Directorate set a quota of 90,000 tonnes. The Norwegian "
            "directorate insisted the stock had grown by a third.",
            [None, "Norway Fisheries Directorate"],
        ),
        # another country's body is not it
        (
            "Sweden's Ministry of Fisheries set a quota. The Danish ministry said 4 ships sank.",
            [None, None],
        ),
    ],
)
def test_a_country_adjective_names_that_country_body(client, text, expected):
    check(client, text, expected)


# A paper's statements are its maker's: the author it is introduced with, person or body.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Staff will lose bonuses, according to a letter signed by finance director Omar "
            "Haddad. The letter said 300 staff were affected.",
            ["Omar Haddad", "Omar Haddad"],
        ),
        (
            "Ward 9 will close, according to a memo sent to nurses last week by Priya Nair. "
            "Two wards shut in 2021, the memo added.",
            ["Priya Nair", "Priya Nair"],
        ),
        (
            "Twelve beaches failed, according to a report published on Monday by the Coastal "
            "Trust. The report said 4 were closed.",
            ["Coastal Trust", "Coastal Trust"],
        ),
        # "company filings show", "council records show": the body of that kind
        (
            "Pellow Foods doubled its sales to 90 million euros in 2022, company filings show.",
            ["Pellow Foods"],
        ),
        (
            "Harrowby Borough Council shut 3 pools. Council records show that 900 people swam "
            "there each week.",
            [None, "Harrowby Borough Council"],
        ),
        # "The trust's own board papers show": the trust's
        (
            "Fenmoor Hospitals Trust runs 3 hospitals. The trust's own board papers show that "
            "only 58 percent of patients were seen.",
            [None, "Fenmoor Hospitals Trust"],
        ),
        # "by the same group": the body whose researchers spoke before
        (
            "Teens sleep less, according to a study by researchers at Kestrel University. A "
            "previous study by the same team, in 2020, reported that 30 percent slept enough.",
            ["Kestrel University", "Kestrel University"],
        ),
        # the body named before its paper
        (
            "A Harbour Institute survey found that 40 percent of firms cut jobs.",
            ["Harbour Institute"],
        ),
        (
            "The Harbour Institute's survey found that 40 percent of firms cut jobs.",
            ["Harbour Institute"],
        ),
        # papers filed in court are the parties', not the court's
        ("Tom Fox was jailed. Court documents show he stole 4 cars.", [None, None]),
    ],
)
def test_a_paper_speaks_for_its_maker(client, text, expected):
    check(client, text, expected)


# A participle after an article or a possessive describes a noun; a negated verb of saying
# quotes nobody; "claimed best live act" is an award won.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The data came from a study by researchers at Kestrel University. The researchers "
            "matched drivers' stated mileage with meter readings and found that 30 percent lied.",
            [None, "Kestrel University"],
        ),
        ("An estimated 2,000 people marched, police said.", [None]),
        (
            "The reported figure of 40 deaths was revised, the Hale Institute said.",
            ["Hale Institute"],
        ),
        (
            "Brisk Rail ordered 14 trains. The first failed its trials, and the maker has not "
            "said when testing will resume.",
            [None, None],
        ),
        ("Tom Fox did not say why 4 trains were late.", [None]),
        (
            "The Velvet Foxes claimed best new band at the Coastline Music Awards in April.",
            [None],
        ),
        ("Her film claimed best documentary.", [None]),
        # speech still: what follows is what was claimed
        ("Tom Reyes claimed best practice was ignored by the board.", ["Tom Reyes"]),
    ],
)
def test_words_that_only_look_like_saying(client, text, expected):
    check(client, text, expected)


# Who speaks when the sentence calls them by a role, a group or a common noun.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first verb and its object before "and said"
        (
            "Judge Ruth Amadi jailed Leon Tate for 6 years and said he had shown no remorse.",
            ["Ruth Amadi"],
        ),
        (
            "Ana Lind thanked the 40 volunteers at Kell Park and said 9 tonnes of litter went.",
            ["Ana Lind"],
        ),
        # but not across a clause of its own
        (
            "Police arrested Tom Fox after Ana Lind complained and said he stole 4 cars.",
            [None],
        ),
        # "said its director, X, 58."
        (
            'Bus Users Wessex said 1 in 4 buses was late. "Fares rose again," said its '
            "chairman, Neil Ashdown, 61.",
            ["Bus Users Wessex", "Neil Ashdown"],
        ),
        # "X and her colleagues recommend ...", then "they advise"
        (
            "Dr Ama Boateng led the study. Boateng and her colleagues recommend that offices "
            "open no earlier than 9am. Staff should take a break every 2 hours, they advise.",
            [None, "Ama Boateng", "Ama Boateng"],
        ),
        # "they" after people the text does not name is nobody
        ("Doctors examined 40 children. They advise rest.", [None, None]),
        # declining, rejecting what was said, defending what was done: they speak
        (
            "Orbit Launch Works built the rocket. The rocket maker declined to comment on "
            "insurance.",
            [None, "Orbit Launch Works"],
        ),
        (
            "Councillor Maya Rudd, who chairs the committee, rejected that account.",
            ["Maya Rudd"],
        ),
        ("Transport minister Gwen Alder defended the rise in 2024.", ["Gwen Alder"]),
        # not a title kept
        ("Westgate Rovers defended their title in 2023.", [None]),
        # "the local authority": the council named
        (
            "Kessock District Council shut the site. Fans should call their ticket agent, the "
            "local authority advised.",
            [None, "Kessock District Council"],
        ),
        # a capital "The" inside a sentence: a band's name, which "the band" is
        (
            "This year's headliners, The Paper Herons, won in April. The band wrote on X that "
            "they had played 200 shows.",
            [None, "Paper Herons"],
        ),
        # "the organiser" is the business so called ("The promoter, X,") ...
        (
            "The promoter, Gullhaven Events, said it was sorry. Last year's event drew 9,000 "
            "people, according to the organiser.",
            ["Gullhaven Events", "Gullhaven Events"],
        ),
        # "was quoted as saying": what she said, no passive
        ("Raj Patel was quoted as saying that 40 posts had gone.", ["Raj Patel"]),
        # "Lawyers for X said": they speak for X
        ("Lawyers for Nia Okonjo said she had repaid 900 pounds.", ["Nia Okonjo"]),
        # "the lender" for a bank the sentence names, though "Bank" ends surnames too
        ("Profits at Fenwick Bank rose 4 percent, the lender said.", ["Fenwick Bank"]),
        # a role named in full, then shortened
        (
            "Ana Berg, the head teacher, said 40 pupils were sent home. The head said 9 came "
            "back on Monday.",
            ["Ana Berg", "Ana Berg"],
        ),
        # disagreeing says the opposite
        (
            'Tom Reyes said 40 staff left. Ana Berg disagreed. "Only 12 left," she said.',
            ["Tom Reyes", "Ana Berg", "Ana Berg"],
        ),
        # a business's or charity's noun for the one named before; an abbreviation in
        # brackets for the name before it
        (
            "Skyway said 40 flights were cancelled. The airline blamed the weather.",
            ["Skyway", "Skyway"],
        ),
        (
            "The Kell Trust said it fed 400 families. Demand had doubled, the charity said.",
            ["Kell Trust", "Kell Trust"],
        ),
        (
            "The Department for Transport (DfT) said 40 roads were repaired. The DfT said 9 "
            "more were closed.",
            ["Department for Transport", "Department for Transport"],
        ),
        # staff speak for where they work, the place set off by commas or not
        (
            "The researchers, from Leeds Beckett University, found that 40 percent of cases "
            "were missed.",
            ["Leeds Beckett University"],
        ),
        ("Forecasters at the Met Office said 40mm of rain fell.", ["Met Office"]),
        # "X officials said": X, when X is a name of two words or initials
        ("Kell Water officials said 40 pipes burst.", ["Kell Water"]),
        ("Police officials said 4 men died.", [None]),
        # "the mayor's office said": the mayor the text named
        (
            "Mayor Nia Bello took office in May. The mayor's office said 40 pipes burst.",
            [None, "Nia Bello"],
        ),
        # ... but an office the text named is that office
        (
            "Homes were looted, according to the Tolan County Sheriff's Office. The sheriff's "
            "office said 2 people were held.",
            ["Tolan County Sheriff's Office", "Tolan County Sheriff's Office"],
        ),
        # a capitalised title alone is whoever the text gave it, else nobody
        (
            "Prime Minister Ana Costa opened the ward. The Prime Minister said 40 hospitals "
            "had been built.",
            [None, "Ana Costa"],
        ),
        ("The Prime Minister said 40 hospitals had been built.", [None]),
        # ... not a surname that is a title too
        (
            'Finance Minister Laura Bishop said bills fell. "It worked," Bishop said.',
            ["Laura Bishop", "Laura Bishop"],
        ),
        # ... but a union's organiser is a person
        (
            "Kevin Osgood, the union's regional organiser, said pay fell 14 percent. "
            '"We are not asking for the moon," he said.',
            ["Kevin Osgood", "Kevin Osgood"],
        ),
    ],
)
def test_speakers_called_by_a_role(client, text, expected):
    check(client, text, expected)


def test_a_byline_does_not_make_the_next_word_a_name(client):
    # no full stop after a byline: "Fares" opens a sentence, it is nobody's name
    text = (
        "By Ffion Rees, Transport Correspondent\n\n"
        "Fares on Brisk Railways services will rise by 5 percent, the operator announced."
    )
    assert claimants(client, text) == [None, "Brisk Railways"]


# Reported speech goes on past the sentence naming the speaker: quotations before the name,
# a paragraph of quotation alone, a role or pronoun that takes up the speaker.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We took in 90 dogs in June." "Most were strays." Ruth Hale, who runs the '
            "shelter, said the council had cut its grant.",
            ["Ruth Hale", "Ruth Hale", "Ruth Hale"],
        ),
        (
            "Ruth Hale, who runs the shelter, said the council had cut its grant.\n\n"
            '"We took in 90 dogs in June."\n\n"Most were strays."',
            ["Ruth Hale", "Ruth Hale", "Ruth Hale"],
        ),
        # a quotation in a paragraph with a sentence of its own is not "alone"
        (
            "Ruth Hale said the grant was cut.\n\n"
            'The shelter opened in 1990. "It was a barn then."',
            ["Ruth Hale", None, None],
        ),
        (
            "The Water Standards Board said 40 pipes burst. The watchdog added that leaks fell "
            "by a third.",
            ["Water Standards Board", "Water Standards Board"],
        ),
        (
            "Ruth Hale, who chairs the board, said 40 pipes burst. The chair added that leaks "
            'fell by a third. "We fixed 90," the chairwoman said.',
            ["Ruth Hale", "Ruth Hale", "Ruth Hale"],
        ),
        (
            "Omar Said, who heads the clinic, said 40 staff left. The head added that 9 came back.",
            ["Omar Said", "Omar Said"],
        ),
        (
            "A report by the Water Standards Board found 40 pipes burst. It also found leaks "
            "fell by a third.",
            ["Water Standards Board", "Water Standards Board"],
        ),
        (
            "Harbour Water said 40 pipes burst in May. It said repairs cost 2 million pounds. "
            "But it noted that leaks fell by a third.",
            ["Harbour Water", "Harbour Water", "Harbour Water"],
        ),
        ("Ruth Hale said 40 pipes burst. Leaks, she added, fell by a third.", ["Ruth Hale"] * 2),
    ],
)
def test_reported_speech_goes_on(client, text, expected):
    check(client, text, expected)
