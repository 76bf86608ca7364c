"""!sources [filter]: the documents in the knowledge base, newest first."""

from __future__ import annotations

import datetime as dt

from bot.answers.model import Answer, Status
from bot.commands.context import Context
from bot.commands.text_input import echo, plural
from bot.knowledge.model import Document
from bot.search.analyzer import normalise

MAX_LINES = 20
INGEST_ORIGINS = {"url", "upload"}


def describe(doc: Document) -> str:
    date = doc.date or "undated"
    counts = f"{len(doc.paragraphs)} ¶, {len(doc.sentences)} sentences"
    return f"`{doc.id}` — {doc.title} ({date}) · {counts}{provenance(doc)}"


def provenance(doc: Document) -> str:
    """Where an ingested document came from: " · feed:reuters · added by alice on 2024-03-15" (or "")."""
    origin = _origin(doc.meta.get("origin"))
    added_by = _short(doc.meta.get("added_by"))
    fetched = doc.meta.get("fetched")
    when = fetched.isoformat()[:10] if isinstance(fetched, dt.date) else _short(fetched)[:10]
    parts = [origin] * bool(origin)
    if added_by:
        parts.append(f"added by {added_by}" + (f" on {when}" if when else ""))
    return "".join(f" · {p}" for p in parts)


def _origin(value: object) -> str:
    """Ingest origins (url, upload, feed:<name>) always; a hand-written one only when short (not prose)."""
    text = _short(value, 60)
    return text if text in INGEST_ORIGINS or text.startswith("feed:") or len(text) <= 40 else ""


def _short(value: object, limit: int = 40) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sources(ctx: Context, argument: str) -> Answer:
    docs = sorted(ctx.engine.kb.documents, key=lambda d: (d.date or "", d.id), reverse=True)
    wanted = normalise(argument)
    if wanted:
        docs = [d for d in docs if wanted in normalise(f"{d.id} {d.title} {' '.join(d.tags)}")]
    total = len(ctx.engine.kb.documents)
    if not total:
        return Answer(
            "sources",
            "The knowledge base is empty",
            Status.EMPTY,
            notes=["Add .md or .txt files to the knowledge folder (see README: Adding documents)."],
        )
    if not docs:
        return Answer(
            "sources",
            f"No document matches “{echo(argument)}”",
            Status.EMPTY,
            notes=[f"{total} documents in all; `{ctx.prefix}sources` lists them."],
        )
    notes = [f"…and {len(docs) - MAX_LINES} more; narrow it with `{ctx.prefix}sources <word>`."] * (
        len(docs) > MAX_LINES
    )
    everything = plural(total, "document")
    title = f"{len(docs)} of {everything}" if wanted else f"{everything} in the knowledge base"
    return Answer(
        "sources",
        title,
        lines=[describe(d) for d in docs[:MAX_LINES]],
        notes=notes,
        data={"documents": [d.id for d in docs]},
    )
