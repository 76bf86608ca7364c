"""Per-passage quality codes, cached per document text so a reload only classifies what changed.

One small .npz beside the index cache: each document's content hash and its codes. Its key covers the
quality config and the code that classifies, so editing a rule re-classifies everything (a few seconds on
1,500 documents) without touching the index cache."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import numpy as np

from bot.cache.atomic import write_atomic
from bot.cache.keys import code_fingerprint, digest
from bot.knowledge.model import Document
from bot.knowledge.quality import QualityFilter

log = logging.getLogger(__name__)

QUALITY_MODULES = ("bot.knowledge.quality", "bot.answers.plain", "bot.cache.quality_cache")


def _doc_hash(doc: Document) -> str:
    spans = ",".join(f"{s.start}-{s.end}-{s.paragraph}" for s in doc.sentences)
    return hashlib.sha1(f"{doc.title}\0{spans}\0{doc.source}".encode()).hexdigest()


def quality_key(quality: QualityFilter) -> str:
    return digest(code_fingerprint(QUALITY_MODULES), quality.config.model_dump(mode="json"))


def quality_codes(documents: list[Document], quality: QualityFilter, path: Path | None = None) -> np.ndarray:
    """Every passage's quality code (0 = keep), in knowledge-base order; `path` caches them."""
    key = quality_key(quality)
    known = _read(path, key) if path else {}
    hashes = [_doc_hash(d) for d in documents]
    parts = [known.get(h) for h in hashes]
    missing = [i for i, p in enumerate(parts) if p is None or len(p) != len(documents[i].sentences)]
    for i in missing:
        parts[i] = np.array(quality.document_codes(documents[i]), dtype=np.uint8)
    if path is not None and (missing or len(known) != len(set(hashes))):
        _write(path, key, dict(zip(hashes, parts, strict=True)))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint8)


def _read(path: Path, key: str) -> dict[str, np.ndarray]:
    if not path.exists():
        return {}
    try:
        with np.load(path, allow_pickle=False) as z:
            if z["key"].tobytes().decode("utf-8") != key:
                return {}
            hashes = json.loads(z["hashes"].tobytes().decode("utf-8"))
            bounds = np.concatenate([[0], np.cumsum(z["counts"])]).tolist()
            codes = z["codes"]
        return {h: codes[bounds[i] : bounds[i + 1]] for i, h in enumerate(hashes)}
    except Exception as exc:  # noqa: BLE001 - an unreadable cache is recomputed, never trusted
        log.warning("quality cache %s is unreadable (%s); recomputing", path, exc)
        return {}


def _write(path: Path, key: str, parts: dict[str, np.ndarray]) -> None:
    hashes = list(parts)
    arrays = {
        "key": np.frombuffer(key.encode("utf-8"), dtype=np.uint8),
        "hashes": np.frombuffer(json.dumps(hashes).encode("utf-8"), dtype=np.uint8),
        "counts": np.array([len(parts[h]) for h in hashes], dtype=np.int64),
        "codes": np.concatenate([parts[h] for h in hashes]) if hashes else np.zeros(0, dtype=np.uint8),
    }
    try:
        write_atomic(path, lambda out: np.savez(out, **arrays))
    except OSError as exc:
        log.warning("cannot write the quality cache %s (%s)", path, exc)
