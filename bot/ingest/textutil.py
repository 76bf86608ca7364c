"""Small text helpers shared by the extractors: decoding, paragraphs, titles from file names."""

from __future__ import annotations

import re
from pathlib import PurePath

from bot.ingest.errors import ExtractError

_BLANK_LINES = re.compile(r"\n(?:[ \t\f\v]*\n)+")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


def decode_text(data: bytes, charset: str | None = None, *, name: str = "the file") -> str:
    """Decode ``data`` with ``charset`` (from HTTP) or else strict UTF-8; raise ExtractError otherwise."""
    encoding = charset or "utf-8-sig"
    try:
        text = data.decode(encoding)
    except LookupError:
        raise ExtractError(f"{name} declares an unknown text encoding ({charset})") from None
    except UnicodeDecodeError as exc:
        raise ExtractError(
            f"{name} is not valid {charset or 'UTF-8'} text (bad byte at position {exc.start}); "
            "save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        raise ExtractError(f"{name} looks like binary data, not text")
    return text.lstrip("\ufeff")


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs on blank lines; trim trailing spaces, keep single line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINES.split(text)
    cleaned = ("\n".join(line.rstrip() for line in block.strip("\n").split("\n")) for block in blocks)
    return [block for block in cleaned if block.strip()]


def join_paragraphs(blocks: list[str]) -> str:
    """Paragraphs separated by exactly one blank line (a paragraph's leading indentation is kept)."""
    return "\n\n".join(block.strip("\n").rstrip() for block in blocks if block.strip())


def squash_spaces(text: str) -> str:
    """Collapse runs of spaces and tabs (not newlines) to one space."""
    return _SPACES.sub(" ", text).strip()


def title_from_filename(filename: str | None) -> str:
    """A readable title from a file name: "nato-summit_2024.pdf" -> "nato summit 2024"."""
    if not filename:
        return ""
    stem = PurePath(filename).stem
    return squash_spaces(re.sub(r"[_\-.]+", " ", stem))
