"""Document files: front matter, naming, atomic no-overwrite writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from bot.ingest.dedupe import content_hash
from bot.ingest.store import NewDocument, read_front_matter, slugify, write_document

TEXT = "First paragraph about arms control.\n\nSecond paragraph: verification."


def make_doc(**changes: object) -> NewDocument:
    doc = NewDocument(
        title="Arms Control: Talks Resume in Genève!",
        text=TEXT,
        url="https://ledger.example/world/arms",
        date=date(2024, 3, 14),
        fetched=datetime(2024, 3, 15, 9, 30, 12, 123456, tzinfo=UTC),
        added_by="alice#1234",
        origin="url",
        content_hash=content_hash(TEXT),
        tags=("nuclear", "treaties"),
    )
    return replace(doc, **changes)


def test_file_layout_and_front_matter(tmp_path: Path) -> None:
    doc = make_doc()
    doc_id = write_document(tmp_path, doc)
    assert doc_id == f"arms-control-talks-resume-in-geneve-{doc.content_hash[:8]}"
    raw = (tmp_path / f"{doc_id}.md").read_text(encoding="utf-8")
    head, front, body = raw.split("---\n", 2)
    assert head == ""
    assert body == f"\n{TEXT}\n"
    meta = yaml.safe_load(front)
    assert list(meta) == ["title", "url", "date", "fetched", "added_by", "origin", "tags", "content_hash"]
    assert meta["title"] == "Arms Control: Talks Resume in Genève!"
    assert meta["url"] == "https://ledger.example/world/arms"
    assert meta["date"] == date(2024, 3, 14)
    assert meta["fetched"] == datetime(2024, 3, 15, 9, 30, 12, tzinfo=UTC)
    assert meta["added_by"] == "alice#1234"
    assert meta["origin"] == "url"
    assert meta["tags"] == ["nuclear", "treaties"]
    assert meta["content_hash"] == content_hash(TEXT)
    assert "date: 2024-03-14\n" in front
    assert read_front_matter(tmp_path / f"{doc_id}.md") == meta


def test_same_document_twice_gives_the_same_id(tmp_path: Path) -> None:
    first = write_document(tmp_path, make_doc())
    assert write_document(tmp_path, make_doc(added_by="bob")) == first
    assert [p.name for p in tmp_path.iterdir()] == [f"{first}.md"]


def test_existing_different_file_is_never_overwritten(tmp_path: Path) -> None:
    doc = make_doc()
    taken = tmp_path / f"{slugify(doc.title)}-{doc.content_hash[:8]}.md"
    taken.write_text("hand-written file, not ours\n")
    doc_id = write_document(tmp_path, doc)
    assert doc_id.endswith("-2")
    assert taken.read_text() == "hand-written file, not ours\n"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([taken.name, f"{doc_id}.md"])  # and no temporary files left behind


def test_empty_url_and_odd_titles(tmp_path: Path) -> None:
    doc_id = write_document(tmp_path, make_doc(title="???", url=""))
    assert doc_id.startswith("document-")
    assert read_front_matter(tmp_path / f"{doc_id}.md")["url"] == ""
    assert len(slugify("word " * 40)) <= 60
    assert slugify("NATO's 2024 Summit — Vilnius") == "nato-s-2024-summit-vilnius"
