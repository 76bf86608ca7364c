"""Command specs: one registry that every front end (Discord prefix, mention and slash; the local chat;
JSON) is generated from. A spec names its parameters, who may use it and where it applies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.answers.model import Answer
    from bot.commands.context import Context
    from bot.commands.request import Invocation

Handler = Callable[["Context", str], "Answer"]  # engine work: runs on the engine thread
Action = Callable[["Invocation"], Awaitable["Answer | list[Answer]"]]  # I/O work (add, reload, digest): on the loop


class Permission(IntEnum):
    """Who may run a command; each level includes the ones above it in this list."""

    ANYONE = 0
    ADD = 1  # the roles in add_roles (discord.yaml), and admins
    ADMIN = 2  # Manage Server or admin_roles, and owners
    OWNER = 3  # the application's owner and owner_ids; the person at the local chat


WHO = {
    Permission.ANYONE: "anyone",
    Permission.ADD: "admins and add_roles",
    Permission.ADMIN: "admins",
    Permission.OWNER: "owners",
}


class Frontend(StrEnum):
    CHAT = "chat"  # the local chat and --json
    DISCORD = "discord"  # prefix, @mention and slash commands


EVERYWHERE = frozenset(Frontend)
PLACE = {Frontend.CHAT: "the local chat", Frontend.DISCORD: "Discord"}


class Kind(StrEnum):
    TEXT = "text"
    ATTACHMENT = "attachment"  # a file attached in Discord (the local chat takes a path as text)


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    kind: Kind = Kind.TEXT
    required: bool = False
    rest: bool = True  # text: takes the rest of the line (else one word)
    choices: tuple[str, ...] = ()
    complete: str | None = None  # autocomplete source: "actors", "focus" or "commands"


@dataclass(frozen=True)
class CommandSpec:
    name: str
    summary: str
    usage: str  # arguments, e.g. "<question>"
    examples: tuple[str, ...]
    handler: Handler | None = field(default=None, compare=False)
    action: Action | None = field(default=None, compare=False)
    aliases: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    permission: Permission = Permission.ANYONE
    frontends: frozenset[Frontend] = EVERYWHERE
    subcommands: tuple[CommandSpec, ...] = ()  # the first is the default (`!digest` = `!digest preview`)
    private: bool = False  # answer the caller only (slash: ephemeral; prefix: a direct message)
    slash: bool = True  # also a slash command (else prefix and mention only)
    elsewhere: str = ""  # why it needs another front end, said where it does not apply
    parent: str = ""  # the group's name, for a subcommand

    @property
    def qualified(self) -> str:
        return f"{self.parent} {self.name}" if self.parent else self.name

    @property
    def text_param(self) -> Param | None:
        return next((p for p in self.params if p.kind is Kind.TEXT), None)

    def subcommand(self, name: str) -> CommandSpec | None:
        return next((s for s in self.subcommands if s.name == name.lower()), None)

    def leaves(self) -> list[CommandSpec]:
        """What can be run: the spec itself, or each of its subcommands."""
        return list(self.subcommands) or [self]


class Registry:
    def __init__(self, specs: Iterable[CommandSpec]) -> None:
        self.specs: dict[str, CommandSpec] = {}
        for spec in specs:
            self.add(spec)

    def add(self, spec: CommandSpec) -> None:
        for name in (spec.name, *spec.aliases):
            if self.lookup(name) is not None:
                raise ValueError(f"command name {name!r} is used twice")
        self.specs[spec.name] = spec

    def lookup(self, name: str) -> CommandSpec | None:
        name = name.lower()
        return self.specs.get(name) or next((s for s in self.specs.values() if name in s.aliases), None)

    def names(self) -> list[str]:
        return [n for s in self.specs.values() for n in (s.name, *s.aliases)]

    def __iter__(self) -> Iterator[CommandSpec]:
        return iter(self.specs.values())
