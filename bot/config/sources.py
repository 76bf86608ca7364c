"""Schema of config/sources.yaml: feeds to poll, URL-fetch limits, and how the knowledge folder is watched."""

from __future__ import annotations

import ipaddress
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.config.models import Strict, repeated

_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


def _is_network(entry: str) -> bool:
    try:
        ipaddress.ip_network(entry.strip(), strict=False)
    except ValueError:
        return False
    return True


class FeedSource(BaseModel):
    """One feed to poll (what bot.ingest needs to know about it)."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    url: str
    keywords: list[str] = []
    every_minutes: int = Field(default=60, ge=1)


class Feed(FeedSource):
    """One RSS/Atom feed (a FeedSource; unknown keys are errors)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class FetchSettings(Strict):
    allowlist: list[str] = Field(
        default_factory=list, description="hosts, IPs or CIDR networks fetched even though not public"
    )
    max_bytes: int = Field(10_000_000, ge=1_000, le=100_000_000, description="bodies over this are refused")
    timeout_seconds: float = Field(30, gt=0, le=300, description="whole fetch, all redirects together")
    max_redirects: int = Field(5, ge=0, le=20)

    @field_validator("allowlist")
    @classmethod
    def _entries(cls, entries: list[str]) -> list[str]:
        for entry in entries:
            if not _is_network(entry) and not _HOST.fullmatch(entry.strip()):
                raise ValueError(f"{entry!r} is not a host name, IP address or CIDR network")
        return entries


class WatchSettings(Strict):
    enabled: bool = Field(True, description="reload when files in the knowledge folder change")
    debounce_ms: int = Field(1600, ge=50, le=60_000, description="longest time changes are gathered into one reload")
    quiet_ms: int = Field(300, ge=10, le=10_000, description="a burst ends after this long without a change")
    force_polling: bool = Field(False, description="poll mtimes instead of OS events (network or container mounts)")
    poll_ms: int = Field(500, ge=50, le=60_000, description="polling interval when force_polling is on")


class Sources(Strict):
    feeds: list[Feed] = Field(default_factory=list)
    fetch: FetchSettings = FetchSettings()
    new_if_newer_than_hours: float = Field(
        24, ge=0, description="a new feed's first poll ingests only entries this recent (no flood)"
    )
    watch: WatchSettings = WatchSettings()

    @field_validator("feeds")
    @classmethod
    def _unique_names(cls, feeds: list[Feed]) -> list[Feed]:
        dupes = repeated(f.name for f in feeds)
        if dupes:
            raise ValueError(f"feed names must be unique; repeated: {', '.join(dupes)}")
        return feeds
