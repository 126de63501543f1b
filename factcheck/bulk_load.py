"""The database side of writing a generated desk (factcheck/bulk.py makes the rows). Each
batch's rows go into a SQLite database of their own, in memory, made with the desk's own
CREATE TABLE and CREATE INDEX statements (`packed`, in the process that made the rows, which
also checks the batch's foreign keys there); the process holding the desk copies each table
of it in with one `INSERT INTO t SELECT * FROM batch.t`, which SQLite does by copying the
records as they are, index entries included (its transfer optimisation: no values decoded,
no Python objects, no index key computed), in a thread of its own, so the next batch
arrives meanwhile. One transaction with the settings of a bulk load, the triggers of the
desk's tables set aside while rows go in and what they maintain computed once at the end.

Why the indexes are kept during the load rather than built at the end (one sort each):
at 1,000,000 claims the builds at the end took 27 s and the foreign key check 6 s with
nothing else running beside them (each re-reads its table, 5.5 GB in all, partly from the
disk once the kernel has dropped the pages written first); made per batch, that work is
shared out between the processes while the story is told."""

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
    """What `packed` makes a batch's database of, as plain data (it runs in other
    processes): the CREATE TABLE statements of the desk's tables, the CREATE INDEX
    statements of their secondary indexes, and the rating labels' keys (the verdicts'
    foreign key to them is checked in the batch's database too)."""
    sql = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?"
    tables = [db.execute(sql, [table]).fetchone()[0] for table in COLUMNS]
    indexes = _made(db, "index", tuple(COLUMNS))
    labels = db.execute("SELECT scale_id, slug FROM rating_labels").fetchall()
    return {"tables": tables, "indexes": [sql for _, sql in indexes], "labels": labels}


# What a batch's foreign keys to rating_labels need of it: its key.
LABEL_KEYS = "CREATE TABLE rating_labels (scale_id INTEGER, slug TEXT, UNIQUE (scale_id, slug))"


def packed(schema, rows, link):
    """A batch's rows (by table, bulk.Writer.batch) as a serialised database made of
    `schema` (definitions), its indexes built and its foreign keys checked. The audit
    events go in last, through `link` (a bulk.Chain's, which may wait for the hash the
    batch carries on from)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        # The indexes made before the rows, so that every batch's database has its tables
        # and indexes on the same pages: the process copying them in reads the schema of
        # the first and deserializes each next one in its place (indexes built after the
        # rows moved with the batch's size, and SQLite found the second batch malformed).
        for sql in (*schema["tables"], *schema["indexes"]):
            conn.execute(sql)
        conn.execute(LABEL_KEYS)
        conn.executemany("INSERT INTO rating_labels VALUES (?, ?)", schema["labels"])
        conn.execute("BEGIN")
        for table in COLUMNS:
            if rows[table] and table != "audit_events":
                _insert(conn, table, rows[table])
        _insert(conn, "audit_events", link(rows["audit_events"]))
        _check_references(conn)
        conn.execute("COMMIT")
        return conn.serialize()
    finally:
        conn.close()


def _check_references(conn):
    """The batch's foreign keys, checked where its rows are: a batch refers only to its
    own rows (and the rating labels), so the desk's are checked once every batch's are."""
    for table in COLUMNS:
        broken = conn.execute(f"PRAGMA foreign_key_check({table})").fetchmany(5)
        if broken:
            raise RuntimeError(f"generated rows break foreign keys: {broken}")


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


def _made(db, kind, tables):
    """(name, CREATE statement) of the schema objects of a kind (triggers, or the indexes
    SQLite did not make itself) of tables, in the order they were made."""
    marks = ", ".join("?" * len(tables))
    return db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = ? AND tbl_name IN ({marks}) "
        "AND sql IS NOT NULL ORDER BY rowid",
        [kind, *tables],
    ).fetchall()


def _set_aside(db, kind, tables):
    """Drop the named schema objects of tables (_made); their CREATE statements, in the
    order they were made, to make them again."""
    made = _made(db, kind, tables)
    for name, _ in made:
        db.execute(f"DROP {kind.upper()} {name}")
    return [sql for _, sql in made]


def _finish(db, triggers):
    """What the set-aside triggers would have done, then the triggers back."""
    db.execute(
        "INSERT INTO claim_status_counts (status, claims) "
        "SELECT status, count(*) FROM claims WHERE true GROUP BY status "
        "ON CONFLICT (status) DO UPDATE SET claims = claims + excluded.claims"
    )
    for sql in triggers:
        db.execute(sql)


@contextmanager
def loading(db):
    """A Loader inside one transaction: all of the desk lands or none of it. A rollback
    journal (new pages go straight to the file, not twice through the WAL), no fsync, a
    large cache, foreign keys checked per batch (`packed`); the connection's usual
    settings (factcheck.db.connect) and its journal mode are restored afterwards."""
    journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
    db.execute(f"ATTACH ':memory:' AS {BATCH}")  # not allowed inside a transaction
    db.execute("BEGIN IMMEDIATE")
    loader = Loader(db)
    try:
        triggers = _set_aside(db, "trigger", TRIGGER_TABLES)
        loader.start()
        yield loader
        loader.close()
        _finish(db, triggers)
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
        db.execute("PRAGMA foreign_keys = ON")
