"""One dispatcher for every front end: a message or (command, argument) in, an Answer out."""

from __future__ import annotations

import logging
import uuid

from rapidfuzz import process

from bot.answers.model import Answer, Status
from bot.commands.ask import ask
from bot.commands.cite import cite
from bot.commands.context import Context
from bot.commands.help import help_answer
from bot.commands.registry import CommandSpec
from bot.commands.sources import sources
from bot.commands.summary import summary
from bot.commands.text_input import clean, echo, fit
from bot.commands.threats import threats
from bot.commands.topic import topic_handler
from bot.engine import Engine

log = logging.getLogger(__name__)
MAX_ARGUMENT_CHARS = 2000  # after NFKC: a Discord message's length; !ask and !cite cut shorter, and say so


def builtin_specs() -> list[CommandSpec]:
    return [
        CommandSpec(
            "ask",
            "The best excerpts that answer a question, each with its source.",
            "<question>",
            ("ask Who is the prime minister of Australia?", "ask interoperability"),
            ask,
        ),
        CommandSpec(
            "threats",
            "Excerpts on threats from or concerning an actor; alone, the known actors.",
            "[actor]",
            ("threats china", "threats"),
            threats,
        ),
        CommandSpec(
            "summary",
            "A 3–5 sentence extractive summary of everything, a document or a topic.",
            "[document|topic|actor]",
            ("summary", "summary partners", "summary russia"),
            summary,
        ),
        CommandSpec(
            "cite",
            "The exact sentence containing a phrase, ready to paste, with a link to it.",
            "<phrase>",
            ("cite joint drills", "cite liaison office in Tokyo"),
            cite,
        ),
        CommandSpec(
            "sources",
            "The documents in the knowledge base.",
            "[filter]",
            ("sources", "sources china"),
            sources,
            aliases=("docs",),
        ),
    ]


class Dispatcher:
    def __init__(self, engine: Engine) -> None:
        self.ctx = Context(engine)
        self.specs: dict[str, CommandSpec] = {}
        for spec in builtin_specs():
            self._register(spec)
        for key, topic in engine.config.topics.topics.items():
            if topic.command:
                self._register(
                    CommandSpec(
                        topic.command, topic.description or topic.title, "", (topic.command,), topic_handler(key)
                    )
                )
        self._register(
            CommandSpec(
                "help",
                "Every command with an example.",
                "[command]",
                ("help", "help cite"),
                self._help,
            )
        )

    def _register(self, spec: CommandSpec) -> None:
        for name in (spec.name, *spec.aliases):
            if name in self.specs or any(name in s.aliases for s in self.specs.values()):
                raise ValueError(f"command name {name!r} is used twice")
        self.specs[spec.name] = spec

    def _help(self, ctx: Context, argument: str) -> Answer:
        return help_answer(ctx, self.specs, argument)

    @property
    def prefix(self) -> str:
        return self.ctx.prefix

    def lookup(self, name: str) -> CommandSpec | None:
        name = name.lower()
        return self.specs.get(name) or next((s for s in self.specs.values() if name in s.aliases), None)

    def handle(self, message: str) -> Answer:
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
            return self.run("ask", text)
        name, _, argument = text[len(self.prefix) :].partition(" ")
        return self.run(name, argument)

    def run(self, name: str, argument: str = "") -> Answer:
        spec = self.lookup(name)
        if spec is None:
            return self._unknown(name)
        try:
            return spec.handler(self.ctx, fit(clean(argument or ""), MAX_ARGUMENT_CHARS)[0])
        except Exception:
            error_id = uuid.uuid4().hex[:8]
            log.exception("command %s failed (error id %s)", spec.name, error_id)
            return Answer(
                spec.name,
                "Something went wrong",
                Status.ERROR,
                intro=f"This is a bug, not your input. Error id `{error_id}` is in the log.",
            )

    def _unknown(self, name: str) -> Answer:
        names = [n for s in self.specs.values() for n in (s.name, *s.aliases)]
        best = process.extractOne(name.lower(), names, score_cutoff=60) if name else None
        hint = f" Did you mean `{self.prefix}{best[0]}`?" if best else ""
        return Answer(
            "help",
            f"Unknown command “{echo(self.prefix + name, 40)}”",
            Status.USAGE,
            intro=f"{hint.strip()} `{self.prefix}help` lists every command.".strip(),
        )
