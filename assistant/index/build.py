"""Build and keep the index current: Chroma vectors, BM25, the paper store and the acronym map.

Incremental by content hash: an unchanged paper is never re-embedded, a new or changed one is embedded
alone, a removed one leaves every part of the index. A different embedder (another model, or the
local model at another precision) re-embeds everything. One writer at a time (a file lock).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant import bm25, snapshot
from assistant.collection import fingerprint, load_collection
from assistant.corpus import paper_to_record
from assistant.errors import IndexBusyError, IndexStateError
from assistant.index.state import (
    MANIFEST_VERSION,
    IndexFiles,
    IndexReport,
    Progress,
    answerable_meanwhile,
    is_current,
    read_manifest,
    readable_manifest,
    store_for,
    store_identity,
    write_manifest,
    writer_lock,
)
from assistant.models import Paper
from assistant.paperstore import PaperStore
from assistant.settings import Settings
from assistant.store import ChromaStore, Chunk, paper_chunk_id, sentence_chunk_id
from assistant.text import acronyms
from assistant.text.analysis import analyse_paper
from assistant.text.sentences import split_sentences

if TYPE_CHECKING:
    from assistant.embedding import Embedder

TITLE_WEIGHT = 0.5


def chunks_for(paper: Paper) -> list[Chunk]:
    """Sentence chunks first, the paper chunk last: the paper chunk is the commit record."""
    sentences = [
        Chunk(sentence_chunk_id(paper.id, position), paper.id, "sentence", position, sentence)
        for position, sentence in enumerate(split_sentences(paper.abstract))
    ]
    whole = Chunk(
        paper_chunk_id(paper.id), paper.id, "paper", -1, f"{paper.title}. {paper.abstract}"
    )
    return [*sentences, whole]


def sync(
    settings: Settings,
    embedder: Embedder,
    *,
    papers: Sequence[Paper] | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
    lock_wait_seconds: float | None = None,
    skip_if_current: bool = False,
) -> IndexReport:
    """Bring every part of the index in line with the collection; embeds only what changed."""
    started = time.perf_counter()
    wait = settings.index_lock_wait if lock_wait_seconds is None else lock_wait_seconds
    with writer_lock(settings, wait_seconds=wait), _disk_full_is_clear(settings):
        if skip_if_current and not rebuild and is_current(settings, embedder.name):
            # another process brought it up to date while this one waited for the lock
            return IndexReport(read_manifest(settings)["papers"], 0, 0, 0, 0, 0, 0.0)  # type: ignore[index]
        # Stat before reading: an 'add' that rewrites the collection after this point leaves a
        # fingerprint that no longer matches, so the next run indexes its papers instead of
        # taking this index for current.
        source_fingerprint = fingerprint(settings) if papers is None else "explicit"
        collection = list(papers) if papers is not None else load_collection(settings)
        files = IndexFiles(settings)
        store = store_for(settings, embedder.name)
        previous = readable_manifest(settings)
        if previous is not None and previous.get("embedder", embedder.name) != embedder.name:
            # Another model (or the local model at another precision): vectors from two models
            # are not comparable, so every paper is embedded again.
            rebuild = True
        if rebuild:
            # Only the vector store goes now: the BM25 index, the paper store, the acronym map
            # and the vector copy are each replaced whole at the end, so questions asked during
            # the rebuild are answered from them instead of failing.
            _discard_vectors(settings, store)
            previous = None
        identity = store_identity(settings, embedder.name)
        write_manifest(settings, {"version": MANIFEST_VERSION, "state": "syncing", **identity})

        indexed = store.indexed_hashes()
        repaired: set[str] = set()
        if previous is None or previous.get("state") != "clean" or rebuild:
            repaired = store.orphan_paper_ids(set(indexed))  # leftovers of an interrupted write
        wanted = {paper.id: paper for paper in collection}
        removed = [paper_id for paper_id in indexed if paper_id not in wanted]
        changed = [
            paper
            for paper in collection
            if paper.id in indexed and indexed[paper.id] != paper.content_hash
        ]
        new = [paper for paper in collection if paper.id not in indexed]
        stale = removed + [paper.id for paper in changed] + sorted(repaired)
        if stale:
            store.delete_papers(stale)

        to_embed = changed + new
        # The paper store's per-paper analysis (pure Python) needs no vectors: computed beside the
        # embedding, it is cached by the time the store is rewritten below (a collection larger
        # than the cache would only be analysed twice).
        analyse_early = to_embed and len(collection) <= (analyse_paper.cache_info().maxsize or 0)
        analysing = _analyse_meanwhile(collection) if analyse_early else None
        embedded = _embed_and_store(
            store, embedder, to_embed, progress, settings.index_batch_papers
        )
        if analysing is not None:
            analysing.join()

        vectors_changed = bool(stale or embedded or rebuild)
        snapshot_written = _refresh_snapshot(settings, store, changed=vectors_changed)
        same_collection = (
            not vectors_changed
            and previous is not None
            and previous.get("papers_digest") == _papers_digest(collection)
            and _derived_files_intact(files, list(wanted))
        )
        if not same_collection:
            bm25.save(
                bm25.build(
                    list(wanted), [bm25.paper_text(p.title, p.abstract) for p in collection]
                ),
                files.bm25,
            )
            _replace_papers(files.papers, collection)
            _write_json(files.acronyms, acronyms.mine(paper.abstract for paper in collection))
        write_manifest(
            settings,
            {
                "version": MANIFEST_VERSION,
                "state": "clean",
                **identity,
                "fingerprint": source_fingerprint,
                "papers": len(collection),
                "snapshot": snapshot_written,
                "papers_digest": _papers_digest(collection),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            },
        )
    return IndexReport(
        papers=len(collection),
        added=len(new),
        updated=len(changed),
        removed=len(removed),
        repaired=len(repaired),
        embedded_texts=embedded,
        seconds=time.perf_counter() - started,
    )


@contextmanager
def _disk_full_is_clear(settings: Settings) -> Iterator[None]:
    """A full disk mid-index is the user's to fix, not a traceback; the manifest still says
    "syncing", so the next run repairs whatever was cut off."""
    import errno

    try:
        yield
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        raise IndexStateError(
            f"the disk holding {settings.index_dir} is full ({error.strerror}); free some space "
            "and run 'assistant index' to finish."
        ) from None


def _derived_files_intact(files: IndexFiles, paper_ids: list[str]) -> bool:
    """Check what questions will trust: BM25, the paper store and the acronym map open and hold
    exactly this collection. Cheap next to embedding; anything damaged is rebuilt from the papers,
    with no re-embedding."""
    import sqlite3

    try:
        if bm25.load(files.bm25).doc_ids != paper_ids:
            return False
        store = PaperStore(files.papers, read_only=True)
        try:
            if [paper_id for paper_id, _ in store.titles()] != paper_ids:
                return False
            store.all()  # every record parses
            if not store.analysed():
                return False  # written before the analysis was stored, or by another version
        finally:
            store.close()
        return isinstance(json.loads(files.acronyms.read_text(encoding="utf-8")), dict)
    except (OSError, ValueError, KeyError, TypeError, IndexStateError, sqlite3.DatabaseError):
        return False


def _replace_papers(path: Path, collection: Sequence[Paper]) -> None:
    """Rewrite the paper store; one that is too damaged to open is removed and written anew."""
    import sqlite3

    try:
        PaperStore(path).replace_all(collection)
    except (IndexStateError, sqlite3.DatabaseError):
        path.unlink(missing_ok=True)
        PaperStore(path).replace_all(collection)


def _papers_digest(collection: Sequence[Paper]) -> str:
    """Identity of the collection's content and metadata (what BM25 and the paper store hold)."""
    import hashlib

    digest = hashlib.sha256()
    for paper in collection:
        digest.update(json.dumps(paper_to_record(paper), sort_keys=True).encode())
    return digest.hexdigest()[:24]


