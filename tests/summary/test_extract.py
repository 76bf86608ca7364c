"""The summariser picks verbatim sentences of the document, in order, never more than asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_config
from bot.engine import Engine
from bot.knowledge.memory import document_from_text
from bot.summary.extract import summarise_document
from bot.summary.textrank import similarity

CONFIG = Path(__file__).resolve().parents[2] / "config"

BODY = """Storms closed the port of Dover on Monday, stranding lorries on the motorway.

Ferry operators said the port of Dover would reopen once the storms eased. Lorries queued for twelve miles.
Drivers were offered water. The storms are expected to ease on Tuesday, when the port of Dover reopens.

A local bakery sold out of bread."""


@pytest.fixture(scope="module")
def engine() -> Engine:
    docs = [
        document_from_text("news/storm", "Storms close Dover", BODY),
        document_from_text("news/short", "Short note", "Only one sentence here."),
    ]
    return Engine.from_documents(docs, load_config(CONFIG))


def _texts(engine: Engine, pids: list[int]) -> list[str]:
    return [engine.passage(p).text for p in pids]


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_respects_n_and_keeps_document_order(engine: Engine, n: int) -> None:
    doc = engine.kb.by_id["news/storm"]
    chosen = summarise_document(engine, doc, n)
    assert len(chosen) == n
    assert chosen == sorted(chosen)
    assert set(chosen) <= set(engine.kb.passage_ids(doc))


def test_sentences_are_verbatim_and_title_is_not_one(engine: Engine) -> None:
    doc = engine.kb.by_id["news/storm"]
    texts = _texts(engine, summarise_document(engine, doc, 3))
    assert len(texts) == 3
    assert all(t in BODY for t in texts)
    assert "Storms close Dover" not in texts


def test_prefers_central_sentences(engine: Engine) -> None:
    texts = _texts(engine, summarise_document(engine, engine.kb.by_id["news/storm"], 2))
    assert "A local bakery sold out of bread." not in texts
    assert "Drivers were offered water." not in texts


def test_short_document_returns_all_it_has(engine: Engine) -> None:
    doc = engine.kb.by_id["news/short"]
    assert _texts(engine, summarise_document(engine, doc, 3)) == ["Only one sentence here."]


def test_similarity_handles_empty_and_one_word_sentences() -> None:
    sim = similarity([[], ["port"], ["port", "dover"], ["port", "dover", "storm"]])
    assert sim.shape == (4, 4)
    assert (sim.diagonal() == 0).all()
    assert sim[0].sum() == 0
    assert sim[2, 3] > sim[1, 3] > 0


def test_long_pools_keep_the_best_connected_sentences_in_order() -> None:
    from bot.summary.extract import most_connected

    hub = ["port", "dover", "storm", "ferri"]
    tokens = [[f"word{i}", f"other{i}"] for i in range(10)] + [hub] * 3 + [["port", "lorri"]]
    assert most_connected(tokens, 100) == list(range(14))
    assert most_connected(tokens, 4) == [10, 11, 12, 13]
