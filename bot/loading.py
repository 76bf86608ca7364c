"""Load config and knowledge for a front end, from the paths given on the command line."""

from __future__ import annotations

import argparse
import logging

from bot.config import load_config
from bot.engine import Engine
from bot.paths import resolve

log = logging.getLogger(__name__)


def engine_from_args(args: argparse.Namespace) -> Engine:
    config = load_config(resolve("config", getattr(args, "config", None)))
    knowledge = resolve("knowledge", getattr(args, "knowledge", None))
    return Engine.load(knowledge, config, resolve("data", getattr(args, "data", None)))
