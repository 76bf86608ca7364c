"""The loaded knowledge base: documents plus a flat table of passages (one per content sentence)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.knowledge.model import Document, Sentence


@dataclass(frozen=True, slots=True)
class Passage:
    document: Document
    sentence: Sentence

    @property
    def text(self) -> str:
        return self.document.text(self.sentence.start, self.sentence.end)


class KnowledgeBase:
    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.by_id = {d.id: d for d in documents}
        self._position = {d.id: i for i, d in enumerate(documents)}
        counts = [len(d.sentences) for d in documents]
        self.passage_doc = np.repeat(np.arange(len(documents), dtype=np.int32), counts)
        self.passage_sent = np.concatenate([np.arange(c, dtype=np.int32) for c in counts] or [np.zeros(0, np.int32)])
        self.doc_offset = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)

    def __len__(self) -> int:
        return len(self.passage_doc)

    def passage(self, pid: int) -> Passage:
        doc = self.documents[self.passage_doc[pid]]
        return Passage(doc, doc.sentences[self.passage_sent[pid]])

    def passage_ids(self, document: Document) -> range:
        i = self._position[document.id]
        return range(int(self.doc_offset[i]), int(self.doc_offset[i + 1]))

    def texts(self) -> list[str]:
        return [d.text(s.start, s.end) for d in self.documents for s in d.sentences]
