"""The benchmark's databases: one per scale, built by `factcheck generate` and cached under
bench/.cache/ by claim count and code version, so a rerun skips a build of minutes.

The cached build is never served: each run serves a copy, since the write rounds change it.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from factcheck.db import connect

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
# What decides the database a build makes: the schema, the seed, the desk's story and text,
# and how the generator writes them.
VERSIONED = (
    "migrations/migrations.py",
    "seeds",
    "factcheck/seed.py",
    "factcheck/generate.py",
    "factcheck/desk_story.py",
    "factcheck/synthetic.py",
    "factcheck/bulk.py",
)
# Ids, words and texts the request files draw from, at most (random ones stay random enough).
SAMPLE = 10_000


def generate(path, claims):
    """Build `claims` claims at path with `factcheck generate` and return the words the read
    mix uses (see factcheck.generate.bench_words): the one place the generator is wired."""
    factcheck = Path(sys.executable).parent / "factcheck"
    environment = {**os.environ, "FACTCHECK_DATABASE": str(path)}
    command = [factcheck, "generate", "--claims", str(claims), "--seed", "1"]
    subprocess.run(command, env=environment, check=True)
    from factcheck.generate import bench_words

    with connect(path) as db:
        return bench_words(db)


def code_version():
    """A short hash of the files that decide what a build contains."""
    digest = hashlib.sha256()
    for name in VERSIONED:
        path = ROOT / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                digest.update(file.relative_to(ROOT).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def cached(claims):
    """The built database of `claims` claims and its facts (words, build seconds), built
    now if this code version has none; builds of other versions at this scale are removed."""
    folder = CACHE / f"{claims}-{code_version()}"
    facts_file = folder / "facts.json"
    if not facts_file.exists():
        for stale in CACHE.glob(f"{claims}-*"):
            shutil.rmtree(stale)
        folder.mkdir(parents=True)
        start = time.monotonic()
        words = generate(folder / "desk.db", claims)
        seconds = time.monotonic() - start
        with connect(folder / "desk.db") as db:
            # A copy of the file alone must hold everything.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        words = {name: list(values)[:SAMPLE] for name, values in words.items()}
        facts = {"claims": claims, "build_seconds": round(seconds, 1), "words": words}
        facts_file.write_text(json.dumps(facts))
        facts["built_now"] = True
        return folder / "desk.db", facts
    return folder / "desk.db", {**json.loads(facts_file.read_text()), "built_now": False}


def working_copy(source, folder):
    """A copy of the built database in folder, which the benchmark may write to."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "desk.db"
    for suffix in ("-wal", "-shm", ".limits", ".limits-wal", ".limits-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target
