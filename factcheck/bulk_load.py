"""The database side of writing a generated desk (factcheck/bulk.py makes the rows). Each
batch's rows go into a SQLite database of their own, in memory, made with the desk's own
CREATE TABLE statements (`packed`, in the process that made the rows); the process holding
the desk copies each table of it in with one `INSERT INTO t SELECT * FROM batch.t`, which
SQLite does by copying the records as they are (its transfer optimisation: no values
decoded, no Python objects), in a thread of its own, so the next batch arrives meanwhile.
One transaction with the settings of a bulk load, the triggers of the desk's tables and
their secondary indexes set aside while rows go in (an index built from the rows at the
end is one sort, not a B-tree insert per row), and what the triggers maintain computed
once at the end."""

import itertools
import queue
import sqlite3
import threading
from contextlib import contextmanager

from factcheck.bulk import COLUMNS

# The tables whose triggers are set aside; bulk.Writer computes status_spells and the
# rating bucket itself, COPIES fills the search indexes and _finish counts the statuses.
# The audit trail's triggers refuse updates and deletes, which a load never does: set
# aside because SQLite copies records as they are only into a table without triggers.
TRIGGER_TABLES = ("claims", "transitions", "audit_events")
CACHE_KIB = 512 * 1024
SORT_THREADS = 2
# Rows a statement inserts (21 columns of claims: 2,100 parameters of SQLite's 32,766).
ROWS_AT_ONCE = 100
# The schema name a batch's database is attached as.
BATCH = "batch"


# A batch's rows into the desk, and into the search indexes what the claims' insert
# triggers (set aside) would put there: indexed a batch at a time here, while the other
# processes make the next batches, rather than rebuilt at the end, when nothing else runs.
COPIES = (
    *(f"INSERT INTO main.{table} SELECT * FROM {BATCH}.{table}" for table in COLUMNS),
    f"INSERT INTO claims_fts (rowid, text) SELECT id, text FROM {BATCH}.claims",
    f"INSERT INTO claim_words_fts (rowid, text_words) SELECT id, text_words FROM {BATCH}.claims",
    f"INSERT INTO claims_public_fts (rowid, text) SELECT id, text FROM {BATCH}.claims "
    "WHERE published_verdict_id IS NOT NULL",
)


def _insert(conn, table, rows):
    """The rows, ROWS_AT_ONCE to a statement: a row at a time (executemany), running the
    statement was a third of the time of inserting."""
    names = COLUMNS[table]
    head = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
    row = f"({', '.join('?' * len(names))})"
    whole = len(rows) - len(rows) % ROWS_AT_ONCE
    if whole:
        chunks = (rows[n : n + ROWS_AT_ONCE] for n in range(0, whole, ROWS_AT_ONCE))
        conn.executemany(head + ", ".join([row] * ROWS_AT_ONCE), map(_flat, chunks))
    if whole < len(rows):
        conn.execute(head + ", ".join([row] * (len(rows) - whole)), _flat(rows[whole:]))


def _flat(rows):
    return tuple(itertools.chain.from_iterable(rows))


def definitions(db):
    """The CREATE TABLE statements of the desk's tables, for `packed`."""
    sql = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?"
    return [db.execute(sql, [table]).fetchone()[0] for table in COLUMNS]


def packed(tables, rows, link):
    """A batch's rows (by table, bulk.Writer.batch) as a serialised database of the tables
    `tables` (definitions) create. The audit events go in last, through `link` (a
    bulk.Chain's, which may wait for the hash the batch carries on from)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for sql in tables:
            conn.execute(sql)
        conn.execute("BEGIN")
        for table in COLUMNS:
            if rows[table] and table != "audit_events":
                _insert(conn, table, rows[table])
        _insert(conn, "audit_events", link(rows["audit_events"]))
        conn.execute("COMMIT")
        return conn.serialize()
    finally:
        conn.close()


class Loader(threading.Thread):
    """Copies in the batches (`packed`) it is given, in order, until given None."""

    def __init__(self, db):
        super().__init__(name="generate-loader", daemon=True)
        self.db = db
        self.batches = queue.Queue(maxsize=2)
        self.error = None

    def run(self):
        conn = self.db.conn
        while (batch := self.batches.get()) is not None:
            if self.error is None:
                try:
                    conn.deserialize(batch, name=BATCH)
                    for sql in COPIES:
                        conn.execute(sql)
                except BaseException as error:  # handed to the main thread by put/close
                    self.error = error

    def put(self, rows):
        self._raise()
        self.batches.put(rows)

    def close(self):
        self.stop()
        self._raise()

    def stop(self):
        self.batches.put(None)
        self.join()

    def _raise(self):
        if self.error is not None:
            raise self.error


def _set_aside(db, kind, tables):
    """Drop the named schema objects (triggers, or the indexes SQLite did not make itself)
    of tables; their CREATE statements, in the order they were made, to make them again."""
    marks = ", ".join("?" * len(tables))
    made = db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = ? AND tbl_name IN ({marks}) "
        "AND sql IS NOT NULL ORDER BY rowid",
        [kind, *tables],
    ).fetchall()
    for name, _ in made:
        db.execute(f"DROP {kind.upper()} {name}")
    return [sql for _, sql in made]


def _finish(db, indexes, triggers):
    """The indexes built once from the loaded rows (a sort, not a B-tree insert per row),
    what the set-aside triggers would have done, then the triggers back."""
    for sql in indexes:
        db.execute(sql)
    db.execute(
        "INSERT INTO claim_status_counts (status, claims) "
        "SELECT status, count(*) FROM claims WHERE true GROUP BY status "
        "ON CONFLICT (status) DO UPDATE SET claims = claims + excluded.claims"
    )
    for sql in triggers:
        db.execute(sql)
    broken = db.execute("PRAGMA foreign_key_check").fetchmany(5)
    if broken:
        raise RuntimeError(f"generated rows break foreign keys: {broken}")


@contextmanager
def loading(db):
    """A Loader inside one transaction: all of the desk lands or none of it. A rollback
    journal (new pages go straight to the file, not twice through the WAL), no fsync, a
    large cache, sorts in threads, foreign keys checked once at the end; the connection's
    usual settings (factcheck.db.connect) and its journal mode are restored afterwards."""
    journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
    # The indexes are built at the end, where nothing else runs: their sorts may use threads.
    db.execute(f"PRAGMA threads = {SORT_THREADS}")
    db.execute(f"ATTACH ':memory:' AS {BATCH}")  # not allowed inside a transaction
    db.execute("BEGIN IMMEDIATE")
    loader = Loader(db)
    try:
        triggers = _set_aside(db, "trigger", TRIGGER_TABLES)
        indexes = _set_aside(db, "index", tuple(COLUMNS))
        loader.start()
        yield loader
        loader.close()
        _finish(db, indexes, triggers)
        db.conn.execute("COMMIT")
    except BaseException:
        if loader.is_alive():
            loader.error = loader.error or RuntimeError("stopped")
            loader.stop()
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    finally:
        db.execute(f"DETACH {BATCH}")
        db.execute(f"PRAGMA journal_mode = {journal}")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -2000")
        db.execute("PRAGMA threads = 0")
        db.execute("PRAGMA foreign_keys = ON")
