"""A question-and-answer transcript's answers are the interviewee's claims.

The layout: turns opened by "Q:" and "A:" (or by the speakers' names, "Achebe:"), after an
introduction naming the person interviewed ("We spoke to Ana Lind, the city's treasurer",
else the first person the introduction names; a byline's name is not it). An answer runs from
its label to the end of its paragraph; so does a question, which is the interviewer's when
the introduction names one ("She spoke to our correspondent, Tom Fox", "interviewed by Tom
Fox") unless it attributes something itself ("Q: The ministry says ...", "Q: Critics say
...").

Magazines also print a Q&A with no labels at all: an introduction that says it is one ("She
spoke to Tom Fox about ...", "This interview has been edited for length"), then paragraphs
ending in a question (the interviewer's) and the paragraphs answering them (the
interviewee's). factcheck/unmarked_interviews.py finds that layout.
"""

import re

from factcheck import names

# "Q:", "Amani:", "The Courier:"; also "Q." and "A.".
_LABEL = re.compile(r"^([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})\s*:\s|^([QA])\.\s")
# in the past or, as a podcast's or a show's notes write, the present ("Host X speaks with Y")
_SPOKE_TO = re.compile(
    r"\b(?:spoke|talked|talking|speaking|speaks|talks|chats|chatted)\s+(?:to|with)\s+"
)
_INTERVIEWED = re.compile(
    rf"{_SPOKE_TO.pattern}|"
    r"\binterviewed\s+(?!by\b)|\bmet\s+|\binterviews\s+|"
    r"\bin\s+conversation\s+with\s+|\bsat\s+down\s+with\s+|\bsits\s+down\s+with\s+|\basked\s+"
)
_BYLINE = re.compile(r"^(?:By|Interview by|Reporting by)\s")
_INTERVIEWED_BY = re.compile(r"\binterviewed\s+by\s+")
_PRONOUN = re.compile(r"^(?:He|She|They)\b")
# "our political editor, Maya Ferris": the publication's own, who asks.
_OUR_STAFF = re.compile(r"\bour\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+$")


def turn_label(sentence):
    match = _LABEL.match(sentence)
    return (match.group(1) or match.group(2)) if match else None


def _people(sentence):
    for start, name in names.found(sentence):
        person_of = names.person_of(name)  # "Kate Lowe for the Gazette"
        if person_of:
            yield start, names.without_title(person_of[0])
        elif names.is_person(name, sentence[:start]):
            yield start, names.without_title(name)


def named_interviewee(intro):
    """The person the introduction says was interviewed, else the first it names."""
    named = [
        (s, start, p)
        for s in intro
        if not _BYLINE.match(s)
        for start, p in _people(s)
        if not _OUR_STAFF.search(s[:start])  # "our political editor, Maya Ferris" asks
    ]
    for sentence, start, person in named:
        # "She spoke to our reporter, Tom Fox": the one spoken to asks, not answers.
        if _INTERVIEWED.search(sentence[:start][-30:]) and not _PRONOUN.match(sentence):
            return person
    return named[0][2] if named else None


def named_interviewer(intro, interviewee):
    """Who asks the questions: the one the interviewee "spoke to", or was "interviewed by",
    or who "interviewed" or "spoke to" the interviewee, else the byline's writer (a Q&A's
    questions are its writer's); None when the text names nobody."""
    for sentence in intro:
        if not _BYLINE.match(sentence):
            people = [(start, p) for start, p in _people(sentence) if p != interviewee]
            found = _asker_after(sentence, interviewee, people) or _asker_before(
                sentence, interviewee, people
            )
            if found:
                return found
    bylines = [p for s in intro if _BYLINE.match(s) for _, p in _people(s) if p != interviewee]
    return bylines[0] if bylines else None


def _asker_after(sentence, interviewee, people):
    """ "She spoke to our reporter, Tom Fox", "X was interviewed by Tom Fox"."""
    asked = _INTERVIEWED_BY.search(sentence)
    spoke = _SPOKE_TO.search(sentence)
    if spoke and (_PRONOUN.match(sentence) or interviewee in sentence[: spoke.start()]):
        asked = spoke
    after = [p for start, p in people if asked and start >= asked.end()]
    return after[0] if after else None


def _asker_before(sentence, interviewee, people):
    """ "Tom Fox interviewed X", "Tom Fox spoke to X", "our reporter Tom Fox asked her"."""
    by = _INTERVIEWED.search(sentence)
    rest = sentence[by.end() :] if by else ""
    if not (interviewee in rest or re.match(r"(?:him|her|them)\b", rest)):
        return None
    before = [p for start, p in people if start < by.start()]
    return before[-1] if before else None


def _answers(label, interviewee):
    """Whether a turn with this label is the interviewee's."""
    if label == "A":
        return True
    words = {word.casefold() for word in interviewee.split()}
    return label != "Q" and {w.casefold() for w in label.split()} <= words


def answers_to_interviewee(sentences, paragraphs, found, own=None):
    """found, with each answer of a Q&A layout given to the interviewee and each question
    (own: whether each sentence attributes something itself) to the interviewer."""
    labels = [turn_label(s) for s in sentences]
    labelled = [label for label in labels if label]
    if len(labelled) < 2:
        return found
    turns = [i for i, label in enumerate(labels) if label in ("Q", "A")]
    # the introduction ends at the first question or answer ("Photo:" may come before)
    intro = sentences[: (turns or [labels.index(labelled[0])])[0]]
    interviewee = named_interviewee(intro)
    if interviewee is None:
        return found
    if not any(label in ("Q", "A") or _answers(label, interviewee) for label in labelled):
        return found
    if any(_answers(label, interviewee) for label in labelled):
        answering = _labelled_answers(labels, paragraphs, interviewee)
    else:
        answering = _unlabelled_answers(labels, paragraphs)
    found = [interviewee if a else claimant for a, claimant in zip(answering, found, strict=True)]
    interviewer = named_interviewer(intro, interviewee)
    if interviewer is None:
        return found
    asking = _asking(labels, paragraphs, answering, own or [c is not None for c in found])
    return [interviewer if a else claimant for a, claimant in zip(asking, found, strict=True)]


def _asking(labels, paragraphs, answering, own):
    """Whether each sentence is a question naming no source of its own: from a turn's label
    that is no answer's ("Q:", or one opening two turns or more: not "Photo:") to the end of
    its paragraph."""
    asking, found = False, []
    for i, label in enumerate(labels):
        if label:
            asking = not answering[i] and (label == "Q" or labels.count(label) > 1)
        elif i and paragraphs[i] != paragraphs[i - 1]:
            asking = False
        found.append(asking and not answering[i] and not own[i])
    return found


def _labelled_answers(labels, paragraphs, interviewee):
    """Whether each sentence is an answer: from an "A:" (or the interviewee's name) to the
    next label or the end of the paragraph."""
    answering, found = False, []
    for i, label in enumerate(labels):
        if label:
            answering = _answers(label, interviewee)
        elif i and paragraphs[i] != paragraphs[i - 1]:
            answering = False
        found.append(answering)
    return found


def _unlabelled_answers(labels, paragraphs):
    """Only the questions labelled ("Q: ..."): the paragraph after a question's answers it."""
    found, asked, answer = [], None, None
    for i, label in enumerate(labels):
        if label:
            asked, answer = paragraphs[i], None
        elif asked is not None and paragraphs[i] == asked + 1:
            answer = paragraphs[i]
        found.append(not label and answer == paragraphs[i])
    return found
