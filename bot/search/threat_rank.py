"""Rank sentences by what they say about a threat from or concerning an entity (config/threats.yaml).

1. Candidates: passages that name the entity and use a threat word, junk excluded, best BM25 first.
2. Each is read as a word sequence: the entity must occur as a phrase, and the threat word nearest to it
   decides its role (subject, agent after by/from, object, target after against/on, or a far mention).
3. Score = role, BM25 and how many distinct threat words it uses, scaled by length, document type and
   recency; then MMR picks excerpts that differ in wording and sub-topic, never two near-duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.config.threats import Threats
from bot.engine import Engine
from bot.knowledge.doc_features import recency, type_weights
from bot.search.neardup import SENTENCE_THRESHOLD, jaccard, words
from bot.search.positions import Phrase, Words, phrases_of, words_of
from bot.search.retrieve import Filters

MARKER = "marker"
DISTINCT_CAP = 2  # distinct threat words that count
CONTEXT_CAP = 3  # assessment words that count
SUBJECT_START = 0  # the entity is the first content word: the sentence is about it
_LIST_ITEM = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)])\s")


@dataclass(frozen=True)
class Vocabulary:
    phrases: dict[str, list[tuple[Phrase, str]]]  # first stem → (threat word or phrase, its category)
    index_terms: list[str]  # index terms one of which a candidate must contain
    agent: frozenset[str]
    target: frozenset[str]
    place: frozenset[str]
    context: frozenset[str]  # stems of the words an assessment of a threat tends to use
    weak: frozenset[str]  # stems of threat words that say less


@dataclass(frozen=True)
class Candidate:
    pid: int
    score: float
    category: str  # the sub-topic of the threat word nearest the entity
    document: int
    stems: frozenset[str]  # content stems, the entity's left out (for diversity)
    words: frozenset[str]  # for near-duplicates


def vocabulary(engine: Engine) -> Vocabulary:
    def build() -> Vocabulary:
        threats: Threats = engine.config.threats
        table: dict[str, list[tuple[Phrase, str]]] = {}
        seen: set[Phrase] = set()
        for category, items in [*threats.categories.items(), (MARKER, threats.markers)]:
            for phrase in phrases_of(engine.analyzer, items):
                if phrase not in seen:
                    seen.add(phrase)
                    table.setdefault(phrase[0], []).append((phrase, category))
        terms = sorted({t for w in threats.all_words() for t in engine.analyzer.terms(w)})
        roles = threats.roles
        context = frozenset(s for p in phrases_of(engine.analyzer, threats.context) for s in p)
        return Vocabulary(
            table,
            terms,
            frozenset(roles.agent_words),
            frozenset(roles.target_words),
            frozenset(roles.place_words),
            context,
            frozenset(s for p in phrases_of(engine.analyzer, threats.weak) for s in p),
        )

    return engine.memo("threat-vocabulary", build)


def rank(
    engine: Engine, names: Sequence[str], require: Sequence[Sequence[str]], k: int, among: Sequence[int] | None = None
) -> list[int]:
    """The k best passage ids about threats from or concerning the entity called `names`.

    `require`: groups of index terms a passage must contain (the entity's), before phrase checks;
    `among`: only these passages (default: all)."""
    threats: Threats = engine.config.threats
    vocab = vocabulary(engine)
    entity = phrases_of(engine.analyzer, names)
    own = {s for p in entity for s in p}
    query = " ".join([*names, *threats.all_words(), *threats.context])
    exclude = engine.junk
    if among is not None:
        exclude = np.ones(engine.index.n_passages, dtype=bool)
        exclude[np.asarray(list(among), dtype=np.int64)] = False
        exclude |= engine.junk
    filters = Filters(require=(*require, vocab.index_terms), exclude=exclude)
    hits = engine.search(query, threats.ranking.pool, min_coverage=0.0, filters=filters)
    if not hits:
        return []
    top = max(h.score for h in hits) or 1.0
    scored = [c for h in hits if (c := _score(engine, h.passage, h.score / top, entity, own, vocab))]
    return _diverse(scored, k, threats.ranking.diversity)


def _score(
    engine: Engine, pid: int, bm25: float, entity: list[Phrase], own: set[str], vocab: Vocabulary
) -> Candidate | None:
    threats: Threats = engine.config.threats
    text = engine.passage(pid).text
    seq = words_of(engine.analyzer, text)
    at = seq.find_any(entity, prefix=True)
    found = _threat_words(seq, vocab, own)
    if not at or not found:
        return None
    role, category = _role(seq, at, found, vocab, threats)
    distinct = len({seq.stems[i] for i, _ in found})
    context = len(vocab.context & set(seq.stems))
    w = threats.ranking
    score = w.role * role + w.bm25 * bm25 + w.distinct * min(distinct, DISTINCT_CAP) / DISTINCT_CAP
    score += w.context * min(context, CONTEXT_CAP) / CONTEXT_CAP
    if seq.content.index(at[0]) <= SUBJECT_START:
        score += w.subject_first
    if _LIST_ITEM.match(text):
        score *= w.list_item
    score *= _length_factor(len(seq.surface), threats)
    doc = int(engine.kb.passage_doc[pid])
    ranking = threats.ranking
    weights = engine.memo("type-weights", lambda: type_weights(engine.kb, engine.quality))
    score *= 1 - ranking.document_type + ranking.document_type * min(float(weights[doc]), 1.0)
    score *= 1 + ranking.recency * float(engine.memo("recency", lambda: recency(engine.kb))[doc])
    stems = frozenset(s for s in seq.stems if s and s not in own)
    return Candidate(pid, score, category, doc, stems, words(text))


def _threat_words(seq: Words, vocab: Vocabulary, own: set[str]) -> list[tuple[int, str]]:
    """(position, category) of every threat word or phrase in the sentence that is not the entity itself."""
    found = []
    for k, i in enumerate(seq.content):
        for phrase, category in vocab.phrases.get(seq.stems[i], ()):
            if not (len(phrase) == 1 and phrase[0] in own) and seq.matches_at(k, phrase):
                found.append((i, category))
    return found


def _role(
    seq: Words, at: list[int], found: list[tuple[int, str]], vocab: Vocabulary, threats: Threats
) -> tuple[float, str]:
    """The strongest tie between an entity mention and a threat word within `roles.window` content words."""
    roles = threats.roles
    rank = {pos: k for k, pos in enumerate(seq.content)}
    best, category = roles.mention, min(found)[1]
    for e in at:
        for t, cat in found:
            distance = abs(rank[t] - rank[e])
            if distance > roles.window:
                continue
            lo, hi = min(t, e), max(t, e)
            between = set(seq.surface[lo + 1 : hi])
            if e < t:
                weight = roles.counter if between & vocab.target else roles.subject
            elif between & vocab.agent:
                weight = roles.agent
            elif between & vocab.place:
                weight = roles.place
            elif between & vocab.target:
                weight = roles.target
            else:
                weight = roles.object
            if any(lo < b <= hi for b in seq.breaks):
                weight *= roles.clause_break
            if seq.stems[t] in vocab.weak:
                weight *= roles.weak
            weight *= 1 - 0.03 * distance
            if weight > best:
                best, category = weight, cat
    return best, category


def _length_factor(n: int, threats: Threats) -> float:
    ranking = threats.ranking
    if n < ranking.min_words:
        return 0.6
    if n > ranking.max_words:
        return float(np.sqrt(ranking.max_words / n))
    return 1.0


def _diverse(candidates: list[Candidate], k: int, diversity: float) -> list[int]:
    """Maximal marginal relevance: each pick trades score against likeness to the picks before it."""
    pool = sorted(candidates, key=lambda c: (-c.score, c.pid))[: max(k * 12, 30)]
    if not pool:
        return []
    top = pool[0].score or 1.0
    chosen: list[Candidate] = []
    while pool and len(chosen) < k:
        best = max(pool, key=lambda c: (c.score / top - diversity * _likeness(c, chosen), -c.pid))
        pool.remove(best)
        if all(jaccard(best.words, c.words) < SENTENCE_THRESHOLD for c in chosen):
            chosen.append(best)
    return [c.pid for c in chosen]


def _likeness(candidate: Candidate, chosen: list[Candidate]) -> float:
    if not chosen:
        return 0.0
    return max(0.7 * jaccard(candidate.stems, c.stems) + 0.3 * (candidate.category == c.category) for c in chosen)
