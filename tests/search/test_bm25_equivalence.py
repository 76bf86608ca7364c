"""BM25Index gives exactly rank-bm25's scores (with Lucene idf), only faster."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search.analyzer import Analyzer
from bot.search.bm25 import LuceneIdfBM25
from bot.search.bm25_build import BUILDERS
from bot.search.index import BM25Index, WeightedTerm

SENTENCES = [
    "NATO allies met in Vilnius to discuss Ukraine.",
    "China and Russia held joint naval drills near Japan.",
    "The Quad leaders discussed maritime security in the Indo-Pacific.",
    "Sanctions on Russia were expanded after the invasion of Ukraine.",
    "AUKUS partners will build nuclear-powered submarines.",
    "The the the",  # only stopwords: an empty passage
    "Taiwan, Taiwan and Taiwan again: the Taiwan Strait.",
]


@pytest.mark.parametrize("builder", BUILDERS)
def test_scores_match_rank_bm25_get_scores(builder: str) -> None:
    analyzer = Analyzer()
    corpus = [analyzer.terms(s) for s in SENTENCES]
    index = BM25Index.build(corpus, k1=1.2, b=0.75, builder=builder)
    reference = LuceneIdfBM25(corpus, k1=1.2, b=0.75)
    for question in ["Russia Ukraine sanctions", "Taiwan", "security Indo-Pacific Quad", "unknown words here"]:
        terms = analyzer.terms(question)
        ids, scores = index.score([WeightedTerm(t) for t in terms])
        dense = np.zeros(len(corpus))
        dense[ids] = scores
        np.testing.assert_allclose(dense, reference.get_scores(terms), rtol=1e-5, atol=1e-6)


def test_both_builders_give_identical_arrays_and_no_empty_term() -> None:
    analyzer = Analyzer()
    corpus = [analyzer.terms(s) for s in SENTENCES * 3] + [[], ["nato", "nato"]]
    a, b = (BM25Index.build(corpus, k1=1.1, b=0.6, builder=x) for x in BUILDERS)
    assert a.vocab == b.vocab and "" not in a.vocab and list(a.vocab) == sorted(a.vocab)
    for name in ("idf", "ptr", "docs", "weights"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert a.n_passages == b.n_passages == len(corpus)


def test_only_empty_passages_give_an_empty_vocabulary() -> None:
    for builder in BUILDERS:
        index = BM25Index.build([[], []], builder=builder)
        assert index.vocab == {} and index.n_passages == 2 and not len(index.dense([WeightedTerm("x")]).nonzero()[0])


def test_dense_and_sparse_scores_agree_with_weights() -> None:
    analyzer = Analyzer()
    index = BM25Index.build([analyzer.terms(s) for s in SENTENCES])
    terms = [WeightedTerm("russia"), WeightedTerm("ukrain", 0.5)]
    ids, scores = index.score(terms)
    dense = index.dense(terms)
    assert list(ids) == list(np.flatnonzero(dense))
    np.testing.assert_allclose(dense[ids], scores)
    assert list(index.matching(["russia", "taiwan"])) == [1, 3, 6]


def test_forward_terms_are_each_passages_terms_in_order() -> None:
    analyzer = Analyzer()
    corpus = [analyzer.terms(s) for s in SENTENCES]
    index = BM25Index.build(corpus)
    names = {i: t for t, i in index.vocab.items()}
    assert [[names[i] for i in index.passage_terms(p)] for p in range(len(corpus))] == corpus
    again = BM25Index.from_arrays(index.to_arrays())
    assert [again.passage_terms(p) for p in range(len(corpus))] == [index.passage_terms(p) for p in range(len(corpus))]
