"""The source "according to" names: a person or organisation ("according to Ana Lind",
"according to the state Department of Health"), whoever made the paper it cites ("according
to a statement from X", "according to its latest filing", "according to figures the
university released") or an organisation named in lower case ("according to the city's
finance office"), for factcheck/attribution.py.
"""

import re

from factcheck import names, organisations, papers
from factcheck.names import NAME

# "according to the state Department of Health", "according to the sales tracker Acme".
# (Not "according to a Kell Research poll": an article is no word of the name.)
_NAME_AFTER = re.compile(
    rf"\s*(?:(?:the|an?)\s+)?((?:[a-z]+\s+){{0,3}})({NAME})(?:\s+([a-z]+)(?=\s*[,.;]))?"
)
# "according to figures from the port operator, Kell Terminals.": the name the noun is given.
_CALLED_NAME = re.compile(rf"\s*the\s+(?:[a-z]+\s+){{0,3}}?[a-z]+,\s+({NAME})(?=\s*[,.;]|\s*$)")
# "according to the city's finance office": an organisation named in lower case, up to the
# clause's end.
# ("published by the trust on Thursday.": when, after who)
_THE_AFTER = re.compile(
    r"\s*the\s+([a-z][\w'\u2019]*(?:\s+(?!on\b|in\b)[a-z][\w'\u2019]*){0,3})"
    r"(?:\s+(?:on|in)\s+[A-Z][a-z]+(?:\s+\d{1,2})?)?\s*[,.;]"
)


# "The bank's ...", "The company's ...": the body whose thing the sentence opens with.
# ("The central bank's ...": the body in all its lower-case words)
_OPENING_POSSESSOR = re.compile(r"^The\s+((?:[a-z]+\s+)?([a-z]+))['\u2019]s\s")


def _paper_of(sentence, at):
    """The maker of the paper "according to" cites, told by a pronoun ("its filing"), by
    what made it ("figures the university released") or by where it is cited ("estimates
    cited in the paper"): ("it", None), ("the", noun), ("document", noun) or None."""
    if papers.OWN.match(sentence, at):
        # "The bank's ratio ... stood at 14%, according to its results": the bank's own
        whose = _OPENING_POSSESSOR.match(sentence)
        if whose and whose.group(2) in organisations.ORGANISATION_NOUNS:
            return ("the", whose.group(1))
        return ("it", None)
    made = papers.RELEASED.match(sentence, at)
    if made:
        return ("kind", made.group(1)) if made.group(1) else ("it", None)
    cited = papers.CITED.match(sentence, at)
    return ("document", cited.group(1)) if cited else None


# "according to a spokesperson for the Harbour Authority": the one spoken for.
_A_SPOKESPERSON = re.compile(
    r"\s*(?:an?|the)\s+(?:[a-z]+\s+)?spokes(?:person|man|woman)\b(\s+(?:for|of|at)\s+)?"
)


def source(sentence, at):
    """The source after "according to": a name, or "the" and an organisation in lower case."""
    spokesperson = _A_SPOKESPERSON.match(sentence, at)
    if spokesperson and not spokesperson.group(1):
        return ("it", None)  # "according to a spokesperson": for the organisation in question
    source = papers.FROM.match(sentence, at) or spokesperson
    at = source.end() if source else at
    paper = None if source else _paper_of(sentence, at)
    if paper:
        return paper
    pronoun = re.match(r"\s*(him|her)\b", sentence[at:])
    if pronoun:
        return ("he", "he" if pronoun.group(1) == "him" else "she")
    called = _CALLED_NAME.match(sentence, at)
    if called:
        return ("name", called.group(1))
    return _name_after(sentence, at) or _source_in_lower_case(sentence, at)


def _name_after(sentence, at):
    """ "according to Ana Lind", "according to the state Department of Health", "according
    to Lumera's specifications" (the owner of the paper), or None."""
    after = _NAME_AFTER.match(sentence, at)
    if after is None or set(after.group(1).split()) & (names.NOT_SUBJECT_AFTER | names.RELATIVES):
        return None
    name, head = papers.maker(names.without_possessive(after.group(2))), after.group(3)
    if head and head in names.ORGANISATION_HEADS:
        name = f"{name} {head}"
    descriptors = after.group(1).split()
    if len(descriptors) == 1:
        name = names.modified(f"the {descriptors[0]} ", name)
    return ("name", name)


def _source_in_lower_case(sentence, at):
    """ "according to the authority's report", "according to council figures", "according
    to the city's finance office": an organisation the text calls by a noun."""
    whose = papers.WHOSE.match(sentence, at)
    if whose and whose.group(1) in papers.DOCUMENTS - papers.OWN_PARTS:
        return ("document", whose.group(1))  # "the paper's supplementary data": its maker's
    if whose:
        return ("the", whose.group(1))
    kind = papers.KIND_PAPERS.match(sentence, at)
    if kind and kind.group(1) in organisations.ORGANISATION_NOUNS - organisations.JURISDICTIONS:
        return ("kind", kind.group(1))
    after = _THE_AFTER.match(sentence, at)
    if after and after.group(1).split()[-1] in papers.DOCUMENTS:
        # "according to the complaint": whoever made it, never the paper itself
        return ("document", after.group(1).split()[-1])
    return ("the", _WHEN_AFTER.sub("", after.group(1))) if after else None


# "filed by the club this week": when, not who.
_WHEN_AFTER = re.compile(
    r"\s+(?:(?:this|last|next)\s+[a-z]+|today|yesterday|tonight|earlier|recently)$"
)
