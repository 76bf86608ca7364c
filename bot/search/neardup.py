"""Near-duplicates: the same sentence said twice (prepared vs delivered remarks, a "CORRECTED:" re-issue,
boilerplate repeated in every six-monthly letter), and the same document published twice.

Sentences compare on the set of their words (normalised, lowercased): token-set Jaccard. Documents compare
on word 4-shingles, by containment (a short excerpt of a speech inside the full transcript) and Jaccard
together; the thresholds were measured on the White House set (bench/README.md).

    groups = collapse(hits, lambda h: engine.passage(h.passage).text)
    for g in groups:  # in input order; g.first is the one to show
        print(g.first, f"also in {len(g.others)} documents" if g.others else "")
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bot.answers.plain import plain
from bot.search.analyzer import normalise

T = TypeVar("T")

SENTENCE_THRESHOLD = 0.8  # token-set Jaccard at or above which two sentences say the same thing
SHINGLE = 4
DOCUMENT_CONTAINMENT = 0.5  # share of the smaller document's shingles found in the other …
DOCUMENT_JACCARD = 0.3  # … and overall overlap: prepared vs delivered remarks score 0.33-0.41, re-issues ~1

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> frozenset[str]:
    """The set of a text's words as a reader sees them (Markdown shown as text), normalised."""
    return frozenset(_WORD.findall(normalise(plain(text))))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass
class Group(Generic[T]):
    first: T  # the representative: the earliest item in the input order
    others: list[T] = field(default_factory=list)  # the near-duplicates of it, in input order

    @property
    def members(self) -> list[T]:
        return [self.first, *self.others]


def collapse(items: Iterable[T], text: Callable[[T], str], threshold: float = SENTENCE_THRESHOLD) -> list[Group[T]]:
    """Group items whose texts are near-duplicates of an earlier group's first item (order kept)."""
    return _groups(items, lambda item: words(text(item)), lambda a, b: jaccard(a, b) >= threshold)


def unique(items: Iterable[T], text: Callable[[T], str], threshold: float = SENTENCE_THRESHOLD) -> list[T]:
    """The first of each group of near-duplicates, in input order."""
    return [g.first for g in collapse(items, text, threshold)]


def shingles(text: str, n: int = SHINGLE) -> frozenset[str]:
    tokens = _WORD.findall(normalise(text))
    return frozenset(" ".join(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 1)))


def same_document(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two documents' shingle sets: one is (mostly) a re-publication of the other."""
    if not a or not b:
        return False
    common = len(a & b)
    return common >= DOCUMENT_CONTAINMENT * min(len(a), len(b)) and common >= DOCUMENT_JACCARD * len(a | b)


def document_groups(items: Sequence[T], body: Callable[[T], str]) -> list[Group[T]]:
    """Group documents that are near-duplicates of an earlier one (input order kept)."""
    return _groups(items, lambda item: shingles(body(item)), same_document)


def _groups(
    items: Iterable[T], key: Callable[[T], frozenset[str]], same: Callable[[frozenset[str], frozenset[str]], bool]
) -> list[Group[T]]:
    groups: list[Group[T]] = []
    keys: list[frozenset[str]] = []
    for item in items:
        mine = key(item)
        for group, other in zip(groups, keys, strict=True):
            if same(mine, other):
                group.others.append(item)
                break
        else:
            groups.append(Group(item))
            keys.append(mine)
    return groups
