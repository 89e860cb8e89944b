"""The ``Embedder`` interface every embedder implements, and the helpers they share.

Every embedder returns float32 rows of unit length, so a dot product is a cosine similarity.
``Embedder.name`` is stored with the index: a different name means the index must be rebuilt.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(ABC):
    """Turns texts into unit-length vectors; one instance per model, safe to reuse."""

    name: str
    dimension: int
    max_tokens: int

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> Vectors:
        """Return an ``(len(texts), dimension)`` float32 array of L2-normalised rows, in order."""

    def embed_query(self, text: str) -> Vectors:
        """Return one ``(dimension,)`` vector."""
        vector: Vectors = self.embed([text])[0]
        return vector

    def preparation(self) -> str | None:
        """What ``prepare`` will do that a user waits for (a one-off model export), or None."""
        return None

    def prepare(self) -> None:
        """Do any one-off work before the first text is embedded (most embedders have none)."""
        return None

    def count_tokens(self, text: str) -> int:
        """Estimate how many of ``max_tokens`` a text uses (exact where there is a tokenizer)."""
        # ~4 characters per token is typical for English; 3 errs high so chunks sized by this fit.
        return max(1, -(-len(text) // 3))


def as_list(texts: Sequence[str]) -> list[str]:
    # A bare string is a Sequence[str] too, and would be embedded one character at a time.
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of strings; use embed_query() for one string")
    return list(texts)


def normalise(rows: npt.NDArray[Any]) -> Vectors:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    # Same floor as torch.nn.functional.normalize, so an all-zero row stays zero instead of NaN.
    unit: Vectors = (rows / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
    return unit
