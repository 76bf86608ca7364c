"""What a reader of the digest expects: previews change nothing, the day's main document leads, no junk,
nothing dated after the digest, and a re-issued document listed once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from bot.digest.compose import compose
from bot.digest.model import DigestInputs
from tests.digest.conftest import NEW, World, add_docs, channel, utc
from tests.frontends.test_cli import run


def _dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


async def test_the_command_line_preview_changes_nothing_in_the_state(world: World) -> None:
    await world.service(dt.datetime.now(dt.UTC) - dt.timedelta(days=2))  # the bot ran: baseline recorded
    add_docs(world.knowledge, NEW)  # two documents the bot has not seen yet
    before, raw = _dump(world.db), world.db.read_bytes()
    paths = ["--knowledge", str(world.knowledge), "--data", str(world.db.parent)]
    out = run("digest", "--preview", *paths)  # the next digest: it would list them
    assert out.returncode == 0, out.stderr
    assert "Drills near Taiwan" in out.stdout  # the preview shows them as new …
    assert _dump(world.db) == before and world.db.read_bytes() == raw  # … without recording them


def test_a_preview_of_a_bot_that_never_ran_creates_no_state(tmp_path: Path) -> None:
    out = run("digest", "--preview", "--data", str(tmp_path / "data"))
    assert out.returncode == 0, out.stderr
    assert not (tmp_path / "data" / "state.sqlite3").exists()


async def test_preparing_a_preview_in_discord_changes_nothing(world: World) -> None:
    service = await world.service(utc("2024-06-02T07:00"), channel(topics=["partners"], actors=["china"]))
    add_docs(world.knowledge, NEW)
    await world.reload(service, utc("2024-06-03T06:00"))
    before = _dump(world.db)
    service.prepare(service.config.channels[0], utc("2024-06-03T08:00"))  # what `!digest preview` calls
    assert _dump(world.db) == before


def _inputs(ids: tuple[str, ...], day: str = "2024-06-05") -> DigestInputs:
    moment = utc(f"{day}T08:00")
    return DigestInputs(42, dt.date.fromisoformat(day), moment - dt.timedelta(days=1), moment, ids)


def test_the_main_document_leads_not_the_first_file_name(world: World) -> None:
    add_docs(
        world.knowledge,
        {
            "a-nominations.md": (
                "President Announces Key Nominees",
                "2024-06-05",
                "Jane Doe received her B.A. from State University.\n\nShe previously served as a consul in Lyon.",
            ),
            "b-statement.md": (
                "Joint Statement on Taiwan and the South China Sea",
                "2024-06-05",
                "We condemn China's dangerous military drills near Taiwan and its coercion of the Philippines.\n\n"
                "Japan and Australia will increase their joint patrols in the South China Sea.",
            ),
        },
    )
    digest = compose(world.engine(), channel(actors=["china"], items=1), _inputs(("a-nominations", "b-statement")))
    first = digest.answers[0]
    assert first.sections[0].heading.startswith("Joint Statement on Taiwan")
    assert first.notes[0] == "…and 1 more new document."


def test_key_sentences_skip_greetings_and_stage_directions(world: World) -> None:
    body = (
        "Good morning, everyone.\n\n(Applause.)\n\n"
        "Today we are announcing new sanctions on Russian banks that finance the war against Ukraine.\n\n"
        "Thank you all very much."
    )
    add_docs(world.knowledge, {"speech.md": ("Remarks by the President on Sanctions", "2024-06-05", body)})
    digest = compose(world.engine(), channel(key_sentences=2), _inputs(("speech",)))
    texts = [e.text for e in digest.answers[0].excerpts]
    assert texts == ["Today we are announcing new sanctions on Russian banks that finance the war against Ukraine."]


def test_nothing_dated_after_the_digest_is_quoted(world: World) -> None:
    add_docs(world.knowledge, NEW)  # dated 2024-06-03
    engine = world.engine()
    early = compose(engine, channel(), _inputs(("drills", "strikes"), "2024-06-02"))
    quoted = {e.citation.document for a in early.answers for e in a.excerpts}
    assert not quoted & {"drills", "strikes"}
    assert "Also new, dated after today: " in early.text and "Drills near Taiwan (2024-06-03)" in early.text
    for day in ("2024-06-01", "2024-06-02"):  # a quiet day re-reads nothing from the future either
        quiet = compose(engine, channel(), _inputs((), day))
        dates = [e.citation.date for a in quiet.answers for e in a.excerpts]
        assert all(d is None or d <= day for d in dates)


def test_a_corrected_reissue_is_listed_once(world: World) -> None:
    body = "\n\n".join(
        f"Paragraph {i}: the alliance will deploy {i} more air defence batteries to the eastern flank."
        for i in range(30)
    )
    add_docs(
        world.knowledge,
        {
            "remarks.md": ("Remarks by the Secretary General", "2024-06-05", body),
            "remarks-corrected.md": ('"CORRECTED: Remarks by the Secretary General"', "2024-06-05", body + "\n\nEnd."),
        },
    )
    digest = compose(world.engine(), channel(), _inputs(("remarks", "remarks-corrected")))
    first = digest.answers[0]
    assert first.intro.startswith("1 new document since")
    assert len(first.sections) == 1 and "also published as" in (first.sections[0].note or "")
