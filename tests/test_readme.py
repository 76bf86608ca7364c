"""The README's example replies are the bot's real output, so the README stays true to the code."""

from __future__ import annotations

import re

import pytest

from bot.render.text import render_text
from tests.helpers import PROJECT


def examples() -> list[tuple[str, str]]:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Real output from the local chat") :]
    block = section[section.index("```text") + len("```text\n") :]
    block = block[: block.index("```")]
    parts = re.split(r"^\$ python -m bot chat '(.*)'\n", block, flags=re.M)
    return [(parts[i], parts[i + 1].strip("\n")) for i in range(1, len(parts), 2)]


def test_the_readme_has_examples() -> None:
    assert len(examples()) >= 6


@pytest.mark.parametrize(("message", "expected"), examples(), ids=[m for m, _ in examples()])
def test_readme_example_is_real_output(seed_bot, message: str, expected: str) -> None:
    assert render_text(seed_bot(message)) == expected


def regenerate() -> None:
    """Rewrite the README's example replies with the bot's real output: `python -m tests.test_readme`."""
    from bot.config import load_config
    from tests.helpers import Bot

    bot = Bot(PROJECT / "knowledge", load_config(PROJECT / "config"))
    path = PROJECT / "README.md"
    readme = path.read_text(encoding="utf-8")
    for message, expected in examples():
        fresh = render_text(bot(message))
        readme = readme.replace(
            f"$ python -m bot chat '{message}'\n{expected}\n", f"$ python -m bot chat '{message}'\n{fresh}\n", 1
        )
    path.write_text(readme, encoding="utf-8")


if __name__ == "__main__":
    regenerate()
