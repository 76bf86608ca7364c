"""`!ask` quality and cost, one table for the current configuration: `python -m bench.eval_answers`.

Rows are benchmarks, columns metrics; a bm25s baseline runs in the same process over the same sentences.
Tuning used only the tune halves (ReQA: articles whose title sorts into the first half; White House
questions and negatives with odd numbers); the held-out halves are reported beside them.

    python -m bench.eval_answers [--skip scifact,bbc,cost,cold] [--kb DIR] [--data DIR]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from bench.ask_runs import reqa_tallies, wh_result
from bench.bm25s_baseline import Bm25sBaseline
from bench.calibration import answered, cross_negatives, wh_negatives
from bench.cost import ask_latency, cold_build_seconds, rss_mb
from bench.reqa import build_reqa, sentence_hit
from bench.seed_runs import dev_figures, plain_results
from bench.shared import PROJECT_ROOT, evaldata, shared_root
from bench.whq import first_hits, load_wh
from bot.commands.dispatcher import Dispatcher
from bot.config import load_config
from bot.engine import Engine

Row = tuple[str, str, str]  # benchmark, system, figures


def reqa_rows(config, data_dir: Path) -> tuple[list[Row], Engine, object]:
    data = build_reqa(evaldata("reqa_squad"), Path("/tmp/policybot-reqa-kb"))
    engine = Engine.load(data.folder, config, data_dir / "reqa")
    rows = []
    for half, t in reqa_tallies(Dispatcher(engine), data).items():
        r = t.row()
        rows.append(
            (
                "ReQA SQuAD",
                f"bot !ask ({half})",
                f"P@1 {r['P@1']:.3f}  R@3 {r['R@3']:.3f}  "
                f"nothing {r['nothing']:.2%} ({t.nothing})  closest {r['closest']:.1%}  n {t.n}",
            )
        )
    base = Bm25sBaseline([s["text"] for s in data.sentences])
    top = base.top([q.text for q in data.questions], 3)
    p1 = r3 = 0
    for q, row in zip(data.questions, top, strict=True):
        ranks = [i for i, j in enumerate(row, 1) if j >= 0 and sentence_hit(q, data, data.sentences[j])]
        p1 += bool(ranks) and ranks[0] == 1
        r3 += bool(ranks)
    n = len(data.questions)
    rows.append(("ReQA SQuAD", "bm25s (all)", f"P@1 {p1 / n:.3f}  R@3 {r3 / n:.3f}  nothing 0.0%"))
    return rows, engine, data


def wh_rows(config, kb: Path, data_dir: Path) -> tuple[list[Row], Engine]:
    wh = load_wh(shared_root() / "eval" / "wh_dev_questions.yaml")
    engine = Engine.load(kb, config, data_dir / "wh")
    res = wh_result(Dispatcher(engine), wh)
    rows = []
    for group in ("all", "tune", "held-out", "paraphrase", "number", "when", "context", "entity"):
        t = res.strict.get(group)
        if t:
            r = t.row()
            rows.append(
                (
                    "White House questions",
                    f"bot !ask ({group})",
                    f"strict@1 {r['P@1']:.3f}  strict@3 {r['R@3']:.3f}  MRR {r['MRR@3']:.3f}  n {t.n}",
                )
            )
    d = res.doc.row()
    rows.append(("White House questions", "bot !ask (doc level)", f"doc@1 {d['P@1']:.3f}  doc@3 {d['R@3']:.3f}"))
    rows.append(("White House negatives", "bot !ask", f"refused {res.negatives_refused}/{res.negatives}"))
    texts = engine.kb.texts()
    base = Bm25sBaseline(texts)
    top = base.top([c.q for c in wh.ask], 3)
    strict = {"all": [], "paraphrase": []}
    for case, row in zip(wh.ask, top, strict=True):
        ex = [(engine.passage(int(j)).document.url, texts[j]) for j in row if j >= 0]
        s, _ = first_hits(case, ex)
        strict["all"].append(s is not None)
        if "paraphrase" in case.tags:
            strict["paraphrase"].append(s is not None)
    rows.append(
        (
            "White House questions",
            "bm25s (all / paraphrase)",
            f"strict@3 {_mean(strict['all']):.3f} / {_mean(strict['paraphrase']):.3f}  negatives refused 0/12",
        )
    )
    return rows, engine


def _mean(values: list[bool]) -> float:
    return sum(values) / max(len(values), 1)


def seed_rows(config) -> list[Row]:
    bot = Dispatcher(Engine.load(PROJECT_ROOT / "knowledge", config, None))
    dev = dev_figures(bot)
    plain = plain_results(bot)
    return [
        ("seed dev questions", "bot !ask", "  ".join(f"{k} {a}/{b}" for k, (a, b) in dev.items())),
        ("seed plain questions", "bot !ask", f"as expected {sum(ok for _, ok in plain)}/{len(plain)}"),
    ]


def calibration_rows(wh_engine: Engine, reqa_engine: Engine, reqa, seed_bot: Dispatcher) -> list[Row]:
    wh, rq = Dispatcher(wh_engine), Dispatcher(reqa_engine)
    wh_set = load_wh(shared_root() / "eval" / "wh_dev_questions.yaml")
    rows = []
    for tune, half in ((True, "tune"), (False, "held-out")):
        pos_wh = answered(wh, [c.q for c in wh_set.ask if c.tune == tune])
        pos_rq = answered(rq, cross_negatives(reqa, 1000, tune, seed=3))
        neg_wh = 1 - answered(wh, wh_negatives(wh_set, tune))
        neg_x = 1 - answered(wh, cross_negatives(reqa, 300, tune))
        rows.append(
            (
                "answerability",
                f"bot ({half})",
                f"answered: White House {pos_wh:.1%}, ReQA {pos_rq:.1%}; "
                f"refused: White House negatives {neg_wh:.1%}, ReQA questions on White House {neg_x:.1%}",
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip", default="", help="comma-separated: scifact,bbc,cost,cold")
    parser.add_argument("--kb", type=Path, default=Path("/tmp/policybot-whitehouse-kb"))
    parser.add_argument("--data", type=Path, default=Path("/tmp/policybot-eval-answers"))
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    logging.basicConfig(level=logging.WARNING)
    if not evaldata("reqa_squad").is_dir() or not args.kb.is_dir():
        print(
            f"needs {evaldata('reqa_squad')} and the White House folder {args.kb} (python bench/make_whitehouse_kb.py)",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    config = load_config(PROJECT_ROOT / "config")
    rows: list[Row] = []
    wh, wh_engine = wh_rows(config, args.kb, args.data)
    rows += wh
    rq, rq_engine, reqa = reqa_rows(config, args.data)
    rows += rq
    rows += seed_rows(config)
    rows += calibration_rows(wh_engine, rq_engine, reqa, None)
    if "scifact" not in skip:
        rows += scifact_rows()
    if "bbc" not in skip:
        rows += bbc_rows()
    if "cost" not in skip:
        rows += cost_rows(wh_engine, args, "cold" not in skip)
    _print(rows)
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


def scifact_rows() -> list[Row]:
    from bench.eval_retrieval import scifact_scores
    from bench.scifact_bm25s import scifact_bm25s

    bot = scifact_scores("test")
    return [
        ("SciFact test (300)", "bot analyser + BM25", f"nDCG@10 {bot['nDCG@10']:.4f}  R@100 {bot['R@100']:.4f}"),
        ("SciFact test (300)", "bm25s", f"nDCG@10 {scifact_bm25s('test'):.4f}"),
    ]


def bbc_rows() -> list[Row]:
    from bench.eval_summary import summary_scores

    scores = summary_scores("report", 300, 3)
    return [("BBC summaries (300)", name, f"ROUGE-2 {s['rouge2']:.4f}") for name, s in scores.items()]


def cost_rows(engine: Engine, args, cold: bool) -> list[Row]:
    p50, p99 = ask_latency(engine)
    rows = [
        ("cost (White House)", "!ask in the engine", f"p50 {p50:.2f} ms  p99 {p99:.2f} ms"),
        ("cost (White House)", "RSS after load", f"{rss_mb(args.kb, args.data / 'wh'):.0f} MB"),
    ]
    if cold:
        rows.append(("cost (White House)", "cold build (no cache)", f"{cold_build_seconds(args.kb):.1f} s"))
    return rows


def _print(rows: list[Row]) -> None:
    width = [max(len(r[i]) for r in rows) for i in range(2)]
    for bench, system, figures in rows:
        print(f"{bench:{width[0]}}  {system:{width[1]}}  {figures}")


if __name__ == "__main__":
    sys.exit(main())
