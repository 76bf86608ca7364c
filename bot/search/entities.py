"""The names a knowledge base ties to threats most often, for a bare `!threats`: capitalised words and
runs of them ("Taiwan Strait", "Wagner Group", "DPRK") in sentences that use a threat word, counted by
documents. Sentence-initial single words, configured actors and the `entities.ignore` list are left out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from bot.answers.plain import plain
from bot.engine import Engine

_CONTRACTION = r"['’](?!s\b|m\b|ve\b|ll\b|re\b|d\b)"  # O’Brien is a name; I’m and NATO’s are not
_NAME = re.compile(rf"(?<![\w.])[A-Z](?:[\w-]|{_CONTRACTION})+(?:(?: of(?: the)?| al-| bin)? [A-Z][\w'’-]*)*(?!\.\w)")
_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING = re.compile(r"^(?:The|A|An|This|These|That|Those|Our|We|And|But|In|On|At|As|For) ")


@dataclass(frozen=True)
class Entity:
    name: str
    documents: int  # documents with a sentence naming it next to a threat word


def threat_entities(engine: Engine) -> list[Entity]:
    return engine.memo("threat-entities", lambda: _count(engine))


def _count(engine: Engine) -> list[Entity]:
    from bot.search.threat_rank import vocabulary  # the vocabulary is built from the same config

    settings = engine.config.threats.entities
    skip = {n.lower() for n in settings.ignore}
    for key, actor in engine.config.actors.actors.items():
        skip |= {key.lower(), actor.name.lower(), *(a.lower() for a in actor.aliases)}
    mask = engine.index.mask(vocabulary(engine).index_terms) & ~engine.junk
    seen: dict[str, set[int]] = {}
    for pid in np.flatnonzero(mask).tolist():
        doc = int(engine.kb.passage_doc[pid])
        for found in _names(engine.quality.label(plain(engine.passage(pid).text))[1]):
            name = _without_titles(found, skip)
            if len(name) > 1 and name.lower() not in skip and name.lower() not in engine.analyzer.stopwords:
                seen.setdefault(name, set()).add(doc)
    counts = Counter({name: len(docs) for name, docs in seen.items() if len(docs) >= settings.min_documents})
    return [Entity(name, n) for name, n in counts.most_common(settings.show)]


def _without_titles(name: str, skip: set[str]) -> str:
    """ "President Putin" → "Putin": leading words on the ignore list (titles) are not part of a name."""
    words = name.split(" ")
    while len(words) > 1 and (words[0].lower() in skip or words[0].islower()):
        words.pop(0)
    return " ".join(words)


def _names(text: str) -> set[str]:
    found = set()
    for match in _NAME.finditer(text):
        name = _LEADING.sub("", _POSSESSIVE.sub("", match.group()))
        if not name or (match.start() == 0 and " " not in name and not name.isupper()):
            continue  # the first word of a sentence is capitalised anyway
        found.add(name)
    return found
