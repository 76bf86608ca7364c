"""Run questions through the bot's own `!ask` in this process and score the replies."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from bench.reqa import Question, ReqaSet, hit
from bench.whq import WhSet, first_hits, norm
from bot.answers.model import Answer
from bot.commands.dispatcher import Dispatcher

NOTHING, CLOSEST, CONFIDENT = "nothing", "closest", "confident"


def verdict(answer: Answer) -> str:
    """Which of the three replies this was: confident, closest matches, or nothing relevant."""
    if not answer.excerpts:
        return NOTHING
    return str(answer.data.get("answerability", CONFIDENT))


@dataclass
class Tally:
    n: int = 0
    at1: int = 0
    at3: int = 0
    rr: float = 0.0
    nothing: int = 0
    closest: int = 0
    ms: list[float] = field(default_factory=list)

    def add(self, rank: int | None, kind: str, ms: float) -> None:
        self.n += 1
        self.at1 += rank == 1
        self.at3 += rank is not None and rank <= 3
        self.rr += 1 / rank if rank else 0.0
        self.nothing += kind == NOTHING
        self.closest += kind == CLOSEST
        self.ms.append(ms)

    def row(self) -> dict[str, float]:
        n = self.n or 1
        return {
            "n": self.n,
            "P@1": self.at1 / n,
            "R@3": self.at3 / n,
            "MRR@3": self.rr / n,
            "nothing": self.nothing / n,
            "closest": self.closest / n,
            "p50 ms": statistics.median(self.ms) if self.ms else 0.0,
        }


def timed(dispatcher: Dispatcher, question: str, command: str = "ask") -> tuple[Answer, float]:
    started = time.perf_counter()
    answer = dispatcher.run(command, question)
    return answer, (time.perf_counter() - started) * 1000


def reqa_tallies(
    dispatcher: Dispatcher, data: ReqaSet, questions: Iterable[Question] | None = None
) -> dict[str, Tally]:
    tallies = {"tune": Tally(), "held-out": Tally()}
    for q in questions if questions is not None else data.questions:
        answer, ms = timed(dispatcher, q.text)
        rank = next(
            (
                r
                for r, e in enumerate(answer.excerpts, 1)
                if hit(q, e.citation.document, e.citation.start, e.citation.end)
            ),
            None,
        )
        tallies["tune" if q.title in data.tune_titles else "held-out"].add(rank, verdict(answer), ms)
    return tallies


@dataclass
class WhResult:
    strict: dict[str, Tally]  # by group: all, tune, held-out, and each tag
    doc: Tally
    negatives_refused: int
    negatives: int
    misses: list[str]


def wh_result(dispatcher: Dispatcher, data: WhSet) -> WhResult:
    strict: dict[str, Tally] = {}
    doc = Tally()
    misses = []
    for case in data.ask:
        answer, ms = timed(dispatcher, case.q)
        excerpts = [(e.citation.url, e.text) for e in answer.excerpts]
        s, d = first_hits(case, excerpts)
        kind = verdict(answer)
        for group in ["all", "tune" if case.tune else "held-out", *case.tags]:
            strict.setdefault(group, Tally()).add(s, kind, ms)
        doc.add(d, kind, ms)
        if s is None or s > 3:
            misses.append(f"{case.id} [{kind}] {case.q}  →  " + (norm(excerpts[0][1])[:90] if excerpts else "—"))
    refused = 0
    for neg in data.negatives:
        answer, _ = timed(dispatcher, neg["q"])
        refused += not answer.excerpts
        if answer.excerpts:
            misses.append(f"{neg['id']} NEG answered: {neg['q']}  →  {norm(answer.excerpts[0].text)[:90]}")
    return WhResult(strict, doc, refused, len(data.negatives), misses)
