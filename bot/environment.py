"""The environment variables the bot reads (secrets come only from here, or a .env file, never from config)."""

from __future__ import annotations

from bot.paths import ENV

VARIABLES: dict[str, str] = {
    "DISCORD_TOKEN": "the bot token (required for `run`; without it `python -m bot` opens the local chat)",
    "PORT": "serve `GET /healthz` on this port (all interfaces); unset = no health server",
    **{name: f"the {kind} folder (default `./{kind}`); also `--{kind}`" for kind, name in ENV.items()},
}
