"""YAML front matter: `---` line, YAML mapping, `---` line, then the body."""

from __future__ import annotations

import re

from bot.knowledge.safe_yaml import UnsafeYaml, load_mapping

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
        meta = load_mapping(match.group(1))
    except UnsafeYaml as exc:
        raise FrontMatterError(f"front matter: {exc}") from None
    return meta, match.end()
