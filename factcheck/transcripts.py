"""A transcript's turns labelled by the speakers' surnames ("HASKINS: ...", "Reyes: ...") are
each the claims of the person of that surname the text names in full ("presenter Rob Haskins").

Radio and television transcripts, court and committee records print every turn so, whoever
asks and whoever answers; factcheck/interviews.py reads a Q&A's "Q:"/"A:" and its
interviewee's label, but a turn of someone it took for neither (a presenter named only as
"presenter Rob Haskins and Leeds mayor Claire Dunmore") is no question nor answer to it.

A turn runs from its label to the end of its paragraph. Inside it a sentence crediting a
source keeps it ("Kell Water says the farms are to blame": Kell Water's), and an unnamed
source ("Critics say the budget doubled") its null: the speaker relays it, as a question does
in factcheck/interviews.py.
"""

import re

from factcheck import interviews, names


def _people(sentences):
    """{surname casefolded: full name} of every person the text names in full; "Rob Haskins
    and Leeds" names Rob Haskins."""
    people = {}
    for sentence in sentences:
        for start, run in names.found(sentence):
            for part in re.split(r"\s+and\s+", run):
                person = names.without_title(part)
                if " " in person and names.is_person(part, sentence[:start]):
                    people.setdefault(person.split()[-1].casefold(), person)
    return people


def _speaker(label, people):
    """The person a turn's label names: their surname, or their full name."""
    return people.get(label.split()[-1].casefold()) if label else None


def _relays(spoken, claimant):
    """Whether a sentence in a turn names a source of its own: a name of two words or more
    ("Kell Water says"), or a body's "it" ("A spokesperson told us the company had ..."),
    when "it" found a body (a turn's label in capitals, "KELL:", is none)."""
    kind, value = spoken or (None, None)
    body = kind == "it" and claimant is not None and not claimant.isupper()
    return body or (kind == "name" and " " in value)


def turns(sentences, paragraphs, found, spoken):
    """found, with each sentence of a turn labelled by a person's surname given to that
    person (spoken: what each sentence's own attribution says, None when it has none)."""
    labels = [interviews.turn_label(s) for s in sentences]
    people = _people(sentences)
    speakers = [_speaker(label, people) for label in labels]
    # one label that happens to be a surname ("Reyes: a life") is no transcript
    if sum(speaker is not None for speaker in speakers) < 2:
        return found
    result, current = [], None
    for i, claimant in enumerate(found):
        if labels[i]:
            current = speakers[i]
        elif i and paragraphs[i] != paragraphs[i - 1]:
            current = None
        unnamed_source = spoken[i] is not None and claimant is None
        relayed = unnamed_source or _relays(spoken[i], claimant)
        result.append(current if current and not relayed else claimant)
    return result
