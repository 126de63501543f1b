"""Exports of the claim list: every claim the list filters match, as this audience sees it,
streamed in keyset batches (constant memory whatever the count) from one read snapshot, and
written as CSV a spreadsheet opens as it is, or as NDJSON (one list item per line)."""

import csv
import io
import json

from factcheck import claim_reads, visibility

# Excel reads a CSV without a byte order mark in the machine's legacy code page, which
# garbles every quote that is not ASCII (curly quotes, accents, other scripts); with it,
# Excel, LibreOffice and Google Sheets all read UTF-8. Python reads it with utf-8-sig.
BOM = "\ufeff"
# A cell starting with one of these is read as a formula (or a DDE call) by spreadsheets:
# OWASP's list (CSV injection), plus a line feed, which some read like a carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# What marks a cell as text, not a formula; spreadsheets show it, and drop nothing else.
TEXT_MARK = "'"
# Lists (tags, source ids) in one cell; tags are slugs, so the separator never occurs in one.
LIST_SEPARATOR = "; "

CLAIM_COLUMNS = (
    "id",
    "article_id",
    "status",
    "text",
    "claimant",
    "claim_date",
    "language",
    "span_start",
    "span_end",
    "tags",
    "assignee",
    "created_at",
    "updated_at",
)
# A nested verdict becomes columns named <prefix><field>.
NESTED_COLUMNS = (
    (
        "verdict",
        "verdict_",
        (
            "rating",
            "rating_name",
            "scale",
            "explanation",
            "source_ids",
            "revision",
            "author",
            "author_display_name",
            "published_at",
        ),
    ),
    ("draft_verdict", "draft_", ("rating", "scale", "explanation", "revision", "author")),
)


def columns(*, staff):
    """(header, claim field, verdict field or None) of each column this audience gets:
    readers get no column of a field visibility keeps from them."""
    shown = [
        (name, name, None)
        for name in CLAIM_COLUMNS
        if staff or name not in visibility.STAFF_ONLY_CLAIM_FIELDS
    ]
    for field, prefix, names in NESTED_COLUMNS:
        if staff or field not in visibility.STAFF_ONLY_CLAIM_FIELDS:
            shown += [
                (prefix + name, field, name)
                for name in names
                if staff or name not in visibility.STAFF_ONLY_VERDICT_FIELDS
            ]
    return shown


def claims(db, query, *, staff, batch):
    """Batches of the claims the list filters (claim_reads.search) match, in the list's
    order, as this audience sees them.

    db is the export's own connection, closed when the batches end or are abandoned: a
    download outlives its request, and with it the connection its thread shares. Every batch
    is read in one read transaction, a snapshot, so a claim changed meanwhile is neither
    missed nor exported twice. The first batch is read before this returns, so a bad filter
    is an error answer rather than a broken download."""
    try:
        db.execute("BEGIN")
        first = claim_reads.search(db, {**query, "limit": batch}, staff=staff)
    except BaseException:
        db.close()
        raise
    return _batches(db, query, first, staff=staff, batch=batch)


def _batches(db, query, first, *, staff, batch):
    page, cursor = first
    try:
        yield page
        while cursor:
            page, cursor = claim_reads.search(
                db, {**query, "limit": batch, "cursor": cursor}, staff=staff
            )
            yield page
    finally:
        db.close()  # read only: nothing to commit


def cell(value):
    """A claim's value as a CSV cell: lists joined, no value empty, text never a formula."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return TEXT_MARK + value
    return value


def csv_chunks(batches, *, staff):
    """The CSV file, a batch of rows per chunk: BOM and header first, CRLF line ends."""
    shown = columns(staff=staff)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for header, _, _ in shown])
    yield (BOM + buffer.getvalue()).encode()
    for claims_batch in batches:
        buffer.seek(0)
        buffer.truncate()
        for claim in claims_batch:
            writer.writerow(
                cell(claim.get(field) if sub is None else (claim.get(field) or {}).get(sub))
                for _, field, sub in shown
            )
        yield buffer.getvalue().encode()


def ndjson_chunks(batches):
    """One JSON object per line (UTF-8), a batch of lines per chunk."""
    for claims_batch in batches:
        yield "".join(
            json.dumps(claim, ensure_ascii=False, separators=(",", ":")) + "\n"
            for claim in claims_batch
        ).encode()
