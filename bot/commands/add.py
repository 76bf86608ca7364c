"""!add <url>, !add with attached files (Discord) or !add <file path> (the local chat): through bot.ingest —
its SSRF guard for URLs, its type and size checks for files — then a reload and a cited preview."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answers.model import Answer, Status
from bot.commands.added import added_answer, refused_answer
from bot.commands.registry import Frontend
from bot.commands.request import Invocation, Upload
from bot.commands.services import Services
from bot.commands.text_input import echo

if TYPE_CHECKING:
    from bot.ingest import IngestContext

log = logging.getLogger(__name__)
MAX_FILES = 5


def local_file(text: str) -> Upload | Answer:
    """A file named in the local chat (whose user owns the machine; Discord never reads local paths)."""
    path = Path(text).expanduser()
    if not path.is_file():
        return refused_answer(f"There is no file at {echo(str(path), 200)}.")
    return Upload(path.name, path.stat().st_size, lambda: asyncio.to_thread(path.read_bytes))


async def add(inv: Invocation) -> Answer | list[Answer]:
    target = inv.text.strip().removeprefix("<").removesuffix(">")
    uploads = list(inv.request.uploads)
    prefix = inv.services.config.settings.prefix
    if not uploads and not target:
        return _usage(prefix, inv.request.frontend)
    if not uploads and "://" not in target:
        if inv.request.frontend is not Frontend.CHAT:
            return refused_answer(f"“{echo(target, 80)}” is not a web address: give one (https://…) or attach a file.")
        found = local_file(target)
        if isinstance(found, Answer):
            return found
        uploads = [found]
    ingest = await inv.services.ingest()
    if ingest is None:
        return refused_answer("Adding documents is off: the bot has no knowledge folder.")
    who = inv.request.caller.name
    if uploads:
        return [await _upload(inv.services, ingest, u, who) for u in uploads[:MAX_FILES]]
    from bot.ingest import add_url

    return await _finish(inv.services, add_url(target, ctx=ingest, added_by=who), target)


async def _upload(services: Services, ingest: IngestContext, upload: Upload, who: str) -> Answer:
    from bot.ingest import IngestError, add_upload
    from bot.ingest.ingest import upload_type

    limit = ingest.limits.max_bytes
    try:
        upload_type(upload.filename)
        if upload.size > limit:
            raise IngestError(f"{upload.filename} is {upload.size:,} bytes, over the {limit:,}-byte limit")
        data = await upload.read()
    except (IngestError, OSError) as exc:
        return refused_answer(str(exc))
    except Exception as exc:  # the front end could not fetch the attachment
        return refused_answer(f"Could not read {upload.filename}: {exc}")
    job = asyncio.to_thread(add_upload, upload.filename, data, ctx=ingest, added_by=who)
    return await _finish(services, job, upload.filename)


async def _finish(services: Services, job: Awaitable, what: str) -> Answer:
    from bot.ingest import AlreadyIngested, IngestError

    try:
        added = await job
    except AlreadyIngested as exc:
        return refused_answer(str(exc), duplicate=True)
    except IngestError as exc:
        log.info("!add %s: %s", what, exc)
        return refused_answer(str(exc))
    log.info("!add %s: stored as %s", what, added.doc_id)
    try:
        engine = await services.reload(f"!add {added.doc_id}")
    except Exception:  # stored; the reloader logged why the index could not be rebuilt
        engine = services.engine
    return await services.call(added_answer, engine, added.doc_id, added.title)


def _usage(prefix: str, frontend: Frontend) -> Answer:
    what = (
        "`{p}add <file path>`" if frontend is Frontend.CHAT else "`{p}add` with .md, .txt, .html or .pdf files attached"
    )
    intro = f"`{prefix}add <url>`, or {what.format(p=prefix)}."
    return Answer("add", "What should I add?", Status.USAGE, intro=intro)
