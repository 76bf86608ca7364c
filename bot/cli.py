"""Command line: `python -m bot [chat|check|run|digest]`. With no command and no DISCORD_TOKEN, the local chat.

Every option works before or after the command (`python -m bot --knowledge X check` and
`python -m bot check --knowledge X` are the same); an option of one command given for another is an error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from dotenv import load_dotenv

from bot import __version__

Option = tuple[tuple[str, ...], dict[str, object]]

COMMON: list[Option] = [
    (("--knowledge",), {"metavar": "DIR", "help": "knowledge folder (env POLICYBOT_KNOWLEDGE; default ./knowledge)"}),
    (("--config",), {"metavar": "DIR", "help": "config folder (env POLICYBOT_CONFIG; default ./config)"}),
    (("--data",), {"metavar": "DIR", "help": "state and cache folder (env POLICYBOT_DATA; default ./data)"}),
    (("-v", "--verbose"), {"action": "store_true", "help": "log at debug level"}),
]
ONLY: dict[str, list[Option]] = {
    "chat": [(("--json",), {"action": "store_true", "help": "print each reply as one JSON object"})],
    "digest": [
        (("--preview",), {"action": "store_true", "help": "print what would be posted, without posting"}),
        (("--channel",), {"type": int, "metavar": "ID", "help": "one channel from config/digest.yaml"}),
        (
            ("--at",),
            {
                "metavar": "ISO-DATETIME",
                "help": "as of this moment (with an offset, else the channel's local time); "
                "default: its next scheduled run",
            },
        ),
    ],
}
COMMANDS = {
    "chat": "ask the bot locally: one message, or an interactive chat",
    "check": "validate the config and every knowledge file; exit 1 on errors",
    "run": "connect to Discord with DISCORD_TOKEN",
    "digest": "preview the daily digest (posting is done by `run`)",
}


def _add(parser: argparse.ArgumentParser, options: list[Option], *, suppress: bool) -> None:
    """`suppress`: a subcommand's copy sets nothing unless given, so it never overwrites the value given before."""
    for flags, kwargs in options:
        parser.add_argument(*flags, **({**kwargs, "default": argparse.SUPPRESS} if suppress else kwargs))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="A knowledge bot that answers with cited, verbatim excerpts. With no command: runs the "
        "Discord bot if DISCORD_TOKEN is set, otherwise opens the local chat. Options go before or after the "
        "command.",
    )
    parser.add_argument("--version", action="version", version=f"policybot {__version__}")
    _add(parser, COMMON + [o for options in ONLY.values() for o in options], suppress=False)
    parser.set_defaults(message=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        command = sub.add_parser(name, help=help_text)
        if name == "chat":
            command.add_argument(
                "message", nargs="?", help="one message, e.g. '!ask Who leads Japan?'; omit for a chat"
            )
        _add(command, COMMON + ONLY.get(name, []), suppress=True)
    return parser


def misplaced(args: argparse.Namespace, command: str) -> str | None:
    """An option that belongs to another command than the one that runs, e.g. `--json check`."""
    for owner, options in ONLY.items():
        for flags, _ in options:
            dest = flags[-1].lstrip("-").replace("-", "_")
            if owner != command and getattr(args, dest) not in (None, False):
                return f"{flags[-1]} applies to `{owner}` only, not `{command}`"
    return None


def main(argv: list[str] | None = None) -> int:
    load_dotenv()
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or ("run" if os.environ.get("DISCORD_TOKEN") else "chat")
    problem = misplaced(args, command)
    if problem:
        parser.error(problem)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
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
