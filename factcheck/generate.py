"""`factcheck generate`: a realistic synthetic desk for the benchmarks.

The desk is told as a story: a list of operations (a user joins, an article is stored, a
claim is quoted from it, a source added, a verdict drafted, a move taken), each with its
time and its actor, in the order the newsroom did them. factcheck/bulk.py writes that story
in bulk with the same effects as the domain functions (tests/test_generate.py replays the
same story through claims.create, sources.add, verdicts.add and transitions.apply and
compares the two databases row for row, audit hashes included).

The story refers to what it creates by keys (article and claim numbers); ids are given
when the operations are applied, as the domain functions give them.
"""

import collections
import functools
import gc
import itertools
import json
import multiprocessing
import os
import queue
import random
import traceback
from bisect import bisect
from datetime import UTC, datetime, timedelta

from factcheck import bulk, bulk_load, synthetic, wording
from factcheck.errors import Conflict

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
# Operations are applied in batches of about this many claims (one sort, one flush each).
BATCH_CLAIMS = 4000
HOUR = 3_600_000_000  # microseconds
# Other processes of `generate` (on two cores or more), each telling and making batches in
# turn. One more than the machine's two cores: the scheduler shares the cores out by
# runnable process, and on this shared machine two workers got less of them than the three
# busy processes of the pipeline before (200k claims: 45 s with three, 75 s with two, in
# the same minutes); on a quiet machine three take as long as two.
PROCESSES = 3


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


def _batch(seed, index, first, count, labels, start, step):
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


def _plan(claims, seed, labels, until, batch):
    """The desk's users' operations, and the arguments of _batch for each batch. The users
    come first; then articles spread evenly over DESK_DAYS days before `until` (a date)."""
    end = int(datetime(until.year, until.month, until.day, tzinfo=UTC).timestamp()) * 1_000_000
    start = end - DESK_DAYS * 24 * HOUR
    users = [(start - HOUR, bulk.stamp(start - HOUR), "user", None, *user) for user in USERS]
    step = (end - start - 30 * 24 * HOUR) / claims  # the last claims have a month to move
    jobs = [
        (seed, index, first, min(batch, claims - first), labels, start, step)
        for index, first in enumerate(range(0, claims, batch))
    ]
    return users, jobs


def stories(claims, seed, labels, until, batch=None):
    """The desk's operations, a batch (of `batch` claims, default BATCH_CLAIMS) at a time:
    (claims in the batch, ops), the users' first."""
    users, jobs = _plan(claims, seed, labels, until, batch or BATCH_CLAIMS)
    yield 0, users
    for job in jobs:
        yield _batch(*job)


def _applied(writer, ops):
    for op in ops:
        writer.apply(op)
    return writer.batch()


def written(claims, seed, labels, until, start, processes, tables):
    """The desk's batches, each (claims in it, its rows as bulk_load.packed makes them of
    `tables`), carrying on from `start` (bulk.start). With `processes` (at least 1), the
    batches are told, made and linked to the audit chain in that many other processes
    (_tell_and_write), and the one holding SQLite only copies them in."""
    users, jobs = _plan(claims, seed, labels, until, BATCH_CLAIMS)
    writer, chain = bulk.Writer(start), bulk.Chain(start["prev_hash"])
    yield 0, bulk_load.packed(tables, _applied(writer, users), chain.linked)
    if processes < 1 or len(jobs) < 2:
        for count, ops in map(_told, jobs):
            yield count, bulk_load.packed(tables, _applied(writer, ops), chain.linked)
        return
    # spawn, not fork: the caller may have threads (and a database connection) open.
    context = multiprocessing.get_context("spawn")
    outbox, inboxes = context.Queue(), [context.Queue() for _ in range(processes)]
    workers = [
        context.Process(
            target=_tell_and_write,
            args=(jobs[n::processes], users, start, tables, inboxes[n], outbox),
            name=f"generate-{n}",
        )
        for n in range(processes)
    ]
    for worker in workers:
        worker.start()
    try:
        where = (writer.position(), chain.prev_hash)
        yield from _gathered(len(jobs), where, inboxes, outbox, workers)
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()


