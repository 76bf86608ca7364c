"""The fetch settings of config/sources.yaml as ingest's own types (config imports nothing from ingest)."""

from __future__ import annotations

from bot.config.sources import FetchSettings
from bot.ingest.fetch import FetchLimits
from bot.ingest.urlsafety import Allowlist


def allowlist(settings: FetchSettings) -> Allowlist:
    return Allowlist.parse(settings.allowlist)


def fetch_limits(settings: FetchSettings) -> FetchLimits:
    return FetchLimits(
        max_bytes=settings.max_bytes, total_seconds=settings.timeout_seconds, max_redirects=settings.max_redirects
    )
