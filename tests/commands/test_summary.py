from __future__ import annotations

from bot.answers.model import Status


def _positions(answer):
    return [(e.citation.document, e.citation.start) for e in answer.excerpts]


def test_summary_is_three_to_five_cited_sentences_in_document_order(seed_bot) -> None:
    answer = seed_bot("!summary")
    assert 3 <= len(answer.excerpts) <= 5
    assert _positions(answer) == sorted(_positions(answer))
    assert all("Keep Reading" not in e.text for e in answer.excerpts)


def test_summary_of_a_document_by_id_or_title(seed_bot) -> None:
    by_id = seed_bot("!summary nato-indo-pacific-vilnius")
    by_title = seed_bot("!summary NATO's Indo-Pacific partners at the Vilnius summit")
    assert _positions(by_id) == _positions(by_title)


def test_summary_focused_on_an_actor_mentions_it(seed_bot) -> None:
    answer = seed_bot("!summary russia")
    assert answer.excerpts, "a summary about Russia quotes something"
    assert all("Russia" in e.text for e in answer.excerpts)


def test_summary_focused_on_a_topic(seed_bot) -> None:
    answer = seed_bot("!summary partners")
    assert answer.title.endswith("NATO's Indo-Pacific partners")
    assert 3 <= len(answer.excerpts) <= 5


def test_summary_of_something_absent(seed_bot) -> None:
    assert seed_bot("!summary cryptocurrency regulation").status is Status.EMPTY


def test_short_document_is_summarised_whole(make_bot, tmp_path) -> None:
    (tmp_path / "short.md").write_text("One fact. Two facts.\n", encoding="utf-8")
    assert [e.text for e in make_bot()("!summary").excerpts] == ["One fact.", "Two facts."]
