"""Index terms → the words people actually typed, for "did you mean" suggestions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from bot.search.analyzer import Token
from bot.search.lookup_budget import spend

MEMO = 4096  # words whose closest matches are remembered (a repeated word costs one scan)
SCAN_LIMIT = 5  # matches kept per scan; callers take the first `limit` of them
CLOSE = 84  # likeness (0-100) a word needs to be offered as a correction
MIN_USES = 2  # a word form other than its term's commonest is offered as a correction once used this often


class Vocabulary:
    def __init__(self, surfaces: dict[str, str], frequency: dict[str, int], uses: dict[str, int] | None = None) -> None:
        """`uses`: how often each word form is written (every form of a term: "responsible" as well as the
        commonest form of its stem, "response"); corrections are offered from these and the surfaces."""
        self.surfaces = surfaces  # term → its most frequent surface word
        self.frequency = frequency  # term → passages containing it
        self.uses = {w: n for w, n in (uses or {}).items() if n >= MIN_USES}
        spelled = set(surfaces.values()) | set(self.uses)
        self._words = sorted(w for w in spelled if len(w) > 2 and not w.isdigit())
        self._memo: dict[tuple[str, float], list[tuple[str, float]]] = {}

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
        uses: Counter[str] = Counter()
        for (term, surface), n in pairs.most_common():
            surfaces_of.setdefault(term, surface)
            uses[surface] += n
        return cls(surfaces_of, dict(frequency), dict(uses))

    @classmethod
    def from_ids(
        cls,
        terms: np.ndarray,
        surfaces: np.ndarray,
        lengths: np.ndarray,
        term_names: list[str],
        words: list[str],
        frequency: dict[str, int] | None = None,
    ) -> Vocabulary:
        """The same as `from_terms`, from aligned term and surface-word ids (every passage's, concatenated)
        and each passage's length: a term's surface is its most frequent word, ties going to the first seen.
        `frequency` (passages containing each term) can come from the index, which has already counted it."""
        terms, surfaces = np.asarray(terms, dtype=np.int64), np.asarray(surfaces, dtype=np.int64)
        if not len(terms):
            return cls({}, {})
        width = max(len(words), 1)
        codes = terms * width + surfaces
        order = np.argsort(codes, kind="stable")  # equal pairs stay in order of appearance
        codes = codes[order]
        starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
        pairs, first, counts = codes[starts], order[starts], np.diff(np.r_[starts, len(codes)])
        del codes, order
        pair_term, pair_word = np.divmod(pairs, width)
        order = np.lexsort((first, -counts, pair_term))
        best = order[np.r_[True, pair_term[order][1:] != pair_term[order][:-1]]]
        chosen = zip(pair_term[best].tolist(), pair_word[best].tolist(), strict=True)
        surfaces_of = {term_names[t]: words[w] for t, w in chosen}
        written = np.bincount(pair_word, weights=counts, minlength=len(words))
        uses = {words[w]: int(written[w]) for w in np.flatnonzero(written >= MIN_USES).tolist()}
        frequency = frequency if frequency is not None else _passages_with(terms, lengths, term_names)
        return cls(surfaces_of, frequency, uses)

    def closest(self, word: str, limit: int = 3, cutoff: float = CLOSE) -> list[str]:
        """Known words closest in spelling to `word`, best first; [] once the command's lookup budget is spent
        (bot.search.lookup_budget)."""
        return [w for w, _ in self.closest_scored(word, limit, cutoff)]

    def closest_scored(self, word: str, limit: int = 3, cutoff: float = CLOSE) -> list[tuple[str, float]]:
        """The same, with each word's likeness (0-100): one scan answers callers with stricter cutoffs too."""
        if len(word) < 3:
            return []
        key = (word, cutoff)
        if key not in self._memo:
            if not spend():
                return []
            found = process.extract(word, self._words, scorer=fuzz.ratio, limit=SCAN_LIMIT, score_cutoff=cutoff)
            found.sort(key=lambda m: (-round(m[1], 1), -self.uses.get(m[0], 0)))  # equally close: the commoner
            if len(self._memo) >= MEMO:
                self._memo.clear()
            self._memo[key] = [(w, float(score)) for w, score, _ in found if w != word]
        return self._memo[key][:limit]


def _passages_with(terms: np.ndarray, lengths: np.ndarray, term_names: list[str]) -> dict[str, int]:
    width = max(len(term_names), 1)
    passage = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    counts = np.bincount(np.unique(passage * width + terms) % width, minlength=len(term_names))
    return {term_names[t]: int(counts[t]) for t in np.unique(terms).tolist()}
