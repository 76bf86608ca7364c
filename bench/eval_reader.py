"""What a domain reader would keep: `!threats`, `!summary` and the junk filter on the White House set.

    python -m bench.eval_reader [--knowledge DIR] [--data DIR] [--questions FILE]

Prints, for each `threats` entry of ../shared/eval/wh_dev_questions.yaml, how many of the top 5 excerpts
contain an `expect_any` quote and whether a `junk_examples` sentence is shown; the junk filter's precision
and recall on the labelled `junk`/`keep` sentences (all, the tuning half and the held-out half); the
duplicate rate (pairs of excerpts in one answer with token-set Jaccard >= 0.8) over 30 answers; and the
share of cross-document summaries shown in date order. It runs against whatever `bot` is importable, so
the same script measures an older checkout (no filter there: nothing is flagged).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

from bench.shared import PROJECT_ROOT, shared_root
from bot.commands.dispatcher import Dispatcher
from bot.config import load_config
from bot.engine import Engine

KB = Path("/tmp/policybot-whitehouse-kb")
TOP = 5
SUMMARIES = [
    "china", "russia", "iran", "north korea", "aukus", "ukraine", "taiwan", "quad", "nato", "sanctions",
    "fentanyl", "cyber", "hamas", "houthis", "semiconductors",
]  # fmt: skip
ACTORS = ["china", "russia", "iran", "north korea", "hezbollah"]
_DASHES = dict.fromkeys(range(0x2010, 0x2016), "-")
_QUOTES = {0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"'}
_WORD = re.compile(r"[^\W_]+")


def norm(text: str) -> str:
    """The matching rule of wh_dev_questions.yaml."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)
    text = re.sub(r"[*_\\]", "", text)
    return " ".join(text.split()).lower()


def jaccard(a: str, b: str) -> float:
    x, y = set(_WORD.findall(norm(a))), set(_WORD.findall(norm(b)))
    return len(x & y) / len(x | y) if x | y else 1.0


def threats_table(bot: Dispatcher, entries: list[dict]) -> tuple[list[str], dict[str, int], int]:
    """Per entry: expected quotes and junk examples among the top 5; entries with >= 2 hits per half
    (even positions tune, odd positions held out)."""
    lines, good, junk_total = [], {"tune": 0, "held-out": 0}, 0
    for entry, half in halves(entries, "threats"):
        answer = bot.handle(entry["command"])
        texts = [norm(e.text) for e in answer.excerpts[:TOP]]
        hits = sum(any(norm(q) in t for q in entry["expect_any"]) for t in texts)
        junk = sum(any(norm(j["text"]) in t or t in norm(j["text"]) for t in texts) for j in entry["junk_examples"])
        good[half] += hits >= 2
        junk_total += junk
        lines.append(
            f"  {entry['command']:28s} {half:8s} expected in top {TOP}: {hits}   junk shown: {junk}   ({answer.title})"
        )
    return lines, good, junk_total


def halves(items: list[dict], label: str) -> list[tuple[dict, str]]:
    """Tuning half: even positions within each kind; held-out half: odd positions (never tuned on)."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for item in items:
        kind = item.get("kind", label)
        out.append((item, "tune" if seen[kind] % 2 == 0 else "held-out"))
        seen[kind] += 1
    return out


def flagged(engine: Engine, by_source: dict, item: dict) -> bool:
    """The engine's flag for the passage that is exactly this sentence; else the filter on the text alone
    (our splitter may cut it differently); an old engine without a filter flags nothing."""
    quality = getattr(engine, "quality", None)
    if quality is None:
        return False
    doc = by_source.get(item["doc"])
    key = norm(item["text"])
    if doc is not None:
        for pid in engine.kb.passage_ids(doc):
            if norm(engine.passage(pid).text) == key:
                return bool(engine.junk[pid])
    doc_type = quality.document_type(doc.title) if doc is not None else None
    return quality.classify(item["text"], doc_type) is not None


def filter_table(engine: Engine, data: dict) -> list[str]:
    by_source = {d.meta.get("source_id"): d for d in engine.kb.documents}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for label in ("junk", "keep"):
        for item, half in halves(data[label], label):
            hit = flagged(engine, by_source, item)
            for part in (half, "all"):
                counts[(label, part)][0] += hit
                counts[(label, part)][1] += 1
    lines = []
    for part in ("all", "tune", "held-out"):
        tp, junk = counts[("junk", part)]
        fp, keep = counts[("keep", part)]
        precision = tp / (tp + fp) if tp + fp else 0.0
        lines.append(
            f"  {part:9s} precision {precision:.3f}  recall {tp / junk:.3f}  "
            f"(junk flagged {tp}/{junk}, keep flagged {fp}/{keep})"
        )
    return lines


def answers_for_duplicates(bot: Dispatcher, entries: list[dict]) -> tuple[list, list]:
    threats = [bot.handle(e["command"]) for e in entries] + [bot.handle(f"!threats {a}") for a in ACTORS]
    summaries = [bot.handle(f"!summary {s}") for s in SUMMARIES]
    return threats, summaries


def duplicate_pairs(answers: list) -> tuple[int, int]:
    dupes = pairs = 0
    for answer in answers:
        texts = [e.text for e in answer.excerpts]
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                pairs += 1
                dupes += jaccard(texts[i], texts[j]) >= 0.8
    return dupes, pairs


def date_order(summaries: list) -> tuple[int, int]:
    cross = [a for a in summaries if len({e.citation.document for e in a.excerpts}) > 1]
    ordered = sum(
        [e.citation.date or "" for e in a.excerpts] == sorted(e.citation.date or "" for e in a.excerpts) for a in cross
    )
    return ordered, len(cross)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=KB)
    parser.add_argument("--data", type=Path, default=Path("/tmp/policybot-eval-reader"))
    parser.add_argument("--questions", type=Path, default=shared_root() / "eval" / "wh_dev_questions.yaml")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if not args.knowledge.is_dir() or not args.questions.exists():
        print(f"needs {args.knowledge} (python bench/make_whitehouse_kb.py) and {args.questions}", file=sys.stderr)
        return 2
    data = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    engine = Engine.load(args.knowledge, load_config(PROJECT_ROOT / "config"), args.data)
    bot = Dispatcher(engine)
    started = time.perf_counter()
    lines, good, junk = threats_table(bot, data["threats"])
    print(f"threats ({len(data['threats'])} entries, {engine.stats.documents} documents)")
    print("\n".join(lines))
    entries = len(data["threats"])
    split = f"tune {good['tune']}/{(entries + 1) // 2}, held-out {good['held-out']}/{entries // 2}"
    total = good["tune"] + good["held-out"]
    print(f"  entries with >= 2 expected quotes in the top {TOP}: {total}/{entries} ({split})")
    print(f"  junk examples shown: {junk}")
    print(f"junk filter on {len(data['junk'])} junk / {len(data['keep'])} keep sentences")
    print("\n".join(filter_table(engine, data)))
    threats, summaries = answers_for_duplicates(bot, data["threats"])
    dupes, pairs = duplicate_pairs(threats + summaries)
    rate = dupes / max(pairs, 1)
    print(f"duplicate rate over {len(threats) + len(summaries)} answers: {dupes} of {pairs} excerpt pairs ({rate:.1%})")
    ordered, cross = date_order(summaries)
    print(f"cross-document summaries in date order: {ordered}/{cross} ({ordered / max(cross, 1):.0%})")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
