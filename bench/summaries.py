"""Summaries of BBC articles through the bot's own path: documents → Engine → summarise_document."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bench.bbc import Article
from bench.shared import PROJECT_ROOT
from bot.config import load_config
from bot.engine import Engine
from bot.knowledge.memory import document_from_text
from bot.knowledge.model import Document
from bot.summary.extract import summarise_document

Picker = Callable[[Engine, Document, int], list[int]]


def build_engine(articles: Sequence[Article]) -> Engine:
    """One knowledge base holding the sample, titles as front matter (as the bot loads a folder)."""
    documents = [document_from_text(a.id, a.title, a.body) for a in articles]
    return Engine.from_documents(documents, load_config(PROJECT_ROOT / "config"))


def lead(engine: Engine, document: Document, n: int) -> list[int]:
    return list(engine.kb.passage_ids(document))[:n]


def summaries(engine: Engine, n: int, picker: Picker = summarise_document) -> list[str]:
    """One summary per document: its chosen sentences, verbatim, in document order, joined by spaces."""
    out = []
    for document in engine.kb.documents:
        chosen = picker(engine, document, n)
        out.append(" ".join(engine.passage(p).text for p in chosen))
    return out
