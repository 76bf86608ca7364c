"""!ask on small knowledge bases built for each case: context, titles, dates, answerability."""

from __future__ import annotations

import json

from bot.answers.model import Status
from bot.render.jsonout import answer_json
from tests.helpers import write_doc as write

ATTACK = """
Hamas terrorists attacked towns in southern Israel on October 7, the deadliest day for Jews since the Holocaust.
More than 1,400 people were killed, including at least a dozen of our citizens.

The President spoke with the Prime Minister the same evening.
"""


def test_answer_sentence_found_through_the_sentence_before_it(make_bot, tmp_path) -> None:
    write(tmp_path, "attack.md", ATTACK, title="Statement on the attacks in Israel", date="2023-10-08")
    write(tmp_path, "other.md", "Citizens abroad should register with the embassy. The embassy is open daily.")
    bot = make_bot()
    answer = bot("!ask How many citizens were killed in the Hamas attack?")
    assert "at least a dozen of our citizens" in answer.excerpts[0].text


def test_question_naming_an_event_finds_the_document_whose_title_names_it(make_bot, tmp_path) -> None:
    write(
        tmp_path,
        "poltava.md",
        "Russian missiles struck a training facility, killing more than 50 people.",
        title="Statement on the Russian attack on Poltava",
        date="2024-09-03",
    )
    write(tmp_path, "other.md", "Many people died in the floods. The strike by dock workers ended.", date="2024-09-01")
    answer = make_bot()("!ask How many people died in the Poltava strike?")
    assert "killing more than 50 people" in answer.excerpts[0].text
    assert answer.data["answerability"] in ("confident", "closest")


def test_a_sentence_that_points_back_is_shown_with_the_one_before_and_both_are_cited(make_bot, tmp_path) -> None:
    write(tmp_path, "office.md", "NATO proposed a liaison office in Tokyo. It would be the first in Asia. Ships sail.")
    answer = make_bot()("!ask first office in Asia")
    top = answer.excerpts[0]
    assert top.text == "NATO proposed a liaison office in Tokyo. It would be the first in Asia."
    assert (top.citation.from_sentence, top.citation.sentence) == (1, 2)
    assert top.citation.label.endswith("¶1, sentences 1–2")


def test_a_date_in_the_question_prefers_documents_of_that_date(make_bot, tmp_path) -> None:
    for month in ("2022-06-10", "2023-03-02", "2024-11-20"):
        write(
            tmp_path,
            f"sanctions-{month}.md",
            f"The United States announced new sanctions on Russia ({month[:4]} round).",
            title="Sanctions on Russia",
            date=month,
        )
    bot = make_bot()
    assert bot("!ask sanctions on Russia in June 2022").excerpts[0].citation.date == "2022-06-10"
    assert bot("!ask sanctions on Russia in 2023").excerpts[0].citation.date == "2023-03-02"
    assert bot("!ask latest sanctions on Russia").excerpts[0].citation.date == "2024-11-20"


def test_words_about_the_asking_do_not_count_against_a_passage(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "China opposes the proposed liaison office in Tokyo.")
    answer = make_bot()("!ask what does the article say about the liaison office?")
    assert answer.data["answerability"] == "confident"
    assert "liaison office" in answer.excerpts[0].text


def test_an_invented_name_makes_the_question_unanswerable(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "The Quad members agreed to protect undersea cables. The treaty protocol was signed.")
    answer = make_bot()("!ask What does the Orlenburg Protocol require Quad members to do about undersea cables?")
    assert answer.status is Status.EMPTY and not answer.excerpts
    assert any("Orlenburg" in n for n in answer.notes)


def test_a_year_after_the_newest_document_is_unanswerable(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "Leaders met at the NATO summit and agreed on defence spending.", date="2024-07-10")
    answer = make_bot()("!ask What did NATO leaders agree at the 2030 summit?")
    assert not answer.excerpts and answer.data["answerability"] == "nothing"


def test_a_typo_is_corrected_and_the_reply_says_so(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "The secretary general welcomed the new members. Weather was fine.")
    answer = make_bot()("!ask what did the secratary general welcome")
    assert "secretary general" in answer.excerpts[0].text
    assert any("“secretary” for “secratary”" in n for n in answer.notes)


def test_weak_matches_come_under_a_closest_matches_label(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "Japan increased its defence budget. Tokyo hosted the talks. Rain fell on Monday.")
    answer = make_bot()("!ask japan defence budget navy ships")
    assert answer.excerpts and answer.data["answerability"] == "closest"
    assert answer.title.startswith("Closest matches") and "may not answer the question" in answer.title


