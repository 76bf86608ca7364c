"""Send an Answer as embeds: paged, referencing the invoking message, pinging nobody."""

from __future__ import annotations

import asyncio

import discord
from discord.ext import commands

from bot.answers.model import Answer
from bot.render.embeds import Page, render_pages
from bot.utils.views import AnswerView

DEFER_AFTER = 1.5  # seconds; an interaction must be acknowledged within 3


def to_embed(page: Page) -> discord.Embed:
    embed = discord.Embed(title=page.title, description=page.description or None, colour=page.colour)
    if page.footer:
        embed.set_footer(text=page.footer)
    return embed


async def compute(ctx: commands.Context, work: asyncio.Future | asyncio.Task) -> Answer:
    """Await the answer; defer the interaction first if it is not ready in time."""
    if ctx.interaction is None:
        return await work
    done, _ = await asyncio.wait({work}, timeout=DEFER_AFTER)
    if not done:
        await ctx.defer(ephemeral=False)
    return await work


async def send_answer(ctx: commands.Context, answer: Answer, *, ephemeral: bool = False) -> discord.Message | None:
    settings = ctx.bot.config.discord
    embeds = [to_embed(p) for p in render_pages(answer)]
    view = AnswerView(ctx.author.id, embeds, settings.page_timeout_seconds, settings.delete_window_seconds)
    kwargs: dict = {"embed": embeds[0], "view": view, "allowed_mentions": discord.AllowedMentions.none()}
    if ctx.interaction is None:
        kwargs["reference"] = ctx.message.to_reference(fail_if_not_exists=False)
        kwargs["mention_author"] = False
    else:
        kwargs["ephemeral"] = ephemeral
    message = await ctx.send(**kwargs)
    view.message = message
    return message
