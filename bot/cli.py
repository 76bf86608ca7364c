"""Command line: `python -m bot [chat|check|run|digest]`. With no command and no DISCORD_TOKEN, the local chat."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from dotenv import load_dotenv

from bot import __version__


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge", metavar="DIR", help="knowledge folder (env POLICYBOT_KNOWLEDGE; default ./knowledge)"
    )
    parser.add_argument("--config", metavar="DIR", help="config folder (env POLICYBOT_CONFIG; default ./config)")
    parser.add_argument("--data", metavar="DIR", help="state and cache folder (env POLICYBOT_DATA; default ./data)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at debug level")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="A knowledge bot that answers with cited, verbatim excerpts. With no command: runs the "
        "Discord bot if DISCORD_TOKEN is set, otherwise opens the local chat.",
    )
    parser.add_argument("--version", action="version", version=f"policybot {__version__}")
    _common(parser)
    parser.set_defaults(message=None, json=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chat = sub.add_parser("chat", help="ask the bot locally: one message, or an interactive chat")
    chat.add_argument("message", nargs="?", help="one message, e.g. '!ask Who leads Japan?'; omit for a chat")
    chat.add_argument("--json", action="store_true", help="print each reply as one JSON object")
    _common(chat)
    check = sub.add_parser("check", help="validate the config and every knowledge file; exit 1 on errors")
    _common(check)
    run = sub.add_parser("run", help="connect to Discord with DISCORD_TOKEN")
    _common(run)
    digest = sub.add_parser("digest", help="preview the daily digest (posting is done by `run`)")
    digest.add_argument("--preview", action="store_true", help="print what would be posted, without posting")
    digest.add_argument("--channel", type=int, metavar="ID", help="one channel from config/digest.yaml")
    digest.add_argument(
        "--at",
        metavar="ISO-DATETIME",
        help="as of this moment (with an offset, else the channel's local time); default: its next scheduled run",
    )
    _common(digest)
    return parser


def main(argv: list[str] | None = None) -> int:
    load_dotenv()
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    command = args.command or ("run" if os.environ.get("DISCORD_TOKEN") else "chat")
    if command == "chat":
        from bot.frontends.console import run_chat

        if not args.command:
            print(
                "No DISCORD_TOKEN set: opening the local chat. Set DISCORD_TOKEN (or put it in .env) and run "
                "`python -m bot run` to connect to Discord.",
                file=sys.stderr,
            )
        return run_chat(args)
    if command == "check":
        from bot.check import run_check

        return run_check(args)
    if command == "digest":
        from bot.digest.cli import run_digest

        return run_digest(args)
    from bot.frontends.discord_run import run_discord

    return run_discord(args)
