"""The environment variables the bot reads (secrets come only from here, or a .env file, never from config)."""

from __future__ import annotations

import os

from bot.paths import ENV

VARIABLES: dict[str, str] = {
    "DISCORD_TOKEN": "the bot token (required for `run`; without it `python -m bot` opens the local chat)",
    "PORT": "serve `GET /healthz` on this port (all interfaces); unset = no health server",
    "DATABASE_URL": "keep all state in PostgreSQL (`postgresql://user:password@host:5432/db`); "
    "unset = SQLite in the data folder",
    **{name: f"the {kind} folder (default `./{kind}`); also `--{kind}`" for kind, name in ENV.items()},
}


def database_url() -> str | None:
    """DATABASE_URL, or None for the embedded SQLite database."""
    return os.environ.get("DATABASE_URL") or None
