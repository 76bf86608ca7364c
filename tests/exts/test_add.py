"""!add through the real client and the fake Discord: URLs, attachments, duplicates, refusals, permissions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.knowledge.frontmatter import split_front_matter
from tests.exts.helpers import command, make_bot
from tests.fakediscord.objects import FakeRole


async def test_add_url_stores_indexes_and_previews(bot, fake_discord, site, knowledge: Path) -> None:
    reply = await command(fake_discord, f"!add {site.url('/story/border-talks')}", author=fake_discord.admin)
    assert "Added: The border talks story" in reply
    doc_id = bot.engine.kb.documents and next(d.id for d in bot.engine.kb.documents if d.id != "teapots")
    assert f"Added as {doc_id} · " in reply
    assert "opening paragraph of the border-talks story" in reply  # first sentence, quoted
    meta, _ = split_front_matter((knowledge / f"{doc_id}.md").read_text(encoding="utf-8"))
    assert meta["origin"] == "url" and meta["added_by"] == "alice"
    assert meta["url"].endswith("/story/border-talks") and meta["title"] == "The border talks story"
    answer = await command(fake_discord, "!ask who declined to comment on the border-talks matter")
    assert "declined to comment" in answer


async def test_add_attachment(bot, fake_discord, knowledge: Path) -> None:
    text = b"# Kettle accord\n\nThe kettle accord caps the number of boiling kettles per embassy at three.\n"
    reply = await command(fake_discord, "!add", author=fake_discord.admin, files=[("kettle.md", text)])
    assert "Added: Kettle accord" in reply and "caps the number of boiling kettles" in reply
    stored = [p for p in knowledge.glob("*.md") if p.name != "teapots.md"]
    assert len(stored) == 1
    meta, _ = split_front_matter(stored[0].read_text(encoding="utf-8"))
    assert meta["origin"] == "upload" and meta["added_by"] == "alice"
    assert "boiling kettles" in await command(fake_discord, "!ask how many boiling kettles per embassy")


async def test_unsupported_attachment_is_refused(bot, fake_discord, knowledge: Path) -> None:
    reply = await command(fake_discord, "!add", author=fake_discord.admin, files=[("pic.png", b"\x89PNG")])
    assert "Not added" in reply and "only .html, .md, .pdf, .txt files are supported" in reply
    assert sorted(p.name for p in knowledge.iterdir()) == ["teapots.md"]


async def test_duplicate_add_says_already_there(bot, fake_discord, site) -> None:
    url = site.url("/story/duplicate")
    first = await command(fake_discord, f"!add {url}", author=fake_discord.admin)
    doc_id = first.split("Added as ")[1].split(" ")[0]
    again = await command(fake_discord, f"!add <{url}>", author=fake_discord.admin)
    assert f"already in the knowledge base as {doc_id}" in again


async def test_private_address_refused_without_a_request(bot, fake_discord, site) -> None:
    reply = await command(fake_discord, "!add http://10.0.0.1/", author=fake_discord.admin)
    assert "refused: 10.0.0.1 is a private address" in reply
    redirect = await command(fake_discord, f"!add {site.url('/redirect/private')}", author=fake_discord.admin)
    assert "refused" in redirect and "10.0.0.1" in redirect
    assert site.requests == ["/redirect/private"]  # the private hop was never requested


async def test_non_admin_is_refused(bot, fake_discord, site, knowledge: Path) -> None:
    reply = await command(fake_discord, f"!add {site.url('/story/sneaky')}")  # bob, no roles
    assert "admins" in reply
    assert site.requests == []
    assert sorted(p.name for p in knowledge.iterdir()) == ["teapots.md"]


async def test_usage_without_url_or_file(bot, fake_discord) -> None:
    assert "What should I add?" in await command(fake_discord, "!add", author=fake_discord.admin)


async def test_a_configured_add_role_may_add(fake_discord, run_bot, living, knowledge: Path, tmp_path: Path) -> None:
    editors = FakeRole(fake_discord.state.ids.next(), "Editors")
    fake_discord.state.guild.roles.append(editors)
    carol = fake_discord.state.add_user("carol", roles=(editors,))
    config = dataclasses.replace(living, discord=living.discord.model_copy(update={"add_roles": ["editors"]}))
    await run_bot(make_bot(config, knowledge, tmp_path / "data"))
    text = b"The ladle memorandum governs soup diplomacy between the two capitals."
    reply = await command(fake_discord, "!add", author=carol, files=[("ladle.txt", text)])
    assert "Added: ladle" in reply and "added by carol" in reply
