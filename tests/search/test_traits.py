"""Sentence traits read at every load: a question, a number or amount, a time, a sentence pointing back."""

from __future__ import annotations

import pytest

from bot.search.counted import counted_noun, counter
from bot.search.traits import AMOUNT, BACKREF, NUMBER, QUESTION, TIME, YEAR, name_count, traits
from tests.helpers import write_doc


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("Is it really an alternative to Russian pipeline gas?", QUESTION),
        ("This entails joint drills.", BACKREF),
        ("They spent $1.85 billion today.", NUMBER | AMOUNT | TIME | BACKREF),
        ("Tariffs rise from 25% to 100 percent.", NUMBER | AMOUNT),
        ("Leaders from 36 countries came.", NUMBER),
        ("**It** was 2021", NUMBER | TIME | YEAR | BACKREF),
        ("Louis XIII died in 1643.", NUMBER | TIME | YEAR),
        ("Pi is about 3.1415.", NUMBER),
        ("It cost 5bn euros, up 3 per cent.", NUMBER | AMOUNT | BACKREF),
        ("We met last week in Paris.", TIME),
        ("Three ships sailed.", NUMBER),
        ("Nothing here.", 0),
    ],
)
def test_traits(text: str, flags: int) -> None:
    assert traits(text) == flags


def test_names_are_counted_after_the_first_word() -> None:
    assert name_count("The leaders of Japan, Australia and New Zealand met in Vilnius.") == 5
    assert name_count("Nothing capitalised here.") == 0


@pytest.mark.parametrize(
    ("docs", "question", "expected"),
    [
        pytest.param(
            {
                "deal.md": "Signed in July 2025, this agreement is not merely a trade deal between Japan and the "
                "United States: it is the first strategic realignment of the Japan-US economic relationship.\n\n"
                "Japan will invest $550 billion in American industries under the deal."
            },
            "How much is Japan investing in the US under the trade deal?",
            "$550 billion",
            id="how much: an amount",
        ),
        pytest.param(
            {
                "summit.md": "Five working groups met twice before the summit, with countries taking turns as "
                "hosts.\n\n"
                "Over two days, the summit brought together leaders from 36 countries and the European Union."
            },
            "How many countries were at the summit?",
            "36 countries",
            id="how many: a number that counts what is asked",
        ),
        pytest.param(
            {
                "king.md": "The old king of the island died today.\n\nHistorians agree that the old king of the "
                "island, a patron of the arts, died in 1643 after a long reign.",
                "calendar.md": "The island's year begins in spring.",
            },
            "In what year did the old king of the island die?",
            "1643",
            id="what year: a year",
        ),
    ],
)
def test_the_kind_of_answer_asked_ranks_first(make_bot, tmp_path, docs: dict, question: str, expected: str) -> None:
    for name, text in docs.items():
        write_doc(tmp_path, name, text)
    answer = make_bot()(f"!ask {question}")
    assert expected in answer.excerpts[0].text


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("How many countries came?", "countries"),
        ("how many of the countries voted", "countries"),
        ("How many other objects were shot down?", "objects"),
        ("How many US troops are in Poland?", "troops"),
        ("How many of them came?", None),
        ("Who came?", None),
    ],
)
def test_the_word_a_how_many_question_counts(question: str, noun: str | None) -> None:
    assert counted_noun(question) == noun


def test_a_number_counts_the_noun_only_right_before_it() -> None:
    counts = counter("countri")
    assert counts("Leaders from 36 countries came.") and counts("twelve partner countries")
    assert not counts("In 2022, countries agreed.")  # the year is not a count
    assert not counts("Five working groups met with the countries.")
    assert not counter("us")("3 users")  # too short a stem to match safely


def test_the_word_naming_the_answer_kind_is_found_in_a_sentence_of_that_kind(make_bot, tmp_path) -> None:
    """ "What year" is answered by a sentence with a year, though it never says "year"."""
    write_doc(tmp_path, "siege.md", "The siege ended in 1622.")
    write_doc(tmp_path, "fleet.md", "Every year the fleet anchors off the coast.")
    answer = make_bot()("!ask What year was the siege?")
    assert "1622" in answer.excerpts[0].text
    assert answer.data["answerability"] == "confident"


def test_only_the_word_right_after_what_names_the_answer_kind(make_bot, tmp_path) -> None:
    """In "when is mother's day celebrated", "day" is part of the subject: a sentence with a year does not
    answer it."""
    write_doc(tmp_path, "a.md", "Mother tongue education began in 1990. Schools taught in two languages.")
    write_doc(tmp_path, "b.md", "Budget talks in the capital dragged on. The ministers met in May.")
    for i in range(6):
        write_doc(tmp_path, f"f{i}.md", f"Report {i} covers the harbour and trade of region {i}. Ships came and went.")
    answer = make_bot()("!ask When is mother's day celebrated?")
    assert answer.data["answerability"] != "confident"
