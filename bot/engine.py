"""The knowledge engine: documents → passages → index → ranked hits. Imports nothing from Discord."""

from __future__ import annotations

import logging
import re
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
from bot.search.acronyms import learn_acronyms
from bot.search.analyzer import Analyzer, fold
from bot.search.conflation import learn_families
from bot.search.dates import DocumentDates, time_asked
from bot.search.fields import Fields
from bot.search.index import BM25Index
from bot.search.matchtext import MatchText
from bot.search.query import Expander, Query, QueryBuilder
from bot.search.rank import Ranked, Ranker, Words
from bot.search.retrieve import Filters, Hit, retrieve
from bot.search.semantic import Semantic
from bot.search.traits import SentenceTraits
from bot.search.vocabulary import Vocabulary

log = logging.getLogger(__name__)
T = TypeVar("T")
_WORD = re.compile(r"[^\W_]+")


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
        traits: SentenceTraits | None = None,
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
        texts = kb.texts()
        acronyms = learn_acronyms(texts) if search.acronyms else {}
        expander = Expander(self.analyzer, config.aliases, search.related_weight, search.family_weight, acronyms)
        self.queries = QueryBuilder(self.analyzer, expander)
        meta = frozenset(w for m in config.questions.meta_words for w in self.analyzer.words(m) or [m.lower()])
        self._terms: dict[tuple[str, ...], list[str]] = {}
        self.fields = Fields.build(kb, index, self.analyzer, search.k1, search.b)
        families = (
            learn_families(self.fields.paragraphs, search.family_lift, is_name=self._written_capitalised)
            if search.family_lift
            else {}
        )
        soft = config.questions.soft_words
        self.questions = QueryBuilder(
            self.analyzer, expander, meta, soft, search.related_weight, families, search.family_weight
        )
        self.dates = DocumentDates([d.date for d in kb.documents])
        traits = traits or SentenceTraits.build(texts)
        self.flags = traits.flags
        ranking = config.settings.ranking
        semantic = Semantic(texts) if search.semantic == "wordllama" else None
        self.ranker = Ranker(
            index,
            self.fields,
            self.dates,
            kb.passage_doc,
            self.flags,
            ranking,
            traits.names,
            semantic,
            Words(lambda word: self.analyzer.stem([word])[0], lambda pid: self.kb.passage(pid).text),
        )
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
        return cls(config, kb, snap.index, snap.vocabulary, stats, snap.match, codes, snap.traits)

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

    def question(self, text: str) -> Query:
        """A question as typed: like `query`, but words about the asking (article, think) are dropped."""
        return self.questions.build(text)

    def known(self, term: str) -> bool:
        """Whether any passage or document title has this index term."""
        return self.index.term_idf(term) is not None or self.fields.titles.term_idf(term) is not None

    def in_document(self, pid: int, concept) -> bool:
        """Whether the document of passage `pid` has any term of the concept, in a sentence or its title."""
        doc = int(self.kb.passage_doc[pid])
        span = self.kb.passage_ids(self.kb.documents[doc])
        for name in concept.term_names:
            if doc in self.fields.titles.postings(name)[0]:
                return True
            rows = self.index.postings(name)[0]
            at = np.searchsorted(rows, span.start)
            if at < len(rows) and rows[at] < span.stop:
                return True
        return False

    def rank(self, query: Query, k: int, *, exclude: np.ndarray | None = None) -> list[Ranked]:
        """Sentences for a question, scored on their own words and their context (bot/search/rank.py)."""
        return self.ranker.rank(query, k, time_asked(query.text), exclude=exclude, same_text=self._text_key)

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

    def name_as_written(self, word: str) -> str | None:
        """How the documents write a known word (as the vocabulary has it: lower case, accents folded) when
        they write it as a name ("Müntzer", "McDonald"); None when they do not."""
        return self._written_as_name(self.analyzer.stem([word])[0], word)

    def _written_capitalised(self, term: str) -> bool:
        return self._written_as_name(term, term) is not None

    def _written_as_name(self, term: str, word: str, sample: int = 5) -> str | None:
        """The word as written when, in the first few sentences that have the term, it is capitalised
        mid-sentence and never in lower case."""
        written = None
        for pid in self.index.postings(term)[0][:sample].tolist():
            text = self.passage(pid).text
            for match in _WORD.finditer(text):
                if fold(match.group()).lower() != word:
                    continue
                before = text[: match.start()].rstrip()
                if not before or before[-1] in '.!?:"“(':
                    continue  # a sentence's first word is capitalised anyway
                if not match.group()[0].isupper():
                    return None
                written = written or match.group()
        return written

    def passage(self, pid: int) -> Passage:
        return self.kb.passage(pid)

    def _text_key(self, pid: int) -> str:
        return self.match.key(pid)
