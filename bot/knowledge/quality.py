"""Sentence quality: the passages a reader would not keep as an excerpt, from config/quality.yaml.

Three kinds of evidence, all data in config:
- **speaker turns** in transcripts: a paragraph that opens with a label ("Q", "MODERATOR:") starts a turn
  that runs until the next label, and some speakers' turns are never quoted (a reporter's question);
- **rules**: regexes per kind (greeting, stage direction, legal boilerplate, biography, …), each with
  optional rescue patterns, a length limit and the document types it applies to;
- **shape**: fragments, headings (a short capitalised line with no end punctuation, a line in
  capitals) and list lead-ins (a sentence ending in a colon).

The result is one small code per passage (0 = keep), so answers can drop junk with a mask while `!cite`
still finds every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.answers.plain import plain
from bot.config.quality import Quality, QualityRule
from bot.knowledge.model import Document

KEEP = 0
FRAGMENT, HEADING, LEAD_IN = "fragment", "heading", "lead_in"
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_MARKUP = re.compile(r"[\[*_\\]|^\s*(?:[-+]|\d{1,3}[.)])\s")  # what `plain` would change besides spaces
_END = re.compile(r"[.!?][\"'”’)\]*]*$")
_FUNCTION_WORDS = frozenset(
    "a an and as at by de del for from in into of on or the to via with vs en".split()
)  # lowercase inside a title-case heading


@dataclass(frozen=True)
class _Rule:
    kind: str
    lower: re.Pattern[str] | None  # searched in the lowercased sentence
    cased: re.Pattern[str] | None  # searched in the sentence as written
    unless: re.Pattern[str] | None
    max_words: int
    documents: frozenset[str]

    def matches(self, body: str, lower: str) -> bool:
        found = (self.lower is not None and self.lower.search(lower)) or (self.cased and self.cased.search(body))
        return bool(found) and not (self.unless and self.unless.search(lower))


def _union(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """One regex for a list; no IGNORECASE (several times slower): lowercase patterns meet lowercased text."""
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _compile(rule: QualityRule) -> _Rule:
    limit = rule.max_words if rule.max_words is not None else 1 << 30
    return _Rule(
        rule.kind, _union(rule.patterns), _union(rule.exact_case), _union(rule.unless), limit, frozenset(rule.documents)
    )


class QualityFilter:
    def __init__(self, quality: Quality) -> None:
        self.config = quality
        self._rules = [_compile(r) for r in quality.rules]
        self._strip = re.compile("|".join(f"(?:{p})" for p in quality.strip), re.IGNORECASE) if quality.strip else None
        speakers = quality.speakers
        self._label = re.compile(speakers.label) if speakers else None
        self._speaker_kinds = [(k, re.compile(p)) for k, p in speakers.junk.items()] if speakers else []
        self._types = [(t.type, re.compile(t.title, re.IGNORECASE)) for t in quality.document_types]
        shape_kinds = [FRAGMENT, HEADING, LEAD_IN]
        names = [*shape_kinds, *(r.kind for r in self._rules), *(k for k, _ in self._speaker_kinds)]
        self.kinds: tuple[str, ...] = ("", *dict.fromkeys(names))  # code → kind; code 0 is "keep"
        self._code = {k: i for i, k in enumerate(self.kinds)}

    def document_type(self, title: str) -> str:
        return next((t for t, pattern in self._types if pattern.search(title)), self.config.default_type)

    def speaker_kind(self, name: str | None) -> str | None:
        if name is None:
            return None
        return next((kind for kind, pattern in self._speaker_kinds if pattern.fullmatch(name)), None)

    def label(self, text: str) -> tuple[str | None, str]:
        """(speaker name, the rest) when `text` opens with a speaker label, else (None, text)."""
        match = self._label.match(text) if self._label else None
        return (match.group(1).strip(), text[match.end() :]) if match else (None, text)

    def classify(self, text: str, doc_type: str | None = None, speaker: str | None = None) -> str | None:
        """The junk kind of one sentence (None: keep it). `speaker` is whoever holds the turn, if known."""
        body = plain(text) if _MARKUP.search(text) else " ".join(text.split())
        name, body = self.label(body)
        kind = self.speaker_kind(name or speaker)
        if kind:
            return kind
        if self._strip is not None:
            body = self._strip.sub("", body).strip()
        words = _WORD.findall(body)
        return self._rule_kind(body, len(words), doc_type) or self._shape_kind(body, words)

    def _rule_kind(self, body: str, words: int, doc_type: str | None) -> str | None:
        lower = body.lower()
        for rule in self._rules:
            if words > rule.max_words or (rule.documents and doc_type not in rule.documents):
                continue
            if rule.matches(body, lower):
                return rule.kind
        return None

    def _shape_kind(self, body: str, words: list[str]) -> str | None:
        shape = self.config.shape
        if len(words) < shape.min_words:
            return FRAGMENT
        if body.endswith(":") and len(words) <= shape.lead_in_max_words:
            return LEAD_IN
        if len(words) <= shape.caps_max_words:
            letters = [c for c in body if c.isalpha()]
            if sum(c.isupper() for c in letters) >= 0.8 * len(letters):
                return HEADING
        if len(words) <= shape.heading_max_words and not _END.search(body):
            content = [w for w in words if w.lower() not in _FUNCTION_WORDS and not w[0].isdigit()]
            if content and sum(w[0].isupper() for w in content) >= shape.heading_capitalised * len(content):
                return HEADING
        return None

    def document_codes(self, doc: Document) -> list[int]:
        """One code per content sentence of `doc` (0: keep), speaker turns followed across paragraphs."""
        doc_type = self.document_type(doc.title)
        turns = self._turns(doc)
        return [
            self._code[kind] if (kind := self.classify(doc.text(s.start, s.end), doc_type, turns.get(s.paragraph)))
            else KEEP
            for s in doc.sentences
        ]  # fmt: skip

    def _turns(self, doc: Document) -> dict[int, str | None]:
        """Paragraph number → the speaker holding the turn (None before the first label)."""
        if self._label is None:
            return {}
        speaker, turns = None, {}
        for para in doc.paragraphs:
            name, _ = self.label(doc.text(para.start, min(para.end, para.start + 100)).lstrip("*_ "))
            speaker = name or speaker
            turns[para.number] = speaker
        return turns

    def codes(self, documents: Sequence[Document]) -> np.ndarray:
        """Every passage's code, in knowledge-base order (uint8)."""
        flat = [c for d in documents for c in self.document_codes(d)]
        return np.array(flat, dtype=np.uint8)
