"""What kind of sentence a passage is, as flags computed once per load: a question (rarely an answer), one
with a number or amount (for "how many/how much"), one with a time word (for "when"), and one that opens
by pointing back ("This…", "It…", "They…"), which is shown with the sentence before it."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from bot.search.analyzer import normalise

QUESTION, NUMBER, TIME, BACKREF = 1, 2, 4, 8

_NUMBER = re.compile(
    r"\d|\$|%|£|€|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|"
    r"percent|half|double|triple|first|second|third)\b"
)
_TIME = re.compile(
    r"\b(today|yesterday|tonight|this (morning|week|month|year)|last (week|month|year)|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"(19|20)\d\d)\b"
)
_BACKREF = re.compile(r"^\W*(this|these|that|those|it|its|they|their|them|he|she|his|her|such|the latter|both)\b")


def traits(text: str) -> int:
    key = normalise(text).strip()
    flags = QUESTION if key.rstrip("\"')]*_ ").endswith("?") else 0
    flags |= NUMBER if _NUMBER.search(key) else 0
    flags |= TIME if _TIME.search(key) else 0
    flags |= BACKREF if _BACKREF.match(key) else 0
    return flags


def trait_array(texts: Iterable[str]) -> np.ndarray:
    return np.fromiter((traits(t) for t in texts), dtype=np.uint8)


_CAPITALISED = re.compile(r"(?<=[\s(\[\-—–])[A-Z][\w'’.-]*")


def name_count(text: str) -> int:
    """Capitalised words after the first (names, places, organisations), capped at 15: how much a sentence
    says about who, for "who" and "which countries" questions."""
    return min(len(_CAPITALISED.findall(text)), 15)


def name_counts(texts: Iterable[str]) -> np.ndarray:
    return np.fromiter((name_count(t) for t in texts), dtype=np.uint8)
