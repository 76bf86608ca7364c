"""Sentence traits read at every load: a question, a number or amount, a time, a sentence pointing back."""

from __future__ import annotations

import pytest

from bot.search.traits import BACKREF, NUMBER, QUESTION, TIME, name_count, traits


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("Is it really an alternative to Russian pipeline gas?", QUESTION),
        ("This entails joint drills.", BACKREF),
        ("They spent $1.85 billion today.", NUMBER | TIME | BACKREF),
        ("**It** was 2021", NUMBER | TIME | BACKREF),
        ("We met last week in Paris.", TIME),
        ("Three ships sailed.", NUMBER),
        ("Nothing here.", 0),
    ],
)
def test_traits(text: str, flags: int) -> None:
    assert traits(text) == flags


def test_names_are_counted_after_the_first_word() -> None:
    assert name_count("The leaders of Japan, Australia and New Zealand met in Vilnius.") == 5
    assert name_count("Nothing capitalised here.") == 0
