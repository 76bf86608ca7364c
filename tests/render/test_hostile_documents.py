"""A document's own title, text and URL cannot add a link or a mention to what the bot posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.links import safe_url
from bot.config import Config
from bot.render.embeds import render_pages
from tests.helpers import Bot, write_doc
from tests.render.markdown_check import live_mentions, masked_links

EVIL_URL = "https://policy.example/brief)[Click to verify](https://evil.example/steal"
TITLE = "**Urgent** [official](https://evil.example) <@123> @everyone `x` ||spoiler||"
BODY = """
    The liaison office in Tokyo was discussed at length by the delegations [see](https://evil.example).
    A second sentence about the liaison office mentions @here and <@&456> for good measure.
"""


@pytest.fixture
def bot(tmp_path: Path, config: Config) -> Bot:
    write_doc(tmp_path, "evil.md", BODY, title=f"'{TITLE}'", url=f"'{EVIL_URL}'")
    return Bot(tmp_path, config)


@pytest.mark.parametrize("message", ["!cite liaison office in Tokyo", "!ask liaison office", "!sources", "!summary"])
def test_document_text_and_url_add_no_link_or_mention(bot: Bot, message: str) -> None:
    answer = bot(message)
    ours = {safe_url(e.citation.quote_url) for e in answer.excerpts}
    markdown = "\n".join(p.title + "\n" + p.description + "\n" + p.footer for p in render_pages(answer))
    for _text, target in masked_links(markdown):
        assert target in ours and target.startswith("https://policy.example/brief%29%5B"), target
    assert live_mentions(markdown) == []


def test_the_citation_link_keeps_the_documents_address_with_markdown_characters_encoded() -> None:
    assert safe_url(EVIL_URL) == "https://policy.example/brief%29%5BClick%20to%20verify%5D%28https://evil.example/steal"
    assert safe_url("https://x.example/a#:~:text=b%2Dc,d") == "https://x.example/a#:~:text=b%2Dc,d"
    assert safe_url("javascript:alert(1)") is None
