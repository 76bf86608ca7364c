"""config/digest.yaml: which channels get a daily digest, when, and what they track. The file is optional."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator

from bot.config import Config, ConfigError
from bot.config.loader import validate_file
from bot.config.models import Strict, repeated

DIGEST_FILE = "digest.yaml"


class DigestChannel(Strict):
    channel_id: int = Field(gt=0, description="the Discord channel the digest is posted to")
    name: str = Field("", description="a label for logs and previews")
    time: dt.time = Field(description="local posting time, HH:MM (quote it: '09:30')")
    timezone: str = Field("UTC", description="IANA time zone, e.g. Europe/London")
    topics: list[str] = Field(default_factory=list, description="topic keys from topics.yaml")
    actors: list[str] = Field(default_factory=list, description="actor keys from actors.yaml")
    items: int = Field(5, ge=1, le=20, description="new documents shown; more are counted")
    per_focus: int = Field(2, ge=1, le=5, description="excerpts per tracked topic or actor")
    key_sentences: int = Field(2, ge=1, le=3, description="cited sentences per new document")
    grace_hours: float = Field(6, gt=0, lt=24, description="how late a missed digest may still be posted")

    @field_validator("time", mode="before")
    @classmethod
    def _time(cls, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            # unquoted 10:30 is YAML 1.1 base-60: the integer 630 (10 * 60 + 30)
            hours, minutes = divmod(value, 60)
            return dt.time(hours, minutes) if 0 <= hours < 24 else value
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not an IANA time zone (e.g. Europe/London, America/New_York)") from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def label(self) -> str:
        return self.name or str(self.channel_id)


class DigestConfig(Strict):
    channels: list[DigestChannel] = Field(default_factory=list)

    @field_validator("channels")
    @classmethod
    def _unique(cls, channels: list[DigestChannel]) -> list[DigestChannel]:
        dupes = repeated(c.channel_id for c in channels)
        if dupes:
            raise ValueError(f"channel_id {dupes[0]} is listed more than once")
        return channels

    def channel(self, channel_id: int) -> DigestChannel | None:
        return next((c for c in self.channels if c.channel_id == channel_id), None)


def load_digest_config(folder: Path, config: Config) -> DigestConfig:
    """The digest config, checked against topics.yaml and actors.yaml; no file means no digests."""
    path = folder / DIGEST_FILE
    if not path.exists():
        return DigestConfig()
    digest = validate_file(path, DigestConfig)
    check_references(path, digest, config)
    return digest


def check_references(path: Path, digest: DigestConfig, config: Config) -> None:
    known = {"topics": config.topics.topics, "actors": config.actors.actors}
    source = {"topics": "topics.yaml", "actors": "actors.yaml"}
    for i, channel in enumerate(digest.channels):
        for field in ("topics", "actors"):
            for key in getattr(channel, field):
                if key not in known[field]:
                    choices = ", ".join(known[field]) or "none"
                    raise ConfigError(
                        f"{path}: channels.{i}.{field}: unknown key {key!r} (keys in {source[field]}: {choices})"
                    )
