"""Who a sentence attributes its claim to: "X said", "said X", "X, the mayor, said",
"according to X" (also "according to a statement from X"), "he/she said" (the person last
speaking or spoken of), "it said" and "the company said" (the organisation of that kind the
sentence or the text last named), quotations given to their speakers across sentences
(factcheck/quotations.py), and a Q&A's answers and questions given to the interviewee and
the interviewer (factcheck/interviews.py). Beyond "said", the subject of any act of stating,
finding or deciding ("The court on Tuesday struck down", "X disputed the figure, saying
...") and whoever speaks for a body ("researchers at X", "a X spokesperson"). None when
nobody is named: the narrator's own sentences, "officials said", "the court heard", "a
senior diplomat said", "the article said".

This module finds the speaker a sentence names; what that speaker stands for ("Okafor",
"she", "the mayor", "it", "the airline") is factcheck/resolution.py's, against what the text
has named so far (factcheck/mentions.py). Names, titles and the person/organisation
distinction are factcheck/names.py's, and what the grammar around a name tells of it
factcheck/organisations.py's; papers and their makers ("the filings said")
factcheck/papers.py's; the speaker standing before the verb factcheck/subjects.py's.
"""

import re

from factcheck import (
    according,
    appositives,
    claim_labels,
    described,
    interviews,
    names,
    organisations,
    papers,
    quotations,
    resolution,
    services,
    signed_letters,
    speech_verbs,
    subjects,
    transcripts,
    unmarked_interviews,
)
from factcheck.mentions import Mentions
from factcheck.names import NAME, words

# "The crash was reported to police": a verb in the passive names no speaker before it.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(rf"\s+by\s+(?:the\s+)?({NAME})")
# "..., said Kenmare police.": so after the verb too.
_SERVICE_AFTER = re.compile(rf"\s+({NAME}\s+(?:{subjects.SERVICES}))\b")
# "said Ana Lind.", "said Ana Lind on Monday"; not "said Brightwell had not ..." nor "say
# Arctic sea ice shrank": a name followed by more of its clause is what was said about.
_SPEAKER_ENDS = re.compile(
    r"\s*(?:[,.;:!?\"\u201d\u2019)\u2014-]|$)|\s+(?:on|in|at|of|from|during|yesterday|today|"
    r"last|this|earlier|later|who|when|after|before|as|while|to|for|via|and)\b"
)
ANONYMOUS = organisations.ANONYMOUS
# "..., the court heard.", "..., officials said.": the sentence is reported from someone
# the text does not name.
_ANONYMOUS_END = re.compile(
    r",\s*(?:the\s+)?(?:court|jury|inquest|tribunal|hearing|committee)\s+(?:heard|was told)\b"
    rf"[^,]*$|,\s*(?:{'|'.join(sorted(ANONYMOUS))})\s+(?:said|say|told|added)\b[^,]*$"
)
# "said councillor Tom Reyes", "said fisherman Bo Lind": a name after the verb, perhaps
# behind words saying who they are (not "said in a statement on Twitter").
_NOT_DESCRIBING = "|".join(
    sorted(
        names.NOT_SUBJECT_AFTER | words("a an the that this it he she they we his her its their")
    )
)
# "said Rovers manager Sean Maguire": whose manager, a name before the words too; "said
# co-author X": a hyphen inside the words.
# "said the author Ana Lind": "the" before the words too.
_NAME_AFTER_VERB = re.compile(
    rf"\s+(?:{NAME}(?:['\u2019]s)?\s+(?=[a-z]+\s+(?:[a-z]+\s+)?[A-Z])|the\s+(?=[a-z]))?"
    rf"(?:(?!(?:{_NOT_DESCRIBING})\b)[a-z][a-z-]*\s+){{0,2}}({NAME})"
)
_QUOTATION = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
_MID_SENTENCE = re.compile(r"(?<=[\w,;] )[A-Z][\w'\u2019-]*")


