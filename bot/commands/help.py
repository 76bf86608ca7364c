"""!help [command]: every command with an example."""

from __future__ import annotations

from bot.answers.model import Answer, Status
from bot.commands.context import Context
from bot.commands.registry import CommandSpec
from bot.commands.text_input import echo


def help_answer(ctx: Context, specs: dict[str, CommandSpec], argument: str) -> Answer:
    p = ctx.prefix
    name = argument.strip().lstrip(p).lower()
    if name:
        spec = specs.get(name) or next((s for s in specs.values() if name in s.aliases), None)
        if spec is None:
            return Answer(
                "help",
                f"No command called “{echo(name)}”",
                Status.USAGE,
                lines=[f"`{p}{s.name}`" for s in specs.values()],
            )
        lines = [f"Usage: `{p}{spec.name}{' ' + spec.usage if spec.usage else ''}`"]
        lines += [f"Example: `{p}{e}`" for e in spec.examples]
        if spec.aliases:
            lines.append("Also: " + ", ".join(f"`{p}{a}`" for a in spec.aliases))
        return Answer("help", f"{p}{spec.name}", intro=spec.summary, lines=lines)
    lines = [
        f"`{p}{s.name}{' ' + s.usage if s.usage else ''}` — {s.summary} e.g. `{p}{s.examples[0]}`"
        for s in specs.values()
    ]
    return Answer(
        "help",
        "Commands",
        intro="Every answer quotes the documents word for word, with its source.",
        lines=lines,
        notes=[f"`{p}help <command>` for more on one."],
    )
