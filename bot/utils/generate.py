"""Discord commands generated from the registry: a hybrid command (prefix, @mention and slash) per spec,
a hybrid group for a spec with subcommands, a prefix-only command where `slash` is off. Nothing is declared
twice: names, descriptions, parameters, autocomplete and who may run it all come from the CommandSpec."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands
from discord.ext.commands.parameters import Parameter  # discord.py reads its own Parameter from a signature

from bot.commands.registry import CommandSpec, Kind, Param
from bot.utils.invoke import invoke
from bot.utils.options import completer

if TYPE_CHECKING:
    from bot.bot import PolicyBot

DESCRIPTION = 100  # Discord's limit for a command's or an option's description


def _parameter(param: Param) -> Parameter:
    annotation: Any = discord.Attachment if param.kind is Kind.ATTACHMENT else str
    rest = param.kind is Kind.TEXT and param.rest  # keyword-only: a prefix command gives it the rest of the line
    kind = Parameter.KEYWORD_ONLY if rest else Parameter.POSITIONAL_OR_KEYWORD
    if param.required:
        return Parameter(param.name, kind, annotation=annotation)
    return Parameter(param.name, kind, annotation=annotation | None, default=None)


def _callback(spec: CommandSpec) -> Callable:
    positional = [p.name for p in spec.params if not (p.kind is Kind.TEXT and p.rest)]

    async def callback(ctx: commands.Context, *args: Any, **options: Any) -> None:
        await invoke(ctx, spec, dict(zip(positional, args, strict=False)) | options)

    signature = inspect.Signature(
        [Parameter("ctx", Parameter.POSITIONAL_OR_KEYWORD, annotation=commands.Context)]
        + [_parameter(p) for p in spec.params]
    )
    callback.__signature__ = callback.__policybot_signature__ = signature  # type: ignore[attr-defined]
    callback.__doc__ = spec.summary
    if spec.params:
        app_commands.describe(**{p.name: p.description[:DESCRIPTION] for p in spec.params})(callback)
    choices = {p.name: [app_commands.Choice(name=c, value=c) for c in p.choices] for p in spec.params if p.choices}
    if choices:
        app_commands.choices(**choices)(callback)
    return callback


def _group_callback(spec: CommandSpec) -> Callable:
    """`!digest` alone runs the default subcommand; `!digest later` gets the dispatcher's "no such" answer."""

    async def callback(ctx: commands.Context) -> None:
        await invoke(ctx, spec, {}, text=ctx.view.read_rest().strip() if ctx.interaction is None else "")

    return callback


def _finish(command: commands.Command, spec: CommandSpec, bot: PolicyBot) -> commands.Command:
    command.callback.__signature__ = command.callback.__policybot_signature__  # discord.py deletes it; keep it
    for param in spec.params:
        if param.complete and isinstance(command, commands.HybridCommand):
            command.autocomplete(param.name)(completer(bot, param.complete))
    return command


def build_command(bot: PolicyBot, spec: CommandSpec) -> commands.Command:
    attrs = {"name": spec.name, "aliases": list(spec.aliases), "description": spec.summary[:DESCRIPTION]}
    if spec.subcommands:
        group = commands.HybridGroup(_group_callback(spec), invoke_without_command=True, **attrs)
        for sub in spec.subcommands:
            sub_attrs = {"name": sub.name, "description": sub.summary[:DESCRIPTION]}
            group.add_command(_finish(commands.HybridCommand(_callback(sub), **sub_attrs), sub, bot))
        return group
    kind = commands.HybridCommand if spec.slash else commands.Command
    return _finish(kind(_callback(spec), **attrs), spec, bot)
