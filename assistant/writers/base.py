"""The writer contract shared by the extractive and LLM engines."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

from assistant.models import Draft, Evidence, Task

TextSink = Callable[[str], None]


class Writer(ABC):
    """Writes a draft for one task from the evidence alone; it never sees anything else."""

    name: str
    can_stream: bool = False

    @abstractmethod
    def write(
        self,
        task: Task,
        question: str,
        evidence: Sequence[Evidence],
        *,
        on_text: TextSink | None = None,
    ) -> Draft:
        """Return the draft; a streaming writer also passes text chunks to ``on_text`` as they come."""
