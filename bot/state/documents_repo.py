"""Documents added with !add (and from feeds): the file's bytes, where it came from and its metadata, so the
knowledge folder can be rebuilt from the database on a host whose disk does not survive a restart."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.state.stamps import from_db, to_db

if TYPE_CHECKING:
    from bot.state.db import StateDB

COLUMNS = "path, doc_id, source, content, content_hash, metadata, added_at"
PUT = (
    f"INSERT INTO documents ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
    "doc_id = excluded.doc_id, source = excluded.source, content = excluded.content, "
    "content_hash = excluded.content_hash, metadata = excluded.metadata"
)


@dataclass(frozen=True)
class StoredDocument:
    path: str  # relative to the knowledge folder, POSIX separators
    doc_id: str
    source: str
    content: bytes
    content_hash: str
    metadata: dict[str, object] = field(default_factory=dict)
    added_at: datetime = field(default_factory=lambda: datetime.now(UTC))


class DocumentsRepo:
    def __init__(self, db: StateDB) -> None:
        self.db = db

    def put(self, doc: StoredDocument) -> None:
        """Store the document; the same path again replaces its bytes (added_at is kept)."""
        values = (doc.path, doc.doc_id, doc.source, doc.content, doc.content_hash,
                  json.dumps(doc.metadata, default=str), to_db(doc.added_at))  # fmt: skip
        with self.db.transaction() as conn:
            conn.execute(PUT, values)

    def all(self) -> list[StoredDocument]:
        with self.db.transaction() as conn:
            rows = conn.execute(f"SELECT {COLUMNS} FROM documents ORDER BY added_at, path").fetchall()
        return [
            StoredDocument(path, doc_id, source, bytes(content), chash, json.loads(meta), from_db(at))
            for path, doc_id, source, content, chash, meta, at in rows
        ]

    def count(self) -> int:
        with self.db.transaction() as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
