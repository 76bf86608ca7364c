"""A parsed document as plain JSON-able data (no source text), and back.

Front matter may hold YAML dates and non-string keys, which JSON cannot; they are tagged so the
round trip gives back exactly what the YAML loader gave.
"""

from __future__ import annotations

import datetime as dt

from bot.knowledge.model import Document, Paragraph, Sentence


def encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {"$map": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__} in front matter")


def decode(value: object) -> object:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$datetime" in value:
        return dt.datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if "$map" in value:
        return {decode(k): decode(v) for k, v in value["$map"]}
    return {k: decode(v) for k, v in value.items()}


def header(doc: Document) -> dict[str, object]:
    """Everything about a document except its text and spans."""
    return {
        "id": doc.id,
        "path": doc.path,
        "title": doc.title,
        "date": doc.date,
        "url": doc.url,
        "tags": doc.tags,
        "meta": encode(doc.meta),
    }


def paragraph_rows(doc: Document) -> list[list[int]]:
    return [[p.start, p.end, p.number, int(p.boilerplate)] for p in doc.paragraphs]


def sentence_rows(doc: Document) -> list[list[int]]:
    return [[s.start, s.end, s.paragraph, s.number] for s in doc.sentences]


def to_record(doc: Document) -> dict[str, object]:
    return {**header(doc), "paragraphs": paragraph_rows(doc), "sentences": sentence_rows(doc)}


def from_parts(head: dict, source: str, paragraphs: list[list[int]], sentences: list[list[int]]) -> Document:
    return Document(
        id=head["id"],
        path=head["path"],
        source=source,
        title=head["title"],
        date=head["date"],
        url=head["url"],
        tags=list(head["tags"]),
        meta=decode(head["meta"]),
        paragraphs=[Paragraph(a, b, n, bool(x)) for a, b, n, x in paragraphs],
        sentences=[Sentence(a, b, p, n) for a, b, p, n in sentences],
    )


def from_record(record: dict, source: str) -> Document:
    return from_parts(record, source, record["paragraphs"], record["sentences"])
