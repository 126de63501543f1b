"""Writing a generated desk (factcheck/generate.py) in bulk: each operation has exactly the
effects its domain function has (accounts.create_user, articles.create, claims.create,
sources.add, verdicts.add, transitions.apply), computed in memory for a batch and written
with one statement per table. A claim is inserted once, in its final state.

What triggers maintain as rows change is computed here instead, and tests/test_generate.py
proves it the same by replaying the desk through the domain functions: the search indexes
are filled from each batch's claims (bulk_load.COPIES), the status counts counted, each
move's time in status (status_spells) computed from the times the writer knows, and the
rating bucket read from the scale's labels. The audit trail is hash-chained exactly as
audit.record chains it (audit.verify checks every link)."""

from collections import namedtuple
from dataclasses import fields
from datetime import UTC, datetime
from hashlib import sha256
from json.encoder import c_make_encoder, encode_basestring_ascii
from operator import itemgetter

from factcheck import sources, transitions, urls, workflow
from factcheck.audit import GENESIS, HASHED_FIELDS
from factcheck.claims import folded
from factcheck.identity import COMMAND_LINE, Identity


def _listed(text):
    """The words of text, as a tuple (long lists read better as one string)."""
    return tuple(text.split())


COLUMNS = {
    "users": ("id", "name", "role", "display_name", "created_at"),
    "articles": _listed(
        "id title body url publisher published_at language url_key created_at updated_at"
    ),
    "claims": _listed(
        "id article_id text text_normalised text_words claimant claimant_folded claim_date "
        "span_start span_end language status created_at updated_at origin assignee "
        "published_verdict_id rating rating_bucket version public_updated_at"
    ),
    "claim_tags": ("claim_id", "tag"),
    "sources": _listed(
        "id claim_id url title publisher published_at accessed_at archived_url kind note "
        "created_at check_due_at"
    ),
    "verdicts": _listed(
        "id claim_id revision scale_id rating explanation author created_at published_at"
    ),
    "verdict_sources": ("verdict_id", "source_id"),
    "transitions": _listed(
        "id claim_id from_status to_status actor note public_note verdict_id kind created_at"
    ),
    "status_spells": ("transition_id", "from_status", "left_at", "micros"),
    "audit_events": (*("id", *HASHED_FIELDS), "hash"),
}
_CLAIM_ROW = itemgetter(*COLUMNS["claims"])  # a claim's dict as its row
AUTOINCREMENT = ("users", "articles", "claims", "sources", "verdicts")
# The table each kind of operation adds one row with an id to (each also adds one audit
# event): what a batch's operations take of the ids, known before its rows are made.
ADDS = {
    "user": "users",
    "article": "articles",
    "claim": "claims",
    "source": "sources",
    "verdict": "verdicts",
    "move": "transitions",
}
# audit._encode with its encoder built once: json.dumps(value, sort_keys=True,
# separators=(",", ":")) makes a new C encoder on every call. audit._digest hashes
# json.dumps of the event's fields as a list; Writer.audit writes that same text directly,
# half the time of an event. Same text, same hashes: audit.verify, which `factcheck
# verify-audit` runs, recomputes every one with _digest.
_ENCODER = c_make_encoder(None, None, encode_basestring_ascii, None, ":", ",", True, False, True)
_STRING = encode_basestring_ascii


def _encode(value):
    return "".join(_ENCODER(value, 0))


# What transitions.change reads of a transitions.Move, made faster than that frozen dataclass.
_Move = namedtuple("_Move", [field.name for field in fields(transitions.Move)])


class _Quoted(dict):
    """JSON strings of the few actions and entities, each quoted once."""

    def __missing__(self, text):
        quoted = self[text] = _STRING(text)
        return quoted


def _number(value):
    return "null" if value is None else str(value)


# A new source's link check as sources._shaped gives it (the time of its first check aside).
_UNCHECKED = {**dict.fromkeys(sources.CHECK_FIELDS.values()), "redirects": []}
_DAYS = {}
# Every second of a day as HH:MM:SS (86,400 short strings, made once).
_CLOCK = tuple(f"{h:02}:{m:02}:{s:02}" for h in range(24) for m in range(60) for s in range(60))


