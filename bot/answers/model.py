"""What a command returns. Front ends render it; none of them changes what it says."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from bot.answers.plain import plain


class Status(str, Enum):
    OK = "ok"
    EMPTY = "empty"  # understood, but nothing relevant
    USAGE = "usage"  # the input could not be used; the text says how to fix it
    ERROR = "error"


@dataclass(frozen=True)
class Citation:
    document: str
    title: str
    paragraph: int
    sentence: int
    start: int
    end: int
    url: str | None = None
    date: str | None = None
    quote_url: str | None = None  # the url with a text fragment that opens the page at the quote
    from_sentence: int | None = None  # set when the excerpt starts at an earlier sentence of the paragraph

    @property
    def sentences(self) -> str:
        if self.from_sentence is not None and self.from_sentence != self.sentence:
            return f"sentences {self.from_sentence}–{self.sentence}"
        return f"sentence {self.sentence}"

    @property
    def label(self) -> str:
        return f"{self.title}, ¶{self.paragraph}, {self.sentences}"


@dataclass(frozen=True)
class Excerpt:
    text: str  # the source's own words: document.source[start:end]
    citation: Citation
    score: float = 0.0
    paragraph_text: str = ""  # the whole paragraph around the excerpt, verbatim, for "show more"

    @property
    def display(self) -> str:
        """The same words, whitespace collapsed and Markdown markup (links, emphasis) shown as its text."""
        return plain(self.text)


@dataclass
class Section:
    heading: str | None
    excerpts: list[Excerpt] = field(default_factory=list)
    note: str | None = None  # shown when the section has no excerpt, or beside it


@dataclass
class Answer:
    command: str
    title: str
    status: Status = Status.OK
    intro: str | None = None
    sections: list[Section] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # plain list answers (!sources, !help, actor counts)
    notes: list[str] = field(default_factory=list)  # footer remarks: truncation, suggestions
    data: dict[str, object] = field(default_factory=dict)  # extra machine-readable fields for --json

    @property
    def excerpts(self) -> list[Excerpt]:
        return [e for s in self.sections for e in s.excerpts]