def _told(job):
    return _batch(*job)


def _tell_and_write(jobs, users, start, tables, inbox, outbox):
    """A worker of `written`: tells each of its batches, says how many ids of each table
    the batch takes (its operations say), waits to be told where its ids start, makes its
    rows, waits for the audit hash it carries on from, links its events and puts the
    batch, packed, and its last hash on `outbox`. The workers take the batches in turns;
    telling a batch and making its rows in one process spares pickling each operation,
    and a packed batch crosses to the process holding SQLite as one string of bytes."""
    gc.disable()
    try:
        writer, chain, received = bulk.Writer(start), bulk.Chain(None), {}
        _applied(writer, users)  # the actors; their rows are the main process's
        for job in jobs:
            index = job[1]
            count, ops = _batch(*job)
            kinds = collections.Counter(op[2] for op in ops)
            outbox.put(("told", index, kinds))
            begin = _waited(inbox, received, ("start", index))
            writer.carry_on(begin)
            rows = _applied(writer, ops)
            if writer.position() != bulk.advanced(begin, kinds):
                raise RuntimeError(f"batch {index} took other ids than bulk.ADDS says")
            link = functools.partial(_linked, chain, inbox, received, index)
            batch = bulk_load.packed(tables, rows, link)
            outbox.put(("made", index, count, batch, chain.prev_hash))
    except BaseException:
        outbox.put(("failed", None, traceback.format_exc()))
        raise


def _linked(chain, inbox, received, index, events):
    chain.prev_hash = _waited(inbox, received, ("hash", index))
    return chain.linked(events)


def _waited(inbox, received, key):
    """The message `key` from the inbox, keeping those that came first for later."""
    while key not in received:
        name, value = inbox.get()
        received[name] = value
    return received.pop(key)


def _gathered(batches, where, inboxes, outbox, workers):
    """The workers' batches in order. A batch is told where its ids start once every batch
    before it has said how many it takes (`where` holds the first's, and the hash the
    first carries on from), and only a batch at most one per worker past the one handed
    on: the workers run a bounded way ahead. The hash each batch carries on from is sent
    on as soon as the batch before it is made."""
    position, prev_hash = where
    ahead, starts, kinds, made = len(inboxes) + 1, [position], {}, {}
    inboxes[0].put((("hash", 0), prev_hash))
    given = done = 0
    while done < batches:
        if given < min(len(starts), done + ahead, batches):
            inboxes[given % len(inboxes)].put((("start", given), starts[given]))
            given += 1
        elif done in made:
            yield made.pop(done)
            done += 1
        else:
            what, index, *data = _received(outbox, workers)
            if what == "made":
                made[index], last_hash = tuple(data[:2]), data[2]
                if index + 1 < batches:
                    inboxes[(index + 1) % len(inboxes)].put((("hash", index + 1), last_hash))
            else:
                _counted(what, index, data, kinds, starts)


def _counted(what, index, data, kinds, starts):
    """A worker's "told" message noted: the starts of the batches it makes known."""
    if what == "failed":
        raise RuntimeError(f"telling or making the desk's rows failed:\n{data[0]}")
    kinds[index] = data[0]
    while len(starts) - 1 in kinds:
        starts.append(bulk.advanced(starts[-1], kinds.pop(len(starts) - 1)))


def _received(outbox, workers):
    while True:
        try:
            return outbox.get(timeout=1)
        except queue.Empty:
            if any(worker.exitcode for worker in workers) or not any(
                worker.is_alive() for worker in workers
            ):
                raise RuntimeError("a process making the desk's rows ended early") from None


