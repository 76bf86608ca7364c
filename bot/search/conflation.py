"""Word families learned from the knowledge base: stems the stemmer keeps apart (partner / partnership,
leader / leadership, Romania / Romanian) joined when the corpus uses them together.

Candidates are pairs of index terms where one is the other plus a derivational ending; a pair is kept when
the two occur in the same paragraph at least `min_lift` times as often as chance and at least twice
(Xu & Croft's corpus-based stemming, with lift in place of EMIM); a name ending in "a" (`is_name`: the
documents write it capitalised) and its "-an" adjective are joined on sight, as they may never meet in one
paragraph (Sahara / Saharan, but not media / median). A curated list lives in
config/aliases.yaml `families` for what a small knowledge base cannot show.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from bot.search.index import BM25Index

ENDINGS = (
    "ship", "hood", "ism", "ist", "ists", "ity", "ive", "ion", "ation", "ment", "ence", "ance", "ent", "ant",
    "er", "or", "ors", "al", "ial", "ian", "an", "n", "ic", "ical", "ize", "ise", "ness", "ly",
)  # fmt: skip
MIN_STEM = 4
MIN_FREQUENCY = 2


def learn_families(
    paragraphs: BM25Index,
    min_lift: float = 3.0,
    min_together: int = 2,
    is_name: Callable[[str], bool] = lambda term: False,
) -> dict[str, list[str]]:
    """term → the other terms of its family, from a paragraph-level index."""
    df = np.diff(paragraphs.ptr)
    vocab = paragraphs.vocab
    families: dict[str, list[str]] = {}
    n = max(paragraphs.n_passages, 1)
    for stem, tid in vocab.items():
        if len(stem) < MIN_STEM or not stem.isalpha():
            continue
        if stem.endswith("a") and stem + "n" in vocab and is_name(stem):  # Sahara / Saharan, Korea / Korean
            _join(families, stem, stem + "n")
        if df[tid] < MIN_FREQUENCY:
            continue
        for ending in ENDINGS:
            other = vocab.get(stem + ending)
            if other is None or df[other] < MIN_FREQUENCY or (ending == "n" and stem.endswith("a")):
                continue
            a, b = paragraphs.postings(stem)[0], paragraphs.postings(stem + ending)[0]
            together = len(np.intersect1d(a, b, assume_unique=True))
            if together >= min_together and together * n >= min_lift * len(a) * len(b):
                _join(families, stem, stem + ending)
    return families


def _join(families: dict[str, list[str]], a: str, b: str) -> None:
    families.setdefault(a, []).append(b)
    families.setdefault(b, []).append(a)
