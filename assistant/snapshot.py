"""A read-only copy of the embedded Chroma collection's vectors, for the one-question process.

Importing chromadb and opening its client costs ~0.7 s on these machines, most of a one-second
``assistant ask``. Up to ``dense_snapshot_max_chunks`` vectors, a search over a numpy matrix
is faster than that start-up and than HNSW itself (~2 ms for 5k chunks), so at index time the
vectors are read back from Chroma, the store of record, and written here. Larger collections and
Chroma servers are queried through Chroma as usual.

Files (format 3), each swapped in whole:

- ``vectors.npy``: one row per chunk, float32 (default) or float16, rows in chunk-id order;
- ``vector_ids.npy``: the chunk ids, sorted, as fixed-width bytes, so opening the snapshot reads
  no JSON and builds no Python list, and an id is found by binary search;
- ``vector_projection.npy``: the mean vector and a rotation onto the principal axes (float32,
  ``dimension + 1`` rows), both from the vectors at write time;
- ``vector_codes.npy``: one bit per rotated dimension and row (the sign of the rotated, centred
  vector), as uint64 words stored word by word (``words x rows``), 48 bytes a 384-d vector;
- ``vectors.json``: format version, count, dtype and checksums of the vectors and the codes.

Up to ``exact_max_rows`` vectors, a query scores every row: the matrix is memory-mapped and scored
in float32 blocks, each released from the process's resident memory once scored (the kernel's
page cache keeps it). That is bound by memory bandwidth: ~0.3-0.4 s over the ~0.9M vectors of
100k papers (1.4 GB) on 2 busy cores. Above it, the codes are scanned instead (1/32 of the bytes):
the rows whose codes differ from the query's in the fewest bits are the candidates, and the
nearest ``rescore_rows`` of them (at least four times the rows asked for) are read back and scored
exactly, so every similarity returned is exact and only the choice of candidates is approximate.
The principal-axes rotation is what makes one bit per dimension enough: on the 100k synthetic
set the planted answer's row is among the nearest 203 codes by bit count for 99 of 100 queries (2,060 without
the rotation). An inverted file (k-means partitions, the nearest probed) found 0.74 of the planted
made-up-term answers probing 4% of the rows, 0.87 probing 13% (exact search: 0.98): such a query
is far from every centroid. What the codes cost: the candidates hold ~81% of exact search's ten
nearest chunks at 2,000 candidates (~90% at 8,000); every similarity returned is exact.
float16 halves the vector file but converting it costs more than the exact search itself on these
machines (3x slower at 92k and at 916k vectors), so float32 is the default.
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

FORMAT_VERSION = 3
Precision = Literal["float16", "float32"]
# Rows scored per block: 32k x 384 float32 is 48 MB resident at most.
BLOCK_ROWS = 32_768
# Rows the principal axes are computed from: evenly spaced, so the same vectors give the same axes.
PROJECTION_SAMPLE = 65_536
# Rows per slice of the code scan: its temporaries stay in the CPU cache.
SCAN_ROWS = 16_384
# Defaults of settings.retrieval.dense_exact_max_chunks and dense_rescore_chunks.
EXACT_MAX_ROWS = 50_000
RESCORE_ROWS = 2_000
_FILES = (
    "vectors.npy",
    "vector_ids.npy",
    "vector_projection.npy",
    "vector_codes.npy",
    "vectors.json",
)
_LEGACY_FILES = ("vector_ids.json",)  # format 1's id list


class VectorSnapshot:
    """Cosine search over the snapshot files: exact up to ``exact_max_rows`` rows, above it exact
    scores for the candidates the sign codes choose. Nothing but the ids is read at open."""

    def __init__(
        self,
        ids: np.ndarray,
        vectors: np.memmap,
        projection: np.ndarray,
        codes: np.ndarray,
        *,
        exact_max_rows: int = EXACT_MAX_ROWS,
        rescore_rows: int = RESCORE_ROWS,
    ) -> None:
        self.ids = ids  # sorted fixed-width bytes, memory-mapped
        self.vectors = vectors  # memory-mapped rows, in id order
        self.projection = projection  # mean vector, then the rotation (dimension x dimension)
        self.codes = codes  # words x rows, memory-mapped
        self.dtype = vectors.dtype
        self.exact_max_rows = exact_max_rows
        self.rescore_rows = rescore_rows
        self._buffer: np.ndarray | None = None
        self._file = open(vectors.filename, "rb", buffering=0) if vectors.filename else None  # noqa: SIM115

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

    def _read_rows(self, rows: np.ndarray) -> np.ndarray:
        """The given rows (ascending), read with one ``preadv`` per run of consecutive rows.

        Not through the memory map: touching 2,000 scattered rows of the map made the kernel map
        ~0.9 GB of the cached file around them (read-around) before they could be released, and
        a process's peak RSS counts that. Reading them is also ~2x faster than faulting them in.
        """
        if self._file is None or not hasattr(os, "preadv"):
            return np.asarray(self.vectors[rows])  # no positional reads here: the map it is
        out = np.empty((len(rows), self.vectors.shape[1]), dtype=self.vectors.dtype)
        view = out.data.cast("B")
        row_bytes = out.shape[1] * out.itemsize
        breaks = (np.flatnonzero(np.diff(rows) != 1) + 1).tolist()
        descriptor = self._file.fileno()
        for first, last in zip([0, *breaks], [*breaks, len(rows)], strict=True):
            wanted = view[first * row_bytes : last * row_bytes]
            offset = self.vectors.offset + int(rows[first]) * row_bytes
            if os.preadv(descriptor, [wanted], offset) != len(wanted):
                raise OSError(f"the vector snapshot {self._file.name} is cut off")
        return out

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
        found = [
            (chunk_id, int(position))
            for chunk_id, key, position in zip(chunk_ids, wanted, positions, strict=True)
            if position < len(self.ids)
            and self.ids[position] == key
            and key.decode() == chunk_id  # else longer than the stored width: truncated
        ]
        if not found:
            return {}
        rows = np.array(sorted({position for _, position in found}))
        vectors = self._read_rows(rows).astype(np.float32)
        out: dict[str, np.ndarray] = {}
        for chunk_id, position in found:
            vector = vectors[int(np.searchsorted(rows, position))]
            if np.isfinite(vector).all():  # a damaged row is as good as missing
                out[chunk_id] = vector
        return out

    def query(self, vector: np.ndarray, n_results: int) -> list[ChunkHit]:
        if not len(self.ids) or n_results < 1:
            return []
        wanted = max(self.rescore_rows, 4 * n_results)
        if len(self.ids) <= max(self.exact_max_rows, wanted):
            rows = np.arange(len(self.ids))
            similarities = self._scores(vector)
        else:
            rows = self.candidates(vector, wanted)
            similarities = self._rescore(rows, vector)
        count = min(n_results, len(rows))
        top = np.argpartition(-similarities, count - 1)[:count]
        # Ties broken by chunk id (the row order), so results do not depend on the partition.
        top = top[np.lexsort((rows[top], -similarities[top]))]
        return [
            parse_chunk_id(self.ids[rows[index]].decode(), float(similarities[index]))
            for index in top
        ]

    def candidates(self, vector: np.ndarray, count: int) -> np.ndarray:
        """The rows (ascending) whose codes are nearest the query's: at least ``count`` of them,
        and every row that ties with the last (identical vectors stay together, so the exact
        ranking's tie order by chunk id is kept).

        The distance counts differing bits, each 64-bit word (64 principal axes, the first word
        the widest) weighted by how much of the centred query lies along its axes: a query that
        lies mostly along the first axes trusts their bits more."""
        rotated = (vector.astype(np.float32, copy=False) - self.projection[0]) @ self.projection[1:]
        dimension = len(rotated)
        padded = np.zeros(self.codes.shape[0] * 64, dtype=np.float32)
        padded[:dimension] = rotated
        query_code = np.packbits(padded > 0).view(np.uint64)
        magnitude = np.abs(padded).reshape(-1, 64).sum(axis=1)
        # Integer weights 1..8, so distances stay uint16 and ties stay exact.
        weights = np.maximum(1, np.rint(8 * magnitude / max(float(magnitude.max()), 1e-12)))
        rows = len(self.ids)
        distance = np.empty(rows, dtype=np.uint16)
        word = np.empty(SCAN_ROWS, dtype=np.uint64)
        bits = np.empty(SCAN_ROWS, dtype=np.uint8)
        weighted = np.empty(SCAN_ROWS, dtype=np.uint16)
        # In slices that stay in the CPU cache: 1.7x faster than whole columns at 0.9M rows.
        for start in range(0, rows, SCAN_ROWS):
            stop = min(rows, start + SCAN_ROWS)
            size = stop - start
            total = distance[start:stop]
            total[:] = 0
            for index, query_word in enumerate(query_code):
                np.bitwise_xor(self.codes[index, start:stop], query_word, out=word[:size])
                np.bitwise_count(word[:size], out=bits[:size])
                np.multiply(bits[:size], np.uint16(weights[index]), out=weighted[:size])
                np.add(total, weighted[:size], out=total)
        cumulative = np.cumsum(np.bincount(distance))
        threshold = int(np.searchsorted(cumulative, min(count, rows)))
        return np.flatnonzero(distance <= threshold)

    def _rescore(self, rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
        """Exact similarities of the given rows (ascending)."""
        query = vector.astype(np.float32, copy=False)
        gathered = self._read_rows(rows).astype(np.float32, copy=False)
        with np.errstate(invalid="ignore", over="ignore"):
            similarities = gathered @ query
        similarities[~np.isfinite(similarities)] = -np.inf
        return similarities


def write(
    directory: Path, ids: list[str], vectors: np.ndarray, *, precision: Precision = "float32"
) -> None:
    """Vectors and ids first, then the metadata that vouches for them; each swapped in whole."""
    directory.mkdir(parents=True, exist_ok=True)
    encoded = np.array([chunk_id.encode() for chunk_id in ids], dtype=bytes)
    order = np.argsort(encoded, kind="stable")  # UTF-8 byte order is code point order
    np.save(directory / "vector_ids.tmp.npy", encoded[order])
    source = np.asarray(vectors)
    dimension = source.shape[1] if source.ndim == 2 else 0
    # Written block by block into the file: at 100k papers a sorted copy in memory would be
    # another 1.4 GB next to the vectors read back from Chroma.
    rows = np.lib.format.open_memmap(
        directory / "vectors.tmp.npy",
        mode="w+",
        dtype=np.dtype(precision),
        shape=(len(ids), dimension),
    )
    for start in range(0, len(ids), BLOCK_ROWS):
        rows[start : start + BLOCK_ROWS] = source[order[start : start + BLOCK_ROWS]]
    rows.flush()
    # The codes are made from the stored rows (float16 included), as the search will read them.
    projection = principal_axes(rows)
    np.save(directory / "vector_projection.tmp.npy", projection)
    codes = np.lib.format.open_memmap(
        directory / "vector_codes.tmp.npy",
        mode="w+",
        dtype=np.uint64,
        shape=(_words(dimension), len(ids)),
    )
    for start in range(0, len(ids), BLOCK_ROWS):
        block = np.asarray(rows[start : start + BLOCK_ROWS], dtype=np.float32)
        codes[:, start : start + len(block)] = encode(projection, block)
    codes.flush()
    meta = {
        "version": FORMAT_VERSION,
        "count": len(ids),
        "dtype": precision,
        "sha256": _digest(rows),
        "codes_sha256": _codes_digest(projection, codes),
    }
    del rows, codes  # closes the maps before the files are renamed
    (directory / "vectors.json.tmp").write_text(json.dumps(meta), encoding="utf-8")
    (directory / "vectors.json").unlink(missing_ok=True)  # no reader trusts a half-swapped set
    for name in ("vectors", "vector_ids", "vector_projection", "vector_codes"):
        os.replace(directory / f"{name}.tmp.npy", directory / f"{name}.npy")
    os.replace(directory / "vectors.json.tmp", directory / "vectors.json")
    for name in _LEGACY_FILES:
        (directory / name).unlink(missing_ok=True)


def exists(directory: Path) -> bool:
    return all((directory / name).is_file() for name in _FILES)


def remove(directory: Path) -> None:
    for name in (*_FILES, *_LEGACY_FILES):
        (directory / name).unlink(missing_ok=True)


def load(
    directory: Path,
    *,
    verify: bool = False,
    precision: Precision | None = None,
    exact_max_rows: int = EXACT_MAX_ROWS,
    rescore_rows: int = RESCORE_ROWS,
) -> VectorSnapshot | None:
    """The snapshot, or ``None`` when there is none, it is of another format version, damaged,
    it does not match its id list or (given ``precision``) it is stored at another precision;
    questions then go to Chroma, and the next index run writes it again. ``verify`` also checks
    every byte against the checksums written with it: index time does, so a copy damaged behind
    a valid header is rewritten instead of quietly giving wrong dense results."""
    try:
        meta = json.loads((directory / "vectors.json").read_text(encoding="utf-8"))
        if meta.get("version") != FORMAT_VERSION:
            return None
        vectors = np.load(directory / "vectors.npy", mmap_mode="r")
        ids = np.load(directory / "vector_ids.npy", mmap_mode="r")
        projection = np.load(directory / "vector_projection.npy")
        codes = np.load(directory / "vector_codes.npy", mmap_mode="r")
        if not vectors.shape[0] == len(ids) == meta.get("count"):
            return None
        if vectors.dtype != np.dtype(meta.get("dtype")) or vectors.ndim != 2:
            return None
        dimension = vectors.shape[1]
        if projection.shape != (dimension + 1, dimension) or projection.dtype != np.float32:
            return None
        if codes.dtype != np.uint64 or codes.shape != (_words(dimension), len(ids)):
            return None
        if precision is not None and meta.get("dtype") != precision:
            return None
        if verify and (
            meta.get("sha256") != _digest(vectors)
            or meta.get("codes_sha256") != _codes_digest(projection, codes)
        ):
            return None
        found = VectorSnapshot(
            ids,
            vectors,
            projection,
            codes,
            exact_max_rows=exact_max_rows,
            rescore_rows=rescore_rows,
        )
    except (OSError, ValueError, EOFError, AttributeError, TypeError):  # EOFError: a cut-off file
        return None
    return found


def principal_axes(vectors: np.ndarray) -> np.ndarray:
    """The mean of the rows, then the eigenvectors of their covariance as columns, largest first
    (float32, ``dimension + 1`` rows), from at most PROJECTION_SAMPLE evenly spaced rows."""
    dimension = vectors.shape[1] if vectors.ndim == 2 else 0
    step = max(1, len(vectors) // PROJECTION_SAMPLE)
    sample = np.asarray(vectors[::step][:PROJECTION_SAMPLE], dtype=np.float64)
    if not len(sample):
        return np.vstack([np.zeros((1, dimension)), np.eye(dimension)]).astype(np.float32)
    mean = sample.mean(axis=0)
    centred = sample - mean
    _, axes = np.linalg.eigh(centred.T @ centred)  # ascending eigenvalues
    return np.vstack([mean, axes[:, ::-1]]).astype(np.float32)


def encode(projection: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Sign codes of float32 rows: one bit per rotated dimension, as ``words x rows`` uint64."""
    rotated = (rows - projection[0]) @ projection[1:]
    packed = np.packbits(rotated > 0, axis=1)
    padded = np.zeros((len(rows), _words(rows.shape[1]) * 8), dtype=np.uint8)
    padded[:, : packed.shape[1]] = packed
    return np.ascontiguousarray(padded.view(np.uint64).T)


def _words(dimension: int) -> int:
    return (dimension + 63) // 64


def _codes_digest(projection: np.ndarray, codes: np.ndarray) -> str:
    digest = hashlib.sha256(np.ascontiguousarray(projection).tobytes())
    for word in codes:
        digest.update(np.ascontiguousarray(word).tobytes())
    return digest.hexdigest()


def _digest(vectors: np.ndarray) -> str:
    digest = hashlib.sha256()
    for start in range(0, len(vectors), BLOCK_ROWS):  # in blocks: never the whole matrix at once
        digest.update(np.ascontiguousarray(vectors[start : start + BLOCK_ROWS]).tobytes())
    return digest.hexdigest()
