"""Choose summary sentences among candidate passages: junk out, a cheap pre-selection, TextRank salience
(in transcripts, weighted for what is announced or decided), then a greedy pick that skips near-duplicates,
penalises repeated wording and, for the knowledge base, covers what the team tracks. One document's
summary keeps document order; a summary across documents is shown in date order."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Sequence

import numpy as np

from bot.engine import Engine
from bot.knowledge.doc_features import type_weights
from bot.knowledge.model import Document
from bot.search.neardup import SENTENCE_THRESHOLD, jaccard, words
from bot.summary.textrank import salience, sentence_words
from bot.summary.weights import ACTOR, FOCUS, FOCUS_CAP, REDUNDANCY, TRANSCRIPT_TYPES, transcript_weights

MAX_CANDIDATES = 150  # TextRank is quadratic: a 1,200-sentence press conference took ~0.5 s

Focus = frozenset[int]  # index term ids, one of which a sentence must contain to cover a tracked focus
ActorFocus = Callable[[Sequence[int]], list[int]]  # among passages, the ones that cover a tracked actor


def summarise(
    engine: Engine, passages: Sequence[int], n: int, foci: Sequence[Focus] = (), actors: Sequence[ActorFocus] = ()
) -> list[int]:
    """The n best of `passages` that are not junk, in date order, then knowledge-base order."""
    chosen = central(engine, passages, n, foci, actors)
    return sorted(chosen, key=lambda p: (engine.passage(p).document.date or "", p))


def central(
    engine: Engine, passages: Sequence[int], n: int, foci: Sequence[Focus] = (), actors: Sequence[ActorFocus] = ()
) -> list[int]:
    """The n best passages, best first, junk left out (unless nothing else is left). A passage covers a
    focus when it contains one of its terms, and an actor when it is that actor's best threat excerpt."""
    kept = [p for p in passages if not engine.junk[p]] or list(passages)
    if len(kept) <= n:
        return sorted(kept)
    tokens = [engine.index.passage_terms(p) for p in kept]  # stored term ids: no re-analysis
    kept = [kept[i] for i in most_connected(tokens, MAX_CANDIDATES)]
    texts = [engine.passage(p).text for p in kept]
    scores = salience(texts) * _transcript_factor(engine, kept, texts) * _substance(engine, kept)
    covers = [{i for i, f in enumerate(foci) if f.intersection(engine.index.passage_terms(p))} for p in kept]
    at = {p: i for i, p in enumerate(kept)}
    for a, best in enumerate(actors):
        for pid in best(kept):
            covers[at[pid]].add(len(foci) + a)
    return _greedy(kept, texts, scores, covers, n, len(foci))


def _greedy(
    passages: list[int], texts: list[str], scores: np.ndarray, covers: list[set[int]], n: int, topics: int
) -> list[int]:
    """Each pick maximises salience, minus its likeness to the picks so far, plus the foci it newly covers;
    a near-duplicate of a pick is never picked."""
    top = float(scores.max()) or 1.0
    keys = [words(t) for t in texts]
    content = [frozenset(sentence_words(t)) for t in texts]
    covered: set[int] = set()
    picked: list[int] = []
    left = list(range(len(passages)))
    while left and len(picked) < n:
        best = max(left, key=lambda i: (_gain(i, scores[i] / top, content, covers, covered, picked, topics), -i))
        left.remove(best)
        if all(jaccard(keys[best], keys[j]) < SENTENCE_THRESHOLD for j in picked):
            picked.append(best)
            covered |= covers[best]
    return [passages[i] for i in picked]


def _gain(
    i: int,
    score: float,
    content: list[frozenset[str]],
    covers: list[set[int]],
    covered: set[int],
    picked: list[int],
    topics: int,
) -> float:
    like = max((jaccard(content[i], content[j]) for j in picked), default=0.0)
    new = covers[i] - covered
    points = min(sum(f < topics for f in new), FOCUS_CAP) / FOCUS_CAP
    return score - REDUNDANCY * like + FOCUS * points + ACTOR * sum(f >= topics for f in new)


def _substance(engine: Engine, passages: list[int]) -> np.ndarray:
    """Across documents, a statement or fact sheet says more than remarks before a meeting or a media
    round-up: the document-type weights of config/quality.yaml (one document: no effect)."""
    docs = engine.kb.passage_doc[np.asarray(passages, dtype=np.int64)]
    if len(set(docs.tolist())) < 2:
        return np.ones(len(passages))
    weights = engine.memo("type-weights", lambda: type_weights(engine.kb, engine.quality))
    return 0.5 + 0.5 * np.minimum(weights[docs], 1.0)


def _transcript_factor(engine: Engine, passages: list[int], texts: list[str]) -> np.ndarray:
    out = np.ones(len(passages))
    for i, pid in enumerate(passages):
        doc = engine.passage(pid).document
        if engine.quality.document_type(doc.title) not in TRANSCRIPT_TYPES:
            continue
        asked = engine.memo(f"first-question:{doc.id}", lambda doc=doc: _first_question(engine, doc))
        out[i] = transcript_weights([texts[i]], [pid > asked])[0]
    return out


def _first_question(engine: Engine, doc: Document) -> int:
    """The passage id where the floor's first question starts (a reporter's turn), or past the end."""
    span = engine.kb.passage_ids(doc)
    for pid in span:
        name, _ = engine.quality.label(" ".join(engine.passage(pid).text.split()))
        if engine.quality.speaker_kind(name) == "question":
            return pid
    return span.stop


def tracked_foci(engine: Engine) -> list[Focus]:
    """Every topic point and actor in config, as the index term ids that mention it."""

    def build() -> list[Focus]:
        config, vocab = engine.config, engine.index.vocab
        names = [s.require_any for t in config.topics.topics.values() for ss in t.groups.values() for s in ss]
        names += [[key, a.name, *a.aliases] for key, a in config.actors.actors.items()]
        foci = [frozenset(vocab[t] for t in engine.terms(group) if t in vocab) for group in names if group]
        return [f for f in foci if f]

    return engine.memo("summary-foci", build)


def most_connected(tokens: Sequence[Sequence[Hashable]], limit: int) -> list[int]:
    """Indices (in order) of the `limit` sentences with the highest estimated TextRank degree: terms shared
    with the other sentences over (log length + the mean log length), in one pass over the terms. All of
    them when there are no more than `limit`, so short documents are ranked exactly as before."""
    if len(tokens) <= limit:
        return list(range(len(tokens)))
    sets = [set(t) for t in tokens]
    df = Counter(term for s in sets for term in s)
    logs = [math.log(max(len(t), 1)) for t in tokens]
    mean_log = sum(logs) / len(logs)
    degree = [sum(df[term] - 1 for term in s) / (log + mean_log or 1.0) for s, log in zip(sets, logs, strict=True)]
    best = sorted(range(len(tokens)), key=lambda i: (-degree[i], i))[:limit]
    return sorted(best)


def summarise_document(engine: Engine, document: Document, n: int) -> list[int]:
    """`!summary <document>`: n sentences of one document in document order (its title is never one)."""
    return sorted(central(engine, engine.kb.passage_ids(document), n))
