"""Load config and knowledge for a front end, from the paths given on the command line."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from bot.config import Config, ConfigError, load_config
from bot.engine import Engine
from bot.paths import resolve

log = logging.getLogger(__name__)


class SetupError(RuntimeError):
    """A problem the user must fix before the bot can start (bad config, missing folder)."""


def config_from_args(args: argparse.Namespace) -> Config:
    try:
        return load_config(resolve("config", getattr(args, "config", None)))
    except ConfigError as exc:
        raise SetupError(f"config error: {exc}") from exc


def knowledge_from_args(args: argparse.Namespace) -> Path:
    knowledge = resolve("knowledge", getattr(args, "knowledge", None))
    if not knowledge.is_dir():
        raise SetupError(f"knowledge folder {knowledge} does not exist (use --knowledge DIR)")
    return knowledge


def engine_from_args(args: argparse.Namespace) -> Engine:
    return load_engine(knowledge_from_args(args), config_from_args(args), data_from_args(args))


def data_from_args(args: argparse.Namespace) -> Path:
    return resolve("data", getattr(args, "data", None))


def load_engine(knowledge: Path, config: Config, data: Path | None = None) -> Engine:
    """Load (through the cache in `data`, when given) and warn when there is nothing to answer from."""
    engine = Engine.load(knowledge, config, data)
    if not engine.kb.documents:
        log.warning("no documents in %s: every answer will be empty until .md/.txt files are added", knowledge)
    return engine
