from __future__ import annotations

from bot.config.models import Aliases
from bot.search.analyzer import Analyzer
from bot.search.query import Expander, QueryBuilder


def build(text: str, **aliases: object):
    analyzer = Analyzer(phrases=["south korea"])
    expander = Expander(analyzer, Aliases(**aliases), related_weight=0.5)
    return QueryBuilder(analyzer, expander).build(text)


def test_spelling_variants_get_full_weight() -> None:
    q = build("defence", spelling=[["defence", "defense"]])
    assert {(t.term, t.weight) for t in q.terms} == {("defenc", 1.0), ("defens", 1.0)}


def test_related_names_expand_both_ways_with_lower_weight() -> None:
    q = build("beijing", related={"china": ["chinese", "beijing"]})
    weights = {t.term: t.weight for t in q.terms}
    assert weights["beij"] == 1.0 and weights["china"] == 0.5 and weights["chines"] == 0.5


def test_multi_word_alias_key_matches_in_order() -> None:
    q = build("south korea", related={"south korea": ["seoul"]})
    assert "seoul" in {t.term for t in q.terms}
    assert "seoul" not in {t.term for t in build("korea south", related={"south korea": ["seoul"]}).terms}


def test_one_concept_per_word_typed() -> None:
    assert [c.words for c in build("Indo-Pacific partners").concepts] == [
        ["indo", "pacific", "indopacific"],
        ["partners"],
    ]


def test_a_multi_word_alias_is_searched_as_its_phrase_not_its_words() -> None:
    analyzer = Analyzer(phrases=["walk away"])
    expander = Expander(analyzer, Aliases(related={"withdraw": ["walk away"]}), related_weight=0.5)
    terms = {t.term for t in QueryBuilder(analyzer, expander).build("did russia withdraw").terms}
    assert "walk_away" in terms
    assert not {"walk", "away"} & terms  # "they walked home" or "away games" are no withdrawal
