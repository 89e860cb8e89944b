"""The process's own output streams: closed, full, piped into ``head`` or limited to ASCII.

None of these is a bug in the assistant, so none of them may end in a traceback.
"""

from __future__ import annotations

import errno
import os
import sys
from dataclasses import dataclass

from assistant.errors import InputError


@dataclass(frozen=True)
class OutputError:
    message: str  # empty: say nothing (the reader left on purpose, as ``| head`` does)
    exit_code: int


def check_streams() -> None:
    """Refuse to start without a stdout; never fail on a character the locale cannot encode."""
    if sys.stdout is None:
        raise InputError("standard output is closed; run the command with its output redirected.")
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and encoding != "utf8":
            reconfigure(errors="replace")  # an ASCII locale shows "?" instead of a traceback


def output_failure(error: OSError) -> OutputError | None:
    """What to tell the user when writing the output failed, or None when it is another error."""
    if error.errno not in (errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG):
        return None
    _silence_stdout()
    if error.errno == errno.EPIPE:
        return OutputError("", 1)
    return OutputError(
        f"cannot write the output ({error.strerror}); free some space or redirect it elsewhere.",
        1,
    )


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
