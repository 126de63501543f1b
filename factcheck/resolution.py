"""What a speaker factcheck/attribution.py found stands for, given what the text has named
so far (factcheck/mentions.py): "Okafor" the Daniel Okafor named before, "she" the person
last spoken of (or the one opening her own sentence), "it" and "they" the organisation that
spoke last, "the mayor" the person of that title, "the airline", "the energy supplier" the
organisation named before that the noun can describe (else the one last named that no head
word types), "the pensioner" the person who spoke last, "the person" nobody.
"""

import re

from factcheck import names, organisations, papers
from factcheck.names import words
from factcheck.opening_bodies import AUTHORS as _AUTHORS
from factcheck.opening_bodies import MEDIA as _MEDIA
from factcheck.opening_bodies import opening_organisation as _opening_organisation
from factcheck.organisations import ANONYMOUS

# A bare "the company said", "the carmaker said" is the business named last.
_COMPANY = names.COMPANIES
_ORGANISATION_NOUNS = organisations.ORGANISATION_NOUNS


# "A spokesman for X said", "a Lumera spokeswoman said": someone unnamed speaking for an
# organisation, who "he" or "she" may go on to be.
_UNNAMED_SPOKESPERSON = re.compile(
    r"\b(?:[Aa]n?|[Tt]he\s+[a-z]+['\u2019]s)\s+(?:[A-Z][\w'\u2019-]*\s+)*spokes(person|man|woman)"
    r"\b(?!,\s+[A-Z])"
)
_PRONOUN_OF = {"man": "he", "woman": "she", "person": "either"}


def named(sentence, found, context):
    """The claimant the speaker found in the sentence stands for; the context learns it."""
    claimant = _resolve(found, context, sentence) if found else None
    pronoun = found[1] if found and found[0] == "he" else None
    follows = pronoun and context.spokesperson in ("either", pronoun)
    if follows:
        claimant = context.last  # the spokesman's "He added" is the organisation's still
    context.learn(sentence, claimant)
    context.paper_spoke = bool(found and found[0] == "document" and claimant)
    unnamed = _UNNAMED_SPOKESPERSON.search(sentence)
    if unnamed and claimant:
        # "A spokesperson for Ana Lind said ... the spokesperson added": for her still
        context.represented = claimant
    if unnamed and claimant and claimant not in context.people:
        context.spokesperson = _PRONOUN_OF[unnamed.group(1)]
    elif not follows:
        context.spokesperson = None
    return claimant


def _resolve(found, context, sentence):
    """The claimant a speaker stands for, given what the text has named so far."""
    kind, value = found
    return _RESOLVERS.get(kind, _name_resolved)(value, context, sentence)


def _it_resolved(_, context, sentence):
    if context.paper_spoke:  # "The report, published on Friday, ... It found": its maker's
        return context.last
    return _opening_organisation(sentence, None, context) or context.last_organisation()


def _document_resolved(value, context, _):
    return None if value in papers.OWN_PARTS else context.publisher(value)


def _kind_resolved(value, context, sentence):
    """ "a university spokesman", "figures the university released": that organisation."""
    here = _opening_organisation(sentence, value, context) or _named_here(sentence, value)
    return here or context.organisation(value, _COMPANY)


# "a screening in Los Angeles": a place, not a person, whatever its two words.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|outside)\s+$")


# What may stand before the person a sentence opens with: nothing, "The", or an appositive's
# noun ("His daughter, Ana Lind, 26, joined ... which she said"): she is the one just named.
# Not "Her grandfather, Tom Lind, opened it, she said": "her" is she, who speaks of him.
_OPENS_WITH_PERSON = re.compile(
    r"(?:The|(?:(?:The|His|Her|Their|Its)\s+)?(?:[a-z-]+\s+){0,2}[a-z-]+,)?"
)
_POSSESSIVE_OF = {"he": "His", "she": "Her"}


# "He replied that ...": the one just asked answers.
_REPLIED = re.compile(r"^(?:He|She)\s+(?:replied|answered|responded)\b")


def _he_resolved(pronoun, context, sentence):
    """ "he"/"she": the one just asked when "he replied", the person opening the sentence and
    the only one named before the pronoun ("Director Ana Lind spoke in May, where she said
    ..."), else the last spoken of."""
    asked = context.asked
    # only one the text has given that pronoun ("Mr Quarrie"; not "She replied" after "asked Tom")
    if asked and _REPLIED.match(sentence) and context.pronouns.get(asked) == pronoun.lower():
        return asked
    said = re.search(rf"\b{pronoun}\b", sentence, re.IGNORECASE)
    opening = sentence[: said.start()] if said else ""
    before = [
        (start, name)
        for start, name in names.found(opening)
        if names.is_person(name) and not _PLACE_BEFORE.search(opening[:start])
    ]
    opening_words = sentence[: before[0][0]].strip() if len(before) == 1 else "-"
    speakers_own = opening_words.startswith(f"{_POSSESSIVE_OF.get(pronoun.lower())} ")
    if _OPENS_WITH_PERSON.fullmatch(opening_words) and not speakers_own:
        person = context.full(names.without_title(before[0][1]))
        if " " in person and context.pronouns.setdefault(person, pronoun) == pronoun:
            return person
    return context.person(pronoun)


