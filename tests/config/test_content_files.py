"""Every content file the project ships passes the validators the bot uses at startup."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config.loader import FILES, ConfigError, load_config, validate_file
from bot.digest.config import DIGEST_FILE
from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.loader import knowledge_files, load_file
from tests.helpers import PROJECT


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_config_file_validates(name: str) -> None:
    validate_file(PROJECT / "config" / name, FILES[name])


@pytest.mark.parametrize("path", knowledge_files(PROJECT / "knowledge"), ids=lambda p: p.name)
def test_each_knowledge_file_loads_with_title(path: Path, config) -> None:
    boiler = config.settings.boilerplate
    doc = load_file(PROJECT / "knowledge", path, Boilerplate(boiler.paragraphs, boiler.sentences))
    assert doc.title and doc.sentences
    assert "title" in doc.meta


def test_seed_article_keeps_the_original_wording() -> None:
    original = PROJECT.parent / "shared" / "seed" / "nato-indo-pacific-vilnius.txt"
    if not original.exists():
        pytest.skip(f"{original} is not here (the shared folder sits beside the project)")
    ours = (PROJECT / "knowledge" / "nato-indo-pacific-vilnius.md").read_text(encoding="utf-8")
    for line in original.read_text(encoding="utf-8").splitlines():
        assert line.strip() in ours


def _copy_config(tmp_path: Path) -> Path:
    for f in (PROJECT / "config").glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("file", "content", "expected"),
    [
        ("settings.yaml", "answers:\n  top_k: 0\n", "answers.top_k"),
        ("settings.yaml", "answer:\n  top_k: 3\n", "answer: unknown key"),
        ("settings.yaml", "boilerplate:\n  paragraphs: ['(unclosed']\n", "not a valid regular expression"),
        ("topics.yaml", "topics:\n  t:\n    title: T\n    groups: {}\n", "topics.t.groups"),
        (
            "topics.yaml",
            "topics:\n  t:\n    title: T\n    command: 'Bad Name'\n    groups: {G: [{heading: h, query: q}]}\n",
            "topics.t.command",
        ),
        (
            "actors.yaml",
            "actors:\n  a: {name: A, aliases: [x]}\n  b: {name: B, aliases: [x]}\n",
            "names both actors",
        ),
        ("aliases.yaml", "spelling: [[only-one]]\n", "at least two variants"),
        ("aliases.yaml", "related: [not, a, mapping]\n", "related"),
        ("settings.yaml", "- a list\n", "top level must be a mapping"),
        ("settings.yaml", "prefix: [unclosed\n", "not valid YAML"),
    ],
)
def test_config_errors_name_file_key_and_problem(tmp_path: Path, file: str, content: str, expected: str) -> None:
    folder = _copy_config(tmp_path)
    (folder / file).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(folder)
    assert file in str(err.value) and expected in str(err.value)


def test_missing_config_file_is_named(tmp_path: Path) -> None:
    folder = _copy_config(tmp_path)
    (folder / "actors.yaml").unlink()
    with pytest.raises(ConfigError, match="actors.yaml: file is missing"):
        load_config(folder)


def test_config_files_are_plain_yaml_mappings() -> None:
    for path in (PROJECT / "config").glob("*.yaml"):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path


def test_every_config_file_has_a_schema() -> None:
    shipped = {p.name for p in (PROJECT / "config").glob("*.yaml")}
    assert shipped == set(FILES) | {DIGEST_FILE}


def test_a_bad_quality_rule_is_named(tmp_path: Path) -> None:
    folder = _copy_config(tmp_path)
    (folder / "quality.yaml").write_text("rules:\n  - {kind: greeting, patterns: ['(hello']}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"quality.yaml: rules\.0\.patterns: .*not a valid regular expression"):
        load_config(folder)
    (folder / "quality.yaml").write_text(
        "rules:\n  - {kind: bio, documents: [memo], patterns: [x]}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="unknown document type 'memo'"):
        load_config(folder)
