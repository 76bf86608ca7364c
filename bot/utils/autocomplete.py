"""Slash-command suggestions: at most 25, each name and value at most 100 characters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord import app_commands
from rapidfuzz import fuzz, process

from bot.render import limits

if TYPE_CHECKING:
    from bot.bot import PolicyBot


def _choices(options: dict[str, str], current: str) -> list[app_commands.Choice[str]]:
    """options: value → label. Prefix matches first, then fuzzy ones."""
    current = current.strip().lower()
    if current:
        labels = list(options.items())
        ranked = [v for v, label in labels if label.lower().startswith(current) or v.lower().startswith(current)]
        fuzzy = process.extract(
            current, {v: label for v, label in labels}, scorer=fuzz.WRatio, limit=50, score_cutoff=60
        )
        ranked += [v for _, _, v in fuzzy if v not in ranked]
    else:
        ranked = list(options)
    return [
        app_commands.Choice(name=options[v][: limits.CHOICE_NAME], value=v)
        for v in ranked[: limits.AUTOCOMPLETE_CHOICES]
    ]


def actor_choices(bot: PolicyBot, current: str) -> list[app_commands.Choice[str]]:
    return _choices({key: actor.name for key, actor in bot.config.actors.actors.items()}, current)


def focus_choices(bot: PolicyBot, current: str) -> list[app_commands.Choice[str]]:
    options = {key: f"Topic: {t.title}" for key, t in bot.config.topics.topics.items()}
    options |= {key: f"Actor: {a.name}" for key, a in bot.config.actors.actors.items()}
    engine = bot.engine
    if engine is not None:
        for doc in sorted(engine.kb.documents, key=lambda d: d.date or "", reverse=True):
            value = doc.id if len(doc.id) <= limits.CHOICE_VALUE else doc.title[: limits.CHOICE_VALUE]
            options.setdefault(value, f"{doc.date or 'undated'} · {doc.title}")
    return _choices(options, current)


def help_choices(bot: PolicyBot, current: str) -> list[app_commands.Choice[str]]:
    registry = bot.runtime.registry
    leaves = [leaf for spec in registry for leaf in spec.leaves()]
    return _choices({leaf.qualified: f"{leaf.qualified} — {leaf.summary}" for leaf in leaves}, current)
