"""Resource limits for one document: a wall-clock time limit and a cap on decompressed gzip size.

`run_with_timeout` uses a SIGALRM interval timer (`signal.setitimer(ITIMER_REAL)`), which only
the main thread of a process may install. That holds in the CLI process and in each worker of a
process pool (a worker runs its tasks in its own main thread). Called from any other thread, or
on a platform without SIGALRM, it runs `fn` with NO time limit (and logs that once): a limit
there would need a second process per document. The alarm interrupts Python code between
bytecodes; a single long C call (one huge regex match, one lxml parse) is interrupted only when
it returns to Python, so the limit can overshoot by the length of that call.
"""
from __future__ import annotations

import gzip
import logging
import signal
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
READ_CHUNK = 1 << 16
_warned_off_main = False


class DocumentTimeout(BaseException):
    """Raised inside `run_with_timeout` when the document's time is up.

    A BaseException, like KeyboardInterrupt, so that the `except Exception` nets of the pipeline
    and of libraries (trafilatura, spaCy) cannot swallow it and run on without a limit: the
    caller of `run_with_timeout` catches it and writes the document's error record."""

    def __init__(self, seconds: float):
        super().__init__(f"document took longer than {seconds:g} s")
        self.seconds = seconds


class DecompressedTooLarge(ValueError):
    """A gzip input inflates to more than the allowed number of bytes."""

    def __init__(self, path: str, max_bytes: int):
        super().__init__(f"{path}: decompressed size exceeds {max_bytes} bytes")
        self.path, self.max_bytes = path, max_bytes


def timer_available() -> bool:
    """True when `run_with_timeout` can enforce its limit here (main thread, SIGALRM)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def run_with_timeout(fn: Callable[..., T], *args, seconds: float | None, **kwargs) -> T:
    """`fn(*args, **kwargs)`, raising DocumentTimeout after `seconds` of wall-clock time.

    `seconds` None or <= 0 means no limit. Off the main thread there is no limit (see module doc).
    A timer already armed by a caller is restored afterwards (its remaining time, not extended)."""
    global _warned_off_main
    if not seconds or seconds <= 0:
        return fn(*args, **kwargs)
    if not timer_available():
        if not _warned_off_main:
            log.warning("run_with_timeout: not in the main thread (or no SIGALRM): running without a time limit")
            _warned_off_main = True
        return fn(*args, **kwargs)

    def expire(signum, frame):
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    outer_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn(*args, **kwargs)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:
            signal.setitimer(signal.ITIMER_REAL, outer_delay)


def read_gzip_capped(path: str | Path, max_bytes: int) -> bytes:
    """The decompressed bytes of a gzip file, refusing (DecompressedTooLarge) beyond `max_bytes`.

    Reads in chunks, so a small gzip that inflates to gigabytes (a 'zip bomb') costs at most
    `max_bytes` + one chunk of memory. A corrupt or truncated file raises OSError/EOFError
    (gzip.BadGzipFile is an OSError)."""
    out = bytearray()
    try:
        with gzip.open(path, "rb") as handle:
            while True:
                chunk = handle.read(min(READ_CHUNK, max_bytes + 1 - len(out)) or 1)
                if not chunk:
                    return bytes(out)
                out += chunk
                if len(out) > max_bytes:
                    raise DecompressedTooLarge(str(path), max_bytes)
    except zlib.error as exc:
        raise OSError(f"corrupt gzip data: {exc}") from exc
