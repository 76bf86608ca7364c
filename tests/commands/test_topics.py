from __future__ import annotations

from bot.answers.model import Status


def test_partners_names_all_four_with_their_leaders_and_cites(seed_bot) -> None:
    answer = seed_bot("!partners")
    partners = next(s for s in answer.sections if s.heading.startswith("Partners"))
    for name in ["Australia", "New Zealand", "Japan", "South Korea"]:
        assert name in partners.heading
    quoted = partners.excerpts[0].text
    for leader in ["Anthony Albanese", "Chris Hipkins", "Fumio Kishida", "Yoon Suk-yeol"]:
        assert leader in quoted


def test_partners_covers_each_partnership_area_with_an_excerpt(seed_bot) -> None:
    answer = seed_bot("!partners")
    areas = [s for s in answer.sections if s.heading.startswith("What the partnerships cover")]
    headings = " ".join(s.heading for s in areas)
    for area in ["Maritime security", "Cyber", "Climate", "Space", "Emerging technologies", "Interoperability"]:
        assert area in headings
    assert all(len(s.excerpts) == 1 for s in areas)
    assert any("interoperability" in s.excerpts[0].text for s in areas if "Interoperability" in s.heading)
    assert not answer.notes  # nothing missing


def test_topic_missing_from_the_knowledge_base_says_so(make_bot, tmp_path) -> None:
    (tmp_path / "other.md").write_text("Australia and Japan held talks on trade.\n", encoding="utf-8")
    answer = make_bot()("!partners")
    assert answer.status is Status.OK
    assert "New Zealand" in answer.notes[0] and "South Korea" in answer.notes[0]
