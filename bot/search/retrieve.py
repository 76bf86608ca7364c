"""Ranked retrieval over the index: BM25 score, a coverage floor, filters, duplicate removal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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
    exclude: np.ndarray | None = None  # bool per passage: True is never returned (e.g. `Engine.junk`)


def coverage(index: BM25Index, query: Query, candidates: np.ndarray) -> np.ndarray:
    """`dense_coverage(index, query)[candidates]` without touching every posting: a binary search of the
    candidates in each term's sorted postings (the same float32 sums, in the same order)."""
    candidates = np.asarray(candidates, dtype=np.int64)
    weights = [concept_weight(index, c) for c in query.concepts]
    total = sum(weights) or 1.0
    cov = np.zeros(len(candidates), dtype=np.float32)
    for concept, weight in zip(query.concepts, weights, strict=True):
        hit = np.zeros(len(candidates), dtype=bool)
        for name in concept.term_names:
            docs = index.postings(name)[0]
            if len(docs):
                at = np.minimum(np.searchsorted(docs, candidates), len(docs) - 1)
                hit |= docs[at] == candidates
        cov[hit] += np.float32(weight / total)
    return cov


def dense_coverage(index: BM25Index, query: Query) -> np.ndarray:
    """Per passage, the share of the query's concept weight it matches (0 where it matches none)."""
    weights = [concept_weight(index, c) for c in query.concepts]
    total = sum(weights) or 1.0
    cov = np.zeros(index.n_passages, dtype=np.float32)
    for concept, weight in zip(query.concepts, weights, strict=True):
        names, share = concept.term_names, np.float32(weight / total)
        if len(names) == 1:
            cov[index.postings(names[0])[0]] += share
        else:
            cov[index.mask(names)] += share
    return cov


def retrieve(
    index: BM25Index,
    query: Query,
    k: int,
    *,
    min_coverage: float = 0.0,
    filters: Filters | None = None,
    same_text: Callable[[int], str] | None = None,
) -> list[Hit]:
    """Works on dense per-passage arrays (a few hundred kB): cheaper than sorting postings of common terms."""
    filters = filters or Filters()
    scores = index.dense(query.terms)
    keep = scores > 0
    cov = dense_coverage(index, query) if min_coverage > 1e-4 else None
    if cov is not None:
        keep &= cov >= min_coverage - 1e-4
    for group in filters.require:
        keep &= index.mask(group)
    if filters.within is not None:
        keep[: filters.within.start] = False
        keep[filters.within.stop :] = False
    if filters.exclude is not None:
        keep &= ~filters.exclude
    ids = np.flatnonzero(keep)
    chosen = _top(ids, scores[ids], k, same_text)
    shares = cov[chosen] if cov is not None else coverage(index, query, np.array(chosen, dtype=np.int64))
    return [Hit(pid, float(scores[pid]), float(c)) for pid, c in zip(chosen, shares.tolist(), strict=True)]


def _top(ids: np.ndarray, scores: np.ndarray, k: int, key: Callable[[int], str] | None) -> list[int]:
    """Best k passage ids by score (ties: lower id first), skipping repeats of the same text."""
    want = min(len(ids), k * 4 if key else k)
    if not want:
        return []
    part = np.argpartition(-scores, want - 1)[:want] if want < len(ids) else np.arange(len(ids))
    order = part[np.lexsort((ids[part], -scores[part]))]
    return distinct(ids[order].tolist(), k, key)


def distinct(pids: Iterable[int], k: int, key: Callable[[int], str] | None) -> list[int]:
    """The first k passage ids, skipping any whose text key was already taken."""
    chosen: list[int] = []
    seen: set[str] = set()
    for pid in pids:
        if key is not None:
            text = key(pid)
            if text in seen:
                continue
            seen.add(text)
        chosen.append(int(pid))
        if len(chosen) == k:
            break
    return chosen
