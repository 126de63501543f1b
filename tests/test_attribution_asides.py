"""Claimants through the scoring API for the habits of news writing the fifth attribution
round counted across blind 5, 6 and 7 (README "Article ingestion and claim extraction"): one
table per habit, each row a sentence shape of its own with invented names, and rows where
the rule must not fire."""

import pytest

from tests.test_attribution import check


# What sits between a speaker and the verb says who the speaker is, never is the speaker: a
# relative clause that sets off a town and its state or a date, a short name in brackets
# before an aside.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pelmora, which is based in Leeds, England, said it would appeal.", ["Pelmora"]),
        (
            "Tamsin Orrell, who moved to Lyon, France, in 2019, has denied taking the money.",
            ["Tamsin Orrell"],
        ),
        (
            "The vet, Dario Quint, who trained in Cork, Ireland, told us 40 cows died.",
            ["Dario Quint"],
        ),
        (
            "The Coastal Freight Board (CFB), a regulator, said 40 ships were late.",
            ["Coastal Freight Board"],
        ),
        (
            "The Orrin Housing Trust (OHT), which owns 900 flats, warned that rents rose 9%.",
            ["Orrin Housing Trust"],
        ),
        # the clause's own speaker, named in it with commas, still speaks
        (
            "The shop, which has traded since 1974 and employs 12 people, its owner, Lina "
            "Marsh, said.",
            ["Lina Marsh"],
        ),
        # a place that ends the sentence's subject is no speaker either way
        ("Grain prices in Austin, Texas, rose 9 percent last year.", [None]),
    ],
)
def test_asides_between_speaker_and_verb(client, text, expected):
    check(client, text, expected)


# A paper stands for whoever made it: "the lawsuit says", "according to the complaint", "it
# cites" are the claims of the firm that filed it; "the company said" the business that spoke
# just before, not one named earlier.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Law firm Dace Whitlow LLP has sued Orrin Foods in Leeds, alleging that its jars "
            "shattered. The lawsuit, filed for 12 shoppers, says 40 jars broke. It cites 9 "
            "reports of cuts. The suit seeks 2 million pounds.",
            ["Dace Whitlow LLP"] * 4,
        ),
        (
            "Renner Legal said it had filed a complaint for Tomas Vey in May. Vey broke his "
            "wrist in 2023, according to the complaint.",
            ["Renner Legal", "Renner Legal"],
        ),
        (
            "Dace Whitlow LLP sued Pellam Kitchen Wares in March. Pellam, based in Hull, "
            "denied the claims. In a statement, the company said its shears met every standard.",
            [None, "Pellam Kitchen Wares", "Pellam Kitchen Wares"],
        ),
        # the article's own parts are nobody's; a person "who lives in" a town stays a person
        ("Prices rose 9 percent in 2023, according to the article.", [None]),
        (
            "Dana Holt, who lives in Hull, said she paid 40 pounds. She said the shop shut.",
            ["Dana Holt", "Dana Holt"],
        ),
    ],
)
def test_papers_speak_for_their_makers(client, text, expected):
    check(client, text, expected)


# A job or role before a name is no part of it, whatever the job: a word shaped as an agent
# noun ("Flatmate", "Auditor", "Consultant") goes, so long as a first name and surname follow.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flatmate Rosa Quill said the rent rose 40 pounds.", ["Rosa Quill"]),
        (
            "Fees doubled, according to a memo from County Auditor Ivo Brandt. Brandt told "
            "councillors 9 contracts were late.",
            ["Ivo Brandt", "Ivo Brandt"],
        ),
        (
            '"We lost 12 clients," said senior Consultant Mina Oyelowo. "Nobody warned us."',
            ["Mina Oyelowo", "Mina Oyelowo"],
        ),
        ("Organist Pavel Dunne wrote that the roof leaked 40 times.", ["Pavel Dunne"]),
        # an organisation's name keeps its words; a surname alone keeps its title-like word
        ("Vantor Freight Systems said 40 trucks were idle.", ["Vantor Freight Systems"]),
        ("Hector Alvarez said 40 trucks were idle.", ["Hector Alvarez"]),
        ("Victor Hugo Lamb said 40 trucks were idle.", ["Victor Hugo Lamb"]),
        # words that only end like an agent noun stay in an organisation's name
        (
            "Sea ice shrank 12 percent, the Northern Climate Review Panel said.",
            ["Northern Climate Review Panel"],
        ),
        ("Ultimate Frisbee Norway said 40 clubs had closed.", ["Ultimate Frisbee Norway"]),
    ],
)
def test_a_role_before_a_name(client, text, expected):
    check(client, text, expected)


# What a paper found is its maker's, however the sentence names the maker: "a survey by the
# institute", "a report released Thursday by X", "an inquiry led by X", "figures it published",
# "according to its website", "X figures show".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Lough Survey Institute tracks eels. A survey by the institute, published in "
            "May, found 40 percent fewer eels.",
            [None, "Lough Survey Institute"],
        ),
        (
            "Fares rose 9 percent, according to a review released Monday by the Coastal Rail "
            "Office.",
            ["Coastal Rail Office"],
        ),
        (
            "An independent inquiry led by Dilys Vaughan, a retired judge, has found that 12 "
            "patients died. The report, published on Friday, examined 300 cases. It found "
            "that staff raised concerns 9 times.",
            ["Dilys Vaughan"] * 3,
        ),
        (
            "A report published on Monday by the Heat Policy Unit (HPU) monitored 900 homes and "
            "found bills fell 14 percent.",
            ["Heat Policy Unit"],
        ),
        (
            "The Fenland Growers Forum said prices fell. The forum has 230 members, according "
            "to its website. It has spent 4 million pounds since 2019, according to figures "
            "it published in June.",
            ["Fenland Growers Forum"] * 3,
        ),
        (
            "The Treasury said the cut cost 3 billion pounds. VAT raised 90 billion pounds "
            "last year, Treasury figures show.",
            ["Treasury", "Treasury"],
        ),
        # a person's review makes her no court: "the ruling" with no maker named is nobody's
        (
            "Fares rose 5 percent, according to a review released Friday by Transport "
            "Minister Ana Reyes. The ruling, handed down on Monday, said the fine was lawful.",
            ["Ana Reyes", None],
        ),
        # a paper with no maker named names nobody; words before "figures" opening it neither
        ("A survey published in May found 40 percent fewer eels.", [None]),
        ("Official figures show 40 percent fewer eels.", [None]),
    ],
)
def test_findings_are_their_makers(client, text, expected):
    check(client, text, expected)


