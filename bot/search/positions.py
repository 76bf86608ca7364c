"""A sentence as a sequence of stemmed words with positions, for where-in-the-sentence questions: does a
multi-word name occur as a phrase, and is it the subject or the object of a threat word near it?

Stopwords stay in the sequence (their positions count, and "by"/"against" decide a role) but are skipped
when a phrase is matched, as the index skips them ("weapons of mass destruction" = weapon mass destruct).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.answers.plain import plain
from bot.search.analyzer import Analyzer, normalise

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:'[^\W_]+)*")
_POSSESSIVE = re.compile(r"'s?$")
_BREAK = re.compile(r"[,;:—–()]| - ")

PREFIX_MIN = 4
Phrase = tuple[str, ...]  # stems of a name's words, stopwords left out


@dataclass(frozen=True)
class Words:
    surface: list[str]  # every word, lowercased (possessive dropped)
    stems: list[str]  # the stem of each word ("" for a stopword)
    breaks: frozenset[int] = frozenset()  # positions of words that follow a comma, colon, semicolon or dash
    content: list[int] = field(init=False)  # positions of the words that are not stopwords

    def __post_init__(self) -> None:
        object.__setattr__(self, "content", [i for i, s in enumerate(self.stems) if s])

    def matches_at(self, k: int, phrase: Phrase, prefix: bool = False) -> bool:
        """Whether `phrase` starts at the k-th content word. With `prefix`, a word of 4 letters or more also
        matches a longer one it begins (korea ~ korean, strait ~ straits, houthi ~ houthis)."""
        content, stems = self.content, self.stems
        if k + len(phrase) > len(content):
            return False
        for m, part in enumerate(phrase):
            stem = stems[content[k + m]]
            if stem != part and not (prefix and len(part) >= PREFIX_MIN and stem.startswith(part)):
                return False
        return True

    def find(self, phrase: Phrase, prefix: bool = False) -> list[int]:
        """Word positions where `phrase` starts (stopwords between its words are skipped)."""
        return [self.content[k] for k in range(len(self.content)) if self.matches_at(k, phrase, prefix)]

    def find_any(self, phrases: Iterable[Phrase], prefix: bool = False) -> list[int]:
        return sorted({p for phrase in phrases for p in self.find(phrase, prefix)})


def words_of(analyzer: Analyzer, text: str) -> Words:
    surface: list[str] = []
    breaks: set[int] = set()
    text, last = normalise(plain(text)), 0
    for match in _WORD.finditer(text):
        if _BREAK.search(text, last, match.start()):
            breaks.add(len(surface))
        last = match.end()
        word = _POSSESSIVE.sub("", match.group().replace(".", "") if "." in match.group() else match.group())
        surface.extend(part for part in word.replace("'", "").split("-") if part)
    stems = analyzer.stem(surface)
    content = [s if w not in analyzer.stopwords else "" for w, s in zip(surface, stems, strict=True)]
    return Words(surface, content, frozenset(breaks))


def phrases_of(analyzer: Analyzer, names: Sequence[str]) -> list[Phrase]:
    """Each name as the stems of its words (as `words_of` gives them), duplicates dropped."""
    found: dict[Phrase, None] = {}
    for name in names:
        stems = tuple(s for s in words_of(analyzer, name).stems if s)
        if stems:
            found[stems] = None
    return list(found)
