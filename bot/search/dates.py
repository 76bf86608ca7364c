"""Time in questions: "in June 2022", "in 2023", "late 2021", and "latest"/"most recent"/"current".

A question's time expression is matched against each document's date (front matter `date`), so the date
is a searchable field even though it is rarely written in the sentence itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

MONTHS = "january february march april may june july august september october november december".split()
_MONTH_ABBR = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"sept": 9}
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\b")
_PART = re.compile(r"\b(early|mid|late|end of|beginning of|start of)[\s-]+(19[5-9]\d|20\d\d)\b")
_RECENT = re.compile(r"\b(latest|most recent|recent(ly)?|current(ly)?|newest|this year|nowadays)\b")
_PARTS = {
    "early": (1, 4),
    "beginning of": (1, 3),
    "start of": (1, 3),
    "mid": (4, 9),
    "late": (9, 12),
    "end of": (10, 12),
}


@dataclass(frozen=True)
class TimeAsked:
    years: frozenset[int] = frozenset()
    months: frozenset[int] = frozenset()  # months named next to a year
    span: tuple[int, int] | None = None  # (first, last) month of "early/mid/late YEAR"
    recent: bool = False

    @property
    def empty(self) -> bool:
        return not self.years and not self.recent


def time_asked(text: str) -> TimeAsked:
    lower = text.lower()
    years = frozenset(int(y) for y in _YEAR.findall(lower))
    months = frozenset(_month(m) for m in _MONTH.findall(lower) if not _is_may_verb(m, lower)) if years else frozenset()
    part = _PART.search(lower)
    span = _PARTS[part.group(1)] if part else None
    return TimeAsked(years, months, span, bool(_RECENT.search(lower)))


def _month(word: str) -> int:
    word = word.rstrip(".")
    return MONTHS.index(word) + 1 if word in MONTHS else _MONTH_ABBR[word[:4] if word == "sept" else word[:3]]


def _is_may_verb(word: str, text: str) -> bool:
    """ "may" is a month only next to a number ("May 2021", "3 May"), not in "what may happen"."""
    return word == "may" and not re.search(r"\bmay\s+\d|\d\s+may\b", text)


def is_date_word(word: str, asked: TimeAsked) -> bool:
    """A word of the question that names the time asked: one of its years, or a month named with a year."""
    if word.isdigit():
        return int(word) in asked.years
    return bool(asked.months) and (word.rstrip(".") in MONTHS or word in _MONTH_ABBR)


class DocumentDates:
    """Each document's year, month and a day number for recency (0 where undated)."""

    def __init__(self, dates: list[str | None]) -> None:
        parsed = [_parse(d) for d in dates]
        self.year = np.array([p[0] for p in parsed], dtype=np.int32)
        self.month = np.array([p[1] for p in parsed], dtype=np.int32)
        self.ordinal = self.year * 12 + self.month
        dated = self.ordinal[self.year > 0]
        self.newest = int(dated.max()) if len(dated) else 0
        self.oldest = int(dated.min()) if len(dated) else 0

    def match(self, asked: TimeAsked) -> np.ndarray:
        """Per document: 1 where the date is what was asked, 0.4 for the right year only, −0.5 for a dated
        document of another year, 0 when undated or nothing was asked; "latest" ranks by recency (0–1)."""
        out = np.zeros(len(self.year), dtype=np.float32)
        if asked.years:
            in_year = np.isin(self.year, list(asked.years))
            out[(self.year > 0) & ~in_year] = -0.5
            months = set(asked.months)
            if asked.span:
                months |= set(range(asked.span[0], asked.span[1] + 1))
            good = in_year & (np.isin(self.month, list(months)) if months else True)
            out[in_year] = 0.4
            out[good] = 1.0
        elif asked.recent and self.newest > self.oldest:
            dated = self.year > 0
            out[dated] = (self.ordinal[dated] - self.oldest) / (self.newest - self.oldest)
        return out

    def fits(self, docs: np.ndarray, asked: TimeAsked) -> np.ndarray:
        """1.0 where the document is dated in a year asked (a date word of the question is then found)."""
        return np.isin(self.year[docs], list(asked.years)).astype(np.float64)

    def after_newest(self, asked: TimeAsked) -> bool:
        """Every year asked is after the newest document: the knowledge base cannot know about it."""
        newest = self.newest // 12
        return bool(asked.years) and newest > 0 and min(asked.years) > newest

    def covers(self, years: frozenset[int]) -> bool:
        """Whether any document is dated in one of these years (a year after the newest document is not)."""
        return bool(np.isin(self.year, list(years)).any())


def _parse(date: str | None) -> tuple[int, int]:
    if not date:
        return 0, 0
    m = re.match(r"(\d{4})(?:-(\d{2}))?", date)
    return (int(m.group(1)), int(m.group(2) or 0)) if m else (0, 0)
