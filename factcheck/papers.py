"""Papers and whose they are, for factcheck/attribution.py: "the department's figures show",
"data from X showed", "according to figures published on Thursday by X", "the filings
said", "the study ... drew on". A paper's findings are the claims of the body that made it
(resolved by factcheck/mentions.py when the sentence does not name it); the article's own
parts ("the story said") are nobody's.
"""

import re

from factcheck import names, organisations
from factcheck.names import NAME, words

# Papers a body publishes, whose findings are its own ("the filings said", "the club's
# accounts showed", "according to a notice posted by X").
_PAPERS = (
    r"statements?|figures|data|reports?|estimates?|analysis|surveys?|counts?|tally|records|study|"
    r"research|poll|notices?|filings?|accounts|results|statistics|review|audit|papers?|bulletin|"
    r"memos?|emails?|letters?|releases?|"
    r"complaints?|lawsuits?|suits?|indictments?|specifications|projections|forecasts?|documents?|"
    r"trials?|experiments?|inquiry|inquiries|investigations?|websites?|tables|"
    # what a body publishes of its decisions and its year: "a summary published by X"
    r"summary|summaries|minutes|decisions"
)
# "according to the authority's latest report": the authority.
WHOSE = re.compile(rf"\s*the\s+([a-z]+)['\u2019]s\s+(?:[\w-]+\s+){{0,3}}?(?:{_PAPERS})\b")
# "according to a statement from the World Food Programme", "according to figures published
# on Thursday by the Statistics Bureau": the source is whoever made it.
FROM = re.compile(
    rf"\s*(?:(?:an?|the)\s+)?(?:[a-z0-9]+\s+){{0,2}}?(?:{_PAPERS})\s+"
    r"(?:from|of|(?:(?:released|published|posted|issued|compiled|filed|led|conducted|"
    r"commissioned|prepared|carried\s+out|sent|written|signed|circulated|drafted)\s+"
    # "a memo sent to staff on Tuesday by X": whom it went to, and when
    r"(?:to\s+(?:all\s+|its\s+|their\s+)?[a-z]+\s+)?"
    rf"(?:(?:on|in|last|this)\s+[\w.]+(?:\s+[\w.]+)?\s+|{names.WEEKDAY}\s+|"
    r"(?:today|yesterday|earlier)\s+)?)?by)\s+"
    # "a study led by researchers at X": where they work made it
    r"(?:(?:researchers|scientists|economists|analysts|a\s+team)\s+(?:at|from|of)\s+)?"
)
# "according to council figures": the body of that kind the text named.
KIND_PAPERS = re.compile(rf"\s*(?:the\s+)?([a-z]+)\s+(?:{_PAPERS})\b")
# When a paper came out, between its verb and "by": "released on Monday by", "issued last week by".
_WHEN = (
    rf"(?:(?:on|in|last|this)\s+[\w.]+(?:\s+[\w.]+)?\s+|{names.WEEKDAY}\s+|"
    r"(?:today|yesterday|earlier)\s+)?"
)
# "A statement from Perth Mining said": whoever made the paper speaks.
# "A cost review published by X estimates": whatever a body published is a paper.
FROM_BEFORE = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?(?:(?:{_PAPERS})\s+(?:from|"
    rf"(?:(?:issued|released|published)\s+{_WHEN})?by)|"
    rf"[a-z]+\s+(?:published|released|issued|compiled|commissioned)\s+{_WHEN}by)"
    rf"\s+(?:the\s+)?({NAME})\s*$"
)
# "A previous study by the same group reported": the body whose researchers spoke before.
BY_THE_SAME = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z0-9]+\s+){{0,2}}(?:{_PAPERS})\s+(?:from|by)\s+the\s+same\s+"
    r"(?:group|team|researchers|authors|scientists|lab|laboratory)\s*$"
)
# "according to its latest filing": the organisation "it" is.
# ("according to its most recent annual report": three words between)
OWN = re.compile(rf"\s*(its|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{_PAPERS})\b")
# "according to figures the university released": the body so called.
# "a report the trust sent to X", "results the company presented", "figures it published":
# ("it" when the pronoun made it).
RELEASED = re.compile(
    rf"\s*(?:(?:an?|the)\s+)?(?:[a-z0-9]+\s+){{0,2}}?(?:{_PAPERS})\s+(?:that\s+)?(?:the\s+"
    r"([a-z]+)|(it))\s+(?:had\s+|has\s+)?(?:released|published|issued|compiled|filed|provided|"
    r"sent|submitted|presented|gave|posted|reported)\b"
)
# "according to estimates cited in the paper": whoever made the paper.
CITED = re.compile(
    rf"\s*(?:(?:an?|the)\s+)?(?:[a-z0-9]+\s+){{0,2}}?(?:{_PAPERS})\s+(?:cited|quoted|given|"
    r"reported|used)\s+in\s+(?:the|its)\s+([a-z]+)\b"
)
# "FBI data show ...", "Labor Department figures showed ...": whose figures they are.
_SHOW = (
    r"show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|found|finds|"
    r"concluded|concludes|said|says|estimated|estimates|put|puts"
)
# "A Harbour Institute survey found": the body named before its paper.
_FIGURES_OF = re.compile(
    rf"^(?:The\s+|An?\s+)?({NAME})(?:['\u2019]s?)?\s+(?:[a-z]+\s+)?(?:{_PAPERS})\s+"
    rf"(?:also\s+)?(?:{_SHOW})\b"
)
# What papers show, but not "said": "a charge issued by X, the company said" is the company's.
_SHOWN = _SHOW.replace("said|says|", "")
# A noun a body goes by ("department", "institute"), not "by the museum last year".
_BODY = "(?:" + "|".join(sorted(organisations.ORGANISATION_NOUNS)) + ")"
# A word, or a number with thousands ("2,000").
_WORD = r"(?:\d{1,3}(?:,\d{3})+|[\w'\u2019-]+)"
# "The department's figures show", "The club's accounts for 2023-24 showed": whose papers.
_WHOSE_PAPERS = re.compile(
    rf"^(?:[Tt]he\s+((?:[a-z]+\s+)?[a-z]+)['\u2019]s|({NAME})['\u2019]s|(Its|Their|His|Her))\s+"
    r"(?:[\w-]+\s+){0,2}"
    # not "X's director of research, Name, said": a job, whose holder speaks
    rf"(?<!\bof\s)(?<!\bfor\s)(?:{_PAPERS})\b"
    # "Its survey of 2,000 offers, published in March, found": what the paper is of
    rf"(?:\s+(?:of|into|on)(?:\s+{_WORD}){{1,5}}(?=,))?"
    # "The trust's annual accounts, filed with the regulator in May, show"
    rf"(?:,[^,.;\"\u201c]{{1,100}},)?[^.;,\"\u201c]{{0,40}}?\b(?:{_SHOW})\b"
)
# "the figures showed", "The study, published in May, drew on 4,000 samples": a paper's
# contents, whatever the verb telling them (resolved to the body that published it).
_PAPER_SAYS = re.compile(
    rf"\b[Tt]he\s+(?:[a-z-]+\s+)?({_PAPERS})\b(?:,[^,]{{1,100}},)?\s+(?:also\s+)?"
    rf"(?:{_SHOW}|drew\s+on|draws\s+on|used|uses|analy[sz]ed|examined|covered|compared|"
    r"tracked|looked\s+at|cites|cited|seeks|sought|alleges|alleged|praised|criticised|criticized|"
    r"monitored|reviewed|surveyed|"
    # "The report recorded 212 assaults": what a paper counts is its finding
    r"recorded|records|counted|counts|logged|logs|listed|lists|identified|identifies)\b"
)
# Words between "from" or "by" and a name that say no kind of maker: "data from councils in
# Kent" are not Kent's.
_NOT_KIND = (
    "(?:" + "|".join(sorted(names.NOT_SUBJECT_AFTER | words("and or a an its their"))) + r")\b"
)
# "data from the Labour Bureau showed", "The figures, released by the Statistics Office on
# Tuesday, showed": whose data they are.
_DOCUMENT_SHOWS = re.compile(
    # "A preliminary assessment by X put": an assessment only when its maker is named
    rf"\b(?i:{_PAPERS}|numbers|assessments?)\b,?\s+(?:(?:released|published|compiled|"
    r"collected|issued|conducted|led|commissioned|prepared|carried\s+out)\s+"
    rf"(?:(?:on|in|last|this)\s+[\w.]+(?:\s+[\w.]+)?\s+|{names.WEEKDAY}\s+)?)?"
    r"(?:from|by)\s+(?:(?:researchers|scientists|economists|analysts)\s+(?:at|from)\s+)?"
    # the maker named, or called by its kind in lower case ("A survey by the institute"); its
    # kind before its name ("from market researcher Kell Data", "by the accounting firm Kell
    # Audit") is no part of it
    rf"(?:the\s+(?:[a-z]+\s+){{0,2}}|(?:(?!{_NOT_KIND})[a-z]+\s+){{1,2}}(?=[A-Z]))?"
    # "from the state housing department show": a body in lower case, all its words
    rf"(?:({NAME})|(?<=the\s)((?:[a-z]+\s+){{0,2}}{_BODY}(?=\s+(?:{_SHOWN})\b)|[a-z]+))"
    # "A memo from X, dated Feb. 20, shows": an aside between commas may hold a stop
    rf"(?:,[^,;\"\u201c]{{1,40}},)?[^.;\"\u201c]{{0,40}}?"
    # not "said": "a charge issued by X, the company said" is the company's word
    rf"\b(?:{_SHOWN}|"
    r"monitored|examined|reviewed|surveyed|tracked|analy[sz]ed)\b"
)
# "..., company filings show", "Council records showed that ...": the papers of the body of
# that kind (not "court documents show": filed by the parties, not written by the court).
_KIND_PAPERS_SHOW = re.compile(
    rf"(?:^|,\s+)(?:[Tt]he\s+)?([A-Za-z][a-z]+|[A-Z]{{2,}})\s+(?:{_PAPERS})\s+(?:{_SHOW})\b"
)
_FILED_WITH = words("court courts tribunal")