def _refresh_snapshot(settings: Settings, store: ChromaStore, *, changed: bool) -> bool:
    """Keep the query-time copy of the vectors in step with Chroma (embedded, small stores only)."""
    directory = IndexFiles(settings).root
    if settings.chroma_url is not None or store.count() > settings.dense_snapshot_max_chunks:
        snapshot.remove(directory)
        store.apply_search_ef()
        return False
    precision = settings.snapshot_precision
    if changed or snapshot.load(directory, verify=True, precision=precision) is None:
        ids, vectors = store.all_vectors()
        snapshot.write(directory, ids, vectors, precision=precision)
    store.apply_search_ef()
    return True


def _discard_vectors(settings: Settings, store: ChromaStore) -> None:
    """Remove the vector store; an embedded one is deleted from disk, since a damaged one cannot
    even be opened to drop its collection."""
    import shutil

    files = IndexFiles(settings)
    if settings.chroma_url is None:
        shutil.rmtree(files.chroma, ignore_errors=True)
        # chromadb keeps one system per path for the whole process; forget the deleted one.
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    else:
        store.drop()


def _analyse_meanwhile(collection: Sequence[Paper]) -> threading.Thread:
    """Analyse every paper's abstract in a thread (``analyse_paper`` caches its results)."""

    def analyse_all() -> None:
        for paper in collection:
            analyse_paper(paper.title, paper.abstract)

    thread = threading.Thread(target=analyse_all, name="analyse-papers", daemon=True)
    thread.start()
    return thread


