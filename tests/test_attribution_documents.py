"""Papers and the people around them (factcheck/papers.py, factcheck/according.py,
factcheck/appositives.py, factcheck/names.py): a body's initials before its papers ("the KSO
data show"), "according to the paper's data" (its maker's), a participle set off after a name
("X, representing Y, said": X speaks), and a participle opening the sentence ("Prosecuting
for Kell Council, X said"), whose object is no part of a name. Names invented for these
tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Figures from the Kell Statistics Office (KSO) show 9,000 homes were sold. "
            "That was the fewest since 2012, the KSO data show.",
            ["Kell Statistics Office", "Kell Statistics Office"],
        ),
        (
            "Figures from the Kell Statistics Office show 9,000 homes were sold. "
            "According to tables published by the KSO, 4,000 were flats.",
            ["Kell Statistics Office", "Kell Statistics Office"],
        ),
        (
            "Researchers at Brenmoor University tracked 900 birds. The paper found 40 percent "
            "nested late. Only 12 nests failed, according to the paper's extra figures.",
            [None, "Brenmoor University", "Brenmoor University"],
        ),
        # no paper: the words in capitals are nobody's
        ("Rents rose 9 percent, the Kell data show.", ["Kell"]),
    ],
)
def test_papers_and_initials(client, text, expected):
    check(client, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hugo Brandt, representing Lena Moss, said his client had owned 3 flats. "
            "He said she paid 40 fines.",
            ["Hugo Brandt", "Hugo Brandt"],
        ),
        (
            "Prosecuting for Ashdown Council, Petra Lowe said 12 flats had rats. "
            "A council spokesman said 2 were repaired.",
            ["Petra Lowe", "Ashdown Council"],
        ),
        # a described person set off after a name is she, as before
        (
            "One witness, retired nurse Ada Crane, said 4 people were hurt.",
            ["Ada Crane"],
        ),
        # a town ending in -ing is still a name
        ("Ealing Council said 40 homes were empty.", ["Ealing Council"]),
    ],
)
def test_participles_around_names(client, text, expected):
    check(client, text, expected)


# "The complaint, filed by the Boston law firm X, says": the maker after what it is; a law
# firm's name is an organisation's, and "the company" is never it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The complaint, filed by the Boston law firm Tarrant Vell LLP, says 212 fires "
            "were reported. The suit seeks 40 million dollars.",
            ["Tarrant Vell LLP", "Tarrant Vell LLP"],
        ),
        (
            "The tests, carried out by Ashgrove Laboratories in Derby, found 9 faults.",
            ["Ashgrove Laboratories"],
        ),
        (
            "Orrin Home Goods makes 40,000 cookers a year. The complaint, filed by Tarrant "
            "Vell LLP, says 9 exploded. The company said in a statement that all of them "
            "met the standard.",
            [None, "Tarrant Vell LLP", "Orrin Home Goods"],
        ),
    ],
)
def test_maker_after_its_description(client, text, expected):
    check(client, text, expected)


# Whatever a body published is its paper; "the auditors" made the audit; "X's board" is X.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A cost review published by the Office for Canals (OFC) estimates that 40 locks "
            "need repair. The same document shows the bill rose 9 percent.",
            ["Office for Canals", "Office for Canals"],
        ),
        (
            "An audit by the accounting firm Brill and Co found 40 missing invoices. "
            "The auditors also found that 9 cars were hired.",
            ["Brill and Co", "Brill and Co"],
        ),
        (
            "Harlan Mills Group was offered 300 pence a share. Harlan's board rejected the "
            "approach, saying the offer was too low.",
            [None, "Harlan Mills Group"],
        ),
        (
            "The Kell Housing Institute released a survey on Monday. The institute surveyed "
            "2,400 tenants in March and April. It found that 60 percent paid more.",
            [None, "Kell Housing Institute", "Kell Housing Institute"],
        ),
        # people named after no paper of the text's are not its makers
        (
            "An audit by Brill and Co found 40 missing invoices. The teachers said 9 were late.",
            ["Brill and Co", "teachers"],
        ),
        ("The band surveyed the crowd from the stage.", [None]),
    ],
)
def test_papers_and_their_makers(client, text, expected):
    check(client, text, expected)


# Papers a body publishes, reports or keeps of its decisions, and when it published them,
# after "according to": "figures published by the trust on Thursday", "a summary published
# by the court", "figures the university reported to X", "the authority's published
# decisions".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brackwell Hospitals Trust runs 3 sites. Waiting lists reached 94,300, according "
            "to figures published by the trust on Thursday.",
            [None, "Brackwell Hospitals Trust"],
        ),
        (
            "The Brackwell Court ruled on Monday. The judges voted 7 to 2, according to a "
            "summary published by the court.",
            [None, "Brackwell Court"],
        ),
        (
            "Brackwell University opened in 1960. Legacy applicants made up 6 percent, "
            "according to figures the university reported to the state.",
            [None, "Brackwell University"],
        ),
        (
            "The Brackwell Combined Authority has approved a grant of 1.2 million pounds, "
            "according to the authority's published decisions.",
            ["Brackwell Combined Authority"],
        ),
        # a paper the text never ties to a maker names nobody
        ("Prices rose 4 percent, according to a summary.", [None]),
    ],
)
def test_paper_published_by(client, text, expected):
    check(client, text, expected)


# "A report to X's cabinet said": a report put to a body or its committee is the body's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A report to Kelby County Council's cabinet said 40 care homes faced closure.",
            ["Kelby County Council"],
        ),
        (
            "A report to Kelby County Council found 40 roads needed repair.",
            ["Kelby County Council"],
        ),
        (
            "A briefing paper to the Harlow Water Board's finance committee said 40 pipes burst.",
            ["Harlow Water Board"],
        ),
        # a state's body named in lower case after its name is still that body
        ("Norland's health ministry said 40 cases were found.", ["Norland's health ministry"]),
    ],
)
def test_report_to_a_body(client, text, expected):
    check(client, text, expected)
