"""The local chat's runtime in-process: the same Runtime `python -m bot chat` builds, on tmp folders."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.commands.registry import Frontend
from bot.config import Config
from bot.loading import load_engine
from bot.render.text import render_text
from bot.runtime import Runtime


@asynccontextmanager
async def chat_runtime(config: Config, knowledge: Path, data: Path) -> AsyncIterator[Runtime]:
    runtime = Runtime(
        config,
        functools.partial(load_engine, knowledge, config, data),
        frontend=Frontend.CHAT,
        knowledge_dir=knowledge,
        data_dir=data,
    )
    await runtime.start()
    try:
        yield runtime
    finally:
        await runtime.close()


async def say(runtime: Runtime, message: str) -> str:
    return "\n\n".join(render_text(a) for a in await runtime.handle(message))
