"""The ReQA hit rule the benchmark scores with (no shared data needed)."""

from __future__ import annotations

from bench.reqa import Question, hit

QUESTION = Question("q1", "When did the crisis begin?", "1973 oil crisis", gold=[(100, 180)], answers=[120])


def test_the_gold_sentence_of_the_question_s_own_article_is_a_hit() -> None:
    assert hit(QUESTION, "1973-oil-crisis", 100, 180)
    assert hit(QUESTION, "1973-oil-crisis", 110, 200)  # the bot split it a little differently


def test_the_same_offsets_in_another_article_are_no_hit() -> None:
    assert not hit(QUESTION, "amazon-rainforest", 100, 180)


def test_a_sentence_elsewhere_in_the_article_is_no_hit() -> None:
    assert not hit(QUESTION, "1973-oil-crisis", 400, 480)
