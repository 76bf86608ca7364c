"""Where the knowledge, config and data folders are: flag, then environment, then the project's own."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

ENV = {"knowledge": "POLICYBOT_KNOWLEDGE", "config": "POLICYBOT_CONFIG", "data": "POLICYBOT_DATA"}


def resolve(kind: str, flag: str | None = None) -> Path:
    if flag:
        return Path(flag)
    if os.environ.get(ENV[kind]):
        return Path(os.environ[ENV[kind]])
    local = Path.cwd() / kind
    return local if local.is_dir() else PROJECT / kind
