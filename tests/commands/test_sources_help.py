from __future__ import annotations

from bot.answers.model import Status
from tests.helpers import write_doc


def test_sources_lists_each_document_with_counts(seed_bot) -> None:
    answer = seed_bot("!sources")
    assert answer.lines == [
        "`nato-indo-pacific-vilnius` — NATO's Indo-Pacific partners at the Vilnius summit (undated) · 9 ¶, 23 sentences"
    ]


def test_sources_newest_first_and_filtered(make_bot, tmp_path) -> None:
    write_doc(tmp_path, "old.md", "Old text about Japan.", title="Old", date="2021-01-01")
    write_doc(tmp_path, "new.md", "New text about Korea.", title="New", date="2024-01-01")
    bot = make_bot()
    assert [line.split("`")[1] for line in bot("!sources").lines] == ["new", "old"]
    assert [line.split("`")[1] for line in bot("!sources old").lines] == ["old"]
    assert bot("!sources zebra").status is Status.EMPTY


def test_help_lists_every_command_with_an_example(seed_bot) -> None:
    answer = seed_bot("!help")
    for name in ["ask", "partners", "threats", "summary", "cite", "sources", "help"]:
        assert any(line.startswith(f"`!{name}") and "e.g. `!" in line for line in answer.lines)


def test_help_for_one_command(seed_bot) -> None:
    answer = seed_bot("!help cite")
    assert "Usage: `!cite <phrase>`" in answer.lines
    assert seed_bot("!help nonsense").status is Status.USAGE


def test_sources_shows_origin_and_who_added_it(make_bot, tmp_path) -> None:
    write_doc(
        tmp_path,
        "fed.md",
        "A feed story about ports.",
        title="Fed",
        date="2024-03-14",
        origin="feed:harbour-news",
        added_by="policybot",
        fetched="2024-03-15T09:30:12+00:00",
    )
    write_doc(tmp_path, "long.md", "Long origin text.", title="Long", origin="feed:" + "x" * 70)
    write_doc(tmp_path, "prose.md", "Prose origin text.", title="Prose", origin="y" * 50)
    lines = {line.split("`")[1]: line for line in make_bot()("!sources").lines}
    assert lines["fed"].endswith(
        "(2024-03-14) · 1 ¶, 1 sentences · feed:harbour-news · added by policybot on 2024-03-15"
    )
    assert lines["long"].endswith(" · feed:" + "x" * 54 + "…")
    assert lines["prose"].endswith("1 sentences")  # a long hand-written origin is prose, not shown
