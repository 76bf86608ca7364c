"""config/sources.yaml: the shipped file fetches nothing; every mistake names the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.loader import ConfigError, validate_file
from bot.config.sources import Sources
from bot.ingest import FeedSource
from bot.ingest.settings import allowlist, fetch_limits
from tests.helpers import PROJECT


def test_shipped_sources_enable_no_feed() -> None:
    sources = validate_file(PROJECT / "config" / "sources.yaml", Sources)
    assert sources.feeds == []
    assert sources.fetch.allowlist == []


def test_feeds_are_feed_sources_and_limits_convert(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "feeds:\n  - {name: n, url: 'http://127.0.0.1/feed.rss', keywords: [x]}\n"
        "fetch: {allowlist: ['127.0.0.1', '10.0.0.0/8', 'intranet.example', '::1'], max_bytes: 5000,"
        " timeout_seconds: 2, max_redirects: 1}\n",
        encoding="utf-8",
    )
    sources = validate_file(path, Sources)
    assert isinstance(sources.feeds[0], FeedSource)
    limits = fetch_limits(sources.fetch)
    assert (limits.max_bytes, limits.total_seconds, limits.max_redirects) == (5000, 2, 1)
    assert allowlist(sources.fetch).allows_host("intranet.example")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("feeds:\n  - {name: a, url: 'http://x/', every_minute: 5}\n", "feeds.0.every_minute: unknown key"),
        ("feeds:\n  - {name: a, url: 'http://x/'}\n  - {name: a, url: 'http://y/'}\n", "repeated: a"),
        ("fetch: {max_bytes: 0}\n", "fetch.max_bytes"),
        ("fetch: {allowlist: ['http://10.0.0.1/']}\n", "fetch.allowlist"),
        ("watch: {debounce_ms: 1}\n", "watch.debounce_ms"),
        ("new_if_newer_than_hours: -1\n", "new_if_newer_than_hours"),
    ],
)
def test_errors_name_file_and_key(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        validate_file(path, Sources)
    assert str(err.value).startswith(f"{path}: ")
    assert expected in str(err.value)
