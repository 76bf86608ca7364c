"""Measure HTML main-text extractors on the article fixtures.

Run: ``python -m tests.ingest.measure_extractors`` (from the repository root).

For each fixture page, ``articles.json`` lists sentences of the article that must be kept
(``expected``) and strings of boilerplate that must not appear (``boilerplate``).
Recall = kept expected / all expected; leak = boilerplate found / all boilerplate.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import justext
import lxml.html
import trafilatura
from trafilatura.readability_lxml import Document as ReadabilityDocument

from bot.ingest.extract_html import extract_html

FIXTURES = Path(__file__).parent / "fixtures"
Extractor = Callable[[bytes], str]


def _ours(data: bytes) -> str:
    return extract_html(data).text


def _trafilatura_precision(data: bytes) -> str:
    return trafilatura.extract(data, favor_precision=True, include_comments=False) or ""


def _justext(data: bytes) -> str:
    found = justext.justext(data, justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in found if not p.is_boilerplate)


def _readability(data: bytes) -> str:
    summary = ReadabilityDocument(lxml.html.fromstring(data)).summary()
    return lxml.html.fromstring(summary).text_content()


EXTRACTORS: dict[str, Extractor] = {
    "trafilatura (chosen, default settings)": _ours,
    "trafilatura favor_precision": _trafilatura_precision,
    "jusText 3 (English stoplist)": _justext,
    "readability (trafilatura's port)": _readability,
}


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def score(extractor: Extractor, data: bytes, gold: dict, repeats: int = 5) -> tuple[float, float, float]:
    """(recall, leak, median milliseconds over ``repeats`` warm runs) for one page."""
    text = _norm(extractor(data))
    millis = statistics.median(_timed(extractor, data) for _ in range(repeats))
    recall = sum(_norm(s) in text for s in gold["expected"]) / len(gold["expected"])
    leak = sum(_norm(s) in text for s in gold["boilerplate"]) / len(gold["boilerplate"])
    return recall, leak, millis


def _timed(extractor: Extractor, data: bytes) -> float:
    start = time.perf_counter()
    extractor(data)
    return (time.perf_counter() - start) * 1000


def measure() -> dict[str, dict[str, float]]:
    gold_pages = json.loads((FIXTURES / "articles.json").read_text())
    results: dict[str, dict[str, float]] = {}
    for name, extractor in EXTRACTORS.items():
        rows = [score(extractor, (FIXTURES / page).read_bytes(), gold) for page, gold in gold_pages.items()]
        results[name] = {
            "recall": statistics.mean(r[0] for r in rows),
            "min_recall": min(r[0] for r in rows),
            "leak": statistics.mean(r[1] for r in rows),
            "ms_per_page": statistics.mean(r[2] for r in rows),
        }
    return results


def main() -> None:
    print(f"{'extractor':42} {'recall':>7} {'min':>6} {'leak':>6} {'ms/page':>8}")
    for name, r in measure().items():
        print(f"{name:42} {r['recall']:7.2f} {r['min_recall']:6.2f} {r['leak']:6.2f} {r['ms_per_page']:8.1f}")


if __name__ == "__main__":
    main()
