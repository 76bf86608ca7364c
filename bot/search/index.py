"""Inverted index over passages with BM25 weights precomputed per posting.

rank-bm25 supplies the statistics (idf, passage lengths, average length) and defines the score; its
`get_scores` walks every passage for every query, so here each posting stores its term's finished
BM25 contribution and a query only touches the passages that share a term with it. Scores are identical
to `LuceneIdfBM25.get_scores` (tests check this).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from bot.search.bm25_build import build_postings


@dataclass(frozen=True, slots=True)
class WeightedTerm:
    term: str
    weight: float = 1.0


class BM25Index:
    def __init__(
        self,
        vocab: dict[str, int],
        idf: np.ndarray,
        ptr: np.ndarray,
        docs: np.ndarray,
        weights: np.ndarray,
        n_passages: int,
        forward: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> None:
        self.vocab = vocab
        self.idf = idf
        self.ptr = ptr
        self.docs = docs
        self.weights = weights
        self.n_passages = n_passages
        # every passage's term ids in order (offsets, ids): its terms without re-analysing its text
        self.forward = forward or (np.zeros(n_passages + 1, dtype=np.int64), _EMPTY_I)

    @classmethod
    def build(
        cls, corpus: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75, builder: str = "rank-bm25"
    ) -> BM25Index:
        """From each passage's terms. An empty passage is a passage of length 0 (no placeholder term)."""
        table: dict[str, int] = {}
        ids = np.fromiter((table.setdefault(t, len(table)) for p in corpus for t in p), dtype=np.int32)
        lengths = np.fromiter(map(len, corpus), dtype=np.int64, count=len(corpus))
        return cls.from_ids(ids, lengths, list(table), k1, b, builder)

    @classmethod
    def from_ids(
        cls,
        ids: np.ndarray,
        lengths: np.ndarray,
        names: Sequence[str],
        k1: float = 1.2,
        b: float = 0.75,
        builder: str = "rank-bm25",
    ) -> BM25Index:
        """From every passage's term ids (into `names`) concatenated, and each passage's number of terms.

        Terms are renumbered in sorted order, so the arrays do not depend on the order terms were met."""
        n = len(lengths)
        if n == 0:
            return cls({}, _EMPTY_F, np.zeros(1, dtype=np.int64), _EMPTY_I, _EMPTY_F, 0)
        order = sorted(range(len(names)), key=names.__getitem__)
        rank = np.empty(len(names), dtype=np.int32)
        rank[order] = np.arange(len(names), dtype=np.int32)
        sorted_ids = rank[np.asarray(ids, dtype=np.int64)] if len(ids) else _EMPTY_I
        post = build_postings(sorted_ids, lengths, len(names), k1, b, builder)
        vocab = {names[i]: r for r, i in enumerate(order)}
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        return cls(vocab, post.idf, post.ptr, post.docs, post.weights, n, (offsets, sorted_ids.astype(np.int32)))

    def passage_terms(self, pid: int) -> list[int]:
        """The ids of a passage's index terms, repeats and order kept (what the analyser gave at build)."""
        offsets, ids = self.forward
        return ids[offsets[pid] : offsets[pid + 1]].tolist()

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        tid = self.vocab.get(term)
        if tid is None:
            return _EMPTY_I, _EMPTY_F
        a, b = self.ptr[tid], self.ptr[tid + 1]
        return self.docs[a:b], self.weights[a:b]

    def term_idf(self, term: str) -> float | None:
        tid = self.vocab.get(term)
        return None if tid is None else float(self.idf[tid])

    @property
    def max_idf(self) -> float:
        return float(np.log(1.0 + (self.n_passages + 0.5) / 0.5))

    def dense(self, terms: Sequence[WeightedTerm]) -> np.ndarray:
        """Scores of every passage (0 where it shares no term). Each term's postings hold distinct
        passages, so a fancy-indexed `+=` is exact, and nothing is sorted."""
        acc = np.zeros(self.n_passages, dtype=np.float32)
        for t in terms:
            d, w = self.postings(t.term)
            acc[d] += w if t.weight == 1.0 else w * np.float32(t.weight)
        return acc

    def score(self, terms: Sequence[WeightedTerm]) -> tuple[np.ndarray, np.ndarray]:
        """(sorted passage ids, scores) for every passage sharing at least one term."""
        acc = self.dense(terms)
        ids = np.flatnonzero(acc).astype(np.int32)
        return ids, acc[ids]

    def mask(self, terms: Sequence[str]) -> np.ndarray:
        """Boolean array over passages: True where the passage contains any of the terms."""
        out = np.zeros(self.n_passages, dtype=bool)
        for term in terms:
            out[self.postings(term)[0]] = True
        return out

    def matching(self, terms: Sequence[str]) -> np.ndarray:
        """Sorted ids of passages containing any of the terms."""
        arrays = [a for a in (self.postings(t)[0] for t in terms) if len(a)]
        if len(arrays) <= 1:
            return arrays[0] if arrays else _EMPTY_I
        return np.flatnonzero(self.mask(terms)).astype(np.int32)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Plain numeric arrays (terms as UTF-8 JSON bytes): `np.savez` stores them without pickle."""
        return {
            "terms": np.frombuffer(json.dumps(list(self.vocab), ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
            "idf": self.idf,
            "ptr": self.ptr,
            "docs": self.docs,
            "weights": self.weights,
            "n_passages": np.array([self.n_passages], dtype=np.int64),
            "forward_offsets": self.forward[0],
            "forward_ids": self.forward[1],
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> BM25Index:
        terms = json.loads(arrays["terms"].tobytes().decode("utf-8"))
        vocab = {t: i for i, t in enumerate(terms)}
        n = int(arrays["n_passages"][0])
        forward = (arrays["forward_offsets"], arrays["forward_ids"])
        return cls(vocab, arrays["idf"], arrays["ptr"], arrays["docs"], arrays["weights"], n, forward)


_EMPTY_I = np.empty(0, dtype=np.int32)
_EMPTY_F = np.empty(0, dtype=np.float32)
