"""Knowledge folder → documents, index and vocabulary, reusing whatever the cache still holds.

1. Read and hash every file (always: this is what makes a stale cache impossible).
2. If the index cache's key matches the hash of all file keys + analysis config + code, load it.
3. Otherwise reuse per-file parse and term entries whose keys match, parse the rest on all cores,
   build the index, and write everything back.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import numpy as np

from bot.cache import index_cache
from bot.cache.collect import TermCollector
from bot.cache.index_cache import Snapshot
from bot.cache.keys import analysis_key, digest, index_key, parse_key
from bot.cache.memory import release_free_memory
from bot.cache.parse_jobs import Job, Result, run_jobs
from bot.cache.progress import Progress
from bot.cache.records import from_record
from bot.cache.sources import SourceFile, read_sources
from bot.cache.store import EntryStore
from bot.config import Config
from bot.config.phrases import config_phrases
from bot.search.index import BM25Index
from bot.search.matchtext import MatchText
from bot.search.traits import SentenceTraits
from bot.search.vocabulary import Vocabulary

log = logging.getLogger(__name__)


def load_knowledge(folder: Path, config: Config, cache: Path | None) -> Snapshot:
    started = time.perf_counter()
    boiler, phrases = config.settings.boilerplate, config_phrases(config)
    pkey, akey = parse_key(boiler), analysis_key(phrases)
    files = read_sources(folder, pkey)
    key = index_key([f.key for f in files], akey, config.settings.search)
    path = cache / f"index-{digest(str(folder.resolve()))[:16]}.npz" if cache else None
    snap = _cached(path, key, files)
    how = "from the index cache"
    if snap is None:
        snap, how = _build(files, config, phrases, akey, cache)
        if path is not None:
            _save(path, key, snap)
    for rel, reason in snap.skipped:
        log.warning("skipped %s: %s", folder / rel, reason)
    snap.skipped = [(str(folder / rel), reason) for rel, reason in snap.skipped]
    passages = sum(len(d.sentences) for d in snap.documents)
    seconds = time.perf_counter() - started
    log.info("indexed %d documents, %d passages in %.2f s (%s)", len(snap.documents), passages, seconds, how)
    return snap


def _cached(path: Path | None, key: str, files: list[SourceFile]) -> Snapshot | None:
    if path is None or not path.exists():
        return None
    try:
        if index_cache.stored_key(path) != key:
            log.info("index cache %s is out of date; rebuilding", path)
            return None
        return index_cache.load(path, {f.rel: f.text for f in files if f.text is not None})
    except Exception as exc:  # noqa: BLE001 - any unreadable cache is rebuilt, never trusted
        log.warning("index cache %s is unreadable (%s: %s); rebuilding", path, type(exc).__name__, exc)
        return None


def _save(path: Path, key: str, snap: Snapshot) -> None:
    try:
        index_cache.save(path, key, snap)
    except OSError as exc:
        log.warning("cannot write the index cache %s (%s); the next start will rebuild", path, exc)


def _build(
    files: list[SourceFile], config: Config, phrases: list[str], akey: str, cache: Path | None
) -> tuple[Snapshot, str]:
    parsed, terms = EntryStore(cache / "parsed" if cache else None), EntryStore(cache / "terms" if cache else None)
    records: dict[str, dict | None] = {}
    errors: dict[str, str] = {}
    collector = TermCollector()
    jobs: list[Job] = []
    for f in files:
        if f.text is None:
            continue
        record, tokens = parsed.get(f.key), terms.get(digest(f.key, akey))
        if record is not None and ("error" in record or tokens is not None):
            result = (record.get("record"), tokens or {"error": record.get("error")})
            _collect(f.rel, result, records, errors, collector)
        else:
            jobs.append((f.doc_id, f.rel, f.text, record.get("record") if record else None))
    boiler = config.settings.boilerplate
    progress = Progress("parsing", len(jobs))
    keys = {f.rel: f.key for f in files}
    for job, result in zip(jobs, run_jobs(jobs, (boiler.paragraphs, boiler.sentences, phrases)), strict=True):
        _remember(parsed, terms, job, result, akey, keys)
        _collect(job[1], result, records, errors, collector)
        progress.advance()
    progress.close()
    how = f"parsed {len(jobs)} files, {len(files) - len(jobs)} from the file cache"
    snap = _assemble(files, records, errors, collector, config)
    stale = parsed.prune({f.key for f in files}) + terms.prune({digest(f.key, akey) for f in files})
    if stale:
        how += f", {stale} stale cache entries removed"
    return snap, how


def _collect(
    rel: str, result: Result, records: dict[str, dict | None], errors: dict[str, str], collector: TermCollector
) -> None:
    record, tokens = result
    if record is None:
        errors[rel] = str(tokens["error"])
        return
    records[rel] = record
    collector.add(rel, tokens)


def _remember(parsed: EntryStore, terms: EntryStore, job: Job, result: Result, akey: str, keys: dict[str, str]) -> None:
    record, tokens = result
    key = keys[job[1]]
    if record is None:
        parsed.put(key, {"error": tokens["error"]})
        return
    if job[3] is None:
        parsed.put(key, {"record": record})
    terms.put(digest(key, akey), tokens)


def _assemble(
    files: list[SourceFile],
    records: dict[str, dict | None],
    errors: dict[str, str],
    collector: TermCollector,
    config: Config,
) -> Snapshot:
    documents, skipped, kept = [], [], []
    for f in files:
        record = records.pop(f.rel, None)
        if record is None:
            skipped.append((f.rel, errors.get(f.rel) or str(f.error)))
            continue
        documents.append(from_record(record, f.text or ""))
        kept.append(f.rel)
    term_ids, word_ids, lengths = collector.concatenated(kept)
    names, words = collector.term_names(), collector.word_names()
    del collector
    release_free_memory()
    search = config.settings.search
    index = BM25Index.from_ids(term_ids, lengths, names, search.k1, search.b, search.builder)
    release_free_memory()
    frequency = dict(zip(index.vocab, np.diff(index.ptr).tolist(), strict=True))
    vocabulary = Vocabulary.from_ids(term_ids, word_ids, lengths, names, words, frequency)
    del term_ids, word_ids
    release_free_memory()
    texts = [d.text(s.start, s.end) for d in documents for s in d.sentences]
    return Snapshot(documents, skipped, index, vocabulary, MatchText.build(texts), SentenceTraits.build(texts))
