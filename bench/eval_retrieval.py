"""SciFact retrieval with the bot's analyser and BM25: `python -m bench.eval_retrieval [--split train]`."""

from __future__ import annotations

import argparse
import sys
import time

from bench.metrics import evaluate
from bench.retrieval import DocumentRanker
from bench.scifact import load_scifact
from bench.shared import evaldata
from bot.search.analyzer import Analyzer

# Best of a k1/b grid on the train split only (bench/tune_retrieval.py); the bot keeps config/settings.yaml.
K1 = 1.2
B = 0.5


def scifact_scores(split: str, k1: float = K1, b: float = B, analyzer: Analyzer | None = None) -> dict[str, float]:
    data = load_scifact(evaldata("scifact"), split)
    ranker = DocumentRanker.build(data.doc_ids, data.texts, analyzer or Analyzer(), k1, b)
    return evaluate(data.qrels, ranker.run(data.queries))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["test", "train"], default="test")
    parser.add_argument("--k1", type=float, default=K1)
    parser.add_argument("--b", type=float, default=B)
    args = parser.parse_args(argv)
    if not evaldata("scifact").is_dir():
        print(f"no SciFact data at {evaldata('scifact')} (set POLICYBOT_SHARED)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    scores = scifact_scores(args.split, args.k1, args.b)
    figures = "  ".join(f"{name} {value:.4f}" for name, value in scores.items())
    print(f"scifact {args.split} k1={args.k1} b={args.b}: {figures}  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
