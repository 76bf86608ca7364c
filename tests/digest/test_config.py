from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.config import Config, ConfigError
from bot.digest.config import load_digest_config
from tests.helpers import PROJECT

GOOD = """
channels:
  - channel_id: 123456789012345678
    time: 10:30
    timezone: America/New_York
    topics: [partners]
    actors: [china, north korea]
    items: 3
"""


def load(tmp_path: Path, config: Config, text: str):
    (tmp_path / "digest.yaml").write_text(text, encoding="utf-8")
    return load_digest_config(tmp_path, config)


def test_a_channel_with_defaults(tmp_path: Path, config: Config) -> None:
    (only,) = load(tmp_path, config, GOOD).channels
    assert only.time == dt.time(10, 30)  # unquoted 10:30 is YAML's base-60 integer 630, read back as a time
    assert (only.items, only.per_focus, only.key_sentences, only.grace_hours) == (3, 2, 2, 6)
    assert str(only.tz) == "America/New_York"


def test_the_shipped_file_loads_and_a_missing_file_means_no_digests(tmp_path: Path, config: Config) -> None:
    assert load_digest_config(PROJECT / "config", config).channels == []
    assert load_digest_config(tmp_path, config).channels == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (GOOD.replace("America/New_York", "Europe/Londres"), ["digest.yaml", "channels.0.timezone", "IANA"]),
        (GOOD.replace("[partners]", "[partner]"), ["digest.yaml", "channels.0.topics", "'partner'", "partners"]),
        (GOOD.replace("north korea", "dprk"), ["channels.0.actors", "'dprk'"]),
        (GOOD.replace("10:30", '"25:00"'), ["channels.0.time"]),
        (GOOD.replace("items: 3", "items: 0"), ["channels.0.items"]),
        (GOOD.replace("items: 3", "item: 3"), ["channels.0.item", "unknown key"]),
        (GOOD + GOOD.replace("channels:\n", ""), ["channels", "more than once"]),
    ],
)
def test_errors_name_the_file_and_key(tmp_path: Path, config: Config, text: str, names: list[str]) -> None:
    with pytest.raises(ConfigError) as err:
        load(tmp_path, config, text)
    for name in names:
        assert name in str(err.value)
