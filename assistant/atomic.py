"""Writing a file so that a reader sees the old one or the new one, never half of either.

The one helper every writer of a user-visible file uses (the collection of added papers, ``-o``
outputs): a temporary file of a unique name beside the target, flushed to disk, then renamed over
it, so no crash, full disk or second writer leaves a half-written file behind. Errors are
``OSError``; each caller says what the failure means for the user.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: Path, chunks: Iterable[str]) -> None:
    """Write ``chunks`` (UTF-8 text) to ``path`` in one step; the temporary file is removed when
    anything fails."""
    temporary: Path | None = None
    try:
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        temporary = Path(name)
        os.fchmod(descriptor, 0o644)  # mkstemp makes it private; the file it replaces was not
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise
