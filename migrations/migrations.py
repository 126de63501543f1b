"""The database schema, as append-only named steps. Never edit a step once it has shipped:
add a new one."""

import sqlite3
import unicodedata
from contextlib import contextmanager

from sqlite_utils import Migrations

migrations = Migrations("factcheck")

RATING_SCALES = [
    {
        "slug": "six-point",
        "name": "Six-point truth scale",
        "description": "A six-step scale in the style of PolitiFact's Truth-O-Meter.",
        "labels": [
            (
                "true",
                "True",
                "The statement is accurate and nothing significant is missing.",
                5,
                "true",
            ),
            (
                "mostly-true",
                "Mostly true",
                "Accurate but needs clarification or more information.",
                4,
                "mostly_true",
            ),
            (
                "half-true",
                "Half true",
                "Partially accurate; leaves out important details or takes things out of context.",
                3,
                "mixed",
            ),
            (
                "mostly-false",
                "Mostly false",
                "Has an element of truth but ignores facts that would give a different impression.",
                2,
                "mostly_false",
            ),
            ("false", "False", "The statement is not accurate.", 1, "false"),
            (
                "pants-on-fire",
                "Pants on fire",
                "Not accurate, and makes a ridiculous claim.",
                0,
                "false",
            ),
        ],
    },
    {
        "slug": "five-point",
        "name": "Five-point accuracy scale",
        "description": "A plain five-step scale, plus a label for claims the record cannot settle.",
        "labels": [
            ("accurate", "Accurate", "Supported by the record.", 4, "true"),
            (
                "mostly-accurate",
                "Mostly accurate",
                "Supported, with minor errors or omissions.",
                3,
                "mostly_true",
            ),
            ("mixed", "Mixed", "Parts are supported and parts are not.", 2, "mixed"),
            (
                "misleading",
                "Misleading",
                "Built on facts but gives a false impression.",
                1,
                "mostly_false",
            ),
            ("inaccurate", "Inaccurate", "Contradicted by the record.", 0, "false"),
            (
                "unproven",
                "Unproven",
                "The available evidence neither supports nor contradicts it.",
                None,
                "other",
            ),
        ],
    },
]


@migrations(name="0001_rating_scales")
def rating_scales(db):
    db.executescript(
        """
        CREATE TABLE rating_scales (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            description TEXT NOT NULL
        ) STRICT;
        CREATE TABLE rating_labels (
            id INTEGER PRIMARY KEY,
            scale_id INTEGER NOT NULL REFERENCES rating_scales(id),
            slug TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            ordinal INTEGER,
            bucket TEXT NOT NULL CHECK (
                bucket IN ('true', 'mostly_true', 'mixed', 'mostly_false', 'false', 'other')
            ),
            position INTEGER NOT NULL,
            UNIQUE (scale_id, slug)
        ) STRICT;
        """
    )
    for scale in RATING_SCALES:
        scale_id = (
            db["rating_scales"]
            .insert({key: scale[key] for key in ("slug", "name", "description")})
            .last_pk
        )
        db["rating_labels"].insert_all(
            {
                "scale_id": scale_id,
                "slug": slug,
                "name": name,
                "description": description,
                "ordinal": ordinal,
                "bucket": bucket,
                "position": position,
            }
            for position, (slug, name, description, ordinal, bucket) in enumerate(scale["labels"])
        )


