"""make bench: issue 12's goals measured in one run, each printed beside its figure.

For each scale (claims in the database): build it with `factcheck generate` (cached,
bench/databases.py), serve a copy with factcheck, a Flask app returning a constant, a bare
WSGI hello (all three under gunicorn with the project's gunicorn.conf.py) and Datasette (as
many processes), then run rounds: every read of goals.READS and the writers, once each, in
order, with wrk. After the rounds of the mixed-load scale: 60 s of 24 readers and 8 writers
while the WAL file is sampled. Prints the goals and the growth tables, saves JSON under
bench/results/ and rewrites README.md's bench section.

    .venv/bin/python -m bench.suite [--scales 10000,100000,1000000] [--rounds 3]
        [--seconds 10] [--warmup 2] [--mixed-seconds 60] [--datasette-immutable] [--no-readme]
"""

import argparse
import shutil
from contextlib import ExitStack
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import datasette

from bench import databases, goals, loads, report, servers, wrk_runner

WORK = databases.CACHE / "run"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="10000,100000,1000000", help="claims, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10, help="per figure")
    parser.add_argument("--warmup", type=float, default=2, help="before each figure")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk's")
    parser.add_argument("--mixed-seconds", type=float, default=60)
    parser.add_argument("--mixed-scale", type=int, help="default: 100000 if run, else the largest")
    parser.add_argument(
        "--datasette-immutable", action="store_true", help="serve Datasette with -i (see README)"
    )
    parser.add_argument("--no-readme", action="store_true", help="leave README.md alone")
    args = parser.parse_args()
    args.scales = sorted(int(scale) for scale in args.scales.split(","))
    if args.mixed_scale is None:
        args.mixed_scale = 100_000 if 100_000 in args.scales else args.scales[-1]
    return args


def show(scale, label, result):
    print(
        f"  {goals.claims(scale):>4} {label:16} {result['ok_rps']:7,.0f} req/s  "
        f"p50 {result['p50_ms']:7.1f} ms  p99 {result['p99_ms']:7.1f} ms  "
        f"errors {result['errors']}  5xx {result['server_errors']}  busy {result['busy']}",
        flush=True,
    )


def start_servers(stack, database, folder, immutable):
    """factcheck, the floors and Datasette on database, stopped when stack closes."""
    started = {
        "factcheck": servers.gunicorn("factcheck", "wsgi:app", database, folder, "/healthz"),
        "factcheck_uncached": servers.gunicorn(
            "factcheck_uncached",
            "wsgi:app",
            database,
            folder,
            "/healthz",
            settings={"FACTCHECK_READ_CACHE_BYTES": "0"},
        ),
        "flask": servers.gunicorn("flask", "bench.floor_apps:flask_constant", database, folder),
        "hello": servers.gunicorn("hello", "bench.floor_apps:hello", database, folder),
        "datasette": servers.datasette(
            database, folder, servers.gunicorn_settings()["workers"], immutable
        ),
    }
    for server in started.values():
        stack.callback(servers.stop, server)
    return started


def server_of(name, started):
    if name.startswith("ds_"):
        return started["datasette"]
    if name.endswith("_uncached"):
        return started["factcheck_uncached"]
    return started.get(name, started["factcheck"])


def settled_moves(path, database):
    """The moves file written once the moves a run left in flight have landed: each line
    starts from its claim's status (a move still landing would make one invalid)."""
    loads.wait_until_quiet(database)
    return loads.write_moves(path, database)


def idle(started):
    """Each figure starts with every server idle (see servers.wait_until_idle)."""
    waited = servers.wait_until_idle(started.values())
    if waited > 2:
        print(f"  (waited {waited:.0f} s for the servers to finish queued requests)", flush=True)


def one_round(scale, files, started, key, load):
    """Every read once, then the writers: {figure name: wrk result}."""
    results = {}
    for name in goals.READS:
        idle(started)
        results[name] = wrk_runner.run(
            server_of(name, started).base, "reads.lua", [files[name]], load
        )
        show(scale, name, results[name])
    base, moves = started["factcheck"].base, files["folder"] / "moves.txt"
    arguments = [moves, load.threads, key]
    # Written again after the warm-up has moved the claims.
    loads.write_moves(moves, files["db"])
    wrk_runner.warm(base, "writes.lua", arguments, load)
    settled_moves(moves, files["db"])
    idle(started)
    results[goals.WRITES] = wrk_runner.finish(wrk_runner.start(base, "writes.lua", arguments, load))
    show(scale, goals.WRITES, results[goals.WRITES])
    return results


