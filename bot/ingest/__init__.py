"""Ingest: fetch, extract and store documents for the knowledge base.

Self-contained: imports nothing from the Discord layer or the search engine.
The functions ``fetch`` and ``extract`` live in ``bot.ingest.fetch`` and ``bot.ingest.extract``.
"""

from bot.ingest.context import IngestContext
from bot.ingest.errors import (
    AlreadyIngested,
    ExtractError,
    FetchError,
    FetchFailed,
    FetchRefused,
    IngestError,
    UnsupportedUpload,
)
from bot.ingest.extracted import Extracted
from bot.ingest.feeds import FeedSource, poll_due, poll_feed
from bot.ingest.fetch import Fetched, FetchLimits
from bot.ingest.ingest import add_upload, add_url
from bot.ingest.pipeline import Ingested
from bot.ingest.safeconnect import safe_session
from bot.ingest.state import IngestState
from bot.ingest.urlsafety import Allowlist, check_url

__all__ = [
    "AlreadyIngested",
    "Allowlist",
    "ExtractError",
    "Extracted",
    "FeedSource",
    "FetchError",
    "FetchFailed",
    "FetchLimits",
    "FetchRefused",
    "Fetched",
    "IngestContext",
    "IngestError",
    "IngestState",
    "Ingested",
    "UnsupportedUpload",
    "add_upload",
    "add_url",
    "check_url",
    "poll_due",
    "poll_feed",
    "safe_session",
]
