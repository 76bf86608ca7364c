"""Schemas for each config file. Unknown keys are errors, so a typo never silently does nothing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


def repeated(values: Iterable[Hashable]) -> list:
    """The values that occur more than once, sorted (for "must be unique" errors)."""
    counts = Counter(values)
    return sorted(v for v, n in counts.items() if n > 1)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerSettings(Strict):
    top_k: int = Field(3, ge=1, le=10, description="excerpts in an !ask answer")
    min_coverage: float = Field(
        0.4, ge=0.0, le=1.0, description="share of the question's informative weight a passage must match"
    )
    max_query_chars: int = Field(500, ge=20, le=5000, description="longer questions are truncated")
    summary_sentences: int = Field(4, ge=3, le=5)
    threats_k: int = Field(5, ge=1, le=10)


class SearchSettings(Strict):
    k1: float = Field(1.2, gt=0)
    b: float = Field(0.75, ge=0, le=1)
    related_weight: float = Field(0.6, gt=0, le=1, description="weight of an alias relative to the word typed")
    builder: Literal["rank-bm25", "numpy"] = Field(
        "rank-bm25", description="how the index statistics are counted at build time (the same scores either way)"
    )


class BoilerplateSettings(Strict):
    paragraphs: list[str] = Field(default_factory=list, description="regexes matched against a whole paragraph")
    sentences: list[str] = Field(default_factory=list, description="regexes matched against a whole sentence")

    @field_validator("paragraphs", "sentences")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from exc
        return patterns


class Settings(Strict):
    prefix: str = Field("!", min_length=1, max_length=5)
    answers: AnswerSettings = AnswerSettings()
    search: SearchSettings = SearchSettings()
    boilerplate: BoilerplateSettings = BoilerplateSettings()


class Aliases(Strict):
    spelling: list[list[str]] = Field(default_factory=list, description="variants that mean exactly the same")
    related: dict[str, list[str]] = Field(default_factory=dict, description="a name and what else it goes by")

    @field_validator("spelling")
    @classmethod
    def _groups(cls, groups: list[list[str]]) -> list[list[str]]:
        for group in groups:
            if len(group) < 2:
                raise ValueError(f"a spelling group needs at least two variants, got {group}")
        return groups


class Actor(Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    description: str = ""


class Actors(Strict):
    threat_terms: list[str] = Field(min_length=1, description="words that mark a sentence as about a threat")
    threat_context: list[str] = Field(default_factory=list, description="words that rank a threat excerpt higher")
    actors: dict[str, Actor]

    @model_validator(mode="after")
    def _unique_names(self) -> Actors:
        seen: dict[str, str] = {}
        for key, actor in self.actors.items():
            for name in [key, actor.name, *actor.aliases]:
                other = seen.setdefault(name.lower(), key)
                if other != key:
                    raise ValueError(f"{name!r} names both actors {other!r} and {key!r}")
        return self


class TopicSection(Strict):
    heading: str
    query: str = Field(min_length=1, description="what to search for")
    require_any: list[str] = Field(default_factory=list, description="an excerpt must mention one of these words")


class Topic(Strict):
    title: str
    command: str | None = Field(None, pattern=r"^[a-z][a-z0-9_-]{1,31}$", description="a command of its own")
    description: str = ""
    aliases: list[str] = Field(default_factory=list)
    groups: dict[str, list[TopicSection]] = Field(min_length=1)


# Commands the bot defines itself (the dispatcher's, and the Discord-only ones): a topic cannot take one.
RESERVED_COMMANDS = frozenset({"ask", "threats", "summary", "cite", "sources", "docs", "help"}) | frozenset(
    {"add", "reload", "digest", "sync"}
)


class Topics(Strict):
    topics: dict[str, Topic]

    @model_validator(mode="after")
    def _own_command_names(self) -> Topics:
        commands = [t.command for t in self.topics.values() if t.command]
        for key, topic in self.topics.items():
            if topic.command in RESERVED_COMMANDS:
                raise ValueError(f"topics.{key}.command: {topic.command!r} is a built-in command; choose another name")
        if twice := repeated(commands):
            raise ValueError(f"more than one topic has the command {', '.join(map(repr, twice))}")
        return self


class Cooldown(Strict):
    rate: int = Field(5, ge=1, description="commands a user may run per window")
    per_seconds: float = Field(30, gt=0)


class DiscordSettings(Strict):
    guild_id: int | None = Field(None, description="slash commands sync to this server on start (instant)")
    channels: list[int] = Field(default_factory=list, description="answer only here; empty = anywhere readable")
    allow_dms: bool = True
    message_content_intent: bool = Field(
        True, description="privileged intent; without it prefix commands work only when the bot is mentioned"
    )
    admin_roles: list[int | str] = Field(default_factory=list, description="role ids or names allowed admin commands")
    add_roles: list[int | str] = Field(default_factory=list, description="role ids or names allowed !add (and admins)")
    owner_ids: list[int] = Field(default_factory=list, description="users who may !sync, besides the app owner")
    cooldown: Cooldown = Cooldown()
    page_timeout_seconds: float = Field(180, gt=0, le=900, description="page buttons disable after this")
    delete_window_seconds: float = Field(300, ge=0, le=900, description="how long the invoker may delete a reply")
