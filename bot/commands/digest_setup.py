"""/digest set, /digest off and /digest list: the digest set up from Discord (admins), kept in the state
database. config/digest.yaml is the seed; what is set here overrides it channel by channel.

Slash options arrive as `name=value` words (the registry's `keyed` commands); in the local chat or a prefix
command, type them the same way or in order: `!digest set #news 09:00 Europe/London topics=partners`."""

from __future__ import annotations

import datetime as dt
import re
from datetime import UTC

from pydantic import ValidationError

from bot.answers.model import Answer, Status
from bot.commands.request import Invocation
from bot.commands.text_input import echo
from bot.digest import DigestChannel, DigestService
from bot.digest.channels import settings_of
from bot.digest.schedule import next_run

FIELDS = ("channel", "time", "timezone", "topics", "actors")
USAGE = "`!digest set channel=#news time=09:00 timezone=Europe/London topics=partners actors=china,russia`"
CHANNEL = re.compile(r"<#(\d+)>|(\d{5,20})")


class SetupInputError(ValueError):
    """Input that cannot be used; the message says how to fix it."""


def parse_options(text: str) -> dict[str, str]:
    """`name=value` words, or bare words recognised by their shape (a channel, HH:MM, Area/City)."""
    options: dict[str, str] = {}
    for word in text.split():
        name, sep, value = word.partition("=")
        if not sep:
            name, value = _shape(word), word
        name = name.lower()
        if name not in FIELDS:
            raise SetupInputError(f"Unknown option “{echo(name, 30)}”: the options are {', '.join(FIELDS)}.")
        options[name] = value.strip()
    return options


def _shape(word: str) -> str:
    if CHANNEL.fullmatch(word):
        return "channel"
    if re.fullmatch(r"\d{1,2}:\d{2}", word):
        return "time"
    if "/" in word or word.upper() in {"UTC", "GMT"}:
        return "timezone"
    raise SetupInputError(f"“{echo(word, 30)}” is not a channel, a time (HH:MM) or a time zone; for topics and "
                          "actors write topics=… actors=….")  # fmt: skip


def channel_of(inv: Invocation, options: dict[str, str]) -> int:
    if "channel" in options:
        match = CHANNEL.fullmatch(options["channel"])
        if match is None:
            raise SetupInputError(
                f"“{echo(options['channel'], 30)}” is not a channel: mention it (#news) or give its id."
            )
        return int(match.group(1) or match.group(2))
    if inv.request.caller.channel_id is None:
        raise SetupInputError("Say which channel: channel=<channel id> (the local chat is not in a channel).")
    return inv.request.caller.channel_id


def _keys(inv: Invocation, field: str, value: str) -> list[str]:
    config = inv.services.config
    known = {_norm(k): k for k in (config.topics.topics if field == "topics" else config.actors.actors)}
    words = [w.strip() for w in value.split(",") if w.strip()]
    unknown = [w for w in words if _norm(w) not in known]
    if unknown:
        names = ", ".join(echo(w, 30) for w in unknown)
        raise SetupInputError(f"Unknown {field}: {names}. Known: {', '.join(known.values())}.")
    return list(dict.fromkeys(known[_norm(w)] for w in words))


def _norm(key: str) -> str:
    """`north_korea`, `North-Korea` and `north korea` are one key (a typed word has no spaces)."""
    return re.sub(r"[\s_-]+", " ", key.strip().lower())


def _service(inv: Invocation) -> DigestService:
    service = inv.services.digest
    assert service is not None, "the runtime always has a digest service"
    return service


def describe(channel: DigestChannel, now: dt.datetime) -> str:
    upcoming = next_run(now, channel.time, channel.tz).astimezone(channel.tz)
    focus = [f"topics: {', '.join(channel.topics)}" if channel.topics else "",
             f"actors: {', '.join(channel.actors)}" if channel.actors else ""]  # fmt: skip
    tracked = " · ".join(f for f in focus if f) or "new documents only"
    when = f"{channel.time:%H:%M} {channel.timezone}"
    return f"<#{channel.channel_id}> — {when} · {tracked} · next {upcoming:%Y-%m-%d %H:%M %Z}"


def _store(service: DigestService, channel: DigestChannel, enabled: bool, by: str, now: dt.datetime) -> None:
    """Blocking: keep the channel's settings (on or off), then apply them to the running service."""
    service.channels.put(channel.channel_id, settings_of(channel), enabled=enabled, by=by, at=now)
    service.refresh()


async def digest_set(inv: Invocation) -> Answer:
    service = _service(inv)
    try:
        options = parse_options(inv.text)
        channel_id = channel_of(inv, options)
        current = service.config.channel(channel_id)
        fields = settings_of(current) if current else {}
        if current is None and "time" not in options:
            raise SetupInputError("Say when: time=HH:MM (and timezone=Area/City; UTC otherwise).")
        fields |= {k: v for k, v in options.items() if k in ("time", "timezone")}
        fields |= {k: _keys(inv, k, options[k]) for k in ("topics", "actors") if k in options}
        channel = DigestChannel.model_validate(fields | {"channel_id": channel_id})
    except SetupInputError as exc:
        return Answer("digest", "Digest not set", Status.USAGE, intro=f"{exc}\n\nExample: {USAGE}")
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return Answer("digest", "Digest not set", Status.USAGE, intro=f"{problems}\n\nExample: {USAGE}")
    now = dt.datetime.now(UTC)
    by = inv.request.caller.name
    await inv.services.call(_store, service, channel, True, by, now)
    return Answer("digest", "Digest set", lines=[describe(channel, now)])


async def digest_off(inv: Invocation) -> Answer:
    service = _service(inv)
    try:
        channel_id = channel_of(inv, parse_options(inv.text))
    except SetupInputError as exc:
        return Answer("digest", "Digest not changed", Status.USAGE, intro=str(exc))
    current = service.config.channel(channel_id)
    if current is None:
        return Answer("digest", f"No digest is set up for <#{channel_id}>", Status.EMPTY)
    now = dt.datetime.now(UTC)
    by = inv.request.caller.name
    await inv.services.call(_store, service, current, False, by, now)
    return Answer("digest", f"Digest off for <#{channel_id}>", intro="`/digest set` turns it back on.")


async def digest_list(inv: Invocation) -> Answer:
    service = _service(inv)
    config = await inv.services.call(service.refresh)
    if not config.channels:
        return Answer("digest", "No digests are set up", Status.EMPTY, intro=f"Set one up: {USAGE}")
    now = dt.datetime.now(UTC)
    return Answer("digest", "Daily digests", lines=[describe(c, now) for c in config.channels])
