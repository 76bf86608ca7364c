"""The finished knowledge base and index as one uncompressed .npz (numpy arrays plus JSON text, no pickle).

Source texts are not stored: the loader reads and hashes every file anyway to compute the key, so the
cache holds only what is expensive to recompute (spans, postings, weights, vocabulary).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.cache.atomic import write_atomic
from bot.cache.records import from_parts, header
from bot.knowledge.model import Document
from bot.search.index import BM25Index
from bot.search.matchtext import MatchText
from bot.search.traits import SentenceTraits
from bot.search.vocabulary import Vocabulary

INDEX = "index."  # the index's own arrays (BM25Index.to_arrays) are stored under this prefix


@dataclass
class Snapshot:
    documents: list[Document]
    skipped: list[tuple[str, str]]
    index: BM25Index
    vocabulary: Vocabulary
    match: MatchText
    traits: SentenceTraits | None = None


def _json(value: object) -> np.ndarray:
    return np.frombuffer(json.dumps(value, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _unjson(array: np.ndarray) -> object:
    return json.loads(array.tobytes().decode("utf-8"))


def _rows(docs: list[Document], attr: str, fields: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    counts = np.array([len(getattr(d, attr)) for d in docs], dtype=np.int64)
    flat = [int(getattr(x, f)) for d in docs for x in getattr(d, attr) for f in fields]
    return np.array(flat, dtype=np.int64).reshape(-1, len(fields)), counts


def save(path: Path, key: str, snap: Snapshot) -> None:
    paragraphs, paragraph_counts = _rows(snap.documents, "paragraphs", ("start", "end", "number", "boilerplate"))
    sentences, sentence_counts = _rows(snap.documents, "sentences", ("start", "end", "paragraph", "number"))
    words = snap.vocabulary.surfaces
    arrays = {
        "key": _json(key),
        "headers": _json([header(d) for d in snap.documents]),
        "skipped": _json(snap.skipped),
        "paragraphs": paragraphs,
        "paragraph_counts": paragraph_counts,
        "sentences": sentences,
        "sentence_counts": sentence_counts,
        **{INDEX + name: array for name, array in snap.index.to_arrays().items()},
        "surface_terms": _json(list(words)),
        "surface_words": _json(list(words.values())),
        "frequency": np.array([snap.vocabulary.frequency.get(t, 0) for t in words], dtype=np.int64),
        "spelling_words": _json(list(snap.vocabulary.uses)),
        "spelling_uses": np.array(list(snap.vocabulary.uses.values()), dtype=np.int64),
        **snap.match.to_arrays(),
        **(snap.traits or SentenceTraits.build(_texts(snap.documents))).to_arrays(),
    }
    write_atomic(path, lambda out: np.savez(out, **arrays))


def stored_key(path: Path) -> str | None:
    with np.load(path, allow_pickle=False) as z:
        return str(_unjson(z["key"]))


def load(path: Path, texts: dict[str, str]) -> Snapshot:
    """Raises on anything unexpected; the caller logs it and rebuilds."""
    with np.load(path, allow_pickle=False) as z:
        a = {name: z[name] for name in z.files}
    index = BM25Index.from_arrays({k.removeprefix(INDEX): v for k, v in a.items() if k.startswith(INDEX)})
    surface_terms = _unjson(a["surface_terms"])
    frequency = dict(zip(surface_terms, a["frequency"].tolist(), strict=True))
    uses = dict(zip(_unjson(a["spelling_words"]), a["spelling_uses"].tolist(), strict=True))
    vocabulary = Vocabulary(dict(zip(surface_terms, _unjson(a["surface_words"]), strict=True)), frequency, uses)
    documents = _documents(a, texts)
    skipped = [(str(p), str(r)) for p, r in _unjson(a["skipped"])]
    match = MatchText.from_arrays(a)
    if len(match) != index.n_passages:
        raise ValueError(f"match text holds {len(match)} passages, the index {index.n_passages}")
    traits = SentenceTraits.from_arrays(a)
    if len(traits.flags) != index.n_passages:
        raise ValueError(f"traits hold {len(traits.flags)} passages, the index {index.n_passages}")
    return Snapshot(documents, skipped, index, vocabulary, match, traits)


def _texts(documents: list[Document]) -> list[str]:
    return [d.text(s.start, s.end) for d in documents for s in d.sentences]


def _documents(a: dict[str, np.ndarray], texts: dict[str, str]) -> list[Document]:
    heads = _unjson(a["headers"])
    paragraphs, sentences = a["paragraphs"].tolist(), a["sentences"].tolist()
    p_end, s_end = np.cumsum(a["paragraph_counts"]).tolist(), np.cumsum(a["sentence_counts"]).tolist()
    docs, p0, s0 = [], 0, 0
    for head, p1, s1 in zip(heads, p_end, s_end, strict=True):
        docs.append(from_parts(head, texts[head["path"]], paragraphs[p0:p1], sentences[s0:s1]))
        p0, s0 = p1, s1
    return docs
