"""The document model: every span is an offset range into the file's own text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # character offsets into Document.source
    end: int
    paragraph: int  # 1-based paragraph number in the document body
    number: int  # 1-based sentence number within its paragraph


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    number: int
    boilerplate: bool = False


@dataclass(slots=True)
class Document:
    id: str  # the file's path relative to the knowledge folder, without suffix
    path: str
    source: str  # the whole file as read (front matter included), so offsets are file offsets
    title: str
    date: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    meta: dict[str, object] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)  # content sentences only, in order

    def text(self, start: int, end: int) -> str:
        return self.source[start:end]

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]
