"""Patterns built on the question path from a name, label or phrase, compiled once a process."""

from __future__ import annotations

import re
from functools import lru_cache


# The re module keeps the last 512 patterns it compiled; an answer builds one per label, name
# and acronym of its papers, so over a session each was compiled again for every answer (about
# 20 compilations a question in the benchmark's warm process, 2-3 ms of its ~35).
@lru_cache(maxsize=16384)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)
