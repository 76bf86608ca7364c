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
