"""Read every knowledge file once: its text (for the documents) and its cache key (from its bytes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.cache.keys import digest, file_key
from bot.knowledge.loader import DocumentError, decode, knowledge_files


@dataclass(frozen=True)
class SourceFile:
    rel: str  # path relative to the knowledge folder, posix
    doc_id: str
    key: str
    text: str | None  # None when the file cannot be read or decoded
    error: str | None = None


def read_source(folder: Path, path: Path, parse_key: str) -> SourceFile:
    rel = path.relative_to(folder)
    rel_text, doc_id = rel.as_posix(), rel.with_suffix("").as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        error = f"unreadable: {exc.strerror or exc}"
        return SourceFile(rel_text, doc_id, digest("unreadable", rel_text, error), None, error)
    key = file_key(parse_key, rel_text, data)
    try:
        return SourceFile(rel_text, doc_id, key, decode(data))
    except DocumentError as exc:
        return SourceFile(rel_text, doc_id, key, None, str(exc))


def read_sources(folder: Path, parse_key: str) -> list[SourceFile]:
    return [read_source(folder, path, parse_key) for path in knowledge_files(folder)]
