"""Send an Answer as embeds: paged, referencing the invoking message, pinging nobody."""

from __future__ import annotations

import asyncio

import discord
from discord.ext import commands

from bot.answers.model import Answer
from bot.render.embeds import Page, render_pages
from bot.render.messages import message_batches
from bot.utils.delivery import send_reply
from bot.utils.views import AnswerView

DEFER_AFTER = 1.5  # seconds; an interaction must be acknowledged within 3


def to_embed(page: Page) -> discord.Embed:
    embed = discord.Embed(title=page.title, description=page.description or None, colour=page.colour)
    if page.footer:
        embed.set_footer(text=page.footer)
    return embed


async def compute(ctx: commands.Context, work: asyncio.Future | asyncio.Task):
    """Await the answer; defer the interaction first if it is not ready in time."""
    if ctx.interaction is None:
        return await work
    done, _ = await asyncio.wait({work}, timeout=DEFER_AFTER)
    if not done:
        await ctx.defer(ephemeral=False)
    return await work


def answer_view(answer_embeds: list[discord.Embed], owner_id: int, settings, *, deletable: bool) -> AnswerView | None:
    view = AnswerView(
        owner_id, answer_embeds, settings.page_timeout_seconds, settings.delete_window_seconds, deletable=deletable
    )
    return view if view.children else None


async def send_answer(ctx: commands.Context, answer: Answer, *, ephemeral: bool = False) -> discord.Message | None:
    """Reply to a prefix or hybrid command. `ephemeral` applies to slash invocations only.

    Transient failures are retried without duplicates; None when the bot may not post there (logged)."""
    embeds = [to_embed(p) for p in render_pages(answer)]
    private = ephemeral and ctx.interaction is not None
    view = answer_view(embeds, ctx.author.id, ctx.bot.config.discord, deletable=not private)
    kwargs: dict = {"embed": embeds[0], "allowed_mentions": discord.AllowedMentions.none()}
    if view is not None:
        kwargs["view"] = view
    if ctx.interaction is None:
        kwargs["reference"] = ctx.message.to_reference(fail_if_not_exists=False)
        kwargs["mention_author"] = False
    else:
        kwargs["ephemeral"] = ephemeral
    message = await send_reply(ctx, **kwargs)
    if view is not None and message is not None:
        view.message = message
    elif view is not None:
        view.stop()
    return message


async def send_private(ctx: commands.Context, answers: list[Answer]) -> bool:
    """A prefix command's private reply: a direct message, and 📬 on the command. False if DMs are closed
    (the caller then answers in the channel); a slash command answers ephemerally instead (also False)."""
    if ctx.interaction is not None:
        return False
    try:
        for pages in message_batches(answers):
            await ctx.author.send(embeds=[to_embed(p) for p in pages], allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException:
        return False
    await ctx.message.add_reaction("📬")
    return True


async def send_private_answer(interaction: discord.Interaction, answer: Answer, settings) -> None:
    """An ephemeral answer to an interaction that was deferred (context menus): paged, never deletable."""
    embeds = [to_embed(p) for p in render_pages(answer)]
    view = answer_view(embeds, interaction.user.id, settings, deletable=False)
    kwargs: dict = {"embed": embeds[0], "ephemeral": True, "allowed_mentions": discord.AllowedMentions.none()}
    if view is not None:
        kwargs["view"] = view
    message = await interaction.followup.send(**kwargs, wait=True)
    if view is not None:
        view.message = message
