"""One dispatcher for every front end: a message or a Request in; who may run what, where, decided once.

`resolve` finds the command (its subcommand, the caller's permission, the front end); engine commands then
run here, on the engine thread (`run`), and actions run on the event loop (bot.runtime.Runtime.dispatch).
Unknown commands and failures have one path each: `unknown` and `failure_answer`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from rapidfuzz import process

from bot.answers.model import Answer, Status
from bot.commands.builtins import build_registry
from bot.commands.context import Context
from bot.commands.failure import failure_answer
from bot.commands.registry import PLACE, CommandSpec, Frontend, Permission, Registry
from bot.commands.request import CONSOLE, Caller, Request
from bot.commands.text_input import clean, echo, fit
from bot.engine import Engine
from bot.search.lookup_budget import lookup_budget

log = logging.getLogger(__name__)
MAX_ARGUMENT_CHARS = 2000  # after NFKC: a Discord message's length; !ask and !cite cut shorter, and say so
SUGGEST_ABOVE = 70  # rapidfuzz score a typo must reach to be "did you mean"
REFUSED = {
    Permission.ADD: "Adding documents is for admins and the roles set in add_roles (discord.yaml).",
    Permission.ADMIN: "That command is for admins (Manage Server or a configured admin role).",
    Permission.OWNER: "That command is for the bot's owners (the application owner or owner_ids in discord.yaml).",
}


@dataclass(frozen=True)
class Resolved:
    spec: CommandSpec  # a runnable spec: a subcommand, never a group
    text: str  # the argument, after the subcommand's name


class Dispatcher:
    def __init__(self, engine: Engine, registry: Registry | None = None) -> None:
        self.engine = engine
        self.registry = registry or build_registry(engine.config)
        self.ctx = Context(engine, self)

    @property
    def prefix(self) -> str:
        return self.engine.config.settings.prefix

    @property
    def specs(self) -> dict[str, CommandSpec]:
        return self.registry.specs

    def request(self, message: str, caller: Caller = CONSOLE, frontend: Frontend = Frontend.CHAT) -> Request | Answer:
        """A whole message as typed: `!ask …`; in the local chat a bare question means `!ask`."""
        text = clean(message)
        if not text:
            return Answer(
                "help",
                "Nothing to answer",
                Status.USAGE,
                intro=f"Type a command, e.g. `{self.prefix}ask interoperability`, or `{self.prefix}help`.",
            )
        if not text.startswith(self.prefix):
            return Request("ask", text, caller, frontend)
        name, _, argument = text[len(self.prefix) :].partition(" ")
        return Request(name, argument, caller, frontend)

    def resolve(self, request: Request) -> Resolved | Answer:
        """The spec to run and its argument; or the answer when it cannot run (unknown, not here, not allowed)."""
        name, _, sub = request.command.partition(" ")  # "digest preview": a group and its subcommand
        spec = self.registry.lookup(name)
        if spec is None:
            return self.unknown(request.command)
        text = fit(clean(f"{sub} {request.text or ''}"), MAX_ARGUMENT_CHARS)[0]
        if spec.subcommands:
            word, _, rest = text.partition(" ")
            sub = spec.subcommand(word)
            spec, text = (sub, rest) if sub else (spec.subcommands[0], "" if not word else text)
            if sub is None and word:
                return self._bad_subcommand(spec.parent, word)
        if request.frontend not in spec.frontends:
            where = " and ".join(PLACE[f] for f in sorted(spec.frontends))
            title = f"`{self.prefix}{spec.qualified}` works in {where} only"
            return Answer(spec.qualified, title, Status.USAGE, intro=spec.elsewhere or None)
        if request.caller.level < spec.permission:
            return Answer(spec.qualified, "Not allowed", Status.USAGE, intro=REFUSED[spec.permission])
        return Resolved(spec, text)

    def run(self, name: str, argument: str = "", *, caller: Caller = CONSOLE, frontend: Frontend = Frontend.CHAT):
        """An engine command's answer, on the engine thread."""
        return self.run_request(Request(name, argument, caller, frontend))

    def run_request(self, request: Request) -> Answer:
        resolved = self.resolve(request)
        return resolved if isinstance(resolved, Answer) else self.execute(resolved, request)

    def handle(self, message: str, caller: Caller = CONSOLE, frontend: Frontend = Frontend.CHAT) -> Answer:
        request = self.request(message, caller, frontend)
        return request if isinstance(request, Answer) else self.run_request(request)

    def execute(self, resolved: Resolved, request: Request) -> Answer:
        spec = resolved.spec
        if spec.handler is None:  # an action: it needs the event loop (Runtime.dispatch), not this thread
            return Answer(spec.qualified, f"Send `{self.prefix}{spec.qualified}` on its own", Status.USAGE)
        ctx = Context(self.engine, self, request.caller, request.frontend)
        try:
            with lookup_budget():  # fuzzy spelling lookups per command are capped, however many words
                return spec.handler(ctx, resolved.text)
        except Exception as exc:
            return failure_answer(spec.qualified, exc)

    def unknown(self, typed: str) -> Answer:
        """Did you mean …? `data["suggestion"]` is None when nothing is close (Discord then stays quiet)."""
        best = process.extractOne(typed.lower(), self.registry.names(), score_cutoff=SUGGEST_ABOVE) if typed else None
        hint = f"Did you mean `{self.prefix}{best[0]}`? " if best else ""
        return Answer(
            "help",
            f"Unknown command “{echo(self.prefix + typed, 40)}”",
            Status.USAGE,
            intro=f"{hint}`{self.prefix}help` lists every command.",
            data={"suggestion": best[0] if best else None},
        )

    def _bad_subcommand(self, group: str, word: str) -> Answer:
        spec = self.registry.lookup(group)
        assert spec is not None
        choices = ", ".join(f"`{self.prefix}{s.qualified}`" for s in spec.subcommands)
        return Answer(group, f"No `{echo(word, 30)}` in `{self.prefix}{group}`", Status.USAGE, intro=f"Try {choices}.")
