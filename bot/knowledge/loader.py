"""Load a knowledge folder: every .md/.txt file becomes a Document; bad files are skipped and logged."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.frontmatter import FrontMatterError, split_front_matter
from bot.knowledge.model import Document
from bot.knowledge.parse import parse_body, txt_is_one_paragraph_per_line

log = logging.getLogger(__name__)

SUFFIXES = (".md", ".txt")


class DocumentError(ValueError):
    """A file that cannot become a document; the message says why in plain words."""


@dataclass
class LoadReport:
    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def knowledge_files(folder: Path) -> list[Path]:
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES]
    return sorted(p for p in files if not _ignored(p.relative_to(folder)) and _inside(folder, p))


def _inside(folder: Path, path: Path) -> bool:
    """False for a symlink (or a file in a linked folder) that leads outside the knowledge folder."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (OSError, ValueError):
        log.warning("ignored %s: it links to a file outside %s", path, folder)
        return False
    return True


def _ignored(rel: Path) -> bool:
    return any(part.startswith((".", "_")) for part in rel.parts) or rel.name.upper().startswith("README")


def decode(data: bytes) -> str:
    if b"\x00" in data:
        raise DocumentError("binary file (contains NUL bytes); only UTF-8 text is read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8"
        ) from exc


def parse_document(doc_id: str, path: str, text: str, boilerplate: Boilerplate) -> Document:
    try:
        meta, body_start = split_front_matter(text)
    except FrontMatterError as exc:
        raise DocumentError(str(exc)) from exc
    one_per_line = path.lower().endswith(".txt") and txt_is_one_paragraph_per_line(text, body_start)
    paragraphs, sentences = parse_body(text, body_start, boilerplate, one_per_line)
    if not sentences:
        raise DocumentError("empty: no text to index after front matter and boilerplate")
    doc = Document(
        id=doc_id,
        path=path,
        source=text,
        title=_text_field(meta, "title") or _title_from_id(doc_id),
        date=_date_field(meta),
        url=_text_field(meta, "url"),
        tags=[str(t) for t in meta.get("tags") or []] if isinstance(meta.get("tags"), list) else [],
        meta=meta,
        paragraphs=paragraphs,
        sentences=sentences,
    )
    return doc


def load_file(folder: Path, path: Path, boilerplate: Boilerplate) -> Document:
    rel = path.relative_to(folder)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"unreadable: {exc.strerror or exc}") from exc
    return parse_document(rel.with_suffix("").as_posix(), rel.as_posix(), decode(data), boilerplate)


def load_folder(folder: Path, boilerplate: Boilerplate) -> LoadReport:
    report = LoadReport()
    for path in knowledge_files(folder):
        try:
            report.documents.append(load_file(folder, path, boilerplate))
        except DocumentError as exc:
            report.skipped.append((str(path), str(exc)))
            log.warning("skipped %s: %s", path, exc)
    return report


def _text_field(meta: dict[str, object], key: str) -> str | None:
    value = meta.get(key)
    return str(value).strip() or None if value is not None else None


def _date_field(meta: dict[str, object]) -> str | None:
    value = meta.get("date")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return _text_field(meta, "date")


def _title_from_id(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").strip().capitalize()