# A short name stands for the full one the text gave: initials counting each part of a joined
# word ("the TCRA" for "Trans-Canadian Rowing Association"), "Members of the X" for X; and
# "Ms Lind" for the Lind the text has not called "he".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Trans-Caspian Rowing Association banned Ola Berg in May. The TCRA rejected "
            "his appeal, saying 9 tests were positive.",
            [None, "Trans-Caspian Rowing Association"],
        ),
        (
            "Members of the Dockside Crane Union walked out on Monday. The union said 400 "
            "workers joined.",
            [None, "Dockside Crane Union"],
        ),
        (
            "Tomas Lind, 40, died in custody in May. A report found Mr Lind was restrained for "
            "9 minutes. His widow, Greta Lind, said the family waited a year. "
            '"He begged for air," Ms Lind told reporters.',
            [None, None, "Greta Lind", "Greta Lind"],
        ),
        # with no title telling, a surname is the person first named in full
        (
            "Tomas Lind, 40, died in May. His widow, Greta Lind, wrote to the board. Lind said "
            "the board ignored 9 letters.",
            [None, "Greta Lind", "Tomas Lind"],
        ),
        # a verdict "as" something is its maker's claim; "rated" alone is no verdict
        (
            'The Care Standards Office (CSO) has rated Elm House care home as "inadequate".',
            ["Care Standards Office"],
        ),
        ("The Elm House care home is rated highly by families.", [None]),
    ],
)
def test_short_names_stand_for_full_ones(client, text, expected):
    check(client, text, expected)


# A paper named after its maker is the maker's ("the Kell Bank Rent Index" is Kell Bank's;
# "a Harwood Research poll" Harwood Research's, no article kept), and a noun set beside a
# name ("the port operator, Kell Docks") gives way to the name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rents rose 2 percent in May, according to the Orrel Bank Rent Index. The index "
            "put the typical rent at 1,200 pounds.",
            ["Orrel Bank", "Orrel Bank"],
        ),
        (
            "The Greens lead by 6 points, according to a Harwood Research poll published on "
            "Friday.",
            ["Harwood Research"],
        ),
        (
            "Exports fell 9 percent, according to the Tasman Freight Council Export Survey.",
            ["Tasman Freight Council"],
        ),
        (
            "Forty ships were waiting on Monday, according to figures from the port "
            "operator, Kell Docks.",
            ["Kell Docks"],
        ),
        # a paper's name with no maker's in it stays whole
        ("Prices rose 2 percent, according to the Consumer Price Index.", ["Consumer Price Index"]),
    ],
)
def test_a_paper_named_after_its_maker(client, text, expected):
    check(client, text, expected)


# "..., the report said." closing a sentence is its speaker, whoever the sentence says spoke
# inside it; and "the bank" is the bank the text named, not any organisation known before.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Custody Review Office found 3 failures. A guard did not note that Ivo Sand "
            "had said he was diabetic, the report said.",
            # "found 3 failures": a count found is a finding (the sixth round)
            ["Custody Review Office", "Custody Review Office"],
        ),
        (
            "Hale Water said 40 pipes burst. Crews were told that residents had complained "
            "twice, the company added.",
            ["Hale Water", "Hale Water"],
        ),
        (
            "The Coastal Lending Authority closed Orrin Mutual Bank on Friday. The authority "
            "said 9 in 10 savers were covered. Those loans were 40 percent of its book, "
            "according to the bank's annual report.",
            [None, "Coastal Lending Authority", "Orrin Mutual Bank"],
        ),
        # a verb closing a quotation is no closing attribution of the narrator's
        ('Ana Berg said the fund paid 40 farms, and "nobody complained".', ["Ana Berg"]),
    ],
)
def test_the_closing_speaker_and_the_named_bank(client, text, expected):
    check(client, text, expected)


# Dismissing what was said is saying so; "He did not expect" goes on with the person last
# speaking; "Ana Lind of Kell Legal" set off by commas is she.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Kell Party spokesman, Idris Vane, dismissed the findings.", ["Idris Vane"]),
        ("Orla Finch dismisses claims that 40 jobs will go.", ["Orla Finch"]),
        (
            "Jonas Eke said stocks rose to 9 million bags. He did not expect prices to recover "
            "this year.",
            ["Jonas Eke", "Jonas Eke"],
        ),
        (
            "Her lawyer, Wren Maddox of Tolley Hart, said 14 witnesses saw her run.",
            ["Wren Maddox"],
        ),
        # dismissing people is no statement; "did not" with no verb of thinking tells nothing
        ("Orrin Foods dismissed 40 workers in May.", [None]),
        ("Jonas Eke sold 9 bags. He did not sell more.", [None, None]),
    ],
)
def test_dismissing_and_doubting(client, text, expected):
    check(client, text, expected)
