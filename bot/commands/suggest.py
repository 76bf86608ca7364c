"""Suggestions when a search finds nothing: close spellings of the words typed, then known topics."""

from __future__ import annotations

from bot.commands.context import Context


def suggestions(ctx: Context, words: list[str]) -> list[str]:
    engine = ctx.engine
    close = []
    for word in words:
        if engine.index.term_idf(engine.analyzer.stem([word])[0]) is None:
            close.extend(c for c in engine.vocabulary.closest(word) if c not in close)
    notes = [f"Did you mean: {', '.join(close[:5])}?"] if close else []
    p = ctx.prefix
    topics = [f"`{p}{t.command}`" for t in engine.config.topics.topics.values() if t.command]
    actors = [f"`{p}threats {key}`" for key in engine.config.actors.actors]
    notes.append("Try: " + ", ".join([*topics, *actors[:3], f"`{p}summary`", f"`{p}sources`"]))
    return notes
