"""A read-only copy of the embedded Chroma collection's vectors, for the one-question process.

Importing chromadb and opening its client costs ~0.7 s on these machines, most of a one-second
``assistant ask``. Up to ``dense_snapshot_max_chunks`` vectors, exact search over a numpy matrix
is faster than that start-up and than HNSW itself (~2 ms for 5k chunks), so at index time the
vectors are read back from Chroma, the store of record, and written here. Larger collections and
Chroma servers are queried through Chroma as usual.

Files (format 2), each swapped in whole:

- ``vectors.npy``: one row per chunk, float32 (default) or float16, rows in chunk-id order;
- ``vector_ids.npy``: the chunk ids, sorted, as fixed-width bytes, so opening the snapshot reads
  no JSON and builds no Python list, and an id is found by binary search;
- ``vectors.json``: format version, count, dtype and a checksum of the vector bytes.

The matrix is memory-mapped and scored in float32 blocks; each block is released from the
process's resident memory once scored (the kernel's page cache keeps it), so at 100k papers
(~0.9M chunk vectors, 1.4 GB in float32) the asking process holds one block, not the matrix.
float16 halves the file but converting it costs more than the search itself on these machines
(3x slower search at 92k and at 916k vectors), so float32 is the default.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

from assistant.store import ChunkHit, parse_chunk_id

FORMAT_VERSION = 2
Precision = Literal["float16", "float32"]
# Rows scored per block: 32k x 384 float32 is 48 MB resident at most.
BLOCK_ROWS = 32_768
_FILES = ("vectors.npy", "vector_ids.npy", "vectors.json")
_LEGACY_FILES = ("vector_ids.json",)  # format 1's id list


class VectorSnapshot:
    """Exact cosine search over the snapshot files; nothing but the ids is read at open."""

    def __init__(self, ids: np.ndarray, vectors: np.memmap) -> None:
        self.ids = ids  # sorted fixed-width bytes, memory-mapped
        self.vectors = vectors  # memory-mapped rows, in id order
        self.dtype = vectors.dtype
        self._buffer: np.ndarray | None = None

    def _scores(self, vector: np.ndarray) -> np.ndarray:
        query = vector.astype(np.float32, copy=False)
        scores = np.empty(len(self.ids), dtype=np.float32)
        for start in range(0, len(self.ids), BLOCK_ROWS):
            stop = min(start + BLOCK_ROWS, len(self.ids))
            rows = self.vectors[start:stop]
            if rows.dtype != np.float32:
                if self._buffer is None:
                    self._buffer = np.empty((BLOCK_ROWS, rows.shape[1]), dtype=np.float32)
                np.copyto(self._buffer[: stop - start], rows)
                rows = self._buffer[: stop - start]
            with np.errstate(invalid="ignore", over="ignore"):  # damaged rows: see below
                np.matmul(rows, query, out=scores[start:stop])
            self._release(start, stop)
        # A row damaged on disk scores NaN; it sorts last instead of anywhere. 'assistant index'
        # finds the damage by checksum and rewrites the copy.
        scores[~np.isfinite(scores)] = -np.inf
        return scores

    def _release(self, start: int, stop: int) -> None:
        """Drop rows ``start:stop`` from this process's resident memory once they are scored.

        The pages stay in the kernel's page cache, so the next query maps them again cheaply;
        without this, a search over 0.9M vectors would leave all 1.4 GB counted in the process.
        """
        mapping = getattr(self.vectors, "_mmap", None)
        if mapping is None or not hasattr(mapping, "madvise"):
            return  # no madvise on this platform: the memory is the kernel's to reclaim
        row_bytes = self.vectors.shape[1] * self.vectors.dtype.itemsize
        first = (self.vectors.offset + start * row_bytes) // mmap.PAGESIZE * mmap.PAGESIZE
        last = self.vectors.offset + stop * row_bytes
        mapping.madvise(mmap.MADV_DONTNEED, first, last - first)

    def vectors_for(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors of the given chunks as float32 (missing ids are left out)."""
        if not chunk_ids or not len(self.ids):
            return {}
        wanted = np.array([chunk_id.encode() for chunk_id in chunk_ids], dtype=self.ids.dtype)
        positions = np.searchsorted(self.ids, wanted)
        out: dict[str, np.ndarray] = {}
        for chunk_id, key, position in zip(chunk_ids, wanted, positions, strict=True):
            if position < len(self.ids) and self.ids[position] == key:
                if key.decode() != chunk_id:
                    continue  # longer than the stored width: truncated to another id
                vector = np.asarray(self.vectors[position], dtype=np.float32)
                if np.isfinite(vector).all():  # a damaged row is as good as missing
                    out[chunk_id] = vector
        return out

    def query(self, vector: np.ndarray, n_results: int) -> list[ChunkHit]:
        if not len(self.ids):
            return []
        similarities = self._scores(vector)
        count = min(n_results, len(self.ids))
        top = np.argpartition(-similarities, count - 1)[:count]
        # Ties broken by chunk id (the row order), so results do not depend on the partition.
        top = top[np.lexsort((top, -similarities[top]))]
        return [parse_chunk_id(self.ids[row].decode(), float(similarities[row])) for row in top]


