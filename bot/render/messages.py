"""Answers → messages: each message at most 10 embeds and 6000 characters in all (Discord's limits)."""

from __future__ import annotations

from bot.answers.model import Answer
from bot.render import limits
from bot.render.embeds import Page, render_pages


def message_batches(answers: list[Answer]) -> list[list[Page]]:
    batches: list[list[Page]] = [[]]
    for page in (p for a in answers for p in render_pages(a)):
        batch = batches[-1]
        full = (
            len(batch) == limits.EMBEDS_PER_MESSAGE or sum(p.total() for p in batch) + page.total() > limits.EMBED_TOTAL
        )
        if batch and full:
            batches.append([])
        batches[-1].append(page)
    return [b for b in batches if b]
