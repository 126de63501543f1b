"""How well "has this been checked?" finds a reworded claim among similar ones.

Loads the test corpus (tests/lookup_corpus.json: the seed, 50 published near-neighbours,
four rewordings of each seed claim, unrelated sentences) into a fresh database and looks
each sentence up as the lookup does (factcheck.matching.ranked). Rewordings of a claim
readers cannot see yet are looked up as staff (the duplicates warning's view). Prints
recall@1 and recall@3 for the tuning and the held-out rewordings, and the scores of hits
(the right claim) and non-hits (the best wrong claim, and unrelated sentences' best), from
which the thresholds FACTCHECK_MATCH_LIKELY and _POSSIBLE are set.

    .venv/bin/python bench/lookup_eval.py [--verbose]
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck import config, matching
from factcheck.db import connect
from migrations.migrations import migrations
from tests import lookup_corpus

GOAL_RECALL_AT_1 = 0.90


def _published(db, claim_id):
    row = db.execute("SELECT published_verdict_id FROM claims WHERE id = ?", [claim_id])
    return row.fetchone()[0] is not None


def evaluate(db, seed_ids, wordings, verbose):
    """Recall@1, recall@3, the right claims' scores and the best wrong claims' scores."""
    first = top3 = 0
    hits, misses = [], []
    for index, text in wordings:
        target = seed_ids[index]
        ranked = matching.ranked(db, text, staff=not _published(db, target))
        ids = [claim_id for claim_id, _ in ranked]
        first += ids[:1] == [target]
        top3 += target in ids[:3]
        hits.append(dict(ranked).get(target, 0.0))
        misses.append(next((score for claim_id, score in ranked if claim_id != target), 0.0))
        if verbose and ids[:1] != [target]:
            print(f"  miss: {text!r} -> rank {ids.index(target) + 1 if target in ids else None}")
    return first / len(wordings), top3 / len(wordings), hits, misses


def spread(scores):
    """min / p10 / median / p90 / max of scores."""
    if not scores:
        return "-"
    cuts = statistics.quantiles(scores, n=10, method="inclusive") if len(scores) > 1 else scores
    shown = (min(scores), cuts[0], statistics.median(scores), cuts[-1], max(scores))
    return " / ".join(f"{value:.3f}" for value in shown)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every rewording missed")
    args = parser.parse_args()
    settings = config.from_environment()
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(Path(tmp) / "eval.db")
        migrations.apply(db)
        seed_ids = lookup_corpus.load(db, settings)
        print(
            f"claims: {db['claims'].count}, thresholds: likely {settings['MATCH_LIKELY']}, "
            f"possible {settings['MATCH_POSSIBLE']}; goal recall@1 >= {GOAL_RECALL_AT_1:.0%}"
        )
        print("scores: min / p10 / median / p90 / max")
        header = f"{'set':9} {'n':>3}  recall@1  recall@3  {'hits (the right claim)':40}"
        print(f"{header} best wrong claim")
        for name, held_out in (("tuning", False), ("held-out", True)):
            wordings = lookup_corpus.rewordings(held_out=held_out)
            at1, at3, hits, misses = evaluate(db, seed_ids, wordings, args.verbose)
            print(
                f"{name:9} {len(wordings):3}  {at1:8.1%}  {at3:8.1%}  "
                f"{spread(hits):40} {spread(misses)}"
            )
            strong = sum(score >= settings["MATCH_LIKELY"] for score in hits)
            print(f"{'':15}right claim labelled exact or likely: {strong}/{len(hits)}")
        unrelated = [
            next(iter(matching.ranked(db, text)), (None, 0.0))[1]
            for text in lookup_corpus.CORPUS["unrelated"]
        ]
        print(f"unrelated {len(unrelated):3}  best score: {spread(unrelated)}")
        thresholds = matching.thresholds_from(settings)
        labels = [matching.label(score, thresholds) for score in unrelated]
        strong = sum(label in (matching.EXACT, matching.LIKELY) for label in labels)
        print(f"unrelated labelled exact or likely: {strong} (goal 0)")


if __name__ == "__main__":
    main()
