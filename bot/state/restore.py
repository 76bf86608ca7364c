"""Rebuild the knowledge folder from the database: on a host whose disk is wiped on restart (Heroku, Fly
without a volume, a new container), the documents added with !add come back before the index is built."""

from __future__ import annotations

import logging
from pathlib import Path

from bot.cache.atomic import write_bytes_atomic
from bot.state.documents_repo import DocumentsRepo

log = logging.getLogger(__name__)


def restore_documents(documents: DocumentsRepo, folder: Path) -> list[str]:
    """Write every stored document whose file is missing; the paths written. A file that is there is the
    truth and is left alone."""
    root = folder.resolve()
    restored = []
    for doc in documents.all():
        path = (root / doc.path).resolve()
        if not path.is_relative_to(root):  # never write outside the knowledge folder, whatever the row says
            log.error("state: document path %r is outside the knowledge folder; not restored", doc.path)
            continue
        if not path.exists():
            write_bytes_atomic(path, doc.content)
            restored.append(doc.path)
    if restored:
        log.info("restored %d documents from the state database into %s", len(restored), folder)
    return restored
