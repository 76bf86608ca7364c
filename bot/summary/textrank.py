"""TextRank over tf-idf cosine similarity between sentences."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

DAMPING = 0.85


def similarity(token_lists: Sequence[Sequence[str]], idf: Callable[[str], float]) -> np.ndarray:
    vocab: dict[str, int] = {}
    for tokens in token_lists:
        for t in tokens:
            vocab.setdefault(t, len(vocab))
    m = np.zeros((len(token_lists), max(len(vocab), 1)), dtype=np.float64)
    for row, tokens in enumerate(token_lists):
        for t in tokens:
            m[row, vocab[t]] += 1.0
    weights = np.array([idf(t) for t in vocab] or [0.0])
    m *= weights
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    m = np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)
    sim = m @ m.T
    np.fill_diagonal(sim, 0.0)
    return sim


def pagerank(sim: np.ndarray, iterations: int = 50, tol: float = 1e-6) -> np.ndarray:
    n = len(sim)
    if n == 0:
        return np.zeros(0)
    out = sim.sum(axis=1, keepdims=True)
    trans = np.divide(sim, out, out=np.full_like(sim, 1.0 / n), where=out > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        new = (1 - DAMPING) / n + DAMPING * trans.T @ rank
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


def textrank(token_lists: Sequence[Sequence[str]], idf: Callable[[str], float]) -> np.ndarray:
    return pagerank(similarity(token_lists, idf))


def pick(scores: np.ndarray, n: int) -> list[int]:
    """Indices of the n best scores, returned in their original (document) order."""
    order = np.argsort(-scores, kind="stable")[:n]
    return sorted(int(i) for i in order)
