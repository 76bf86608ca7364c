"""The local chat has every command: !add (a file path or a URL, through ingest's SSRF guard), !reload,
!digest preview|now, and !sync, which says it needs Discord. The person at the console is the owner."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Config
from bot.knowledge.frontmatter import split_front_matter
from tests.exts.conftest import SEED
from tests.exts.helpers import living_config
from tests.frontends.chat_helpers import chat_runtime, say
from tests.helpers import write_doc
from tests.ingest.conftest import Site, site  # noqa: F401  (the local aiohttp server)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    knowledge = tmp_path / "knowledge"
    write_doc(knowledge, "teapots.md", SEED, title="Teapot diplomacy", date="2024-01-05")
    return knowledge, tmp_path / "data"


async def test_add_a_file_by_path_then_cite_it(config: Config, folders: tuple[Path, Path], tmp_path: Path) -> None:
    knowledge, data = folders
    note = write_doc(tmp_path / "outside", "kettle.md", "The kettle accord caps kettles at three per embassy.")
    async with chat_runtime(config, knowledge, data) as chat:
        reply = await say(chat, f"!add {note}")
        assert "Added: kettle" in reply and "added by console" in reply
        assert "caps kettles at three" in await say(chat, "!cite kettle accord caps")
    stored = [p for p in knowledge.glob("*.md") if p.name != "teapots.md"]
    meta, _ = split_front_matter(stored[0].read_text(encoding="utf-8"))
    assert meta["origin"] == "upload"


async def test_add_a_missing_file_or_unsupported_type_is_refused(
    config: Config, folders: tuple[Path, Path], tmp_path: Path
) -> None:
    knowledge, data = folders
    (tmp_path / "pic.png").write_bytes(b"\x89PNG")
    async with chat_runtime(config, knowledge, data) as chat:
        assert "There is no file at" in await say(chat, f"!add {tmp_path / 'nope.md'}")
        assert "only .html, .md, .pdf, .txt files are supported" in await say(chat, f"!add {tmp_path / 'pic.png'}")
    assert [p.name for p in knowledge.iterdir()] == ["teapots.md"]


async def test_add_a_url_goes_through_the_ssrf_guard(config: Config, folders: tuple[Path, Path], site: Site) -> None:  # noqa: F811
    knowledge, data = folders
    async with chat_runtime(config, knowledge, data) as chat:  # the shipped config: loopback is refused
        reply = await say(chat, f"!add {site.url('/story/border-talks')}")
    assert "refused" in reply and "127.0.0.1" in reply and site.requests == []
    async with chat_runtime(living_config(config), knowledge, data) as chat:  # 127.0.0.1 allowlisted
        reply = await say(chat, f"!add {site.url('/story/border-talks')}")
        assert "Added: The border talks story" in reply
        assert "declined to comment" in await say(chat, "!ask who declined to comment on the border-talks matter")


async def test_reload_picks_up_a_new_file(config: Config, folders: tuple[Path, Path]) -> None:
    knowledge, data = folders
    async with chat_runtime(config, knowledge, data) as chat:
        write_doc(knowledge, "spoons.md", "The spoon protocol was signed in Oslo.", title="Spoons")
        assert "Knowledge base reloaded" in await say(chat, "!reload")
        assert "spoon protocol was signed in Oslo" in await say(chat, "!cite spoon protocol")


async def test_digest_preview_and_now_show_a_digest_and_post_nothing(
    config: Config, folders: tuple[Path, Path]
) -> None:
    knowledge, data = folders
    async with chat_runtime(config, knowledge, data) as chat:
        preview = await say(chat, "!digest preview")
        assert preview.startswith("Daily digest")
        now = await say(chat, "!digest now")
        assert now.startswith("Daily digest") and "Nothing was posted" in now
        assert chat.digest is not None and chat.digest.log.entries(1) == []  # nothing logged


async def test_sync_explains_that_it_needs_discord(config: Config, folders: tuple[Path, Path]) -> None:
    async with chat_runtime(config, *folders) as chat:
        reply = await say(chat, "!sync")
    assert "`!sync` works in Discord only" in reply and "DISCORD_TOKEN" in reply


async def test_the_console_is_the_owner(config: Config, folders: tuple[Path, Path]) -> None:
    async with chat_runtime(config, *folders) as chat:
        help_text = await say(chat, "!help")
    assert "🔒" not in help_text  # nothing is locked for the owner …
    assert "`!sync` — Publish" in help_text and "— Discord only" in help_text  # … but !sync needs Discord
