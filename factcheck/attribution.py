"""Who a sentence attributes its claim to: "X said", "said X", "X, the mayor, said",
"according to X", "he/she said" (the nearest person named before), and a sentence that is
all quotation given to whoever spoke next to it. None when nobody is named.
"""

import re

VERBS = (
    r"said|says|told|claimed|claims|announced|announces|tweeted|wrote|stated|noted|"
    r"reported|added|warned|argued|insisted|promised|explained|confirmed|testified"
)
ATTRIBUTION = re.compile(rf"\b(?:{VERBS}|according to)\b", re.IGNORECASE)
_VERB = re.compile(rf"\b(?:{VERBS})\b|\b(?i:according to)\b")
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\s")
# A name: capitalised words, initials and abbreviated titles, joined by "of", "for", "de".
_TOKEN = r"(?:[A-Z][\w'\u2019-]*\.?|[A-Z]\.)"
_NAME = rf"{_TOKEN}(?:\s+(?:(?:of|for|de|van|von|the)\s+)?{_TOKEN})*"
_NAME_AFTER = re.compile(rf"\s*(?:the\s+)?(?:[a-z]+\s+)?({_NAME})")
# "according to the city's finance office": an organisation named in lower case, up to the
# clause's end.
_THE_AFTER = re.compile(r"\s*the\s+([a-z][\w'\u2019]*(?:\s+[a-z][\w'\u2019]*){0,3})\s*[,.;]")
_NAME_BEFORE = re.compile(rf"({_NAME})\s*$")
# "the finance office said": a body named in lower case right before the verb; not when a
# preposition governs it ("Critics on the council argued": the critics speak, unnamed).
_THE_BEFORE = re.compile(r"(?<!\w)(?:(\w+)\s+)?the((?:\s+[a-z]+){1,3})\s*$", re.IGNORECASE)
_PREPOSITIONS = """about above across against among around at behind below beneath beside
    between beyond by for from in inside into near of off on onto outside over through to
    toward towards under within without with"""
PREPOSITIONS = frozenset(_PREPOSITIONS.split())
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s*$", re.IGNORECASE)
_ADVERB_BEFORE = re.compile(r"\s+(?:today|yesterday|also|later|previously|recently|then)\s*$")
_APPOSITIVE = re.compile(r",[^,]{1,80},\s*$")
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "professor",
        "senator",
        "sen",
        "governor",
        "gov",
        "mayor",
        "minister",
        "secretary",
        "president",
        "chief",
        "councillor",
        "councilman",
        "councilwoman",
        "judge",
        "representative",
        "rep",
        "commissioner",
        "director",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "sir",
        "dame",
    ]
)
# Capitalised words that open a sentence without naming anyone ("So said Ana Lind").
NOT_NAMES = frozenset(
    ["So", "Then", "But", "And", "It", "This", "That", "There", "They", "We", "I", "Also", "Yet"]
)
QUOTES = "\"\u201c\u201d'\u2018\u2019"
# "said councillor Tom Reyes": a name after the verb, perhaps behind a lower-case title.
_NAME_AFTER_VERB = re.compile(rf"\s+(?:(?:{'|'.join(sorted(TITLES))})\s+)?({_NAME})")


def without_title(name):
    """The name without the titles before it ("Finance Minister Laura Bishop" -> "Laura
    Bishop"); kept whole when nothing would be left."""
    words = name.split()
    last = max(
        (i for i, word in enumerate(words) if word.rstrip(".").lower() in TITLES), default=-1
    )
    return " ".join(words[last + 1 :]) if 0 <= last < len(words) - 1 else name


def _before(prefix):
    """The speaker named just before an attribution verb, or "he"/"she"."""
    prefix = _ADVERB_BEFORE.sub("", prefix)
    appositive = _APPOSITIVE.search(prefix)
    if appositive:
        # "The mayor, Jane Porter, said": the name set off by commas is the speaker;
        # "Ana Lind, the governor, said": the one before it is.
        inside = prefix[appositive.start() + 1 :].strip(" ,")
        if re.fullmatch(_NAME, inside) and inside not in NOT_NAMES:
            return inside
        prefix = prefix[: appositive.start()]
    if _PRONOUN_BEFORE.search(prefix):
        return "PRONOUN"
    match = _NAME_BEFORE.search(prefix)
    if match and match.group(1) not in NOT_NAMES:
        return match.group(1)
    the = _THE_BEFORE.search(prefix)
    if the is None or (the.group(1) or "").lower() in PREPOSITIONS:
        return None
    return the.group(2).strip()


def _speaker(sentence):
    for verb in _VERB.finditer(sentence):
        if verb.group(0).lower() == "according to":
            after = _NAME_AFTER.match(sentence, verb.end())
            after = after or _THE_AFTER.match(sentence, verb.end())
            return after.group(1) if after else None
        named = _before(sentence[: verb.start()])
        if named:
            return named
        after = _NAME_AFTER_VERB.match(sentence, verb.end())
        if after:
            return after.group(1)
    return None


def _full(name, known):
    """A surname alone is the person named in full before ("Okafor" -> "Paul Okafor")."""
    if " " in name:
        return name
    for earlier in reversed(known):
        if earlier.split()[-1] == name or earlier.split()[0] == name:
            return earlier
    return name


def _all_quote(sentence):
    return sentence[:1] in QUOTES and sentence.rstrip(".!?")[-1:] in QUOTES


def _names(sentence):
    """People and organisations named in full (two words or more), titles removed."""
    for match in re.finditer(_NAME, sentence):
        name = without_title(match.group(0).rstrip("."))
        if " " in name:
            yield name


def _named(sentence, known):
    """The sentence's own claimant, pronouns resolved against the names known so far."""
    name = _speaker(sentence)
    if name is None and _PRONOUN_SUBJECT.match(sentence):
        name = "PRONOUN"  # "He expects ...": the person just named is still speaking
    if name == "PRONOUN":
        return known[-1] if known else None
    if name:
        name = _full(without_title(name.rstrip(".")), known)
        known.append(name)
    return name


def claimants(sentences):
    """The claimant of each sentence (a list of str or None), in order."""
    found, known = [], []
    for sentence in sentences:
        found.append(_named(sentence, known))
        known.extend(_names(sentence))
    return _quotes_to_speakers(sentences, found)


def _quotes_to_speakers(sentences, found):
    """A sentence that is all quotation, naming nobody, is its neighbour's speaker's."""
    for i, sentence in enumerate(sentences):
        if found[i] is None and _all_quote(sentence):
            if i + 1 < len(sentences) and found[i + 1]:
                found[i] = found[i + 1]
            elif i > 0 and found[i - 1] and any(q in sentences[i - 1] for q in QUOTES):
                found[i] = found[i - 1]
    return found
