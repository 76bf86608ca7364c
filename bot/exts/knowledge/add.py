"""!add <url> or !add with attached files (admins or add_roles): fetch or read, store, reload, preview."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.answers.model import Answer, Status
from bot.commands.added import added_answer, refused_answer
from bot.ingest import AlreadyIngested, Ingested, IngestError, add_upload, add_url
from bot.ingest.ingest import upload_type
from bot.utils.checks import is_admin
from bot.utils.reply import send_answer

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)
MAX_FILES = 5


def may_add(ctx: commands.Context) -> bool:
    if is_admin(ctx):
        return True
    roles = getattr(ctx.author, "roles", [])
    allowed = {str(r).lower() for r in ctx.bot.config.discord.add_roles}
    return any(str(role.id) in allowed or role.name.lower() in allowed for role in roles)


def can_add():
    async def predicate(ctx: commands.Context) -> bool:
        if may_add(ctx) or await ctx.bot.is_owner(ctx.author):
            return True
        raise commands.CheckFailure("Adding documents is for admins and the roles set in add_roles (discord.yaml).")

    return commands.check(predicate)


class AddDocuments(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

    @commands.hybrid_command(description="Add a web page or attached file to the knowledge base.")
    @can_add()
    async def add(self, ctx: commands.Context, url: str | None = None, file: discord.Attachment | None = None) -> None:
        """!add <url>, or !add with .md/.txt/.html/.pdf files attached."""
        files = [file] if file else []
        files += [a for a in ctx.message.attachments if a not in files] if ctx.interaction is None else []
        if not files and not url:
            await send_answer(ctx, _usage(ctx.clean_prefix))
            return
        if self.bot.ingest is None:
            await send_answer(ctx, refused_answer("Adding documents is off: the bot has no knowledge folder."))
            return
        await ctx.defer()
        jobs = [self._upload(f, str(ctx.author)) for f in files[:MAX_FILES]] or [self._url(url or "", str(ctx.author))]
        for answer in [await job for job in jobs]:
            await send_answer(ctx, answer)

    async def _url(self, url: str, who: str) -> Answer:
        url = url.strip().removeprefix("<").removesuffix(">")
        return await self._ingest(add_url(url, ctx=self.bot.ingest, added_by=who), url)

    async def _upload(self, attachment: discord.Attachment, who: str) -> Answer:
        assert self.bot.ingest is not None
        limit = self.bot.ingest.limits.max_bytes
        try:
            upload_type(attachment.filename)
            if attachment.size > limit:
                raise IngestError(f"{attachment.filename} is {attachment.size:,} bytes, over the {limit:,}-byte limit")
            data = await attachment.read()
        except (IngestError, discord.HTTPException) as exc:
            return refused_answer(str(exc))
        job = asyncio.to_thread(add_upload, attachment.filename, data, ctx=self.bot.ingest, added_by=who)
        return await self._ingest(job, attachment.filename)

    async def _ingest(self, job, what: str) -> Answer:
        try:
            added: Ingested = await job
        except AlreadyIngested as exc:
            return refused_answer(str(exc), duplicate=True)
        except IngestError as exc:
            log.info("!add %s: %s", what, exc)
            return refused_answer(str(exc))
        log.info("!add %s: stored as %s", what, added.doc_id)
        try:
            engine = await self.bot.reloader.reload(f"!add {added.doc_id}")
        except Exception:
            engine = self.bot.engine
        return await self.bot.in_engine_thread(added_answer, engine, added.doc_id, added.title)


def _usage(prefix: str) -> Answer:
    return Answer(
        "add",
        "What should I add?",
        Status.USAGE,
        intro=f"`{prefix}add <url>`, or `{prefix}add` with .md, .txt, .html or .pdf files attached.",
    )


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(AddDocuments(bot))
