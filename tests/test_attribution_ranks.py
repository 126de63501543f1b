"""Claimants behind ranks, jobs and roles (factcheck/titles.py, factcheck/held_titles.py,
factcheck/resolution.py): a police rank, a seat or a broadcaster's role before a name is no
part of it ("Detective Garda X", "PC X", "Councilmember X", "Host X"); a noun saying what kind
of body follows "the" is no part of its name ("the charity X"); a title in an appositive
before another's name is that other's ("X KC, for Mr Y,"); a role with nobody so titled is
the one speaking ("the prosecutor said"); and whom one tells is the hearer ("told Kell
Radio"). Names invented for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


# Ranks, seats and roles before a name, in general English vocabulary.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Detective Garda Orla Quarrie told the court that 31 accounts were emptied. "
            "The society repaid 40 members, the garda said.",
            ["Orla Quarrie", "Orla Quarrie"],
        ),
        ("PC Idris Merrin said the van was travelling at 23mph.", ["Idris Merrin"]),
        ("DCI Marta Ilvesk said 14 arrests were made.", ["Marta Ilvesk"]),
        ("Trooper Dale Hurst said the car was doing 90 mph.", ["Dale Hurst"]),
        ("Councilmember Reza Lintrell said 40 homes flooded.", ["Reza Lintrell"]),
        ("Host Lena Brisk said the river carried 4 times the legal limit.", ["Lena Brisk"]),
        ("Presenter Jo Tashby said 4 in 10 viewers left.", ["Jo Tashby"]),
        # the last word is the surname, whatever else it is; a head word ends a body's name
        ("Ana Host said 40 homes flooded.", ["Ana Host"]),
        ("Host City Council said 40 homes flooded.", ["Host City Council"]),
    ],
)
def test_rank_or_role_before_a_name(client, text, expected):
    check(client, text, expected)


# "the charity X": the noun saying what the body is stays outside its name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The charity Kell Homes Alliance said 40 families were cold.", ["Kell Homes Alliance"]),
        ("The union Fenmoor Rail Federation said 40 jobs would go.", ["Fenmoor Rail Federation"]),
        # a word of another kind ("state") is part of the name as the text writes it
        ("The state Farm Bureau said 40 farms were dry.", ["state Farm Bureau"]),
    ],
)
def test_kind_before_a_body_name(client, text, expected):
    check(client, text, expected)


# "Ana Lind KC, for Mr Tomas Quarrie,": "Mr" is his, so "she" and "Ms Lind" are still hers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ana Lind KC, for Mr Tomas Quarrie, said her client faced 40 years. "
            "She argued that extradition would be unjust.",
            ["Ana Lind", "Ana Lind"],
        ),
        (
            "Ana Lind KC, for Mr Quarrie, said her client faced 40 years. "
            "Ms Lind said he had 2 operations.",
            ["Ana Lind", "Ana Lind"],
        ),
        (
            "Tom Fox, for Mrs Ana Lind, said 40 letters were sent. He said 4 were returned.",
            ["Tom Fox", "Tom Fox"],
        ),
        # a title of her own after her name still tells her pronoun
        (
            "Ana Lind, the chairwoman, said 40 staff left. She said 4 came back.",
            ["Ana Lind", "Ana Lind"],
        ),
    ],
)
def test_title_in_an_appositive_before_another_name(client, text, expected):
    check(client, text, expected)


# "the prosecutor said" with nobody so titled: the person speaking.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Opening the case, Ana Lind KC said the men owed 48,000 pounds. "
            "Texts were sent 23 times, the prosecutor said.",
            ["Ana Lind", "Ana Lind"],
        ),
        (
            "Owen Thornquist, defending, said his client lost 95,000 euro. "
            "Counsel said he had no convictions.",
            ["Owen Thornquist", "Owen Thornquist"],
        ),
        # a body spoke last: the officer is someone the text does not name
        (
            "Kell Police said 40 cars were stolen. Four were found, the officer said.",
            ["Kell Police", None],
        ),
        # a role of several words with nobody so titled is nobody, as before
        (
            "Ana Lind said 40 votes were spoiled. The returning officer said 4 ballots were lost.",
            ["Ana Lind", None],
        ),
    ],
)
def test_role_with_nobody_so_titled(client, text, expected):
    check(client, text, expected)


# "told X": the one told hears; the speaker is the subject or nobody.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The average price was 268 dollars a tonne, traders told Kell Radio.", [None]),
        ("The average price was 268 dollars a tonne, Ana Lind told Kell Radio.", ["Ana Lind"]),
        ("The average price was 268 dollars a tonne, said Ana Lind.", ["Ana Lind"]),
    ],
)
def test_whom_one_tells(client, text, expected):
    check(client, text, expected)


# Police ranks of the Commonwealth's forces in Africa and Asia, written by their initials
# before a name; a rank is no part of the name, so "Mr Quell" and "he" are still his.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The command's spokesman, SP Dara Quell, said 40 people were held. "
            "He appealed to the traders to reopen their shops.",
            ["Dara Quell", "Dara Quell"],
        ),
        ("ASP Ife Tandoh said 12 officers were injured.", ["Ife Tandoh"]),
        (
            "Police spokesperson DSP Mira Okonkwo-Vale said 3 guns were seized.",
            ["Mira Okonkwo-Vale"],
        ),
        ("ACP Tunde Ashari told reporters 9 vans were stolen.", ["Tunde Ashari"]),
        # a word in capitals of another kind stays a name's
        ("SPK Holdings said 40 jobs would go.", ["SPK Holdings"]),
        # "appealed to" a court or to voters asks nothing of them
        ("Mr Quell appealed to the High Court in 2019.", [None]),
    ],
)
def test_commonwealth_police_ranks(client, text, expected):
    check(client, text, expected)
