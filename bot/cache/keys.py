"""Cache keys: a hash of everything a cached result depends on, code included.

The code fingerprint hashes the source of the modules that shape a result, so editing the parser or
the analyser invalidates its caches without anyone remembering to bump a version number.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import cache
from importlib import metadata
from pathlib import Path

from bot.config.models import BoilerplateSettings, SearchSettings

FORMAT = 1  # bump when the layout of a cache file changes

PARSE_MODULES = (
    "bot.knowledge.loader",
    "bot.knowledge.parse",
    "bot.knowledge.sentences",
    "bot.knowledge.boilerplate",
    "bot.knowledge.frontmatter",
    "bot.knowledge.model",
    "bot.cache.records",
)
ANALYSIS_MODULES = ("bot.search.analyzer", "bot.search.stopwords", "bot.cache.tokens")
INDEX_MODULES = (
    "bot.search.index",
    "bot.search.bm25",
    "bot.search.vocabulary",
    "bot.search.matchtext",
    "bot.search.traits",
    "bot.answers.plain",
    "bot.cache.index_cache",
)


def digest(*parts: object) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


@cache
def code_fingerprint(modules: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        h.update(name.encode())
        h.update(Path(origin).read_bytes() if origin else b"?")
    return h.hexdigest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def parse_key(boilerplate: BoilerplateSettings) -> str:
    """What parsing a file depends on besides its bytes and path."""
    code = code_fingerprint(PARSE_MODULES)
    return digest(FORMAT, code, _version("syntok"), _version("pyyaml"), boilerplate.paragraphs, boilerplate.sentences)


def analysis_key(phrases: list[str]) -> str:
    """What turning sentences into index terms depends on."""
    return digest(FORMAT, code_fingerprint(ANALYSIS_MODULES), _version("PyStemmer"), sorted(phrases))


def file_key(parse: str, rel_path: str, content: bytes) -> str:
    return digest(parse, rel_path, hashlib.sha256(content).hexdigest())


def index_key(file_keys: list[str], analysis: str, search: SearchSettings) -> str:
    code = code_fingerprint(INDEX_MODULES)
    return digest(FORMAT, code, _version("numpy"), analysis, search.k1, search.b, search.builder, file_keys)
