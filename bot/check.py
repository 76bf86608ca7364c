"""`python -m bot check`: validate the config and every knowledge file; exit 1 if anything is wrong."""

from __future__ import annotations

import argparse
import sys

from bot.commands.text_input import plural
from bot.config import ConfigError, load_config
from bot.digest.config import load_digest_config
from bot.engine import Engine
from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.loader import load_folder
from bot.paths import resolve


def run_check(args: argparse.Namespace) -> int:
    config_dir = resolve("config", args.config)
    knowledge_dir = resolve("knowledge", args.knowledge)
    try:
        config = load_config(config_dir)
    except ConfigError as exc:
        print(f"FAIL config: {exc}")
        return 1
    print(f"ok   config: {config_dir}")
    try:
        digest = load_digest_config(config_dir, config)
    except ConfigError as exc:
        print(f"FAIL digest: {exc}")
        return 1
    print(f"ok   digest: {len(digest.channels)} channel(s)")
    if not knowledge_dir.is_dir():
        print(f"FAIL knowledge: {knowledge_dir} is not a folder")
        return 1
    boiler = config.settings.boilerplate
    report = load_folder(knowledge_dir, Boilerplate(boiler.paragraphs, boiler.sentences))
    for doc in report.documents:
        print(f"ok   {doc.path}: {len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences")
    for path, reason in report.skipped:
        print(f"FAIL {path}: {reason}")
    if not report.documents:
        print(f"FAIL knowledge: no usable documents in {knowledge_dir}")
        return 1
    Engine.from_documents(report.documents, config)  # the index builds from what loaded
    print(f"{plural(len(report.documents), 'document')} ok, {len(report.skipped)} with errors", file=sys.stderr)
    return 1 if report.skipped else 0
