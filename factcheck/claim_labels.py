"""A fact-check's claims set out under labels ("Claim one: "..."", "Claim 2: "..."", "The
claim: "..."") are the claims of the person whose statements it checks: the person the text
last named before the first label ("Opposition leader Ana Lind made three claims ..."), for
every label after it too, whoever the checking quotes in between.
"""

import re

from factcheck import names

# A label and the quotation it sets out: "Claim one:", "Claim 2:", "CLAIM:", "The claim:".
_LABEL = re.compile(
    r"^(?:The\s+)?(?:Claim|CLAIM|claim)(?:\s+(?:[A-Za-z]+|\d+|No\.\s*\d+))?\s*:\s*[\"\u201c]"
)


def _last_person(story):
    """The person last named in full in the sentences (None: page furniture), titles off."""
    found = None
    for sentence in story:
        for start, name in names.found(sentence or ""):
            if " " in name and names.is_person(name, sentence[:start]):
                found = names.without_title(name)
    return found


def checked(story, found):
    """found, with each labelled claim given to the person checked; story is the sentences
    with the page around the story (bylines, links) as None."""
    labels = [i for i, sentence in enumerate(story) if sentence and _LABEL.match(sentence)]
    if not labels:
        return found
    person = _last_person(story[: labels[0]])
    if person is None:
        return found
    return [person if i in labels else claimant for i, claimant in enumerate(found)]
