"""Rank sentences for a question on their own words and their context (BM25F-style fusion).

First stage, over every passage: the sentence's BM25 score, plus its paragraph's and its document
title's BM25 scores, plus how well the document's date fits the time the question names, each scaled
by the question's total idf so the weights mean the same for every question. Second stage, over the best
`pool` of those: how much of the question the sentence covers counting its context (a word the sentence
lacks but the previous sentence, the paragraph or the title has counts in part), whether the sentence
is itself a question, and whether it has the kind of answer asked for (a number for "how many").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot.config.models import RankingSettings
from bot.search.counted import counted_noun, counter
from bot.search.dates import DocumentDates, TimeAsked, is_date_word
from bot.search.fields import Fields
from bot.search.index import BM25Index
from bot.search.query import Query, concept_weight
from bot.search.retrieve import distinct
from bot.search.semantic import Semantic
from bot.search.traits import AMOUNT, NUMBER, QUESTION, TIME, YEAR

_HOW_MANY = re.compile(r"\bhow (many|long|far|old|big|large)\b|\bwhat number\b")
_HOW_MUCH = re.compile(
    r"\bhow much\b(?! (time|longer|later|earlier|more time))|\bwhat (share|percentage|proportion|amount|sum)\b"
)
_WHEN = re.compile(r"\bwhen\b|\bwhat (date|day|month)\b")
_WHAT_YEAR = re.compile(r"\b(what|which) (year|years|decade)\b")
_WHO = re.compile(
    r"^\W*(who|whom|whose)\b"
    r"|\b(which|what) (countries|country|nations|nation|leaders?|people|person|officials?|states)\b"
)
NAMES = 16  # the answer kind "names": who, which countries
# The word that names the kind of answer asked ("in what year", "on what date") is found in a sentence that
# has that kind of answer: "a siege by the royal army in 1622" answers "in what year" without "year".
_KIND_WORD = re.compile(r"\b(?:what|which) (year|years|decade|date|day|month)\b")
COUNT_CHECKED = 100  # best sentences checked for counting what "how many" asks about


@dataclass(frozen=True, slots=True)
class Ranked:
    passage: int
    score: float
    coverage: float  # share of the question's weight found in the sentence or, in part, its context
    own_coverage: float  # share found in the sentence itself
    found: tuple[float, ...] = ()  # per concept of the question: 1 in the sentence, less in its context, 0 absent


def answer_kind(text: str) -> int:
    """The trait an answer should have: an amount for "how much", a number for "how many", a year for "what
    year", a time word for "when", names for "who" (0: any)."""
    lower = text.lower()
    if _HOW_MUCH.search(lower):
        return AMOUNT
    if _HOW_MANY.search(lower):
        return NUMBER
    if _WHAT_YEAR.search(lower):
        return YEAR
    if _WHEN.search(lower):
        return TIME
    return NAMES if _WHO.search(lower) else 0


