"""Which organisation the text has named a bare noun stands for, for factcheck/mentions.py's
Mentions: "the company" the business that spoke last, "the institute" the X Institute,
"Inspectors found" the Inspectorate, "the zoo" the name ending in it, "the sheriff's office"
the name ending so, "the Icelandic ministry" Iceland's. Read from the names Mentions records
(its organisations, the names it has called by a noun, the last claimant).
"""

from factcheck import names

# Heads of bodies that are no business: of members, public bodies, schools, police forces
# ("the company said" is never the Kell Space Agency), and places ("the Kell Road").
_NOT_BUSINESS_HEADS = (
    names.NOT_BUSINESSES | frozenset().union(*names.KINDS) | names.PLACE_HEADS
) - {"group"}


def _no_business(organisation):
    return organisation.split()[-1].lower() in _NOT_BUSINESS_HEADS


class BodyLookups:
    """The lookups of organisations by noun; Mentions holds the names they read."""

    def organisation(self, noun, companies):
        """The organisation a bare noun refers to ("the company", "the ministry", "the
        agency" for a commission): the one the text called so before, else the last claimant
        if it is one, else the last named of that kind; never a place."""
        if noun in self.called:
            return self.called[noun]
        # "A spokesperson for Tarn Homes said ... The company said": the body that spoke
        # last, shown to be one, when no head word tells it is of another kind
        last = self.last
        if noun in companies and last in self.known and not names.organisational(last):
            return last
        found = self._speakable()[::-1]
        if self.last in self.organisations:
            found.insert(0, self.last)
        # "the institute": one named so ("Kell Institute") before another of its kind ("Hale
        # University"); "the bank": a name the noun describes ("Kell Mutual Bank") before any
        # organisation merely known to be one
        named = [o for o in found if noun in o.lower().split()]
        fitting = [o for o in found if names.describes(noun, o, companies)]
        if named or fitting:
            return (named or fitting)[0]
        for organisation in found:
            known = organisation in self.known
            if known and noun in companies and not _no_business(organisation):
                return organisation
        return self._untyped_speaker()

    def _untyped_speaker(self):
        """ "Figures from Kell Statistics show ... The agency's figures also show": the body
        that spoke last, when no head word of its name says what kind it is; or None."""
        last = self.last
        body = last in self.organisations or self._unproven_person(last)
        if body and not names.organisational(last):
            self._is_organisation(last)
            return last
        return None

    def any_body(self, sentence):
        """ "Calls to Kell Scotland's helpline doubled, the charity said": when no body the
        noun can describe is named, the first body of two words or more the sentence itself
        names that no head word types and the text never showed is a person; or None."""
        found = [
            name
            for _, name in names.found(sentence)
            if " " in name
            and not names.organisational(name)
            and not names.place(name)
            and not self.known_person(name)
            and not names.titled(name)
        ]
        return found[0] if found else None

    def staffed_by(self, plural):
        """The organisation last named that people of the plural noun work for: a word of
        its name shares their stem ("inspectors": "Kell Inspectorate", "auditors": "Audit
        Board"), but is not the noun itself ("teachers" are no "Teachers' Union"); or None."""
        for organisation in reversed(self._speakable()):
            for word in organisation.lower().split():
                word = names.without_possessive(word)
                shared = names.shared(word, plural)
                stem = shared >= 8 or (shared >= 5 and shared == len(word))
                if stem and word not in (plural, plural[:-1]):
                    return organisation
        return None

    def headed(self, noun):
        """The name last spoken of whose last word is the noun ("the zoo": "Avonvale Zoo"),
        now known to be an organisation's; or None."""
        for name in reversed(self.order):
            if " " in name and name.split()[-1].lower() == noun and not names.place(name):
                self._is_organisation(name)
                return name
        return None

    def ending(self, phrase):
        """The organisation last named whose name ends with the phrase ("the sheriff's
        office" -> "Tolan County Sheriff's Office"), or None."""
        phrase = phrase.lower().replace("\u2019", "'")
        for organisation in reversed(self.organisations):
            name = organisation.lower().replace("\u2019", "'")
            if name != phrase and name.endswith(" " + phrase):
                return organisation
        return None

    def containing(self, found, head):
        """The organisation last named whose name holds one of the words (in the singular or
        plural) and that the head noun can describe, or None."""
        found = {word.lower().rstrip("s") for word in found}
        for organisation in reversed(self._speakable()):
            if found & {token.rstrip("s") for token in organisation.lower().split()}:
                return (
                    organisation if names.describes(head, organisation, names.COMPANIES) else None
                )
        return None

    def of_place(self, adjective, noun):
        """The organisation last named that the noun can describe and whose name holds the
        place the adjective is of ("the Icelandic ministry": "Iceland's Ministry of Marine
        Resources"), or None: another country's is not it."""
        for organisation in reversed(self._speakable()):
            if names.of_place(adjective, organisation) and names.describes(
                noun, organisation, names.COMPANIES
            ):
                return organisation
        return None
