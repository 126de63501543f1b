"""What an article's sentences have named so far, for factcheck/attribution.py to resolve a
surname ("Okafor"), a pronoun ("she said"), a title ("the mayor said"), "it" and "the company"
against: the people (first named first), their titles, the organisations (last named last),
the people last speaking or spoken of (and "he" or "she" where the text has told) and the
last claimant. Which of its organisations a bare noun stands for ("the agency") is
factcheck/body_lookups.py's.
"""

import re

from factcheck import described, held_titles, names, organisations, papers, short_forms
from factcheck.body_lookups import BodyLookups

# "Members of the Kell Workers' Union": those who belong to it are no name of it.
_BELONGING = re.compile(r"^(?:Members|Supporters|Staff|Leaders|Officials)\s+of\s+(?:the\s+)?")
# "Brightwell Home is recalling 9,000 of its heaters": "its" refers back to an organisation,
# with no other name between.
# (Not "Eira Vale said the river burst its banks": another thing named between.)
_ITS_AFTER = re.compile(r"(?:(?!\b(?:the|a|an)\s)[^A-Z.;:\"\u201c]){0,60}?\bits\b")


# A personal pronoun: the person speaking in its sentence is shown to be one.
_PERSONAL = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im)\b")


# "asked Mr Quarrie whether", "asked Ana Lind if": the one asked, named.
_ASKED = re.compile(rf"\basked\s+({names.NAME})\s+(?:whether|if|why|how|what|when|about)\b")


