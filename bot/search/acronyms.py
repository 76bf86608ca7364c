"""Acronyms learned from the documents: "electric vehicles (EVs)", "Conventional Armed Forces in Europe
(CFE)". A question that uses either form also searches for the other (Schwartz & Hearst's rule, simplified:
the long form is the shortest run of words before the parentheses whose initials spell the acronym)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_PAREN = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,9})\)")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_SKIP = frozenset("of the and for in on to a an with at by from".split())
MAX_WORDS = 10


def learn_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """acronym (as written, plural 's' dropped) → its most frequent long form."""
    seen: Counter[tuple[str, str]] = Counter()
    for text in texts:
        if "(" not in text:
            continue
        for match in _PAREN.finditer(text):
            short = match.group(1)
            if sum(c.isupper() for c in short) < 2:
                continue
            long = _long_form(
                short.rstrip("s") if short.endswith("s") and short[:-1].isupper() else short, text[: match.start()]
            )
            if long:
                seen[(short.rstrip("s") if short[:-1].isupper() else short, long)] += 1
    best: dict[str, tuple[int, str]] = {}
    for (short, long), count in seen.items():
        if count > best.get(short, (0, ""))[0]:
            best[short] = (count, long)
    return {short: long for short, (_, long) in best.items()}


def _long_form(short: str, before: str) -> str | None:
    """The shortest run of words ending just before the parentheses that starts with the acronym's first
    letter, ends with a word starting with its last, and has its letters as word initials in order (one
    extra word may be skipped: "Conventional Armed Forces in Europe (CFE)")."""
    letters = [c.lower() for c in short if c.isalpha()]
    words = _WORD.findall(before)[-MAX_WORDS:]
    if not letters or not words:
        return None
    for start in range(len(words) - 1, -1, -1):
        initials = [w[0].lower() for w in words[start:] if w.lower() not in _SKIP]
        if len(initials) > len(letters) + 1:
            return None
        if initials and initials[0] == letters[0] and initials[-1] == letters[-1] and _in_order(letters, initials):
            return " ".join(words[start:])
    return None


def _in_order(letters: list[str], initials: list[str]) -> bool:
    rest = iter(initials)
    return all(letter in rest for letter in letters)
