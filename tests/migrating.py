"""Databases as an older version left them, for tests of the steps that fill in what they add.

Seeding an old schema with today's code breaks whenever today's code writes to something a
later step adds (the outbox, a new column); instead, the seeded template's rows are copied
into a database migrated only up to the step under test, column by column where both have
them, with that schema's own triggers (search indexes) firing as the rows go in.
"""

from factcheck.db import connect
from migrations.migrations import migrations


def plain_tables(db):
    """Ordinary tables: no virtual tables, none of their shadow tables, no bookkeeping."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _ in rows
        if name not in virtual
        and not name.startswith(("sqlite_", "_sqlite_"))
        and not any(name.startswith(f"{table}_") for table in virtual)
    ]


def seeded_before(path, step, seeded_template):
    """A database at the step before `step`, holding the seed's rows; open, as a Database."""
    db = connect(path)
    migrations.apply(db, stop_before=step)
    db.execute("PRAGMA foreign_keys = OFF")  # rows arrive table by table, not in key order
    db.execute("ATTACH DATABASE ? AS seeded", [str(seeded_template)])
    with db.conn:
        for table in plain_tables(db):
            seeded = {row[1] for row in db.execute(f"PRAGMA seeded.table_info([{table}])")}
            columns = ", ".join(f"[{c}]" for c in db[table].columns_dict if c in seeded)
            db.execute(
                f"INSERT OR IGNORE INTO main.[{table}] ({columns}) "
                f"SELECT {columns} FROM seeded.[{table}]"
            )
    db.execute("DETACH DATABASE seeded")
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    return db
