"""Suggestions when a search finds nothing: close spellings of the words typed, then known topics."""

from __future__ import annotations

from bot.commands.context import Context
from bot.engine import Engine
from bot.search.lookup_budget import MAX_LOOKUPS


def unknown_word_spellings(engine: Engine, words: list[str], limit: int = 3) -> list[str]:
    """Known words spelled like the query's unknown words: the first MAX_LOOKUPS distinct unknown ones."""
    unknown = [w for w in dict.fromkeys(words) if engine.index.term_idf(engine.analyzer.stem([w])[0]) is None]
    close: list[str] = []
    for word in unknown[:MAX_LOOKUPS]:
        close.extend(c for c in engine.vocabulary.closest(word, limit=limit) if c not in close)
    return close


def suggestions(ctx: Context, words: list[str]) -> list[str]:
    engine = ctx.engine
    close = unknown_word_spellings(engine, words)
    notes = [f"Did you mean: {', '.join(close[:5])}?"] if close else []
    p = ctx.prefix
    topics = [f"`{p}{t.command}`" for t in engine.config.topics.topics.values() if t.command]
    actors = [f"`{p}threats {key}`" for key in engine.config.actors.actors]
    notes.append("Try: " + ", ".join([*topics, *actors[:3], f"`{p}summary`", f"`{p}sources`"]))
    return notes
