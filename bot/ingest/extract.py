"""Turn fetched or uploaded bytes into an :class:`Extracted` (title, paragraphs, date)."""

from __future__ import annotations

import logging
import re
from pathlib import PurePosixPath

from yarl import URL

from bot.ingest.errors import ExtractError
from bot.ingest.extract_html import extract_html
from bot.ingest.extract_pdf import extract_pdf
from bot.ingest.extracted import Extracted
from bot.ingest.fetch import FEED_TYPES, HTML_TYPES, PDF_TYPES, TEXT_TYPES
from bot.ingest.textutil import decode_text, join_paragraphs, paragraphs, squash_spaces, title_from_filename
from bot.knowledge.safe_yaml import UnsafeYaml, load_mapping

log = logging.getLogger(__name__)
# trafilatura's time grows faster than the page (measured: 1.9 MB 1.8 s, 4.7 MB 5.8 s, 9.4 MB 21.5 s); a real
# article's HTML is well under this.
MAX_HTML_BYTES = 2_000_000
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def extract(
    data: bytes,
    content_type: str,
    *,
    charset: str | None = None,
    url: str | None = None,
    filename: str | None = None,
) -> Extracted:
    """Dispatch on content type (e.g. from :class:`~bot.ingest.fetch.Fetched`); raise ExtractError, never
    anything else: a parser's crash on a hostile file (RecursionError, AssertionError, ...) names the file."""
    filename = filename or _filename_from_url(url)
    kind = content_type.split(";", 1)[0].strip().lower()
    name = url or filename or "the content"
    try:
        return _extract(data, kind, charset=charset, url=url, filename=filename)
    except ExtractError:
        raise
    except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything on malformed input
        log.warning("extracting %s (%s) failed", name, kind, exc_info=True)
        raise ExtractError(f"{name} could not be read as {kind} ({type(exc).__name__})") from None


def _extract(data: bytes, kind: str, *, charset: str | None, url: str | None, filename: str | None) -> Extracted:
    if kind in HTML_TYPES:
        if len(data) > MAX_HTML_BYTES:
            raise ExtractError(
                f"{url or filename} is {len(data) / 1e6:.1f} MB of HTML, over the {MAX_HTML_BYTES / 1e6:.0f} MB "
                "that is extracted; save the article as text or PDF and upload that"
            )
        return extract_html(data, charset=charset, url=url, filename=filename)
    if kind in PDF_TYPES:
        return extract_pdf(data, filename=filename, url=url)
    if kind in TEXT_TYPES:
        is_markdown = "markdown" in kind or (filename or "").lower().endswith((".md", ".markdown"))
        return extract_text(data, charset=charset, filename=filename, markdown=is_markdown)
    if kind in FEED_TYPES:
        name = url or filename
        raise ExtractError(f"{name} is a news feed, not an article; add it as a feed source instead")
    raise ExtractError(f"{url or filename} is {kind}, which cannot be turned into text")


def extract_text(
    data: bytes, *, charset: str | None = None, filename: str | None = None, markdown: bool = False
) -> Extracted:
    """Plain text or Markdown, kept as written (front matter dropped, paragraphs normalised)."""
    text = decode_text(data, charset, name=filename or "the text")
    title = ""
    if markdown:
        text, title = _split_front_matter(text)
        title = title or _first_heading(text)
    blocks = paragraphs(text)
    if not blocks:
        raise ExtractError(f"{filename or 'the text'} is empty")
    title = title or title_from_filename(filename) or squash_spaces(blocks[0])[:120]
    return Extracted(title, join_paragraphs(blocks))


def _split_front_matter(text: str) -> tuple[str, str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, ""
    try:
        meta = load_mapping(match.group(1))
    except UnsafeYaml:
        return text, ""
    title = meta.get("title")
    return text[match.end() :], squash_spaces(str(title)) if title else ""


def _first_heading(text: str) -> str:
    match = _ATX_HEADING.search(text)
    return squash_spaces(match.group(1)) if match else ""


def _filename_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        name = PurePosixPath(URL(url).path).name
    except ValueError:
        return None
    return name or None
