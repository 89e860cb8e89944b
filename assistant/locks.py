"""Advisory file locks between processes: one writer at a time for the index and the added papers.

``flock`` on a lock file beside the data it guards: released by the kernel when the holder exits,
even on ``kill -9``, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import AssistantError, InputError

POLL_SECONDS = 0.1  # how often a waiting writer retries; short next to any wait a user notices


@contextmanager
def exclusive_lock(
    path: Path, *, wait_seconds: float, busy: Callable[[], AssistantError]
) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the block; wait up to ``wait_seconds``, then raise
    ``busy()``. A directory that cannot hold the lock file is an ``InputError`` saying so."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")  # noqa: SIM115 - held for the block below
    except OSError as error:
        raise InputError(
            f"cannot write in {path.parent} ({error.strerror}); make it writable or set "
            "ASSISTANT_HOME to a writable directory."
        ) from None
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise busy() from None
                time.sleep(POLL_SECONDS)
        yield
    finally:
        handle.close()
