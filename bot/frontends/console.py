"""The local chat: every command of Discord, in a terminal or a pipe; the person at the console is the owner.

It runs on the same Runtime as the bot (engine door, state, digest, ingest, reloads) and, like the bot,
reloads when files in the knowledge folder change. `!sync` says it needs Discord.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import logging
import sys
import threading

from bot.answers.model import Answer, Status
from bot.commands.registry import Frontend
from bot.commands.text_input import plural
from bot.config import ConfigError
from bot.engine import Engine
from bot.knowledge.autoreload import watch_and_reload
from bot.loading import SetupError, config_from_args, data_from_args, knowledge_from_args, load_engine
from bot.render.jsonout import answer_json
from bot.render.text import render_text
from bot.runtime import Runtime

QUIT = {"quit", "exit"}


def render(answers: list[Answer], as_json: bool) -> str:
    if as_json:
        return "\n".join(json.dumps(answer_json(a), ensure_ascii=False) for a in answers)
    return "\n\n".join(render_text(a) for a in answers)


def make_runtime(args: argparse.Namespace) -> Runtime:
    config = config_from_args(args)
    knowledge, data = knowledge_from_args(args), data_from_args(args)
    try:
        return Runtime(
            config,
            functools.partial(load_engine, knowledge, config, data),
            frontend=Frontend.CHAT,
            knowledge_dir=knowledge,
            data_dir=data,
        )
    except ConfigError as exc:
        raise SetupError(f"config error: {exc}") from exc


class NotUtf8:
    """A piped line that is not UTF-8: it gets an answer of its own, and the batch goes on."""

    def __init__(self, number: int, raw: bytes, error: UnicodeDecodeError) -> None:
        self.number, self.raw, self.error = number, raw, error

    def answer(self) -> Answer:
        byte, at = self.raw[self.error.start], self.error.start
        return Answer(
            "help",
            f"Line {self.number} is not UTF-8 text",
            Status.USAGE,
            intro=f"Byte 0x{byte:02x} at position {at} cannot be read; send UTF-8 text.",
        )


def run_chat(args: argparse.Namespace) -> int:
    interactive = args.message is None and sys.stdin.isatty()
    if args.json or not interactive:
        logging.getLogger().setLevel(logging.WARNING)
    try:
        runtime = make_runtime(args)
    except SetupError as exc:
        print(exc, file=sys.stderr)
        return 2
    return asyncio.run(_chat(runtime, args, interactive))


async def _chat(runtime: Runtime, args: argparse.Namespace, interactive: bool) -> int:
    try:
        await runtime.start()
    except (ConfigError, SetupError) as exc:
        print(f"config error: {exc}", file=sys.stderr)
        await runtime.close()
        return 2
    stop = asyncio.Event()
    watcher = _watch(runtime, stop, interactive) if args.message is None else None
    try:
        if args.message is not None:
            print(render(await runtime.handle(args.message), args.json))
        else:
            await _converse(runtime, args.json, interactive)
    finally:
        stop.set()
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        await runtime.close()
    return 0


def _watch(runtime: Runtime, stop: asyncio.Event, interactive: bool) -> asyncio.Task | None:
    settings = runtime.config.sources.watch
    if runtime.knowledge_dir is None or not settings.enabled:
        return None

    def reloaded(engine: Engine) -> None:
        if interactive:
            print(f"\n(knowledge reloaded: {plural(engine.stats.documents, 'document')})", file=sys.stderr)

    return asyncio.create_task(watch_and_reload(runtime.knowledge_dir, settings, runtime.reload, stop, reloaded))


async def _converse(runtime: Runtime, as_json: bool, interactive: bool) -> None:
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (arrow-key history for input())
        stats, prefix = runtime.engine.stats, runtime.config.settings.prefix
        print(
            f"policybot local chat: {plural(stats.documents, 'document')}, {plural(stats.passages, 'passage')}. "
            f"Type {prefix}help, or just a question. Ctrl-D to quit."
        )
    lines = LineReader("you> " if interactive else None)
    while (line := await lines.next()) is not None:
        if isinstance(line, NotUtf8):
            print(render([line.answer()], as_json), flush=True)
            continue
        if line.strip() in QUIT | {f"{runtime.config.settings.prefix}quit"}:
            return
        if line.strip():
            print(render(await runtime.handle(line), as_json) + ("\n" if interactive else ""), flush=True)


class LineReader:
    """Lines from stdin, read on a daemon thread (the event loop stays free for reloads; Ctrl-C never waits
    for a blocked read). The next line is read only once the previous one was answered."""

    def __init__(self, prompt: str | None) -> None:
        self.prompt = prompt
        self.queue: asyncio.Queue[str | NotUtf8 | None] = asyncio.Queue()
        self.number = 0
        self.wanted = threading.Semaphore(0)
        self.loop = asyncio.get_running_loop()
        threading.Thread(target=self._read, daemon=True, name="chat-input").start()

    def _read(self) -> None:
        while self.wanted.acquire():
            try:
                line = input(self.prompt) if self.prompt is not None else self._piped()
            except (EOFError, KeyboardInterrupt):
                line = None
            self.loop.call_soon_threadsafe(self.queue.put_nowait, line)
            if line is None:
                return

    def _piped(self) -> str | NotUtf8 | None:
        raw = sys.stdin.buffer.readline()
        if not raw:
            return None
        self.number += 1
        try:
            return raw.decode("utf-8-sig" if self.number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            return NotUtf8(self.number, raw, exc)

    async def next(self) -> str | NotUtf8 | None:
        self.wanted.release()
        line = await self.queue.get()
        if line is None and self.prompt is not None:
            print()
        return line
