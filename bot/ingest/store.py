"""Write documents into the knowledge folder as Markdown with YAML front matter.

File layout::

    ---
    title: ...
    url: ...
    date: 2024-03-14
    fetched: 2024-03-15T09:00:00+00:00
    added_by: ...
    origin: url
    tags: []
    content_hash: <sha256>
    ---

    First paragraph...

Writes are atomic (temporary file in the same folder, then a hard link that fails if the name is
taken) and never replace an existing file: a name that is taken by a different document gets a
numeric suffix; a name taken by the same text (same content_hash) is returned as is.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from bot.ingest.errors import IngestError
from bot.knowledge.loader import _ignored
from bot.knowledge.safe_yaml import UnsafeYaml, load_mapping

MAX_SLUG = 60
_MAX_SUFFIX = 100


@dataclass(frozen=True)
class NewDocument:
    """Everything written for one document."""

    title: str
    text: str
    url: str
    date: date
    fetched: datetime
    added_by: str
    origin: str
    content_hash: str
    tags: tuple[str, ...] = field(default_factory=tuple)


def slugify(title: str) -> str:
    """ASCII, lowercase, hyphen-separated, at most MAX_SLUG characters; "document" if nothing is left."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug or "document"


def render(doc: NewDocument) -> str:
    """The file's full text: front matter, blank line, body, final newline."""
    meta = {
        "title": doc.title,
        "url": doc.url,
        "date": doc.date,
        "fetched": doc.fetched.replace(microsecond=0),
        "added_by": doc.added_by,
        "origin": doc.origin,
        "tags": list(doc.tags),
        "content_hash": doc.content_hash,
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{front}---\n\n{doc.text.strip()}\n"


def read_front_matter(path: Path) -> dict:
    """The YAML front matter of a document file ({} if it has none or it does not parse)."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", text, re.DOTALL)
    if match is None:
        return {}
    try:
        return load_mapping(match.group(1))
    except UnsafeYaml:
        return {}


def write_document(folder: Path, doc: NewDocument) -> str:
    """Write ``doc`` into ``folder`` and return its document id (the file stem)."""
    folder.mkdir(parents=True, exist_ok=True)
    content = render(doc).encode("utf-8")
    base = f"{slugify(doc.title)}-{doc.content_hash[:8]}"
    if _ignored(Path(f"{base}.md")):  # "README …": the loader skips such names, so the document would vanish
        base = f"doc-{base}"
    for n in range(1, _MAX_SUFFIX):
        stem = base if n == 1 else f"{base}-{n}"
        path = folder / f"{stem}.md"
        if path.exists() and read_front_matter(path).get("content_hash") == doc.content_hash:
            return stem
        if _publish(folder, path, content):
            return stem
    raise IngestError(f"could not find a free file name for {base}.md in {folder}")


def _publish(folder: Path, path: Path, content: bytes) -> bool:
    """Atomically create ``path`` with ``content``; False (and nothing written) if it already exists."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o644)
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        return _link_or_replace(Path(tmp), path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _link_or_replace(tmp: Path, path: Path) -> bool:
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    except OSError:  # no hard links on this file system: check, then rename (tiny race window)
        if path.exists():
            return False
        os.replace(tmp, path)
    return True
