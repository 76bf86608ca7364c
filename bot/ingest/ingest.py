"""High-level entry points: add a URL, add an uploaded file.

Both return :class:`Ingested` or raise :class:`IngestError` (whose text is fit for the user);
duplicates raise :class:`AlreadyIngested` ("already in the knowledge base as <id>").
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import PurePath

from bot.ingest.bounded import extract_within
from bot.ingest.context import IngestContext
from bot.ingest.errors import AlreadyIngested, IngestError, UnsupportedUpload
from bot.ingest.fetch import FEED_TYPES, fetch
from bot.ingest.pipeline import Candidate, Ingested, document_url, save

UPLOAD_TYPES = {
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
}


async def add_url(url: str, *, ctx: IngestContext, added_by: str, tags: Sequence[str] = ()) -> Ingested:
    """Fetch ``url`` safely, extract its text and store it as a new document."""
    known = await ctx.state.find_duplicate(url=url)
    if known is not None and known.doc_id:
        raise AlreadyIngested(known.doc_id)
    limits = ctx.limits
    fetched = await fetch(ctx.session, url, limits=limits, allow=ctx.allow, resolve=ctx.resolve)
    if fetched.content_type in FEED_TYPES:
        raise IngestError(f"{url} is a news feed, not an article; add it as a feed source instead")
    extracted = await asyncio.to_thread(
        extract_within, fetched.data, fetched.content_type, charset=fetched.charset, url=fetched.url
    )
    candidate = Candidate(
        extracted,
        url=document_url(extracted, fetched.url),
        origin="url",
        added_by=added_by,
        fetched=ctx.clock(),
        tags=tuple(tags),
        aliases=(url, fetched.url),
    )
    return await asyncio.to_thread(save, ctx, candidate)


def upload_type(filename: str) -> str:
    """The content type for an upload's file name; UnsupportedUpload for anything else."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        kinds = ", ".join(sorted({".md", ".txt", ".html", ".pdf"}))
        raise UnsupportedUpload(f"cannot add {filename}: only {kinds} files are supported")
    return UPLOAD_TYPES[suffix]


def add_upload(filename: str, data: bytes, *, ctx: IngestContext, added_by: str, tags: Sequence[str] = ()) -> Ingested:
    """Blocking (call via ``asyncio.to_thread`` from the event loop): store an uploaded file."""
    content_type = upload_type(filename)
    if len(data) > ctx.limits.max_bytes:
        raise IngestError(f"{filename} is {len(data):,} bytes, over the {ctx.limits.max_bytes:,}-byte limit")
    extracted = extract_within(data, content_type, filename=filename)
    declared = extracted.canonical_url or ""
    candidate = Candidate(
        extracted,
        url=document_url(extracted, declared) if declared.startswith(("http://", "https://")) else "",
        origin="upload",
        added_by=added_by,
        fetched=ctx.clock(),
        tags=tuple(tags),
        filename=filename,
    )
    return save(ctx, candidate)