@migrations(name="0002_articles_claims_sources_verdicts")
def articles_claims_sources_verdicts(db):
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            url TEXT,
            publisher TEXT,
            published_at TEXT,
            language TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            text TEXT NOT NULL,
            claimant TEXT NOT NULL,
            claim_date TEXT,
            span_start INTEGER NOT NULL CHECK (span_start >= 0),
            span_end INTEGER NOT NULL,
            language TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new',
            published_verdict_id INTEGER REFERENCES verdicts(id),
            -- The published verdict's rating, copied here so the rating filter is one index.
            rating TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (span_end > span_start)
        ) STRICT;
        -- Ids grow with created_at, so (filter, id) indexes serve the default newest-first order.
        CREATE INDEX claims_by_article ON claims (article_id, id);
        CREATE INDEX claims_by_status ON claims (status, id);
        CREATE INDEX claims_by_rating ON claims (rating, id);
        CREATE INDEX claims_by_claimant ON claims (claimant COLLATE NOCASE, id);
        CREATE INDEX claims_by_updated ON claims (updated_at, id);
        CREATE INDEX claims_by_claim_date ON claims (ifnull(claim_date, ''), id);

        CREATE TABLE claim_tags (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (claim_id, tag)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX claim_tags_by_tag ON claim_tags (tag, claim_id);

        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            title TEXT,
            publisher TEXT,
            published_at TEXT,
            accessed_at TEXT,
            archived_url TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('primary', 'secondary')),
            note TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sources_by_claim ON sources (claim_id, id);

        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            scale_id INTEGER NOT NULL,
            rating TEXT NOT NULL,
            explanation TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            published_at TEXT,
            FOREIGN KEY (scale_id, rating) REFERENCES rating_labels (scale_id, slug),
            UNIQUE (claim_id, revision)
        ) STRICT;
        CREATE INDEX verdicts_by_rating ON verdicts (rating);

        CREATE TABLE verdict_sources (
            verdict_id INTEGER NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            PRIMARY KEY (verdict_id, source_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX verdict_sources_by_source ON verdict_sources (source_id);
        """
    )
    db["claims"].enable_fts(["text"], fts_version="FTS5", tokenize="porter", create_triggers=True)


@migrations(name="0003_accounts_workflow_audit")
def accounts_workflow_audit(db):
    db.executescript(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('reviewer', 'editor', 'admin')),
            created_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            -- Only a SHA-256 of the secret is kept; the secret is shown once, when issued.
            secret_hash TEXT NOT NULL UNIQUE,
            prefix TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            revoked_at TEXT
        ) STRICT;
        CREATE INDEX api_keys_by_user ON api_keys (user_id, id);

        ALTER TABLE claims ADD COLUMN assignee TEXT;
        CREATE INDEX claims_by_assignee ON claims (assignee, status);
        -- When readers last saw the claim change (a publication or retraction); drafts and
        -- internal moves leave it alone, so nothing about them reaches readers.
        ALTER TABLE claims ADD COLUMN public_updated_at TEXT;
        CREATE INDEX claims_by_public_updated ON claims (public_updated_at, id);

        -- Every status move, with its internal note and the note shown to readers.
        CREATE TABLE transitions (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            actor TEXT NOT NULL,
            note TEXT,
            public_note TEXT,
            verdict_id INTEGER REFERENCES verdicts(id),
            created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX transitions_by_claim ON transitions (claim_id, id);
        CREATE INDEX transitions_by_time ON transitions (created_at);

        -- Append-only, hash-chained: each event stores the hash of the one before it.
        CREATE TABLE audit_events (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            key_id INTEGER,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            claim_id INTEGER,
            public INTEGER NOT NULL DEFAULT 0,
            before TEXT,
            after TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;
        CREATE INDEX audit_events_by_claim ON audit_events (claim_id, id);
        CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        """
    )


@migrations(name="0004_claimant_folded")
def claimant_folded(db):
    # COLLATE NOCASE folds ASCII letters only ("émile zoë" missed "Émile Zoë"): the claimant
    # filter reads a Unicode case-folded copy instead (factcheck.claims.folded).
    db.execute("ALTER TABLE claims ADD COLUMN claimant_folded TEXT")
    for claim_id, claimant in db.execute("SELECT id, claimant FROM claims").fetchall():
        db.execute(
            "UPDATE claims SET claimant_folded = ? WHERE id = ?",
            [unicodedata.normalize("NFC", claimant).casefold(), claim_id],
        )
    db.execute("DROP INDEX claims_by_claimant")
    db.execute("CREATE INDEX claims_by_claimant ON claims (claimant_folded, id)")


@contextmanager
def _foreign_keys_off(db):
    """One transaction with foreign keys off, checked before it commits.

    Rebuilding a table drops the old one, and with foreign keys on that drop would first
    delete every row pointing at it (ON DELETE CASCADE: sources, verdicts, tags, moves).
    SQLite changes this pragma only outside a transaction, so the steps that rebuild are
    transactional=False and open their own transaction here.
    """
    was_on = db.execute("PRAGMA foreign_keys").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("foreign keys are still on (a transaction is open): refusing to drop")
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"foreign key check failed: {broken[:5]}")
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    finally:
        db.execute(f"PRAGMA foreign_keys = {'ON' if was_on else 'OFF'}")


