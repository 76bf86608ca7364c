"""Grid search for BM25 k1/b and analyser variants on SciFact **train** queries only.

`python -m bench.tune_retrieval` prints nDCG@10 / R@100 for each setting; the test split is never read.
"""

from __future__ import annotations

import itertools
import sys

from bench.metrics import evaluate
from bench.retrieval import DocumentRanker
from bench.scifact import load_scifact
from bench.shared import evaldata
from bot.search.analyzer import Analyzer

# Lucene's EnglishAnalyzer default stop set (33 words), for comparison with the bot's NLTK-based list.
LUCENE_STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then there these "
    "they this to was will with".split()
)
ANALYSERS = {  # the union of the two lists equals the bot list (it already holds Lucene's)
    "bot": Analyzer(),
    "lucene-stop": Analyzer(stopwords=LUCENE_STOPWORDS),
    "no-stop": Analyzer(stopwords=frozenset()),
}
K1S = (0.6, 0.9, 1.2, 1.5, 1.8)
BS = (0.5, 0.65, 0.75, 0.85, 1.0)


def main() -> int:
    data = load_scifact(evaldata("scifact"), "train")
    for name, analyzer in ANALYSERS.items():
        tokens = [analyzer.terms(t) for t in data.texts]
        for k1, b in itertools.product(K1S, BS):
            ranker = DocumentRanker.from_tokens(data.doc_ids, tokens, analyzer, k1, b)
            scores = evaluate(data.qrels, ranker.run(data.queries))
            print(name, k1, b, " ".join(f"{v:.4f}" for v in scores.values()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
