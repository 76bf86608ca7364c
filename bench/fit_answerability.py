"""Fit the answerability decision (config/settings.yaml `answers.answerability`) on the tune halves only.

Answerable: ReQA questions on their own collection, the White House questions, the seed questions.
Unanswerable: the labelled White House negatives, the seed negatives, and questions asked of a collection
that is not theirs (ReQA's on the White House set, the White House ones on ReQA's). Logistic regression
on bot.search.answerability.features; prints weights and the answered / refused shares on both halves.

    python -m bench.fit_answerability
"""

from __future__ import annotations

import logging
import random
import sys
from pathlib import Path

import numpy as np
import yaml

from bench.reqa import build_reqa
from bench.shared import PROJECT_ROOT, evaldata, shared_root
from bench.whq import load_wh
from bot.config import load_config
from bot.engine import Engine
from bot.search.answerability import FEATURES, features
from bot.search.answering import answer_question


def feature_rows(engine: Engine, questions: list[str]) -> np.ndarray:
    rows = []
    for q in questions:
        found = answer_question(engine, q, 3)
        ev = found.evidence
        hard = ev is None or bool(ev.unknown_names or ev.missing_names or ev.after_newest) or not found.hits
        rows.append(np.r_[features(ev) if ev else np.zeros(len(FEATURES)), float(hard)])
    return np.array(rows)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 1e-2, steps: int = 50) -> np.ndarray:
    """Weighted logistic regression by Newton's method; returns [bias, *coefficients]."""
    a = np.c_[np.ones(len(x)), x]
    beta = np.zeros(a.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-a @ beta))
        grad = a.T @ (weight * (p - y)) + l2 * np.r_[0, beta[1:]]
        hess = (a * (weight * p * (1 - p))[:, None]).T @ a + l2 * np.eye(len(beta))
        beta -= np.linalg.solve(hess, grad)
    return beta


def sets(tune: bool, seed: int = 5) -> dict[str, tuple[Engine, list[str], int]]:
    config = load_config(PROJECT_ROOT / "config")
    reqa = build_reqa(evaldata("reqa_squad"), Path("/tmp/policybot-reqa-kb"))
    rq = Engine.load(reqa.folder, config, Path("/tmp/policybot-eval-answers/reqa"))
    wh_engine = Engine.load(Path("/tmp/policybot-whitehouse-kb"), config, Path("/tmp/policybot-eval-answers/wh"))
    seed_engine = Engine.load(PROJECT_ROOT / "knowledge", config, None)
    wh = load_wh(shared_root() / "eval" / "wh_dev_questions.yaml")
    dev = yaml.safe_load((shared_root() / "eval" / "dev_questions.yaml").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    half = [q.text for q in reqa.questions if (q.title in reqa.tune_titles) == tune]
    return {
        "ReQA": (rq, rng.sample(half, 1500), 1),
        "White House": (wh_engine, [c.q for c in wh.ask if c.tune == tune], 1),
        "seed": (seed_engine, [c["q"] for c in dev["ask"]], 1),
        "White House negatives": (wh_engine, [n["q"] for n in wh.negatives if (int(n["id"][1:]) % 2 == 1) == tune], 0),
        "seed negatives": (seed_engine, [c["q"] for c in dev["negative"]], 0),
        "ReQA on White House": (wh_engine, rng.sample(half, 400), 0),
        "White House on ReQA": (rq, [c.q for c in wh.ask if c.tune == tune], 0),
    }


def main() -> int:
    logging.basicConfig(level=logging.ERROR)
    data = {
        half: {k: (feature_rows(e, qs), y) for k, (e, qs, y) in sets(half == "tune").items()}
        for half in ("tune", "held-out")
    }
    x = np.vstack([r[:, :-1] for r, _ in data["tune"].values()])
    y = np.concatenate([np.full(len(r), yy) for r, yy in data["tune"].values()])
    w = np.concatenate([np.full(len(r), 1.0 / len(r)) for r, _ in data["tune"].values()])  # each set counts once
    beta = fit(x, y, w * len(w))
    print("bias", round(beta[0], 3), {f: round(b, 3) for f, b in zip(FEATURES, beta[1:], strict=True)})
    for threshold in (0.3, 0.4, 0.5, 0.6):
        for half, rows in data.items():
            shares = []
            for name, (r, yy) in rows.items():
                p = 1 / (1 + np.exp(-(beta[0] + r[:, :-1] @ beta[1:])))
                yes = (p >= threshold) & (r[:, -1] == 0)
                shares.append(f"{name} {'answered' if yy else 'refused'} {(yes.mean() if yy else 1 - yes.mean()):.1%}")
            print(f"p ≥ {threshold} {half}: " + "; ".join(shares))
    return 0


if __name__ == "__main__":
    sys.exit(main())
