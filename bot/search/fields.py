"""The fields around a sentence: its paragraph and its document's title, each a small BM25 index of its own.

The paragraph index is counted from the sentence index's forward arrays (a paragraph's terms are its
sentences' terms), so nothing is analysed twice; titles are short and analysed here. A sentence is then
scored on its own words and on its context, BM25F-style, by `bot.search.rank`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.knowledge.base import KnowledgeBase
from bot.search.analyzer import Analyzer
from bot.search.index import BM25Index


@dataclass(frozen=True)
class Fields:
    paragraphs: BM25Index  # one row per paragraph that has content sentences
    titles: BM25Index  # one row per document
    passage_paragraph: np.ndarray  # passage id → paragraph row
    paragraph_first: np.ndarray  # paragraph row → its first passage id (plus one past the end)

    @classmethod
    def build(cls, kb: KnowledgeBase, index: BM25Index, analyzer: Analyzer, k1: float, b: float) -> Fields:
        keys = [(d, s.paragraph) for d, doc in enumerate(kb.documents) for s in doc.sentences]
        starts = np.array([i for i in range(len(keys)) if i == 0 or keys[i] != keys[i - 1]], dtype=np.int64)
        passage_paragraph = np.zeros(len(keys), dtype=np.int32)
        if len(starts):
            passage_paragraph[starts[1:]] = 1
            passage_paragraph = np.cumsum(passage_paragraph, dtype=np.int32)
        offsets, ids = index.forward
        names = sorted(index.vocab, key=index.vocab.__getitem__)
        lengths = np.diff(offsets[np.r_[starts, len(keys)]]) if len(keys) else np.zeros(0, dtype=np.int64)
        paragraphs = BM25Index.from_ids(ids, lengths, names, k1, b, "numpy")
        titles = BM25Index.build([analyzer.terms(d.title) for d in kb.documents], k1, b, "numpy")
        return cls(paragraphs, titles, passage_paragraph, np.r_[starts, len(keys)].astype(np.int64))

    def paragraph_passages(self, row: int) -> range:
        return range(int(self.paragraph_first[row]), int(self.paragraph_first[row + 1]))