def _embed_and_store(
    store: ChromaStore,
    embedder: Embedder,
    papers: Sequence[Paper],
    progress: Progress | None,
    batch_size: int,
) -> int:
    """Embed batch after batch; each batch is written to the store by a second thread while the
    next one is embedded (onnxruntime and Chroma both release the GIL). Writes keep their order,
    one at a time, and a failed write stops the loop at the next batch."""
    from concurrent.futures import Future, ThreadPoolExecutor

    total = len(papers)
    if progress:
        progress(0, total)
    embedded = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="chroma-write") as writer:
        pending: Future[None] | None = None
        for start in range(0, total, batch_size):
            batch = papers[start : start + batch_size]
            chunks = [chunk for paper in batch for chunk in chunks_for(paper)]
            texts = [paper.title for paper in batch] + [
                c.text for c in chunks if c.kind == "sentence"
            ]
            vectors = embedder.embed(texts)
            if pending is not None:
                pending.result()  # the previous batch is written (or its error raised here)
            pending = writer.submit(
                store.add_chunks,
                chunks,
                _chunk_vectors(batch, chunks, vectors),
                {p.id: p.content_hash for p in batch},
            )
            embedded += len(texts)
            if progress:
                progress(min(start + len(batch), total), total)
        if pending is not None:
            pending.result()
    return embedded


def _chunk_vectors(
    batch: Sequence[Paper], chunks: Sequence[Chunk], vectors: np.ndarray
) -> np.ndarray:
    """Sentence vectors as embedded; each paper vector derived from its title and sentences.

    Embedding whole abstracts would cost as much again as the sentences and would see only the first
    256 tokens; on evals/ the derived vector (sentence mean + TITLE_WEIGHT x title) retrieves better.
    """
    title_vectors = {paper.id: vectors[row] for row, paper in enumerate(batch)}
    sentence_rows = iter(range(len(batch), len(vectors)))
    by_paper: dict[str, list[np.ndarray]] = {}
    out = np.empty((len(chunks), vectors.shape[1]), dtype=np.float32)
    for position, chunk in enumerate(chunks):
        if chunk.kind == "sentence":
            out[position] = vectors[next(sentence_rows)]
            by_paper.setdefault(chunk.paper_id, []).append(out[position])
        else:
            sentences = by_paper.get(chunk.paper_id) or [title_vectors[chunk.paper_id]]
            combined = np.mean(sentences, axis=0) + TITLE_WEIGHT * title_vectors[chunk.paper_id]
            out[position] = combined / max(float(np.linalg.norm(combined)), 1e-9)
    return out


def _write_json(path: Path, value: object) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(value), encoding="utf-8")
    os.replace(temporary, path)


def ensure_current(
    settings: Settings,
    embedder: Embedder,
    progress: Progress | None = None,
    *,
    wait: bool = True,
) -> IndexReport | None:
    """Build or update the index when the collection moved; ``None`` when it was already current.

    ``wait=False`` is for a question: when another process is writing the index and a complete
    earlier build is on disk, answer from that instead of waiting. A writer (``add``) waits, since
    its own papers must end up indexed."""
    if is_current(settings, embedder.name):
        return None
    if not wait and answerable_meanwhile(settings):
        # Another process may be writing (an 'add', an 'index --rebuild'): rather than wait for
        # it, answer from the files it replaces whole when it is done.
        try:
            return sync(
                settings, embedder, progress=progress, skip_if_current=True, lock_wait_seconds=0
            )
        except IndexBusyError:
            return None
    return sync(settings, embedder, progress=progress, skip_if_current=True)
