"""What Discord would make of rendered Markdown: the masked links and the mentions that are live in it."""

from __future__ import annotations

import re

_ESCAPED = re.compile(r"\\.", re.DOTALL)
_CODE = re.compile(r"`[^`\n]+`")
_MASKED = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")
_MENTION = re.compile(r"@everyone|@here|<@!?\d+>|<@&\d+>")


def _live(markdown: str) -> str:
    """The text with escaped characters and code spans blanked out (Discord shows those literally)."""
    text = _ESCAPED.sub("\x00\x00", markdown)
    return _CODE.sub(lambda m: "\x00" * len(m.group()), text)


def masked_links(markdown: str) -> list[tuple[str, str]]:
    """(text, target) of every live [text](target) link."""
    return _MASKED.findall(_live(markdown))


def live_mentions(markdown: str) -> list[str]:
    return _MENTION.findall(_live(markdown))
