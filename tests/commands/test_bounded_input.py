"""One message can only cost so much: the length cap applies after NFKC, and fuzzy lookups are capped."""

from __future__ import annotations

import unicodedata

import pytest

from bot.answers.model import Status
from bot.search import vocabulary
from bot.search.lookup_budget import MAX_LOOKUPS
from tests.helpers import Bot

EXPANDING = "\ufdfa" * 500  # 500 characters that NFKC turns into 9,000


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The words each fuzzy scan of the vocabulary was for (a scan compares one word with every known word)."""
    seen: list[str] = []
    extract = vocabulary.process.extract

    def counting(word: str, *args, **kwargs):
        seen.append(word)
        return extract(word, *args, **kwargs)

    monkeypatch.setattr(vocabulary.process, "extract", counting)
    return seen


def test_the_question_is_cut_after_normalising(seed_bot: Bot, lookups: list[str]) -> None:
    answer = seed_bot(f"!ask {EXPANDING}")
    limit = seed_bot.engine.config.settings.answers.max_query_chars
    assert len(unicodedata.normalize("NFKC", EXPANDING)) > 10 * limit
    assert any("cut to its first" in n for n in answer.notes)
    assert len(lookups) <= MAX_LOOKUPS


@pytest.mark.parametrize("command", ["ask", "cite"])
def test_many_unknown_words_cost_a_bounded_number_of_fuzzy_lookups(
    seed_bot: Bot, lookups: list[str], command: str
) -> None:
    words = " ".join(f"zq{command[:2]}{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}x" for i in range(120))
    answer = seed_bot(f"!{command} {words}")
    assert answer.status in (Status.EMPTY, Status.USAGE)
    assert 0 < len(lookups) <= MAX_LOOKUPS
    assert len(set(lookups)) == len(lookups)  # a repeated word is looked up once


def test_a_repeated_unknown_word_is_looked_up_once(seed_bot: Bot, lookups: list[str]) -> None:
    seed_bot("!ask " + "vilniusz " * 60)
    assert lookups == ["vilniusz"]
