"""The White House development questions (../shared/eval/wh_dev_questions.yaml), scored as its header says.

strict hit: the excerpt comes from a gold document and contains a gold quote (both sides normalised);
doc hit: the excerpt comes from a gold document. Negatives are right when the reply has no excerpt.
Tuning half: questions with an odd number (d01, d03, …) and odd negatives; the even ones are held out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub("[\u2010-\u2015]", "-", text)
    text = text.replace("*", "").replace("_", "").replace("\\", "")
    return re.sub(r"\s+", " ", text).lower().strip()


@dataclass
class WhCase:
    id: str
    q: str
    tags: list[str]
    gold: list[str]
    gold_urls: set[str]

    @property
    def tune(self) -> bool:
        return int(self.id[1:]) % 2 == 1


@dataclass
class WhSet:
    ask: list[WhCase]
    negatives: list[dict]
    raw: dict


def load_wh(path: Path) -> WhSet:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = [
        WhCase(
            c["id"], c["q"], list(c.get("tags") or []), [norm(g) for g in c["gold"]], {d["url"] for d in c["gold_docs"]}
        )
        for c in raw["ask"]
    ]
    return WhSet(cases, list(raw.get("negatives") or []), raw)


def first_hits(case: WhCase, excerpts: list[tuple[str | None, str]]) -> tuple[int | None, int | None]:
    """(rank of the first strict hit, rank of the first doc hit) among (url, text) excerpts, 1-based."""
    strict = doc = None
    for rank, (url, text) in enumerate(excerpts, 1):
        if url in case.gold_urls:
            doc = doc or rank
            if strict is None and any(g in norm(text) for g in case.gold):
                strict = rank
    return strict, doc