def _rebuild(db, table, create_sql, entity):
    """Replace `table` by the one create_sql makes, keeping its rows (ids included), its
    indexes and its triggers (the FTS triggers on claims), and start its AUTOINCREMENT
    counter above every id it ever gave: the largest left in the table, or named by an
    audit event (an id deleted before this step)."""
    extras = db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY rowid",
        [table],
    ).fetchall()
    columns = ", ".join(f'"{name}"' for name in db[table].columns_dict)
    db.execute(create_sql.replace(f"CREATE TABLE {table} (", f"CREATE TABLE _new_{table} (", 1))
    db.execute(f"INSERT INTO _new_{table} ({columns}) SELECT {columns} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE _new_{table} RENAME TO {table}")
    for (sql,) in extras:
        db.execute(sql)
    claim_ids = "UNION ALL SELECT claim_id FROM audit_events" if entity == "claim" else ""
    (highest,) = db.execute(
        f"SELECT ifnull(max(id), 0) FROM (SELECT max(id) AS id FROM {table} "
        f"UNION ALL SELECT entity_id FROM audit_events WHERE entity = ? {claim_ids})",
        [entity],
    ).fetchone()
    db.execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
    db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, highest])


def _stored_sql(db, table):
    return db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]


@migrations(name="0005_ids_never_reused", transactional=False)
def ids_never_reused(db):
    # Without AUTOINCREMENT SQLite hands out max(id) + 1, so deleting the newest claim gave
    # its id (its history, its ETag) to the next one.
    with _foreign_keys_off(db):
        for table, entity in (
            ("articles", "article"),
            ("claims", "claim"),
            ("sources", "source"),
            ("verdicts", "verdict"),
        ):
            sql = _stored_sql(db, table)
            if "AUTOINCREMENT" in sql:
                continue  # rebuilt already, by a run that stopped before recording itself
            rebuilt = sql.replace(
                "id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,"
            )
            if rebuilt.count("AUTOINCREMENT") != 1:
                raise RuntimeError(f"unexpected definition of {table}: {sql}")
            _rebuild(db, table, rebuilt, entity)


@migrations(name="0006_user_profiles", transactional=False)
def user_profiles(db):
    # The viewer role (reads everything staff read, writes nothing), a byline for verdicts,
    # deactivation, and user ids that are never reused either.
    if "display_name" in db["users"].columns_dict:
        return  # rebuilt already, by a run that stopped before recording itself
    with _foreign_keys_off(db):
        _rebuild(
            db,
            "users",
            """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('viewer', 'reviewer', 'editor', 'admin')),
                created_at TEXT NOT NULL,
                -- The byline readers see on this user's verdicts; null: the login name.
                display_name TEXT CHECK (length(display_name) BETWEEN 1 AND 100),
                -- Null while the user may act; when an admin deactivated them.
                deactivated_at TEXT
            ) STRICT
            """,
            "user",
        )


