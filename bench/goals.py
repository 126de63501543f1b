"""The goals of issue 12 as data, the round arithmetic they are judged by, and the tables.

A scale's results hold its rounds: each round is {figure name: wrk result} with every
figure measured once. Absolute figures on a shared machine swing between rounds, so a
ratio is taken within each round, and a goal's figure is the median over the rounds.
"""

import math
import operator
import statistics
from collections.abc import Callable
from dataclasses import dataclass

# The requests of a round, in the order a round measures them: name, what it is.
READS = {
    "claim": "factcheck GET /api/v1/claims/{id}",
    "list": "factcheck GET /api/v1/claims?limit=20",
    "search": "factcheck GET /api/v1/claims?q=<common word>&limit=20 (ranked)",
    "lookup": "factcheck GET /api/v1/lookup?text=<published claim>",
    # The same claim and search reads with readers' answers never kept (answer cache off):
    # what each costs when its answer must be computed.
    "claim_uncached": "factcheck GET /api/v1/claims/{id}, answer cache off",
    "search_uncached": "factcheck GET /api/v1/claims?q=<common word>&limit=20, answer cache off",
    "flask": "Flask returning a constant JSON",
    "hello": "bare WSGI hello",
    "ds_row": "Datasette row JSON /desk/claims/{id}.json",
    "ds_fts_nocount": "Datasette FTS search, count and facet suggestions off, 20 rows",
    "ds_fts_default": "Datasette FTS search, its defaults (count, suggestions, 100 rows)",
}
WRITES = "writes"  # 32 connections of workflow moves (retract, reinstate)
MIXED = "mixed"  # the scale of the mixed load, whichever it is
MIB = 1024 * 1024
INF = "inf"


def median_of(rounds, name, field):
    values = [one[name][field] for one in rounds if name in one]
    return statistics.median(values) if values else None


def median_ratio(rounds, name, base, field="ok_rps"):
    """The median over rounds of name's field divided by base's, both from the same round.
    Requests answered below 400 only: a request refused fast must not look like speed."""
    values = [
        _divide(one[name][field], one[base][field])
        for one in rounds
        if name in one and base in one and (one[name][field] or one[base][field])
    ]
    return statistics.median(values) if values else None


def _divide(figure, base):
    # A base that completed nothing in the run (Datasette's slowest search) loses outright.
    return figure / base if base else math.inf


def total_of(rounds, name, field):
    """A count over every round (zero means none in any round, not a median of zero)."""
    values = [one[name][field] for one in rounds if name in one]
    return sum(values) if values else None


@dataclass(frozen=True)
class Goal:
    text: str
    # The figure from (results, scale); None when it was not measured.
    figure: Callable
    compare: str  # ">=", "<=" or "<"
    limit: float
    unit: str = ""
    # Scales it is judged at: None for every measured scale, MIXED for the mixed load's.
    scales: tuple | None = None

    def met(self, value):
        test = {">=": operator.ge, "<=": operator.le, "<": operator.lt}[self.compare]
        return test(value, self.limit)


def _rounds(results, scale):
    return results["scales"][str(scale)]["rounds"]


def ratio(name, base):
    return lambda results, scale: median_ratio(_rounds(results, scale), name, base)


def median(name, field):
    return lambda results, scale: median_of(_rounds(results, scale), name, field)


def total(name, field):
    return lambda results, scale: total_of(_rounds(results, scale), name, field)


def scale_fact(name):
    return lambda results, scale: results["scales"][str(scale)].get(name)


def locked(results, scale):
    """503 "database is busy" answers to the writers, and "database is locked" in the
    server's log (an error that escaped as a 500 would be logged there)."""
    answers = total_of(_rounds(results, scale), WRITES, "busy")
    if answers is None:
        return None
    return answers + results["scales"][str(scale)].get("locked_in_log", 0)


def wal_mib(results, scale):
    mixed = results.get("mixed")
    return mixed and mixed["wal_max_bytes"] / MIB


