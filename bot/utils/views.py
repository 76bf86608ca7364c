"""Buttons under an answer: page through it, or delete it. Only the person who asked can press them."""

from __future__ import annotations

import contextlib
import time

import discord


class AnswerView(discord.ui.View):
    def __init__(
        self,
        owner_id: int,
        embeds: list[discord.Embed],
        timeout: float,
        delete_window: float,
        *,
        deletable: bool = True,
    ) -> None:
        """deletable=False for ephemeral answers: their reader dismisses them, and the bot cannot delete them."""
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.embeds = embeds
        self.page = 0
        self.deletable = deletable
        self.delete_until = time.monotonic() + delete_window
        self.message: discord.Message | None = None
        if len(embeds) < 2:
            self.remove_item(self.previous)
            self.remove_item(self.next)
        if not deletable:
            self.remove_item(self.delete)
        self._refresh()

    def _refresh(self) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = self.page >= len(self.embeds) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message("Only the person who asked can use these buttons.", ephemeral=True)
        return False

    async def _show(self, interaction: discord.Interaction) -> None:
        self._refresh()
        await interaction.response.edit_message(embed=self.embeds[self.page], view=self)

    @discord.ui.button(label="Previous", emoji="◀️", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        self.page = max(0, self.page - 1)
        await self._show(interaction)

    @discord.ui.button(label="Next", emoji="▶️", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        self.page = min(len(self.embeds) - 1, self.page + 1)
        await self._show(interaction)

    @discord.ui.button(label="Delete", emoji="🗑️", style=discord.ButtonStyle.danger)
    async def delete(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        if time.monotonic() > self.delete_until:
            await interaction.response.send_message("It's too late to delete this answer.", ephemeral=True)
            return
        await interaction.response.defer()
        if interaction.message is not None:
            await interaction.message.delete()
        self.stop()

    async def on_timeout(self) -> None:
        """Pages stop; the Delete button lives on, in a successor view, until the delete window closes."""
        if self.message is None:
            return
        remaining = self.delete_until - time.monotonic()
        successor = self._successor(remaining) if self.deletable and remaining > 0 else None
        if successor is None:
            for item in self.children:
                if isinstance(item, discord.ui.Button):
                    item.disabled = True
        with contextlib.suppress(discord.HTTPException):  # deleted meanwhile: nothing to disable
            await self.message.edit(view=successor or self)

    def _successor(self, remaining: float) -> AnswerView:
        view = AnswerView(self.owner_id, self.embeds, remaining, remaining)
        view.page, view.message = self.page, self.message
        for button in (view.previous, view.next):
            button.disabled = True
        return view
