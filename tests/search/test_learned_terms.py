"""What the engine learns from the documents themselves: acronyms and word families."""

from __future__ import annotations

from bot.search.acronyms import learn_acronyms
from bot.search.conflation import learn_families
from bot.search.index import BM25Index
from tests.helpers import write_doc


def test_acronyms_are_learned_with_their_long_form() -> None:
    texts = [
        "Tariffs on electric vehicles (EVs) will rise.",
        "The Conventional Armed Forces in Europe (CFE) Treaty was suspended.",
        "The People’s Republic of China (PRC) objected.",
        "Prices (USD) rose.",  # no long form before it
        "A list of (AB) items and (CD).",  # words that are skipped right before the parentheses
    ]
    found = learn_acronyms(texts)
    assert found["EV"] == "electric vehicles"
    assert found["CFE"] == "Conventional Armed Forces in Europe"
    assert found["PRC"] == "People’s Republic of China"
    assert "USD" not in found


def test_a_question_with_the_acronym_finds_the_long_form(make_bot, tmp_path) -> None:
    write_doc(
        tmp_path,
        "a.md",
        "The plan covers electric vehicles (EVs) and batteries.\n\nThe tariff on electric vehicles rose.",
    )
    write_doc(tmp_path, "b.md", "The tariff on steel rose. The tariff on solar cells rose.")
    answer = make_bot()("!ask tariff on EVs")
    assert "electric vehicles" in answer.excerpts[0].text


def test_word_families_are_learned_from_paragraphs_used_together() -> None:
    paragraphs = [["partner", "partnership", "nato"]] * 3 + [["partner", "japan"], ["partnership", "korea"]]
    paragraphs += [["state", "border"]] * 40 + [["statement", "press"]] * 40 + [["state", "statement"]]
    index = BM25Index.build(paragraphs)
    families = learn_families(index, min_lift=3.0, min_together=2)
    assert families["partner"] == ["partnership"] and families["partnership"] == ["partner"]
    assert "state" not in families  # a statement is not a state: together only by chance


def test_a_place_and_its_adjective_are_one_family_without_meeting() -> None:
    paragraphs = [["dust", "sahara", "amazon"], ["saharan", "trade", "route"], ["korea", "talks"], ["korean", "war"]]
    paragraphs += [["media", "report"], ["median", "income"], ["idea", "plan"]]
    names = {"sahara", "korea"}.__contains__  # how the documents write them: capitalised
    families = learn_families(BM25Index.build(paragraphs), min_lift=3.0, min_together=2, is_name=names)
    assert families["saharan"] == ["sahara"] and families["korea"] == ["korean"]
    assert "media" not in families  # a common word: the median is not the media's
    assert "idea" not in families  # no "idean": nothing to join


def test_a_common_word_ending_in_a_is_not_a_name(make_bot, tmp_path) -> None:
    write_doc(tmp_path, "a.md", "The media reported the vote. Median income rose. Wind carries dust from the Sahara.")
    engine = make_bot().engine
    assert engine.questions.families.get("saharan") is None  # no "Saharan" anywhere: nothing to join
    assert "median" not in engine.questions.families.get("media", [])


def test_an_adjective_of_a_place_finds_the_place(make_bot, tmp_path) -> None:
    write_doc(tmp_path, "amazon.md", "Wind carries 182 million tons of dust from the Sahara to the Amazon each year.")
    write_doc(tmp_path, "trade.md", "Saharan trade routes crossed the desert for centuries.")
    answer = make_bot()("!ask How much Saharan dust reaches the Amazon each year?")
    assert answer.excerpts and "182 million tons" in answer.excerpts[0].text
    assert answer.data["answerability"] == "confident"  # "Saharan" is found, not a word the sentence lacks
