"""The layering, as rules a test checks: the engine knows nothing of ingest or Discord, the core nothing of
Discord, ingest nothing of the engine, the state module nothing of the rest."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import PROJECT
from tests.layers.imports import import_graph, within

DISCORD_SIDE = ("discord", "bot.bot", "bot.exts", "bot.utils", "bot.health", "bot.frontends.discord_run")
HEAVY_IO = ("aiohttp", "trafilatura", "pypdf", "feedparser")
ENGINE = ("bot.engine", "bot.search", "bot.knowledge", "bot.cache", "bot.config", "bot.answers", "bot.summary")
ENTRY_POINTS = ("bot.cli", "bot.__main__")  # they start a front end, so they may name any of them

RULES = [
    # (modules, may not import, why)
    (ENGINE, ("bot.ingest", "bot.commands", "bot.digest", "bot.state", *DISCORD_SIDE, *HEAVY_IO), "engine"),
    (("bot",), DISCORD_SIDE, "core → Discord"),
    (("bot.ingest",), ("bot.engine", "bot.search", "bot.commands", "bot.digest", *DISCORD_SIDE), "ingest"),
    (("bot.state",), ("bot.engine", "bot.commands", "bot.ingest", "bot.digest", *DISCORD_SIDE), "state"),
]
DISCORD_MODULES = DISCORD_SIDE[1:]


def violations(graph: dict[str, set[str]], modules: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for module, names in graph.items():
        if not within(module, modules) or within(module, (*DISCORD_MODULES, *ENTRY_POINTS)):
            continue
        found += [f"{module} imports {name}" for name in sorted(names) if within(name, forbidden)]
    return found


@pytest.mark.parametrize(("modules", "forbidden", "rule"), RULES, ids=[r[2] for r in RULES])
def test_no_forbidden_import(modules: tuple[str, ...], forbidden: tuple[str, ...], rule: str) -> None:
    assert violations(import_graph(), modules, forbidden) == []


def test_the_rules_catch_a_forbidden_import() -> None:
    """The checker itself: an engine module importing ingest, or a core module importing discord, is caught."""
    graph = {"bot.search.query": {"bot.ingest.fetch"}, "bot.commands.ask": {"discord.ext.commands"}}
    assert violations(graph, RULES[0][0], RULES[0][1]) == ["bot.search.query imports bot.ingest.fetch"]
    assert violations(graph, RULES[1][0], RULES[1][1]) == ["bot.commands.ask imports discord.ext.commands"]


def test_importing_the_engine_loads_no_io_or_discord_library() -> None:
    """What `import bot.engine` really loads, in a fresh interpreter (its speed is in bench/bench_import.py)."""
    code = "import sys, bot.engine; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, check=True)
    loaded = out.stdout.split()
    assert "bot.engine" in loaded
    assert [m for m in loaded if within(m, ("bot.ingest", *DISCORD_SIDE, *HEAVY_IO))] == []
