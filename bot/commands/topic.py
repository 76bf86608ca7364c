"""Topic answers from config/topics.yaml (!partners): one cited excerpt per point, points sharing an
excerpt shown together."""

from __future__ import annotations

from bot.answers.citations import excerpt
from bot.answers.model import Answer, Section, Status
from bot.commands.context import Context
from bot.config.models import TopicSection
from bot.search.retrieve import Filters


def best_passage(ctx: Context, section: TopicSection) -> int | None:
    engine = ctx.engine
    require = (engine.terms(section.require_any),) if section.require_any else ()
    hits = engine.search(section.query, 1, min_coverage=0.0, filters=Filters(require=require))
    return hits[0].passage if hits else None


def topic_answer(ctx: Context, key: str) -> Answer:
    topic = ctx.engine.config.topics.topics[key]
    sections: list[Section] = []
    missing: list[str] = []
    for group, items in topic.groups.items():
        by_passage: dict[int, list[str]] = {}
        for item in items:
            pid = best_passage(ctx, item)
            if pid is None:
                missing.append(item.heading)
            else:
                by_passage.setdefault(pid, []).append(item.heading)
        for pid, headings in by_passage.items():
            ex = excerpt(ctx.engine.passage(pid))
            sections.append(Section(f"{group}: {', '.join(headings)}", [ex]))
    notes = [f"Not found in the knowledge base: {', '.join(missing)}."] if missing else []
    status = Status.OK if sections else Status.EMPTY
    return Answer(
        topic.command or key,
        topic.title,
        status,
        intro=topic.description or None,
        sections=sections,
        notes=notes,
        data={"topic": key},
    )


def topic_handler(key: str):
    def handler(ctx: Context, _argument: str) -> Answer:
        return topic_answer(ctx, key)

    return handler
