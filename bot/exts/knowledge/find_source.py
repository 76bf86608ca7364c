"""Message context menu "Find source": look up a message's claim or quote, answer privately."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.model import Answer, Status
from bot.commands.registry import Frontend
from bot.utils.reply import send_private_answer

if TYPE_CHECKING:
    from bot.bot import PolicyBot

CLAIM_LIMIT = 300


def find_source_answer(bot: PolicyBot, text: str) -> Answer:
    """`cite` when the message quotes a sentence, otherwise `ask` with its words."""
    assert bot.dispatcher is not None
    claim = " ".join(text.split())[:CLAIM_LIMIT]
    if not claim:
        return Answer("cite", "That message has no text to look up", Status.USAGE)
    cited = bot.dispatcher.run("cite", claim, frontend=Frontend.DISCORD)
    if cited.status is Status.OK and cited.data.get("exact"):
        return cited
    asked = bot.dispatcher.run("ask", claim, frontend=Frontend.DISCORD)
    return asked if asked.status is Status.OK or cited.status is not Status.OK else cited


class FindSource(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Find source", callback=self.find_source)
        self.menu.add_check(self.allowed)
        bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def allowed(self, interaction: discord.Interaction) -> bool:
        """The channel, DM and cooldown rules of every command (bot checks do not reach context menus)."""
        self.bot.gate.where(interaction.guild, interaction.channel_id)
        self.bot.gate.cooldown(interaction)
        return True

    async def find_source(self, interaction: discord.Interaction, message: discord.Message) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        answer = await self.bot.in_engine_thread(find_source_answer, self.bot, message.content)
        await send_private_answer(interaction, answer, self.bot.config.discord)


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(FindSource(bot))
