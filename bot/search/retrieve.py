"""Ranked retrieval over the index: BM25 score, a coverage floor, filters, duplicate removal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.search.index import BM25Index
from bot.search.query import Query, concept_weight


@dataclass(frozen=True, slots=True)
class Hit:
    passage: int
    score: float
    coverage: float  # share of the query's informative weight this passage matches


@dataclass(frozen=True)
class Filters:
    require: Sequence[Sequence[str]] = ()  # groups of index terms; a passage must contain one of each group
    within: range | None = None  # passage id range (one document)


def coverage(index: BM25Index, query: Query, candidates: np.ndarray) -> np.ndarray:
    weights = [concept_weight(index, c) for c in query.concepts]
    total = sum(weights) or 1.0
    cov = np.zeros(len(candidates), dtype=np.float32)
    for concept, weight in zip(query.concepts, weights, strict=True):
        cov[_positions(candidates, index.matching(concept.term_names))] += weight
    return cov / total


def _positions(candidates: np.ndarray, matched: np.ndarray) -> np.ndarray:
    """Positions in sorted `candidates` of the ids in sorted `matched` that it contains."""
    pos = np.searchsorted(candidates, matched)
    ok = pos < len(candidates)
    pos, matched = pos[ok], matched[ok]
    return pos[candidates[pos] == matched]


def retrieve(
    index: BM25Index,
    query: Query,
    k: int,
    *,
    min_coverage: float = 0.0,
    filters: Filters | None = None,
    same_text: Callable[[int], str] | None = None,
) -> list[Hit]:
    filters = filters or Filters()
    ids, scores = index.score(query.terms)
    if not len(ids):
        return []
    keep = np.ones(len(ids), dtype=bool)
    for group in filters.require:
        keep &= np.isin(ids, index.matching(group), assume_unique=True)
    if filters.within is not None:
        keep &= (ids >= filters.within.start) & (ids < filters.within.stop)
    cov = coverage(index, query, ids)
    keep &= cov >= min_coverage - 1e-4
    ids, scores, cov = ids[keep], scores[keep], cov[keep]
    return _top(ids, scores, cov, k, same_text)


def _top(ids: np.ndarray, scores: np.ndarray, cov: np.ndarray, k: int, key: Callable[[int], str] | None) -> list[Hit]:
    want = min(len(ids), k * 4 if key else k)
    if not want:
        return []
    part = np.argpartition(-scores, want - 1)[:want] if want < len(ids) else np.arange(len(ids))
    order = part[np.lexsort((ids[part], -scores[part]))]
    hits: list[Hit] = []
    seen: set[str] = set()
    for i in order:
        if key:
            text_key = key(int(ids[i]))
            if text_key in seen:
                continue
            seen.add(text_key)
        hits.append(Hit(int(ids[i]), float(scores[i]), float(cov[i])))
        if len(hits) == k:
            break
    return hits
