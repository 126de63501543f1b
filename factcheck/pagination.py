"""Keyset pagination: an opaque cursor holding the sort key and id of a page's last row.

A cursor carries only what its reader already saw (the sort key of a row on the page) and
is signed with a secret kept in the database (migration 0009), so every worker of the
server, and a restored backup, agrees on it. One altered, cut short or made up is a 400.
"""

import base64
import binascii
import hashlib
import hmac
import json
import weakref

from factcheck.errors import BadCursor

MAC_BYTES = 16  # 128 bits: forging one is out of reach, and the cursor stays short

# The secret never changes, and connections live as long as their server thread: read it
# once per connection rather than once per page.
_secrets = weakref.WeakKeyDictionary()


def _secret(db):
    if db not in _secrets:
        row = db.execute("SELECT value FROM server_secrets WHERE name = 'cursor'").fetchone()
        _secrets[db] = row[0]
    return _secrets[db]


def _mac(db, payload):
    return hmac.new(_secret(db), payload, hashlib.sha256).digest()[:MAC_BYTES]


def _b64(raw):
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_cursor(db, scope, key, row_id):
    """A signed cursor continuing after (key, row_id) in the listing named by scope."""
    payload = json.dumps([scope, key, row_id], separators=(",", ":")).encode()
    return f"{_b64(payload)}.{_b64(_mac(db, payload))}"


def decode_cursor(db, cursor, scope):
    """The (key, id) a page continues after; 400 unless we issued the cursor for scope."""
    try:
        payload_text, mac_text = cursor.split(".")
        payload, mac = _unb64(payload_text), _unb64(mac_text)
    except (ValueError, binascii.Error) as error:
        raise BadCursor("Not a valid cursor.") from error
    if not hmac.compare_digest(mac, _mac(db, payload)):
        raise BadCursor("Not a valid cursor.")
    cursor_scope, key, row_id = json.loads(payload)  # signed by us: well-formed
    if cursor_scope != scope:
        raise BadCursor("Not a cursor for this query.")
    return key, row_id


def keyset_page(db, rows, limit, scope, key_of):
    """Split one extra fetched row off into a `next` cursor."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(db, scope, key_of(last), last["id"])


def id_page(db, select, id_column, query, *, where=(), params=None, newest_first=False):
    """One page of `select`'s rows in id order (ids grow with created_at), and the cursor of
    the next: `query` holds `limit` and an optional `cursor`; `params` those of `where`."""
    scope = f"{id_column}:{'-' if newest_first else ''}created_at"
    where, params = list(where), {**(params or {}), "limit": query["limit"] + 1}
    if query.get("cursor"):
        _, params["after_id"] = decode_cursor(db, query["cursor"], scope)
        where.append(f"{id_column} {'<' if newest_first else '>'} :after_id")
    sql = select + (f" WHERE {' AND '.join(where)}" if where else "")
    sql += f" ORDER BY {id_column} {'DESC' if newest_first else 'ASC'} LIMIT :limit"
    rows = list(db.query(sql, params))
    return keyset_page(db, rows, query["limit"], scope, lambda row: row["id"])
