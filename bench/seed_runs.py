"""The seed article's question sets, run in process: ../shared/eval/dev_questions.yaml (scored as its
score.py does) and the project's own plain-language questions (tests/data/plain_questions.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.shared import PROJECT_ROOT, shared_root
from bench.whq import norm
from bot.answers.model import Answer
from bot.commands.dispatcher import Dispatcher

PLAIN = PROJECT_ROOT / "tests" / "data" / "plain_questions.yaml"


def first_rank(answer: Answer, quotes: list[str]) -> int | None:
    wanted = [norm(q) for q in quotes]
    for rank, ex in enumerate(answer.excerpts, 1):
        if any(q in norm(ex.text) for q in wanted):
            return rank
    return None


def dev_figures(bot: Dispatcher, path: Path | None = None) -> dict[str, tuple[int, int]]:
    cases = yaml.safe_load((path or shared_root() / "eval" / "dev_questions.yaml").read_text(encoding="utf-8"))
    asks = [first_rank(bot.handle(f"!ask {c['q']}"), c["relevant"]) for c in cases.get("ask", [])]
    refused = [not bot.handle(f"!ask {c['q']}").excerpts for c in cases.get("negative", [])]
    return {
        "success@1": (sum(r == 1 for r in asks), len(asks)),
        "success@3": (sum(r is not None and r <= 3 for r in asks), len(asks)),
        "negatives refused": (sum(refused), len(refused)),
    }


def plain_results(bot: Dispatcher) -> list[tuple[str, bool]]:
    """(question, answered as expected) for every plain-language case."""
    cases = yaml.safe_load(PLAIN.read_text(encoding="utf-8"))
    out = []
    for case in cases["ask"]:
        answer = bot.handle(f"!ask {case['q']}")
        rank = first_rank(answer, case["expect_any"])
        routed = case.get("routed")
        ok = rank is not None and rank <= case.get("within", 3) and (routed is None or answer.command == routed)
        out.append((case["q"], ok))
    out.extend((c["q"], not bot.handle(f"!ask {c['q']}").excerpts) for c in cases["nothing"])
    return out
