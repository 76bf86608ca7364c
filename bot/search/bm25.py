"""BM25 statistics from rank-bm25, with an idf that never goes negative.

rank-bm25's Okapi idf, log((N - n + 0.5) / (n + 0.5)), is negative for any term in more than half the
passages; in a one-article knowledge base "NATO" is such a term and rank-bm25 then floors it to a
small epsilon. Lucene's idf, log(1 + (N - n + 0.5) / (n + 0.5)), keeps common-but-meaningful words
positive and still ranks rare words far above them.
"""

from __future__ import annotations

import math

from rank_bm25 import BM25Okapi


def lucene_idf(n: int, df: int) -> float:
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


class LuceneIdfBM25(BM25Okapi):
    def _calc_idf(self, nd: dict[str, int]) -> None:
        n = self.corpus_size
        self.idf = {term: lucene_idf(n, df) for term, df in nd.items()}
