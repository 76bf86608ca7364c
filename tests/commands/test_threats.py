from __future__ import annotations

from bot.answers.model import Status


def test_china_threats_include_the_strategic_concept_view(seed_bot) -> None:
    answer = seed_bot("!threats china")
    assert any("serious threat" in e.text for e in answer.excerpts[:3])
    assert all("China" in e.text for e in answer.excerpts)
    assert len(answer.excerpts) > 2


def test_every_threat_excerpt_names_the_actor_and_a_threat(seed_bot) -> None:
    for ex in seed_bot("!threats russia").excerpts:
        assert "Russia" in ex.text
        assert any(
            w in ex.text.lower() for w in ["threat", "danger", "confront", "challeng", "impede", "invade", "sanction"]
        )


def test_alias_and_case_resolve_to_the_actor(seed_bot) -> None:
    assert seed_bot("!threats BEIJING").data["actor"] == "china"


def test_typo_is_corrected_with_a_note(seed_bot) -> None:
    answer = seed_bot("!threats chnia")
    assert answer.data["actor"] == "china"
    assert "you typed" in answer.notes[0]


def test_a_name_the_knowledge_base_never_mentions_says_so(seed_bot) -> None:
    answer = seed_bot("!threats atlantis")
    assert answer.status is Status.EMPTY and "Nothing in the knowledge base mentions “atlantis”" in answer.title
    assert "china" in answer.intro and "russia" in answer.intro and "Unknown actor" not in answer.title


def test_no_actor_lists_actors_with_mention_counts(seed_bot) -> None:
    answer = seed_bot("!threats")
    counts = answer.data["actors"]
    assert counts["china"] >= 6 and counts["russia"] >= 6 and counts["north korea"] == 0
    assert any(line.startswith("China — mentioned in") for line in answer.lines)


def test_north_korea_does_not_match_south_korea(seed_bot) -> None:
    answer = seed_bot("!threats north korea")
    assert answer.status is Status.EMPTY


def test_south_korea_is_never_turned_into_north_korea(seed_bot) -> None:
    answer = seed_bot("!threats south korea")
    assert answer.data["actor"] is None and answer.data["entity"] == "south korea"
    assert not answer.notes and "North Korea" not in answer.title


def test_a_typo_of_an_actor_the_documents_never_use_is_corrected(seed_bot) -> None:
    assert seed_bot("!threats chnia").data["actor"] == "china"


THREATS_KB = {
    "statement.md": (
        "Statement on Wagner",
        "2023-06-01",
        "The Wagner Group has attacked civilians in Mali and threatens the stability of the Sahel.\n\n"
        "We condemn the Wagner Group for its brutal attacks on villages in the Central African Republic.\n\n"
        "Wagner mercenaries seized gold mines and smuggled the gold out of Sudan.",
    ),
    "briefing.md": (
        "Press Briefing on Africa",
        "2023-06-02",
        "Q Will you talk about the Wagner Group and its attacks today?\n\n"
        "MR. OFFICIAL: The Wagner Group has attacked civilians in Mali and threatens the stability of the Sahel.\n\n"
        "We met the Wagner Group researchers at the university library yesterday afternoon.",
    ),
}


def _threats_bot(make_bot, tmp_path):
    for name, (title, date, body) in THREATS_KB.items():
        (tmp_path / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n", encoding="utf-8")
    return make_bot()


def test_any_name_the_documents_mention_is_answered(make_bot, tmp_path) -> None:
    answer = _threats_bot(make_bot, tmp_path)("!threats wagner")
    assert answer.status is Status.OK and answer.title == "Threats: wagner"
    texts = [e.text for e in answer.excerpts]
    assert not any("university library" in t for t in texts)  # a mention without a threat
    assert not any(t.startswith("Q ") for t in texts)  # a reporter's question


def test_the_same_sentence_twice_is_shown_once(make_bot, tmp_path) -> None:
    answer = _threats_bot(make_bot, tmp_path)("!threats wagner")
    said = [e.text for e in answer.excerpts if "has attacked civilians in Mali" in e.text]
    assert len(said) == 1


def test_bare_threats_lists_other_entities_tied_to_threats(make_bot, tmp_path, config) -> None:
    import dataclasses

    entities = config.threats.entities.model_copy(update={"min_documents": 1})
    small = dataclasses.replace(config, threats=config.threats.model_copy(update={"entities": entities}))
    for name, (title, date, body) in THREATS_KB.items():
        (tmp_path / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n", encoding="utf-8")
    answer = make_bot(small)("!threats")
    assert "Wagner Group" in answer.data["entities"]
    assert any(line.startswith("Wagner Group — in 2 documents") for line in answer.lines)
