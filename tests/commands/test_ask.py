from __future__ import annotations

import pytest

from bot.answers.model import Status
from tests.helpers import write_doc


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which leader represented Japan?", "Fumio Kishida"),
        ("liaison office Tokyo opposition", "China has expressed opposition"),
        ("AUKUS", "AUKUS and the Quad"),
        ("what was measured against the Madrid summit", "yardstick"),
        ("joint military drills", "performing joint drills"),
        ("disinformation", "including disinformation"),
        ("the rules based international order", "rules-based international order"),
    ],
)
def test_best_excerpt_answers_the_question(seed_bot, question: str, expected: str) -> None:
    answer = seed_bot(f"!ask {question}")
    assert answer.status is Status.OK
    assert expected in answer.excerpts[0].text


def test_excerpts_carry_full_citations_in_rank_order(seed_bot) -> None:
    answer = seed_bot("!ask Strategic Concept China threat")
    assert 1 <= len(answer.excerpts) <= 3
    scores = [e.score for e in answer.excerpts]
    assert scores == sorted(scores, reverse=True)
    first = answer.excerpts[0].citation
    assert (first.document, first.paragraph, first.sentence) == ("nato-indo-pacific-vilnius", 2, 2)
    assert first.title == "NATO's Indo-Pacific partners at the Vilnius summit"


@pytest.mark.parametrize(
    "question", ["bitcoin price", "weather tomorrow", "recipe for banana bread", "Premier League football results"]
)
def test_unrelated_questions_get_nothing_relevant_not_padding(seed_bot, question: str) -> None:
    answer = seed_bot(f"!ask {question}")
    assert answer.status is Status.EMPTY
    assert answer.excerpts == []
    assert "Nothing relevant" in answer.title
    assert any("!partners" in n for n in answer.notes)


def test_nothing_relevant_suggests_close_spellings(seed_bot) -> None:
    answer = seed_bot("!ask interoprability")
    assert any("interoperability" in n for n in answer.notes)


def test_spelling_variant_finds_the_british_spelling(seed_bot) -> None:
    assert "defence" in seed_bot("!ask collective defense treaty").excerpts[0].text


def test_bare_question_in_chat_means_ask(seed_bot) -> None:
    assert seed_bot("Who is Chris Hipkins?").command == "ask"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Did the envoy seek a ceasefire?", "sought a ceasefire"),
        ("When did Russia walk away from the treaty?", "withdrew from the treaty"),
        ("How much did the President ask lawmakers for?", "requested $33 billion"),
        ("Who was chosen to replace the secretary general?", "successor"),
    ],
)
def test_news_paraphrases_find_the_official_wording(make_bot, tmp_path, question: str, expected: str) -> None:
    write_doc(tmp_path, "treaty.md", "Russia withdrew from the treaty in November 2023, officials confirmed.")
    write_doc(tmp_path, "envoy.md", "The envoy sought a ceasefire in May. A ceasefire would help, the envoy said.")
    write_doc(tmp_path, "aid.md", "The President requested $33 billion from lawmakers this spring.")
    write_doc(tmp_path, "alliance.md", "Allies named the Dutch prime minister as the secretary general's successor.")
    write_doc(
        tmp_path,
        "other.md",
        "The President and Congress met in Washington to discuss the treaty. "
        "Congress will ask the President about the treaty and the secretary general.",
    )
    answer = make_bot()(f"!ask {question}")
    assert answer.excerpts and expected in answer.excerpts[0].text
