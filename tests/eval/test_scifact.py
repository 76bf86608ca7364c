"""SciFact test split through the bot's analyser and BM25 index: nDCG@10 must stay at or above 0.67."""

from __future__ import annotations

import pytest

from bench.eval_retrieval import scifact_scores
from tests.eval.conftest import require

pytestmark = pytest.mark.eval


def test_scifact_ndcg_at_10() -> None:
    require("scifact")
    scores = scifact_scores("test")
    assert scores["nDCG@10"] >= 0.67, scores
    assert scores["R@100"] >= 0.88, scores
