"""Text extraction from PDF with pypdf, re-flowing lines into paragraphs."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from bot.ingest.errors import ExtractError
from bot.ingest.extracted import Extracted
from bot.ingest.textutil import join_paragraphs, squash_spaces, title_from_filename

MAX_PAGES = 500
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)]$")


def extract_pdf(data: bytes, *, filename: str | None = None, url: str | None = None) -> Extracted:
    """Title (metadata, else first line, else file name), text and creation date of a PDF."""
    name = url or filename or "the PDF"
    reader = _open(data, name)
    try:
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise ExtractError(f"{name} could not be read as a PDF ({exc})") from None
    blocks = [block for page in pages for block in reflow(page.splitlines())]
    if not blocks:
        raise ExtractError(f"{name} has no extractable text (is it a scanned image?)")
    return Extracted(_title(reader, filename, blocks), join_paragraphs(blocks), _created(reader))


def _open(data: bytes, name: str) -> PdfReader:
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise ExtractError(f"{name} is not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractError(f"{name} is password-protected")
        return reader
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, NotImplementedError) as exc:
        raise ExtractError(f"{name} could not be read as a PDF ({exc})") from None


def reflow(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs: a paragraph ends at a blank line, or at a line that
    ends a sentence and is clearly shorter than the longest line."""
    width = max((len(line.strip()) for line in lines), default=0)
    blocks: list[str] = []
    current: list[str] = []
    for raw in lines:
        line = squash_spaces(raw)
        if line:
            current.append(line)
        if current and (not line or (_SENTENCE_END.search(line) and len(line) < 0.8 * width)):
            blocks.append(_join_lines(current))
            current = []
    if current:
        blocks.append(_join_lines(current))
    return blocks


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = _glue(text, line)
    return text


def _glue(text: str, line: str) -> str:
    """Append a wrapped line, undoing end-of-line hyphenation ("verifi-" + "cation")."""
    if re.search(r"[a-z]-$", text) and line[:1].islower():
        return text[:-1] + line
    return f"{text} {line}"


def _title(reader: PdfReader, filename: str | None, blocks: list[str]) -> str:
    meta = reader.metadata
    title = squash_spaces(str(meta.title or "")) if meta is not None else ""
    if title:
        return title
    return title_from_filename(filename) or blocks[0][:120]


def _created(reader: PdfReader) -> date | None:
    try:
        created = reader.metadata.creation_date if reader.metadata is not None else None
    except (ValueError, TypeError):
        return None
    return created.date() if created is not None else None
