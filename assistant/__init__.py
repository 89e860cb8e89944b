"""assistant: answers questions about a collection of papers, every claim cited and checked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Assistant", "__version__"]

if TYPE_CHECKING:
    from assistant.assistant import Assistant


def __getattr__(name: str) -> Any:
    # Lazy, so `import assistant` (and the CLI's start-up) does not pay for the whole pipeline.
    if name == "Assistant":
        from assistant.assistant import Assistant

        return Assistant
    raise AttributeError(name)
