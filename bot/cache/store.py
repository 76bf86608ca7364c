"""Per-file cache entries: small JSON files named by their key, written atomically.

A missing entry is a miss; an unreadable one is logged, treated as a miss and later overwritten.
Entries of files that changed or went away are pruned after a build (`prune`), so the folder does not grow
with every edit.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from bot.cache.atomic import write_bytes_atomic

log = logging.getLogger(__name__)


class EntryStore:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path | None:
        return self.folder / key[:2] / f"{key}.json" if self.folder else None

    def get(self, key: str) -> dict | None:
        path = self._path(key)
        if path is None or not path.exists():
            return None
        try:
            value = json.loads(path.read_bytes())
        except (OSError, ValueError) as exc:
            log.warning("cache entry %s is unreadable (%s); rebuilding it", path, exc)
            return None
        return value if isinstance(value, dict) and value.get("key") == key else None

    def put(self, key: str, value: dict) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            write_bytes_atomic(path, json.dumps({**value, "key": key}, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            log.warning("cannot write cache entry %s (%s); continuing without it", path, exc)

    def prune(self, keep: set[str]) -> int:
        """Delete every entry whose key is not in `keep`; returns how many went. Never raises."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        try:
            for path in self.folder.glob("*/*.json"):
                if path.stem not in keep:
                    path.unlink(missing_ok=True)
                    removed += 1
        except OSError as exc:
            log.warning("cannot prune cache entries in %s (%s)", self.folder, exc)
        return removed
