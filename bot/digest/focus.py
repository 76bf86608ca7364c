"""The best excerpts on a tracked topic or actor, searched within the new documents only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine import Engine
from bot.knowledge.model import Document
from bot.search.retrieve import Filters, Hit


@dataclass(frozen=True)
class Focus:
    heading: str
    searches: tuple[tuple[str, tuple[str, ...]], ...]  # (query, terms one of which a passage must contain)


def topic_focus(engine: Engine, key: str) -> Focus:
    topic = engine.config.topics.topics[key]
    searches = tuple(
        (item.query, tuple(engine.terms(item.require_any))) for items in topic.groups.values() for item in items
    )
    return Focus(f"Topic: {topic.title}", searches)


def actor_focus(engine: Engine, key: str) -> Focus:
    actor = engine.config.actors.actors[key]
    terms = tuple(sorted(set(engine.terms([key, actor.name, *actor.aliases]))))
    return Focus(f"Actor: {actor.name}", ((" ".join(terms), terms),))


def search_within(engine: Engine, docs: Sequence[Document], query: str, require: tuple[str, ...], k: int) -> list[Hit]:
    """Top k hits for `query` among the passages of `docs` (BM25 scores are global, so they compare)."""
    filters = [
        Filters(require=(require,) if require else (), within=engine.kb.passage_ids(d), exclude=engine.junk)
        for d in docs
    ]
    floor = 0.0 if require else None
    hits = [h for f in filters for h in engine.search(query, k, min_coverage=floor, filters=f)]
    return sorted(hits, key=lambda h: (-h.score, h.passage))[:k]


def focus_passages(engine: Engine, focus: Focus, docs: Sequence[Document], k: int, shown: set[int]) -> list[int]:
    """The focus's passages, best first, no repeated text: enough for k that are not already `shown`."""
    want = k + len(shown)
    best: dict[int, float] = {}
    for query, require in focus.searches:
        for hit in search_within(engine, docs, query, require, want):
            best[hit.passage] = max(best.get(hit.passage, 0.0), hit.score)
    chosen: list[int] = []
    texts: set[str] = set()
    for pid in sorted(best, key=lambda p: (-best[p], p)):
        text = " ".join(engine.passage(pid).text.split())
        if text not in texts:
            texts.add(text)
            chosen.append(pid)
        if len(chosen) == want:
            break
    return chosen
