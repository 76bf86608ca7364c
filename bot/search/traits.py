"""What kind of sentence a passage is, as flags computed once per load: a question (rarely an answer),
one with a number (for "how many"), one with an amount of money or a share (for "how much"), one with a
year (for "what year"; a year is also a time), one with a time word (for "when"), and one that opens by
pointing back ("This…", "It…", "They…"), which is shown with the sentence before it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.search.analyzer import normalise

QUESTION, NUMBER, TIME, BACKREF, AMOUNT, YEAR = 1, 2, 4, 8, 32, 64

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred "
    "hundreds thousand thousands million millions billion billions trillion dozen dozens percent half double "
    "triple first second third".split()
)
_TIME_WORDS = frozenset(
    "today yesterday tonight january february march april may june july august september october november "
    "december".split()
)
_TIME_PHRASE = re.compile(r"\b(this (morning|week|month|year)|last (week|month|year))\b")
_YEAR = re.compile(r"(?<![\d.,])\b(1[0-9]|20)\d\d(s|\b)(?![.,]\d)")
_WORDS = re.compile(r"[a-z]+")
_FIGURE = re.compile(r"[\d$%£€]")
_AMOUNT = re.compile(
    r"[$£€¥]\s?\d|\d\s?%|\d\s?(bn|tn)\b|\d\s(million|billion|trillion|percent|per cent|dollars|euros|pounds|yen)\b"
)
_BACKREF = re.compile(r"^\W*(this|these|that|those|it|its|they|their|them|he|she|his|her|such|the latter|both)\b")


def traits(text: str) -> int:
    """One pass over the words and a few small regexes (this runs on every sentence at every load)."""
    key = normalise(text).strip()
    words = set(_WORDS.findall(key))
    flags = QUESTION if key.rstrip("\"')]*_ ").endswith("?") else 0
    flags |= NUMBER if _FIGURE.search(key) or not words.isdisjoint(_NUMBER_WORDS) else 0
    flags |= AMOUNT if flags & NUMBER and _AMOUNT.search(key) else 0
    flags |= YEAR | TIME if flags & NUMBER and _YEAR.search(key) else 0
    flags |= TIME if not words.isdisjoint(_TIME_WORDS) or _TIME_PHRASE.search(key) else 0
    flags |= BACKREF if _BACKREF.match(key) else 0
    return flags


def trait_array(texts: Iterable[str]) -> np.ndarray:
    return np.fromiter((traits(t) for t in texts), dtype=np.uint8)


_CAPITALISED = re.compile(r"(?<=[\s(\[\-—–])[A-Z][\w'’.-]*")


def name_count(text: str) -> int:
    """Capitalised words after the first (names, places, organisations), capped at 15: how much a sentence
    says about who, for "who" and "which countries" questions."""
    return min(len(_CAPITALISED.findall(text)), 15)


def name_counts(texts: Iterable[str]) -> np.ndarray:
    return np.fromiter((name_count(t) for t in texts), dtype=np.uint8)


@dataclass(frozen=True)
class SentenceTraits:
    """Every passage's trait flags and name count, computed once and kept in the index cache."""

    flags: np.ndarray
    names: np.ndarray

    @classmethod
    def build(cls, texts: Sequence[str]) -> SentenceTraits:
        return cls(trait_array(texts), name_counts(texts))

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"traits.flags": self.flags, "traits.names": self.names}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> SentenceTraits:
        return cls(arrays["traits.flags"], arrays["traits.names"])