def test_json_says_which_of_the_three_replies_it_was(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "The frigate visited Darwin in March. Officials praised the crew.")
    bot = make_bot()
    for question, verdict in (("frigate Darwin", "confident"), ("bitcoin price", "nothing")):
        out = json.loads(json.dumps(answer_json(bot(f"!ask {question}"))))
        assert out["data"]["answerability"] == verdict
        assert bool(out["excerpts"]) == (verdict != "nothing")


def test_context_alone_never_makes_an_excerpt(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "The frigate visited Darwin in March. Officials praised the crew.")
    texts = [e.text for e in make_bot()("!ask frigate Darwin").excerpts]
    assert texts == ["The frigate visited Darwin in March."]


def test_the_same_words_in_two_documents_are_shown_once_with_where_else(make_bot, tmp_path) -> None:
    remarks = "We will hold Russia accountable for this brutal attack on Ukraine's power grid. Thank you all."
    write(tmp_path, "prepared.md", remarks, title="Remarks as prepared", date="2024-03-01")
    write(tmp_path, "delivered.md", remarks.replace("this brutal", "this brutal,"), title="Remarks as delivered")
    write(tmp_path, "other.md", "Russia struck the power grid again overnight.", date="2024-03-02")
    answer = make_bot()("!ask Russia attack on Ukraine's power grid")
    texts = [e.text for e in answer.excerpts]
    assert sum("hold Russia accountable" in t for t in texts) == 1
    first = next(s for s in answer.sections if "hold Russia accountable" in s.excerpts[0].text)
    assert first.note == "Also in 1 other document."


def test_a_name_typed_with_its_letters_swapped_is_corrected_even_for_weak_matches(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "The youngest son of Genghis Khan, Tolui, was born in 1192. The steppe was cold.")
    answer = make_bot()("!ask Which of Ghengis Khan's children was youngest?")
    assert answer.excerpts and "Tolui" in answer.excerpts[0].text
    assert any("“Genghis” for “Ghengis”" in n for n in answer.notes)


def test_a_misspelt_name_is_corrected_alongside_a_misspelt_word(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "The growth of Mnemiopsis in the Black Sea was promoted by warm water. Fish were few.")
    answer = make_bot()("!ask What promoted the growrth of Mnemiposis in the Black Sea?")
    assert answer.excerpts and "warm water" in answer.excerpts[0].text
    assert answer.data["answerability"] == "confident"


def test_a_different_real_name_is_not_taken_for_a_typo(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "The city welcomed Prince Albert. The provincial archive opened in 2023.")
    write(tmp_path, "b.md", "The lunar lander touched down on the moon.")
    assert not make_bot()("!ask How did the 2023 Alberta provincial election turn out?").excerpts
    assert not make_bot()("!ask What did Ladner say about the lunar lander?").excerpts


def test_a_name_guessed_for_a_typo_is_what_the_excerpts_are_about(make_bot, tmp_path) -> None:
    """ "Ladner" may be the Lander the documents know, but then the excerpts must be about Lander, never a
    confident answer from a document that names no one."""
    write(tmp_path, "a.md", "Eric Lander led the science office for a year.")
    write(
        tmp_path, "b.md", "The governor said the bridge repairs were too costly. The plan for the bridge was dropped."
    )
    for i in range(6):
        write(tmp_path, f"f{i}.md", f"Report {i} covers the harbour and trade of region {i}. Ships came and went.")
    answer = make_bot()("!ask What did Ladner say about the bridge repairs?")
    assert answer.data["answerability"] != "confident"
    assert all("Lander" in e.text for e in answer.excerpts)


def test_an_accented_name_is_recognised_and_corrected_as_the_documents_spell_it(make_bot, tmp_path) -> None:
    write(tmp_path, "a.md", "In 1525 the preacher Thomas Müntzer led the revolt in Thuringia. The revolt failed.")
    answer = make_bot()("!ask What did Müntzre lead?")
    assert answer.excerpts and "Müntzer" in answer.excerpts[0].text
    assert any("“Müntzer” for “Müntzre”" in n for n in answer.notes)


def test_guessing_a_misspelt_name_takes_one_vocabulary_scan(tmp_path) -> None:
    """Each scan compares the name with every known word; a command has only a few (lookup_budget)."""
    from pathlib import Path

    from bot.config import load_config
    from bot.engine import Engine
    from bot.search.answering import answer_question
    from bot.search.lookup_budget import lookup_budget

    write(tmp_path, "a.md", "Luther's colleague Karlstadt preached in Wittenberg while Luther was away.")
    engine = Engine.load(tmp_path, load_config(Path("config")))
    with lookup_budget(1):
        found = answer_question(engine, "Who preached in Wittenberg while Luther was away, Karistadt?", 3)
    assert ("Karistadt", "Karlstadt") in found.corrections
