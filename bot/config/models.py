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


def check_regexes(patterns: list[str]) -> list[str]:
    """The patterns, if every one compiles; else a ValueError naming the bad one."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from exc
    return patterns


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerSettings(Strict):
    top_k: int = Field(3, ge=1, le=10, description="excerpts in an !ask answer")
    min_coverage: float = Field(
        0.4, ge=0.0, le=1.0, description="share of the question's informative weight a passage must match"
    )
    max_query_chars: int = Field(500, ge=20, le=5000, description="longer questions are truncated")
    confident_coverage: float = Field(
        0.6, ge=0.0, le=1.0, description="an !ask answer is confident when its best excerpt covers this share"
    )
    closest_coverage: float = Field(
        0.30, ge=0.0, le=1.0, description="below confident, down to this share: shown as closest matches"
    )
    summary_sentences: int = Field(4, ge=3, le=5)
    threats_k: int = Field(5, ge=1, le=10)


class SearchSettings(Strict):
    k1: float = Field(1.2, gt=0)
    b: float = Field(0.75, ge=0, le=1)
    related_weight: float = Field(0.6, gt=0, le=1, description="weight of an alias relative to the word typed")
    family_weight: float = Field(0.8, gt=0, le=1, description="weight of another word of the same family")
    semantic: Literal["none", "wordllama"] = Field(
        "none", description="an embedding signal for !ask (wordllama: pip install -e '.[semantic]')"
    )
    acronyms: bool = Field(True, description="learn acronyms from the documents (electric vehicles (EVs))")
    family_lift: float = Field(
        3.0, ge=0, description="families learned from the corpus: how much more often than chance together (0: off)"
    )
    builder: Literal["rank-bm25", "numpy"] = Field(
        "rank-bm25", description="how the index statistics are counted at build time (the same scores either way)"
    )


class RankingSettings(Strict):
    """How !ask fuses a sentence's own score with its context (see bot/search/rank.py)."""

    paragraph: float = Field(0.15, ge=0, description="weight of the paragraph's BM25 score")
    title: float = Field(1.5, ge=0, description="weight of the document title's BM25 score")
    date: float = Field(1.0, ge=0, description="weight of the document date fitting the time asked")
    coverage: float = Field(2.5, ge=0, description="weight of the share of the question covered")
    context_previous: float = Field(0.8, ge=0, le=1, description="a word in the previous sentence counts this much")
    context_paragraph: float = Field(0.0, ge=0, le=1, description="a word elsewhere in the paragraph")
    context_title: float = Field(0.7, ge=0, le=1, description="a word in the document title")
    question_penalty: float = Field(0.6, ge=0, description="subtracted from a sentence that is itself a question")
    answer_type: float = Field(0.3, ge=0, description="added when it has the kind of answer asked (number, time)")
    semantic: float = Field(0.5, ge=0, description="weight of the semantic similarity when search.semantic is on")
    pool: int = Field(600, ge=10, le=5000, description="sentences re-ranked after the first stage")


class BoilerplateSettings(Strict):
    paragraphs: list[str] = Field(default_factory=list, description="regexes matched against a whole paragraph")
    sentences: list[str] = Field(default_factory=list, description="regexes matched against a whole sentence")

    @field_validator("paragraphs", "sentences")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return check_regexes(patterns)


class Settings(Strict):
    prefix: str = Field("!", min_length=1, max_length=5)
    answers: AnswerSettings = AnswerSettings()
    search: SearchSettings = SearchSettings()
    ranking: RankingSettings = RankingSettings()
    boilerplate: BoilerplateSettings = BoilerplateSettings()


class Aliases(Strict):
    spelling: list[list[str]] = Field(default_factory=list, description="variants that mean exactly the same")
    related: dict[str, list[str]] = Field(default_factory=dict, description="a name and what else it goes by")
    families: list[list[str]] = Field(
        default_factory=list, description="word families the stemmer splits (partner, partnership), at family_weight"
    )

    @field_validator("spelling", "families")
    @classmethod
    def _groups(cls, groups: list[list[str]]) -> list[list[str]]:
        for group in groups:
            if len(group) < 2:
                raise ValueError(f"a spelling group needs at least two variants, got {group}")
        return groups


class Questions(Strict):
    """How people phrase questions: words that say how a question is asked, and questions that are commands."""

    meta_words: list[str] = Field(
        default_factory=list, description="words about the asking (article, think, tell); never count against a passage"
    )
    soft_words: dict[str, list[str]] = Field(
        default_factory=dict,
        description="stance and worry words → how documents say them; they never count against a passage",
    )
    threat_words: list[str] = Field(
        default_factory=list, description="a question that is an actor and only these words runs !threats <actor>"
    )
    intents: dict[str, list[str]] = Field(
        default_factory=dict,
        description="command → regexes matched against the whole question; a (?P<subject>…) group is its argument",
    )

    @field_validator("intents")
    @classmethod
    def _patterns(cls, intents: dict[str, list[str]]) -> dict[str, list[str]]:
        for command, patterns in intents.items():
            try:
                check_regexes(patterns)
            except ValueError as exc:
                raise ValueError(f"{command}: {exc}") from exc
        return intents


class Actor(Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    description: str = ""


class Actors(Strict):
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


class Topics(Strict):
    topics: dict[str, Topic]


class Cooldown(Strict):
    rate: int = Field(5, ge=1, description="commands a user may run per window (and Find source)")
    per_seconds: float = Field(30, gt=0, description="the window, in seconds")


class DiscordSettings(Strict):
    guild_id: int | None = Field(
        None, description="your server's id: slash commands sync there on every start (instant); null: use !sync"
    )
    channels: list[int] = Field(
        default_factory=list,
        description="channel ids the bot answers in; empty = anywhere it can read (elsewhere slash commands say "
        "where to go, prefix commands are ignored)",
    )
    allow_dms: bool = Field(True, description="answer commands in direct messages")
    message_content_intent: bool = Field(
        True, description="privileged intent; without it prefix commands work only when the bot is mentioned"
    )
    admin_roles: list[int | str] = Field(
        default_factory=list,
        description="role ids or names allowed the admin commands (members with Manage Server always are)",
    )
    add_roles: list[int | str] = Field(
        default_factory=list, description="role ids or names allowed !add, besides admins"
    )
    owner_ids: list[int] = Field(
        default_factory=list, description="users allowed the owner commands (!sync), besides the application's owner"
    )
    cooldown: Cooldown = Cooldown()
    page_timeout_seconds: float = Field(
        180, gt=0, le=900, description="page buttons under a long answer disable after this long unused"
    )
    delete_window_seconds: float = Field(
        300, ge=0, le=900, description="how long the asker may delete the bot's reply with its button"
    )
