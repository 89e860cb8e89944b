"""Word lists as data: one entry a line, ``#`` starts a comment, blank lines skipped."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of ``<name>.txt`` in this folder, in file order."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text("utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(entry for entry in entries if entry)
