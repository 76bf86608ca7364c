"""Parse and analyse files, in worker processes when there are enough of them to be worth it.

A job is (doc id, path, text, parsed record or None); it returns (record, terms) where the record is
None and terms holds the error message when the file cannot become a document.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from bot.cache.records import from_record, to_record
from bot.cache.tokens import document_terms
from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.loader import DocumentError, parse_document
from bot.search.analyzer import Analyzer

Job = tuple[str, str, str, dict | None]
Result = tuple[dict | None, dict]

MIN_FILES_FOR_WORKERS = 16

_worker: tuple[Boilerplate, Analyzer] | None = None


def _setup(paragraphs: list[str], sentences: list[str], phrases: list[str]) -> None:
    global _worker
    _worker = (Boilerplate(paragraphs, sentences), Analyzer(phrases=phrases))


def run_job(job: Job) -> Result:
    assert _worker is not None, "call _setup first"
    boilerplate, analyzer = _worker
    doc_id, path, text, record = job
    if record is not None:
        return record, document_terms(analyzer, from_record(record, text))
    try:
        doc = parse_document(doc_id, path, text, boilerplate)
    except DocumentError as exc:
        return None, {"error": str(exc)}
    return to_record(doc), document_terms(analyzer, doc)


def run_jobs(
    jobs: list[Job], setup: tuple[list[str], list[str], list[str]], workers: int | None = None
) -> Iterator[Result]:
    """Results in job order."""
    workers = workers or min(os.cpu_count() or 1, 8)
    if workers < 2 or len(jobs) < MIN_FILES_FOR_WORKERS:
        _setup(*setup)
        yield from map(run_job, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_setup, initargs=setup) as pool:
        yield from pool.map(run_job, jobs, chunksize=4)
