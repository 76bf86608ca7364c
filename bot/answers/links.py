"""URLs from documents made safe to put in a Markdown link or after a quote: nothing in them can end the link.

A document's ``url`` is text from front matter or a feed. ``https://x/a)[click](https://evil)`` inside
``[title](…)`` would close the link at the first ``)`` and add a masked link of its own to every citation.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_ORIGIN = re.compile(r"(?i)(https?)://([a-z0-9.\-]+(?::\d{1,5})?|\[[0-9a-f:.]+\](?::\d{1,5})?)(.*)", re.DOTALL)
# Kept as they are: unreserved characters, the delimiters URLs need (":~:" of a text fragment too) and
# existing %-escapes. Everything else (parentheses, brackets, <>, quotes, backslash, *, @, spaces) is %-encoded.
_KEEP = "-._~:/?#=&%+,;!$"


def safe_url(url: str | None) -> str | None:
    """An http(s) URL with every Markdown-significant character %-encoded; None if it is not one."""
    if not url:
        return None
    match = _ORIGIN.fullmatch(url.strip())
    if match is None:
        return None
    scheme, host, rest = match.groups()
    return f"{scheme.lower()}://{host}{quote(rest, safe=_KEEP)}"
