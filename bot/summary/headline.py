"""Key sentences of one new document: central *and* about what its title announces.

Centrality alone favours chatty sentences in speeches ("Thank you, Jaime, for that introduction"); the
title says what the document is about. Reciprocal-rank fusion of the two rankings keeps sentences that
do well on both."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.engine import Engine
from bot.knowledge.model import Document
from bot.search.retrieve import Filters
from bot.summary.textrank import salience

FUSION_K = 5  # small: the candidate lists are short (a document's opening sentences)


def key_sentences(engine: Engine, document: Document, candidates: Sequence[int], n: int) -> list[int]:
    """The n best of `candidates` (passage ids of `document`), in document order."""
    candidates = list(candidates)
    if len(candidates) <= n:
        return sorted(candidates)
    by_salience = np.argsort(-salience([engine.passage(p).text for p in candidates]), kind="stable")
    salience_rank = {candidates[i]: rank for rank, i in enumerate(by_salience)}
    within = range(candidates[0], candidates[-1] + 1)
    hits = engine.search(document.title, len(within), min_coverage=0.0, filters=Filters(within=within))
    title_rank = {h.passage: rank for rank, h in enumerate(hits)}
    missing = len(candidates)
    fused = {p: 1 / (FUSION_K + salience_rank[p]) + 1 / (FUSION_K + title_rank.get(p, missing)) for p in candidates}
    return sorted(sorted(candidates, key=lambda p: (-fused[p], p))[:n])
