"""Poll RSS/Atom feeds: parse, keyword-filter, de-duplicate, fetch each new article, store it.

First poll of a never-seen feed: every current entry is recorded as seen, but only entries published
within ``ctx.new_if_newer_than_hours`` (and matching the keywords) are ingested and returned; older
or undated entries are recorded with status ``baseline`` and never ingested, so the first digest is
not flooded with the feed's back catalogue. On later polls every unseen entry is new, whatever its date.
Entries that do not match the keywords are recorded as ``filtered`` (not re-examined if keywords change).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from time import struct_time
from urllib.parse import urljoin

import feedparser

from bot.config.sources import FeedSource
from bot.ingest.bounded import extract_within
from bot.ingest.context import IngestContext
from bot.ingest.dedupe import canonical_url, content_hash
from bot.ingest.errors import AlreadyIngested, IngestError
from bot.ingest.extract_html import fragment_text
from bot.ingest.extracted import Extracted
from bot.ingest.fetch import fetch
from bot.ingest.pipeline import Candidate, Ingested, document_url, save
from bot.ingest.state import Item, ItemStatus

log = logging.getLogger(__name__)
FEED_ADDED_BY = "policybot"


@dataclass(frozen=True)
class FeedEntry:
    """The parts of a feed entry we use."""

    guid: str
    url: str
    title: str
    summary: str
    published: datetime | None


def parse_feed(data: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom document, oldest first (undated last); IngestError if it is not a feed."""
    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    if not parsed.entries and not parsed.get("version"):
        raise IngestError(f"{base_url} is not a valid RSS or Atom feed")
    entries = [_entry(raw, base_url) for raw in parsed.entries]
    return sorted(entries, key=_age_key)


def _age_key(entry: FeedEntry) -> tuple[bool, datetime]:
    return entry.published is None, entry.published or datetime.min.replace(tzinfo=UTC)


def _entry(raw: feedparser.FeedParserDict, base_url: str) -> FeedEntry:
    link = urljoin(base_url, raw.get("link") or "") if raw.get("link") else ""
    title = fragment_text(raw.get("title") or "").replace("\n\n", " ")
    contents = raw.get("content") or []
    body = contents[0].get("value", "") if contents else raw.get("summary") or ""
    summary = fragment_text(body)
    guid = raw.get("id") or link or content_hash(title + summary)[:32]
    published = _when(raw.get("published_parsed") or raw.get("updated_parsed"))
    return FeedEntry(guid, link, title, summary, published)


def _when(parsed: struct_time | None) -> datetime | None:
    return datetime(*parsed[:6], tzinfo=UTC) if parsed else None


def matched_keywords(entry: FeedEntry, keywords: Sequence[str]) -> list[str]:
    """The keywords found (case-insensitive substring) in the entry's title and summary."""
    haystack = f"{entry.title}\n{entry.summary}".casefold()
    return [k for k in keywords if k.strip() and k.strip().casefold() in haystack]


async def poll_due(sources: Sequence[FeedSource], *, ctx: IngestContext) -> list[Ingested]:
    """Poll every feed whose ``every_minutes`` have passed; a failing feed is logged and skipped."""
    found: list[Ingested] = []
    for source in sources:
        last = await ctx.state.last_polled(source.name)
        if last is not None and ctx.clock() - last < timedelta(minutes=source.every_minutes):
            continue
        try:
            found += await poll_feed(source, ctx=ctx)
        except IngestError as exc:
            log.warning("feed %s: poll failed: %s", source.name, exc)
    return found


async def poll_feed(source: FeedSource, *, ctx: IngestContext) -> list[Ingested]:
    """Poll one feed now; return the documents it added. Raises IngestError if the feed itself fails."""
    now = ctx.clock()
    first_run = not await ctx.state.feed_known(source.name)
    fetched = await fetch(ctx.session, source.url, limits=ctx.limits, allow=ctx.allow, resolve=ctx.resolve)
    entries = parse_feed(fetched.data, fetched.url)
    cutoff = now - timedelta(hours=ctx.new_if_newer_than_hours) if first_run else None
    added = [doc for entry in entries if (doc := await _handle(entry, source, ctx, cutoff)) is not None]
    await ctx.state.mark_feed_polled(source.name, source.url, now)
    log.info("feed %s: %d entries, %d new documents", source.name, len(entries), len(added))
    return added


async def _handle(entry: FeedEntry, source: FeedSource, ctx: IngestContext, cutoff: datetime | None) -> Ingested | None:
    if await ctx.state.is_duplicate(feed=source.name, guid=entry.guid, url=entry.url or None):
        return None
    if cutoff is not None and (entry.published is None or entry.published < cutoff):
        await _note(ctx, source, entry, ItemStatus.BASELINE)
        return None
    tags = matched_keywords(entry, source.keywords)
    if source.keywords and not tags:
        await _note(ctx, source, entry, ItemStatus.FILTERED)
        return None
    return await _ingest(entry, source, ctx, tags)


async def _note(ctx: IngestContext, source: FeedSource, entry: FeedEntry, status: ItemStatus) -> None:
    await ctx.state.record(Item(status, source.name, entry.guid, entry.url, published=entry.published))


async def _ingest(entry: FeedEntry, source: FeedSource, ctx: IngestContext, tags: list[str]) -> Ingested | None:
    page = await _page(entry, source, ctx)
    extracted, final_url = page if page else (_from_summary(entry), entry.url)
    if extracted is None:
        log.warning("feed %s: no text for %s; skipped", source.name, entry.url or entry.guid)
        await _note(ctx, source, entry, ItemStatus.FAILED)
        return None
    candidate = Candidate(
        extracted,
        url=document_url(extracted, final_url) if page else canonical_url(entry.url),
        origin=f"feed:{source.name}",
        added_by=FEED_ADDED_BY,
        fetched=ctx.clock(),
        tags=tuple(k.strip().lower() for k in tags),
        aliases=tuple(u for u in (entry.url, final_url) if u),
        feed=source.name,
        guid=entry.guid,
        published=entry.published,
        title=entry.title or None,
    )
    try:
        return await asyncio.to_thread(save, ctx, candidate)
    except AlreadyIngested as exc:
        log.info("feed %s: %s is %s", source.name, entry.url or entry.guid, exc)
        return None


async def _page(entry: FeedEntry, source: FeedSource, ctx: IngestContext) -> tuple[Extracted, str] | None:
    """The linked article, or None (logged) when it cannot be fetched or read."""
    if not entry.url:
        return None
    try:
        fetched = await fetch(ctx.session, entry.url, limits=ctx.limits, allow=ctx.allow, resolve=ctx.resolve)
        extracted = await asyncio.to_thread(
            extract_within, fetched.data, fetched.content_type, charset=fetched.charset, url=fetched.url
        )
    except IngestError as exc:
        log.warning("feed %s: using the feed's own text for %s (%s)", source.name, entry.url, exc)
        return None
    return extracted, fetched.url


def _from_summary(entry: FeedEntry) -> Extracted | None:
    if not entry.summary.strip():
        return None
    published = entry.published.date() if entry.published else None
    return Extracted(entry.title or entry.url or "Untitled feed entry", entry.summary, published)
