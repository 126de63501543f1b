"""A question-and-answer interview printed with no labels: no "Q:", "A:" nor speakers' names
before the turns (factcheck/interviews.py reads those).

The layout: an introduction that says an interview follows ("She spoke to Tom Fox about
...", "This interview has been edited for length and clarity"), then paragraphs ending in a
question, the interviewer's turns (a statement before the question is his too: "You closed
the plant. Was that right?"), each followed by the paragraphs answering it, the
interviewee's turns. The introduction names both as a labelled Q&A's does.

A news story with a rhetorical question or two is no interview, nor an explainer's "What
happens next?": the layout needs the introduction's word for it, two questions or more each
followed by an answer, answers that quote nobody else (an answer speaks for itself; a
story's paragraphs name their sources), and half the questions or more put to "you" or
answered by "I" or "we".
"""

import re

from factcheck import interviews

# The introduction's word that an interview follows.
_SAYS_INTERVIEW = re.compile(
    r"\binterview(?:ed)?\b|\b(?:spoke|spoken|talked|talking|speaking)\s+(?:to|with)\b|"
    r"\bin\s+conversation\s+with\b|\bsat\s+down\s+with\b|\bedited\s+for\s+(?:length|clarity)\b|"
    r"\b(?:condensed|edited)\s+and\s+(?:condensed|edited)\b|\btranscript\b|"
    # "We met her at the depot", "caught up with him": not "met the target", "asked about"
    r"\b(?:met|asked|caught\s+up\s+with)\s+(?:her|him|them)\b",
    re.IGNORECASE,
)
# A question quoted ('"Why now?" she asked.') is a story's, not a turn.
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")
# The introduction runs at most this many paragraphs before the first question.
_INTRODUCTION = 4


def _paragraph_starts(paragraphs):
    """{paragraph number: index of its first sentence}, in order."""
    starts = {}
    for i, number in enumerate(paragraphs):
        starts.setdefault(number, i)
    return starts


def _texts(sentences, paragraphs):
    """{paragraph number: its text}, in order."""
    text = {}
    for sentence, number in zip(sentences, paragraphs, strict=True):
        text[number] = text.get(number, "") + " " + sentence
    return text


def _questions(sentences, paragraphs):
    """The paragraph numbers whose last sentence is a question, quoting nobody."""
    return {
        number
        for number, text in _texts(sentences, paragraphs).items()
        if text.rstrip().endswith("?") and not _QUOTE_MARKS.search(text)
    }


def _answers_speak_alone(answering, own):
    """Whether the answers quote nobody else: under a fifth of their sentences attribute
    anything themselves."""
    attributing = sum(own[i] for i in answering)
    return answering and attributing * 5 < len(answering)


def _layout(sentences, paragraphs, own):
    """(first sentence of the first question, question paragraphs) of an unlabelled Q&A,
    else None."""
    asked = _questions(sentences, paragraphs)
    starts = _paragraph_starts(paragraphs)
    numbers = list(starts)
    if len(asked) < 2 or min(asked) == numbers[0]:
        return None
    first = starts[min(asked)]
    opening = numbers.index(min(asked))
    if opening > _INTRODUCTION or not any(_SAYS_INTERVIEW.search(s) for s in sentences[:first]):
        return None
    # every question is answered: the paragraph after each is no question
    later = numbers[opening:]
    if any(
        n in asked and (k + 1 == len(later) or later[k + 1] in asked) for k, n in enumerate(later)
    ):
        return None
    answering = [i for i in range(first, len(sentences)) if paragraphs[i] not in asked]
    if not _answers_speak_alone(answering, own):
        return None
    return (first, asked) if _face_to_face(sentences, paragraphs, asked) else None


# An interview is spoken face to face: questions put to "you", answers given by "I" or "we".
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|[Ww]e|[Oo]ur|[Mm]y|[Mm]e|[Uu]s)\b")


def _face_to_face(sentences, paragraphs, asked):
    """Whether half the questions or more are put to "you" or answered by "I" or "we" (an
    explainer's "What happens next?" is answered in the third person)."""
    text = _texts(sentences, paragraphs)
    numbers = list(text)
    personal = 0
    for number in asked:
        answer = numbers[numbers.index(number) + 1]
        personal += bool(_SECOND_PERSON.search(text[number]) or _FIRST_PERSON.search(text[answer]))
    return personal * 2 >= len(asked)


def turns(sentences, paragraphs, found, own):
    """found, with an unlabelled Q&A's questions given to the interviewer (unless they
    attribute something themselves, own[i]) and its answers to the interviewee."""
    if sum(interviews.turn_label(s) is not None for s in sentences) >= 2:
        return found  # a labelled Q&A: factcheck/interviews.py's
    layout = _layout(sentences, paragraphs, own)
    if layout is None:
        return found
    first, asked = layout
    interviewee = interviews.named_interviewee(sentences[:first])
    if interviewee is None:
        return found
    interviewer = interviews.named_interviewer(sentences[:first], interviewee)
    found = list(found)
    for i in range(first, _end(sentences, paragraphs, asked, interviewee)):
        if paragraphs[i] not in asked:
            found[i] = interviewee
        elif interviewer and not own[i]:
            found[i] = interviewer
    return found


def _end(sentences, paragraphs, asked, interviewee):
    """Where the turns end: after the last answer, a note on the interviewee ("Lind was
    talking to ...") is the publication's, as an answer never names its speaker."""
    surname = interviewee.split()[-1]
    for i, sentence in enumerate(sentences):
        if paragraphs[i] > max(asked) and surname in sentence:
            return i
    return len(sentences)
