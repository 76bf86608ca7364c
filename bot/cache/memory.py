"""Give freed heap memory back to the operating system between the stages of a build.

A build frees a few hundred MB of short-lived objects (token strings, rank-bm25's per-passage dicts, numpy
temporaries of a few MB each). glibc keeps most of that in its heap, so the process's resident size
keeps growing stage after stage although the memory is free; `malloc_trim(0)` returns it. A no-op where
glibc is not the allocator.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache


@cache
def _trim():  # noqa: ANN202 - a ctypes function or None
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