def stamp(micros):
    """The canonical timestamp (factcheck.timeutil.to_timestamp) of microseconds since the
    epoch, without building a datetime for each of millions of events."""
    seconds, fraction = divmod(micros, 1_000_000)
    day, second = divmod(seconds, 86_400)
    date = _DAYS.get(day)
    if date is None:
        date = _DAYS[day] = datetime.fromtimestamp(day * 86_400, UTC).strftime("%Y-%m-%d")
    return f"{date}T{_CLOCK[second]}.{fraction:06}Z"


def next_id(db, table):
    """The id the next row of table gets, as SQLite would give it."""
    sequence = 0
    if table in AUTOINCREMENT:
        row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", [table]).fetchone()
        sequence = row[0] if row else 0
    (highest,) = db.execute(f"SELECT ifnull(max(id), 0) FROM {table}").fetchone()
    return max(sequence, highest) + 1


def advanced(ids, kinds):
    """The next ids (a start's "ids") once operations of these kinds ({kind: how many})
    are applied from `ids`."""
    ids = dict(ids)
    for kind, count in kinds.items():
        ids[ADDS[kind]] += count
        ids["audit_events"] += count
    return ids


class Chain:
    """The audit trail's hash chain, carried on from a hash: each event hashed as
    audit.record hashes it. Apart from Writer, so that the process that inserts the rows
    can link them while another process makes the next batch."""

    def __init__(self, prev_hash):
        self.prev_hash = prev_hash
        self.who, self.quoted = _Who(), _Quoted()

    def linked(self, events):
        """Rows of audit_events from Writer's, each with its prev_hash and hash."""
        prev, quoted, who, rows = self.prev_hash, self.quoted, self.who, []
        string, hashed, append = _STRING, sha256, rows.append
        for event in events:
            _, when, name, key_id, action, entity, entity_id, claim_id, public, before, after = (
                event
            )
            # audit._digest's text: a timestamp (stamp) is digits and -T:.Z, quoted as it is;
            # the numbers and null written in line (calls were a fifth of the time).
            text = (
                f'["{when}",{who[name, key_id]},{quoted[action]},{quoted[entity]},'
                f"{'null' if entity_id is None else entity_id},"
                f"{'null' if claim_id is None else claim_id},{public},"
                f"{'null' if before is None else string(before)},{string(after)},"
                f'"{prev}"]'
            )
            digest = hashed(text.encode()).hexdigest()
            append((*event, prev, digest))
            prev = digest
        self.prev_hash = prev
        return rows


class _Who(dict):
    """An actor's name and key id as the canonical text writes them, each made once."""

    def __missing__(self, actor):
        name, key_id = actor
        who = self[actor] = f"{_STRING(name)},{_number(key_id)}"
        return who


def start(db, scale):
    """Where a Writer carries on from, read from the database as plain data (a Writer may
    work in another process): the next ids, the last audit hash, and the scale's labels."""
    last = db.execute("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    scale_id, scale = db.execute(
        "SELECT id, slug FROM rating_scales WHERE slug = ?", [scale]
    ).fetchone()
    labels = db.execute(
        "SELECT slug, name, bucket FROM rating_labels WHERE scale_id = ?", [scale_id]
    ).fetchall()
    return {
        "ids": {table: next_id(db, table) for table in COLUMNS if "id" in COLUMNS[table]},
        "prev_hash": last[0] if last else GENESIS,
        "scale_id": scale_id,
        "scale": scale,
        "labels": {slug: (name, bucket) for slug, name, bucket in labels},
    }