# The documents a sentence cites ("in a statement", "in a report released on Monday").
PAPER_NAMED = re.compile(
    r"\b(?:a|an|its|their|his|her|in|to)\s+(?:[\w-]+\s+)?"
    r"(statement|report|study|survey|letter|filing|post|paper|notice|figures|data|accounts|"
    r"opinion|ruling|judgment|decision|bulletin|memo|email|message|complaint|lawsuit|suit|"
    r"audit|review|inquiry|investigation|analysis|poll)s?\b",
    re.IGNORECASE,
)
# Papers of findings someone makes, rather than ways of saying.
FINDINGS = words("report study survey audit review inquiry investigation analysis poll")
# What "the <noun> said" may be: a paper (its maker's, when the text tells) or the article's
# own part (nobody's).
DOCUMENTS = words(
    "article story report column caption headline graphic version study survey paper letter "
    "post statement filing note list interview lawsuit suit complaint indictment ruling "
    "judgment memo document email petition motion website book film poll audit review "
    "decision inquiry investigation index submission submissions "
    "filings figures data accounts notice statistics results count tally release bulletin "
    # a meeting's record: "according to the minutes", its body's
    "minutes "
    # findings by name of the work that made them
    "analysis assessment evaluation estimates projections findings research"
)
# The article's own parts: what they say is the narrator's.
OWN_PARTS = words("article story column caption headline graphic version")


