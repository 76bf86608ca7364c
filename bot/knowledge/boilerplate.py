"""Scraping artefacts ("Keep Reading", "###") that are never indexed or quoted; patterns come from config."""

from __future__ import annotations

import re
from collections.abc import Iterable


class Boilerplate:
    def __init__(self, paragraph_patterns: Iterable[str] = (), sentence_patterns: Iterable[str] = ()) -> None:
        self._paragraph = [re.compile(p, re.IGNORECASE) for p in paragraph_patterns]
        self._sentence = [re.compile(p, re.IGNORECASE) for p in sentence_patterns]

    def is_paragraph(self, text: str) -> bool:
        text = " ".join(text.split())
        return not _has_words(text) or any(p.fullmatch(text) for p in self._paragraph)

    def is_sentence(self, text: str) -> bool:
        text = " ".join(text.split())
        return not _has_words(text) or any(p.fullmatch(text) for p in self._sentence)


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
