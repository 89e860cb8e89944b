"""A read-only copy of the embedded Chroma collection's vectors, for the one-question process.

Importing chromadb and opening its client costs ~0.7 s on these machines, most of a one-second
``assistant ask``. Up to ``dense_snapshot_max_chunks`` vectors, exact search over a memory-mapped
numpy matrix is faster than that start-up and than HNSW itself (~2 ms for 5k chunks), so at index
time the vectors are read back from Chroma, the store of record, and written here. Larger
collections and Chroma servers are queried through Chroma as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.store import ChunkHit, parse_chunk_id

FORMAT_VERSION = 1


class VectorSnapshot:
    def __init__(self, ids: list[str], vectors: np.ndarray) -> None:
        self.ids = ids
        self.vectors = vectors
        self._row_of: dict[str, int] | None = None

    def vectors_for(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors of the given chunks (missing ids are left out)."""
        if self._row_of is None:
            self._row_of = {chunk_id: row for row, chunk_id in enumerate(self.ids)}
        rows = {chunk_id: self._row_of.get(chunk_id) for chunk_id in chunk_ids}
        return {chunk_id: self.vectors[row] for chunk_id, row in rows.items() if row is not None}

    def query(self, vector: np.ndarray, n_results: int) -> list[ChunkHit]:
        if not self.ids:
            return []
        similarities = self.vectors @ vector.astype(np.float32, copy=False)
        count = min(n_results, len(self.ids))
        top = np.argpartition(-similarities, count - 1)[:count]
        top = top[np.argsort(-similarities[top], kind="stable")]
        return [parse_chunk_id(self.ids[row], float(similarities[row])) for row in top]


def write(directory: Path, ids: list[str], vectors: np.ndarray) -> None:
    """Vectors first, then the id list that names them; both swapped in whole."""
    directory.mkdir(parents=True, exist_ok=True)
    temporary = directory / "vectors.tmp.npy"
    contiguous = np.ascontiguousarray(vectors, dtype=np.float32)
    np.save(temporary, contiguous)
    meta = {"version": FORMAT_VERSION, "count": len(ids), "ids": ids, "sha256": _digest(contiguous)}
    meta_temporary = directory / "vector_ids.json.tmp"
    meta_temporary.write_text(json.dumps(meta), encoding="utf-8")
    os.replace(temporary, directory / "vectors.npy")
    os.replace(meta_temporary, directory / "vector_ids.json")


def exists(directory: Path) -> bool:
    return (directory / "vectors.npy").is_file() and (directory / "vector_ids.json").is_file()


def remove(directory: Path) -> None:
    for name in ("vectors.npy", "vector_ids.json"):
        (directory / name).unlink(missing_ok=True)


def load(directory: Path, *, verify: bool = False) -> VectorSnapshot | None:
    """The snapshot, or ``None`` when there is none, it is damaged or it does not match its id
    list (questions then go to Chroma). ``verify`` also checks every byte against the checksum
    written with it: index time does, so a copy damaged behind a valid header is rewritten
    instead of quietly giving wrong dense results."""
    try:
        meta = json.loads((directory / "vector_ids.json").read_text(encoding="utf-8"))
        vectors = np.load(directory / "vectors.npy", mmap_mode="r")
        if meta.get("version") != FORMAT_VERSION or vectors.shape[0] != len(meta.get("ids", ())):
            return None
        if verify and meta.get("sha256") != _digest(vectors):
            return None
    except (OSError, ValueError, EOFError, AttributeError, TypeError):  # EOFError: a cut-off file
        return None
    return VectorSnapshot(list(meta["ids"]), vectors)


def _digest(vectors: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(vectors).tobytes()).hexdigest()