# A paper named after its maker: "the Kell Bank Home Price Index", "the Orrin Trust Survey".
_NAMED_PAPERS = words("index survey poll report barometer tracker monitor census")


def maker(name):
    """The maker a paper's name holds ("Kell Bank Home Price Index" -> "Kell Bank"): the words
    up to the last organisation's head noun before the paper's word; else the name itself."""
    tokens = name.split()
    if len(tokens) < 3 or tokens[-1].lower().rstrip(".") not in _NAMED_PAPERS:
        return name
    heads = [i for i in range(1, len(tokens) - 1) if tokens[i].lower() in names.ORGANISATION_HEADS]
    return " ".join(tokens[: heads[-1] + 1]) if heads else name


def _whose(noun, name, pronoun=None):
    """The owner of papers: "the department's" ("the", noun), "X's", "its", "her"."""
    if noun:
        return ("the", noun)
    if name:
        return ("name", name)
    if pronoun in ("His", "Her"):
        return ("he", "he" if pronoun == "His" else "she")
    return ("it", None)


# "..., its annual report shows.": the papers of the one "its" refers to, closing the sentence.
# "..., the board's data showed.": a body's in lower case likewise.
_OWN_PAPERS_CLOSING = re.compile(
    rf",\s+(?:(its|their|his|her)|the\s+([a-z]+)['\u2019]s)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_PAPERS})\s+(?:{_SHOW})\.?$"
)


