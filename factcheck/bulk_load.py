"""The database side of writing a generated desk (factcheck/bulk.py makes the rows): one
transaction with the settings of a bulk load, the triggers of claims and transitions and
the secondary indexes of the desk's tables set aside while rows go in (an index built from
the rows at the end is one sort, not a B-tree insert per row) and what the triggers
maintain computed once at the end, and the inserts in a thread of their own, so that
SQLite (which releases the GIL while it works) writes one batch while the next arrives."""

import queue
import threading
from contextlib import contextmanager

from factcheck.bulk import COLUMNS

# The tables whose triggers are set aside; bulk.Writer computes status_spells and the
# rating bucket itself, and finish() rebuilds the rest.
TRIGGER_TABLES = ("claims", "transitions")
CACHE_KIB = 512 * 1024
SORT_THREADS = 2


def _insert(db, table, rows):
    names = ", ".join(COLUMNS[table])
    marks = ", ".join("?" * len(COLUMNS[table]))
    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


class Loader(threading.Thread):
    """Inserts the batches it is given, in order, until given None."""

    def __init__(self, db):
        super().__init__(name="generate-loader", daemon=True)
        self.db = db
        self.batches = queue.Queue(maxsize=2)
        self.error = None

    def run(self):
        while (rows := self.batches.get()) is not None:
            if self.error is None:
                try:
                    for table in COLUMNS:
                        if rows[table]:
                            _insert(self.db, table, rows[table])
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
    db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
    db.execute("INSERT INTO claim_words_fts (claim_words_fts) VALUES ('rebuild')")
    # Generation refuses a database holding claims: every published claim here is new.
    db.execute(
        "INSERT INTO claims_public_fts (rowid, text) "
        "SELECT id, text FROM claims WHERE published_verdict_id IS NOT NULL"
    )
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
        db.execute(f"PRAGMA journal_mode = {journal}")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -2000")
        db.execute("PRAGMA threads = 0")
        db.execute("PRAGMA foreign_keys = ON")
