"""The slowest `!ask`/`!cite` input on a knowledge folder: hostile inputs, each timed through the dispatcher.

    python bench/bench_worst_input.py                                   # White House set, its cache in /tmp
    python bench/bench_worst_input.py --knowledge DIR --data DIR

Each input runs 3 times; its median counts. The same inputs also run with the caps lifted (length cut
before NFKC, fuzzy lookups unlimited: the code before issue 10) as the baseline. Target: worst ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.commands import ask as ask_module  # noqa: E402
from bot.commands import cite as cite_module  # noqa: E402
from bot.commands import dispatcher as dispatcher_module  # noqa: E402
from bot.commands import suggest  # noqa: E402
from bot.commands.dispatcher import Dispatcher  # noqa: E402
from bot.commands.text_input import truncate  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.loading import load_engine  # noqa: E402
from bot.search.vocabulary import Vocabulary, fuzz, process  # noqa: E402

WHITEHOUSE = Path("/tmp/policybot-whitehouse-kb")


def hostile_inputs(seed: int = 10) -> list[str]:
    rng = random.Random(seed)
    unknown = ["".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(rng.randint(5, 12))) for _ in range(600)]
    typos = ["nucleer", "deterence", "sanctoins", "alliabce", "milatary", "presidnet", "ukrane", "chinna"]
    fixed = [
        "\ufdfa" * 500,
        "\ufdfa" * 2000,
        " ".join(unknown[:400]),
        " ".join(unknown),
        " ".join(typos * 60),
        "the of and to in " * 100,
        "a" * 2000,
        "nato " * 400,
        "<@123456789012345678> " * 80,
        "1234567890 " * 180,
        "ﬁ" * 1500,
        " ".join(rng.choice(typos + unknown[:50]) for _ in range(300)),
        "president united states security " * 60,
    ]
    return fixed + [" ".join(rng.sample(unknown + typos, 40)) for _ in range(20)]


def every_lookup(engine, words: list[str], limit: int = 3) -> list[str]:
    """Before the caps: one fuzzy lookup per unknown word, repeats included."""
    close: list[str] = []
    for word in words:
        if engine.index.term_idf(engine.analyzer.stem([word])[0]) is None:
            close.extend(c for c in engine.vocabulary.closest(word, limit=limit) if c not in close)
    return close


def old_closest(self: Vocabulary, word: str, limit: int = 3, cutoff: float = 84) -> list[str]:
    """Before the caps: a full scan for every call, no budget, nothing remembered."""
    if len(word) < 3:
        return []
    found = process.extract(word, self._words, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    return [w for w, _, _ in found if w != word]


@contextmanager
def uncapped() -> Iterator[None]:
    """The code before the caps: the raw text cut to the limit (NFKC expands it later), every lookup."""
    with (
        mock.patch.object(dispatcher_module, "fit", lambda text, _limit: (text, False)),
        mock.patch.object(ask_module, "fit", truncate),
        mock.patch.object(cite_module, "fit", truncate),
        mock.patch.object(suggest, "unknown_word_spellings", every_lookup),
        mock.patch.object(cite_module, "unknown_word_spellings", every_lookup),
        mock.patch.object(Vocabulary, "closest", old_closest),
    ):
        yield


def median_ms(dispatcher: Dispatcher, message: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        dispatcher.handle(message)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def worst(dispatcher: Dispatcher, command: str, inputs: list[str]) -> tuple[float, str, float]:
    timed = [(median_ms(dispatcher, f"!{command} {text}"), text) for text in inputs]
    timed.sort(reverse=True)
    return timed[0][0], timed[0][1], statistics.median(t for t, _ in timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=WHITEHOUSE)
    parser.add_argument("--data", type=Path, default=Path("/tmp/issue-10-data"))
    args = parser.parse_args()
    if not args.knowledge.is_dir():
        print(f"{args.knowledge} is not here: python bench/make_whitehouse_kb.py writes it")
        return 1
    engine = load_engine(args.knowledge, load_config(ROOT / "config"), args.data)
    dispatcher = Dispatcher(engine)
    inputs = hostile_inputs()
    print(f"{engine.stats.documents} documents, {engine.stats.passages} passages; {len(inputs)} hostile inputs")
    for command in ("ask", "cite"):
        now, text, typical = worst(dispatcher, command, inputs)
        with uncapped():
            before, before_text, _ = worst(dispatcher, command, inputs)
        print(f"!{command}: worst {now:7.1f} ms (median input {typical:.1f} ms), worst input {text[:24]!r}…")
        print(f"!{command} before the caps: worst {before:7.1f} ms, worst input {before_text[:24]!r}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
