"""The writer contract shared by the extractive and LLM engines."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.models import Draft, Evidence, Task

if TYPE_CHECKING:
    from assistant.settings import Settings

TextSink = Callable[[str], None]


class Writer(ABC):
    """Writes a draft for one task from the evidence alone; it never sees anything else."""

    name: str
    can_stream: bool = False  # passes text to ``on_text`` as it comes; callers read this flag
    needs_endpoint: bool = False  # talks to a configured server; without one the caller falls back

    @classmethod
    def from_settings(cls, settings: Settings) -> Writer:
        """The writer made from the settings alone, as the registry's callers make it. A writer
        that needs more (the extractive one: the collection's statistics) is made by its caller."""
        return cls(settings)  # type: ignore[call-arg]  # the subclass's own constructor

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
