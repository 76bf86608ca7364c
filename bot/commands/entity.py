"""What `!threats <anything>` is about: a configured actor (with its aliases), any other name or theme the
knowledge base mentions, or a near-miss of an actor's name. A name the knowledge base mentions is never
"corrected" into another one (South Korea stays South Korea)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from bot.commands.actors import actor_terms, resolve_actor
from bot.commands.context import Context
from bot.engine import Engine
from bot.search.positions import PREFIX_MIN, phrases_of, words_of

PHRASE_CHECKS = 200  # candidate passages read to confirm a multi-word name occurs as a phrase


@dataclass(frozen=True)
class Target:
    name: str  # as shown in the answer
    names: list[str]  # the names a sentence may use for it
    require: list[list[str]]  # groups of index terms; a passage must contain one term of each group
    key: str | None = None  # the actor's key in actors.yaml, if it is one
    corrected: bool = False  # a typo of an actor's name, taken as that actor


@dataclass(frozen=True)
class Resolution:
    target: Target | None
    suggestions: list[str] = field(default_factory=list)  # actor keys for "did you mean"


def actor_target(ctx: Context, key: str, corrected: bool = False) -> Target:
    actor = ctx.engine.config.actors.actors[key]
    return Target(actor.name, [key, actor.name, *actor.aliases], [actor_terms(ctx, key)], key, corrected)


def resolve(ctx: Context, typed: str) -> Resolution:
    match = resolve_actor(ctx, typed)
    if match.key and not match.corrected:
        return Resolution(actor_target(ctx, match.key))
    groups = term_groups(ctx.engine, typed)
    if groups and mentioned(ctx.engine, typed, groups):
        return Resolution(Target(" ".join(typed.split()), [typed], groups))
    if match.key:
        return Resolution(actor_target(ctx, match.key, corrected=True))
    return Resolution(None, [match.suggestion] if match.suggestion else [])


def term_groups(engine: Engine, name: str) -> list[list[str]]:
    """Per word of `name`, the index terms that can stand for it: its stem, and longer terms it begins
    when it has 4 letters or more (korea → korean, koreans)."""
    groups = []
    for stem in (s for s in words_of(engine.analyzer, name).stems if s):
        longer = engine.memo(f"prefix:{stem}", lambda stem=stem: _longer_terms(engine, stem))
        groups.append([stem, *longer])
    return groups


def _longer_terms(engine: Engine, stem: str) -> list[str]:
    if len(stem) < PREFIX_MIN:
        return []
    return sorted(t for t in engine.index.vocab if t.startswith(stem) and t != stem and len(t) <= len(stem) + 3)


def mentioned(engine: Engine, name: str, groups: list[list[str]]) -> bool:
    """Whether any passage names `name`: one of its terms, or all its words in a row."""
    mask = np.ones(engine.index.n_passages, dtype=bool)
    for group in groups:
        mask &= engine.index.mask(group)
    candidates = np.flatnonzero(mask)
    if len(groups) == 1 or not len(candidates):
        return bool(len(candidates))
    phrases = phrases_of(engine.analyzer, [name])
    return any(
        words_of(engine.analyzer, engine.passage(int(p)).text).find_any(phrases, prefix=True)
        for p in candidates[:PHRASE_CHECKS]
    )
