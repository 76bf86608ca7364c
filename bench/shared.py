"""Where the shared evaluation data lives: $POLICYBOT_SHARED, else ../shared beside the project."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def shared_root() -> Path:
    env = os.environ.get("POLICYBOT_SHARED")
    return Path(env) if env else (PROJECT_ROOT / ".." / "shared").resolve()


def evaldata(name: str) -> Path:
    """The folder of one evaluation set, e.g. evaldata("scifact"); it may not exist."""
    return shared_root() / "evaldata" / name
