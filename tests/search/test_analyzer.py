from __future__ import annotations

from bot.search.analyzer import Analyzer, normalise


def test_possessives_and_curly_apostrophes_reduce_to_the_name() -> None:
    a = Analyzer()
    assert a.terms("NATO’s") == a.terms("NATO's") == a.terms("nato") == ["nato"]


def test_hyphenated_words_match_joined_and_split_forms() -> None:
    a = Analyzer()
    indexed = set(a.terms("a rules-based order"))
    assert set(a.terms("rules based")) <= indexed
    assert set(a.terms("rulesbased")) <= indexed
    assert set(a.terms("Suk-yeol")) == set(a.terms("Suk yeol")) | set(a.terms("Sukyeol"))


def test_stopwords_go_and_stems_unify_inflections() -> None:
    a = Analyzer()
    assert a.terms("What are the threats?") == a.terms("threat")
    assert a.terms("partnerships") == a.terms("partnership")


def test_dotted_acronym_survives_although_us_is_a_stopword() -> None:
    assert Analyzer().terms("the U.S. said") == ["us"]


def test_typographic_dashes_and_quotes_normalise() -> None:
    assert normalise("“Indo‑Pacific” — ok") == '"indo-pacific"   ok'


def test_configured_phrase_is_one_extra_term() -> None:
    a = Analyzer(phrases=["north korea"])
    assert "north_korea" in a.terms("North Korea tested")
    assert "north_korea" not in a.terms("South Korea and the north")
    assert a.name_terms("North Korea") == ["north_korea"]


def test_real_documents_tokenise_as_people_type() -> None:
    a = Analyzer()
    assert a.terms("the 2<sup>nd</sup> summit") == a.terms("the 2nd summit")
    assert set(a.terms("the second summit")) <= set(a.terms("the 2<sup>nd</sup> summit"))
    assert "1.1" in a.terms("$1.1 billion") and "billion" in a.terms("$1 billion")
    assert a.terms("50%") == a.terms("50 percent")
    assert {"f16", "5g", "ssnaukus"} <= set(a.terms("F-16 jets, 5G networks and SSN-AUKUS"))
    assert a.terms("1,000 troops")[0] == "1000"
    assert a.terms("Gospić") == a.terms("Gospic")
    assert "2023" in a.terms("in 2023")
