"""The README's and docs/discord.md's tables, generated from the code: the command registry, the
discord.yaml schema and the environment variables. `python -m bot.doctables` rewrites them in place;
`--check` exits 1 when a file is out of date (tests/test_doctables.py does the same check).

A table sits between `<!-- generated: NAME -->` and `<!-- end generated -->`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

from pydantic import BaseModel

from bot.commands.builtins import build_registry
from bot.commands.registry import PLACE, WHO, CommandSpec, Frontend, Permission, Registry
from bot.config import load_config
from bot.config.models import DiscordSettings
from bot.environment import VARIABLES
from bot.paths import PROJECT

FILES = ("README.md", "docs/discord.md")
BLOCK = re.compile(r"(<!-- generated: (?P<name>[a-z-]+) -->\n).*?(<!-- end generated -->)", re.S)
WHO_IN_DISCORD = {
    Permission.ANYONE: "anyone",
    Permission.ADD: "`add_roles`, admins, owners",
    Permission.ADMIN: "`admin_roles`, Manage Server, owners",
    Permission.OWNER: "the application's owner, `owner_ids`",
}


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows]) + "\n"


def _leaves(registry: Registry) -> list[CommandSpec]:
    return [leaf for spec in registry for leaf in spec.leaves()]


def _usage(spec: CommandSpec, prefix: str) -> str:
    return f"`{prefix}{spec.qualified}{' ' + spec.usage if spec.usage else ''}`".replace("|", "\\|")


def _where(spec: CommandSpec) -> str:
    return "everywhere" if spec.frontends == frozenset(Frontend) else " and ".join(PLACE[f] for f in spec.frontends)


def commands(registry: Registry, prefix: str) -> str:
    rows = [(_usage(s, prefix), WHO[s.permission], _where(s), s.summary) for s in _leaves(registry)]
    return _table(("command", "who", "where", "what it does"), rows)


def _slash(spec: CommandSpec) -> str:
    if not spec.slash:
        return "—"
    options = " ".join(f"{p.name}:" for p in spec.params)
    return f"`/{spec.qualified}{' ' + options if options else ''}`"


def discord_commands(registry: Registry, prefix: str) -> str:
    rows = [
        (_usage(s, prefix), _slash(s), WHO_IN_DISCORD[s.permission], s.summary)
        for s in _leaves(registry)
        if Frontend.DISCORD in s.frontends
    ]
    return _table(("prefix or @mention", "slash", "who", "what it does"), rows)


def admin_commands(registry: Registry, prefix: str) -> str:
    rows = [
        (_usage(s, prefix), WHO_IN_DISCORD[s.permission], s.summary)
        for s in _leaves(registry)
        if s.permission > Permission.ANYONE
    ]
    return _table(("command", "who", "what"), rows)


def _keys(model: type[BaseModel], prefix: str = "") -> list[tuple[str, ...]]:
    rows = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            rows += _keys(annotation, f"{prefix}{name}.")
            continue
        default = field.get_default(call_default_factory=True)
        shown = "null" if default is None else str(default).lower() if isinstance(default, bool) else str(default)
        rows.append((f"`{prefix}{name}`", f"`{shown}`", field.description or ""))
    return rows


def discord_keys(_registry: Registry, _prefix: str) -> str:
    return _table(("key", "default", "meaning"), _keys(DiscordSettings))


def environment(_registry: Registry, _prefix: str) -> str:
    return _table(("variable", "meaning"), [(f"`{k}`", v) for k, v in VARIABLES.items()])


TABLES: dict[str, Callable[[Registry, str], str]] = {
    "commands": commands,
    "discord-commands": discord_commands,
    "admin-commands": admin_commands,
    "discord-keys": discord_keys,
    "environment": environment,
}


def render(text: str, registry: Registry, prefix: str) -> str:
    def fill(match: re.Match[str]) -> str:
        return match.group(1) + TABLES[match.group("name")](registry, prefix) + match.group(3)

    return BLOCK.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the command and config tables in the docs.")
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is out of date; change nothing")
    args = parser.parse_args(argv)
    config = load_config(PROJECT / "config")
    registry, prefix = build_registry(config), config.settings.prefix
    stale = []
    for name in FILES:
        path = PROJECT / name
        text = path.read_text(encoding="utf-8")
        new = render(text, registry, prefix)
        if new != text:
            stale.append(name)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if stale:
        print(("out of date: " if args.check else "updated: ") + ", ".join(stale))
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
