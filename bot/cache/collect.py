"""Per-file index terms turned into compact id arrays as each file's result arrives.

A worker's result holds a Python string for every term and surface word (~2 M each at 1,500 documents);
keeping them until every file is in cost ~200 MB at the peak. Here each file becomes three int32 arrays
and its token lists can be freed at once.
"""

from __future__ import annotations

from array import array

import numpy as np


class TermCollector:
    def __init__(self) -> None:
        self.terms: dict[str, int] = {}
        self.words: dict[str, int] = {}
        self._files: dict[str, tuple[array, array, array]] = {}

    def add(self, rel: str, tokens: dict[str, list[list[str]]]) -> None:
        terms, words = self.terms, self.words
        term_ids = array("i", [terms.setdefault(t, len(terms)) for ts in tokens["terms"] for t in ts])
        word_ids = array("i", [words.setdefault(w, len(words)) for ws in tokens["surfaces"] for w in ws])
        if len(term_ids) != len(word_ids):
            raise ValueError(f"{rel}: {len(term_ids)} terms but {len(word_ids)} surface words")
        self._files[rel] = (term_ids, word_ids, array("i", map(len, tokens["terms"])))

    def concatenated(self, rels: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(term ids, surface-word ids, terms per passage) of these files, in this order."""
        parts = [self._files[r] for r in rels]
        return tuple(  # type: ignore[return-value]
            np.concatenate([np.frombuffer(p[i], dtype=np.int32) for p in parts] or [np.zeros(0, np.int32)])
            for i in range(3)
        )

    def term_names(self) -> list[str]:
        return list(self.terms)

    def word_names(self) -> list[str]:
        return list(self.words)
