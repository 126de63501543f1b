"""The lookup's test corpus (tests/lookup_corpus.json) loaded into a database: the seed, then
every near-neighbour published through the workflow as the seed's claims are."""

import json
from pathlib import Path

from factcheck import articles, seed
from factcheck.db import write_transaction
from factcheck.identity import COMMAND_LINE

CORPUS = json.loads((Path(__file__).parent / "lookup_corpus.json").read_text(encoding="utf-8"))
SOURCE = {
    "ref": "record",
    "url": "https://example.org/record",
    "kind": "primary",
    "note": "The public record the corpus was written from.",
}


def _neighbour(text, rating):
    return {
        "text": text,
        "claimant": "Test corpus",
        "claim_date": "2020-11-20",
        "tags": [],
        "sources": [SOURCE],
        "verdict": {"rating": rating, "explanation": "Checked.", "source_refs": ["record"]},
    }


def load(db, config):
    """Seed db and publish the corpus's neighbours; return the seed claims' ids in seed order."""
    seed.load(db, config)
    neighbours = CORPUS["neighbours"]
    body = "\n".join(text for text, _ in neighbours)
    article = seed.article_schema.load({"title": "Lookup corpus", "body": body})
    counts = {"claims": 0, "sources": 0, "verdicts": 0}
    with write_transaction(db):
        article_id, _ = articles.create(db, article, COMMAND_LINE)
        for text, rating in neighbours:
            seed._load_claim(db, article_id, _neighbour(text, rating), config, counts)
    seed_texts = [claim["text"] for claim in seed._read(config["SEED_DIR"])[1]]
    ids = {row["text"]: row["id"] for row in db.query("SELECT id, text FROM claims")}
    return [ids[text] for text in seed_texts]


def rewordings(*, held_out):
    """(seed index, wording) of the tuning set, or of the held-out set."""
    return [(index, text) for index, text, held in CORPUS["rewordings"] if held == held_out]
