"""Split a document body into paragraphs and sentences, keeping file offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.model import Paragraph, Sentence
from bot.knowledge.sentences import sentence_spans

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"[^\n]+")


def paragraph_spans(text: str, start: int, one_per_line: bool) -> Iterator[tuple[int, int]]:
    """Non-empty paragraph spans of text[start:], trimmed of surrounding whitespace."""
    body = text[start:]
    spans = (m.span() for m in _LINE.finditer(body)) if one_per_line else _blocks(body)
    for chunk_start, chunk_end in spans:
        chunk = body[chunk_start:chunk_end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            a = start + chunk_start + lead
            yield a, a + len(stripped)


def _blocks(body: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for match in _BLANK_LINE.finditer(body):
        yield pos, match.start()
        pos = match.end()
    yield pos, len(body)


def parse_body(
    text: str, body_start: int, boilerplate: Boilerplate, one_per_line: bool
) -> tuple[list[Paragraph], list[Sentence]]:
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for number, (a, b) in enumerate(paragraph_spans(text, body_start, one_per_line), 1):
        is_boilerplate = boilerplate.is_paragraph(text[a:b])
        paragraphs.append(Paragraph(a, b, number, is_boilerplate))
        if is_boilerplate:
            continue
        kept = [(s, e) for s, e in sentence_spans(text[a:b]) if not boilerplate.is_sentence(text[a + s : a + e])]
        sentences.extend(Sentence(a + s, a + e, number, i) for i, (s, e) in enumerate(kept, 1))
    return paragraphs, sentences


def txt_is_one_paragraph_per_line(text: str, body_start: int) -> bool:
    """Plain text with no blank lines is taken as one paragraph per line (as the seed article is)."""
    return _BLANK_LINE.search(text, body_start) is None
