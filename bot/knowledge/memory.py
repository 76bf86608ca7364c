"""Documents from text already in memory (feeds, evaluations): the title goes in front matter.

The text is laid out as a knowledge file would be (YAML front matter, blank line, body) and parsed by
the same loader, so a title is metadata and never a sentence that can be quoted or summarised.
"""

from __future__ import annotations

import yaml

from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.loader import parse_document
from bot.knowledge.model import Document


def document_from_text(
    doc_id: str, title: str, body: str, boilerplate: Boilerplate | None = None, date: str | None = None
) -> Document:
    meta = {"title": title, **({"date": date} if date else {})}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    source = f"---\n{front}---\n\n{body.strip()}\n"
    return parse_document(doc_id, f"{doc_id}.md", source, boilerplate or Boilerplate())
