"""An Answer as Discord embed pages, within every Discord limit by construction.

Each page is one embed: title ≤ 256, description ≤ DESCRIPTION_BUDGET (< 4096), footer ≤ 200 — so a page
is always under the 6000-character message total. Excerpt text is escaped so a document's own asterisks
or underscores cannot change formatting; links are plain Markdown links to the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers.links import safe_url
from bot.answers.model import Answer, Excerpt, Status
from bot.render import limits

DESCRIPTION_BUDGET = 3900
FOOTER_BUDGET = 200
EXCERPT_BUDGET = 1800  # one excerpt longer than this is shortened with an ellipsis
COLOURS = {Status.OK: 0x2B6CB0, Status.EMPTY: 0x718096, Status.USAGE: 0xD69E2E, Status.ERROR: 0xC53030}
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_LINE_SPANS = re.compile(r"`[^`\n]+`|<#\d+>|<https?://[^\s<>]+>|https?://\S+")
_MARKDOWN = str.maketrans({c: f"\\{c}" for c in "\\*_~`|>#[]()<"})


@dataclass(frozen=True)
class Page:
    title: str
    description: str
    footer: str
    colour: int

    def total(self) -> int:
        return len(self.title) + len(self.description) + len(self.footer)


def escape(text: str) -> str:
    return text.translate(_MARKDOWN).replace("@", "@\u200b")


def escape_prose(text: str) -> str:
    """Like `escape`, but an inline code span the engine wrote (`!help`) stays code.

    Echoed user input never contains a backtick (`echo` strips them), so it cannot open or close a span.
    """
    out, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        out += [escape(text[last : span.start()]), span.group()]
        last = span.end()
    return "".join([*out, escape(text[last:])])


def escape_line(text: str) -> str:
    """A list line (`!sources`, `!cite`'s quote lines): document text in it is escaped; the engine's code
    spans, channel links (they ping nobody), its leading "> " and its links stay, each link made safe
    (`safe_url`) or else escaped as text."""
    lead = "> " if text.startswith("> ") else ""
    text = text[len(lead) :]
    out, last = [lead], 0
    for span in _LINE_SPANS.finditer(text):
        out.append(escape(text[last : span.start()]))
        out.append(_span(span.group()))
        last = span.end()
    return "".join([*out, escape(text[last:])])


def _span(span: str) -> str:
    if span.startswith(("`", "<#")):
        return span
    url = safe_url(span.strip("<>"))
    if url is None:
        return escape(span)
    return f"<{url}>" if span.startswith("<") else url


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def excerpt_block(number: int, ex: Excerpt) -> str:
    c = ex.citation
    where = escape(f"{c.title}, ¶{c.paragraph}, {c.sentences}") + (f" · {c.date}" if c.date else "")
    link = safe_url(c.quote_url)
    if link and len(link) <= 1000:
        where = f"[{where}]({link})"
    quote = escape(clip(ex.display, EXCERPT_BUDGET))
    return f"**{number}.** “{quote}”\n— {where}"


def blocks(answer: Answer) -> list[str]:
    out = [escape_prose(clip(answer.intro, 1000))] if answer.intro else []
    number = 0
    for section in answer.sections:
        if section.heading:
            out.append(f"__**{escape(clip(section.heading, 200))}**__")
        for ex in section.excerpts:
            number += 1
            out.append(excerpt_block(number, ex))
        if section.note:
            out.append(f"*{escape(clip(section.note, 500))}*")
    out.extend(clip(escape_line(line), 1500) for line in answer.lines)
    out.extend(f"-# {clip(note, 500)}" for note in answer.notes)
    return out


def render_pages(answer: Answer) -> list[Page]:
    """Group blocks into pages; a block never straddles two pages."""
    title = clip(escape(answer.title), limits.EMBED_TITLE)
    colour = COLOURS[answer.status]
    pages: list[list[str]] = [[]]
    for block in blocks(answer):
        block = clip(block, DESCRIPTION_BUDGET)
        if pages[-1] and len("\n\n".join([*pages[-1], block])) > DESCRIPTION_BUDGET:
            pages.append([])
        pages[-1].append(block)
    count = len(pages)
    return [
        Page(title, "\n\n".join(p), clip(f"Page {i} of {count}" if count > 1 else "", FOOTER_BUDGET), colour)
        for i, p in enumerate(pages, 1)
    ]