def bench_words(db, limit=200):
    """What a benchmark may ask of this desk as a reader, from the database as it is:
    {"common": words in the most published claims, "rare": words in the fewest (at least
    one), "published_ids": ids of published claims, "lookup_texts": their exact texts}.
    Each list holds at most `limit` items; the words are single search terms (the desk's
    vocabulary, counted in the readers' search index)."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_public_vocab "
        "USING fts5vocab(main, claims_public_fts, row)"
    )
    counts = dict(db.execute("SELECT term, doc FROM temp.bench_public_vocab").fetchall())
    words = [(counts[word], word) for word in synthetic.vocabulary() if word in counts]
    common = [word for _, word in sorted(words, key=lambda item: (-item[0], item[1]))[:limit]]
    rare = [word for _, word in sorted(words)[:limit]]
    # Spread over the whole desk (a scrambled order of the ids), not its first claims only.
    rows = db.execute(
        "SELECT id, text FROM claims WHERE status = 'published' "
        "ORDER BY (id * 2654435761) % 4294967296 LIMIT ?",
        [limit],
    ).fetchall()
    return {
        "common": common,
        "rare": rare,
        "published_ids": [row[0] for row in rows],
        "lookup_texts": [row[1] for row in rows],
    }


def _refuse_unless_empty(db):
    (claims,) = db.execute("SELECT count(*) FROM claims").fetchone()
    if claims:
        raise Conflict(
            f"The database holds {claims} claims already: generate builds a desk only in a "
            "database without claims (use a new FACTCHECK_DATABASE)."
        )
    names = [name for name, _, _ in USERS]
    taken = [
        row[0]
        for row in db.execute(
            "SELECT name FROM users WHERE name IN (SELECT value FROM json_each(?))",
            [json.dumps(names)],
        )
    ]
    if taken:
        raise Conflict(f"The generated desk's users exist already: {', '.join(taken)}.")
    # The writer leaves the outbox alone (audit.record would queue deliveries to them).
    (hooks,) = db.execute("SELECT count(*) FROM webhooks WHERE disabled_at IS NULL").fetchone()
    if hooks:
        raise Conflict(
            f"The database has {hooks} active webhook subscriptions: generate "
            "writes no webhook events, so it builds a desk only without them."
        )


def rating_slugs(db, scale):
    """The labels of the scale verdicts are drawn from, in the scale's order."""
    sql = (
        "SELECT l.slug FROM rating_labels l JOIN rating_scales s ON s.id = l.scale_id "
        "WHERE s.slug = ? ORDER BY l.position"
    )
    return [row[0] for row in db.execute(sql, [scale])]


def generate(db, claims, *, seed, scale, until, progress=None, processes=None):
    """Build a desk of `claims` claims in a migrated database without claims (else 409,
    nothing written); `progress(n)` is told of every n claims written. `processes` make
    the rows and tell the story (see `written`; default PROCESSES on two cores or more); they
    are spawned, so the program calling this must be importable (the CLI, a script file;
    from `python -` pass processes=0)."""
    _refuse_unless_empty(db)
    labels = rating_slugs(db, scale)
    if processes is None:
        processes = PROCESSES if (os.cpu_count() or 1) > 1 else 0
    start = bulk.start(db, scale)
    made = written(claims, seed, labels, until, start, processes, bulk_load.definitions(db))
    # The desk is millions of small tuples and dicts, none in a reference cycle: the cyclic
    # collector only re-scanned them (a quarter of the time of telling and writing).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with bulk_load.loading(db) as loader:
            for count, batch in made:
                loader.put(batch)
                if progress:
                    progress(count)
    finally:
        if collecting:
            gc.enable()


def counts(db):
    """How many of each thing the desk holds (what `factcheck generate` reports)."""
    tables = ("articles", "claims", "sources", "verdicts", "transitions", "audit_events")
    found = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
    (published,) = db.execute(
        "SELECT ifnull(sum(claims), 0) FROM claim_status_counts WHERE status = 'published'"
    ).fetchone()
    return {**found, "published claims": published}
