"""`Vocabulary.from_ids` (the loader's compact path) equals `from_terms` (the reference)."""

from __future__ import annotations

import numpy as np

from bot.search.analyzer import Analyzer
from bot.search.vocabulary import Vocabulary

TEXTS = [
    "NATO’s allies met; NATO allies agreed.",
    "",
    "Allied forces and the alliance's allies: North Korea, north Korea!",
    "Rules-based order, rules based, rule-based ALLIES.",
    "the the the",
]


def test_same_as_from_terms() -> None:
    analyzer = Analyzer(phrases=["north korea"])
    passages = [analyzer.tokens(t) for t in TEXTS * 2]
    reference = Vocabulary.from_tokens(passages)
    term_ids: dict[str, int] = {}
    word_ids: dict[str, int] = {}
    terms = [term_ids.setdefault(t.term, len(term_ids)) for ts in passages for t in ts]
    words = [word_ids.setdefault(t.surface, len(word_ids)) for ts in passages for t in ts]
    lengths = np.array([len(ts) for ts in passages])
    got = Vocabulary.from_ids(np.array(terms), np.array(words), lengths, list(term_ids), list(word_ids))
    assert got.surfaces == reference.surfaces
    assert got.frequency == reference.frequency
    assert got.uses == reference.uses
    assert got.closest("allise") == reference.closest("allise")


def test_frequency_from_the_index_is_the_same() -> None:
    from bot.search.index import BM25Index

    analyzer = Analyzer()
    passages = [analyzer.terms(t) for t in TEXTS]
    index = BM25Index.build(passages)
    from_index = dict(zip(index.vocab, np.diff(index.ptr).tolist(), strict=True))
    assert from_index == Vocabulary.from_tokens([analyzer.tokens(t) for t in TEXTS]).frequency


def test_every_word_form_used_often_enough_is_a_correction() -> None:
    """ "responsible" shares its stem with the commoner "response", and is still offered for "resposible"."""
    analyzer = Analyzer()
    texts = ["The response was quick.", "A response came.", "The response team met."]
    texts += ["Ministers are responsible.", "Officers are responsible."]
    vocabulary = Vocabulary.from_tokens([analyzer.tokens(t) for t in texts])
    assert vocabulary.surfaces[analyzer.stem(["responsible"])[0]] == "response"
    assert vocabulary.closest("resposible", limit=1) == ["responsible"]


def test_equally_close_words_offer_the_commoner_first() -> None:
    analyzer = Analyzer()
    texts = ["Our allies met.", "The allies agreed.", "Allies came.", "Aliens landed.", "Aliens left."]
    vocabulary = Vocabulary.from_tokens([analyzer.tokens(t) for t in texts])
    assert vocabulary.closest("alies", limit=1) == ["allies"]
