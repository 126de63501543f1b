"""`factcheck generate`: a realistic synthetic desk for the benchmarks.

factcheck/desk_story.py tells the desk's story (its operations, in batches);
factcheck/bulk.py turns each batch into rows with the same effects as the domain functions,
and factcheck/bulk_load.py copies them into the database. Here: the batches told and made
in other processes, handed in order to the one holding SQLite, and the command's checks.
"""

import collections
import functools
import gc
import itertools
import json
import multiprocessing
import os
import queue
import traceback

from factcheck import bulk, bulk_load, desk_story, synthetic
from factcheck.errors import Conflict

# Operations are applied in batches of about this many claims (one sort, one flush each).
BATCH_CLAIMS = 4000
# Other processes of `generate` (on two cores or more), each telling and making batches in
# turn. One more than the machine's two cores: the scheduler shares the cores out by
# runnable process, and on this shared machine two workers got less of them than the three
# busy processes of the pipeline before (200k claims: 45 s with three, 75 s with two, in
# the same minutes); on a quiet machine three take as long as two.
PROCESSES = 3


def _applied(writer, ops):
    for op in ops:
        writer.apply(op)
    return writer.batch()


def written(claims, seed, labels, until, start, processes, tables):
    """The desk's batches, each (claims in it, its rows as bulk_load.packed makes them of
    `tables`), carrying on from `start` (bulk.start). With `processes` (at least 1), the
    batches are told, made and linked to the audit chain in that many other processes
    (_tell_and_write), and the one holding SQLite only copies them in."""
    users, jobs = desk_story.plan(claims, seed, labels, until, BATCH_CLAIMS)
    writer, chain = bulk.Writer(start), bulk.Chain(start["prev_hash"])
    yield 0, bulk_load.packed(tables, _applied(writer, users), chain.linked)
    if processes < 1 or len(jobs) < 2:
        for count, ops in itertools.starmap(desk_story.batch, jobs):
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
            count, ops = desk_story.batch(*job)
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
    names = [name for name, _, _ in desk_story.USERS]
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