@migrations(name="0007_notice_kinds")
def notice_kinds(db):
    # Public notes say what they are; corrections were stored as second publications.
    # A retracted claim presents no verdict: its rating copy (the rating filter) is cleared.
    db.executescript(
        """
        ALTER TABLE transitions ADD COLUMN kind TEXT
            CHECK (kind IN ('publication', 'correction', 'retraction', 'reinstatement'));
        UPDATE transitions SET kind = CASE
            WHEN to_status = 'retracted' THEN 'retraction'
            WHEN from_status = 'retracted' THEN 'reinstatement'
            WHEN to_status = 'published' AND EXISTS (
                SELECT 1 FROM transitions p
                WHERE p.claim_id = transitions.claim_id AND p.id < transitions.id
                AND p.to_status = 'published'
            ) THEN 'correction'
            WHEN to_status = 'published' THEN 'publication'
        END;
        UPDATE claims SET rating = NULL WHERE status = 'retracted';
        """
    )


@migrations(name="0008_article_url_key")
def article_url_key(db):
    # A CMS finds a story by its address in one indexed lookup, and the unique index keeps a
    # second copy of an article out even when two writers post it at once. Articles stored
    # before this step under an address already taken keep their rows but no key: the
    # oldest copy is the one the address finds. `version` gives articles an ETag. The key is
    # factcheck.urls.url_key's: if that rule ever changes, a later step recomputes the keys.
    from factcheck.urls import url_key

    db.executescript(
        """
        ALTER TABLE articles ADD COLUMN url_key TEXT;
        ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX claims_by_article_position ON claims (article_id, span_start, id);
        """
    )
    taken = set()
    for article_id, url in db.execute(
        "SELECT id, url FROM articles WHERE url IS NOT NULL ORDER BY id"
    ).fetchall():
        try:
            key = url_key(url)
        except ValueError:
            continue  # a port out of range: no page to find under it
        if key not in taken:
            taken.add(key)
            db.execute("UPDATE articles SET url_key = ? WHERE id = ?", [key, article_id])
    db.execute("CREATE UNIQUE INDEX articles_by_url_key ON articles (url_key)")


@migrations(name="0009_public_search_cursor_secret")
def public_search_cursor_secret(db):
    # Readers search an index of published claims only: bm25 over every claim let their
    # ranking, and the score a relevance cursor carried, move when staff stored unpublished
    # claims. A claim is a reader's once published_verdict_id is set (factcheck/visibility).
    # The secret signs cursors; kept here, every worker and a restored backup share it.
    db.executescript(
        """
        CREATE VIRTUAL TABLE claims_public_fts USING fts5 (text, tokenize = 'porter');
        INSERT INTO claims_public_fts (rowid, text)
            SELECT id, text FROM claims WHERE published_verdict_id IS NOT NULL;
        CREATE TRIGGER claims_public_fts_insert AFTER INSERT ON claims
            WHEN new.published_verdict_id IS NOT NULL
            BEGIN INSERT INTO claims_public_fts (rowid, text) VALUES (new.id, new.text); END;
        CREATE TRIGGER claims_public_fts_publish AFTER UPDATE OF published_verdict_id ON claims
            WHEN old.published_verdict_id IS NULL AND new.published_verdict_id IS NOT NULL
            BEGIN INSERT INTO claims_public_fts (rowid, text) VALUES (new.id, new.text); END;
        CREATE TRIGGER claims_public_fts_unpublish AFTER UPDATE OF published_verdict_id ON claims
            WHEN old.published_verdict_id IS NOT NULL AND new.published_verdict_id IS NULL
            BEGIN DELETE FROM claims_public_fts WHERE rowid = old.id; END;
        CREATE TRIGGER claims_public_fts_text AFTER UPDATE OF text ON claims
            WHEN new.published_verdict_id IS NOT NULL
            BEGIN UPDATE claims_public_fts SET text = new.text WHERE rowid = new.id; END;
        CREATE TRIGGER claims_public_fts_delete AFTER DELETE ON claims
            WHEN old.published_verdict_id IS NOT NULL
            BEGIN DELETE FROM claims_public_fts WHERE rowid = old.id; END;

        CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT;
        INSERT INTO server_secrets (name, value) VALUES ('cursor', randomblob(32));
        """
    )


