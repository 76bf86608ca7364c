"""The local chat: the same commands and answers as Discord, in a terminal or a pipe."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys

from bot.answers.model import Answer, Status
from bot.commands.dispatcher import Dispatcher
from bot.commands.text_input import plural
from bot.loading import SetupError, engine_from_args
from bot.render.jsonout import answer_json
from bot.render.text import render_text


def reply(dispatcher: Dispatcher, message: str, as_json: bool) -> str:
    return render(dispatcher.handle(message), as_json)


def render(answer: Answer, as_json: bool) -> str:
    if as_json:
        return json.dumps(answer_json(answer), ensure_ascii=False)
    return render_text(answer)


def not_utf8(number: int, raw: bytes, exc: UnicodeDecodeError) -> Answer:
    return Answer(
        "help",
        f"Line {number} is not UTF-8 text",
        Status.USAGE,
        intro=f"Byte 0x{raw[exc.start]:02x} at position {exc.start} cannot be read; send UTF-8 text.",
    )


def run_chat(args: argparse.Namespace) -> int:
    if args.json or args.message is not None or not sys.stdin.isatty():
        logging.getLogger().setLevel(logging.WARNING)
    try:
        dispatcher = Dispatcher(engine_from_args(args))
    except SetupError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.message is not None:
        print(reply(dispatcher, args.message, args.json))
        return 0
    if not sys.stdin.isatty():
        for number, raw in enumerate(sys.stdin.buffer, 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:  # one bad line gets an answer; the batch goes on
                print(render(not_utf8(number, raw, exc), args.json), flush=True)
                continue
            if line.strip():
                print(reply(dispatcher, line, args.json), flush=True)
        return 0
    return _interactive(dispatcher, args.json)


def _interactive(dispatcher: Dispatcher, as_json: bool) -> int:
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (arrow-key history for input())
    engine = dispatcher.ctx.engine
    print(
        f"policybot local chat: {plural(engine.stats.documents, 'document')}, "
        f"{plural(engine.stats.passages, 'passage')}. "
        f"Type {dispatcher.prefix}help, or just a question. Ctrl-D to quit."
    )
    while True:
        try:
            line = input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.strip() in {"quit", "exit", f"{dispatcher.prefix}quit"}:
            return 0
        if line.strip():
            print(reply(dispatcher, line, as_json) + "\n")
