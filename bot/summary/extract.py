"""Choose summary sentences among candidate passages: a cheap pre-selection, then TextRank salience."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence

from bot.engine import Engine
from bot.knowledge.model import Document
from bot.summary.textrank import pick, salience

MAX_CANDIDATES = 150  # TextRank is quadratic: a 1,200-sentence press conference took ~0.5 s


def summarise(engine: Engine, passages: Sequence[int], n: int) -> list[int]:
    """The n most central of `passages`, in knowledge-base order (document, then position)."""
    passages = list(passages)
    if len(passages) <= n:
        return sorted(passages)
    tokens = [engine.index.passage_terms(p) for p in passages]  # stored term ids: no re-analysis
    passages = [passages[i] for i in most_connected(tokens, MAX_CANDIDATES)]
    scores = salience([engine.passage(p).text for p in passages])
    return sorted(passages[i] for i in pick(scores, n))


def most_connected(tokens: Sequence[Sequence[Hashable]], limit: int) -> list[int]:
    """Indices (in order) of the `limit` sentences with the highest estimated TextRank degree: terms shared
    with the other sentences over (log length + the mean log length), in one pass over the terms. All of
    them when there are no more than `limit`, so short documents are ranked exactly as before."""
    if len(tokens) <= limit:
        return list(range(len(tokens)))
    sets = [set(t) for t in tokens]
    df = Counter(term for s in sets for term in s)
    logs = [math.log(max(len(t), 1)) for t in tokens]
    mean_log = sum(logs) / len(logs)
    degree = [sum(df[term] - 1 for term in s) / (log + mean_log or 1.0) for s, log in zip(sets, logs, strict=True)]
    best = sorted(range(len(tokens)), key=lambda i: (-degree[i], i))[:limit]
    return sorted(best)


def summarise_document(engine: Engine, document: Document, n: int) -> list[int]:
    """`!summary <document>`: n sentences of one document (its title is front matter, never a candidate)."""
    return summarise(engine, engine.kb.passage_ids(document), n)
