"""`python -m bot check`: validate the config, the commands and every knowledge file; exit 1 if anything is
wrong. It loads the knowledge exactly as the chat and the bot do (bot.loading.load_engine, with the cache)."""

from __future__ import annotations

import argparse
import sys

from bot.commands.builtins import build_registry
from bot.commands.text_input import plural
from bot.config import ConfigError, load_config
from bot.digest.config import load_digest_config
from bot.loading import data_from_args, load_engine
from bot.paths import resolve


def run_check(args: argparse.Namespace) -> int:
    config_dir = resolve("config", args.config)
    knowledge_dir = resolve("knowledge", args.knowledge)
    try:
        config = load_config(config_dir)
        registry = build_registry(config)  # a topic command that takes a built-in's name
    except ConfigError as exc:
        print(f"FAIL config: {exc}")
        return 1
    print(f"ok   config: {config_dir} ({plural(len(registry.specs), 'command')})")
    try:
        digest = load_digest_config(config_dir, config)
    except ConfigError as exc:
        print(f"FAIL digest: {exc}")
        return 1
    print(f"ok   digest: {len(digest.channels)} channel(s)")
    if not knowledge_dir.is_dir():
        print(f"FAIL knowledge: {knowledge_dir} is not a folder")
        return 1
    engine = load_engine(knowledge_dir, config, data_from_args(args))
    for doc in engine.kb.documents:
        print(f"ok   {doc.path}: {len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences")
    for path, reason in engine.stats.skipped:
        print(f"FAIL {path}: {reason}")
    if not engine.kb.documents:
        print(f"FAIL knowledge: no usable documents in {knowledge_dir}")
        return 1
    skipped = len(engine.stats.skipped)
    print(f"{plural(len(engine.kb.documents), 'document')} ok, {skipped} with errors", file=sys.stderr)
    return 1 if skipped else 0