def mixed_load(database, files, factcheck, key, seconds):
    """24 readers and 8 writers for `seconds` while the WAL's size is sampled."""
    wal = Path(f"{database}-wal")
    mix = loads.write_lines(files["folder"] / "mix.txt", loads.mixed_paths(files["paths"]))
    moves = settled_moves(files["folder"] / "moves.txt", database)
    readers = wrk_runner.Load(threads=1, connections=24, seconds=seconds, warmup=0)
    writers = replace(readers, connections=8)
    with servers.Sampler(lambda: wal.stat().st_size if wal.exists() else 0) as sampler:
        reading = wrk_runner.start(factcheck.base, "reads.lua", [mix], readers)
        writing = wrk_runner.start(factcheck.base, "writes.lua", [moves, 1, key], writers)
        results = {"readers": wrk_runner.finish(reading), "writers": wrk_runner.finish(writing)}
    return {**results, "wal_max_bytes": sampler.largest, "seconds": seconds}


def run_scale(scale, args, load, results):
    """Build (or take from the cache), serve and measure one scale into results."""
    built, facts = databases.cached(scale)
    how = "built now" if facts["built_now"] else "cached build"
    print(f"{scale:,} claims: {how}, generate took {facts['build_seconds']:.0f} s", flush=True)
    folder = WORK / str(scale)
    shutil.rmtree(folder, ignore_errors=True)
    database = databases.working_copy(built, folder)
    key = loads.editor_key(database)
    paths = loads.read_paths(facts["words"])
    files = {
        name: loads.write_lines(folder / f"{name}.txt", lines) for name, lines in paths.items()
    }
    files.update(folder=folder, db=database, paths=paths)
    entry = {"build_seconds": facts["build_seconds"], "built_now": facts["built_now"]}
    with ExitStack() as stack:
        started = start_servers(stack, database, folder, args.datasette_immutable)
        for name, lines in paths.items():
            loads.check(server_of(name, started).base, lines)
        with servers.Sampler(lambda: servers.max_worker_rss_mib(started["factcheck"])) as rss:
            entry["rounds"] = [
                one_round(scale, files, started, key, load) for _ in range(args.rounds)
            ]
        entry["worker_rss_mib"] = round(rss.largest, 1)
        if scale == args.mixed_scale:
            print(f"  mixed load, {args.mixed_seconds:g} s", flush=True)
            idle(started)
            results["mixed"] = {
                "scale": scale,
                **mixed_load(database, files, started["factcheck"], key, args.mixed_seconds),
            }
    log = (folder / "factcheck.log").read_text(errors="replace")
    entry["locked_in_log"] = log.count("database is locked")
    for leftover in folder.glob("desk.db*"):
        leftover.unlink()  # a 1M copy is a gigabyte; the logs stay for reading
    results["scales"][str(scale)] = entry


def servers_line(args):
    settings = servers.gunicorn_settings()
    mode = "immutable (-i)" if args.datasette_immutable else "as a file that may change"
    return (
        f"factcheck, Flask constant and hello: gunicorn, {settings['workers']} workers x "
        f"{settings['threads']} threads, factcheck.serving.BufferedWSGIWorker, access log, "
        f"keyless rate limit and write quota off. Datasette {datasette.__version__}: "
        f"{settings['workers']} uvicorn worker processes, the same file opened {mode}."
    )


def main():
    args = arguments()
    load = wrk_runner.Load(args.threads, args.connections, args.seconds, args.warmup)
    results = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": report.machine(),
        "settings": {**vars(args), "servers": servers_line(args)},
        "scales": {},
    }
    for scale in args.scales:
        run_scale(scale, args, load, results)
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["goals"] = goals.evaluate(results)
    text = report.markdown(results)
    print(f"\n{text}\n\nsaved {report.save(results)}")
    if plot := report.plot(results):
        print(f"plot {plot}")
    if not args.no_readme:
        report.write_readme(text)


if __name__ == "__main__":
    main()
