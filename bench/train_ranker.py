"""Train the learned re-ranker for !ask (`ranking.model` in config/settings.yaml) on ReQA's tuning half only.

For every question of the articles whose title sorts into the first half, the ranker's own pool is taken
(the same candidates and features `!ask` sees: bot.search.rank_features), each sentence labelled 1 when it
holds the answer (bench.reqa's rule), and LightGBM's LambdaMART is fitted, with early stopping on a fifth
of those articles. ReQA's other half and every White House question are never seen; read them with
`python -m bench.eval_answers`.

    python -m bench.train_ranker [--out config/models/ask_ranker.txt] [--top 300] [--trees 400]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from bench.reqa import Question, ReqaSet, build_reqa, hit
from bench.shared import PROJECT_ROOT, evaldata
from bot.config import Config, load_config
from bot.engine import Engine
from bot.search.dates import time_asked
from bot.search.rank_features import COLUMNS

PARAMS = {
    "objective": "lambdarank",
    "metric": "ndcg",
    "eval_at": [3],
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.9,
    "lambdarank_truncation_level": 10,
    "num_threads": 2,
    "seed": 7,
    "verbose": -1,
}


def question_rows(engine: Engine, q: Question, top: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Features and labels of the question's best `top` pooled sentences (None: no answer among them)."""
    ranker = engine.ranker
    parts = ranker.parts(engine.question(q.text), time_asked(q.text), engine.junk)
    if parts is None:
        return None
    rows = ranker.features(parts, q.text)
    keep = np.argsort(-parts.score, kind="stable")[:top]
    labels = np.array([_answers(engine, q, int(p)) for p in parts.pool[keep]], dtype=np.float32)
    if not labels.any():
        return None
    return rows[keep], labels


def _answers(engine: Engine, q: Question, pid: int) -> bool:
    sentence = engine.passage(pid).sentence
    return hit(q, sentence.start, sentence.end)


def dataset(engine: Engine, questions: list[Question], top: int) -> tuple[np.ndarray, np.ndarray, list[int]]:
    xs, ys, groups = [], [], []
    for q in questions:
        found = question_rows(engine, q, top)
        if found is not None:
            xs.append(found[0])
            ys.append(found[1])
            groups.append(len(found[1]))
    return np.vstack(xs), np.concatenate(ys), groups


def without_model(config: Config) -> Config:
    """The configuration with the hand-weighted ranker (features never depend on an earlier model)."""
    ranking = config.settings.ranking.model_copy(update={"model": None})
    return replace(config, settings=config.settings.model_copy(update={"ranking": ranking}))


def _number(text: str) -> float | int | str:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _at(scores: np.ndarray, labels: np.ndarray, groups: list[int], k: int) -> float:
    """Share of questions with an answer among their k best-scored rows."""
    hits, start = 0, 0
    for n in groups:
        best = np.argsort(-scores[start : start + n], kind="stable")[:k]
        hits += bool(labels[start : start + n][best].any())
        start += n
    return hits / max(len(groups), 1)


def split(data: ReqaSet) -> tuple[list[Question], list[Question]]:
    """The tuning half's questions: (fit, early stopping), by article (every fifth tuning title stops)."""
    titles = sorted(data.tune_titles)
    stop = set(titles[::5])
    tune = [q for q in data.questions if q.title in data.tune_titles]
    return [q for q in tune if q.title not in stop], [q for q in tune if q.title in stop]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "config" / "models" / "ask_ranker.txt")
    parser.add_argument("--top", type=int, default=300, help="pooled sentences per question kept for training")
    parser.add_argument("--trees", type=int, default=400)
    parser.add_argument("--param", action="append", default=[], help="a LightGBM parameter: name=value")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    import lightgbm

    if not evaldata("reqa_squad").exists():
        print("skipped: ../shared/evaldata/reqa_squad is not there")
        return 0
    data = build_reqa(evaldata("reqa_squad"), Path("/tmp/policybot-reqa-kb"))
    config = without_model(load_config(PROJECT_ROOT / "config"))
    engine = Engine.load(data.folder, config, Path("/tmp/policybot-train-ranker"))
    started = time.perf_counter()
    fit_q, stop_q = split(data)
    x, y, g = dataset(engine, fit_q, args.top)
    vx, vy, vg = dataset(engine, stop_q, args.top)
    print(f"rows {len(y)} / {len(vy)}, questions {len(g)} / {len(vg)} ({time.perf_counter() - started:.0f} s)")
    train = lightgbm.Dataset(x, y, group=g, feature_name=[c.replace(" ", "_") for c in COLUMNS])
    valid = lightgbm.Dataset(vx, vy, group=vg, reference=train)
    params = PARAMS | {k: _number(v) for k, v in (p.split("=", 1) for p in args.param)}
    booster = lightgbm.train(
        params, train, args.trees, valid_sets=[valid], callbacks=[lightgbm.early_stopping(100, verbose=False)]
    )
    print(f"trees {booster.best_iteration}, early-stopping ndcg@3 {booster.best_score['valid_0']['ndcg@3']:.4f}")
    for name, scores in (
        ("hand weights", vx[:, 0]),
        ("model", booster.predict(vx, num_iteration=booster.best_iteration)),
    ):
        print(
            f"  early-stopping questions, {name}: P@1 / R@3 {_at(scores, vy, vg, 1):.3f} / {_at(scores, vy, vg, 3):.3f}"
        )
    gains = booster.feature_importance("gain")
    for name, gain in sorted(zip(COLUMNS, gains, strict=True), key=lambda t: -t[1]):
        print(f"  {name:20} {gain / gains.sum():.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(args.out), num_iteration=booster.best_iteration)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
