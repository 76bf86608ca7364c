"""What a learned re-ranker reads about each pooled sentence: one row of numbers per (question, sentence).

The columns are the parts the hand-weighted score adds up (the sentence's, paragraph's and title's BM25,
the date fit, coverage with and without context, the traits), plus what a weighted sum cannot use: the
hand-weighted score itself, the sentence's length and place in its paragraph and document, the share of
the question its whole document has, whether the rarest word is in the sentence, and the kind of answer
asked for. `bench/train_ranker.py` fits a model on them; `bot.search.learned` applies it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.search.traits import NUMBER, QUESTION, TIME

COLUMNS = (
    "score", "own bm25", "paragraph bm25", "title bm25", "date fit", "coverage", "own coverage",
    "rarest found", "document coverage", "question", "number", "time", "names", "asks number",
    "asks time", "asks names", "length", "place in paragraph", "place in document", "question words",
)  # fmt: skip


@dataclass(frozen=True)
class Parts:
    """The per-sentence pieces the ranker computed on the way to its score (all aligned with `pool`)."""

    pool: np.ndarray
    score: np.ndarray
    own: np.ndarray
    paragraph: np.ndarray
    title: np.ndarray
    date: np.ndarray
    cover: np.ndarray
    own_cover: np.ndarray
    found: np.ndarray  # pool × concept: 1 in the sentence, less in its context, 0 absent
    own_found: np.ndarray  # pool × concept: 1 where the sentence itself has the concept
    shares: np.ndarray  # each concept's share of the question's weight
    doc_cover: np.ndarray


def feature_rows(
    parts: Parts, flags: np.ndarray, names: np.ndarray, lengths: np.ndarray, places: tuple, kind: tuple
) -> np.ndarray:
    """`places`: (place in paragraph, place in document) per pooled sentence; `kind`: (number, time, names)
    as 0/1 for the kind of answer the question asks for."""
    pool = parts.pool
    f = flags[pool]
    rarest = int(np.argmax(parts.shares)) if len(parts.shares) else 0
    n = len(pool)
    rarest_found = parts.own_found[:, rarest] if parts.own_found.shape[1] else np.zeros(n)
    return np.column_stack(
        [
            parts.score,
            parts.own,
            parts.paragraph,
            parts.title,
            parts.date,
            parts.cover,
            parts.own_cover,
            rarest_found,
            parts.doc_cover,
            (f & QUESTION) > 0,
            (f & NUMBER) > 0,
            (f & TIME) > 0,
            np.minimum(names[pool], 8) / 8,
            np.full(n, kind[0]),
            np.full(n, kind[1]),
            np.full(n, kind[2]),
            np.log1p(lengths[pool]),
            np.minimum(places[0], 20),
            np.minimum(places[1], 200),
            np.full(n, len(parts.shares)),
        ]
    ).astype(np.float32)
