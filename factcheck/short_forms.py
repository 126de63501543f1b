"""Later, shorter forms of names named in full before, for factcheck/mentions.py: initials
("CPS" for "Crown Prosecution Service"), the last words of a person's name ("Van Dijk" for
"Joost van Dijk") and the first words of an organisation's ("Kell Ridge" for "Kell Ridge
Mining").
"""

import re

from factcheck.names import place


def _initials(name, parts=r"\s+"):
    return "".join(word[0] for word in re.split(parts, name) if word and word[0].isupper())


def abbreviates(short, name):
    """ "CPS" for "Crown Prosecution Service", "DfT" for "Department for Transport"."""
    if sum(char.isupper() for char in short) < 2:  # a surname, not initials (speed)
        return False
    every = "".join(word[0] for word in name.split())
    # "PCSF" for "Pan-Continental Swimming Federation": each part of a joined word counts
    initials = (_initials(name), _initials(name, r"[\s-]+"), every)
    return short in initials or (short.lower() == every.lower() and len(short) > 2)


# Given names before a surname ("Pieter", "Wen Li"), not "Toronto-listed" saying what it is.
_GIVEN_NAMES = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def longer(name, people, organisations):
    """A name of two words or more is the person named in full before whose name ends with
    it ("Van Dijk" for "Joost van Dijk", "Li Hua" for "Wen Li Hua") or opens with it ("Razak
    Idris" for "Razak Idris Hamdan"), or the organisation whose name opens with it
    ("Kell Ridge" for "Kell Ridge Mining"); else itself."""
    lowered = name.lower()
    for person in people:
        given = person[: -len(name)].strip()
        if person.lower().endswith(" " + lowered) and _GIVEN_NAMES.fullmatch(given):
            return person
    # "Razak Idris" for "Razak Idris Hamdan": a name of three words or more called by
    # its first two, as Malay, Arab and Spanish names are shortened (unless someone else
    # goes by those two)
    for person in people:
        if name not in people and len(person.split()) > 2 and person.startswith(name + " "):
            return person
    for organisation in reversed(organisations):
        if organisation.startswith(name + " ") and not place(organisation):
            return organisation
    return name