class Ranker:
    def __init__(
        self,
        index: BM25Index,
        fields: Fields,
        dates: DocumentDates,
        passage_doc: np.ndarray,
        flags: np.ndarray,
        weights: RankingSettings,
        names: np.ndarray | None = None,
        semantic: Semantic | None = None,
        words: Words | None = None,
    ) -> None:
        self.index, self.fields, self.dates = index, fields, dates
        self.passage_doc, self.flags, self.w = passage_doc, flags, weights
        self.names = names if names is not None else np.zeros(len(flags), dtype=np.uint8)
        self.semantic = semantic
        self.words = words
        self._has_previous = np.r_[False, fields.passage_paragraph[1:] == fields.passage_paragraph[:-1]]

    def rank(
        self,
        query: Query,
        k: int,
        asked: TimeAsked,
        *,
        exclude: np.ndarray | None = None,
        same_text: Callable[[int], str] | None = None,
    ) -> list[Ranked]:
        weights = np.array([concept_weight(self.index, c) for c in query.concepts], dtype=np.float64)
        total = float(weights.sum()) or 1.0
        first, eligible = self._first_stage(query, asked, total)
        if exclude is not None:
            eligible &= ~exclude
        ids = np.flatnonzero(eligible)
        if not len(ids):
            return []
        pool = _best(ids, first[ids], self.w.pool)
        kind = answer_kind(query.text)
        found, own = self._found(query, pool, asked, kind)
        shares = weights / total
        cover = found @ shares
        score = first[pool] + self.w.coverage * cover + self._traits(pool, query.text, kind)
        if kind == NUMBER:
            score += self._counts(pool, score, query.text)
        hard = np.array([not c.soft for c in query.concepts], dtype=bool)
        score[~(own[:, hard] > 0).any(axis=1)] = -np.inf  # context alone never makes an excerpt: it must share a word
        order = np.lexsort((pool, -score))
        order = order[np.isfinite(score[order])]
        chosen = distinct(pool[order].tolist(), k, same_text)
        at = {int(p): i for i, p in enumerate(pool)}
        return [
            Ranked(
                p, float(score[at[p]]), float(cover[at[p]]), float(own[at[p]] @ shares), tuple(found[at[p]].tolist())
            )
            for p in chosen
        ]

    def _first_stage(self, query: Query, asked: TimeAsked, total: float) -> tuple[np.ndarray, np.ndarray]:
        terms, f = query.terms, self.fields
        own = self.index.dense(terms)
        para = f.paragraphs.dense(terms)[f.passage_paragraph]
        doc = self.w.title * f.titles.dense(terms)
        if not asked.empty:
            doc = doc + self.w.date * total * self.dates.match(asked)
        score = own + self.w.paragraph * para + doc[self.passage_doc]
        return score / np.float32(total), (own > 0) | (para > 0)

    def _found(self, query: Query, pool: np.ndarray, asked: TimeAsked, kind: int) -> tuple[np.ndarray, np.ndarray]:
        """(pool × concept) arrays: how far each concept is found counting context, and in the sentence."""
        f, w = self.fields, self.w
        rows, docs = f.passage_paragraph[pool], self.passage_doc[pool]
        prev = np.where(self._has_previous[pool], pool - 1, -1)
        in_date = self.dates.fits(docs, asked) if asked.years else None
        named = _KIND_WORD.search(query.text.lower())
        asked_word = named.group(1) if named else None
        found = np.zeros((len(pool), len(query.concepts)), dtype=np.float64)
        own = np.zeros_like(found)
        for i, concept in enumerate(query.concepts):
            names = concept.term_names
            s = _member(self.index, names, pool)
            context = np.maximum.reduce(
                [
                    w.context_previous * _member(self.index, names, prev),
                    w.context_paragraph * _member(f.paragraphs, names, rows),
                    w.context_title * _member(f.titles, names, docs),
                ]
            )
            if in_date is not None and any(is_date_word(word, asked) for word in concept.words):
                context = np.maximum(context, in_date)
            if kind in (YEAR, TIME) and concept.words[-1] == asked_word:
                s = np.maximum(s, (self.flags[pool] & kind) > 0)
            own[:, i] = s
            found[:, i] = np.maximum(s, context)
        return found, own

    def _traits(self, pool: np.ndarray, text: str, kind: int) -> np.ndarray:
        flags = self.flags[pool]
        out = -self.w.question_penalty * ((flags & QUESTION) > 0)
        if kind == NAMES:
            out = out + self.w.answer_type * np.minimum(self.names[pool], 8) / 8
        elif kind:
            out = out + self.w.answer_type * ((flags & kind) > 0)
        if self.semantic is not None:
            out = out + self.w.semantic * self.semantic.similarity(text, pool)
        return out

    def _counts(self, pool: np.ndarray, score: np.ndarray, text: str) -> np.ndarray:
        """For "how many X": the answer-type weight again for the best sentences whose number counts X."""
        out = np.zeros(len(pool))
        noun = counted_noun(text) if self.words is not None else None
        if noun is None:
            return out
        counts = counter(self.words.stem(noun))
        for i in np.argsort(-score, kind="stable")[:COUNT_CHECKED]:
            out[i] = self.w.answer_type * counts(self.words.text(int(pool[i])))
        return out


@dataclass(frozen=True)
class Words:
    """What the ranker may read beyond the index: a word's stem and a passage's text."""

    stem: Callable[[str], str]
    text: Callable[[int], str]


def _best(ids: np.ndarray, scores: np.ndarray, n: int) -> np.ndarray:
    """The n best ids by score (a partial sort: the eligible set can be tens of thousands)."""
    if len(ids) > n:
        part = np.argpartition(-scores, n - 1)[:n]
        ids, scores = ids[part], scores[part]
    return ids[np.lexsort((ids, -scores))]


def _member(index: BM25Index, names: list[str], rows: np.ndarray) -> np.ndarray:
    """1.0 where the row (−1: none) contains any of the terms."""
    hit = np.zeros(len(rows), dtype=bool)
    for name in names:
        docs = index.postings(name)[0]
        if len(docs):
            at = np.minimum(np.searchsorted(docs, rows), len(docs) - 1)
            hit |= docs[at] == rows
    return hit.astype(np.float64)
