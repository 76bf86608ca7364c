"""The stable JSON form of an answer (`chat --json`), used by scripts and the evaluation."""

from __future__ import annotations

from bot.answers.model import Answer, Excerpt
from bot.render.text import render_text


def excerpt_json(ex: Excerpt) -> dict[str, object]:
    c = ex.citation
    return {
        "text": ex.text,
        "document": c.document,
        "title": c.title,
        "paragraph": c.paragraph,
        "sentence": c.sentence,
        "from_sentence": c.from_sentence,
        "url": c.url,
        "score": ex.score,
        "start": c.start,
        "end": c.end,
        "date": c.date,
        "quote_url": c.quote_url,
        "paragraph_text": ex.paragraph_text,
    }


def answer_json(answer: Answer) -> dict[str, object]:
    return {
        "command": answer.command,
        "status": answer.status.value,
        "title": answer.title,
        "text": render_text(answer),
        "excerpts": [excerpt_json(e) for e in answer.excerpts],
        "sections": [
            {"heading": s.heading, "note": s.note, "excerpts": [excerpt_json(e) for e in s.excerpts]}
            for s in answer.sections
        ],
        "lines": answer.lines,
        "notes": answer.notes,
        "data": answer.data,
    }
