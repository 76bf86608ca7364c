"""The engine's commands as hybrid commands: `!threats china`, `@Bot threats china`, `/threats actor:china`."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.exts.knowledge.autocomplete import actor_choices, focus_choices, help_choices
from bot.utils.reply import compute, send_answer

if TYPE_CHECKING:
    from bot.bot import PolicyBot


async def respond(ctx: commands.Context, name: str, argument: str | None = None) -> None:
    bot: PolicyBot = ctx.bot
    work = asyncio.ensure_future(bot.answer(name, argument or ""))
    answer = await compute(ctx, work)
    await send_answer(ctx, answer)


class Answers(commands.Cog):
    """Questions, topics, threats, summaries and citations from the knowledge base."""

    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

    @commands.hybrid_command(description="The best excerpts that answer a question, each with its source.")
    @app_commands.describe(question="What you want to know, e.g. Who is the prime minister of Australia?")
    async def ask(self, ctx: commands.Context, *, question: str) -> None:
        await respond(ctx, "ask", question)

    @commands.hybrid_command(description="Excerpts on threats from or concerning an actor; alone, the known actors.")
    @app_commands.describe(actor="Who, e.g. china")
    async def threats(self, ctx: commands.Context, *, actor: str | None = None) -> None:
        await respond(ctx, "threats", actor)

    @threats.autocomplete("actor")
    async def _actor_autocomplete(self, _interaction: discord.Interaction, current: str):
        return actor_choices(self.bot, current)

    @commands.hybrid_command(description="A 3–5 sentence summary of everything, a document, a topic or an actor.")
    @app_commands.describe(focus="A document, topic or actor; leave empty for the whole knowledge base")
    async def summary(self, ctx: commands.Context, *, focus: str | None = None) -> None:
        await respond(ctx, "summary", focus)

    @summary.autocomplete("focus")
    async def _focus_autocomplete(self, _interaction: discord.Interaction, current: str):
        return focus_choices(self.bot, current)

    @commands.hybrid_command(description="The exact sentence containing a phrase, ready to paste, with a link.")
    @app_commands.describe(phrase="A few words from the sentence, e.g. joint drills")
    async def cite(self, ctx: commands.Context, *, phrase: str) -> None:
        await respond(ctx, "cite", phrase)

    @commands.hybrid_command(aliases=["docs"], description="The documents in the knowledge base.")
    @app_commands.describe(filter="Only documents whose id, title or tags contain this")
    async def sources(self, ctx: commands.Context, *, filter: str | None = None) -> None:  # noqa: A002
        await respond(ctx, "sources", filter)

    @commands.hybrid_command(name="help", description="Every command with an example.")
    @app_commands.describe(command="One command to explain")
    async def help_command(self, ctx: commands.Context, *, command: str | None = None) -> None:
        await respond(ctx, "help", command)

    @help_command.autocomplete("command")
    async def _help_autocomplete(self, _interaction: discord.Interaction, current: str):
        return help_choices(self.bot, current)

    async def cog_load(self) -> None:
        assert self.bot.dispatcher is not None
        for key, topic in self.bot.config.topics.topics.items():
            if topic.command:
                self.bot.add_command(topic_command(topic.command, topic.description or topic.title, key))

    async def cog_unload(self) -> None:
        for topic in self.bot.config.topics.topics.values():
            if topic.command:
                self.bot.remove_command(topic.command)


def topic_command(name: str, description: str, key: str) -> commands.HybridCommand:
    async def callback(ctx: commands.Context) -> None:
        await respond(ctx, name)

    callback.__doc__ = description
    return commands.HybridCommand(callback, name=name, description=description[:100])


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(Answers(bot))
