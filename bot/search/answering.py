"""A question as typed → the best sentences and whether they answer it (imports nothing from commands).

Typos are corrected first ("secratary" → "secretary"); a capitalised word no document has is a name,
tried as a typo only when its correction is then confirmed by a confident match ("Karistadt" in a question
about Wittenberg is Karlstadt; "Alberta" is not "Albert"), or by any match when only its letters were
swapped ("Ghengis" is Genghis).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from bot.search.analyzer import fold
from bot.search.answerability import Evidence, Verdict, decide, with_names
from bot.search.dates import time_asked
from bot.search.query import Query, concept_weight
from bot.search.rank import Ranked
from bot.search.spelling import check_words, names_in
from bot.search.vocabulary import CLOSE

if TYPE_CHECKING:
    from bot.engine import Engine

POOL = 10  # hits looked at for one that has every name typed
SWAP_CUTOFF = 75  # spelling likeness (0-100) a name with swapped letters needs: "Ghandi" → Gandhi is 83
RARE = 0.6  # a name counts as specific when its idf is at least this share of the largest possible


@dataclass
class Found:
    question: str  # as searched (typos corrected)
    query: Query
    hits: list[Ranked]
    verdict: Verdict
    corrections: list[tuple[str, str]] = field(default_factory=list)
    evidence: Evidence | None = None


def answer_question(engine: Engine, question: str, k: int, exclude: np.ndarray | None = None) -> Found:
    query = engine.question(question)
    checked = check_words(question, query, engine.known, engine.vocabulary)
    text, corrections = checked.text, list(checked.corrections)
    if corrections:
        query = engine.question(text)
    found = _search(engine, text, query, k, exclude, checked.unknown_names)
    if checked.unknown_names:
        guessed = _guess_names(engine, text, checked.unknown_names, k, exclude)
        if guessed is not None:
            guessed.corrections = corrections + guessed.corrections
            return guessed
    found.corrections = corrections
    return found


def _search(engine: Engine, text: str, query: Query, k: int, exclude: np.ndarray | None, unknown: list[str]) -> Found:
    asked = time_asked(text)
    hits = engine.rank(query, max(k, POOL), exclude=exclude)
    names = [
        i
        for i in names_in(text, query)
        if concept_weight(engine.index, query.concepts[i]) >= RARE * engine.index.max_idf
    ]
    in_doc = np.array([[engine.in_document(h.passage, query.concepts[i]) for i in names] for h in hits], dtype=bool)
    named = with_names(hits, names, in_doc.reshape(len(hits), len(names)))
    missing = [] if named or not hits else _missing(query, names, hits, in_doc)
    evidence = Evidence(
        named[:k],
        list(unknown),
        missing,
        engine.dates.after_newest(asked),
        tuple(concept_weight(engine.index, c) for c in query.concepts),
        tuple(not any(engine.known(t.term) for t in c.terms) for c in query.concepts),
        engine.index.max_idf,
    )
    return Found(text, query, named[:k], decide(evidence, engine.config.settings.answers), evidence=evidence)


def _missing(query: Query, names: list[int], hits: list[Ranked], in_doc: np.ndarray) -> list[str]:
    """The names the best hit's document lacks (what to tell the user)."""
    top = hits[0]
    return [query.concepts[i].words[-1] for j, i in enumerate(names) if top.found[i] == 0 and not in_doc[0, j]]


def _guess_names(engine: Engine, text: str, unknown: list[str], k: int, exclude: np.ndarray | None) -> Found | None:
    """Each unknown name tried as the known word it was meant to be. A name typed with its letters swapped
    ("Ghengis") goes back into the question as the name the documents write (Genghis), so the excerpts must
    be about it, and the guess stands even for closest matches: a different real name is seldom spelled
    with exactly the same letters. Any other close word goes back as a plain word, and stands only when the
    corrected question is answered confidently."""
    fixed, corrections, swapped = text, [], True
    for name in unknown:
        guess = _guess(engine, name)
        if guess is None:
            return None
        shown, searched, same = guess
        swapped &= same
        corrections.append((name, shown))
        fixed = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", searched, fixed, count=1)
    query = engine.question(fixed)
    found = _search(engine, fixed, query, k, exclude, [])
    if found.verdict is not Verdict.CONFIDENT and not (swapped and found.verdict is Verdict.CLOSEST):
        return None
    found.corrections = corrections
    return found


def _guess(engine: Engine, name: str) -> tuple[str, str, bool] | None:
    """(the guess as shown, as searched, whether it has exactly the typed letters) for the known word
    closest to a typed name; one scan of the vocabulary serves both kinds of guess."""
    typed = fold(name).lower()
    scored = engine.vocabulary.closest_scored(typed, limit=5, cutoff=SWAP_CUTOFF)
    if not name.isupper():  # an acronym's letters are not a misspelling
        for word, _ in scored:
            if sorted(word) == sorted(typed) and (written := engine.name_as_written(word)):
                return written, written, True
    close = [word for word, score in scored if score >= CLOSE]
    if not close:
        return None
    return engine.name_as_written(close[0]) or close[0], close[0], False
