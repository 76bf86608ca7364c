"""BBC News Summary: articles (first line = title) with extractive reference summaries, fixed samples."""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

REPORT_SEED = 2024  # the reported sample
DEV_SEED = 7  # the sample used for tuning, drawn from the ids the reported sample leaves out


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str  # the article without its title line
    reference: str


def load_bbc(folder: Path) -> list[Article]:
    articles = []
    with gzip.open(folder / "bbc_news_summary.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            title, _, body = row["article"].partition("\n")
            articles.append(Article(row["id"], title.strip(), body.strip(), row["summary"]))
    return articles


def _shuffled(articles: list[Article], seed: int) -> list[Article]:
    order = sorted(articles, key=lambda a: a.id)
    random.Random(seed).shuffle(order)
    return order


def report_sample(articles: list[Article], size: int = 300) -> list[Article]:
    """The first `size` articles of a fixed shuffle (seed REPORT_SEED); smaller samples are prefixes."""
    return _shuffled(articles, REPORT_SEED)[:size]


def dev_sample(articles: list[Article], size: int = 300) -> list[Article]:
    """For tuning: drawn (seed DEV_SEED) from the articles after the first 600 of the report shuffle."""
    return _shuffled(_shuffled(articles, REPORT_SEED)[600:], DEV_SEED)[:size]
