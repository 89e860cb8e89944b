"""The index: Chroma vectors, BM25, the paper store, the acronym map and the vector snapshot.

- ``state``: the read side: where the files live, the manifest, whether the index is current, the
  writer lock;
- ``build``: the write side: ``sync`` (incremental by content hash) and ``ensure_current``.
"""

from __future__ import annotations

from assistant.index.build import (
    TITLE_WEIGHT,
    _chunk_vectors,
    chunks_for,
    ensure_current,
    sync,
)
from assistant.index.state import (
    MANIFEST_VERSION,
    IndexFiles,
    IndexReport,
    Progress,
    is_current,
    read_manifest,
    store_for,
    store_identity,
    writer_lock,
)

# The name tests and older callers use.
_store_identity = store_identity

__all__ = [
    "MANIFEST_VERSION",
    "TITLE_WEIGHT",
    "IndexFiles",
    "IndexReport",
    "Progress",
    "_chunk_vectors",
    "chunks_for",
    "ensure_current",
    "is_current",
    "read_manifest",
    "store_for",
    "store_identity",
    "sync",
    "writer_lock",
]
