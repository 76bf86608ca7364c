"""Whether a question is answered: confidently, with closest matches only, or not at all.

Calibrated on labelled questions (bench/eval_answers.py; thresholds in config/settings.yaml `answers`):
- the share of the question's informative weight (idf) that the best sentence covers, counting its
  context (previous sentence, title, the document's date), picks confident / closest / nothing;
- a name the knowledge base has never seen (capitalised mid-question, not a typo of a known word that the
  best match then confirms) makes the question unanswerable: "the Orlenburg Protocol" is no known protocol;
- so does a name no matched document mentions ("Germany's retirement age" answered from a speech that
  never names Germany), and a year after the newest document ("the 2028 election").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np

from bot.config.models import AnswerSettings
from bot.search.rank import Ranked


class Verdict(str, Enum):
    CONFIDENT = "confident"
    CLOSEST = "closest"  # weak matches, shown under a "may not answer the question" label
    NOTHING = "nothing"


@dataclass
class Evidence:
    hits: list[Ranked]
    unknown_names: list[str] = field(default_factory=list)  # typed names no document has
    missing_names: list[str] = field(default_factory=list)  # typed names the matching documents lack
    after_newest: bool = False  # the question asks about a year after every document
    weights: tuple[float, ...] = ()  # each concept's idf (0 for a soft word)
    unknown: tuple[bool, ...] = ()  # each concept: a word no passage or title has
    max_idf: float = 1.0


def features(evidence: Evidence) -> np.ndarray:
    """What the decision reads, all in 0–1: the best hit's coverage with and without context, the rarest
    word it lacks, the share of the question no document knows, how short the question is, and the second
    hit's coverage."""
    hits = evidence.hits
    if not hits:
        return np.zeros(len(FEATURES))
    top = hits[0]
    w = np.asarray(evidence.weights, dtype=np.float64)
    total = w.sum() or 1.0
    lacking = [wi for wi, f in zip(w, top.found, strict=True) if f == 0 and wi > 0]
    unknown = sum(wi for wi, u in zip(w, evidence.unknown, strict=True) if u)
    return np.array(
        [
            top.coverage,
            top.own_coverage,
            max(lacking, default=0.0) / evidence.max_idf,
            unknown / total,
            1.0 / max(int((w > 0).sum()), 1),
            hits[1].coverage if len(hits) > 1 else 0.0,
        ]
    )


FEATURES = ("coverage", "own coverage", "rarest word lacking", "unknown share", "1 / words", "second coverage")


def decide(evidence: Evidence, settings: AnswerSettings) -> Verdict:
    if not evidence.hits or evidence.unknown_names or evidence.missing_names or evidence.after_newest:
        return Verdict.NOTHING
    best = evidence.hits[0].coverage
    if best >= settings.confident_coverage:
        return Verdict.CONFIDENT
    return Verdict.CLOSEST if best >= settings.closest_coverage else Verdict.NOTHING


def with_names(hits: list[Ranked], names: list[int], in_document: np.ndarray) -> list[Ranked]:
    """The hits whose sentence, context or document has every name typed (`in_document[h, i]`: hit h's
    document mentions name i), best first."""
    if not names:
        return hits
    return [
        h
        for h, docs in zip(hits, in_document, strict=True)
        if all(h.found[i] > 0 or docs[j] for j, i in enumerate(names))
    ]
