"""ReQA on SQuAD v1.1 dev through the bot's own `!ask` (see ../shared/evaldata/reqa_squad/PROVENANCE.md).

Each SQuAD article becomes one knowledge file (title in front matter, one paragraph per SQuAD paragraph),
so the bot splits sentences itself. An excerpt answers a question when it comes from the question's article
and overlaps one of its gold sentences by at least half of the shorter of the two spans (the bot's sentence
splitter and ReQA's differ a little), or holds the start of an annotator's answer.

Tuning half: the articles whose title sorts into the first half (24 of 48); the other half is held out.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FRONT = "---\n{meta}---\n\n"


@dataclass
class Question:
    id: str
    text: str
    title: str
    gold: list[tuple[int, int]]  # file offsets of the gold sentences
    answers: list[int]  # file offsets of the annotators' answer starts


@dataclass
class ReqaSet:
    folder: Path
    questions: list[Question]
    tune_titles: set[str]
    sentences: list[dict] = field(default_factory=list)  # ReQA's own candidate sentences (for baselines)
    paragraph_starts: dict[int, int] = field(default_factory=dict)  # paragraph id → its offset in its file
    paragraph_files: dict[int, str] = field(default_factory=dict)  # paragraph id → its file's stem (document id)


def _lines(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def file_stem(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title).strip("-").lower()


def build_reqa(data: Path, out: Path) -> ReqaSet:
    """Write the knowledge folder (idempotent) and map every gold span to file offsets."""
    paragraphs = sorted(_lines(data / "paragraphs.jsonl.gz"), key=lambda p: p["paragraph_id"])
    by_title: dict[str, list[dict]] = {}
    for p in paragraphs:
        by_title.setdefault(p["title"], []).append(p)
    out.mkdir(parents=True, exist_ok=True)
    para_start: dict[int, int] = {}
    para_file: dict[int, str] = {}
    for title, paras in by_title.items():
        head = FRONT.format(meta=yaml.safe_dump({"title": title.replace("_", " ")}, allow_unicode=True))
        text, pos = head, len(head)
        for p in sorted(paras, key=lambda p: p["paragraph_index"]):
            para_start[p["paragraph_id"]] = pos
            para_file[p["paragraph_id"]] = file_stem(title)
            text += p["text"] + "\n\n"
            pos = len(text)
        path = out / f"{file_stem(title)}.md"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    sentences = list(_lines(data / "sentences.jsonl.gz"))
    span = {
        s["id"]: (para_start[s["paragraph_id"]] + s["start"], para_start[s["paragraph_id"]] + s["end"])
        for s in sentences
    }
    questions = []
    for q in _lines(data / "questions.jsonl"):
        base = para_start[q["paragraph_id"]]
        questions.append(
            Question(
                q["id"],
                q["question"],
                q["title"],
                [span[g] for g in q["gold_sentence_ids"]],
                [base + a["start"] for a in q["answers"]],
            )
        )
    titles = sorted(by_title)
    return ReqaSet(out, questions, set(titles[: len(titles) // 2]), sentences, para_start, para_file)


def hit(question: Question, document: str, start: int, end: int) -> bool:
    """Whether the span [start, end) of `document` (a file stem) answers the question."""
    if document != file_stem(question.title):
        return False  # the same offsets in another article are no answer
    for a, b in question.gold:
        overlap = min(b, end) - max(a, start)
        if overlap > 0 and overlap >= 0.5 * min(b - a, end - start):
            return True
    return any(start <= a < end for a in question.answers)


def sentence_hit(question: Question, data: ReqaSet, sentence: dict) -> bool:
    """The same rule on one of ReQA's own candidate sentences (its offsets moved into its file)."""
    paragraph = sentence["paragraph_id"]
    offset = data.paragraph_starts[paragraph]
    return hit(question, data.paragraph_files[paragraph], offset + sentence["start"], offset + sentence["end"])
