"""Rank whole documents with the bot's own Analyzer and BM25Index (no coverage floor, no dedup)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bench.metrics import Run
from bot.search.analyzer import Analyzer
from bot.search.index import BM25Index, WeightedTerm


class DocumentRanker:
    def __init__(self, doc_ids: Sequence[str], index: BM25Index, analyzer: Analyzer) -> None:
        self.doc_ids = list(doc_ids)
        self.index = index
        self.analyzer = analyzer

    @classmethod
    def build(
        cls, doc_ids: Sequence[str], texts: Sequence[str], analyzer: Analyzer, k1: float, b: float
    ) -> DocumentRanker:
        return cls.from_tokens(doc_ids, [analyzer.terms(t) for t in texts], analyzer, k1, b)

    @classmethod
    def from_tokens(
        cls, doc_ids: Sequence[str], tokens: Sequence[Sequence[str]], analyzer: Analyzer, k1: float, b: float
    ) -> DocumentRanker:
        return cls(doc_ids, BM25Index.build(tokens, k1, b), analyzer)

    def rank(self, text: str, depth: int) -> dict[str, float]:
        """The best `depth` documents for a query (every query word counts, repeats included)."""
        ids, scores = self.index.score([WeightedTerm(t) for t in self.analyzer.terms(text)])
        top = np.argsort(-scores, kind="stable")[:depth]
        return {self.doc_ids[ids[i]]: float(scores[i]) for i in top}

    def run(self, queries: dict[str, str], depth: int = 100) -> Run:
        return {qid: self.rank(text, depth) for qid, text in queries.items()}
