"""!sources [filter]: the documents in the knowledge base, newest first."""

from __future__ import annotations

from bot.answers.model import Answer, Status
from bot.commands.context import Context
from bot.commands.text_input import echo, plural
from bot.knowledge.model import Document
from bot.search.analyzer import normalise

MAX_LINES = 20


def describe(doc: Document) -> str:
    date = doc.date or "undated"
    origin = doc.meta.get("origin")
    origin_text = f" · {origin}" if isinstance(origin, str) and len(origin) <= 40 else ""
    return f"`{doc.id}` — {doc.title} ({date}) · {len(doc.paragraphs)} ¶, {len(doc.sentences)} sentences{origin_text}"


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
