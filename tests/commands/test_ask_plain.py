"""Questions as a new user types them about the seed article (tests/data/plain_questions.yaml): each gets
the right excerpt, or runs the command it is really asking for, or gets "nothing relevant"."""

from __future__ import annotations

import pytest
import yaml

from bot.answers.model import Status
from tests.helpers import PROJECT

CASES = yaml.safe_load((PROJECT / "tests" / "data" / "plain_questions.yaml").read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("—", " ").lower().split())


@pytest.mark.parametrize("case", CASES["ask"], ids=[c["q"] for c in CASES["ask"]])
def test_plain_question_is_answered(seed_bot, case: dict) -> None:
    answer = seed_bot(f"!ask {case['q']}")
    assert answer.excerpts, f"no excerpt for {case['q']!r}: {answer.title}"
    within = [_norm(e.text) for e in answer.excerpts[: case.get("within", 3)]]
    assert any(_norm(q) in text for q in case["expect_any"] for text in within), within
    if case.get("routed"):
        assert answer.command == case["routed"]
        assert answer.intro and answer.intro.startswith("Answered as `!")  # it says so, in one line
        assert answer.data.get("routed_from") == "ask"
    else:
        assert answer.command == "ask"


@pytest.mark.parametrize("case", CASES["nothing"], ids=[c["q"] for c in CASES["nothing"]])
def test_question_about_what_the_article_does_not_cover_gets_nothing(seed_bot, case: dict) -> None:
    answer = seed_bot(f"!ask {case['q']}")
    assert answer.status is Status.EMPTY and not answer.excerpts
    assert answer.data["answerability"] == "nothing"


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("is russia a threat?", "threats"),
        ("what does it say about china", "summary"),
        ("sanctions on russia", "ask"),  # a question about something, not the actor in general
        ("Which countries set up partners in the Blue Pacific?", "ask"),
    ],
)
def test_only_questions_that_are_commands_are_routed(seed_bot, question: str, command: str) -> None:
    assert seed_bot(f"!ask {question}").command == command
