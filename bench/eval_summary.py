"""BBC News Summary: the bot's !summary sentences vs lead-3, ROUGE F1. `python -m bench.eval_summary`."""

from __future__ import annotations

import argparse
import logging
import sys
import time

from bench.bbc import DEV_SEED, REPORT_SEED, dev_sample, load_bbc, report_sample
from bench.rouge import mean_rouge
from bench.shared import evaldata
from bench.summaries import build_engine, lead, summaries
from bot.summary import textrank
from bot.summary.extract import summarise_document


def summary_scores(sample: str = "report", size: int = 300, n: int = 3) -> dict[str, dict[str, float]]:
    articles = load_bbc(evaldata("bbc_news_summary"))
    chosen = report_sample(articles, size) if sample == "report" else dev_sample(articles, size)
    engine = build_engine(chosen)
    references = [a.reference for a in chosen]
    results = {"summary": mean_rouge(summaries(engine, n, summarise_document), references)}
    exponent, textrank.LENGTH_EXPONENT = textrank.LENGTH_EXPONENT, 0.0
    try:
        results["summary, no length factor"] = mean_rouge(summaries(engine, n, summarise_document), references)
    finally:
        textrank.LENGTH_EXPONENT = exponent
    results[f"lead-{n}"] = mean_rouge(summaries(engine, n, lead), references)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", choices=["report", "dev"], default="report", help="dev is for tuning")
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("-n", type=int, default=3, help="sentences per summary")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if not evaldata("bbc_news_summary").is_dir():
        print(f"no BBC data at {evaldata('bbc_news_summary')} (set POLICYBOT_SHARED)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results = summary_scores(args.sample, args.size, args.n)
    seed = REPORT_SEED if args.sample == "report" else DEV_SEED
    print(f"bbc {args.sample} sample: {args.size} articles (seed {seed}), {args.n} sentences")
    for system, scores in results.items():
        print(f"  {system:26s} " + "  ".join(f"{k} {v:.4f}" for k, v in scores.items()))
    print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
