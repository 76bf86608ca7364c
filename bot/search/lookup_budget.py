"""A cap on fuzzy vocabulary scans per command: each one compares a word with every known word (~1 ms on
the White House set), and a question of a few hundred unknown words must not cost hundreds of them.

The dispatcher opens a budget around each command; `Vocabulary.closest` spends it, and once it is spent
answers as if nothing were close. Commands run one at a time on the engine thread, so the budget is
per thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

MAX_LOOKUPS = 8

_state = threading.local()


@contextmanager
def lookup_budget(lookups: int = MAX_LOOKUPS) -> Iterator[None]:
    previous = getattr(_state, "left", None)
    _state.left = lookups
    try:
        yield
    finally:
        _state.left = previous


def spend() -> bool:
    """Take one lookup from the budget in force; False when it is spent (no budget: always True)."""
    left = getattr(_state, "left", None)
    if left is None:
        return True
    if left <= 0:
        return False
    _state.left = left - 1
    return True
