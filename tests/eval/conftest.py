"""Evaluation tests run on ../shared/evaldata (or $POLICYBOT_SHARED) and skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.shared import evaldata


def require(name: str) -> Path:
    folder = evaldata(name)
    if not folder.is_dir():
        pytest.skip(f"evaluation data {name!r} not found at {folder}; set POLICYBOT_SHARED to the shared folder")
    return folder