def write(
    directory: Path, ids: list[str], vectors: np.ndarray, *, precision: Precision = "float32"
) -> None:
    """Vectors and ids first, then the metadata that vouches for them; each swapped in whole."""
    directory.mkdir(parents=True, exist_ok=True)
    encoded = np.array([chunk_id.encode() for chunk_id in ids], dtype=bytes)
    order = np.argsort(encoded, kind="stable")  # UTF-8 byte order is code point order
    np.save(directory / "vector_ids.tmp.npy", encoded[order])
    source = np.asarray(vectors)
    # Written block by block into the file: at 100k papers a sorted copy in memory would be
    # another 1.4 GB next to the vectors read back from Chroma.
    rows = np.lib.format.open_memmap(
        directory / "vectors.tmp.npy",
        mode="w+",
        dtype=np.dtype(precision),
        shape=(len(ids), source.shape[1] if source.ndim == 2 else 0),
    )
    for start in range(0, len(ids), BLOCK_ROWS):
        rows[start : start + BLOCK_ROWS] = source[order[start : start + BLOCK_ROWS]]
    rows.flush()
    meta = {
        "version": FORMAT_VERSION,
        "count": len(ids),
        "dtype": precision,
        "sha256": _digest(rows),
    }
    del rows  # closes the map before the file is renamed
    (directory / "vectors.json.tmp").write_text(json.dumps(meta), encoding="utf-8")
    (directory / "vectors.json").unlink(missing_ok=True)  # no reader trusts a half-swapped pair
    os.replace(directory / "vectors.tmp.npy", directory / "vectors.npy")
    os.replace(directory / "vector_ids.tmp.npy", directory / "vector_ids.npy")
    os.replace(directory / "vectors.json.tmp", directory / "vectors.json")
    for name in _LEGACY_FILES:
        (directory / name).unlink(missing_ok=True)


def exists(directory: Path) -> bool:
    return all((directory / name).is_file() for name in _FILES)


def remove(directory: Path) -> None:
    for name in (*_FILES, *_LEGACY_FILES):
        (directory / name).unlink(missing_ok=True)


def load(
    directory: Path, *, verify: bool = False, precision: Precision | None = None
) -> VectorSnapshot | None:
    """The snapshot, or ``None`` when there is none, it is damaged, it does not match its id
    list or (given ``precision``) it is stored at another precision; questions then go to Chroma,
    and the next index run writes it again. ``verify`` also checks every byte against the
    checksum written with it: index time does, so a copy damaged behind a valid header is
    rewritten instead of quietly giving wrong dense results."""
    try:
        meta = json.loads((directory / "vectors.json").read_text(encoding="utf-8"))
        vectors = np.load(directory / "vectors.npy", mmap_mode="r")
        ids = np.load(directory / "vector_ids.npy", mmap_mode="r")
        if meta.get("version") != FORMAT_VERSION or not (
            vectors.shape[0] == len(ids) == meta.get("count")
        ):
            return None
        if vectors.dtype != np.dtype(meta.get("dtype")) or vectors.ndim != 2:
            return None
        if precision is not None and meta.get("dtype") != precision:
            return None
        if verify and meta.get("sha256") != _digest(vectors):
            return None
        found = VectorSnapshot(ids, vectors)
    except (OSError, ValueError, EOFError, AttributeError, TypeError):  # EOFError: a cut-off file
        return None
    return found


def _digest(vectors: np.ndarray) -> str:
    digest = hashlib.sha256()
    for start in range(0, len(vectors), BLOCK_ROWS):  # in blocks: never the whole matrix at once
        digest.update(np.ascontiguousarray(vectors[start : start + BLOCK_ROWS]).tobytes())
    return digest.hexdigest()
