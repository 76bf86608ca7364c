"""BM25Index gives exactly rank-bm25's scores (with Lucene idf), only faster."""

from __future__ import annotations

import numpy as np

from bot.search.analyzer import Analyzer
from bot.search.bm25 import LuceneIdfBM25
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


def test_scores_match_rank_bm25_get_scores() -> None:
    analyzer = Analyzer()
    corpus = [analyzer.terms(s) for s in SENTENCES]
    index = BM25Index.build(corpus, k1=1.2, b=0.75)
    reference = LuceneIdfBM25([c or [""] for c in corpus], k1=1.2, b=0.75)
    for question in ["Russia Ukraine sanctions", "Taiwan", "security Indo-Pacific Quad", "unknown words here"]:
        terms = analyzer.terms(question)
        ids, scores = index.score([WeightedTerm(t) for t in terms])
        dense = np.zeros(len(corpus))
        dense[ids] = scores
        np.testing.assert_allclose(dense, reference.get_scores(terms), rtol=1e-5, atol=1e-6)


def test_dense_and_sparse_scores_agree_with_weights() -> None:
    analyzer = Analyzer()
    index = BM25Index.build([analyzer.terms(s) for s in SENTENCES])
    terms = [WeightedTerm("russia"), WeightedTerm("ukrain", 0.5)]
    ids, scores = index.score(terms)
    dense = index.dense(terms)
    assert list(ids) == list(np.flatnonzero(dense))
    np.testing.assert_allclose(dense[ids], scores)
    assert list(index.matching(["russia", "taiwan"])) == [1, 3, 6]
