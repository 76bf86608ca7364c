from __future__ import annotations

from bot.answers.model import Status


def test_china_threats_start_with_the_strategic_concept_view(seed_bot) -> None:
    answer = seed_bot("!threats china")
    assert "serious threat" in answer.excerpts[0].text
    assert all("China" in e.text for e in answer.excerpts)
    assert len(answer.excerpts) > 2


def test_every_threat_excerpt_names_the_actor_and_a_threat(seed_bot) -> None:
    for ex in seed_bot("!threats russia").excerpts:
        assert "Russia" in ex.text
        assert any(w in ex.text.lower() for w in ["threat", "danger", "confront", "challeng", "impede", "invade"])


def test_alias_and_case_resolve_to_the_actor(seed_bot) -> None:
    assert seed_bot("!threats BEIJING").data["actor"] == "china"


def test_typo_is_corrected_with_a_note(seed_bot) -> None:
    answer = seed_bot("!threats chnia")
    assert answer.data["actor"] == "china"
    assert "you typed" in answer.notes[0]


def test_unknown_actor_lists_known_ones(seed_bot) -> None:
    answer = seed_bot("!threats atlantis")
    assert answer.status is Status.USAGE
    assert "china" in answer.intro and "russia" in answer.intro


def test_no_actor_lists_actors_with_mention_counts(seed_bot) -> None:
    answer = seed_bot("!threats")
    counts = answer.data["actors"]
    assert counts["china"] >= 6 and counts["russia"] >= 6 and counts["north korea"] == 0
    assert any(line.startswith("China — mentioned in") for line in answer.lines)


def test_north_korea_does_not_match_south_korea(seed_bot) -> None:
    answer = seed_bot("!threats north korea")
    assert answer.status is Status.EMPTY
