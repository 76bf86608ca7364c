"""Per-document features shared by rankings: how recent a document is, and what kind it is."""

from __future__ import annotations

import numpy as np

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.quality import QualityFilter


def recency(kb: KnowledgeBase) -> np.ndarray:
    """Per document, 0 (oldest date) … 1 (newest date) by rank of date; undated documents get 0."""
    dates = sorted({d.date for d in kb.documents if d.date})
    if len(dates) < 2:
        return np.array([1.0 if d.date else 0.0 for d in kb.documents])
    rank = {date: i / (len(dates) - 1) for i, date in enumerate(dates)}
    return np.array([rank.get(d.date, 0.0) if d.date else 0.0 for d in kb.documents])


def type_weights(kb: KnowledgeBase, quality: QualityFilter) -> np.ndarray:
    """Per document, the weight of its type in config/quality.yaml (1.0 for a type not listed)."""
    weights = {t.type: t.weight for t in quality.config.document_types}
    return np.array([weights.get(quality.document_type(d.title), 1.0) for d in kb.documents])
