"""Retrieval metrics through ir-measures (its pytrec_eval provider computes nDCG and recall offline)."""

from __future__ import annotations

import ir_measures
from ir_measures import R, nDCG

Run = dict[str, dict[str, float]]  # query id → {doc id: score}
Qrels = dict[str, dict[str, int]]

MEASURES = (nDCG @ 10, R @ 100)


def evaluate(qrels: Qrels, run: Run) -> dict[str, float]:
    """Mean nDCG@10 and Recall@100 over the judged queries (a query with no results counts as 0)."""
    run = {q: run.get(q, {}) for q in qrels}
    found = ir_measures.calc_aggregate(MEASURES, qrels, {q: d for q, d in run.items() if d})
    scale = sum(1 for d in run.values() if d) / len(qrels) if qrels else 0.0
    return {str(m): float(found.get(m, 0.0)) * scale for m in MEASURES}
