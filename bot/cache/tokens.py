"""A document's passages as index terms plus the words they came from (for suggestions)."""

from __future__ import annotations

from bot.knowledge.model import Document
from bot.search.analyzer import Analyzer


def document_terms(analyzer: Analyzer, doc: Document) -> dict[str, list[list[str]]]:
    terms: list[list[str]] = []
    surfaces: list[list[str]] = []
    for sentence in doc.sentences:
        tokens = analyzer.tokens(doc.text(sentence.start, sentence.end))
        terms.append([t.term for t in tokens])
        surfaces.append([t.surface for t in tokens])
    return {"terms": terms, "surfaces": surfaces}
