"""Choose summary sentences among candidate passages, compared through the engine's analyser."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine import Engine
from bot.knowledge.model import Document
from bot.summary.textrank import pick, salience


def summarise(engine: Engine, passages: Sequence[int], n: int) -> list[int]:
    """The n most central of `passages`, in knowledge-base order (document, then position)."""
    passages = list(passages)
    if len(passages) <= n:
        return sorted(passages)
    scores = salience([engine.passage(p).text for p in passages])
    return sorted(passages[i] for i in pick(scores, n))


def summarise_document(engine: Engine, document: Document, n: int) -> list[int]:
    """`!summary <document>`: n sentences of one document (its title is front matter, never a candidate)."""
    return summarise(engine, engine.kb.passage_ids(document), n)
