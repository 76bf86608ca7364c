from __future__ import annotations

from urllib.parse import unquote

from bot.answers.model import Status
from tests.helpers import write_doc


def test_exact_phrase_gives_the_whole_sentence_and_a_quote_line(seed_bot) -> None:
    answer = seed_bot("!cite liaison office in Tokyo")
    ex = answer.excerpts[0]
    assert ex.text.startswith("China has expressed opposition") and ex.text.endswith("region.")
    assert answer.data["exact"] is True
    assert answer.data["quotes"][0] == (f"> “{ex.text}” — NATO's Indo-Pacific partners at the Vilnius summit, ¶8")


def test_curly_and_straight_apostrophes_match(seed_bot) -> None:
    assert "each other’s military resources" in seed_bot("!cite each other's military resources").excerpts[0].text


def test_typo_falls_back_to_fuzzy_with_a_note(seed_bot) -> None:
    answer = seed_bot("!cite joint drils")
    assert "joint drills" in answer.excerpts[0].text
    assert answer.data["exact"] is False
    assert "closest" in answer.notes[0]


def test_nothing_close_says_so(seed_bot) -> None:
    answer = seed_bot("!cite quantum banana smoothie")
    assert answer.status is Status.EMPTY and not answer.excerpts


def test_document_with_url_gets_a_text_fragment_link(make_bot, tmp_path) -> None:
    write_doc(
        tmp_path,
        "d.md",
        "Leaders met in Vilnius on Tuesday. They agreed to deepen co-operation, "
        "including joint drills at sea, cyber defence and space, over the next five years.",
        title="Summit",
        url="https://example.org/story#top",
    )
    answer = make_bot()("!cite joint drills at sea")
    link = answer.excerpts[0].citation.quote_url
    assert link.startswith("https://example.org/story#:~:text=")
    start, end = link.split("#:~:text=")[1].split(",")
    assert unquote(start) == "They agreed to deepen" and unquote(end) == "the next five years."
    assert link in answer.lines[0]


def test_short_sentence_link_quotes_it_exactly(make_bot, tmp_path) -> None:
    write_doc(tmp_path, "d.md", "NATO-Japan drills began.", title="S", url="https://example.org/s")
    link = make_bot()("!cite drills began").excerpts[0].citation.quote_url
    assert link == "https://example.org/s#:~:text=NATO%2DJapan%20drills%20began."


def test_phrase_of_only_common_words_asks_for_more(seed_bot) -> None:
    assert seed_bot("!cite of the").status is Status.USAGE


def test_phrase_pasted_from_the_page_matches_across_markdown_links(make_bot, tmp_path) -> None:
    write_doc(
        tmp_path,
        "m.md",
        "The ministers published an [updated\nversion](https://example.org/v2) of the roadmap.",
        title="Roadmap",
        url="https://example.org/r",
    )
    answer = make_bot()("!cite published an updated version of the roadmap")
    assert answer.data["exact"] is True
    assert answer.excerpts[0].display == "The ministers published an updated version of the roadmap."
    assert "published%20an" in answer.excerpts[0].citation.quote_url
