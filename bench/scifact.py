"""BEIR SciFact: corpus (title + " " + text, one passage per abstract), claims as queries, qrels."""

from __future__ import annotations

import csv
import gzip
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SciFact:
    doc_ids: list[str]
    texts: list[str]
    queries: dict[str, str]  # only the queries judged in the split
    qrels: dict[str, dict[str, int]]  # query id → {doc id: relevance}


def load_scifact(folder: Path, split: str = "test") -> SciFact:
    doc_ids, texts = [], []
    with gzip.open(folder / "corpus.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            doc_ids.append(str(row["_id"]))
            texts.append(f"{row['title']} {row['text']}")
    qrels = _qrels(folder / "qrels" / f"{split}.tsv")
    queries = {}
    with open(folder / "queries.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if str(row["_id"]) in qrels:
                queries[str(row["_id"])] = row["text"]
    return SciFact(doc_ids, texts, queries, qrels)


def _qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            qrels.setdefault(row["query-id"], {})[row["corpus-id"]] = int(row["score"])
    return qrels