def speaker(sentence):
    """The speaker the sentence names itself, unresolved (see subjects.before), or None."""
    if _ANONYMOUS_END.search(sentence.rstrip(".!?\"'\u201d\u2019")):
        return None
    found = papers.whose(sentence) or _at_verbs(sentence) or _participle_subject(sentence)
    found = found or quotations.remark(sentence)
    if found:
        return found
    paper = papers.telling(sentence)
    if paper and not _quoted_at(sentence, paper[1]):
        return ("document", paper[0])
    opines = speech_verbs.PRONOUN_OPINES.match(sentence)
    if opines:
        return ("he", opines.group(1).lower())
    return subjects.research_opening(sentence)


def _at_verbs(sentence):
    """The speaker named at the first attribution verb (outside quotations) that has one."""
    quoted = [q.span() for q in _QUOTATION.finditer(sentence)]
    for verb in speech_verbs.in_order(sentence):
        if any(start < verb.start() < end for start, end in quoted):
            continue  # '"He says it is over," she said': the speaker is outside the quote
        if speech_verbs.describes_noun(sentence, verb) or speech_verbs.negated(sentence, verb):
            continue
        if verb.group(0).lower() == "according to":
            return according.source(sentence, verb.end())
        if _PASSIVE.search(sentence[: verb.start()]):
            named = _agent(sentence, verb.end())  # "was reported": by whom, if said
        else:
            named = subjects.before(sentence[: verb.start()])
            # "..., traders told Kell Radio.", "We asked Kell Water for a response": whom one
            # tells or asks is the hearer (but '"Why?" asked Ana Lind.' is she asking)
            heard = verb.group(0).lower() in _TO_HEARER or (
                verb.group(0).lower() in _ASKING and not _INVERTED.search(sentence[: verb.start()])
            )
            named = named or (None if heard else _after(sentence, verb.end()))
        if named:
            return named
    return None


_TO_HEARER = words("told tells tell")
_ASKING = words("asked asks")
# A verb right after a quotation or a comma comes before its subject: '"Why?" asked Ana Lind.'
_INVERTED = re.compile(r"[,\"\u201d\u2019]\s*$")


# ", saying that ...", ", ruling 2-1 that ...": a clause saying what the subject of the
# sentence said; the subject opens it, after a timestamp or a phrase setting the scene.
_SAYING = re.compile(
    r",\s+(?:saying|arguing|noting|claiming|insisting|warning|stating|telling|alleging|"
    r"asserting|contending|complaining)\b|"
    # these say something only when what follows is what was said: not "adding to pressure"
    r",\s+(?:ruling|adding|concluding|finding|estimating|calculating)\b"
    r"(?=[^.;]{0,60}?(?:\bthat\b|[\"\u201c:]))"
)
_OPENING = re.compile(
    r"^(?:[\d:.]+\s*(?:[ap]\.m\.)?\s*:\s+)?(?:(?:In|On|At|After|Before|During|Asked)\b[^,]{0,80},\s+)?"
    # "Law firm Kell Partners has sued ..., alleging": the words saying what the name is
    # "A Chilean negotiator, Ana Lind, rejected it, saying": the name the opening sets off
    rf"((?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){{0,2}}[a-z]+,\s+{NAME},|[Tt]he\s+[a-z]+|(?:The\s+)?(?:[a-z0-9]+\s+|[A-Z][a-z]+\s+[a-z]+\s+(?=[A-Z]))?{NAME}"
    r"(?:['\u2019]s\s+[a-z]+)?|[Hh]e|[Ss]he|[Ii]t)"
    r"(?=\s+(?!of\b|and\b)[a-z])"
)


def _quoted_at(sentence, at):
    return any(q.start() < at < q.end() for q in _QUOTATION.finditer(sentence))


def _participle_subject(sentence):
    """ "The county defended the cap, saying in filings that ...": the sentence's subject."""
    saying = _SAYING.search(sentence)
    if saying is None or _quoted_at(sentence, saying.start()):
        return None
    opening = _OPENING.match(sentence)
    return subjects.before(opening.group(0)) if opening else None


# "It was announced by the city council that": a body named in lower case.
_BY_THE = re.compile(
    r"\s+by\s+the\s+([a-z]+(?:\s+[a-z]+)?)(?=\s+(?:on|that|in|last|this)\b|\s*[,.])"
)


