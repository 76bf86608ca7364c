"""Running a generated command: who is asking, what they typed or attached, the runtime's answer, the reply."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from discord.ext import commands

from bot.answers.model import Answer, Status
from bot.commands.registry import CommandSpec, Frontend, Permission
from bot.commands.request import Caller, Request, Upload
from bot.utils.checks import is_admin, may_add
from bot.utils.reply import compute, send_answer, send_private

PRIVATE_STATUSES = {Status.USAGE, Status.ERROR}  # a slash command's usage or error reply is for its user only


async def caller_for(ctx: commands.Context) -> Caller:
    bot = ctx.bot
    if ctx.author.id in bot.config.discord.owner_ids or await bot.is_owner(ctx.author):
        level = Permission.OWNER
    elif is_admin(ctx):
        level = Permission.ADMIN
    elif may_add(ctx):
        level = Permission.ADD
    else:
        level = Permission.ANYONE
    return Caller(str(ctx.author), level, ctx.channel.id if ctx.channel else None)


def uploads(ctx: commands.Context, options: dict[str, Any]) -> tuple[Upload, ...]:
    files = [v for v in options.values() if isinstance(v, discord.Attachment)]
    if ctx.interaction is None:
        files += [a for a in ctx.message.attachments if a not in files]
    return tuple(Upload(f.filename, f.size, f.read) for f in files)


def request_for(
    ctx: commands.Context, spec: CommandSpec, options: dict[str, Any], caller: Caller, text: str | None = None
) -> Request:
    if text is None:
        text = options.get(spec.text_param.name) if spec.text_param else None
    return Request(spec.qualified, text or "", caller, Frontend.DISCORD, uploads(ctx, options))


async def invoke(ctx: commands.Context, spec: CommandSpec, options: dict[str, Any], text: str | None = None) -> None:
    """`text`: the argument as typed, for a group invoked without a known subcommand."""
    request = request_for(ctx, spec, options, await caller_for(ctx), text)
    work = asyncio.ensure_future(ctx.bot.runtime.dispatch(request))
    answers: list[Answer] = await compute(ctx, work)
    if spec.private and all(a.status is Status.OK for a in answers) and await send_private(ctx, answers):
        return
    for answer in answers:
        await send_answer(ctx, answer, ephemeral=spec.private or answer.status in PRIVATE_STATUSES)
