"""Shared test helpers: building small knowledge bases and checking that excerpts are verbatim."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bot.answers.model import Answer
from bot.commands.dispatcher import Dispatcher
from bot.config import Config
from bot.engine import Engine

PROJECT = Path(__file__).resolve().parent.parent


def write_doc(folder: Path, name: str, body: str, **front: object) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    head = ""
    if front:
        lines = "\n".join(f"{k}: {v}" for k, v in front.items())
        head = f"---\n{lines}\n---\n\n"
    path.write_text(head + textwrap.dedent(body).strip() + "\n", encoding="utf-8")
    return path


def assert_verbatim(answer: Answer, knowledge: Path, engine: Engine) -> None:
    """Every excerpt is the source file's own text at the offsets its citation states."""
    for ex in answer.excerpts:
        doc = engine.kb.by_id[ex.citation.document]
        on_disk = (knowledge / doc.path).read_text(encoding="utf-8-sig")
        assert on_disk[ex.citation.start : ex.citation.end] == ex.text
        c = ex.citation
        by_number = {(s.paragraph, s.number): s for s in doc.sentences}
        sentence = by_number[(c.paragraph, c.sentence)]
        first = by_number[(c.paragraph, c.from_sentence or c.sentence)]
        assert (first.start, sentence.end) == (c.start, c.end)  # from an earlier sentence of the paragraph, or its own
        assert ex.citation.title == doc.title
        para = doc.paragraph(ex.citation.paragraph)
        assert on_disk[para.start : para.end] == ex.paragraph_text and ex.text in ex.paragraph_text


class Bot:
    """A dispatcher whose every answer is checked for verbatim excerpts."""

    def __init__(self, knowledge: Path, config: Config) -> None:
        self.knowledge = knowledge
        self.engine = Engine.load(knowledge, config)
        self.dispatcher = Dispatcher(self.engine)

    def __call__(self, message: str) -> Answer:
        answer = self.dispatcher.handle(message)
        assert_verbatim(answer, self.knowledge, self.engine)
        return answer