# "was announced on Sunday by", "was confirmed late last night by": when, before by whom.
_WHEN = re.compile(
    rf"(?:\s+(?:(?:early|late)\s+)?(?:on\s+{names.WEEKDAY}|{names.WEEKDAY}|yesterday|today|"
    r"overnight|(?:last|this|on)\s+[\w.]+(?:\s+\d+)?|in\s+[A-Z][a-z]+(?:\s+\d+)?))(?=\s+by\b)"
)


def _agent(sentence, at):
    """ "was announced by the Harbour Board": the one after "by"."""
    when = _WHEN.match(sentence, at)
    at = when.end() if when else at
    agent = _BY.match(sentence, at)
    if agent:
        return ("name", agent.group(1))
    agent = _BY_THE.match(sentence, at)
    return ("the", agent.group(1)) if agent else None


# "said its director, Imran Patel, 58.": the name a title after the verb sets off; "said
# Kell Trust's head of research, Ana Lind": whose title it is, named.
_TITLE_THEN_NAME = re.compile(
    rf"\s+(?:its|his|her|their|the|{NAME}['\u2019]s?)\s+(?:[\w'\u2019-]+\s+){{0,3}}?[a-z]+,\s+({NAME})"
)


def _after(sentence, at):
    """ "said Ana Lind", "said councillor Tom Reyes", "said its director, Tom Reyes"; not
    "said Monday"."""
    service = _SERVICE_AFTER.match(sentence, at)
    if service and _SPEAKER_ENDS.match(sentence, service.end()):
        return ("name", service.group(1))
    found = (pattern.match(sentence, at) for pattern in (_NAME_AFTER_VERB, _TITLE_THEN_NAME))
    ending = (m for m in found if m and _SPEAKER_ENDS.match(sentence, m.end()))
    after = next(ending, None)
    if after is None:
        return None
    if after.group(1).rstrip(".") not in names.DATES | names.NOT_NAMES:
        return ("name", appositives.person(after.group(1), 0))
    return None


# The page around the story: a byline and its job line ("By Ana Lind, Health Reporter"),
# a link to another story ("Read more: Council warns ..."), a caption. Nobody speaks in
# them, and their names are no speakers for "the company said" to find.
_FURNITURE = re.compile(
    r"^(?:By\s+[A-Z][^.!?]*$|(?:Additional\s+)?(?:Reporting|Writing|Written|Interview)\s+by\s|"
    r"(?:Read\s+more|Related|See\s+also|More\s+on\s+this\s+story|Photo|Photograph|Pictured|"
    r"Picture|Image)\s*:)",
    re.IGNORECASE,
)


def claimants(sentences, paragraphs=None):
    """The claimant of each sentence (a list of str or None), in order; paragraphs is each
    sentence's paragraph number (None: one paragraph)."""
    paragraphs = paragraphs or [0] * len(sentences)
    story = [None if _FURNITURE.match(sentence) else sentence for sentence in sentences]
    text = " ".join(sentence for sentence in story if sentence)
    single = [name for _, name in names.found(text) if " " not in name]
    # each sentence apart: a byline has no full stop, and the word opening the sentence
    # after it is no word capitalised mid-sentence
    inside = [word for sentence in story if sentence for word in _MID_SENTENCE.findall(sentence)]
    context = Mentions(inside, single)
    spoken = [speaker(sentence) if sentence else None for sentence in story]
    found = [
        resolution.named(sentence, said, context) if sentence else None
        for sentence, said in zip(story, spoken, strict=True)
    ]
    found = quotations.to_speakers(sentences, paragraphs, found)
    own = [said is not None for said in spoken]
    found = interviews.answers_to_interviewee(sentences, paragraphs, found, own)
    found = unmarked_interviews.turns(sentences, paragraphs, found, own)
    found = transcripts.turns(sentences, paragraphs, found, spoken)
    found = signed_letters.signed(sentences, paragraphs, found)
    found = claim_labels.checked(story, found)
    found = services.speaking_for(sentences, found)
    found = [described.unplaced(claimant) for claimant in found]
    return organisations.spelled_whole(found, " ".join(sentences))
