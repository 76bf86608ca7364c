"""Which new documents lead a digest: ranked by importance, near-duplicates listed once.

importance = document-type weight (config/quality.yaml: statements and fact sheets over transcripts and
nomination notices) × (1 + how much of what the channel tracks it mentions) × (1 + how central it is to the
day's news: the share of its words the other new documents also use). Ties: newer first, then id.
A "CORRECTED:" re-issue or the delivered version of prepared remarks joins the group of the document it
repeats (bot.search.neardup), and the group is listed once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.digest.config import DigestChannel
from bot.engine import Engine
from bot.knowledge.doc_features import type_weights
from bot.knowledge.model import Document
from bot.search.neardup import Group, document_groups

TRACKED_CAP = 10  # sentences mentioning a tracked topic or actor that count
DISTINCTIVE_IDF = 3.9  # Lucene idf of a term in 2 % of passages: commoner terms say nothing about the news


@dataclass(frozen=True)
class Ranked:
    document: Document
    importance: float
    also: list[Document]  # near-duplicates of it among the new documents


def rank_documents(engine: Engine, channel: DigestChannel, docs: Sequence[Document]) -> list[Ranked]:
    scores = {d.id: importance(engine, channel, d, docs) for d in docs}
    order = sorted(docs, key=lambda d: d.id)
    order = sorted(order, key=lambda d: d.date or "", reverse=True)
    order = sorted(order, key=lambda d: -scores[d.id])
    groups: list[Group[Document]] = document_groups(order, _body)
    return [Ranked(g.first, scores[g.first.id], g.others) for g in groups]


def importance(engine: Engine, channel: DigestChannel, doc: Document, docs: Sequence[Document]) -> float:
    weights = engine.memo("type-weights", lambda: type_weights(engine.kb, engine.quality))
    span = engine.kb.passage_ids(doc)
    weight = float(weights[engine.kb.passage_doc[span.start]]) if len(span) else 1.0
    return weight * (1 + _tracked(engine, channel, doc)) * (1 + _central(engine, doc, docs))


def _tracked(engine: Engine, channel: DigestChannel, doc: Document) -> float:
    terms: list[str] = []
    for key in channel.topics:
        topic = engine.config.topics.topics[key]
        terms += [w for items in topic.groups.values() for item in items for w in item.require_any]
    for key in channel.actors:
        actor = engine.config.actors.actors[key]
        terms += [key, actor.name, *actor.aliases]
    if not terms:
        return 0.0
    span = engine.kb.passage_ids(doc)
    mask = engine.index.mask(engine.terms(terms))[span.start : span.stop] & ~engine.junk[span.start : span.stop]
    return min(int(mask.sum()), TRACKED_CAP) / TRACKED_CAP


def _central(engine: Engine, doc: Document, docs: Sequence[Document]) -> float:
    if len(docs) < 2:
        return 0.0
    mine = _terms(engine, doc)
    others = set().union(*(_terms(engine, d) for d in docs if d.id != doc.id))
    return len(mine & others) / len(mine) if mine else 0.0


def _terms(engine: Engine, doc: Document) -> set[int]:
    """The document's distinctive index terms (in at most 2 % of passages)."""
    span = engine.kb.passage_ids(doc)
    offsets, ids = engine.index.forward
    terms = np.unique(ids[offsets[span.start] : offsets[span.stop]])
    return set(terms[engine.index.idf[terms] >= DISTINCTIVE_IDF].tolist())


def _body(doc: Document) -> str:
    if not doc.sentences:
        return ""
    return doc.text(doc.sentences[0].start, doc.sentences[-1].end)
