"""Claimants through the scoring API, one table row per rule of factcheck/attribution.py,
factcheck/interviews.py and factcheck/names.py. The sentences are written for these tests,
none taken from an evaluation article."""

import pytest

SCORE = "/api/v1/check-worthiness"


def claimants(client, text):
    response = client.post(SCORE, json={"text": text})
    assert response.status_code == 200, response.json
    return [s["claimant"] for s in response.json["sentences"]]


def check(client, text, expected):
    assert claimants(client, text) == expected


INTERVIEW = (
    "Marta Silva has led the port authority since 2019.\n\n"
    "We talked to her at the docks on Monday.\n\n"
    "Q: Why are ships waiting longer?\n\n"
    "A: Cranes broke down 40 times in June. Repairs take a week.\n\n"
    "Q: The ministry says waiting times halved. Is that right?\n\n"
    "A: Not at all. They doubled.\n\n"
    "This conversation was edited for length."
)
SILVA = "Marta Silva"
INTERVIEWER_NAMED = (
    "Rosa Diaz has run the port since 2019.\n\n"
    "She spoke to our reporter, Tom Fox, on Monday.\n\n"
    "Q: Ships waited 9 days in May. Why?\n\n"
    "A: Cranes broke down 40 times.\n\n"
    "Q: Critics say fees doubled.\n\n"
    "A: They rose by a third."
)
INTERVIEWED_BY = (
    "Omar Reid was interviewed by Kate Lowe for the Gazette.\n\n"
    "Q: How many staff left?\n\n"
    "A: About 40."
)
# Only the questions labelled: the paragraph after each question is the answer.
QUESTIONS_ONLY = (
    "Marta Silva has led the port authority since 2019.\n\n"
    "Q: Why are ships waiting longer?\n\n"
    "Cranes broke down 40 times in June. Repairs take a week.\n\n"
    "Q: Is that all?\n\n"
    "We lack 30 staff too.\n\n"
    "This conversation was edited for length."
)
CAPTION_FIRST = (
    "Photo: The port at dawn.\n\nMarta Silva has led the port authority since 2019.\n\n"
    "Q: Why are ships waiting longer?\n\nA: Cranes broke down 40 times in June."
)
NAMED_TURNS = (
    "By Leo Grant\n\n"
    "We spoke with Hana Ito, the city's chief engineer, about the bridge.\n\n"
    "Grant: How old is it?\n\n"
    "Ito: It opened in 1931. Its cables were replaced in 1988.\n\n"
    "Photo: The bridge at dawn.\n\n"
    "Grant: Thank you."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Q&A: answers (to the paragraph's end) are the interviewee's, questions nobody's
        # when no interviewer is named, and the byline's writer is not the interviewee.
        (
            INTERVIEW,
            [None, None, None, SILVA, SILVA, "ministry", None, SILVA, SILVA, None],
        ),
        # ... and with no interviewer named in the introduction, the byline's writer asks.
        (NAMED_TURNS, [None, None, "Leo Grant", "Hana Ito", "Hana Ito", None, "Leo Grant"]),
        (CAPTION_FIRST, [None, None, None, SILVA]),
        # ... the questions the interviewer's the introduction names, unless they attribute
        # something themselves.
        (
            INTERVIEWER_NAMED,
            [None, None, "Tom Fox", "Tom Fox", "Rosa Diaz", None, "Rosa Diaz"],
        ),
        (INTERVIEWED_BY, [None, "Kate Lowe", "Omar Reid"]),
        # "Q." and "A." label turns as "Q:" and "A:" do.
        (
            "Interview by Sam Reed\n\nJoan Mbeki is the mayor of Lanston.\n\n"
            "Q. How big is the deficit?\n\nA. About $14 million.",
            [None, None, "Sam Reed", "Joan Mbeki"],
        ),
        (QUESTIONS_ONLY, [None, None, SILVA, SILVA, None, SILVA, None]),
        # he/she: the last person speaking or spoken of, never a court, hotel or college.
        (
            "Judge Mary Ellis told Northfield Magistrates Court the fine was $900. "
            '"This was deliberate," she said.',
            ["Mary Ellis", "Mary Ellis"],
        ),
        (
            "Tom Aziz spoke at the Palace Hotel for an hour. He said sales rose 8 percent.",
            [None, "Tom Aziz"],
        ),
        (
            "Ana Ruiz studied at Kings College in 1990. She often said the course cost $200.",
            [None, "Ana Ruiz"],
        ),
        # "She" passes over a person the text has called "he".
        (
            "Judge Alison Reyes jailed Tom Fox. Prosecutor Dan Lee said 9 cheques were forged. "
            "He said Fox wept. She said the crime was mean.",
            [None, "Dan Lee", "Dan Lee", "Alison Reyes"],
        ),
        # A verb inside the quotation is not the attribution.
        (
            'Ana Ruiz said 3 staff left. "He says it was 4," she added.',
            ["Ana Ruiz", "Ana Ruiz"],
        ),
        # A sentence about someone, with no verb of saying, quotes nobody.
        ("Ana Ruiz, the director, said profits fell. She was 61.", ["Ana Ruiz", None]),
        ("Ben Ode said he was innocent. He will appear in court in May.", ["Ben Ode", None]),
        # ... but a verb of belief carries the speaker on.
        ("Ben Ode said prices fell. He expects them to rise.", ["Ben Ode", "Ben Ode"]),
        # A quotation alone continues the quote before it, not the speaker after it.
        (
            '"We lost 40 jobs," Ana Ruiz said. "It was a hard year." '
            "Tom Aziz said the firm would recover.",
            ["Ana Ruiz", "Ana Ruiz", "Tom Aziz"],
        ),
        # ... and across a paragraph only to a paragraph of quotation alone (news writing
        # gives a speaker's words a paragraph of their own).
        ('"Sales fell," Ana Ruiz said.\n\n"Nobody expected it."', ["Ana Ruiz", "Ana Ruiz"]),
        (
            '"Sales fell," Ana Ruiz said.\n\nThe firm was founded in 1990. "Nobody expected it."',
            ["Ana Ruiz", None, None],
        ),
        # Titles of any trade come off.
        ("Prosecutor Joan Hale said 12 cheques were forged.", ["Joan Hale"]),
        ("Detective Sergeant Amir Khan said the van was stolen.", ["Amir Khan"]),
        ("Finance Minister Carl Bishop said taxes rose.", ["Carl Bishop"]),
        # "and", "for", "of" inside an organisation's name.
        (
            "Cases rose 4 percent, according to the Office for Budget and Tax Policy.",
            ["Office for Budget and Tax Policy"],
        ),
        (
            "The Food and Drug Administration said 3 lots were recalled.",
            ["Food and Drug Administration"],
        ),
        # "The company", "the ministry", "it": the organisation named last.
        (
            "Shares in Kelbrook Foods fell 5 percent. The company said demand was weak.",
            [None, "Kelbrook Foods"],
        ),
        (
            "The Transport Ministry said 9 roads were closed. It said 2 would reopen.",
            ["Transport Ministry", "Transport Ministry"],
        ),
        (
            "The Transport Ministry opened 3 roads. The ministry said more would follow.",
            [None, "Transport Ministry"],
        ),
        # "The district said ... It said": the last claimant that is no person.
        (
            "The district said 3 schools would close. It said 40 staff would move.",
            ["district", "district"],
        ),
        # Whose figures show it.
        ("Labor Department figures show 120,000 jobs were added.", ["Labor Department"]),
        ("New figures show 120,000 jobs were added.", [None]),
        (
            'Profits rose 4 percent, the firm said Monday. "We won," said May Lee.',
            ["firm", "May Lee"],
        ),
        # More ways of saying so.
        ("The Harlow Water Board has confirmed 3 leaks.", ["Harlow Water Board"]),
        ("The army denied that its troops crossed the river.", ["army"]),
        ("Lena Moss, the party's treasurer, tells us 200 members left.", ["Lena Moss"]),
        (
            "Asked about the deficit, Omar Reid laughed and said it was $3 million.",
            ["Omar Reid"],
        ),
        (
            "Prices rose 3 percent, according to a report from the Grain Council.",
            ["Grain Council"],
        ),
        (
            "Prices rose 3 percent, according to figures from the rail regulator.",
            ["rail regulator"],
        ),
        # "The mayor said": the person named with that title.
        (
            "Mayor Dana Cole opened the bridge. The mayor said it cost $4 million.",
            [None, "Dana Cole"],
        ),
        (
            "Ana Lind, the governor, met teachers. The governor said 30 had left.",
            [None, "Ana Lind"],
        ),
        # A long relative clause between the speaker and the verb; a spokesperson's employer.
        (
            "Sara Wu, who has run the shelter since 2010 and who was honoured by the city last "
            "year for her work, said 40 dogs were rescued.",
            ["Sara Wu"],
        ),
        ("A spokesperson for Medway Energy said prices would rise.", ["Medway Energy"]),
        ("Ana Lind, 45, a nurse from Leeds, said 3 wards closed.", ["Ana Lind"]),
        ("Tom Fox runs the club. According to him, 40 members left.", [None, "Tom Fox"]),
        # A surname that is also a noun ending place names is still a person's.
        ("Helen Park was elected in 2019. She has said the budget grew.", [None, "Helen Park"]),
        # "X's office said": X speaks through it.
        ("Governor Ana Lind's office said 300 nurses were hired.", ["Ana Lind"]),
        # Nobody is named: anonymous sources, documents, a court, a clause setting the scene.
        ("Two men were arrested, police said.", [None]),
        ("Officials said the road would reopen.", [None]),
        ("The firm had reported a profit of $2 million, the court heard.", [None]),
        ("A senior official involved in the budget talks said the gap was $4 billion.", [None]),
        ("The story also said the bridge opened in 1950.", [None]),
        ("The lawsuit claims that the firm hid $3 million in losses.", [None]),
        ("Shares rose after the chip maker reported sales of $3 billion.", [None]),
        ("A report about the town council said it spent $5 million.", [None]),
        # "X, which said", "heard from X, a chemist, who said": the relative pronoun's
        # antecedent speaks, even as a preposition's object.
        (
            "The plan was attacked by the nurses' union Unison, which said 200 posts would go.",
            ["Unison"],
        ),
        (
            "The panel also heard from Dr Rosa Quint, a chemist at Tallis University, who said "
            "12 wells were polluted.",
            ["Rosa Quint"],
        ),
        # An appositive naming someone after words describing them.
        (
            "One of the tenants, retired nurse Gloria Tate, said the rent rose $200.",
            ["Gloria Tate"],
        ),
        # "X of the Y, a charity, said": the person, who is "she" after.
        (
            "Nadia Petrov of the Cyclists' Trust, a charity, said 30 riders were hurt. "
            "She said the lanes were narrow.",
            ["Nadia Petrov", "Nadia Petrov"],
        ),
        # An initialism is one word, and a name joined by "and" is no person to be "she".
        (
            "Lena Ortiz said exports rose. Sales in the U.K. and Ireland fell 4 percent. "
            "She said prices were cut.",
            ["Lena Ortiz", None, "Lena Ortiz"],
        ),
        # Replying, estimating, finding, posting that, putting a figure at, calling a thing.
        (
            "Tom Weir asked about delays. Ada Byrne replied that 14 trains were cancelled.",
            [None, "Ada Byrne"],
        ),
        ("The Dairy Council put the losses at $80 million.", ["Dairy Council"]),
        # ... but finding a thing and adding a thing say nothing.
        ("Divers found the wreck in 1998.", [None]),
        (
            "Harlow Council said 3 roads would shut. It added 12 buses to the route.",
            ["Harlow Council", None],
        ),
        (
            "Mayor Ted Ross posted on social media that the city had added 12 buses.",
            ["Ted Ross"],
        ),
        (
            'Ada Byrne said fares would rise. Byrne called the increase "unavoidable."',
            ["Ada Byrne", "Ada Byrne"],
        ),
        # A word between "the" and an organisation's name is the name's; "the report found"
        # is whoever the text said made the report.
        (
            "The state Grain Board put the losses at $80 million in a report. "
            "The report found that 30 farms closed.",
            ["state Grain Board", "state Grain Board"],
        ),
        (
            'In a statement, Zentro said 3 units failed. "We regret it," the statement said.',
            ["Zentro", "Zentro"],
        ),
        # A bare noun is the organisation named before that it describes: "the panel" the
        # review panel, "the agency" a commission, "the commission" when it estimates.
        (
            "According to the review panel, 9 files were lost. The panel found no sign of theft.",
            ["review panel", "review panel"],
        ),
        (
            "The Fire Safety Commission opened an inquiry. Two people were hurt, the agency "
            "said. Candles cause 3,000 fires a year, the commission estimates.",
            [None, "Fire Safety Commission", "Fire Safety Commission"],
        ),
        (
            "The Harbour Council raised fares. Ridership fell by a tenth, according to the "
            "council's latest report.",
            [None, "Harbour Council"],
        ),
        # ... and first the organisation the sentence itself opens with.
        ("Harlow College will cut 40 courses, the college said on Monday.", ["Harlow College"]),
        ("The Canal Trust will close 3 locks, it announced.", ["Canal Trust"]),
        # A one-word name opening a sentence, capitalised mid-sentence too, is a company's.
        (
            "Zentro is recalling 9,000 kettles, the company said. Buyers can return them to "
            "Zentro stores.",
            ["Zentro", None],
        ),
        ("Prices rose 4 percent, the company said.", ["company"]),
        (
            "Movaro reported sales of $9 billion. The company said 300 stores opened.",
            ["Movaro", "Movaro"],
        ),
        # A one-word name seen alone stays itself, not a longer name sharing its first word.
        (
            "Zentro sold 5,000 units. The recall covers the Zentro Swift 200 model. "
            "In a statement, Zentro said the fault was rare.",
            [None, None, "Zentro"],
        ),
        # "A university spokeswoman said": the university; the name after "said" that has
        # its own verb is what was said about.
        (
            "Dr Omar Hale leads the lab at Marden University. A university spokeswoman said "
            "Hale had taught there since 2001.",
            [None, "Marden University"],
        ),
        ("A senior aide said Harris had resigned.", [None]),
        # "according to the market researcher Kanto": the name after words describing it.
        ("The kettle outsold all others, according to the market researcher Kanto.", ["Kanto"]),
        # A verb in the passive names no speaker before it; its agent after "by" speaks.
        ("The theft was reported to police at 9 p.m.", [None]),
        ("The closure was announced by the Harbour Board on Monday.", ["Harbour Board"]),
        # More verbs of saying; "conceded" alone is losing, not saying.
        (
            "Mayor Ada Kerr spoke. The mayor acknowledged that 300 beds were closed.",
            [None, "Ada Kerr"],
        ),
        ("Lena Moss, 54, admitted she had spent $900 on the trip.", ["Lena Moss"]),
        (
            "Gil Hart conceded that 3 votes were lost. Rita Vale conceded at midnight.",
            ["Gil Hart", None],
        ),
        # Whose data or figures show it.
        ("Unemployment rose to 5 percent, data from the Labour Bureau showed.", ["Labour Bureau"]),
        (
            "The figures, released by the Fiscal Office on Tuesday, showed prices rose 3 percent.",
            ["Fiscal Office"],
        ),
        # "the hospital said": the hospital the sentence itself names.
        (
            "Doctors at Kell Hospital treated 40 patients, the hospital said.",
            ["Kell Hospital"],
        ),
        # "the carmaker": a business; "estimated that"; a dated survey by a body in lower case.
        (
            "Vela Motors recalled 900 cars. The carmaker said no one was hurt.",
            [None, "Vela Motors"],
        ),
        (
            "The Budget Council, a watchdog, estimated that debt would reach 90 percent.",
            ["Budget Council"],
        ),
        ("Damage is estimated at $5 million. An estimated 40 homes flooded.", [None, None]),
        (
            "According to a 2023 survey by the state nurses association, 6 in 10 nurses quit.",
            ["state nurses association"],
        ),
        (
            "Power failed, according to Delta Energy. The utility said crews were out.",
            ["Delta Energy", "Delta Energy"],
        ),
        # "said fisherman Bo Lind": words saying who the speaker is, before the name.
        ('"It rose 2 metres," said fisherman Bo Lind, 67.', ["Bo Lind"]),
        ('"It rose 2 metres," said in a statement on Twitter.', [None]),
        # "Sen. X, D-Calif., said": the party and state are not the speaker; "her office
        # said": she speaks through it.
        (
            "Sen. Maria Ruiz, D-Calif., said the bill cost $40 billion. Her office later said "
            "the figure was $38 billion.",
            ["Maria Ruiz", "Maria Ruiz"],
        ),
        # The subject of a reporting or finding act, a date between them.
        (
            "The Marsh Valley Water Board on Thursday confirmed 12 leaks.",
            ["Marsh Valley Water Board"],
        ),
        ("The Hale Group repeatedly denied that 40 staff left.", ["Hale Group"]),
        ("Halberd Bank forecast that growth would slow to 1%.", ["Halberd Bank"]),
        # ... and of a participle clause saying what it said.
        (
            "The Court of Appeals on Monday upheld the fine, ruling that the firm had misled "
            "4,000 buyers.",
            ["Court of Appeals"],
        ),
        (
            "Halvern Foods rejected the claims, adding that sales had doubled.",
            ["Halvern Foods"],
        ),
        # A court's decisions are its own; blaming and criticising say something.
        (
            "The Appeals Court on Friday struck down the levy. The High Court upheld a fine of "
            "$9,000.",
            ["Appeals Court", "High Court"],
        ),
        ("Chief executive Ben Lyle blamed the wet April.", ["Ben Lyle"]),
        ("The car overturned on the motorway.", [None]),
        # ... but a vote, a reign and a clause adding to something name nobody.
        ("The committee rejected the plan by 6 votes to 3.", [None]),
        ("Labour ruled the city for 40 years.", [None]),
        ("Inflation rose to 4%, adding to pressure on the bank.", [None]),
        # A possessive is no part of a name: the county speaks.
        (
            "Tarn County's ban was lifted. The county had defended it, saying 40 firms broke it.",
            [None, "Tarn County"],
        ),
        # Papers: whose they are, or the body that last said or published something.
        (
            "Lowmoor District said in its filings that 40 bridges were unsafe. The filings said "
            "repairs would cost $9 million.",
            ["Lowmoor District", "Lowmoor District"],
        ),
        (
            "Prices fell 3% in June, according to figures issued on Friday by the Price "
            "Monitoring Office. Rents rose 2%, the figures showed.",
            ["Price Monitoring Office", "Price Monitoring Office"],
        ),
        (
            "The Harbour Trust met on Monday. The trust's accounts for 2024 showed a loss of "
            "$2 million.",
            [None, "Harbour Trust"],
        ),
        (
            "Larkin FC sold 3 players. The club's latest accounts showed debts of $12 million.",
            [None, "Larkin FC"],
        ),
        (
            "The Treasury estimated the cost at $4 billion. Its figures showed the deficit grew "
            "by a fifth.",
            ["Treasury", "Treasury"],
        ),
        (
            "Researchers at Kellow University published a survey. The survey, run in May, drew "
            "on 2,000 interviews.",
            [None, "Kellow University"],
        ),
        (
            "The Ravenfield Health Authority opened 2 clinics. Admissions reached 412, according "
            "to the authority's weekly bulletin.",
            [None, "Ravenfield Health Authority"],
        ),
        # Staff at a named body, or of a kind the text named, speak for it.
        ("Scientists at Corvin University said the ice thinned by a third.", ["Corvin University"]),
        (
            "Fenton Council received 200 objections. Council planning officers concluded that "
            "the scheme was safe.",
            [None, "Fenton Council"],
        ),
        (
            "Scientists at the Norland Institute tested 60 bees. The researchers found that 48 "
            "could count to four.",
            [None, "Norland Institute"],
        ),
        (
            "Ama Okoro leads the project. Okoro's team calculated that 3,000 species were at risk.",
            [None, "Ama Okoro"],
        ),
        (
            "Kestrel Outdoor recalled 900 tents. A Kestrel spokeswoman denied that anyone was "
            "hurt.",
            [None, "Kestrel Outdoor"],
        ),
        # Asking, declining to say or comment, a verb before a colon and a quotation.
        ('"Who pays for this?" asked Tom Reyes, a shopkeeper.', ["Tom Reyes"]),
        ('Nina Park runs the clinic. "Why wait?" she asked.', [None, "Nina Park"]),
        ('Asked about the delay, Omar Reid shrugged: "Ask the council."', ["Omar Reid"]),
        ('Lena Park wrote on Facebook: "We raised $9,000."', ["Lena Park"]),
        # declining to comment is a response, the body's (as blind 3 and 4 label it)
        (
            "Tom Hale runs Marsh Energy. Hale declined to say how many staff left. A Marsh "
            "spokesperson declined to comment.",
            [None, "Tom Hale", "Marsh Energy"],
        ),
        # "wrote on X." ends its sentence.
        (
            "Maya Chen wrote on X. In a later post, Chen said 200 people came.",
            ["Maya Chen", "Maya Chen"],
        ),
        # A name no head word types, opening a sentence the company (or any body) is said to
        # have said, is that body's; "its" after a name shows it is no person's.
        (
            "Kestrel Outdoor is withdrawing 20,000 jackets, the retailer said.",
            ["Kestrel Outdoor"],
        ),
        (
            "Fenwick Dairy will close its plant, the cooperative said. The firm said 80 jobs "
            "would go.",
            ["Fenwick Dairy", "Fenwick Dairy"],
        ),
        ("Aster Homes sold 400 of its houses. It said profits rose 12%.", [None, "Aster Homes"]),
        # A spokesperson speaks for the organisation in question, as "it" does; a title
        # of the company's nobody was named with names nobody.
        (
            "Halvern Foods recalled 9,000 pies. A spokesperson said no one was ill.",
            [None, "Halvern Foods"],
        ),
        (
            "Lena Ortiz runs Halvern Foods. The company's chief executive told the Ledger that "
            "sales fell 8%.",
            [None, None],
        ),
        # ... never when a paper reports on someone.
        ("Tom Fox won the race, the newspaper said.", ["newspaper"]),
        # "It" and "the company" are never a street; "the developer, X," is a company.
        (
            "The developer, Nova Farms, said it bought 300 hectares near Millbrook Lane. It said "
            "the land cost $4 million. The company said building would start in May.",
            ["Nova Farms", "Nova Farms", "Nova Farms"],
        ),
        # A person of a town and its state or country, not the state; "Cllr" is a title.
        ("Greta Lund of Bergen, Norway, said the ferry was 2 hours late.", ["Greta Lund"]),
        ("Greta Lund, of Bergen, Norway, said the ferry was 2 hours late.", ["Greta Lund"]),
        ("Cllr Dana Ives said 40 homes flooded.", ["Dana Ives"]),
        # A bracket between the speaker and the verb is an aside.
        ("The Road Safety Agency (RSA) said 40 crashes were reported.", ["Road Safety Agency"]),
        # An unnamed group with a place is no name; a title opening a name is still one.
        ("Residents of Elm Street said the water was brown.", [None]),
        ("Police Chief Ada Roe said 40 cars were stolen.", ["Ada Roe"]),
        # "MP" is a title; "But the" opening a sentence is no part of a name.
        (
            'Local MP Jo Dale spoke. "It is good news," Dale said.',
            [None, "Jo Dale"],
        ),
        ("But the Elm Tenants Group said rents rose 9 percent.", ["Elm Tenants Group"]),
        # "X apologised to customers and said": X still speaks.
        (
            "Chief executive Rosa Kent apologised to customers and said 90 flights resumed.",
            ["Rosa Kent"],
        ),
        # A name after "say" that goes on into its own clause is what was said about.
        ("Scientists in Oslo say Arctic sea ice shrank 4 percent.", [None]),
        # A role opening a name is dropped as a title is.
        ("Passenger Dan Ochoa, 41, said he waited 9 hours.", ["Dan Ochoa"]),
        # A plural noun capitalised only to open a sentence names nobody.
        (
            "Teachers said the school was cold. Parents told the board 40 pupils fell ill.",
            [None, None],
        ),
        # A quotation running over several sentences is one quotation: every sentence of it
        # is the speaker's named in any of them, or of the quote before it.
        (
            '"Rents are too high. Families are leaving," said Mona Reyes, who runs a shelter.',
            ["Mona Reyes", "Mona Reyes"],
        ),
        (
            '"It is a scandal," Tom Fox said. "Forty families lost homes. Nobody apologised."',
            ["Tom Fox", "Tom Fox", "Tom Fox"],
        ),
        # ... within its paragraph, and a stray mark does not carry over into the next one.
        (
            'Tom Fox said it was "a scandal.\n\nForty families lost homes. Nobody apologised.',
            ["Tom Fox", None, None],
        ),
        # A quotation alone after someone's reported words goes on with them.
        ('Ada Byrne said the depot would close. "We had no choice."', ["Ada Byrne", "Ada Byrne"]),
        # "The senator said": the person the text gave that title, abbreviated or set off.
        (
            "Sen. Maria Ortiz spoke for an hour. The senator said costs fell 10 percent.",
            [None, "Maria Ortiz"],
        ),
        (
            "The finance minister, Ruth Okoye, opened the debate. The minister said debt fell.",
            [None, "Ruth Okoye"],
        ),
        ("Rector Paul Munro said 2,000 students enrolled.", ["Paul Munro"]),
        # Words describing a person or a business before the name are no part of it.
        ("Apple's Tim Cook said sales rose 8 percent.", ["Tim Cook"]),
        ("The Greens' Nora Quill said emissions rose.", ["Nora Quill"]),
        ("Texas-based Orwin Freight said it hired 200 drivers.", ["Orwin Freight"]),
        (
            "Orwin Freight, the Dallas-based haulier, hired 200 drivers. The company said wages "
            "rose 5 percent.",
            [None, "Orwin Freight"],
        ),
        ("Prices rose 4 percent, according to Kelso's annual report.", ["Kelso"]),
        ("Voters' anger grew after the tax rose 9 percent.", [None]),
        # "the company" is a business, never an association.
        (
            "The Dairy Farmers Association said milk prices fell. Brennan Dairies cut 50 jobs. "
            "The company said costs rose 9 percent.",
            ["Dairy Farmers Association", None, "Brennan Dairies"],
        ),
        (
            "Dana Cole, the chief executive of Orbis, said profit rose. The company said it "
            "would hire 100 people.",
            ["Dana Cole", "Orbis"],
        ),
        # "it" passes over a place; "the utility X" is an organisation however X is named.
        (
            "Gusts hit 60 mph at the Cedar Ridge weather station. The utility Norcal Grid said "
            "it cut power to 9,000 homes. It said repairs would take days.",
            [None, "Norcal Grid", "Norcal Grid"],
        ),
        # An unnamed spokesperson's follow-ups are the organisation's still.
        (
            "A spokeswoman for the Port Authority said 30 ships waited. She added that the "
            "cranes were fixed.",
            ["Port Authority", "Port Authority"],
        ),
        (
            "A spokesman for Velo Bikes said 900 bikes were recalled. Jo Dale, a rider, said "
            "hers broke. She said it cost $400.",
            ["Velo Bikes", "Jo Dale", "Jo Dale"],
        ),
        (
            "The council's spokeswoman said 12 parks closed. She said they would reopen.",
            ["council", "council"],
        ),
        ("New York-based Tom Fox said he lost $40,000.", ["Tom Fox"]),
        (
            "Grayson Steel laid off 200 workers. In a statement, the steelmaker said demand fell.",
            [None, "Grayson Steel"],
        ),
        # Papers made by someone: the maker speaks.
        (
            "According to a lawsuit filed by the Harbor Tenants Union, rents rose 30 percent.",
            ["Harbor Tenants Union"],
        ),
        (
            "Figures from the Office for National Statistics show wages rose 5 percent.",
            ["Office for National Statistics"],
        ),
        (
            "A 2023 study by the independent Grattan Institute found rents rose 12 percent.",
            ["Grattan Institute"],
        ),
        (
            "Smokers fell ill twice as often, according to a trial led by scientists at Monash "
            "University.",
            ["Monash University"],
        ),
        (
            "Tallis Mining paid $40 million in fines. Tallis, which is based in Perth, cut 300 "
            "jobs, according to its annual report.",
            [None, "Tallis Mining"],
        ),
        (
            "Brook College expanded. Enrolment rose 6 percent, according to data the college "
            "published on Monday.",
            [None, "Brook College"],
        ),
        # ... and nobody's when the text named no such body.
        ("Enrolment rose 6 percent, according to data the college published.", [None]),
        ("The health department's latest figures put the death toll at 41.", ["health department"]),
        (
            "Researchers at Kell University published a study. Cancer kills 10 million a year, "
            "according to estimates cited in the study.",
            [None, "Kell University"],
        ),
        (
            "It was confirmed by the school board on Monday that 12 teachers resigned.",
            ["school board"],
        ),
        # "the sheriff's office": the one named before whose name ends so.
        (
            "About 300 homes were empty, according to the Marin County Sheriff's Office. The "
            "sheriff's office said 12 were looted.",
            ["Marin County Sheriff's Office", "Marin County Sheriff's Office"],
        ),
        # A quoted question, then a titled name asking: one sentence, the name's.
        (
            'Tom Fox chaired it. "Who pays for this?" Mr Fox asked during the debate.',
            [None, "Tom Fox"],
        ),
        # A bare noun is the organisation last named that no head word types, when nothing
        # the text named fits the noun better: one shown to be an organisation (", which",
        # "one of the ... insurers"), or, for an organisation's noun, any name never shown
        # to be a person's; "police" is a force.
        (
            "Brisa Air flew 70 people to Oslo on Friday. Nobody was hurt, the airline said.",
            [None, "Brisa Air"],
        ),
        (
            "Corra Studios, which made the film, said it cost $80 million. The studio said 2 "
            "million people saw it. It blamed the heat.",
            ["Corra Studios", "Corra Studios", "Corra Studios"],
        ),
        (
            "Figures from Tarrow Valley Police show 30 burglaries. The force said 12 people were "
            "charged.",
            ["Tarrow Valley Police", "Tarrow Valley Police"],
        ),
        (
            "Marl Mutual, one of the biggest car insurers, said 4,000 claims were filed. Grey "
            "Falcon, a hacking crew, posted its files. The insurer said no card details were "
            "taken.",
            ["Marl Mutual", None, "Marl Mutual"],
        ),
        # ... never a person's noun: "the person said" is an unnamed source.
        (
            "Kelso Bank lost $4 million, according to a person close to the bank. The person "
            "said 12 staff were fired.",
            [None, None],
        ),
        # A surname of two words is called by either; "the Reverend" is a title's "the".
        (
            "The Reverend Alun Bevan, the church vicar, said 30 came. Mr Bevan said the roof "
            'cost 9,000 pounds. "We are broke," he said.',
            ["Alun Bevan", "Alun Bevan", "Alun Bevan"],
        ),
        (
            'Josefa Ruiz Carmona, the union leader, said costs rose. "We are old," Ruiz said.',
            ["Josefa Ruiz Carmona", "Josefa Ruiz Carmona"],
        ),
        # Papers an organisation owns say what it says, an appositive between; "board
        # figures" are the board's; "It recorded" goes on with the paper's maker.
        (
            "The Lowfield Canoe Club met in May. The club's latest annual accounts, signed off "
            "by its auditors in June, showed debts of $40,000.",
            [None, "Lowfield Canoe Club"],
        ),
        (
            "The Brannock Water Board raised charges. Prices will rise 6 percent, according to "
            "board figures.",
            [None, "Brannock Water Board"],
        ),
        # ... but "state records" are no body's, whatever state body was named.
        (
            "The State Health Board said cases rose. The school had 40 cases, according to "
            "state records.",
            ["State Health Board", None],
        ),
        (
            "The Reef Trust's survey found that 30 reefs bleached. It recorded 300 dead turtles.",
            ["Reef Trust", "Reef Trust"],
        ),
        # Who belong to or work for an organisation speak for it; "they" is the organisation
        # that spoke last, and nobody after unnamed people.
        (
            "Dr Ana Lind runs the Marsh Institute. The institute's scientists warned that 30 "
            "eels died.",
            [None, "Marsh Institute"],
        ),
        (
            "The Tenants Association said rents rose 9 percent. Its members said they would "
            'march in May. "We cannot pay," they said.',
            ["Tenants Association", "Tenants Association", "Tenants Association"],
        ),
        (
            "The Hollin Trust said 12 staff left. Trustees wrote in the accounts that reserves "
            "were low.",
            ["Hollin Trust", "Hollin Trust"],
        ),
        ("Officials said the road was shut. They said it would reopen.", [None, None]),
        # Calling on someone, appealing for something: saying so.
        (
            "The Growers Union said 40 farms closed. The union called on ministers to help.",
            ["Growers Union", "Growers Union"],
        ),
        ("Sia Moon, 40, runs a shelter. She appealed for blankets.", [None, "Sia Moon"]),
        # Claiming a win, a seat or lives is taking them, not saying anything.
        (
            "Dunmore Town claimed their second home win of the year with a 3-0 rout of Belford.",
            [None],
        ),
        ("The storm claimed three lives in Kerry on Sunday.", [None]),
        # "she" is the person opening her own sentence, the only one named before it; a
        # quotation opening a paragraph is the remark that sentence then gives its speaker.
        (
            "Tom Fox said sales fell. Director Ana Lind spoke at a dinner in Rome, where she "
            "said the film cost $9 million.",
            ["Tom Fox", "Ana Lind"],
        ),
        (
            'Tom Fox said sales fell.\n\n"We did our best." Director Ana Lind made the remark '
            "at a dinner in Rome, where she also said the film cost $9 million.",
            ["Tom Fox", "Ana Lind", "Ana Lind"],
        ),
        # "said Harbour City coach Dana Ives": whose coach, then her name.
        ('"We were lucky," said Harbour City coach Dana Ives.', ["Dana Ives"]),
        # A person opening the sentence speaks past the body and place after "of", "from";
        # a place after "in" and a word ("in north Leeds") is no speaker.
        ("Imam Ali Reza of the al-Noor mosque in Leeds said 300 people came.", ["Ali Reza"]),
        (
            "Rabbi Sara Levin from the Beth Shalom synagogue in north Leeds told us 40 families "
            "came.",
            ["Sara Levin"],
        ),
        # "The checks, done by X, found": who made them.
        (
            "The checks, done for this paper by Corley Test House in Derby, found that 6 of 10 "
            "kettles leaked.",
            ["Corley Test House"],
        ),
        # "the energy supplier": the organisation whose name holds a word of the phrase and
        # that its last word can describe; "the department" a Ministry of anything.
        (
            "Nordvik Energy raised bills by 9 percent. The energy supplier said wholesale "
            "prices doubled.",
            [None, "Nordvik Energy"],
        ),
        (
            "The Ministry of Health said cases rose. The department said 40 clinics opened.",
            ["Ministry of Health", "Ministry of Health"],
        ),
        # ... never by a word naming where a body governs, nor of another kind.
        (
            "The State Bureau of Fisheries said catches fell. Boats rose 4 percent, according "
            "to the state transport department.",
            ["State Bureau of Fisheries", "state transport department"],
        ),
        (
            "The Tarn Institute for Soil Science said yields fell. The regional soil ministry "
            "said 40 farms closed.",
            ["Tarn Institute for Soil Science", "regional soil ministry"],
        ),
        # A person's noun is the person who spoke last; what the text called a business
        # ("the app maker") and a noun sharing its head's stem ("the steelworks") are it.
        (
            'Tom Fox, 61, of Leeds, said the bus was late. "It always is," the pensioner said.',
            ["Tom Fox", "Tom Fox"],
        ),
        (
            "Grell, the Oslo-based app maker, said 2 million people used it. The app maker said "
            "it would hire 40 staff.",
            ["Grell", "Grell"],
        ),
        (
            "Halden Steel said orders fell. The steelworks, which employs 900 people, said it "
            "would cut shifts.",
            ["Halden Steel", "Halden Steel"],
        ),
        # "Its authors found": the body whose paper it is; "the 28-year-old said": the
        # person last spoken of.
        (
            "The Kessel Institute published a report on Monday. Its authors found that 40 "
            "percent of rivers were polluted.",
            [None, "Kessel Institute"],
        ),
        (
            "Dara Quinn, the club's captain, said the team trained twice a day. The 28-year-old "
            "said she had never felt fitter.",
            ["Dara Quinn", "Dara Quinn"],
        ),
        # A sentence saying who made the remark gives it the quotation before it.
        (
            '"The numbers do not add up." That was the verdict of auditor Ruth Hale, who '
            "examined the accounts.",
            ["Ruth Hale", "Ruth Hale"],
        ),
        (
            '"Sales fell," Tom Fox said. "We did our best." Director Ana Lind made the remark '
            "later.",
            ["Tom Fox", "Ana Lind", "Ana Lind"],
        ),
        # Recalling something is saying it; recalling heaters is not.
        ('"It was chaos," recalled Imran Patel, 34, who was on the train.', ["Imran Patel"]),
        ("Brightwell recalled 9,000 heaters on Monday.", [None]),
        # "the <noun>" is whoever the text described by that noun; a paper's maker speaks.
        (
            "Tom Fox, a keen gardener, lost his roses. The gardener said slugs ate 40 plants.",
            [None, "Tom Fox"],
        ),
        (
            "Kemp Logistics, a Bristol haulier, said fuel cost it $2 million. The haulier added "
            "that it had hired 40 drivers.",
            ["Kemp Logistics", "Kemp Logistics"],
        ),
        ("A statement from Perth Mining said 3 workers were hurt.", ["Perth Mining"]),
        # The noun an appositive calls someone by, before where they work; a role the text
        # gave nobody is the person who spoke last; an organisation's initials are it.
        (
            'Nadia Sorel, a doctor at the clinic, said 40 patients waited. "We cannot cope," '
            "the doctor said.",
            ["Nadia Sorel", "Nadia Sorel"],
        ),
        (
            "Stellan Ek, 70, said he had fished the lake for 50 years. The fisherman said "
            "catches halved.",
            ["Stellan Ek", "Stellan Ek"],
        ),
        (
            "The Crown Prosecution Service charged 3 men. The CPS said the men would appear in "
            "court in May.",
            [None, "Crown Prosecution Service"],
        ),
        # "the hotel chain", "the family business": the business named before.
        (
            "The Ventor Group, which owns 40 hotels, said bookings fell. The hotel chain said "
            "prices would fall.",
            ["Ventor Group", "Ventor Group"],
        ),
        # "its" after a name with another thing named between is that thing's: she is no
        # organisation, and "the 45-year-old mother of two" is she.
        (
            'Eira Vale said the river burst its banks. "It came so fast," the 45-year-old '
            "mother of two said.",
            ["Eira Vale", "Eira Vale"],
        ),
        # "according to a spokesperson for X": X; with no "for", the organisation in question.
        (
            "According to a spokesperson for the Harbour Authority, 12 berths were closed.",
            ["Harbour Authority"],
        ),
        (
            "Velo Bikes recalled 900 bikes. According to a company spokesman, 3 riders were hurt.",
            [None, "Velo Bikes"],
        ),
    ],
)
def test_claimants(client, text, expected):
    assert claimants(client, text) == expected
