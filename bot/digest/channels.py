"""The digest channels in effect: config/digest.yaml is the seed; what admins set from Discord (/digest set,
/digest off), kept in the state database, overrides it channel by channel."""

from __future__ import annotations

import logging

from pydantic import ValidationError

from bot.digest.config import DigestChannel, DigestConfig
from bot.state.channels_repo import ChannelRow

log = logging.getLogger(__name__)


def effective(seed: DigestConfig, rows: list[ChannelRow]) -> DigestConfig:
    """The seed's channels, each replaced by its database row if it has one; an 'off' row removes it."""
    channels = {c.channel_id: c for c in seed.channels}
    for row in rows:
        channels.pop(row.channel_id, None)
        if not row.enabled:
            continue
        try:
            channels[row.channel_id] = DigestChannel.model_validate(row.settings | {"channel_id": row.channel_id})
        except ValidationError as exc:  # e.g. written by a newer version; the others still post
            log.error("digest channel %s in the state database is not valid, skipped: %s", row.channel_id, exc)
    return DigestConfig(channels=list(channels.values()))


def settings_of(channel: DigestChannel) -> dict[str, object]:
    """What a row stores: the channel's fields as digest.yaml spells them."""
    return channel.model_dump(mode="json", exclude={"channel_id"})
