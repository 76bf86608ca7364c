"""Commands that do I/O on the event loop rather than engine work: reload, add, the digest, sync."""

from __future__ import annotations

from bot.answers.model import Answer, Status
from bot.commands.add import add
from bot.commands.digest_actions import digest_now, digest_preview
from bot.commands.request import Invocation
from bot.engine import Engine

__all__ = ["add", "digest_now", "digest_preview", "reload", "reloaded", "sync"]


def reloaded(engine: Engine) -> Answer:
    stats = engine.stats
    return Answer(
        "reload",
        "Knowledge base reloaded",
        lines=[
            f"{stats.documents} documents, {stats.passages} passages in {stats.seconds:.1f} s",
            *(f"Skipped {path}: {reason}" for path, reason in stats.skipped[:10]),
        ],
    )


async def reload(inv: Invocation) -> Answer:
    try:
        engine = await inv.services.reload(f"!reload by {inv.request.caller.name}")
    except Exception as exc:  # the old index keeps serving (the reloader logged it)
        return Answer(
            "reload", "Reload failed; the current knowledge base is still in use", Status.ERROR, intro=str(exc)[:500]
        )
    return reloaded(engine)


async def sync(inv: Invocation) -> Answer:
    publish = inv.services.publish_commands
    if publish is None:
        return Answer("sync", "Nothing to sync here", Status.USAGE)
    return Answer("sync", f"Synced {await publish()} slash commands globally")
