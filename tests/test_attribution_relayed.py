"""Sources a speaker relays, and whom one asks (factcheck/interviews.py,
factcheck/transcripts.py, factcheck/attribution.py): a podcast's or a show's notes name the
interviewer and the interviewee in the present ("Host X speaks with Y"); inside a turn, a
body the speaker quotes keeps its own claim ("TARA VESSEY: Kell Water Services says ..."); and
the one asked is the hearer ("We asked Kell Water for a response"), unless the verb comes
before its subject after a quotation, and the one who "replied" just after is he ("asked Mr
Quarrie whether ... He replied"). Names invented for these tests; rows where the rule must not
fire too."""

import pytest

from tests.test_attribution import check

PODCAST = (
    "Host Tara Vessey speaks with Milo Corvell, a river ecologist at the Kell Trust.\n\n"
    "TARA VESSEY: How bad is the river right now?\n\n"
    "MILO CORVELL: Pretty bad. We found E. coli at 9 of our 12 sites.\n\n"
    "TARA VESSEY: Kell Water Services says most of that comes from farms upstream. "
    "A spokesperson told us the company had invested 86 million pounds."
)
VESSEY, CORVELL, KELL = "Tara Vessey", "Milo Corvell", "Kell Water Services"


# Turns of a podcast, and the sources a turn relays.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PODCAST, [None, VESSEY, CORVELL, CORVELL, KELL, KELL]),
        # a turn's own words, and a source in lower case, stay the turn speaker's
        (
            "Presenter Rob Brathwick spoke to the mayor, Claire Ostley, on Monday.\n\n"
            "BRATHWICK: Fares rose 9 percent, the council says.\n\n"
            "OSTLEY: Numbers are up 4 percent, according to the operators' own figures. "
            "I'd say to anyone who doubts it: look at the figures.",
            [None, "Rob Brathwick", "Claire Ostley", "Claire Ostley"],
        ),
    ],
)
def test_turns_and_relayed_sources(client, text, expected):
    check(client, text, expected)


# Whom one asks hears the question.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We asked Kell Water for a response on Monday.", [None]),
        ('"Why now?" asked Ana Lind.', ["Ana Lind"]),
        ("Tom Fox asked Ana Lind whether 40 jobs would go.", ["Tom Fox"]),
    ],
)
def test_whom_one_asks(client, text, expected):
    check(client, text, expected)


# "He replied" after "asked Mr Quarrie whether": the one asked answers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tomas Quarrie ran the water company until 2020. The inquiry chairman, Sir Tomas Reel, "
            "asked Mr Quarrie whether he had seen the 3 emails. "
            "He replied that he had received a monthly summary.",
            [None, "Tomas Reel", "Tomas Quarrie"],
        ),
        # the pronoun must be the one asked's: nothing tells "She" is Tom Fox
        (
            "Ana Lind asked Tom Fox about the 40 jobs. She replied that 4 would go.",
            ["Ana Lind", "Ana Lind"],
        ),
        # "said" is no reply: the asker goes on
        (
            "Ana Lind asked Mr Fox whether 40 jobs would go. She said 4 would go.",
            ["Ana Lind", "Ana Lind"],
        ),
    ],
)
def test_reply_to_a_question(client, text, expected):
    check(client, text, expected)
