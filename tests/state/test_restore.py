"""Documents added with !add live in the state database too: a knowledge folder that is wiped (an ephemeral
disk, a new container) is rebuilt from it on start, before the index is built."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.config import Config
from bot.state import SQLiteState
from bot.state.documents_repo import StoredDocument
from bot.state.restore import restore_documents
from tests.exts.conftest import SEED
from tests.frontends.chat_helpers import chat_runtime, say
from tests.helpers import write_doc


async def test_a_wiped_disk_loses_no_added_document(config: Config, tmp_path: Path, database_url: str | None) -> None:
    knowledge, data = tmp_path / "knowledge", tmp_path / "data"
    write_doc(knowledge, "teapots.md", SEED, title="Teapot diplomacy", date="2024-01-05")
    note = write_doc(tmp_path / "outside", "kettle.md", "The kettle accord caps kettles at three per embassy.")
    async with chat_runtime(config, knowledge, data) as chat:
        assert "Added: kettle" in await say(chat, f"!add {note}")
        (stored,) = chat.state.documents.all()
    (added,) = [p for p in knowledge.glob("*.md") if p.name != "teapots.md"]
    assert stored.path == added.name and stored.content == added.read_bytes()
    assert stored.source == "kettle.md" and stored.metadata["added_by"] == "console"
    original = added.read_bytes()

    added.unlink()  # the disk is wiped: the added file goes; with PostgreSQL the data folder goes too
    if database_url:
        shutil.rmtree(data)
    async with chat_runtime(config, knowledge, data) as chat:
        assert "caps kettles at three" in await say(chat, "!cite kettle accord caps")
    assert added.read_bytes() == original


def test_a_file_on_disk_is_the_truth_and_a_path_outside_the_folder_is_never_written(tmp_path: Path) -> None:
    db = SQLiteState(tmp_path / "state.sqlite3")
    knowledge = tmp_path / "knowledge"
    write_doc(knowledge, "kept.md", "Edited on disk after it was added.")
    on_disk = (knowledge / "kept.md").read_bytes()
    db.documents.put(StoredDocument("kept.md", "kept", "kept.md", b"the stored version", "h"))
    db.documents.put(StoredDocument("../escape.md", "escape", "x", b"no", "h2"))
    assert restore_documents(db.documents, knowledge) == []
    assert (knowledge / "kept.md").read_bytes() == on_disk and not (tmp_path / "escape.md").exists()
