"""Claimants of a question-and-answer interview printed with no labels on its turns
(factcheck/unmarked_interviews.py), through the scoring API: answers the interviewee's,
questions the interviewer's, and stories with a question or two left alone. Names and
sentences invented for these tests."""

import pytest

from tests.test_attribution import check

KOVAC = "Ilse Kovac"
PENROSE = "Tobias Penrose"
# The introduction names the interviewer after "spoke to"; a statement before a question is
# the interviewer's too; an answer may run over two paragraphs.
SPOKE_TO = (
    "Ilse Kovac has run the Marlow ferry company since 2021.\n\n"
    "She spoke to Tobias Penrose about fuel, fares and the new harbour.\n\n"
    "Fares rose twice last year. Why?\n\n"
    "Fuel cost us 40 percent more. We held off as long as we could.\n\n"
    "Will they rise again?\n\n"
    "Not this year.\n\n"
    "We have hedged our fuel until 2027."
)
# "interviewed" with the interviewer before; a question attributing something itself keeps
# its own source; a note after the last answer naming the interviewee is the publication's.
INTERVIEWED = (
    "Tobias Penrose interviewed Ilse Kovac at the harbour office.\n\n"
    "How many crossings did you cancel?\n\n"
    "About 300, mostly in January.\n\n"
    "The ministry says that is a record. Is it?\n\n"
    "It is the most since 2009, as far as I know.\n\n"
    "Kovac will appear before the transport committee in May."
)
# No interviewer named: questions stay nobody's, answers are still the interviewee's.
EDITED_NOTE = (
    "Ilse Kovac runs the Marlow ferry company.\n\n"
    "This conversation has been edited for length and clarity.\n\n"
    "What went wrong in January?\n\n"
    "Two of our four boats failed inspection.\n\n"
    "When will they be back?\n\n"
    "One returned in March."
)
# The note on the transcript is the word for it; the byline's writer asks.
TRANSCRIPT = (
    "Interview by Sara Quint\n\n"
    "Tomas Berg has coached the national rowing team for eight years. This transcript has "
    "been condensed and edited.\n\n"
    "How did the team do last season?\n\n"
    "We won four medals, two of them gold.\n\n"
    "Your budget was cut in March. Has that hurt?\n\n"
    "Yes. We lost two coaches."
)
QUINT, BERG = "Sara Quint", "Tomas Berg"
# "We met her": the word for it too.
MET_HER = (
    "Ilse Kovac runs the Marlow ferry company. We met her at the harbour office.\n\n"
    "How many boats do you run?\n\n"
    "We run four, and we will add a fifth in May.\n\n"
    "Are fares going up?\n\n"
    "Not this year."
)
# A story with rhetorical questions and no word of an interview: no turns.
STORY = (
    "Ilse Kovac has run the Marlow ferry company since 2021.\n\n"
    "Who pays for the new harbour?\n\n"
    "The council said it would pay 4 million pounds.\n\n"
    "And who pays for the boats?\n\n"
    "Nobody has said."
)
# An explainer: an introduction mentioning an interview, questions as headings, answers in
# the third person. No turns.
EXPLAINER = (
    "In an interview on Monday, Mayor Rosa Imbert defended the new harbour.\n\n"
    "What is being built?\n\n"
    "A quay for 4 ferries, due to open in 2027.\n\n"
    "Who pays for it?\n\n"
    "The port pays 60 percent and the council the rest."
)
# The publication's own ("our political editor, X") asks: she is no interviewee, whose
# name the introduction never gives here; and "You" opening a question is nobody's name.
OUR_EDITOR = (
    "The chancellor sat down with our political editor, Lena Varga, on Thursday.\n\n"
    "You promised to cut borrowing. Has it fallen?\n\n"
    "Borrowing is down by 12 billion pounds. I said we would do it.\n\n"
    "Is growth too slow?\n\n"
    "No. We grew faster than our neighbours."
)
# Interviewed, but its questions are quoted and its paragraphs name their sources: a story.
QUOTED = (
    "Ilse Kovac spoke to reporters at the harbour on Monday.\n\n"
    '"Why would we raise fares again?" she asked.\n\n'
    "The council said fares rose 8 percent.\n\n"
    "Is that all?\n\n"
    "Tobias Penrose, a councillor, said the rise was unfair."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            SPOKE_TO,
            [None, None, PENROSE, PENROSE, KOVAC, KOVAC, PENROSE, KOVAC, KOVAC],
        ),
        (INTERVIEWED, [None, PENROSE, KOVAC, "ministry", PENROSE, KOVAC, None]),
        (EDITED_NOTE, [None, None, None, KOVAC, None, KOVAC]),
        (STORY, [None, None, "council", None, None]),
        (TRANSCRIPT, [None, None, None, QUINT, BERG, QUINT, QUINT, BERG, BERG]),
        (MET_HER, [None, None, None, KOVAC, None, KOVAC]),
        (OUR_EDITOR, [None] * 8),
        (EXPLAINER, ["Rosa Imbert", None, None, None, None]),
        (QUOTED, [None, KOVAC, "council", None, PENROSE]),
    ],
)
def test_unlabelled_interview(client, text, expected):
    check(client, text, expected)