# "The complaint, filed Monday in Kell County Court by the law firm X LLP, seeks ...": the
# paper opening the sentence, its maker set off after it, whatever it goes on to do.
_MADE_BY_ASIDE = re.compile(
    rf"^(?:The|An?)\s+(?:[a-z-]+\s+)?(?:{_PAPERS}),\s+(?:filed|published|released|issued|"
    r"compiled|prepared|commissioned|written|drafted|brought|submitted)\b[^,;\"\u201c]{0,80}?"
    rf"\bby\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}?({NAME}),\s+[a-z]"
)


def _maker_around(sentence):
    """The maker set off after the paper opening the sentence, or the owner of the papers
    closing it ("..., its annual report shows."), or None."""
    closing = _OWN_PAPERS_CLOSING.search(sentence)
    if closing and closing.group(2) in organisations.ORGANISATION_NOUNS:
        return ("the", closing.group(2))
    if closing and closing.group(1):
        return _whose(None, None, closing.group(1).capitalize())
    made = _MADE_BY_ASIDE.match(sentence)
    return ("name", made.group(1)) if made else None


def whose(sentence):
    """The maker of the papers a sentence opens with or cites as showing something: ("name",
    X), ("the", noun), ("he", pronoun), ("it", None) or None."""
    around = _maker_around(sentence)
    if around:
        return around
    figures = _FIGURES_OF.match(sentence)
    maker = names.without_possessive(figures.group(1)) if figures else ""
    if " " in maker or (maker.isupper() and maker not in names.NOT_NAMES):
        return ("name", maker)  # not "New figures show", nor "A report found"
    shows = _DOCUMENT_SHOWS.search(sentence)
    if shows:
        return ("name", shows.group(1)) if shows.group(1) else ("the", shows.group(2))
    owned = _WHOSE_PAPERS.match(sentence)
    if owned:
        return _whose(*owned.groups())
    kind = _KIND_PAPERS_SHOW.search(sentence)
    noun = kind.group(1).lower() if kind else None
    if noun in organisations.ORGANISATION_NOUNS - _FILED_WITH:
        return ("kind", noun)
    if kind and kind.start(1) > 0 and kind.group(1)[0].isupper():
        return ("name", kind.group(1))  # "..., Treasury figures show": a name mid-sentence
    return None


def telling(sentence):
    """(paper, where) of "the figures showed", "the study ... drew on", or None."""
    paper = _PAPER_SAYS.search(sentence)
    return (paper.group(1), paper.start()) if paper else None
