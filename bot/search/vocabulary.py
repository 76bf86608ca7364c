"""Index terms → the words people actually typed, for "did you mean" suggestions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from bot.search.analyzer import Token


class Vocabulary:
    def __init__(self, surfaces: dict[str, str], frequency: dict[str, int]) -> None:
        self.surfaces = surfaces  # term → its most frequent surface word
        self.frequency = frequency  # term → passages containing it
        self._words = sorted({w for w in surfaces.values() if len(w) > 2 and not w.isdigit()})

    @classmethod
    def from_tokens(cls, passages: Iterable[list[Token]]) -> Vocabulary:
        return cls.from_terms(([t.term for t in ts], [t.surface for t in ts]) for ts in passages)

    @classmethod
    def from_terms(cls, passages: Iterable[tuple[list[str], list[str]]]) -> Vocabulary:
        """From (terms, surface words) per passage, the two lists aligned."""
        pairs: Counter[tuple[str, str]] = Counter()
        frequency: Counter[str] = Counter()
        for terms, surfaces in passages:
            pairs.update(zip(terms, surfaces, strict=True))
            frequency.update(set(terms))
        surfaces_of: dict[str, str] = {}
        for (term, surface), _ in pairs.most_common():
            surfaces_of.setdefault(term, surface)
        return cls(surfaces_of, dict(frequency))

    def closest(self, word: str, limit: int = 3, cutoff: float = 84) -> list[str]:
        """Known words closest in spelling to `word`, best first."""
        if len(word) < 3:
            return []
        found = process.extract(word, self._words, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        return [w for w, _, _ in found if w != word]
