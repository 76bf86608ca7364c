"""A one-line `\r` counter on stderr while files are parsed; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None, every: float = 0.1) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() and total > 0
        self.every = every
        self._shown = 0.0
        self._started = time.perf_counter()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.perf_counter()
        if self.enabled and (now - self._shown >= self.every or self.done == self.total):
            self._shown = now
            rate = self.done / max(now - self._started, 1e-9)
            self.stream.write(f"\r{self.label} {self.done}/{self.total} ({rate:.0f}/s)")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()
