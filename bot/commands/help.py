"""!help [command]: every command with an example, marked where the caller may not use it."""

from __future__ import annotations

from bot.answers.model import Answer, Status
from bot.commands.context import Context
from bot.commands.registry import PLACE, WHO, CommandSpec
from bot.commands.text_input import echo


def marks(ctx: Context, spec: CommandSpec) -> str:
    """ " — 🔒 admins" where the caller may not run it, " — Discord only" where it does not apply here."""
    found = []
    if ctx.frontend not in spec.frontends:
        found.append(" and ".join(PLACE[f] for f in sorted(spec.frontends)) + " only")
    if spec.permission > ctx.caller.level:
        found.append(f"🔒 {WHO[spec.permission]}")
    return "".join(f" — {m}" for m in found)


def usage(ctx: Context, spec: CommandSpec) -> str:
    return f"`{ctx.prefix}{spec.qualified}{' ' + spec.usage if spec.usage else ''}`"


def help_handler(ctx: Context, argument: str) -> Answer:
    assert ctx.dispatcher is not None
    registry = ctx.dispatcher.registry
    p = ctx.prefix
    name = argument.strip().lstrip(p).lower()
    if not name:
        lines = [
            f"{usage(ctx, leaf)} — {leaf.summary} e.g. `{p}{leaf.examples[0]}`{marks(ctx, leaf)}"
            for spec in registry
            for leaf in spec.leaves()
        ]
        return Answer(
            "help",
            "Commands",
            intro="Every answer quotes the documents word for word, with its source.",
            lines=lines,
            notes=[f"`{p}help <command>` for more on one."],
        )
    group, _, sub = name.partition(" ")
    spec = registry.lookup(group)
    if spec is None:
        return Answer(
            "help", f"No command called “{echo(name)}”", Status.USAGE, lines=[f"`{p}{s.name}`" for s in registry]
        )
    leaves = [spec.subcommand(sub)] if spec.subcommand(sub) else spec.leaves()
    lines = []
    for leaf in leaves:
        lines.append(f"Usage: {usage(ctx, leaf)}{marks(ctx, leaf)}")
        lines += [f"Example: `{p}{e}`" for e in leaf.examples]
        if leaf.elsewhere and ctx.frontend not in leaf.frontends:
            lines.append(leaf.elsewhere)
    if spec.aliases:
        lines.append("Also: " + ", ".join(f"`{p}{a}`" for a in spec.aliases))
    return Answer("help", f"{p}{spec.name}", intro=spec.summary, lines=lines)
