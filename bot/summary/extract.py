"""Choose summary sentences among candidate passages using the engine's analyser and idf."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine import Engine
from bot.summary.textrank import pick, textrank


def summarise(engine: Engine, passages: Sequence[int], n: int) -> list[int]:
    """The n most central of `passages`, in knowledge-base order (document, then position)."""
    passages = list(passages)
    if len(passages) <= n:
        return sorted(passages)
    tokens = [engine.analyzer.terms(engine.passage(p).text) for p in passages]
    scores = textrank(tokens, lambda t: engine.index.term_idf(t) or engine.index.max_idf)
    return sorted(passages[i] for i in pick(scores, n))
