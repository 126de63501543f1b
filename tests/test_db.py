"""Connections from factcheck.db: the write-ahead log does not keep a spike's size for good."""

from pathlib import Path

from factcheck.db import JOURNAL_SIZE_LIMIT, connect, write_transaction

MIB = 1024 * 1024


def test_wal_shrinks_back_to_the_limit_once_a_long_read_ends(db_path):
    writer, reader = connect(db_path), connect(db_path)
    wal = Path(f"{db_path}-wal")
    writer.execute("CREATE TABLE scratch (data BLOB)")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM claims").fetchone()  # a snapshot no checkpoint may pass
    for _ in range(JOURNAL_SIZE_LIMIT // MIB + 8):
        with write_transaction(writer):
            writer.execute("INSERT INTO scratch VALUES (zeroblob(?))", [MIB])
    grown = wal.stat().st_size
    reader.execute("COMMIT")
    for _ in range(3):  # a checkpoint on one commit; the log restarts (and is cut) on the next
        with write_transaction(writer):
            writer.execute("DELETE FROM scratch WHERE rowid = (SELECT min(rowid) FROM scratch)")
    assert grown > JOURNAL_SIZE_LIMIT
    assert wal.stat().st_size <= JOURNAL_SIZE_LIMIT
    writer.close()
    reader.close()
