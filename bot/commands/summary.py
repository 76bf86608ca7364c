"""!summary [document|topic|actor|phrase]: an extractive summary of 3–5 cited sentences: one document's in
document order; across documents, central, substantive and non-redundant sentences in date order."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.answers.citations import excerpt
from bot.answers.model import Answer, Section, Status
from bot.commands.actors import actor_terms, resolve_actor
from bot.commands.context import Context
from bot.commands.entity import actor_target
from bot.commands.text_input import echo
from bot.knowledge.model import Document
from bot.search.analyzer import normalise
from bot.search.retrieve import Filters
from bot.search.threat_rank import rank
from bot.summary.extract import summarise, tracked_foci

LEAD = 3  # sentences per recent document considered for a knowledge-base summary (junk skipped)
RECENT = 50
FOCUS_POOL = 150  # sentences on a topic, actor or phrase that compete for a summary


def find_document(ctx: Context, name: str) -> Document | None:
    kb = ctx.engine.kb
    if name in kb.by_id:
        return kb.by_id[name]
    titles = {normalise(d.title): d for d in kb.documents}
    ids = {normalise(d.id.rsplit("/", 1)[-1]): d for d in kb.documents}
    wanted = normalise(name)
    for table in (ids, titles):
        if wanted in table:
            return table[wanted]
    return None


def find_document_fuzzy(ctx: Context, name: str) -> Document | None:
    titles = {normalise(d.title): d for d in ctx.engine.kb.documents}
    wanted = normalise(name)
    best = process.extractOne(wanted, list(titles), scorer=fuzz.token_set_ratio, score_cutoff=90)
    return titles[best[0]] if best and len(wanted.split()) >= 3 else None


def find_topic(ctx: Context, name: str) -> str | None:
    wanted = normalise(name)
    for key, topic in ctx.engine.config.topics.topics.items():
        if wanted in {normalise(n) for n in [key, topic.title, topic.command or "", *topic.aliases]}:
            return key
    return None


def _topic_pool(ctx: Context, key: str) -> list[int]:
    spec = ctx.engine.config.topics.topics[key]
    queries = [item.query for items in spec.groups.values() for item in items]
    no_junk = Filters(exclude=ctx.engine.junk)
    return sorted({h.passage for q in queries for h in ctx.engine.search(q, 8, min_coverage=0.0, filters=no_junk)})


def _actor_pool(ctx: Context, key: str) -> list[int]:
    """Sentences naming the actor, ranked with the words an assessment of it tends to use (actors.yaml)."""
    actor = ctx.engine.config.actors.actors[key]
    query = " ".join([actor.name, *actor.aliases, *ctx.engine.config.threats.context])
    filters = Filters(require=(actor_terms(ctx, key),), exclude=ctx.engine.junk)
    return [h.passage for h in ctx.engine.search(query, FOCUS_POOL, min_coverage=0.0, filters=filters)]


def select(ctx: Context, argument: str) -> tuple[str, list[int]] | None:
    """What to summarise: a document (id or title), a topic, an actor, a close title, or free text."""
    kb = ctx.engine.kb
    if not argument:
        if len(kb.documents) == 1:
            return f"Summary: {kb.documents[0].title}", _whole_kb(ctx)
        return "Summary of the knowledge base (latest documents)", _whole_kb(ctx)
    if doc := find_document(ctx, argument):
        return f"Summary: {doc.title}", list(kb.passage_ids(doc))
    if topic := find_topic(ctx, argument):
        return f"Summary: {ctx.engine.config.topics.topics[topic].title}", _topic_pool(ctx, topic)
    actor = resolve_actor(ctx, argument)
    if actor.key and not actor.corrected:
        return f"Summary: {ctx.engine.config.actors.actors[actor.key].name}", _actor_pool(ctx, actor.key)
    if doc := find_document_fuzzy(ctx, argument):
        return f"Summary: {doc.title}", list(kb.passage_ids(doc))
    hits = ctx.engine.search(argument, FOCUS_POOL, filters=Filters(exclude=ctx.engine.junk))
    return (f"Summary: “{echo(argument)}”", [h.passage for h in hits]) if hits else None


def _whole_kb(ctx: Context) -> list[int]:
    kb = ctx.engine.kb
    if len(kb.documents) == 1:
        return list(kb.passage_ids(kb.documents[0]))
    recent = sorted(kb.documents, key=lambda d: d.date or "", reverse=True)[:RECENT]
    return [p for d in recent for p in [q for q in kb.passage_ids(d) if not ctx.engine.junk[q]][:LEAD]]


def _actors(ctx: Context) -> list:
    """Per configured actor: among some passages, its best threat excerpt (what a summary should cover)."""
    targets = [actor_target(ctx, key) for key in ctx.engine.config.actors.actors]
    return [lambda among, t=t: rank(ctx.engine, t.names, t.require, 1, among) for t in targets]


def summary(ctx: Context, argument: str) -> Answer:
    if not ctx.engine.kb.documents:
        return Answer("summary", "The knowledge base is empty", Status.EMPTY)
    found = select(ctx, argument)
    if found is None or not found[1]:
        topics = ", ".join(ctx.engine.config.topics.topics)
        return Answer(
            "summary",
            f"Nothing to summarise for “{echo(argument)}”",
            Status.EMPTY,
            notes=[f"`{ctx.prefix}sources` lists documents; topics: {topics}."],
        )
    title, pool = found
    chosen = summarise(ctx.engine, pool, ctx.settings.answers.summary_sentences, tracked_foci(ctx.engine), _actors(ctx))
    excerpts = [excerpt(ctx.engine.passage(p)) for p in chosen]
    return Answer("summary", title, sections=[Section(None, excerpts)])