# Microseconds since the epoch of a canonical timestamp (factcheck/timeutil), exactly:
# julianday() is a double and loses the microseconds.
def _micros(timestamp):
    return (
        f"(CAST(strftime('%s', substr({timestamp}, 1, 19)) AS INTEGER) * 1000000"
        f" + CAST(substr({timestamp}, 21, 6) AS INTEGER))"
    )


# When the claim of move `t` entered the status the move leaves: its previous move, or its
# creation (the definition /stats used to compute per request).
_ENTERED = (
    "ifnull((SELECT max(p.created_at) FROM transitions p "
    "WHERE p.claim_id = {t}.claim_id AND p.id < {t}.id), "
    "(SELECT c.created_at FROM claims c WHERE c.id = {t}.claim_id))"
)


@migrations(name="0010_rating_bucket")
def rating_bucket(db):
    # The normalised bucket (true ... false, other) of the published verdict's rating, copied
    # onto the claim like the rating itself, so `bucket=` is one index walk in id order
    # across every scale. A trigger keeps it in step with whatever sets the rating
    # (publication, correction, retraction), so no writer has to remember it; it reads the
    # label on the published verdict's own scale, since two scales may share a slug.
    db.executescript(
        """
        ALTER TABLE claims ADD COLUMN rating_bucket TEXT;
        CREATE TRIGGER claims_rating_bucket AFTER UPDATE OF rating, published_verdict_id
        ON claims BEGIN
            UPDATE claims SET rating_bucket = (
                SELECT l.bucket FROM verdicts v
                JOIN rating_labels l ON l.scale_id = v.scale_id AND l.slug = NEW.rating
                WHERE v.id = NEW.published_verdict_id
            ) WHERE id = NEW.id;
        END;
        UPDATE claims SET rating_bucket = (
            SELECT l.bucket FROM verdicts v
            JOIN rating_labels l ON l.scale_id = v.scale_id AND l.slug = claims.rating
            WHERE v.id = claims.published_verdict_id
        ) WHERE rating IS NOT NULL;
        CREATE INDEX claims_by_rating_bucket ON claims (rating_bucket, id);
        """
    )


@migrations(name="0011_stats_summary")
def stats_summary(db):
    # /stats computed each move's time in status with a subquery per move and counted claims
    # per status with a scan: 2.65 s over 200,000 moves. Now a trigger records each move's
    # time in status in status_spells when the move is stored (transitions stay untouched:
    # they are a record), an index there holds (status, time, duration) for the medians, and
    # a table keeps the count of claims per status.
    spent = "{micros} - {entered}".format(
        micros=_micros("t.created_at"), entered=_micros(_ENTERED.format(t="t"))
    )
    db.executescript(
        f"""
        CREATE TABLE status_spells (
            transition_id INTEGER PRIMARY KEY REFERENCES transitions(id) ON DELETE CASCADE,
            from_status TEXT NOT NULL,
            left_at TEXT NOT NULL,
            micros INTEGER NOT NULL
        ) STRICT;
        INSERT INTO status_spells (transition_id, from_status, left_at, micros)
            SELECT t.id, t.from_status, t.created_at, {spent} FROM transitions t;
        CREATE TRIGGER status_spells_record AFTER INSERT ON transitions BEGIN
            INSERT INTO status_spells (transition_id, from_status, left_at, micros)
                SELECT t.id, t.from_status, t.created_at, {spent}
                FROM transitions t WHERE t.id = new.id;
        END;
        CREATE INDEX status_spells_for_stats ON status_spells (from_status, left_at, micros);

        CREATE TABLE claim_status_counts (
            status TEXT PRIMARY KEY,
            claims INTEGER NOT NULL CHECK (claims >= 0)
        ) STRICT;
        INSERT INTO claim_status_counts (status, claims)
            SELECT status, count(*) FROM claims GROUP BY status;
        CREATE TRIGGER claim_status_counts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claim_status_counts (status, claims) VALUES (new.status, 1)
                ON CONFLICT (status) DO UPDATE SET claims = claims + 1;
        END;
        CREATE TRIGGER claim_status_counts_delete AFTER DELETE ON claims BEGIN
            UPDATE claim_status_counts SET claims = claims - 1 WHERE status = old.status;
        END;
        CREATE TRIGGER claim_status_counts_update AFTER UPDATE OF status ON claims
            WHEN old.status IS NOT new.status BEGIN
            UPDATE claim_status_counts SET claims = claims - 1 WHERE status = old.status;
            INSERT INTO claim_status_counts (status, claims) VALUES (new.status, 1)
                ON CONFLICT (status) DO UPDATE SET claims = claims + 1;
        END;
        """
    )


