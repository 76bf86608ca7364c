"""Hostile commands through the one dispatcher, rendered as Discord would get them.

Property, for every message: no handler crashes; every page is within Discord's limits; the only live
masked links are the bot's own citation links and no mention is live; the JSON and text renderings work;
and the work is bounded (at most MAX_LOOKUPS fuzzy lookups, a query no longer than max_query_chars after
NFKC). The seed article plus a hostile document (Markdown, mentions and a link-breaking URL in its title,
text and front matter) is the knowledge base.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.answers.links import safe_url
from bot.answers.model import Status
from bot.commands.dispatcher import MAX_ARGUMENT_CHARS, Dispatcher
from bot.config import Config
from bot.engine import Engine
from bot.render import limits
from bot.render.embeds import render_pages
from bot.render.jsonout import answer_json
from bot.render.text import render_text
from bot.search import vocabulary
from bot.search.lookup_budget import MAX_LOOKUPS
from bot.search.query import QueryBuilder
from bot.utils.reply import to_embed
from tests.fuzz.profiles import fuzz_settings
from tests.helpers import PROJECT, write_doc
from tests.render.markdown_check import live_mentions, masked_links
from tests.render.test_hostile_documents import BODY, EVIL_URL, TITLE

HOSTILE = [
    "<@123456789012345678>", "<@!1>", "<@&42>", "@everyone", "@here", "<#99>", "[click](https://evil.example)",
    "](https://evil.example)", "**", "__", "~~", "||", "`", "```", "> ", "# ", "-# ", "\ufdfa", "\u202e", "\u200b",
    "\x00", "\n", "\t", "ﬁ", "Ａ", "e\u0301", "😀", "https://x.example/a)b", "\\", "%", "'", '"', "“", "nato",
    "china", "joint drills", "Vilnius", "Australia", "liaison office", "zzqx", "drils", "ask", "!ask",
]  # fmt: skip
COMMANDS = ["ask", "cite", "threats", "summary", "sources", "docs", "help", "partners", "ASK", "unknown", ""]
fragment = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12), st.characters().map(str))
argument = st.one_of(
    st.lists(fragment, max_size=40).map(" ".join),
    st.lists(fragment, max_size=40).map("".join),
    st.text(min_size=500, max_size=3000),
    st.sampled_from(HOSTILE).map(lambda h: h * 300),
)
messages = st.builds(
    lambda p, c, a: f"{p}{c} {a}", st.sampled_from(["!", "", "!!", "! "]), st.sampled_from(COMMANDS), argument
)


@pytest.fixture(scope="module")
def dispatcher(config: Config, tmp_path_factory: pytest.TempPathFactory) -> Dispatcher:
    folder = tmp_path_factory.mktemp("knowledge")
    (folder / "seed.md").write_text(
        (PROJECT / "knowledge" / "nato-indo-pacific-vilnius.md").read_text("utf-8"), "utf-8"
    )
    write_doc(folder, "evil.md", BODY, title=f"'{TITLE}'", url=f"'{EVIL_URL}'", tags="['@everyone', '[x](y)']")
    return Dispatcher(Engine.load(Path(folder), config))


def check_within_limits(answer) -> str:
    markdown = []
    for page in render_pages(answer):
        embed = to_embed(page)
        assert len(embed.title or "") <= limits.EMBED_TITLE
        assert 0 < len(embed.description or "") <= limits.EMBED_DESCRIPTION or not answer.sections
        assert len(embed) <= limits.EMBED_TOTAL
        markdown.append(f"{page.title}\n{page.description}\n{page.footer}")
    return "\n".join(markdown)


@fuzz_settings()
@given(message=messages)
def test_no_hostile_command_crashes_pings_links_or_overflows(dispatcher: Dispatcher, message: str) -> None:
    extract, build = vocabulary.process.extract, QueryBuilder.build
    with (
        mock.patch.object(vocabulary.process, "extract", side_effect=extract) as lookups,
        mock.patch.object(QueryBuilder, "build", autospec=True, side_effect=build) as queries,
    ):
        answer = dispatcher.handle(message)
    assert answer.status is not Status.ERROR, answer.intro
    markdown = check_within_limits(answer)
    ours = {safe_url(e.citation.quote_url) for e in answer.excerpts}
    assert all(target in ours for _text, target in masked_links(markdown)), masked_links(markdown)
    assert live_mentions(markdown) == []
    json.dumps(answer_json(answer))
    render_text(answer)
    assert lookups.call_count <= MAX_LOOKUPS
    for call in queries.call_args_list:  # config phrases (an actor's aliases) are queries too
        assert len(unicodedata.normalize("NFKC", call.args[1])) <= MAX_ARGUMENT_CHARS + 1000
