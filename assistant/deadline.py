"""Total deadlines for blocking network calls.

HTTP clients time out per read: a server that sends one byte a second, or accepts the connection
and never answers at the application level, can keep a call alive far beyond any timeout setting.
These helpers bound the whole call instead. The call runs on a daemon thread; when the deadline
passes the caller gets ``DeadlineExceeded`` at once and the abandoned thread ends with its socket
(or with the process), so a command never waits longer than the setting says.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class DeadlineExceeded(TimeoutError):
    """The whole call took longer than its deadline (the text says "timed out", for matching)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"timed out: no complete answer within {seconds:g} s")


def call_with_deadline(function: Callable[[], T], seconds: float) -> T:
    """``function()``'s result or exception, or ``DeadlineExceeded`` after ``seconds``."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=run, name="deadline-call", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise DeadlineExceeded(seconds)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


_END = object()


def iterate_with_deadline(items: Iterable[T], deadline: float, seconds: float) -> Iterator[T]:
    """The items of ``items`` as they come, raising ``DeadlineExceeded`` once ``time.monotonic()``
    passes ``deadline`` (``seconds`` is the budget it stands for, for the message)."""
    handoff: queue.Queue[Any] = queue.Queue()

    def pump() -> None:
        try:
            for item in items:
                handoff.put(item)
        except BaseException as error:  # handed to the consumer below
            handoff.put(_Failure(error))
        handoff.put(_END)

    threading.Thread(target=pump, name="deadline-stream", daemon=True).start()
    while True:
        remaining = deadline - time.monotonic()
        try:
            item = (
                handoff.get(timeout=max(remaining, 0.0)) if remaining > 0 else handoff.get_nowait()
            )
        except queue.Empty:
            raise DeadlineExceeded(seconds) from None
        if item is _END:
            return
        if isinstance(item, _Failure):
            raise item.error
        yield item


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error
