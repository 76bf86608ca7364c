"""The load cache is reused when nothing changed and never serves an answer from stale content."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from bot.commands.dispatcher import Dispatcher
from bot.config import load_config
from bot.config.loader import Config
from bot.engine import Engine

CONFIG = Path(__file__).resolve().parents[2] / "config"


def write(folder: Path, name: str, body: str, title: str = "A note") -> None:
    (folder / name).write_text(f"---\ntitle: {title}\ndate: 2024-05-01\n---\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def config() -> Config:
    return load_config(CONFIG)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    write(folder, "alpha.md", "The frigate visited Darwin in March. Officials praised the crew.")
    write(folder, "beta.md", "Sanctions on shipping firms were widened. Exports of turbines stopped.")
    return folder


def excerpts(engine: Engine, message: str) -> list[str]:
    return [e.text for s in Dispatcher(engine).handle(message).sections for e in s.excerpts]


def loads(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("indexed")]


def test_second_load_comes_from_the_index_cache(kb: Path, tmp_path: Path, config: Config, caplog) -> None:
    caplog.set_level(logging.INFO)
    first = Engine.load(kb, config, tmp_path / "data")
    second = Engine.load(kb, config, tmp_path / "data")
    assert "parsed 2 files" in loads(caplog)[0]
    assert "from the index cache" in loads(caplog)[1]
    assert excerpts(first, "!ask frigate Darwin") == excerpts(second, "!ask frigate Darwin")
    assert [d.meta for d in first.kb.documents] == [d.meta for d in second.kb.documents]


def test_changed_file_is_reparsed_alone_and_answers_change(kb: Path, tmp_path: Path, config: Config, caplog) -> None:
    Engine.load(kb, config, tmp_path / "data")
    write(kb, "alpha.md", "The corvette visited Townsville in June. Officials praised the crew.")
    caplog.set_level(logging.INFO)
    engine = Engine.load(kb, config, tmp_path / "data")
    assert "parsed 1 files, 1 from the file cache" in loads(caplog)[0]
    assert excerpts(engine, "!ask corvette Townsville") == ["The corvette visited Townsville in June."]
    assert "frigate" not in " ".join(excerpts(engine, "!ask frigate Darwin"))


def test_added_and_removed_files_show_up(kb: Path, tmp_path: Path, config: Config) -> None:
    Engine.load(kb, config, tmp_path / "data")
    write(kb, "gamma.md", "A new liaison office opened in Manila.")
    (kb / "beta.md").unlink()
    engine = Engine.load(kb, config, tmp_path / "data")
    assert sorted(d.id for d in engine.kb.documents) == ["alpha", "gamma"]
    assert excerpts(engine, "!ask liaison office Manila") == ["A new liaison office opened in Manila."]
    assert excerpts(engine, "!ask turbines exports") == []


def test_boilerplate_config_change_invalidates(kb: Path, tmp_path: Path, config: Config) -> None:
    before = Engine.load(kb, config, tmp_path / "data")
    assert excerpts(before, "!ask officials praised crew")
    boiler = config.settings.boilerplate.model_copy(update={"sentences": ["officials praised the crew\\."]})
    settings = config.settings.model_copy(update={"boilerplate": boiler})
    changed = dataclasses.replace(config, settings=settings)
    after = Engine.load(kb, changed, tmp_path / "data")
    assert excerpts(after, "!ask officials praised crew") == []
    assert len(after.kb) == len(before.kb) - 1


def test_bm25_parameters_change_the_index_but_not_the_parse(kb: Path, tmp_path: Path, config: Config, caplog) -> None:
    Engine.load(kb, config, tmp_path / "data")
    search = config.settings.search.model_copy(update={"k1": 2.0})
    changed = dataclasses.replace(config, settings=config.settings.model_copy(update={"search": search}))
    caplog.set_level(logging.INFO)
    Engine.load(kb, changed, tmp_path / "data")
    assert "parsed 0 files, 2 from the file cache" in loads(caplog)[0]


def test_corrupt_caches_are_rebuilt_with_a_log_line(kb: Path, tmp_path: Path, config: Config, caplog) -> None:
    data = tmp_path / "data"
    Engine.load(kb, config, data)
    for path in (data / "cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b"not a cache")
    caplog.set_level(logging.INFO)
    engine = Engine.load(kb, config, data)
    assert any("unreadable" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert excerpts(engine, "!ask frigate Darwin") == ["The frigate visited Darwin in March."]
    Engine.load(kb, config, data)
    assert "from the index cache" in loads(caplog)[-1]


def test_no_data_folder_means_no_cache(kb: Path, config: Config) -> None:
    engine = Engine.load(kb, config)
    assert excerpts(engine, "!ask frigate Darwin") == ["The frigate visited Darwin in March."]


def test_skipped_files_are_reported_from_the_cache_too(kb: Path, tmp_path: Path, config: Config) -> None:
    (kb / "empty.md").write_text("---\ntitle: Nothing\n---\n\n", encoding="utf-8")
    first = Engine.load(kb, config, tmp_path / "data")
    second = Engine.load(kb, config, tmp_path / "data")
    assert [p for p, _ in first.stats.skipped] == [p for p, _ in second.stats.skipped] == [str(kb / "empty.md")]


def entries(data: Path) -> dict[str, int]:
    return {kind: len(list((data / "cache" / kind).glob("*/*.json"))) for kind in ("parsed", "terms")}


def test_old_file_versions_are_pruned_after_a_build(kb: Path, tmp_path: Path, config: Config, caplog) -> None:
    data = tmp_path / "data"
    Engine.load(kb, config, data)
    assert entries(data) == {"parsed": 2, "terms": 2}
    write(kb, "alpha.md", "The corvette visited Townsville in June.")
    (kb / "beta.md").unlink()
    write(kb, "gamma.md", "A new liaison office opened in Manila.")
    caplog.set_level(logging.INFO)
    engine = Engine.load(kb, config, data)
    assert entries(data) == {"parsed": 2, "terms": 2}
    assert "4 stale cache entries removed" in loads(caplog)[0]
    assert excerpts(engine, "!ask liaison office Manila") == ["A new liaison office opened in Manila."]
    assert excerpts(Engine.load(kb, config, data), "!ask corvette Townsville") == [
        "The corvette visited Townsville in June."
    ]
