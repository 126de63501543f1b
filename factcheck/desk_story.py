"""The story of a synthetic desk, for `factcheck generate` (factcheck/generate.py).

The desk is told as a story: a list of operations (a user joins, an article is stored, a
claim is quoted from it, a source added, a verdict drafted, a move taken), each with its
time and its actor, in the order the newsroom did them. factcheck/bulk.py writes that story
in bulk with the same effects as the domain functions (tests/test_generate.py replays the
same story through claims.create, sources.add, verdicts.add and transitions.apply and
compares the two databases row for row, audit hashes included).

The story refers to what it creates by keys (article and claim numbers); ids are given
when the operations are applied, as the domain functions give them. It is told a batch of
articles at a time (`batch`), as `plan` lays the batches out.
"""

import itertools
import random
from bisect import bisect
from datetime import UTC, datetime, timedelta

from factcheck import bulk, synthetic, wording

# Users of the generated desk: (login, role, byline).
USERS = (
    ("amara", "reviewer", "Amara Okafor"),
    ("bilal", "reviewer", "Bilal Haddad"),
    ("chiara", "reviewer", "Chiara Rossi"),
    ("dmitri", "reviewer", "Dmitri Petrov"),
    ("esther", "reviewer", "Esther Mensah"),
    ("felix", "reviewer", "Felix Vogel"),
    ("greta", "editor", "Greta Lindqvist"),
    ("hugo", "editor", "Hugo Moreau"),
    ("ines", "editor", "Ines Castillo"),
)
REVIEWERS = tuple(name for name, role, _ in USERS if role == "reviewer")
EDITORS = tuple(name for name, role, _ in USERS if role == "editor")
# Where claims end up (weights): about half published, the rest across the workflow.
STATUS_WEIGHTS = {
    "published": 50,
    "retracted": 2,
    "new": 12,
    "in_research": 14,
    "in_review": 8,
    "approved": 6,
    "dismissed": 8,
}
STATUSES = tuple(STATUS_WEIGHTS)
# Cumulative weights: how often each reviewer researches a claim, each status is reached,
# and a claim in research gets 0-3 sources.
REVIEWER_ODDS = tuple(itertools.accumulate((8, 5, 3, 2, 1, 1)))
STATUS_ODDS = tuple(itertools.accumulate(STATUS_WEIGHTS.values()))
SOURCE_COUNTS, SOURCE_ODDS = (0, 1, 2, 3), tuple(itertools.accumulate((1, 5, 3, 1)))
CLAIMS_PER_ARTICLE = (8, 15)
FILLER_SENTENCES = (6, 14)
DESK_DAYS = 730
HOUR = 3_600_000_000  # microseconds


class Story:
    """The operations of one batch of articles, in time order once `ordered`."""

    def __init__(self, rng, text, labels, *, first_article, first_claim):
        self.rng = rng
        self.text = text
        self.labels = labels
        self.article_key = first_article
        self.claim_key = first_claim
        self.ops = []

    def add(self, micros, kind, actor, *fields):
        self.ops.append((micros, len(self.ops), kind, actor, *fields))

    def ordered(self):
        """(microseconds since the epoch, timestamp, kind, actor name, *fields) in time order
        (the timestamp formatted here, in the process telling the story)."""
        self.ops.sort()  # by time, then order added: no two ops share both (no key calls)
        return [(op[0], bulk.stamp(op[0]), *op[2:]) for op in self.ops]

    def article(self, micros, claims):
        """An article quoting `claims` claims, and each claim's way through the desk."""
        rng, text = self.rng, self.text
        sentences = [(line, None) for line in text.sentences(rng.randint(*FILLER_SENTENCES))]
        for n in range(claims):
            claimant = text.claimant()
            sentence, offset, claim = text.claim_sentence(claimant)
            sentences.insert(
                rng.randint(0, len(sentences)), (sentence, (n, offset, claim, claimant))
            )
        body, quoted = _joined(sentences)
        key, self.article_key = self.article_key, self.article_key + 1
        publisher = text.publisher()
        day = datetime.fromtimestamp(micros / 1e6, UTC).date()
        title = text.title()
        slug = "-".join(title.lower().split()[:5])
        row = {
            "title": title,
            "body": body,
            "url": f"https://{_domain(publisher)}/{day:%Y/%m}/{slug}-{key}",
            "publisher": publisher,
            "author": None,  # stored as the API stores an article without a byline
            "published_at": day.isoformat(),
            "language": "en",
        }
        self.add(micros, "article", rng.choice(REVIEWERS), key, row)
        for n, (start, claim, claimant) in enumerate(quoted):
            data = {
                "text": claim,
                "claimant": claimant,
                "claim_date": (day - timedelta(days=rng.choice((0, 0, 0, 1, 2)))).isoformat(),
                "span_start": start,
                "span_end": start + len(claim),
                "tags": text.tags(),
            }
            self.claim(micros + (n + 1) * 60_000_000, key, data)

    def claim(self, micros, article_key, data):
        rng = self.rng
        key, self.claim_key = self.claim_key, self.claim_key + 1
        reviewer = _drawn(rng, REVIEWERS, REVIEWER_ODDS)
        editor = rng.choice(EDITORS)
        # What the claim's columns derive from its text, computed here by the functions
        # claims.create uses: the writing process has enough to do.
        text = data["text"]
        normal = wording.normalised(text)
        derived = {"normalised": normal, "words": _indexed_words(normal)}
        self.add(micros, "claim", reviewer, key, article_key, data, derived)
        target = _drawn(rng, STATUSES, STATUS_ODDS)
        if target == "new":
            return
        when = micros + self._later()
        if target == "dismissed":
            self.add(when, "move", editor, key, _move("dismissed", note="Opinion, not a claim."))
            return
        self.add(when, "move", reviewer, key, _move("in_research"))
        self._research(when, key, reviewer, editor, target)

    def _later(self):
        """Time until the next step: minutes to days, mostly hours."""
        return int(self.rng.expovariate(1 / 18) * HOUR) + 60_000_000

    def _research(self, when, key, reviewer, editor, target):
        rng = self.rng
        drafting = target != "in_research" or rng.random() < 0.5
        sources = _drawn(rng, SOURCE_COUNTS, SOURCE_ODDS)
        sources = max(sources, 1) if target != "in_research" else sources
        for n in range(sources):
            when += self._later()
            self.add(when, "source", reviewer, key, self._source(n))
        if not drafting:
            return
        when += self._later()
        rating = rng.choice(self.labels)
        explanation = " ".join(self.text.sentences(rng.randint(1, 3)))
        verdict = {"rating": rating, "scale": None, "explanation": explanation}
        self.add(when, "verdict", reviewer, key, verdict, rng.randint(1, sources) if sources else 0)
        steps = ("in_review", "approved", "published", "retracted")
        if target not in steps:
            return
        for status in steps[: steps.index(target) + 1]:
            when += self._later()
            actor = reviewer if status == "in_review" else editor
            notice = "We withdrew this fact-check: its main source was discredited."
            self.add(
                when,
                "move",
                actor,
                key,
                _move(status, public_note=notice if status == "retracted" else None),
            )

    def _source(self, n):
        rng = self.rng
        site = rng.choice(synthetic.SOURCE_SITES)
        words = self.text.content(rng.randint(3, 6))
        return {
            "url": f"https://{site}/{'-'.join(words)}",
            "title": " ".join(words).capitalize(),
            "publisher": site,
            "published_at": None,
            "accessed_at": None,
            "archived_url": None,
            "kind": "primary" if n == 0 else rng.choice(("primary", "secondary")),
            "note": "",
        }


