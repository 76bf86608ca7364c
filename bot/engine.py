"""The knowledge engine: documents → passages → index → ranked hits. Imports nothing from Discord."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np

from bot.cache.keys import digest
from bot.cache.pipeline import load_knowledge
from bot.cache.quality_cache import quality_codes
from bot.config import Config
from bot.config.phrases import config_phrases
from bot.knowledge.base import KnowledgeBase, Passage
from bot.knowledge.model import Document
from bot.knowledge.quality import QualityFilter
from bot.search.analyzer import Analyzer
from bot.search.index import BM25Index
from bot.search.matchtext import MatchText
from bot.search.query import Expander, Query, QueryBuilder
from bot.search.retrieve import Filters, Hit, retrieve
from bot.search.vocabulary import Vocabulary

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class LoadStats:
    documents: int
    passages: int
    skipped: list[tuple[str, str]]
    seconds: float


def analyzer_for(config: Config) -> Analyzer:
    return Analyzer(phrases=config_phrases(config))


class Engine:
    def __init__(
        self,
        config: Config,
        kb: KnowledgeBase,
        index: BM25Index,
        vocabulary: Vocabulary,
        stats: LoadStats,
        match: MatchText | None = None,
        quality: np.ndarray | None = None,
    ) -> None:
        self.config = config
        self.kb = kb
        self.index = index
        self.vocabulary = vocabulary
        self.stats = stats
        self.match = match or MatchText.build(kb.texts())
        self.quality = QualityFilter(config.quality)
        # per passage: 0, or the code of the junk kind (config/quality.yaml) that keeps it out of answers
        self.quality_codes = quality if quality is not None else quality_codes(kb.documents, self.quality)
        self.junk: np.ndarray = self.quality_codes > 0
        self.analyzer = analyzer_for(config)
        search = config.settings.search
        expander = Expander(self.analyzer, config.aliases, search.related_weight)
        self.queries = QueryBuilder(self.analyzer, expander)
        self._terms: dict[tuple[str, ...], list[str]] = {}
        self._memo: dict[str, object] = {}

    @classmethod
    def load(cls, knowledge: Path, config: Config, data: Path | None = None) -> Engine:
        """Load a knowledge folder; with a data folder, reuse and refresh the caches in `data/cache`."""
        started = time.perf_counter()
        cache = data / "cache" if data is not None else None
        snap = load_knowledge(knowledge, config, cache)
        kb = KnowledgeBase(snap.documents)
        path = cache / f"quality-{digest(str(knowledge.resolve()))[:16]}.npz" if cache else None
        codes = quality_codes(kb.documents, QualityFilter(config.quality), path)
        stats = LoadStats(len(kb.documents), len(kb), snap.skipped, time.perf_counter() - started)
        return cls(config, kb, snap.index, snap.vocabulary, stats, snap.match, codes)

    @classmethod
    def from_documents(
        cls,
        documents: list[Document],
        config: Config,
        skipped: list[tuple[str, str]] | None = None,
        started: float | None = None,
    ) -> Engine:
        started = time.perf_counter() if started is None else started
        kb = KnowledgeBase(documents)
        analyzer = analyzer_for(config)
        tokens = [analyzer.tokens(text) for text in kb.texts()]
        search = config.settings.search
        index = BM25Index.build([[t.term for t in ts] for ts in tokens], search.k1, search.b, search.builder)
        vocabulary = Vocabulary.from_tokens(tokens)
        stats = LoadStats(len(kb.documents), len(kb), skipped or [], time.perf_counter() - started)
        log.info("indexed %d documents, %d passages in %.2f s", stats.documents, stats.passages, stats.seconds)
        return cls(config, kb, index, vocabulary, stats)

    def query(self, text: str) -> Query:
        return self.queries.build(text)

    def terms(self, words: list[str]) -> list[str]:
        """Index terms for plain words or phrases from config (e.g. an actor's aliases), remembered: the
        same config lists are analysed on every !threats and topic answer."""
        key = tuple(words)
        found = self._terms.get(key)
        if found is None:
            found = [t for w in words for t in self.analyzer.name_terms(w)]
            if len(self._terms) < 4096:
                self._terms[key] = found
        return list(found)

    def search(
        self, query: Query | str, k: int, *, min_coverage: float | None = None, filters: Filters | None = None
    ) -> list[Hit]:
        if isinstance(query, str):
            query = self.query(query)
        floor = self.config.settings.answers.min_coverage if min_coverage is None else min_coverage
        return retrieve(
            self.index, query, k, min_coverage=floor, filters=filters or Filters(), same_text=self._text_key
        )

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """A value derived from this engine's knowledge and config, built once on first use."""
        if name not in self._memo:
            self._memo[name] = build()
        return self._memo[name]  # type: ignore[return-value]

    def junk_kind(self, pid: int) -> str | None:
        """Why a passage is kept out of answers (a kind from config/quality.yaml), or None."""
        return self.quality.kinds[self.quality_codes[pid]] or None

    def passage(self, pid: int) -> Passage:
        return self.kb.passage(pid)

    def _text_key(self, pid: int) -> str:
        return self.match.key(pid)
