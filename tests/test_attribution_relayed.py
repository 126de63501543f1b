"""Sources a speaker relays, and whom one asks (factcheck/interviews.py,
factcheck/transcripts.py, factcheck/attribution.py): a podcast's or a show's notes name the
interviewer and the interviewee in the present ("Host X speaks with Y"); inside a turn, a
body the speaker quotes keeps its own claim ("TARA VENN: Kell Water Services says ..."); and
the one asked is the hearer ("We asked Kell Water for a response"), unless the verb comes
before its subject after a quotation. Names invented for these tests; rows where the rule
must not fire too."""

import pytest

from tests.test_attribution import check

PODCAST = (
    "Host Tara Venn speaks with Milo Dart, a river ecologist at the Kell Trust.\n\n"
    "TARA VENN: How bad is the river right now?\n\n"
    "MILO DART: Pretty bad. We found E. coli at 9 of our 12 sites.\n\n"
    "TARA VENN: Kell Water Services says most of that comes from farms upstream. "
    "A spokesperson told us the company had invested 86 million pounds."
)
VENN, DART, KELL = "Tara Venn", "Milo Dart", "Kell Water Services"


# Turns of a podcast, and the sources a turn relays.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PODCAST, [None, VENN, DART, DART, KELL, KELL]),
        # a turn's own words, and a source in lower case, stay the turn speaker's
        (
            "Presenter Rob Haskins spoke to the mayor, Claire Dunmore, on Monday.\n\n"
            "HASKINS: Fares rose 9 percent, the council says.\n\n"
            "DUNMORE: Numbers are up 4 percent, according to the operators' own figures. "
            "I'd say to anyone who doubts it: look at the figures.",
            [None, "Rob Haskins", "Claire Dunmore", "Claire Dunmore"],
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
