"""TextRank (Mihalcea & Tarau, 2004) with its original sentence similarity.

similarity(Si, Sj) = |terms shared| / (log |Si| + log |Sj|), on the analyser's stemmed terms. The log
length normalisation lets a longer sentence count for a little more than a short one without letting
length dominate. Chosen on a BBC News dev sample over tf-idf cosine (which ranks short sentences
as high as long ones), a position prior, a title prior, a length prior and MMR redundancy control:
none of those added anything on top of it (bench/README.md has the figures).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

DAMPING = 0.85


def similarity(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    vocab: dict[str, int] = {}
    rows = [[vocab.setdefault(t, len(vocab)) for t in set(tokens)] for tokens in token_lists]
    present = np.zeros((len(token_lists), max(len(vocab), 1)), dtype=np.float64)
    for row, columns in enumerate(rows):
        present[row, columns] = 1.0
    shared = present @ present.T
    log_len = np.log(np.array([max(len(t), 1) for t in token_lists], dtype=np.float64))
    denominator = log_len[:, None] + log_len[None, :]
    sim = np.divide(shared, denominator, out=np.zeros_like(shared), where=denominator > 0)
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


def textrank(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    return pagerank(similarity(token_lists))


def pick(scores: np.ndarray, n: int) -> list[int]:
    """Indices of the n best scores, returned in their original (document) order."""
    order = np.argsort(-scores, kind="stable")[:n]
    return sorted(int(i) for i in order)
