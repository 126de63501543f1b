"""What the rounds send: the request files the Lua scripts in bench/wrk/ draw from, built
from the words a generated database reports, and the workflow moves the writers make."""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from factcheck.db import connect

# Readers search the index of published claims; Datasette is pointed at the same one (left
# to itself it would pick claims_fts, which holds unpublished claims too).
FTS = "claims_public_fts"
# Each thread of the writers walks its own claims; each claim is moved again only after the
# thread's others, so there must be many more than connections (README: Benchmarks).
MOVING_CLAIMS = 4000


def read_paths(words, database_name="desk"):
    """Request paths (encoded) of each read of a round, by figure name (goals.READS)."""
    ids, common = words["published_ids"], words["common"]
    table = f"/{database_name}/claims"
    return {
        "claim": [f"/api/v1/claims/{claim}" for claim in ids],
        "list": ["/api/v1/claims?limit=20"],
        "search": [f"/api/v1/claims?{urlencode({'q': word, 'limit': 20})}" for word in common],
        "lookup": [f"/api/v1/lookup?{urlencode({'text': text})}" for text in words["lookup_texts"]],
        "claim_uncached": [f"/api/v1/claims/{claim}" for claim in ids],
        "search_uncached": [
            f"/api/v1/claims?{urlencode({'q': word, 'limit': 20})}" for word in common
        ],
        "flask": ["/"],
        "hello": ["/"],
        "ds_row": [f"{table}/{claim}.json" for claim in ids],
        "ds_fts_nocount": [
            f"{table}.json?"
            + urlencode(
                {"_search": word, "_fts_table": FTS, "_nocount": 1, "_nosuggest": 1, "_size": 20}
            )
            for word in common
        ],
        "ds_fts_default": [
            f"{table}.json?{urlencode({'_search': word, '_fts_table': FTS})}" for word in common
        ],
    }


def mixed_paths(paths, each=250):
    """The mixed load's readers: claims, list pages, searches and lookups in equal parts."""
    return [
        paths[name][n % len(paths[name])]
        for name in ("claim", "list", "search", "lookup")
        for n in range(each)
    ]


def write_lines(path, lines):
    Path(path).write_text("".join(f"{line}\n" for line in lines))
    return path


def write_moves(path, database):
    return write_lines(path, move_lines(database))


def wait_until_quiet(database, quiet=1.0, limit=60):
    """Return once nothing has been committed to database for `quiet` seconds: the moves
    a wrk run left in flight (queued in the server when it stopped) have landed."""
    with connect(database) as db:
        # data_version changes when another connection commits to the file.
        version = db.execute("PRAGMA data_version").fetchone()[0]
        for _ in range(int(limit / quiet)):
            time.sleep(quiet)
            version, before = db.execute("PRAGMA data_version").fetchone()[0], version
            if version == before:
                return


def move_lines(database, limit=MOVING_CLAIMS):
    """Moves for bench/wrk/writes.lua: published claims retracted and reinstated in turn
    (both an editor's, with a public notice, audited: the heaviest moves readers see), each
    line starting from the claim's status now."""
    retract = json.dumps({"to": "retracted", "public_note": "Bench: retracted."})
    reinstate = json.dumps({"to": "published", "public_note": "Bench: reinstated."})
    with connect(database) as db:
        rows = db.execute(
            "SELECT id, status FROM claims WHERE status IN ('published', 'retracted') "
            "ORDER BY id LIMIT ?",
            [limit],
        ).fetchall()
    return [
        f"/api/v1/claims/{claim}/transitions\t"
        + (f"{retract}\t{reinstate}" if status == "published" else f"{reinstate}\t{retract}")
        for claim, status in rows
    ]


def editor_key(database):
    """A new editor's API key, made as an operator would (`factcheck create-user`)."""
    factcheck = Path(sys.executable).parent / "factcheck"
    environment = {**os.environ, "FACTCHECK_DATABASE": str(database)}
    output = subprocess.run(
        [factcheck, "create-user", "bench-editor", "--role", "editor"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return output.strip().splitlines()[-1]


def check(base, paths):
    """Warn, naming the request, when a sample of a file's requests is not answered 200: a
    wrong path would be measured as errors (the figures count only answers below 400)."""
    for path in paths[:3]:
        try:
            with urllib.request.urlopen(base + path, timeout=60):
                pass
        except OSError as error:
            print(f"  WARNING: {base}{path}: {error}", flush=True)
