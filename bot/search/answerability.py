"""Whether a question is answered: confidently, with closest matches only, or not at all.

Measured on labelled questions (bench/eval_answers.py; thresholds in config/settings.yaml `answers`):
the share of the question's informative weight (idf) that the best sentence covers, counting its
context, decides between the three. A name the knowledge base has never seen (a capitalised word in the
question that no document contains, after spelling correction) makes the question unanswerable however
well the rest matches: "What does the Orlenburg Protocol require?" is not about any known protocol.
"""

from __future__ import annotations

from enum import Enum

from bot.config.models import AnswerSettings
from bot.search.rank import Ranked


class Verdict(str, Enum):
    CONFIDENT = "confident"
    CLOSEST = "closest"  # weak matches, shown under a "may not answer the question" label
    NOTHING = "nothing"


def decide(hits: list[Ranked], unknown_names: list[str], settings: AnswerSettings) -> Verdict:
    if not hits or unknown_names:
        return Verdict.NOTHING
    best = hits[0].coverage
    if best >= settings.confident_coverage:
        return Verdict.CONFIDENT
    return Verdict.CLOSEST if best >= settings.closest_coverage else Verdict.NOTHING
