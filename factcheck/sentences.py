"""Sentences of a text, as exact code-point spans of it.

A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) when white
space follows and the next sentence starts as one does (a capital, a digit, an opening
quote), and at every line break. Not at a decimal point ("3.5%": no space follows), an
initial ("J. Smith"), a dotted acronym ("U.S."), a known abbreviation ("Dr. Ruiz",
"Jan. 6", "No. 10", "Rs. 40") or a US state in a dateline ("WICHITA, Kan. (AP)"); not after
a quoted question or exclamation that the sentence goes on from ("'Why now?' she asked": a
lower-case word follows; "'Why now?' Ms Lind asked": a name and a speaking verb follow),
nor before a bracketed credit closing its line. Words in brackets opening a sentence, with
a sentence after them ("(Reporting by X; Editing by Y) Correction: ..."), are one of their own.
"""

import re

from factcheck.names import words

# Abbreviations after which a full stop does not end a sentence (titles, months, and the
# usual Latin and business ones), compared lower-case without the dot.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "pres",
        "st",
        "mt",
        "rev",
        "hon",
        "jr",
        "sr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vs",
        "etc",
        "inc",
        "co",
        "corp",
        "ltd",
        "approx",
        "dept",
        "est",
        "e.g",
        "i.e",
        "al",
        "ave",
        "blvd",
    ]
)
# Abbreviations only before a number ("No. 10", "Nos. 3 and 4", "Fig. 2", "Rs. 3,850"):
# "No. We moved" is an answer and a sentence.
NUMBERED = frozenset(["no", "nos", "fig", "rs"])
# US states as datelines write them, after the place and before the agency: "WICHITA, Kan.
# (AP) --". Anywhere else one may end a sentence ("She grew up in Tulsa, Okla. She ...").
STATES = words(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss "
    "Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo"
)
# Words that open sentences and never a name after an initial ("J. In" is no name).
OPENERS = words(
    "The A An In On At But And So Then It He She They We I This That These Those There "
    "Its His Her Their After Before When While As If For By From Meanwhile However"
)
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n")
# A bracket closing its line after a sentence ("... at the ground. (Rovers FC)"): a bare
# credit that belongs to the sentence before. One that says what it is ("(Credit: ...)",
# "(Reporting by ...)") is a line of its own.
_CREDIT = re.compile(r"\((?![^()\n]*(?::|\bby\b))[^()\n]{1,80}\)[ \t]*(?=\n|$)")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
# '"Why now?" Ms Lind asked.': after a quoted question or exclamation, a name (titles and
# all) and a speaking verb go on with the sentence.
# Two capitalised words at least: '"Why not us?" Police said ...' starts a new sentence.
_SPEAKER_FOLLOWS = re.compile(
    rf"(?!(?:{'|'.join(sorted(OPENERS))})\b)(?:[A-Z][\w'\u2019-]*\.?\s+){{2,4}}(?:said|says|asked|asks|added|adds|wrote|writes|"
    r"told|replied|shouted|demanded|wondered|cried|exclaimed|insisted|continued)\b"
)
_OPENING_BRACKET = re.compile(r"(\([^()\n]* [^()\n]*\))[ \t]+")
_STARTS = re.compile(r"[\"'\u201c\u2018(\[]?[\d\w]")


def _abbreviated(text, stop):
    """Whether the full stop at `stop` closes an abbreviation, an initial or an acronym."""
    # Only the word before matters: searching from 0 made long texts quadratic.
    match = _WORD_BEFORE.search(text[max(0, stop - 30) : stop + 1])
    if match is None:
        return False
    word = match.group(1)
    if "." in word:  # U.S., e.g, Ph.D; not a time or an amount ("at 6.52pm.", "N6.4bn.")
        return not any(character.isdigit() for character in word)
    if len(word) == 1 and word.isupper():
        return _initial(text, stop)
    if word.lower() in NUMBERED:
        return text[stop + 1 : stop + 3].lstrip()[:1].isdigit()
    if word in STATES:
        dateline = text[max(0, stop - 30) : stop - len(word)].endswith(", ")
        return dateline and text[stop + 1 : stop + 3].lstrip()[:1] == "("
    return word.lower() in ABBREVIATIONS


def _initial(text, stop):
    """Whether a capital letter and a stop are a name's initial ("J. Smith"), not a one-letter
    word ending a sentence ("a post on X. \"Thanks,\" she wrote", "wrote on X. In an email"):
    an initial is followed by a name, not by a quotation nor a word that opens sentences."""
    rest = text[stop + 1 : stop + 40].lstrip()
    if rest[:1] in ('"', "\u201c", "\u2018"):
        return False
    following = re.match(r"[A-Za-z]+", rest)
    return following is None or following.group(0) not in OPENERS


def _starts_sentence(text, at):
    match = _STARTS.match(text, at)
    if match is None:
        return False
    first = match.group(0)[-1]
    return first.isupper() or first.isdigit() or match.group(0)[0] in "\"'\u201c\u2018(["


def _speaker_follows(text, match, after):
    """Whether a quoted question or exclamation ends at match and its speaker follows."""
    closed = match.group(0)[-1] in "\"\u201d'\u2019" and "." not in match.group(0)
    return closed and _SPEAKER_FOLLOWS.match(text, after) is not None


def _ends(text):
    for match in _END.finditer(text):
        if match.group(0) == "\n":
            yield match.start()
            continue
        after = match.end()
        while after < len(text) and text[after] in " \t":
            after += 1
        if after < len(text) and text[after] != "\n" and not _starts_sentence(text, after):
            continue
        if _CREDIT.match(text, after) or _speaker_follows(text, match, after):
            continue
        single_stop = match.group(0).rstrip("\"'\u201d\u2019)]") == "."
        if single_stop and _abbreviated(text, match.start()):
            continue
        yield match.end()
    yield len(text)


def spans(text):
    """The (start, end) code-point offsets of each sentence, white space trimmed."""
    found, start = [], 0
    for end in _ends(text):
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            found.extend(_bracketed_first(text, start + lead, start + lead + len(stripped)))
        start = end
    return found


def _bracketed_first(text, start, end):
    """A sentence's span, or two when it opens with a bracketed line of words and a sentence
    follows it: "(Reporting by X; Editing by Y) Correction: ..." (a one-word bracket is a
    dateline's agency, "(AP)", and stays)."""
    match = _OPENING_BRACKET.match(text, start, end)
    if match is None or match.end() >= end or not _starts_sentence(text, match.end()):
        return [(start, end)]
    return [(start, match.end(1)), (match.end(), end)]
