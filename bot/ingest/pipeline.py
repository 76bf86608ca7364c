"""The last step shared by URLs, uploads and feeds: de-duplicate, write the document, record it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from yarl import URL

from bot.ingest.context import IngestContext
from bot.ingest.dedupe import canonical_url, content_hash
from bot.ingest.errors import AlreadyIngested
from bot.ingest.extracted import Extracted
from bot.ingest.state import Item, ItemStatus, StateStore
from bot.ingest.store import NewDocument, render, write_document
from bot.state.documents_repo import StoredDocument


@dataclass(frozen=True)
class Ingested:
    """A document that was added to the knowledge base."""

    doc_id: str
    title: str
    url: str
    origin: str


@dataclass(frozen=True)
class Candidate:
    """Extracted content plus where it came from, ready to be saved."""

    extracted: Extracted
    url: str
    origin: str
    added_by: str
    fetched: datetime
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    feed: str = ""
    guid: str | None = None
    published: datetime | None = None
    title: str | None = None
    filename: str = ""  # an upload's file name: its source when it declares no URL


def document_url(extracted: Extracted, final_url: str) -> str:
    """The page's declared canonical URL when it is on the same host as ``final_url``, else ``final_url``."""
    declared = extracted.canonical_url
    try:
        same_host = bool(declared) and URL(declared).host == URL(final_url).host
    except ValueError:
        same_host = False
    return canonical_url(declared if same_host and declared else final_url)


def save(ctx: IngestContext, candidate: Candidate) -> Ingested:
    """Blocking: write and record ``candidate``; raise AlreadyIngested for a known URL or text."""
    store = ctx.state.store
    chash = content_hash(candidate.extracted.text)
    with ctx.write_lock:
        existing = _existing(store, candidate, chash)
        if existing is not None:
            _record(store, candidate, chash, existing, ItemStatus.DUPLICATE)
            raise AlreadyIngested(existing)
        doc = _document(candidate, chash)
        doc_id = write_document(ctx.knowledge_dir, doc)
        store.keep_document(_stored(candidate, doc, doc_id))
        _record(store, candidate, chash, doc_id, ItemStatus.INGESTED)
    return Ingested(doc_id, doc.title, doc.url, doc.origin)


def _stored(candidate: Candidate, doc: NewDocument, doc_id: str) -> StoredDocument:
    """What the database keeps so the knowledge folder can be rebuilt: the file's bytes, source, metadata."""
    metadata = {"title": doc.title, "url": doc.url, "date": doc.date.isoformat(), "added_by": doc.added_by,
                "origin": doc.origin, "tags": list(doc.tags), "fetched": doc.fetched.isoformat()}  # fmt: skip
    source = candidate.url or candidate.filename or candidate.origin
    return StoredDocument(f"{doc_id}.md", doc_id, source, render(doc).encode("utf-8"), doc.content_hash, metadata)


def _existing(store: StateStore, candidate: Candidate, chash: str) -> str | None:
    for url in dict.fromkeys([candidate.url, *candidate.aliases]):
        found = store.find_duplicate(url=url) if url else None
        if found is not None and found.doc_id:
            return found.doc_id
    found = store.find_duplicate(content_hash=chash)
    return found.doc_id if found is not None else None


def _record(store: StateStore, candidate: Candidate, chash: str, doc_id: str, status: ItemStatus) -> None:
    if status is ItemStatus.DUPLICATE and not candidate.guid:
        return
    item = Item(status, candidate.feed, candidate.guid, candidate.url, chash, doc_id, candidate.published)
    store.record(item, candidate.aliases)


def _document(candidate: Candidate, chash: str) -> NewDocument:
    extracted = candidate.extracted
    published = extracted.published or (candidate.published.date() if candidate.published else None)
    return NewDocument(
        title=candidate.title or extracted.title,
        text=extracted.text,
        url=candidate.url,
        date=published or candidate.fetched.date(),
        fetched=candidate.fetched,
        added_by=candidate.added_by,
        origin=candidate.origin,
        content_hash=chash,
        tags=candidate.tags,
    )
