"""!summary [document|topic|actor]: an extractive summary of 3–5 cited sentences in document order."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.answers.citations import excerpt
from bot.answers.model import Answer, Excerpt, Section, Status
from bot.commands.actors import actor_terms, resolve_actor
from bot.commands.context import Context
from bot.commands.text_input import echo
from bot.knowledge.model import Document
from bot.search.analyzer import normalise
from bot.search.retrieve import Filters
from bot.summary.extract import summarise, summarise_document

LEAD = 3  # sentences per recent document considered for a knowledge-base summary
RECENT = 50
FOCUS_POOL = 40


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
    best = process.extractOne(wanted, list(titles), scorer=fuzz.token_set_ratio, score_cutoff=90)
    return titles[best[0]] if best and len(wanted) >= 8 else None


def find_topic(ctx: Context, name: str) -> str | None:
    wanted = normalise(name)
    for key, topic in ctx.engine.config.topics.topics.items():
        if wanted in {normalise(n) for n in [key, topic.title, topic.command or "", *topic.aliases]}:
            return key
    return None


def _pool(ctx: Context, name: str) -> tuple[str, list[int]] | None:
    engine = ctx.engine
    topic = find_topic(ctx, name)
    if topic:
        spec = engine.config.topics.topics[topic]
        pool = {
            h.passage
            for items in spec.groups.values()
            for item in items
            for h in engine.search(item.query, 8, min_coverage=0.0)
        }
        return spec.title, sorted(pool)
    actor = resolve_actor(ctx, name)
    if actor.key and not actor.corrected:
        terms = actor_terms(ctx, actor.key)
        hits = engine.search(" ".join(terms), FOCUS_POOL, min_coverage=0.0, filters=Filters(require=(terms,)))
        return engine.config.actors.actors[actor.key].name, [h.passage for h in hits]
    hits = engine.search(name, FOCUS_POOL)
    return (f"“{echo(name)}”", [h.passage for h in hits]) if hits else None


def _whole_kb(ctx: Context) -> list[int]:
    kb = ctx.engine.kb
    if len(kb.documents) == 1:
        return list(kb.passage_ids(kb.documents[0]))
    recent = sorted(kb.documents, key=lambda d: d.date or "", reverse=True)[:RECENT]
    return [p for d in recent for p in list(kb.passage_ids(d))[:LEAD]]


def summary(ctx: Context, argument: str) -> Answer:
    n = ctx.settings.answers.summary_sentences
    kb = ctx.engine.kb
    if not argument:
        one = kb.documents[0].title if len(kb.documents) == 1 else None
        title, pool = (f"Summary: {one}" if one else "Summary of the knowledge base (latest documents)"), _whole_kb(ctx)
    elif doc := find_document(ctx, argument):
        chosen = summarise_document(ctx.engine, doc, n)
        return Answer("summary", f"Summary: {doc.title}", sections=[Section(None, _excerpts(ctx, chosen))])
    elif found := _pool(ctx, argument):
        title, pool = f"Summary: {found[0]}", found[1]
    else:
        return Answer(
            "summary",
            f"Nothing to summarise for “{echo(argument)}”",
            Status.EMPTY,
            notes=[f"`{ctx.prefix}sources` lists documents; topics: " + ", ".join(ctx.engine.config.topics.topics)],
        )
    if not pool:
        return Answer("summary", "The knowledge base is empty", Status.EMPTY)
    chosen = summarise(ctx.engine, pool, n)
    return Answer("summary", title, sections=[Section(None, _excerpts(ctx, chosen))])


def _excerpts(ctx: Context, chosen: list[int]) -> list[Excerpt]:
    return [excerpt(ctx.engine.passage(p)) for p in chosen]
