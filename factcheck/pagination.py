"""Keyset pagination: an opaque cursor holding the sort key and id of a page's last row."""

import base64
import binascii
import json

from factcheck.errors import Invalid


def encode_cursor(sort, key, row_id):
    raw = json.dumps([sort, key, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor, sort):
    """The (key, id) a page continues after; 422 if the cursor is not one we issued for sort."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        cursor_sort, key, row_id = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, TypeError, binascii.Error) as error:
        raise Invalid("The cursor is not valid.", {"cursor": ["Not a valid cursor."]}) from error
    if cursor_sort != sort or not _fits_sqlite(key) or not _fits_sqlite(row_id):
        raise Invalid(
            "The cursor belongs to another query.", {"cursor": ["Not a cursor for this sort."]}
        )
    return key, row_id


def _fits_sqlite(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    return isinstance(value, str | float)


def keyset_page(rows, limit, sort, key_of):
    """Split one extra fetched row off into a `next` cursor."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(sort, key_of(last), last["id"])


def id_page(db, select, id_column, query, *, where=(), params=None, newest_first=False):
    """One page of `select`'s rows in id order (ids grow with created_at), and the cursor of
    the next: `query` holds `limit` and an optional `cursor`; `params` those of `where`."""
    sort = "-created_at" if newest_first else "created_at"
    where, params = list(where), {**(params or {}), "limit": query["limit"] + 1}
    if query.get("cursor"):
        _, params["after_id"] = decode_cursor(query["cursor"], sort)
        where.append(f"{id_column} {'<' if newest_first else '>'} :after_id")
    sql = select + (f" WHERE {' AND '.join(where)}" if where else "")
    sql += f" ORDER BY {id_column} {'DESC' if newest_first else 'ASC'} LIMIT :limit"
    rows = list(db.query(sql, params))
    return keyset_page(rows, query["limit"], sort, lambda row: row["id"])
