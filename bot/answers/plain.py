"""Show a source's words without its Markdown markup: [text](url) → text, **bold** → bold, \\# → #.

Excerpts keep the exact source text (`Excerpt.text`, at the cited offsets); this is only how the words are
displayed and how a text-fragment link finds them on the rendered page."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]\n]*(?:\n[^\]\n]*)?)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_STRAY = re.compile(r"(?<!\\)(\*\*|__)")  # half of a pair the sentence split cut in two


def plain(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _STRAY.sub("", _LIST_MARKER.sub("", text))
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())
