"""Builders for test content: article pages, feeds and PDFs (no network involved)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

BOILERPLATE = (
    "We use cookies to improve your experience",
    "Accept all cookies",
    "Home About Contact Subscribe",
    "Copyright 2024 Example Media",
    "Sign up for our newsletter",
)


def article_html(title: str, paragraphs: list[str], *, published: str | None = None) -> str:
    """A realistic article page: cookie banner, nav, article, related links, newsletter, footer."""
    date_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | Example Media</title>{date_meta}</head><body>
<div class="cookie-banner"><p>{BOILERPLATE[0]}. <button>{BOILERPLATE[1]}</button></p></div>
<nav class="menu"><a href="/">Home</a> <a href="/about">About</a> <a href="/contact">Contact</a>
<a href="/subscribe">Subscribe</a></nav>
<main><article><h1>{escape(title)}</h1>{body}</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/x">Other story about something else</a></li>
<li><a href="/y">Yet another story</a></li></ul></aside></main>
<section class="newsletter"><p>{BOILERPLATE[4]} and get updates every morning.</p></section>
<footer><p>{BOILERPLATE[3]}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def story_paragraphs(slug: str) -> list[str]:
    """Distinct article text for a story slug (so content hashes differ)."""
    return [
        f"This is the opening paragraph of the {slug} story, which reports on a development that "
        "analysts say could reshape regional security arrangements over the coming decade.",
        f"Officials involved in the {slug} matter declined to comment on the record, but two people "
        "familiar with the discussions said further meetings were planned for next month.",
        f"Observers noted that the {slug} case follows a series of similar incidents, and that "
        "governments have so far struggled to agree on a common response.",
    ]


@dataclass
class FeedItem:
    guid: str
    title: str
    summary: str
    link: str
    age_hours: float | None

    def published(self, now: datetime) -> datetime | None:
        return None if self.age_hours is None else now - timedelta(hours=self.age_hours)


def rss(items: list[FeedItem], *, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    parts = []
    for item in items:
        when = item.published(now)
        date = f"<pubDate>{format_datetime(when)}</pubDate>" if when else ""
        parts.append(
            f"<item><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
            f'<guid isPermaLink="false">{escape(item.guid)}</guid>{date}'
            f"<description>{escape(item.summary)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test RSS</title>'
        f"<link>http://example.invalid/</link><description>test</description>{''.join(parts)}</channel></rss>"
    )


def atom(items: list[FeedItem], *, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    parts = []
    for item in items:
        when = item.published(now)
        stamp = when.isoformat() if when else ""
        date = f"<updated>{stamp}</updated><published>{stamp}</published>" if when else ""
        parts.append(
            f'<entry><title>{escape(item.title)}</title><link href="{escape(item.link)}"/>'
            f"<id>{escape(item.guid)}</id>{date}"
            f'<content type="html">{escape(item.summary)}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Test Atom</title><id>urn:test:atom</id><updated>{now.isoformat()}</updated>"
        f"{''.join(parts)}</feed>"
    )


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(paragraphs: list[list[str]], *, title: str | None = None) -> bytes:
    """A real one-page PDF (Helvetica text, one line per entry, blank line between paragraphs)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
    for paragraph in paragraphs:
        ops += [f"({_pdf_escape(line)}) Tj T*" for line in paragraph] + ["T*"]
    stream = DecodedStreamObject()
    stream.set_data("\n".join([*ops, "ET"]).encode("latin-1"))
    page.replace_contents(stream)
    if title:
        writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF_PARAGRAPHS = [
    [
        "The verification regime relies on data exchanges and on-site",
        "inspections carried out by trained teams from both parties to the",
        "agreement.",
    ],
    [
        "A second paragraph explains the advance notification of missile",
        "tests, which reduces the risk of misunderstanding in a crisis.",
    ],
]