def _they_resolved(_, context, __):
    """ "they said": the organisation that spoke last, or the person who spoke last with
    others ("Ana Lind and her colleagues"); nobody after people unnamed."""
    if context.last in context.organisations or context.last == context.leading:
        return context.last
    return None


def _leading_resolved(value, context, sentence):
    """ "Ana Lind and her colleagues recommend": she speaks for them all, and "they" go on."""
    context.leading = _name_resolved(value, context, sentence)
    return context.leading


def _name_resolved(value, context, sentence=""):
    """A name in full ("Okafor" -> "Daniel Okafor"), titles off; "Teachers said": a plural
    noun capitalised only because it opens the sentence, never inside one, names nobody."""
    # not "But the X Group"; "Carmaker X" opening the sentence is X
    opening = sentence.startswith(value)
    value = names.opened(value.rstrip("."), opening) or value
    value = re.sub(r"(?<=s)['\u2019]$", "", value)  # "Insurers' fears": the plural's mark
    value = re.sub(r"(?<=\w)['\u2019]s$", "", value)  # "Kell's board rejected": Kell's
    if value.lower() in names.TITLES and value not in context.capitalised:
        # "Counsel said": a title opening the sentence, capitalised only there, is "the
        # counsel" ("Judge said" is never a name the text writes mid-sentence)
        return _the_resolved(value.lower(), context, sentence)
    if names.only_titles(value):  # "The Prime Minister said": whoever the text gave it
        return context.titles.get(value.split()[-1].lower())
    office = names.office(value)
    if office:  # "The Minister for Fisheries said": likewise
        return context.titles.get(office)
    before = sentence[: max(sentence.find(value), 0)]
    if value.lower() in names.PARTY_MEMBERS and re.search(r"\b[Tt]he\s+$", before):
        # "the Democrat said": the party's member last speaking or spoken of, not a name
        return context.recent[-1] if context.recent else None
    name = value if names.given_name_after_title(value, before) else context.titled(value)
    # "The Rail, Maritime and General Union (RMGU) said": the whole name, commas and all
    name = next((whole for whole in organisations.listed(sentence) if whole.endswith(name)), name)
    if name.endswith("s") and " " not in name and name not in context.capitalised:
        # "Inspectors found": unless the staff of a body named before ("the Inspectorate")
        return context.staffed_by(name.lower())
    return name


# "the council's spokeswoman", "the institute's researchers": the one they speak for;
# "the tribunal's three-member panel": the body its panel decides for; "the club's press
# office": the body it speaks for.
_ITS_SPOKESPERSON = re.compile(
    rf"([a-z]+)['\u2019]s\s+(?:spokes(?:person|man|woman)|press\s+office|{organisations.MEMBERS}|"
    rf"{organisations.SPOKESPEOPLE}|(?:[\w-]+\s+){{0,2}}(?:panel|judges|bench))"
)
# "the mayor's office", "the minister's aides": the one the text gave the title.
_TITLE_OFFICE = re.compile(r"([a-z]+)['\u2019]s\s+(?:office|aides?|campaign)")


def _holder(value, context):
    office = _TITLE_OFFICE.fullmatch(value)
    return context.titles.get(office.group(1)) if office else None


def _the_resolved(value, context, sentence):
    """ "the mayor": the person of that title; "the agency", "the panel": the organisation
    the sentence opens with or last named that the noun describes; else the phrase."""
    value = organisations.SAME_AS.get(value, value)  # "the local authority": the council
    noun = value.split()[-1]
    spoken_for = _ITS_SPOKESPERSON.fullmatch(value)
    if spoken_for:  # "the council's spokeswoman said": the council
        return _the_resolved(spoken_for.group(1), context, sentence)
    # "the mayor": the person of that title; "the haulier": "Kemp Logistics, a haulier,"
    known = context.titles.get(noun) or context.described.get(value)
    if known:
        return known
    if value in organisations.PEOPLE:
        return _person_called(value, context)
    made = _makers_of(value, context)
    if made or value in _AUTHORS:
        return made
    if noun in names.TITLES and re.search(r"['\u2019]s\b", value):
        # "the company's chief executive told": whoever holds the title, if the text said
        # (but "the county's finance office said" is the office)
        return None
    if " " in value:
        # "the sheriff's office said": the Tolan County Sheriff's Office named before
        found = context.ending(value) or _holder(value, context) or _described(value, context)
        # "Grell, the app maker, ... the app maker said": what the text called so; "the
        # family business": the business named before
        found = found or context.called.get(noun) or _business(noun, context, sentence)
        # "the government's own advisers", "the returning officer": people the text does
        # not name (but "the county's finance office" is the office)
        unnamed = (_WHOSE.search(value) and _people_plural(noun)) or noun in names.TITLES
        return found or (None if unnamed else value)
    return _noun_resolved(value, context, sentence)


