from __future__ import annotations

import numpy as np
import pytest

from bot.search.bm25 import LuceneIdfBM25
from bot.search.index import BM25Index, WeightedTerm

CORPUS = [
    ["nato", "summit", "vilnius"],
    ["nato", "china", "threat"],
    ["china", "china", "russia"],
    ["japan"],
    ["nato", "japan", "australia", "partner"],
]


@pytest.mark.parametrize("query", [["nato"], ["china", "threat"], ["japan", "nato", "missing"]])
def test_scores_equal_rank_bm25(query: list[str]) -> None:
    index = BM25Index.build(CORPUS, k1=1.2, b=0.75)
    expected = LuceneIdfBM25(CORPUS, k1=1.2, b=0.75).get_scores(query)
    ids, scores = index.score([WeightedTerm(t) for t in query])
    full = np.zeros(len(CORPUS))
    full[ids] = scores
    assert full == pytest.approx(expected, rel=1e-5)


def test_a_word_in_most_passages_keeps_a_positive_idf() -> None:
    index = BM25Index.build(CORPUS)
    assert index.term_idf("nato") > 0  # in 3 of 5 passages: Okapi idf would be negative
    assert index.term_idf("australia") > index.term_idf("nato")


def test_only_passages_sharing_a_term_are_candidates() -> None:
    ids, _ = BM25Index.build(CORPUS).score([WeightedTerm("russia"), WeightedTerm("vilnius")])
    assert sorted(ids.tolist()) == [0, 2]


def test_round_trip_through_an_npz_file_without_pickle(tmp_path) -> None:
    """What the index cache does (bot/cache/index_cache.py): to_arrays → np.savez → np.load → from_arrays."""
    index = BM25Index.build(CORPUS)
    np.savez(tmp_path / "index.npz", **index.to_arrays())
    with np.load(tmp_path / "index.npz", allow_pickle=False) as stored:
        again = BM25Index.from_arrays({name: stored[name] for name in stored.files})
    assert again.vocab == index.vocab and again.n_passages == index.n_passages
    q = [WeightedTerm("china"), WeightedTerm("nato", 0.5)]
    assert np.array_equal(index.score(q)[0], again.score(q)[0])
    assert np.array_equal(index.score(q)[1], again.score(q)[1])
    assert again.passage_terms(2) == index.passage_terms(2)


def test_sparse_coverage_equals_the_dense_one() -> None:
    from bot.search.analyzer import Analyzer
    from bot.search.query import QueryBuilder
    from bot.search.retrieve import coverage, dense_coverage

    analyzer = Analyzer()
    texts = ["NATO allies met in Vilnius.", "Russia and China drills.", "", "NATO and Russia talks in Vilnius."] * 5
    index = BM25Index.build([analyzer.terms(t) for t in texts])
    query = QueryBuilder(analyzer).build("NATO Russia Vilnius unknownword")
    every = np.arange(len(texts))
    assert np.array_equal(coverage(index, query, every), dense_coverage(index, query))
    assert np.array_equal(coverage(index, query, np.array([3, 0, 2])), dense_coverage(index, query)[[3, 0, 2]])