# Issue 12, "Goals, each printed by `make bench` beside its measured figure".
GOALS = (
    Goal("claim GET req/s / Flask constant's", ratio("claim", "flask"), ">=", 0.8, "x"),
    Goal("claim GET p99, 32 connections", median("claim", "p99_ms"), "<=", 15, " ms"),
    Goal("list page req/s / Flask constant's", ratio("list", "flask"), ">=", 0.5, "x"),
    Goal("ranked search req/s / Flask constant's", ratio("search", "flask"), ">=", 0.5, "x"),
    Goal("ranked search p99", median("search", "p99_ms"), "<=", 30, " ms", (100_000,)),
    Goal("ranked search p99", median("search", "p99_ms"), "<=", 100, " ms", (1_000_000,)),
    Goal("lookup p99", median("lookup", "p99_ms"), "<=", 50, " ms", (100_000,)),
    Goal("claim GET req/s / Datasette row JSON's", ratio("claim", "ds_row"), ">=", 2, "x"),
    Goal(
        "claim GET, cache off, req/s / Datasette row JSON's",
        ratio("claim_uncached", "ds_row"),
        ">=",
        2,
        "x",
    ),
    Goal(
        "search, cache off, req/s / Datasette FTS's (count off)",
        ratio("search_uncached", "ds_fts_nocount"),
        ">=",
        2,
        "x",
    ),
    Goal(
        "claim GET, cache off, req/s / Flask constant's",
        ratio("claim_uncached", "flask"),
        ">=",
        0.8,
        "x",
    ),
    Goal(
        "ranked search, cache off, p99",
        median("search_uncached", "p99_ms"),
        "<=",
        30,
        " ms",
        (100_000,),
    ),
    Goal(
        "ranked search, cache off, p99",
        median("search_uncached", "p99_ms"),
        "<=",
        100,
        " ms",
        (1_000_000,),
    ),
    Goal(
        "search req/s / Datasette FTS's (count off)",
        ratio("search", "ds_fts_nocount"),
        ">=",
        2,
        "x",
    ),
    Goal(
        "search req/s / Datasette FTS's (defaults)",
        ratio("search", "ds_fts_default"),
        ">=",
        2,
        "x",
    ),
    # Moves answered 2xx or 3xx: a refused move is not a transition.
    Goal("transitions/s, 32 connections", median(WRITES, "ok_rps"), ">=", 800, "/s"),
    Goal("transitions p99", median(WRITES, "p99_ms"), "<=", 100, " ms"),
    Goal("transitions answered 5xx, all rounds", total(WRITES, "server_errors"), "<=", 0),
    Goal("transitions 'database is locked/busy'", locked, "<=", 0),
    # Not a goal of the issue: a check that every move sent was a valid one.
    Goal("transitions refused or failed, any cause", total(WRITES, "errors"), "<=", 0),
    Goal("WAL max under the mixed load", wal_mib, "<", 64, " MiB", MIXED),
    Goal(
        "worker RSS max during the rounds",
        scale_fact("worker_rss_mib"),
        "<=",
        100,
        " MiB",
        (1_000_000,),
    ),
    Goal(
        "factcheck generate --claims 1000000",
        scale_fact("build_seconds"),
        "<",
        180,
        " s",
        (1_000_000,),
    ),
)


def _rounded(value):
    # JSON has no infinity: a ratio to a base that completed nothing is the string "inf".
    if value is None:
        return None
    return INF if math.isinf(value) else round(value, 2)


def judged_scales(goal, results):
    measured = [int(scale) for scale in results["scales"]]
    if goal.scales is None:
        return measured
    if goal.scales == MIXED:
        return [results["mixed"]["scale"]] if results.get("mixed") else []
    return [scale for scale in goal.scales if scale in measured]


def evaluate(results):
    """One row per goal and scale judged: goal, scale, figure, met (None: not measured)."""
    rows = []
    for goal in GOALS:
        for scale in judged_scales(goal, results):
            value = goal.figure(results, scale)
            rows.append(
                {
                    "goal": f"{goal.text} {goal.compare} {goal.limit:g}{goal.unit}",
                    "scale": scale,
                    "figure": _rounded(value),
                    "unit": goal.unit,
                    "met": None if value is None else goal.met(value),
                }
            )
    return rows


def claims(scale):
    return f"{scale // 1_000_000}M" if scale >= 1_000_000 else f"{scale // 1000}k"


def mark(met):
    return {True: "met", False: "**not met**", None: "not measured"}[met]


def goals_table(rows):
    lines = ["| goal | claims | measured | |", "|---|---|---|---|"]
    for row in rows:
        figure = row["figure"]
        figure = "-" if figure is None else f"{figure}" if figure == INF else f"{figure:,g}"
        figure += "" if figure == "-" else row["unit"]
        lines.append(f"| {row['goal']} | {claims(row['scale'])} | {figure} | {mark(row['met'])} |")
    return "\n".join(lines)


def growth_table(results):
    """Each read's median req/s (answered below 400) and p99 at each scale: how it grows."""
    scales = sorted(int(scale) for scale in results["scales"])
    lines = [
        "| request | " + " | ".join(f"{claims(scale)} req/s, p99 ms" for scale in scales) + " |",
        "|---|" + "---|" * len(scales),
    ]
    for name, what in READS.items():
        cells = []
        for scale in scales:
            rounds = _rounds(results, scale)
            rps, p99 = median_of(rounds, name, "ok_rps"), median_of(rounds, name, "p99_ms")
            cells.append(_cell(rps, p99))
        lines.append(f"| {what} | " + " | ".join(cells) + " |")
    rss = [results["scales"][str(scale)].get("worker_rss_mib") for scale in scales]
    lines.append(
        "| factcheck worker RSS, MiB (max during the rounds) | "
        + " | ".join("-" if value is None else f"{value:.0f}" for value in rss)
        + " |"
    )
    return "\n".join(lines)


def _cell(rps, p99):
    if rps is None:
        return "-"
    # No request answered within the run: wrk has no latency to report.
    return f"{rps:,.0f}, {p99:.1f}" if p99 else f"{rps:,.0f}, none answered"


def mixed_line(results):
    mixed = results.get("mixed")
    if not mixed:
        return "No mixed load was run."
    readers, writers = mixed["readers"], mixed["writers"]
    return (
        f"Mixed load at {claims(mixed['scale'])} claims, {mixed['seconds']:g} s: 24 readers "
        f"{readers['ok_rps']:,.0f} req/s (p99 {readers['p99_ms']:.0f} ms, {readers['errors']} "
        f"errors), 8 writers {writers['ok_rps']:,.0f} moves/s (p99 {writers['p99_ms']:.0f} ms, "
        f"{writers['errors']} errors); WAL file at most {mixed['wal_max_bytes'] / MIB:.1f} MiB."
    )
