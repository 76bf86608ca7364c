"""For "how many X" questions: does a sentence count X ("leaders from 36 countries", "three objects")?

A sentence with a number is a candidate answer to any "how many"; one whose number counts the thing asked
about is a better one. Checked at question time on the best-scored sentences only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_ASKED = re.compile(r"\bhow many ((?:[a-z][a-z'-]* ?){1,4})")
_NOT_NOUNS = frozenset("other more new additional total separate different of the these those their our its".split())
_PRONOUNS = frozenset("them us you".split())  # after "of": "how many of them"
_MODIFIERS = frozenset("us u.s american foreign".split())  # "how many US troops": the troops are counted
_COUNT = (
    r"(?:\d(?:[\d,.]*\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|hundreds?|thousands?|millions?|dozens?|several)"
)


def counted_noun(question: str) -> str | None:
    """The word a "how many" question counts: "how many countries" → "countries"; after "other", "more",
    "new" … the word that follows ("how many other objects" → "objects")."""
    found = _ASKED.search(question.lower())
    if not found:
        return None
    previous = ""
    for word in found.group(1).split():
        if previous == "of" and word in _PRONOUNS:
            return None  # "how many of them": what is counted is not named
        if word not in _NOT_NOUNS and word not in _MODIFIERS:
            return word
        previous = word
    return None


def counter(noun_stem: str) -> Callable[[str], bool]:
    """A test for sentences where a number counts the noun, within two words before it ("36 countries",
    "two freight cars", "12,000 Ukrainian troops"); the stem is matched with a short ending (countri →
    countries). A stem under three letters matches nothing."""
    if len(noun_stem) < 3:
        return lambda text: False
    pattern = re.compile(rf"\b{_COUNT}\s+(?:[\w'’-]+\s+){{0,2}}{re.escape(noun_stem)}\w{{0,4}}\b")
    return lambda text: bool(pattern.search(text.lower()))
