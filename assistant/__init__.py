"""assistant: answers questions about a collection of papers, every claim cited and checked."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# numpy's BLAS threads and onnxruntime's spinning threads fight over the cores of a laptop: with one
# BLAS thread in-process retrieval is ~2x faster (16 -> 7 ms p50 measured). Must precede numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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
