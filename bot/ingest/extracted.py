"""The result type of every extractor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Extracted:
    """Readable content: ``text`` is paragraphs separated by blank lines."""

    title: str
    text: str
    published: date | None = None
    canonical_url: str | None = None