def _drawn(rng, items, odds):
    """rng.choices(items, cum_weights=odds)[0], the same draw without its set-up."""
    return items[bisect(odds, rng.random() * odds[-1], 0, len(odds) - 1)]


_STEMS = {}


def _indexed_words(normal):
    """wording.indexed_words of the text whose wording.normalised is `normal`, each word's
    stem (or None, for a word the index leaves out) worked out once: the desk has a few
    thousand words, and stemming each of tens of millions took a tenth of the story's time."""
    kept = []
    for word in wording.WORD.findall(normal):
        stem = _STEMS.get(word, False)
        if stem is False:
            dropped = word in wording.STOPWORDS or word in wording.ATTRIBUTION
            stem = _STEMS[word] = None if dropped else wording._stem(word)
        if stem is not None:
            kept.append(stem)
    return " ".join(kept)


def _move(to, note=None, public_note=None):
    return {"to": to, "note": note, "public_note": public_note}


def _domain(publisher):
    return "".join(publisher.lower().split()).removeprefix("the") + ".example"


def _joined(sentences):
    """The body (paragraphs of three sentences) and its claims in the order they were drawn:
    (where the claim starts in the body, its text, its claimant)."""
    parts, quoted, offset = [], [], 0
    for n, (sentence, claim) in enumerate(sentences):
        if n:
            separator = "\n\n" if n % 3 == 0 else " "
            parts.append(separator)
            offset += len(separator)
        if claim is not None:
            number, start, text, claimant = claim
            quoted.append((number, offset + start, text, claimant))
        parts.append(sentence)
        offset += len(sentence)
    return "".join(parts), [claim[1:] for claim in sorted(quoted)]


def batch(seed, index, first, count, labels, start, step):
    """Batch `index` of a desk: the articles quoting claims first .. first + count - 1, and
    everything done to them; (count, ops). A batch draws from a generator of its own, so
    batches can be told in any order, or in other processes, with the same result."""
    rng = random.Random(f"factcheck-generate:{seed}:{index}")
    text = synthetic.Writer(rng, synthetic.sentence_pool(seed))
    # Keys only need to be unique: a batch has fewer articles than claims.
    story = Story(rng, text, labels, first_article=first, first_claim=first)
    done = 0
    while done < count:
        claims = min(rng.randint(*CLAIMS_PER_ARTICLE), count - done)
        story.article(start + int((first + done) * step), claims)
        done += claims
    return count, story.ordered()


def plan(claims, seed, labels, until, batch_claims):
    """The desk's users' operations, and the arguments of `batch` for each batch (of
    `batch_claims` claims). The users
    come first; then articles spread evenly over DESK_DAYS days before `until` (a date)."""
    end = int(datetime(until.year, until.month, until.day, tzinfo=UTC).timestamp()) * 1_000_000
    start = end - DESK_DAYS * 24 * HOUR
    users = [(start - HOUR, bulk.stamp(start - HOUR), "user", None, *user) for user in USERS]
    step = (end - start - 30 * 24 * HOUR) / claims  # the last claims have a month to move
    jobs = [
        (seed, index, first, min(batch_claims, claims - first), labels, start, step)
        for index, first in enumerate(range(0, claims, batch_claims))
    ]
    return users, jobs


def stories(claims, seed, labels, until, batch_claims):
    """The desk's operations, a batch (of `batch_claims` claims) at a time: (claims in the
    batch, ops), the users' first."""
    users, jobs = plan(claims, seed, labels, until, batch_claims)
    yield 0, users
    for job in jobs:
        yield batch(*job)
