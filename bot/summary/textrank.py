"""TextRank (Mihalcea & Tarau, 2004) over sentences, then a preference for sentences that say more.

Words: the sentence lowercased and normalised (curly quotes), runs of letters (apostrophes inside a
word kept: o'leary, don't), NLTK's English stopwords dropped, **not stemmed**. Numbers are not words
here. The bot's search analyser is deliberately not used: it stems and also drops reporting verbs and
modals (said, would, could, also), and in news and statements those carry much of what ties sentences
together ("X said" / "Y would").

similarity(Si, Sj) = cosine of the two sentences' word counts; centrality = PageRank (damping 0.85) on
that weighted graph; salience = centrality × sqrt(min(words in the sentence, 30)), stopwords and numbers counted.
Centrality finds the sentences the document keeps returning to; the square-root length factor breaks
near-ties toward the sentence that carries more of it, and the cap keeps a rambling 80-word sentence of
a transcript from outscoring a full 30-word one on length alone.

Chosen on a BBC News dev sample against this module's previous forms (stemmed analyser terms, overlap /
log-length similarity, tf-idf cosine) and against priors on position, title and length: bench/README.md
has the figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bot.search.analyzer import normalise
from bot.search.stopwords import STOPWORDS

DAMPING = 0.85
LENGTH_EXPONENT = 0.5
LENGTH_CAP = 30  # words; a longer sentence earns no more (90th percentile of BBC sentences: 31)

# The analyser's list is NLTK's plus words users type into !ask; a summary keeps those as content.
_ASK_WORDS = frozenset(
    "also could would may might must shall tell say says said please whose anything something".split()
)
SUMMARY_STOPWORDS = STOPWORDS - _ASK_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_ANY_WORD = re.compile(r"[^\W_]+")


def sentence_words(text: str) -> list[str]:
    """The words a sentence is compared on: unstemmed, lowercased, stopwords and numbers left out."""
    return [w for w in _WORD.findall(normalise(text)) if w not in SUMMARY_STOPWORDS]


def word_count(text: str) -> int:
    """Every word and number, stopwords included: how much a sentence says."""
    return len(_ANY_WORD.findall(text))


def similarity(word_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """Cosine similarity of word-count vectors; 0 on the diagonal and for sentences with no words."""
    vocab: dict[str, int] = {}
    rows = [[vocab.setdefault(w, len(vocab)) for w in words] for words in word_lists]
    counts = np.zeros((len(word_lists), max(len(vocab), 1)), dtype=np.float64)
    for row, columns in enumerate(rows):
        np.add.at(counts[row], columns, 1.0)
    norms = np.linalg.norm(counts, axis=1)
    dot = counts @ counts.T
    denominator = norms[:, None] * norms[None, :]
    sim = np.divide(dot, denominator, out=np.zeros_like(dot), where=denominator > 0)
    np.fill_diagonal(sim, 0.0)
    return sim


def pagerank(sim: np.ndarray, iterations: int = 100, tol: float = 1e-8) -> np.ndarray:
    n = len(sim)
    if n == 0:
        return np.zeros(0)
    out = sim.sum(axis=1, keepdims=True)
    trans = np.divide(sim, out, out=np.full_like(sim, 1.0 / n), where=out > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        new = (1 - DAMPING) / n + DAMPING * trans.T @ rank
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


def textrank(word_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """Centrality of each sentence among the others."""
    return pagerank(similarity(word_lists))


def salience(texts: Sequence[str]) -> np.ndarray:
    """Centrality × sqrt(word count, capped at LENGTH_CAP), one score per sentence text."""
    centrality = textrank([sentence_words(t) for t in texts])
    lengths = np.array([min(max(word_count(t), 1), LENGTH_CAP) for t in texts], dtype=np.float64)
    return centrality * lengths**LENGTH_EXPONENT


def pick(scores: np.ndarray, n: int) -> list[int]:
    """Indices of the n best scores, returned in their original (document) order."""
    order = np.argsort(-scores, kind="stable")[:n]
    return sorted(int(i) for i in order)
