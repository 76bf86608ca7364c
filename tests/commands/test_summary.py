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


def test_seed_summary_says_who_came_and_the_strategic_concepts_view(seed_bot) -> None:
    texts = [e.text for e in seed_bot("!summary").excerpts]
    assert any("four Asian-Pacific leaders" in t and "Albanese" in t for t in texts)
    assert any("Strategic Concept" in t and "serious threat" in t for t in texts)


def _write(folder, name: str, title: str, date: str, body: str) -> None:
    (folder / name).write_text(f"---\ntitle: {title}\ndate: '{date}'\n---\n\n{body}\n", encoding="utf-8")


def test_a_summary_across_documents_is_in_date_order_without_junk_or_repeats(make_bot, tmp_path) -> None:
    line = "The Houthis fired anti-ship missiles at merchant vessels in the Red Sea again this week."
    _write(
        tmp_path, "a.md", "Statement on the Red Sea", "2024-03-01", f"{line}\n\nThe attacks threaten global shipping."
    )
    _write(tmp_path, "b.md", "Readout of a call", "2024-01-10", f"(Applause.)\n\n{line}\n\nThe Houthis seized a ship.")
    _write(
        tmp_path,
        "c.md",
        "Press Gaggle",
        "2024-02-05",
        "Q What about the Houthis and the Red Sea?\n\nMR. KIRBY: The Houthi attacks on shipping must stop now.",
    )
    answer = make_bot()("!summary houthis")
    dates = [e.citation.date for e in answer.excerpts]
    texts = [e.text for e in answer.excerpts]
    assert dates == sorted(dates) and len(set(e.citation.document for e in answer.excerpts)) > 1
    assert sum(t == line for t in texts) <= 1
    assert not any(t.startswith(("Q ", "(")) for t in texts)


def test_a_transcript_summary_favours_what_was_announced_over_questions(make_bot, tmp_path) -> None:
    body = "\n\n".join(
        [
            "THE PRESIDENT: Today we are announcing a new package of air defence for Ukraine worth one billion.",
            "The package includes Patriot interceptors and radars for the air defence of Ukrainian cities.",
            "Q Mr. President, will the air defence package for Ukraine be enough this winter?",
            "Q And what about the cost of the air defence package for Ukraine for taxpayers?",
            "THE PRESIDENT: Well, look, the air defence package for Ukraine is, you know, a lot of things.",
        ]
    )
    _write(tmp_path, "t.md", "Remarks by the President in Press Conference", "2024-05-01", body)
    texts = [e.text for e in make_bot()("!summary t").excerpts]
    assert texts[0].startswith("THE PRESIDENT: Today we are announcing")
    assert not any(t.startswith("Q ") for t in texts)