@migrations(name="0012_claim_text_normalised")
def claim_text_normalised(db):
    # "Has this been checked?" (factcheck/matching.py). Each claim keeps its text as
    # factcheck.wording gives it, written by factcheck.claims (if those rules ever change, a
    # later step recomputes both columns):
    # - text_normalised: typed with other quotes, dashes, spaces or case, a claim is still
    #   found exactly, in one indexed lookup;
    # - text_words: its stemmed content words, indexed by claim_words_fts (whose vocabulary
    #   tells how many claims hold each word, so a lookup searches only the rarer words of
    #   a sentence and ranks a bounded number of claims: OR-ing every word of a sentence
    #   against claims_fts ranked 52,000 of 100,000 similar claims, 650 ms).
    from factcheck.wording import indexed_words, normalised

    db.execute("ALTER TABLE claims ADD COLUMN text_normalised TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN text_words TEXT")
    for claim_id, text in db.execute("SELECT id, text FROM claims").fetchall():
        db.execute(
            "UPDATE claims SET text_normalised = ?, text_words = ? WHERE id = ?",
            [normalised(text), indexed_words(text), claim_id],
        )
    db.executescript(
        """
        CREATE INDEX claims_by_text_normalised ON claims (text_normalised);
        CREATE VIRTUAL TABLE claim_words_fts USING fts5(
            text_words, content='claims', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0'
        );
        INSERT INTO claim_words_fts (claim_words_fts) VALUES ('rebuild');
        CREATE VIRTUAL TABLE claim_words_vocab USING fts5vocab(claim_words_fts, 'row');
        CREATE TRIGGER claims_words_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claim_words_fts (rowid, text_words) VALUES (new.id, new.text_words);
        END;
        CREATE TRIGGER claims_words_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claim_words_fts (claim_words_fts, rowid, text_words)
                VALUES ('delete', old.id, old.text_words);
        END;
        CREATE TRIGGER claims_words_update AFTER UPDATE OF text_words ON claims BEGIN
            INSERT INTO claim_words_fts (claim_words_fts, rowid, text_words)
                VALUES ('delete', old.id, old.text_words);
            INSERT INTO claim_words_fts (rowid, text_words) VALUES (new.id, new.text_words);
        END;
        """
    )


@migrations(name="0014_webhooks")
def webhooks(db):
    # Subscriptions, the outbox of events (written in the transaction of the change they
    # report, factcheck/outbox.py) and one delivery per (subscription, event), each attempt
    # logged. AUTOINCREMENT: a delivery or event id is a receiver's idempotency key, so none
    # is ever given out twice, even after rows are deleted. Times the worker compares and
    # adds to (next attempt, lease) are Unix seconds; those shown are ISO text.
    db.executescript(
        """
        CREATE TABLE webhooks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            url TEXT NOT NULL,
            events TEXT NOT NULL CHECK (json_valid(events)),
            secret TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            disabled_at TEXT,
            disabled_reason TEXT
        ) STRICT;
        CREATE TABLE webhook_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL,
            created_at TEXT NOT NULL,
            claim_id INTEGER,
            audit_event_id INTEGER NOT NULL REFERENCES audit_events (id),
            data TEXT NOT NULL CHECK (json_valid(data))
        ) STRICT;
        CREATE TABLE webhook_deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
            event_id INTEGER NOT NULL REFERENCES webhook_events (id),
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'delivering', 'succeeded', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL,
            lease_until REAL,
            worker TEXT,
            redelivery_of INTEGER REFERENCES webhook_deliveries (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            completed_at TEXT
        ) STRICT;
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
        CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
        CREATE TABLE webhook_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
            attempted_at TEXT NOT NULL,
            status_code INTEGER,
            error TEXT,
            duration_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
        """
    )


