"""Questions that are really commands: "summarise the article" is `!summary`, "who are the partners?" is
`!partners`, "what does it say about russia" is `!summary russia`. The routed answer says so in one line.

A question routes to a topic or an actor only when every word it is about (after stopwords and the
words about the asking) belongs to that topic or actor, so "Which countries set up Partners in the Blue
Pacific?" stays a question while "who are nato's partners in asia?" is the partners topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.answers.model import Answer
from bot.commands.context import Context
from bot.commands.text_input import echo


@dataclass(frozen=True)
class Route:
    command: str  # as the user would type it, e.g. "summary russia"
    run: Callable[[], Answer]


def route(ctx: Context, question: str) -> Route | None:
    return _pattern_route(ctx, question) or _topic_route(ctx, question) or _actor_route(ctx, question)


def routed_answer(ctx: Context, question: str, found: Route) -> Answer:
    answer = found.run()
    line = f"Answered as `{ctx.prefix}{found.command}` (your question “{echo(question, 60)}” asks for that)."
    return replace(
        answer, intro=f"{line}\n{answer.intro}" if answer.intro else line, data={**answer.data, "routed_from": "ask"}
    )


def _pattern_route(ctx: Context, question: str) -> Route | None:
    text = " ".join(question.lower().split())
    for command, patterns in ctx.engine.config.questions.intents.items():
        for pattern in patterns:
            match = re.fullmatch(pattern, text)
            if match is None:
                continue
            subject = (match.groupdict().get("subject") or "").strip()
            return _route(ctx, command, subject)
    return None


def _route(ctx: Context, command: str, argument: str = "") -> Route:
    """Run through the dispatcher, as the same caller would have typed it."""
    return Route(f"{command} {argument}".strip(), lambda: ctx.run(command, argument))


def _content(ctx: Context, question: str) -> list[str]:
    return [c.terms[0].term for c in ctx.engine.question(question).concepts]


def _topic_route(ctx: Context, question: str) -> Route | None:
    stems = set(_content(ctx, question))
    if not stems:
        return None
    engine = ctx.engine
    for key, topic in engine.config.topics.topics.items():
        names = set(engine.terms([key, topic.command or "", *topic.aliases]))
        if not stems & names:
            continue
        words = [topic.title, topic.description, *(s.heading for g in topic.groups.values() for s in g)]
        words += [s.query for g in topic.groups.values() for s in g]
        if stems <= names | set(engine.terms(words)):
            return _route(ctx, topic.command) if topic.command else _route(ctx, "summary", key)
    return None


def _actor_route(ctx: Context, question: str) -> Route | None:
    stems = set(_content(ctx, question))
    if not stems:
        return None
    engine = ctx.engine
    threat = set(engine.terms(engine.config.questions.threat_words))
    for key, actor in engine.config.actors.actors.items():
        names = set(engine.terms([key, actor.name, *actor.aliases]))
        rest = stems - names
        if stems & names and rest <= threat:
            return _route(ctx, "threats" if rest else "summary", key)
    return None
