"""Writers turn evidence into a draft: sentences, each with the paper ids it cites.

The registry below is the one place an engine name becomes a writer; a writer's class says what it
can do (``can_stream``, ``needs_endpoint``) and callers read that instead of comparing names. A
writer is imported only when it is asked for, so the offline path never loads the LLM client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from assistant.errors import check_choice
from assistant.models import ENGINES

if TYPE_CHECKING:
    from assistant.writers.base import Writer

# Engine name -> "module:class". Its keys are exactly models.ENGINES (a test holds them together).
WRITERS: dict[str, str] = {
    "extractive": "assistant.writers.extractive:ExtractiveWriter",
    "llm": "assistant.writers.llm:LLMWriter",
}


def writer_class(engine: str) -> type[Writer]:
    """The writer class registered for ``engine``; an unknown name is an error listing the known ones."""
    check_choice(engine, ENGINES, "engine")
    module, _, name = WRITERS[engine].partition(":")
    found: type[Writer] = getattr(importlib.import_module(module), name)
    return found


def can_stream(engine: str) -> bool:
    """Whether the engine's writer passes its text on as it comes (the caller shows it or not)."""
    return writer_class(engine).can_stream
