"""`digest --preview` prints exactly what the service then posts."""

from __future__ import annotations

import shutil

from bot.render.text import render_text
from tests.digest.conftest import NEW, World, add_docs, channel, utc
from tests.frontends.test_cli import run
from tests.helpers import PROJECT

TRACKING = {"topics": ["partners"], "actors": ["china", "russia"]}


async def test_preview_equals_the_posted_payload(world: World) -> None:
    service = await world.service(utc("2024-06-02T07:00"), channel(**TRACKING))
    add_docs(world.knowledge, NEW)
    await world.reload(service, utc("2024-06-03T06:00"))
    preview = service.prepare(service.config.channels[0], utc("2024-06-03T08:00"))
    await service.tick(utc("2024-06-03T08:00"))
    (channel_id, answers) = world.send.sent[0]
    assert channel_id == 42 and answers == preview.answers
    assert service.log.get(42, preview.local_date).payload_hash == preview.payload_hash


async def test_the_command_line_preview_is_what_gets_posted(world: World, tmp_path) -> None:
    config = tmp_path / "config"
    shutil.copytree(PROJECT / "config", config)
    (config / "digest.yaml").write_text(
        "channels:\n  - {channel_id: 42, time: '09:00', timezone: Europe/London, topics: [partners], "
        "actors: [china, russia]}\n",
        encoding="utf-8",
    )
    service = await world.service(utc("2024-06-02T07:00"), channel(**TRACKING))
    add_docs(world.knowledge, NEW)
    await world.reload(service, utc("2024-06-03T06:00"))
    paths = ["--knowledge", str(world.knowledge), "--config", str(config), "--data", str(world.db.parent)]
    out = run("digest", "--preview", "--channel", "42", "--at", "2024-06-03T09:00", *paths)
    assert out.returncode == 0, out.stderr
    header, printed = out.stdout.split("\n\n", 1)
    assert header.startswith("=== channel 42 · digest for 2024-06-03")
    await service.tick(utc("2024-06-03T08:00"))
    posted = "\n\n".join(render_text(a) for a in world.send.sent[0][1])
    assert printed.rstrip("\n") == posted
    assert "Drills near Taiwan" in posted


def test_preview_of_an_unknown_channel_is_a_clear_error(tmp_path) -> None:
    out = run("digest", "--preview", "--channel", "5", "--data", str(tmp_path))
    assert out.returncode == 2 and "channel 5 is not in config/digest.yaml" in out.stderr
