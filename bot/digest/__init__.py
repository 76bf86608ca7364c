"""The daily digest: what is new since the last digest, per channel, posted once a day at a local time.

The front end needs: `load_digest_config`, `DigestService` (`engine_loaded`, `tick`, `prepare`) and an
async `send(channel_id, answers) -> message ids`."""

from bot.digest.config import DigestChannel, DigestConfig, load_digest_config
from bot.digest.model import Digest
from bot.digest.schedule import next_run
from bot.digest.service import DigestService, SendFn, TickResult

__all__ = [
    "Digest",
    "DigestChannel",
    "DigestConfig",
    "DigestService",
    "SendFn",
    "TickResult",
    "load_digest_config",
    "next_run",
]
