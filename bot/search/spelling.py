"""Words in a question that the knowledge base does not have: typos are corrected, names are reported.

A word no passage contains is a typo when it was typed in lower case and a known word is close in
spelling ("secratary" → "secretary"); it is a name when it was capitalised mid-question or is a number
("Orlenburg", "2028"), and then the question asks about something the knowledge base does not cover.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.search.analyzer import fold
from bot.search.query import Query
from bot.search.vocabulary import Vocabulary

MAX_CORRECTIONS = 3
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass
class Checked:
    text: str  # the question with its typos corrected
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (typed, used)
    unknown_names: list[str] = field(default_factory=list)


def names_in(question: str, query: Query) -> list[int]:
    """Positions of the query's concepts typed as names a matching document should have: capitalised
    mid-question, not a number, a month or day, or a short acronym (TV, UN: often spelled out)."""
    typed = _typed_forms(question)
    out = []
    for i, concept in enumerate(query.concepts):
        surface = typed.get(concept.words[-1], concept.words[-1])
        short_acronym = surface.isupper() and len(surface) <= 3
        if _is_name(surface, question) and not surface.isdigit() and not short_acronym:
            out.append(i)
    return out


def check_words(question: str, query: Query, known: Callable[[str], bool], vocabulary: Vocabulary) -> Checked:
    """`known(term)`: whether any passage or title has the index term."""
    checked = Checked(question)
    typed = _typed_forms(question)
    for concept in query.concepts:
        if any(known(t.term) for t in concept.terms):
            continue
        word = concept.words[-1]
        surface = typed.get(word, word)
        if _is_name(surface, question):
            checked.unknown_names.append(surface)
        elif len(checked.corrections) < MAX_CORRECTIONS:
            close = vocabulary.closest(word, limit=1)
            if close:
                checked.corrections.append((surface, close[0]))
                checked.text = re.sub(rf"(?<!\w){re.escape(surface)}(?!\w)", close[0], checked.text, count=1)
    return checked


def _typed_forms(question: str) -> dict[str, str]:
    """Normalised word → the word as typed, possessive dropped ("Celeron's" → "Celeron")."""
    forms = {}
    for match in _WORD.finditer(question):
        typed = re.sub(r"['’]s?$", "", match.group())
        forms[fold(typed.lower().replace("’", "'").split("'")[0])] = typed  # keyed as the analyser writes it
    return forms


def _is_name(surface: str, question: str) -> bool:
    if surface.isdigit():
        return True
    if surface.lower() in _CALENDAR:  # a month is a time asked, matched against document dates
        return False
    if not surface[:1].isupper() or question == question.upper():
        return False
    first = _WORD.search(question)
    return not (first and first.group() == surface and question.lower() != question)  # first word: just a capital