@migrations(name="0015_source_link_checks")
def source_link_checks(db):
    # What the worker's last link check of a source found (factcheck/linkcheck.py), and when
    # the next is due. Sources stored before this step are due at once, like new ones. The
    # partial index finds the broken ones for the editors' queue without reading the rest.
    db.executescript(
        """
        ALTER TABLE sources ADD COLUMN check_state TEXT
            CHECK (check_state IN ('ok', 'redirected', 'broken', 'unreachable'));
        ALTER TABLE sources ADD COLUMN check_http_status INTEGER;
        ALTER TABLE sources ADD COLUMN check_final_url TEXT;
        ALTER TABLE sources ADD COLUMN check_title TEXT;
        ALTER TABLE sources ADD COLUMN check_content_type TEXT;
        ALTER TABLE sources ADD COLUMN check_redirects TEXT;
        ALTER TABLE sources ADD COLUMN check_error TEXT;
        ALTER TABLE sources ADD COLUMN checked_at TEXT;
        ALTER TABLE sources ADD COLUMN check_due_at TEXT;
        UPDATE sources SET check_due_at = created_at;
        CREATE INDEX sources_by_check_due ON sources (check_due_at);
        CREATE INDEX sources_broken ON sources (claim_id) WHERE check_state = 'broken';
        """
    )


# 0016's edits of the stored claims definition: (what it says now, what it says after).
_CLAIM_ORIGIN_EDITS = (
    ('CREATE TABLE "claims" (', "CREATE TABLE claims ("),
    ("article_id INTEGER NOT NULL REFERENCES", "article_id INTEGER REFERENCES"),
    ("claimant TEXT NOT NULL,", "claimant TEXT,"),
    ("span_start INTEGER NOT NULL CHECK", "span_start INTEGER CHECK"),
    ("span_end INTEGER NOT NULL,", "span_end INTEGER,"),
    (
        "CHECK (span_end > span_start)",
        """-- Who proposed the claim: typed in, found in its article, or imported.
            origin TEXT NOT NULL DEFAULT 'manual'
                CHECK (origin IN ('manual', 'extracted', 'imported')),
            -- An extracted sentence's score in [0, 1] and the reasons (a JSON list of strings).
            check_worthiness REAL CHECK (check_worthiness BETWEEN 0 AND 1),
            check_worthiness_reasons TEXT
                CHECK (check_worthiness_reasons IS NULL OR json_valid(check_worthiness_reasons)),
            CHECK (span_end > span_start),
            -- A claim quoted from an article has its span; an imported one has neither.
            CHECK ((article_id IS NULL) = (span_start IS NULL)
                AND (span_start IS NULL) = (span_end IS NULL))""",
    ),
)


@migrations(name="0016_claim_origin", transactional=False)
def claim_origin(db):
    # Claims imported from other fact-checkers (ClaimReview) have no article here and often
    # no claimant (ClaimReview allows none), and an extracted sentence may name nobody;
    # extraction records where a claim came from and how check-worthy it scored.
    if "origin" in db["claims"].columns_dict:
        return  # rebuilt already, by a run that stopped before recording itself
    sql = _stored_sql(db, "claims")
    for old, new in _CLAIM_ORIGIN_EDITS:
        if sql.count(old) != 1:
            raise RuntimeError(f"unexpected definition of claims (no {old!r}): {sql}")
        sql = sql.replace(old, new)
    with _foreign_keys_off(db):
        # Triggers on other tables name claims (status_spells_record on transitions): with
        # the modern rename, dropping claims before renaming its copy fails on them ("no
        # such table: main.claims"). The legacy rename leaves other objects' SQL alone,
        # which is right here: the copy takes the very name they refer to.
        db.execute("PRAGMA legacy_alter_table = ON")
        try:
            _rebuild(db, "claims", sql, "claim")
        finally:
            db.execute("PRAGMA legacy_alter_table = OFF")


