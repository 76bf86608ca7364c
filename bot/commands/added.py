"""The reply to a successful !add: the new document's id, title, date, origin and its first sentences, cited."""

from __future__ import annotations

from bot.answers.citations import excerpt
from bot.answers.links import safe_url
from bot.answers.model import Answer, Section, Status
from bot.engine import Engine
from bot.knowledge.base import Passage

PREVIEW_SENTENCES = 2


def added_answer(engine: Engine, doc_id: str, title: str) -> Answer:
    doc = engine.kb.by_id.get(doc_id)
    if doc is None:  # stored, but the index could not read it back
        return Answer(
            "add",
            f"Stored {title}",
            Status.ERROR,
            intro=f"Saved as {doc_id}, but it is not in the index; an admin can check it with `!reload`.",
        )
    origin = doc.meta.get("origin") or "file"
    by = doc.meta.get("added_by")
    intro = f"Added as {doc.id} · {doc.date or 'undated'} · {origin}" + (f" · added by {by}" if by else "")
    preview = [excerpt(Passage(doc, s)) for s in doc.sentences[:PREVIEW_SENTENCES]]
    return Answer(
        "add",
        f"Added: {doc.title}",
        intro=intro,
        sections=[Section("Preview", preview)],
        lines=[f"Source: <{url}>"] if (url := safe_url(doc.url)) else [],
        data={"document": doc.id},
    )


def refused_answer(message: str, *, duplicate: bool = False) -> Answer:
    title = "Already in the knowledge base" if duplicate else "Not added"
    return Answer("add", title, Status.EMPTY if duplicate else Status.ERROR, intro=message)
