"""YAML front matter: `---` line, YAML mapping, `---` line, then the body."""

from __future__ import annotations

import re

import yaml

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)


class FrontMatterError(ValueError):
    pass


def split_front_matter(text: str) -> tuple[dict[str, object], int]:
    """Return (metadata, offset where the body starts). No front matter → ({}, 0)."""
    match = _FENCE.match(text)
    if not match:
        if text.startswith("---\n") or text.startswith("---\r\n"):
            raise FrontMatterError("front matter opened with '---' but never closed")
        return {}, 0
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {_first_line(exc)}") from exc
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a YAML mapping (key: value lines)")
    return meta, match.end()


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
