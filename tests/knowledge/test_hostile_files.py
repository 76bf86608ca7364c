"""Hostile knowledge files: each is skipped with one line naming it, and the rest of the folder loads."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import Config
from bot.engine import Engine
from bot.ingest.dedupe import content_hash
from bot.ingest.store import write_document
from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.loader import load_folder
from bot.knowledge.safe_yaml import MAX_ALIASES, UnsafeYaml, load_mapping
from tests.helpers import write_doc
from tests.ingest.test_store import make_doc

ALIAS_BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
)
BAD_FRONT_MATTER = {
    "bomb.md": ALIAS_BOMB,
    "feb30.md": "date: 2024-02-30",
    "set.md": "x: !!set {a}",
    "binary.md": "x: !!binary aGVsbG8=",
    "badfloat.md": "x: !!float abc",
    "deep.md": "x: " + "[" * 5000 + "]" * 5000,
}


def front(folder: Path, name: str, yaml_text: str) -> None:
    (folder / name).write_text(f"---\n{yaml_text}\n---\n\nSome body text here.\n", encoding="utf-8")


def test_the_alias_bomb_is_refused_before_anything_walks_it() -> None:
    assert len(ALIAS_BOMB.encode()) < 400
    with pytest.raises(UnsafeYaml, match=f"more than {MAX_ALIASES} YAML aliases"):
        load_mapping(ALIAS_BOMB)
    assert load_mapping("base: &b {k: 1}\nx: *b\ny: *b") == {"base": {"k": 1}, "x": {"k": 1}, "y": {"k": 1}}


@pytest.mark.parametrize("cache", [False, True], ids=["no cache", "cache"])
def test_front_matter_yaml_cannot_read_skips_that_file_by_name(
    tmp_path: Path, config: Config, cache: bool, caplog: pytest.LogCaptureFixture
) -> None:
    knowledge = tmp_path / "knowledge"
    write_doc(knowledge, "good.md", "Teapots are porcelain.", title="Good")
    for name, text in BAD_FRONT_MATTER.items():
        front(knowledge, name, text)
    with caplog.at_level(logging.WARNING):
        engine = Engine.load(knowledge, config, tmp_path / "data" if cache else None)
    assert [d.id for d in engine.kb.documents] == ["good"]
    reasons = {Path(p).name: r for p, r in engine.stats.skipped}
    assert set(reasons) == set(BAD_FRONT_MATTER)
    assert all(r.startswith("front matter: ") for r in reasons.values()), reasons
    assert "day is out of range" in reasons["feb30.md"]
    assert "set value" in reasons["set.md"]
    for name in BAD_FRONT_MATTER:
        assert any(name in r.getMessage() for r in caplog.records), name


def test_nul_byte_anywhere_marks_a_binary_file(tmp_path: Path) -> None:
    write_doc(tmp_path, "good.md", "Fine text.")
    (tmp_path / "late-nul.md").write_bytes(b"Text. " * 3000 + b"\x00 more text.")
    report = load_folder(tmp_path, Boilerplate([], []))
    assert [d.id for d in report.documents] == ["good"]
    assert "binary" in dict((Path(p).name, r) for p, r in report.skipped)["late-nul.md"]


def test_symlinks_that_leave_the_knowledge_folder_are_not_followed(tmp_path: Path) -> None:
    knowledge, outside = tmp_path / "knowledge", tmp_path / "outside"
    write_doc(knowledge, "inside.md", "Inside text.")
    write_doc(outside, "secret.md", "Secret text outside.")
    (knowledge / "leak.md").symlink_to(outside / "secret.md")
    (knowledge / "leakdir").symlink_to(outside, target_is_directory=True)
    (knowledge / "alias.md").symlink_to(knowledge / "inside.md")  # inside: fine
    ids = [d.id for d in load_folder(knowledge, Boilerplate([], [])).documents]
    assert ids == ["alias", "inside"]


def test_a_document_titled_readme_is_stored_under_a_name_the_loader_reads(tmp_path: Path) -> None:
    text = "The readme of the treaty explains verification."
    doc = make_doc(title="README: treaty notes", text=text, content_hash=content_hash(text))
    doc_id = write_document(tmp_path, doc)
    assert [d.id for d in load_folder(tmp_path, Boilerplate([], [])).documents] == [doc_id]
