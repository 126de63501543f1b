"""Check-worthiness and claimant attribution measured on the labelled articles of
tests/data/extraction: precision, recall and F1 at the configured threshold, ROC AUC of the
score, claimant accuracy on attributed sentences and the milliseconds extraction takes per
1,000 words, for each set apart: tuning (the articles the rules were tuned on), held out
(kept aside by the same author), and the sets written and labelled by other authors who read
no code (the README's "Article ingestion and claim extraction" says who and how): unseen,
fresh, blind and blind 2 to blind 46, each kept from whoever wrote the rules until a round of
them was done, scored once, then made the next round's tuning data. Then how far two
labellers agree on blind 5, 7, 10 and 17 (tests/data/extraction/agreement): the ceiling the
claimant figures can be read against.

    .venv/bin/python bench/extraction.py [-v]

-v lists every sentence scored on the wrong side of the threshold or given the wrong claimant.
Goals: F1 >= 0.8 and claimant accuracy >= 0.9 on every set; a 2,000-word article in < 100 ms.
"""

import json
import sys
import time
from pathlib import Path

from factcheck import extraction
from factcheck.config import from_environment

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "extraction"
# The sets written and labelled by other hands, by name, in the order they were written.
OUTSIDE = {
    "unseen": DATA / "unseen",
    "fresh": DATA / "fresh",
    "blind": DATA / "blind",
    **{f"blind {n}": DATA / f"blind{n}" for n in range(2, 47)},
}
# Sets labelled a second time, apart from the first labeller: {set name: (first, second)}.
SECOND_LABELLINGS = {
    "blind 5": (OUTSIDE["blind 5"], DATA / "agreement" / "blind5_second"),
    "blind 7": (OUTSIDE["blind 7"], DATA / "agreement" / "blind7_second"),
    "blind 10": (OUTSIDE["blind 10"], DATA / "agreement" / "blind10_second"),
    "blind 17": (OUTSIDE["blind 17"], DATA / "agreement" / "blind17_second"),
}


def load(folder=DATA):
    """(article, body, labelled sentences) for each article of a folder (not its subfolders)."""
    for path in sorted(folder.glob("*.json")):
        article = json.loads(path.read_text())
        paragraphs = [[row for row in paragraph] for paragraph in article["paragraphs"]]
        body = "\n\n".join(" ".join(text for _, _, text in p) for p in paragraphs)
        yield article, body, [row for paragraph in paragraphs for row in paragraph]


def sets():
    """The evaluation sets by name."""
    articles = list(load())
    return {
        "tuning": [a for a in articles if not a[0]["held_out"]],
        "held out": [a for a in articles if a[0]["held_out"]],
        **{name: list(load(folder)) for name, folder in OUTSIDE.items()},
    }


def normal(name):
    name = (name or "").casefold().strip()
    return name[4:] if name.startswith("the ") else name


def auc(scored):
    """ROC AUC: the chance a check-worthy sentence outscores one that is not (ties: half)."""
    positive = [s for s, label in scored if label]
    negative = [s for s, label in scored if not label]
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def measure(articles, threshold):
    scored, attributed, right, split_misses, invented = [], 0, 0, 0, 0
    for _, body, labelled in articles:
        found = {s["text"]: s for s in extraction.analyse(body)}
        for label, claimant, text in labelled:
            sentence = found.get(text)
            if sentence is None:
                split_misses += 1
                sentence = {"check_worthiness": 0.0, "claimant": None}
            scored.append((sentence["check_worthiness"], label == "Y"))
            if claimant:
                attributed += 1
                right += normal(sentence["claimant"]) == normal(claimant)
            else:
                invented += sentence["claimant"] is not None
    tp = sum(1 for s, y in scored if y and s >= threshold)
    fp = sum(1 for s, y in scored if not y and s >= threshold)
    fn = sum(1 for s, y in scored if y and s < threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "sentences": len(scored),
        "precision": precision,
        "recall": recall,
        "F1": f1,
        "ROC AUC": auc(scored),
        "claimant accuracy": right / attributed if attributed else 0.0,
        "missed by the splitter": split_misses,
        "claimant where none is named": invented,
    }


def speed(articles):
    """Milliseconds per 1,000 words, on a ~2,000-word article made of the set's bodies."""
    body = "\n\n".join(body for _, body, _ in articles)
    while len(body.split()) < 2000:
        body += "\n\n" + body
    words = len(body.split())
    runs = 20
    started = time.perf_counter()
    for _ in range(runs):
        extraction.analyse(body)
    elapsed = (time.perf_counter() - started) / runs * 1000
    return words, elapsed


def main():
    threshold = from_environment()["CHECKWORTHY_THRESHOLD"]
    print(f"threshold {threshold}")
    for name, articles in sets().items():
        figures = measure(articles, threshold)
        words, ms = speed(articles)
        figures["ms per 1,000 words"] = ms / words * 1000
        shown = ", ".join(
            f"{key} {value:.3f}" if isinstance(value, float) else f"{key} {value}"
            for key, value in figures.items()
        )
        print(
            f"{name} ({len(articles)} articles): {shown}  "
            f"[goals: F1 >= 0.8, claimant >= 0.9, 2,000 words < 100 ms]"
        )
        if "-v" in sys.argv:
            misses(articles, threshold)
    for name, (first, second) in SECOND_LABELLINGS.items():
        figures = agreement(load(first), load(second))
        print(
            "two labellers of {name}, apart: check-worthiness agreement {agreement:.3f} "
            "(Cohen's kappa {kappa:.3f}); claimant accuracy of each against the other "
            "{second_on_first:.3f} and {first_on_second:.3f}".format(name=name, **figures)
        )


def agreement(first, second):
    """How far two labellings of the same articles agree: on the label (the share of
    sentences, and Cohen's kappa) and on the claimant (each scored against the other, as
    measure() scores the extractor)."""
    a = {row[2]: row for _, _, labelled in first for row in labelled}
    b = {row[2]: row for _, _, labelled in second for row in labelled}
    if a.keys() != b.keys():
        raise ValueError("the two labellings are not of the same sentences")
    same = sum(a[text][0] == b[text][0] for text in a) / len(a)
    yes_a = sum(row[0] == "Y" for row in a.values()) / len(a)
    yes_b = sum(row[0] == "Y" for row in b.values()) / len(b)
    chance = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)

    def claimants(gold, other):
        named = [text for text in gold if gold[text][1]]
        return sum(normal(gold[t][1]) == normal(other[t][1]) for t in named) / len(named)

    return {
        "agreement": same,
        "kappa": (same - chance) / (1 - chance),
        "second_on_first": claimants(a, b),
        "first_on_second": claimants(b, a),
    }


def misses(articles, threshold):
    """Print each sentence on the wrong side of the threshold or with the wrong claimant."""
    for _, body, labelled in articles:
        found = {s["text"]: s for s in extraction.analyse(body)}
        for label, claimant, text in labelled:
            if text not in found:
                print("  SPLIT", text, [t for t in found if t in text or text in t])
            s = found.get(text, {"check_worthiness": -1, "claimant": "SPLIT"})
            wrong = (s["check_worthiness"] >= threshold) != (label == "Y")
            who = normal(s["claimant"]) != normal(claimant) and s["claimant"] != "SPLIT"
            if wrong or who:
                reasons = s.get("check_worthiness_reasons")
                score = s["check_worthiness"]
                print(" ", label, score, reasons, s["claimant"], "|", claimant, "|", text[:80])


if __name__ == "__main__":
    main()
