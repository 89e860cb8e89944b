"""What the index is: where its files live, its manifest, whether it is current, the writer lock.

The read side of the index (what a question needs to know before it opens anything); ``build``
is the write side. Every file a reader opens is swapped in whole, so readers never lock.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from assistant import snapshot
from assistant.collection import fingerprint
from assistant.errors import IndexBusyError, IndexStateError
from assistant.locks import exclusive_lock
from assistant.settings import Settings
from assistant.store import ChromaStore, HnswSettings
from assistant.text.analysis import analysis_version
from assistant.urls import masked_url

MANIFEST_VERSION = 1
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class IndexReport:
    papers: int
    added: int
    updated: int
    removed: int
    repaired: int
    embedded_texts: int
    seconds: float

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.repaired)


class IndexFiles:
    """Where each part of the index lives inside the data directory."""

    def __init__(self, settings: Settings) -> None:
        self.root = settings.index_dir
        self.manifest = self.root / "manifest.json"
        self.lock = self.root / ".lock"
        self.bm25 = self.root / "bm25"
        self.papers = self.root / "papers.sqlite"
        self.acronyms = self.root / "acronyms.json"
        self.chroma = self.root / "chroma"


def store_for(settings: Settings, embedder_name: str) -> ChromaStore:
    return ChromaStore(
        persist_dir=IndexFiles(settings).chroma,
        collection_name=settings.chroma_collection,
        embedder_name=embedder_name,
        chroma_url=settings.chroma_url,
        timeout=settings.chroma_timeout,
        hnsw=HnswSettings(
            search_ef=settings.hnsw_search_ef,
            construction_ef=settings.hnsw_construction_ef,
            max_neighbors=settings.hnsw_max_neighbors,
        ),
    )


def read_manifest(settings: Settings) -> dict[str, Any] | None:
    path = IndexFiles(settings).manifest
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise IndexStateError(
            f"the index manifest {path} is unreadable; run 'assistant index --rebuild'."
        ) from None
    if not isinstance(manifest, dict) or manifest.get("version") != MANIFEST_VERSION:
        raise IndexStateError(
            f"the index at {path.parent} was written by another version of assistant; "
            "run 'assistant index --rebuild'."
        )
    return manifest


def write_manifest(settings: Settings, manifest: dict[str, Any]) -> None:
    path = IndexFiles(settings).manifest
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    os.replace(temporary, path)


def store_identity(settings: Settings, embedder_name: str) -> dict[str, str]:
    return {
        "embedder": embedder_name,
        # the stored claims are this code's reading of the abstracts: after an upgrade that reads
        # them differently, the next sync rewrites the paper store (nothing is embedded again)
        "analysis": analysis_version(),
        # masked: the manifest is a plain file, and a password in the URL does not name the store
        "store": masked_url(settings.chroma_url) if settings.chroma_url else "embedded",
        "collection": settings.chroma_collection,
    }


def is_current(settings: Settings, embedder_name: str) -> bool:
    manifest = read_manifest(settings)
    if manifest is None or manifest.get("state") != "clean":
        return False
    identity = store_identity(settings, embedder_name)
    if any(manifest.get(key) != value for key, value in identity.items()):
        return False
    if manifest.get("snapshot") and not snapshot.exists(IndexFiles(settings).root):
        return False  # an older version's vector copy: sync writes it again, embedding nothing
    return bool(manifest.get("fingerprint") == fingerprint(settings))


@contextmanager
def writer_lock(settings: Settings, *, wait_seconds: float) -> Iterator[None]:
    """Serialise writers; a second writer waits up to ``wait_seconds``, then says the index is busy."""
    root = IndexFiles(settings).root

    def busy() -> IndexBusyError:
        return IndexBusyError(
            f"another 'assistant index' is updating {root}; wait for it to finish and try again."
        )

    with exclusive_lock(IndexFiles(settings).lock, wait_seconds=wait_seconds, busy=busy):
        yield


def readable_manifest(settings: Settings) -> dict[str, Any] | None:
    try:
        return read_manifest(settings)
    except IndexStateError:
        return None  # a rebuild or repair is exactly what is running now


def answerable_meanwhile(settings: Settings) -> bool:
    """Whether the files a question reads are all there (from an earlier, complete build)."""
    files = IndexFiles(settings)
    vectors_there = settings.chroma_url is not None or snapshot.exists(files.root)
    return files.papers.is_file() and (files.bm25 / "meta.json").is_file() and vectors_there
