"""The baseline every figure in bench/eval_answers.py is compared with: bm25s (Lucene BM25, k1 1.5, b 0.75)
with PyStemmer's English stemmer and bm25s's English stopwords, over the same sentences, in the same run."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np
import Stemmer


class Bm25sBaseline:
    def __init__(self, texts: Sequence[str]) -> None:
        self.stemmer = Stemmer.Stemmer("english")
        tokens = bm25s.tokenize(list(texts), stopwords="en", stemmer=self.stemmer, show_progress=False)
        self.model = bm25s.BM25()
        self.model.index(tokens, show_progress=False)
        self.size = len(texts)

    def top(self, queries: Sequence[str], k: int) -> np.ndarray:
        """(queries × k) row ids, best first; -1 where fewer than k rows match anything."""
        tokens = bm25s.tokenize(list(queries), stopwords="en", stemmer=self.stemmer, show_progress=False)
        ids, scores = self.model.retrieve(tokens, k=min(k, self.size), show_progress=False, n_threads=1)
        return np.where(scores > 0, ids, -1)
