"""Postings with finished BM25 weights, from passages given as term-id arrays.

Two builders give the same arrays: `rank-bm25` (the design's source of the statistics: its idf, document
lengths and average length, fed term-id lists so it stores small int-keyed dicts) and `numpy` (the same
statistics counted with numpy, without rank-bm25's per-passage dicts). `search.builder` picks one.
"""

from __future__ import annotations

from itertools import chain
from typing import NamedTuple

import numpy as np

from bot.search.bm25 import LuceneIdfBM25, lucene_idf

BUILDERS = ("rank-bm25", "numpy")


class Postings(NamedTuple):
    idf: np.ndarray  # float32 per term
    ptr: np.ndarray  # int64, len(terms) + 1
    docs: np.ndarray  # int32 passage ids, grouped by term, ascending within a term
    weights: np.ndarray  # float32 BM25 contribution of the term in that passage


def build_postings(
    ids: np.ndarray, lengths: np.ndarray, n_terms: int, k1: float, b: float, builder: str = "rank-bm25"
) -> Postings:
    """`ids`: every passage's term ids, concatenated; `lengths`: terms per passage (0 for an empty one)."""
    if builder not in BUILDERS:
        raise ValueError(f"unknown index builder {builder!r}; expected one of {', '.join(BUILDERS)}")
    stats = _rank_bm25_stats if builder == "rank-bm25" else _numpy_stats
    terms, docs, tf, idf64, avgdl = stats(np.asarray(ids, dtype=np.int64), np.asarray(lengths, dtype=np.int64), n_terms)
    idf = idf64.astype(np.float32)
    order = np.argsort(terms, kind="stable")  # by term; passages stay ascending within a term
    docs, tf, terms = docs[order].astype(np.int32), tf[order].astype(np.float32), terms[order]
    ptr = np.concatenate([[0], np.cumsum(np.bincount(terms, minlength=n_terms))]).astype(np.int64)
    doc_len = np.asarray(lengths, dtype=np.float32)
    norm = k1 * (1 - b + b * doc_len[docs] / (avgdl or 1.0))
    weights = (idf[terms] * tf * (k1 + 1) / (tf + norm)).astype(np.float32)
    return Postings(idf, ptr, docs, weights)


Stats = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]  # term, passage, tf per posting; idf; avgdl


def _rank_bm25_stats(ids: np.ndarray, lengths: np.ndarray, n_terms: int) -> Stats:
    pool = list(range(n_terms))  # one int object per term, shared by every passage's dict
    bounds = np.concatenate([[0], np.cumsum(lengths)]).tolist()
    corpus = ([pool[t] for t in ids[a:z].tolist()] for a, z in zip(bounds, bounds[1:], strict=False))
    bm25 = LuceneIdfBM25(corpus)  # a generator: each passage's list is freed once counted
    sizes = np.fromiter(map(len, bm25.doc_freqs), dtype=np.int64, count=len(bm25.doc_freqs))
    terms = np.fromiter(chain.from_iterable(bm25.doc_freqs), dtype=np.int32, count=int(sizes.sum()))
    tf = np.fromiter(chain.from_iterable(d.values() for d in bm25.doc_freqs), dtype=np.int32, count=len(terms))
    docs = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
    idf = np.array([bm25.idf[t] for t in pool], dtype=np.float64)
    if not np.array_equal(np.asarray(bm25.doc_len, dtype=np.int64), lengths):
        raise AssertionError("rank-bm25 counted different passage lengths")
    return terms, docs, tf, idf, float(bm25.avgdl)


def _numpy_stats(ids: np.ndarray, lengths: np.ndarray, n_terms: int) -> Stats:
    n = len(lengths)
    passage = np.repeat(np.arange(n, dtype=np.int64), lengths)
    codes, tf = np.unique(passage * max(n_terms, 1) + ids, return_counts=True)  # sorted by passage, then term
    docs, terms = np.divmod(codes, max(n_terms, 1))
    idf = np.array([lucene_idf(n, df) for df in np.bincount(terms, minlength=n_terms).tolist()], dtype=np.float64)
    avgdl = int(lengths.sum()) / n if n else 0.0
    return terms, docs, tf, idf, avgdl