@migrations(name="0017_external_reviews")
def external_reviews(db):
    # Other fact-checkers' published reviews of a claim (ClaimReview imports). The review's
    # URL identifies it: importing it again changes nothing.
    db.executescript(
        """
        CREATE TABLE external_reviews (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
            url TEXT NOT NULL UNIQUE,
            claim_reviewed TEXT NOT NULL,
            publisher_name TEXT,
            publisher_site TEXT NOT NULL,
            textual_rating TEXT NOT NULL,
            rating_value REAL,
            best_rating REAL,
            worst_rating REAL,
            review_date TEXT,
            title TEXT,
            claimant TEXT,
            claim_date TEXT,
            appearances TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(appearances)),
            language TEXT,
            imported_by TEXT NOT NULL,
            imported_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX external_reviews_by_claim ON external_reviews (claim_id, id);
        -- The Fact Check Tools search's reviewPublisherSiteFilter for another publisher.
        CREATE INDEX external_reviews_by_site ON external_reviews (publisher_site, id);
        """
    )


@migrations(name="0018_article_author")
def article_author(db):
    # Who wrote the article (its byline), as the page or the request gives it; null when
    # unknown, as for every article stored before.
    db.execute("ALTER TABLE articles ADD COLUMN author TEXT")


@migrations(name="0019_claims_fts_on_text_only")
def claims_fts_on_text_only(db):
    # The staff search index was rewritten on every update of a claim (sqlite-utils' trigger
    # fires on any column), so each workflow move wrote FTS segments, twice when the rating
    # copy changed too: about a millisecond of every move, under the write lock. Only a
    # change of the quote changes what the index holds.
    db.executescript(
        """
        DROP TRIGGER claims_au;
        CREATE TRIGGER claims_au AFTER UPDATE OF text ON claims
        WHEN old.text IS NOT new.text BEGIN
            INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
        END;
        """
    )


@migrations(name="0020_webhook_log_retention")
def webhook_log_retention(db):
    # The worker removes finished deliveries past the retention (factcheck/webhook_log.py).
    # It finds them by completion time; a delivery removed sets its redeliveries'
    # redelivery_of to null and an event is removed once no delivery refers to it: without
    # these indexes each removed row would scan the whole log.
    db.executescript(
        """
        CREATE INDEX webhook_deliveries_finished ON webhook_deliveries (completed_at)
            WHERE completed_at IS NOT NULL;
        CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);
        CREATE INDEX webhook_deliveries_redeliveries ON webhook_deliveries (redelivery_of)
            WHERE redelivery_of IS NOT NULL;
        """
    )


@migrations(name="0021_status_spells_from_the_latest_move")
def status_spells_from_the_latest_move(db):
    # status_spells_record found when a claim entered the status its move leaves as the
    # latest time among all its earlier moves, computed twice: each claim's every earlier
    # move was read twice per move, so a move cost more the more the claim had moved (30
    # moves a claim: 45 us of the insert against 22 now). Its previous move is the one with
    # the highest id below, found by one step down transitions_by_claim; moves are stamped
    # inside the write turn, so that is also the latest in time.
    micros = _micros("new.created_at")
    entered = (
        "ifnull((SELECT p.created_at FROM transitions p WHERE p.claim_id = new.claim_id "
        "AND p.id < new.id ORDER BY p.id DESC LIMIT 1), "
        "(SELECT c.created_at FROM claims c WHERE c.id = new.claim_id))"
    )
    db.executescript(
        f"""
        DROP TRIGGER status_spells_record;
        CREATE TRIGGER status_spells_record AFTER INSERT ON transitions BEGIN
            INSERT INTO status_spells (transition_id, from_status, left_at, micros)
                SELECT new.id, new.from_status, new.created_at, {micros} - {_micros("entered")}
                FROM (SELECT {entered} AS entered);
        END;
        """
    )