class Writer:
    """Applies operations to rows in memory; `batch` hands them over and starts anew. It
    reads no database: `start` (above) tells it where the database stands."""

    def __init__(self, start):
        self.ids = dict(start["ids"])
        self.event_id = self.ids.pop("audit_events")
        self.scale_id, self.scale = start["scale_id"], start["scale"]
        self.labels = start["labels"]
        self.identities, self.bylines = {None: COMMAND_LINE}, {}
        self.transitions, self.befores = {}, {}
        self.rows = {table: [] for table in COLUMNS}
        self._start_batch()

    def position(self):
        """The ids the next rows get, as a start's "ids"."""
        return {**self.ids, "audit_events": self.event_id}

    def carry_on(self, ids):
        """Give the next rows these ids: where the batches before, made by other Writers,
        left off (Writers differ in nothing else once they have applied the users)."""
        self.ids = dict(ids)
        self.event_id = self.ids.pop("audit_events")

    def _start_batch(self):
        # Claims, articles and verdicts of a batch are never named by a later one.
        self.articles, self.claims, self.verdicts = {}, {}, {}
        self.drafts, self.revisions, self.claim_sources, self.entered = {}, {}, {}, {}

    def batch(self):
        """The rows of the operations applied since the last call, by table."""
        self.rows["claims"] = list(map(_CLAIM_ROW, self.claims.values()))
        self.rows["verdicts"] = list(self.verdicts.values())
        rows, self.rows = self.rows, {table: [] for table in COLUMNS}
        self._start_batch()
        return rows

    def _id(self, table):
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def apply(self, op):
        """(micros, timestamp, kind, actor's name, *fields): the method `kind` applies it."""
        getattr(self, op[2])(op[0], op[1], self.identities[op[3]], *op[4:])

    def audit(self, when, actor, action, entity, entity_id, claim_id, before, after, public=0):
        """The event's row but for prev_hash and hash, which Chain adds (`before` is JSON
        text already, or None)."""
        event_id = self.event_id
        self.event_id = event_id + 1
        row = (event_id, when, actor.name, actor.key_id, action, entity, entity_id, claim_id)
        self.rows["audit_events"].append((*row, public, before, _encode(after)))

    def user(self, micros, when, actor, name, role, byline):
        user_id = self._id("users")
        self.identities[name], self.bylines[name] = Identity(name, role), byline
        self.rows["users"].append((user_id, name, role, byline, when))
        after = {"id": user_id, "name": name, "role": role, "display_name": byline}
        after.update(active=True, deactivated_at=None, created_at=when)
        self.audit(when, actor, "user.created", "user", user_id, None, None, after)

    def article(self, micros, when, actor, key, row):
        article_id = self._id("articles")
        self.articles[key] = (article_id, row["body"], row["language"])
        values = [row[name] for name in COLUMNS["articles"][1:7]]
        self.rows["articles"].append((article_id, *values, urls.url_key(row["url"]), when, when))
        self.audit(when, actor, "article.created", "article", article_id, None, None, row)

    def claim(self, micros, when, actor, key, article_key, data, derived):
        article_id, body, language = self.articles[article_key]
        start, end = data["span_start"], data["span_end"]
        # spans.locate's first rule (a given span holding the quote) without its regex for
        # typography, which took 1.7 ms a claim: the generated quote is the body's own text.
        text = body[start:end]
        if text != data["text"]:
            raise ValueError(f"claim {key} does not quote its article at {start}:{end}")
        claim_id = self._id("claims")
        self.claims[key] = {
            "id": claim_id,
            "article_id": article_id,
            "text": text,
            "text_normalised": derived["normalised"],
            "text_words": derived["words"],
            "claimant": data["claimant"],
            "claimant_folded": folded(data["claimant"]),
            "claim_date": data["claim_date"],
            "span_start": start,
            "span_end": end,
            "language": data.get("language") or language,
            "status": workflow.INITIAL_STATE,
            "created_at": when,
            "updated_at": when,
            "origin": "manual",
            "assignee": None,
            "published_verdict_id": None,
            "rating": None,
            "rating_bucket": None,
            "version": 1,
            "public_updated_at": None,
        }
        self.entered[key] = micros
        self.claim_sources[key] = []
        self.rows["claim_tags"].extend((claim_id, tag) for tag in dict.fromkeys(data["tags"]))
        after = {"article_id": article_id, **data, "text": text}
        self.audit(when, actor, "claim.created", "claim", claim_id, claim_id, None, after)

    def _transition(self, source, target):
        """workflow.find, each of the few moves looked up once."""
        found = self.transitions.get((source, target))
        if found is None:
            found = self.transitions[source, target] = workflow.find(source, target)
        return found

    def _touch(self, claim, when):
        claim["version"] += 1
        claim["updated_at"] = when

    def source(self, micros, when, actor, key, data):
        claim = self.claims[key]
        source_id = self._id("sources")
        self.claim_sources[key].append(source_id)
        row = {**data, "id": source_id, "claim_id": claim["id"], "created_at": when}
        row.update(accessed_at=data["accessed_at"] or when, check_due_at=when)
        self.rows["sources"].append(tuple(row[name] for name in COLUMNS["sources"]))
        self._touch(claim, when)
        # sources._shaped of the new row: its link check one nested object, not yet made.
        after = {**row, "check": {**_UNCHECKED, "next_check_at": when}}
        del after["check_due_at"]
        self.audit(when, actor, "source.added", "source", source_id, claim["id"], None, after)

    def verdict(self, micros, when, actor, key, data, cited):
        claim = self.claims[key]
        verdict_id = self._id("verdicts")
        revision = self.revisions[key] = self.revisions.get(key, 0) + 1
        rating, explanation = data["rating"], data["explanation"]
        row = [verdict_id, claim["id"], revision, self.scale_id, rating, explanation]
        self.verdicts[verdict_id] = [*row, actor.name, when, None]
        source_ids = sorted(set(self.claim_sources[key][:cited]))
        self.rows["verdict_sources"].extend((verdict_id, source_id) for source_id in source_ids)
        self.drafts[key] = {
            "id": verdict_id,
            "author": actor.name,
            "rating": rating,
            "cited": len(source_ids),
        }
        self._touch(claim, when)
        after = {
            "id": verdict_id,
            "claim_id": claim["id"],
            "revision": revision,
            "rating": rating,
            "rating_name": self.labels[rating][0],
            "scale": self.scale,
            "explanation": explanation,
            "author": actor.name,
            "author_display_name": self.bylines.get(actor.name) or actor.name,
            "created_at": when,
            "published_at": None,
            "source_ids": source_ids,
        }
        self.audit(when, actor, "verdict.added", "verdict", verdict_id, claim["id"], None, after)

    def move(self, micros, when, actor, key, request):
        claim = self.claims[key]
        transition = self._transition(claim["status"], request["to"])
        assignee = transitions._assignee(transition, request, actor)
        move = _Move(claim, transition, request, actor, self.drafts.get(key), assignee)
        kind = workflow.notice_kind(transition, claim)
        # change() reads the database only to move a claim out of a withdrawn state (its
        # rating back), which the story never does: with no database it would fail loudly.
        changes = transitions.change(None, move, when)
        if transition.publishes:
            self.verdicts[move.draft["id"]][-1] = when
            del self.drafts[key]
        status = claim["status"]
        # The event's `before`, as JSON: one of a few, each encoded once.
        before = self.befores.get((status, claim["assignee"]))
        if before is None:
            before = {"status": status, "assignee": claim["assignee"]}
            before = self.befores[status, claim["assignee"]] = _encode(before)
        claim.update(changes)
        if "rating" in changes or "published_verdict_id" in changes:
            # The claims_rating_bucket trigger: the label of the rating on its scale.
            label = self.labels.get(claim["rating"])
            claim["rating_bucket"] = label[1] if label and claim["published_verdict_id"] else None
        self._touch(claim, when)
        transition_id = self._id("transitions")
        note, public_note = request.get("note"), request.get("public_note")
        verdict_id = changes.get("published_verdict_id")
        moved = (transition_id, claim["id"], status, transition.target, actor.name)
        self.rows["transitions"].append((*moved, note, public_note, verdict_id, kind, when))
        spell = (transition_id, status, when, micros - self.entered[key])
        self.rows["status_spells"].append(spell)
        self.entered[key] = micros
        after = {**changes, "note": note, "public_note": public_note, "kind": kind}
        after["transition_id"] = transition_id
        action = workflow.NOTICE_ACTIONS.get(kind, f"claim.{transition.target}")
        self.audit(
            when,
            actor,
            action,
            "claim",
            claim["id"],
            claim["id"],
            before,
            after,
            int(transition.public),
        )
