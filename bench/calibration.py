"""How the answerability decision does on labelled questions: the share of answerable questions that get
excerpts (confident or closest matches), and the share of unanswerable ones refused with none.

Unanswerable questions are the labelled negatives, plus questions from another collection: ReQA's
Wikipedia questions asked of the White House knowledge base (a sample; a handful may be answerable there)."""

from __future__ import annotations

import random

from bench.reqa import ReqaSet
from bench.whq import WhSet
from bot.commands.dispatcher import Dispatcher


def answered(bot: Dispatcher, questions: list[str]) -> float:
    return sum(bool(bot.run("ask", q).excerpts) for q in questions) / max(len(questions), 1)


def cross_negatives(reqa: ReqaSet, n: int, tune: bool, seed: int = 11) -> list[str]:
    pool = [q.text for q in reqa.questions if (q.title in reqa.tune_titles) == tune]
    return random.Random(seed).sample(pool, min(n, len(pool)))


def wh_negatives(wh: WhSet, tune: bool) -> list[str]:
    return [n["q"] for n in wh.negatives if (int(n["id"][1:]) % 2 == 1) == tune]
