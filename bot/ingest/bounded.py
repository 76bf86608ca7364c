"""`extract()` with a time and memory cap: anything but small HTML and text runs in a child process that
is killed when the cap passes.

trafilatura's time grows faster than the page (1.9 MB of HTML: 1.8 s; 9.4 MB: 21.5 s) and a PDF's streams
can inflate far beyond its size, so neither size nor type bounds the work on its own. A child process can
be stopped; a thread cannot. Small HTML and text (the usual article) stay in-process: a child costs ~0.7 s
to start.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
from multiprocessing.connection import Connection

from bot.ingest.errors import ExtractError
from bot.ingest.extract import extract
from bot.ingest.extracted import Extracted
from bot.ingest.fetch import PDF_TYPES

EXTRACT_SECONDS = 30.0
MEMORY_BYTES = 2 * 1024**3  # the child's address space
IN_PROCESS_BYTES = 100_000


def extract_within(
    data: bytes, content_type: str, *, seconds: float = EXTRACT_SECONDS, **kwargs: str | None
) -> Extracted:
    """Blocking (call it off the event loop): what `extract` returns, or ExtractError, within `seconds`."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if len(data) <= IN_PROCESS_BYTES and kind not in PDF_TYPES:
        return extract(data, content_type, **kwargs)
    name = kwargs.get("url") or kwargs.get("filename") or "the content"
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_work, args=(send, data, content_type, kwargs), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise ExtractError(f"{name} took over {seconds:g} s to extract; save it as text and upload that")
        ok, value = receive.recv()
    except EOFError:
        raise ExtractError(f"{name} could not be read (the extractor stopped: too large or malformed)") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()
    if not ok:
        raise ExtractError(value)
    return value


def _work(send: Connection, data: bytes, content_type: str, kwargs: dict[str, str | None]) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    try:
        send.send((True, extract(data, content_type, **kwargs)))
    except ExtractError as exc:
        send.send((False, str(exc)))
    except MemoryError:
        send.send((False, f"{kwargs.get('url') or kwargs.get('filename')} needs too much memory to extract"))