def _noun_resolved(noun, context, sentence):
    """ "the prosecutor said", "the officer added" with nobody so titled: the one speaking,
    whom news writing calls by her role as it does by her surname; "the airline said": the
    organisation the noun stands for."""
    if noun in names.TITLES:
        return _person_called(noun, context)
    return _organisation_called(noun, context, sentence)


_WHOSE = re.compile(r"['\u2019]s\b")


def _makers_of(plural, context):
    """ "the auditors" after "an audit by Kell Audit Partners": those who made the paper
    their name is made from ("audit", "survey", "inspection"), or None; "the researchers
    found": the body whose researchers they are, if the text said."""
    if plural in _AUTHORS:
        return context.publisher(plural)
    if not plural.endswith(("ors", "ers", "ists")):
        return None
    for paper, maker in context.documents.items():
        if len(paper) >= 4 and plural.startswith(paper):
            return maker
    return None


def _people_plural(noun):
    """ "advisers", "economists", "officials": people in the plural."""
    return noun in ANONYMOUS or noun.endswith(("ers", "ors", "ists"))


def _business(noun, context, sentence):
    """The business "the <words> <noun>" refers to, when the noun is a business's."""
    if noun not in _COMPANY:
        return None
    found = _organisation_called(noun, context, sentence)
    return None if found == noun else found


def _person_called(noun, context):
    """ "the person said": a source the text does not name; "the pensioner said": the
    person who spoke last."""
    if noun in organisations.SOURCES:
        return None
    return context.last if context.last in context.people else None


def _described(phrase, context):
    """ "the energy supplier", "the hospital trust": the organisation last named whose name
    holds a word of the phrase (not "state", "city": "the state labor department" is no
    State Bureau), or None."""
    if re.search(r"['\u2019]", phrase):
        return None
    return context.containing(set(phrase.split()) - _JURISDICTIONS, phrase.split()[-1])


_JURISDICTIONS = organisations.JURISDICTIONS


def _state_body(value, context):
    """ "Peru's culture ministry": itself, which "the ministry" then stands for."""
    context.call(value.split()[-1], value)
    return value


_RESOLVERS = {
    "anonymous": lambda *_: None,
    "he": _he_resolved,
    "they": _they_resolved,
    "leading": _leading_resolved,
    "aged": lambda _, context, __: context.recent[-1] if context.recent else None,
    "it": _it_resolved,
    "document": _document_resolved,
    # "the Icelandic ministry": the ministry of that country
    "country": lambda value, context, _: context.of_place(value.split()[0], value.split()[-1]),
    "kind": _kind_resolved,
    "body": lambda value, context, _: _state_body(value, context),
    # "the spokesperson added": whom an unnamed spokesperson spoke for last
    "spokesperson": lambda _, context, sentence: (
        context.represented or _it_resolved(None, context, sentence)
    ),
    "the": lambda value, context, sentence: _the_resolved(value, context, sentence),
}


def _organisation_called(noun, context, sentence):
    """The organisation "the <noun>" refers to, else the noun."""
    found = _opening_organisation(sentence, noun, context) or _named_here(sentence, noun)
    found = found or context.organisation(noun, _COMPANY)
    if found is None and noun not in _NOT_ORGANISATIONS:
        # "Avonvale Zoo ... the zoo said": a name ending in the noun, whatever else it seemed
        found = context.headed(noun)
    if found is None and noun not in _NOT_ORGANISATIONS:
        # "Skerry Air ... Nobody was hurt, the airline said": the organisation last named
        # that no head word types, or (the noun being an organisation's, as "the airline",
        # "the company" are) any name the text never showed is a person's.
        found = context.latest(noun in _ORGANISATION_NOUNS - organisations.PUBLIC)
    if found is None and noun in _COMPANY:
        found = context.unproven()
    if found is None and noun in _ORGANISATION_NOUNS - _SELF_NAMED:
        found = context.any_body(sentence)
    # "the federal forestry department ... the department said": the body the text
    # called so in lower case, having no name for it
    found = found or context.unnamed.get(noun)
    if found:
        context.call(noun, found)
    return found or noun


# Bodies that "the <noun>" names whole: "the government said" is the government's.
_SELF_NAMED = words("government")


# Nouns "the <noun> said" never calls an organisation by: people, reporters, papers, and a
# public body's kind ("the council"), which only a name of that kind can be.
_NOT_ORGANISATIONS = (
    names.TITLES
    | ANONYMOUS
    | _MEDIA
    | _AUTHORS
    | organisations.PEOPLE
    | papers.DOCUMENTS
    | frozenset().union(*names.KINDS)
)


def _named_here(sentence, noun):
    """ "Doctors at Kell Hospital treated 40, the hospital said": an organisation the
    sentence itself names that the noun describes."""
    for start, name in names.found(sentence):
        # "Fenwick Bank" may be a surname's name, but not when "the lender" describes it
        head = name.split()[-1].lower() in names.ORGANISATION_HEADS
        organisation = " " in name and (head or names.organisational(name, sentence[:start]))
        if organisation and names.describes(noun, name, _COMPANY):
            return names.bare(name)
    return None