class Mentions(BodyLookups):
    def __init__(self, capitalised=(), single=()):
        # Words the text capitalises inside a sentence: names, not sentence openers.
        self.capitalised = frozenset(capitalised)
        # Words the text names someone by alone ("Grant said"): a name of two words ending
        # in one is a person's, whom news writing calls by the surname.
        self.single = frozenset(single)
        self.people, self.organisations, self.titles = [], [], {}
        self.recent, self.pronouns = [], {}  # people spoken or written of, last last
        self.last = None
        # Single words named alone before anyone longer shares them ("Brightwarm" before
        # "the Brightwarm Cozy 1500"): they stay themselves.
        self.alone = set()
        # "In a statement, X said ..." then "the statement said": whose document it is.
        self.documents = {}
        # The organisations that have said or published something (and the people who made
        # a paper), last last.
        self.publishers = []
        # What the text has called an organisation ("the developer", "the club") and the
        # names it has shown are organisations' though no head word says so.
        self.called, self.known = {}, set()
        # Whom the text described by a noun ("X, a Bristol haulier,", "the haulier").
        self.described = {}
        # The pronoun of an unnamed spokesperson who spoke last for an organisation ("A
        # spokesman for X said ... He added ..."), "either" when none tells; else None.
        self.spokesperson = None
        # The organisation an unnamed spokesperson last spoke for: "the spokesperson added".
        self.represented = None
        # Whether the last claimant spoke through a paper ("The report found"): "It found"
        # after it is the same paper's.
        self.paper_spoke = False
        # The person who last spoke for others with her ("Ana Lind and her colleagues"), whom
        # "they said" goes on with.
        self.leading = None
        # Whom the last sentence's speaker asked ("X asked Mr Quarrie whether ..."): the "he"
        # who "replied" in the next.
        self.asked = None
        # Every name in the order the text last spoke of it; those the grammar around them
        # shows are people's ("X, 29,") or places' ("in North America").
        self.order, self.shown_people, self.places = [], set(), set()
        # Bodies the text first called in lower case ("the federal forestry department"),
        # by the noun of their kind: what "the department said" is when no name fits.
        self.unnamed = {}

    def full(self, name, pronoun=None):
        """A surname or first name alone is the person (or organisation) named in full
        before ("Okafor" -> "Daniel Okafor", "Brightwell" -> "Brightwell Energy"); the
        first person so named, as news writing names later ones in full, passing over one
        the text gave the other pronoun ("Ms Asante" is not the "Mr Asante" before)."""
        if " " in name:
            return short_forms.longer(name, self.people, self.organisations)
        # "Kell" after "the maker, Kell Mobility," and "a Kell Cruiser battery": the body the
        # text showed is one, not a name it only guessed a person's by its first word
        body = any(o.split()[0] == name for o in self.known)
        for person in self.people:
            # "Ruiz" is "Josefa Ruiz Carmona": a surname of two words is called by either
            mismatch = pronoun and self.pronouns.get(person, pronoun) != pronoun
            first = body and person.split()[0] == name and not self.known_person(person)
            # ("Bakri" is "Omar al-Bakri": his surname without its article)
            called = name in person.split() or ("-" in person and name in names.name_words(person))
            if called and not mismatch and not first:
                return person
        if name in self.alone:
            return name
        found = [
            organisation  # "Brightwell", "CPS" for "Crown Prosecution Service"
            for organisation in reversed(self.organisations)
            if organisation.split()[0] == name or short_forms.abbreviates(name, organisation)
        ]
        # "the maker, Kell Mobility," before "a Kell Cruiser battery": the one the text showed
        # is an organisation, not a product named after it
        return next((o for o in found if o in self.known), found[0] if found else name)

    def unproven(self):
        """The name last spoken of that the text never showed is a person's (no pronoun
        nor title for it) and named in two words or more, or None."""
        for name in reversed(self.recent):
            if " " in name and not self.known_person(name):
                return name
        return None

    def call(self, noun, organisation):
        """The text called the organisation by the noun ("the club said"): it is one."""
        self.called[noun] = organisation
        self._is_organisation(organisation)

    def _is_organisation(self, name):
        if name in self.people:
            self.people.remove(name)
            self.recent = [p for p in self.recent if p != name]
        if name not in self.organisations:
            self.organisations.append(name)
        self.known.add(name)

    def known_person(self, name):
        """Whether the text has shown the name is a person's: a pronoun, a title or an age
        for it, or "who" after it."""
        return name in self.pronouns or name in self.titles.values() or name in self.shown_people

    def _unproven_person(self, name):
        """A name of three words or more the text never showed is a person's."""
        return (
            name is not None
            and len(name.split()) >= 3
            and not self.known_person(name)
            and name.split()[-1] not in self.single
        )

    def latest(self, any_name):
        """The organisation last spoken of that no head word types ("Skerry Air", "Larkspur
        Pictures"), for "the airline said" when no name fits the noun better: one the text
        showed is an organisation, or (any_name) a name of two words or more it never showed
        is a person's or a place's. None when there is none."""
        for name in reversed(self.order):
            if name in self.places or self.known_person(name) or names.place(name):
                continue
            typed = names.organisational(name)
            if name in self.known and not typed:
                return name
            surname = name.split()[-1] in self.single
            if any_name and not typed and " " in name and name in self.people and not surname:
                return name
        return None

    def publisher(self, document):
        """Whose "the filings", "the figures", "the study" are: the one the text said made
        one (in a statement ... the statement said), else the organisation that last said or
        published something, else the one last named."""
        singular = document.lower().removesuffix("s")
        if singular in self.documents or document in self.documents:
            return self.documents.get(singular) or self.documents[document]
        # a person made only papers of findings ("the report"), never "the ruling"
        makers = [m for m in self.publishers if singular in papers.FINDINGS or m not in self.people]
        if makers:
            return makers[-1]
        return self._speakable()[-1] if self._speakable() else None

    def _speakable(self):
        return [name for name in self.organisations if not names.place(name)]

    def last_organisation(self):
        """What "it said" refers to: the last claimant if not a person ("The district said
        ... It said ..."), else the organisation last named, else the name last spoken of
        that the text never showed is a person's."""
        if self.last and self.last not in self.people:
            return self.last
        # "Warm Homes Action said ... It said": three capitalised words guessed a person's,
        # never called so (no pronoun, title, age nor surname alone), are what "it" is
        if self._unproven_person(self.last):
            self._is_organisation(self.last)
            return self.last
        speakable = self._speakable()
        if speakable:
            return speakable[-1]
        # "Nova Farms bought land. It said ...": no head word tells "Nova Farms" is no
        # person's name, but "it" does, if the text has given it no pronoun nor title.
        unproven = [name for name in self.recent if not self.known_person(name)]
        if unproven:
            self._is_organisation(unproven[-1])
            return unproven[-1]
        return None

    def learn(self, sentence, claimant):
        """Remember the sentence's names; its speaker, else its first person, is the focus."""
        self._read(sentence)
        subject = self._names(sentence)
        self._organisations(sentence)
        if subject in self.known:
            subject = None
        if claimant:
            self._speaker(sentence, claimant)
        if claimant in self.people:
            subject = claimant
            if _PERSONAL.search(sentence):  # "Ana Maria Lopez said she walked": a person
                self.shown_people.add(claimant)
        if subject:
            self.recent = [p for p in self.recent if p != subject] + [subject]
        self.last = claimant
        asked = _ASKED.search(sentence) if claimant in self.people else None
        self.asked = self.titled(asked.group(1)) if asked else None
        told = names.PRONOUN_OF_TITLE.get(asked.group(1).split()[0].lower()) if asked else None
        if told:  # "Mr Quarrie": he
            self.pronouns.setdefault(self.asked, told)

    def _organisations(self, sentence):
        """Remember what the sentence shows are organisations: "The developer, X,", "the
        utility X said", "X, the San Jose-based maker,", "the chief executive of X"."""
        found, whose, headed = described.nouns(sentence)
        for noun, body in described.parts(sentence):
            # "Kell's board": the Kell Bakeries named before
            self.call(noun, self.full(body) if " " not in body else body)
        for name in headed:
            self._is_organisation(names.bare(name))
        for noun, name in found:
            # "Ana Lind, a union organiser," is a person's name, as the text calls her by its
            # last word alone ("Lind said"); an organisation goes by its first
            surname = " " in name and name.split()[-1] in self.single
            business = not (self.known_person(name) or name in whose or surname)
            if noun in names.COMPANIES and business:
                self.call(noun, names.bare(name))
            else:  # "Tom Fox, a keen gardener,": "the gardener said" is he
                self.described[noun] = self.full(names.without_title(names.bare(name)))

    def _read(self, sentence):
        """Remember what the grammar around the sentence's names shows they are."""
        found, people, places = organisations.read(sentence)
        for name, noun in found.items():
            # "Kell, based in Leeds,": the Kell Home Appliances named before
            name = self.full(name) if " " not in name else name
            if noun and noun in names.COMPANIES and not self.known_person(name):
                self.call(noun, name)
            elif not self.known_person(name):
                self._is_organisation(name)
        self.shown_people |= people
        self.places |= {name for name in places if name not in self.known}
        for noun, phrase in organisations.unnamed_bodies(sentence):
            self.unnamed.setdefault(noun, phrase)

    def _speaker(self, sentence, claimant):
        """Remember the documents the claimant made and whether it is an organisation."""
        cited = papers.PAPER_NAMED.findall(sentence)
        for document in cited:
            self.documents[document.lower()] = claimant
        if claimant in self.people:
            # "An inquiry led by Ana Lind found ... The report examined": hers (not "said in
            # a statement": a way of saying, not a paper she made)
            if {document.lower() for document in cited} & papers.FINDINGS:
                self.publishers.append(claimant)
            return
        if not names.place(claimant):
            self.publishers.append(claimant)
        if claimant not in self.organisations:
            # a one-word claimant no person is an organisation ("Acme said"; "the company")
            self.organisations.append(claimant)

    def person(self, pronoun):
        """Who "he" or "she" is: the person last speaking or spoken of, passing over one
        the text has called by the other pronoun (or a title of the other sex)."""
        for person in reversed(self.recent):
            if self.pronouns.get(person, pronoun) == pronoun:
                self.pronouns[person] = pronoun
                return person
        return None

    def _names(self, sentence):
        """Record the sentence's names; the first person, or None."""
        subject = None
        for start, name in names.found(sentence):
            if " " in name and _ITS_AFTER.match(sentence, start + len(name)):
                self._is_organisation(name)
                self.order.append(name)
                continue
            for part in self._parts(name):
                person = self._mention(part, sentence[:start])
                self.order.append(person or names.bare(part))
                if person:
                    self._titles(person, part, sentence, start)
                subject = subject or person
        return subject

    @staticmethod
    def _parts(name):
        """The people and organisations one name holds: "A and B", "A of the B"."""
        return names.person_of(name) or names.split_people(name)

    def titled(self, name):
        """The person or organisation a name stands for, its titles off: "Ms Asante" the
        Asante of that pronoun."""
        pronoun = names.PRONOUN_OF_TITLE.get(name.split()[0].lower().rstrip("."))
        return self.full(names.without_title(name), pronoun if " " in name else None)

    def _mention(self, name, before):
        """Record one name; the person it names, or None."""
        name = _BELONGING.sub("", name)
        whole = names.given_name_after_title(name, before)
        person = name if whole else names.without_title(name)
        if " " not in person:
            full = self.titled(name)
            if full == person:
                self.alone.add(person)
            return full if full in self.people else None
        # "the Civic Party's Ray Obi": a person, whose party the words before name
        whose = re.search(r"['\u2019]s\s", name)
        person_named = names.is_person(name, before) or bool(whose and names.is_person(person))
        # "Revenue and Health Minister Ana Lind": titles joined by "and" before her, and the
        # text calls her by her surname alone ("Lind said") or a title stands right before her
        titled = person != name and (
            person.split()[-1] in self.single or names.is_title(name[: -len(person)].split()[-1])
        )
        person_named = person_named or (titled and names.is_person(person))
        if person_named and name not in self.known:
            if person not in self.people:
                self.people.append(person)
            return person
        self.organisations.append(names.bare(name))
        return None

    def _titles(self, person, name, sentence, start):
        """Remember the titles the sentence gives the person (factcheck/held_titles.py)."""
        held = held_titles.given(name, sentence, start)
        for title in held.shortened:
            self.titles.setdefault(title, person)
        for title in held.titles:
            self.titles[title] = person
        if held.pronoun:
            self.pronouns[person] = held.pronoun
