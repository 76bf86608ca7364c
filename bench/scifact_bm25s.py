"""SciFact with the bm25s baseline (bench/bm25s_baseline.py), scored like bench/eval_retrieval.py."""

from __future__ import annotations

import bm25s
import Stemmer

from bench.metrics import evaluate
from bench.scifact import load_scifact
from bench.shared import evaldata


def scifact_bm25s(split: str = "test") -> float:
    data = load_scifact(evaldata("scifact"), split)
    stemmer = Stemmer.Stemmer("english")
    model = bm25s.BM25()
    model.index(bm25s.tokenize(data.texts, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False)
    qids = list(data.queries)
    tokens = bm25s.tokenize([data.queries[q] for q in qids], stopwords="en", stemmer=stemmer, show_progress=False)
    ids, scores = model.retrieve(tokens, k=100, show_progress=False, n_threads=1)
    run = {
        q: {data.doc_ids[j]: float(s) for j, s in zip(row, srow, strict=True)}
        for q, row, srow in zip(qids, ids, scores, strict=True)
    }
    return evaluate(data.qrels, run)["nDCG@10"]
