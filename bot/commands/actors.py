"""Resolving what a user typed to a configured actor: exact name or alias, then fuzzy."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.commands.context import Context
from bot.search.analyzer import normalise

AUTO_CORRECT = 0.75  # similarity (OSA: a transposition is one edit) taken as the actor, with a note
SUGGEST = 0.5


@dataclass(frozen=True)
class ActorMatch:
    key: str | None
    corrected: bool = False
    suggestion: str | None = None


def _names(ctx: Context) -> dict[str, str]:
    names: dict[str, str] = {}
    for key, actor in ctx.engine.config.actors.actors.items():
        for name in [key, actor.name, *actor.aliases]:
            names[" ".join(normalise(name).split())] = key
    return names


def resolve_actor(ctx: Context, typed: str) -> ActorMatch:
    names = _names(ctx)
    wanted = " ".join(normalise(typed).split())
    if wanted in names:
        return ActorMatch(names[wanted])
    best = process.extractOne(wanted, list(names), scorer=OSA.normalized_similarity)
    if best and best[1] >= AUTO_CORRECT:
        return ActorMatch(names[best[0]], corrected=True)
    return ActorMatch(None, suggestion=names[best[0]] if best and best[1] >= SUGGEST else None)


def actor_terms(ctx: Context, key: str) -> list[str]:
    actor = ctx.engine.config.actors.actors[key]
    return sorted(set(ctx.engine.terms([key, actor.name, *actor.aliases])))
