"""Plain-text rendering for the terminal and the `text` field of --json."""

from __future__ import annotations

from bot.answers.model import Answer, Excerpt


def citation_text(ex: Excerpt) -> str:
    c = ex.citation
    where = f"{c.title} ({c.document}), ¶{c.paragraph}, {c.sentences}"
    if c.date:
        where += f", {c.date}"
    return where + (f" · {c.quote_url}" if c.quote_url else "")


def render_text(answer: Answer) -> str:
    out = [answer.title]
    if answer.intro:
        out.append(answer.intro)
    number = 0
    for section in answer.sections:
        if section.heading:
            out.append(f"\n## {section.heading}")
        for ex in section.excerpts:
            number += 1
            out.append(f"{number}. “{ex.display}”\n   — {citation_text(ex)}")
        if section.note:
            out.append(f"   {section.note}")
    if answer.lines:
        out.append("")
        out.extend(answer.lines)
    if answer.notes:
        out.append("")
        out.extend(answer.notes)
    return "\n".join(out)
