"""Cleaning what users type, and echoing it back so it can never ping anyone or break formatting."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_MARKUP = re.compile(r"[*_~`|>#\[\]\\]")
_MENTION = re.compile(r"<(@[!&]?|#)(\d+)>")


def clean(text: str) -> str:
    """Drop control and invisible characters, then collapse whitespace."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(_CONTROL.sub(" ", text).split())


def truncate(text: str, limit: int) -> tuple[str, bool]:
    if len(text) <= limit:
        return text, False
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut, True


def fit(text: str, limit: int) -> tuple[str, bool]:
    """``text`` in NFKC form (what the analyser sees), cut to ``limit`` characters at a word boundary.

    The cap applies after normalising: one character can expand to 18 (U+FDFA), so a cap on the raw text
    lets a short message become a huge query.
    """
    return truncate(unicodedata.normalize("NFKC", text), limit)


def echo(text: str, limit: int = 80) -> str:
    """User text made safe to show: no mentions, no markdown, bounded length."""
    text = _MENTION.sub(lambda m: f"{m.group(1).strip('!&')}{m.group(2)}", clean(text))
    text = _MARKUP.sub("", text).replace("@", "@\u200b")
    short, cut = truncate(text, limit)
    return short + ("…" if cut else "")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
