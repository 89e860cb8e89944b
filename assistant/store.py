"""The Chroma side of the index: an embedded ``PersistentClient`` by default, a server when configured.

Vectors are always computed by our own ``Embedder`` and passed in explicitly; the collection is opened
with ``embedding_function=None`` so Chroma never falls back to its default model (which downloads).
Each paper is stored as one ``paper`` chunk (title + abstract, with its text) and one ``sentence``
chunk per abstract sentence (vector and position only). The paper chunk is written last and carries the content hash: it is the commit record, so a
paper whose paper chunk is missing is treated as not indexed and its stray sentence chunks are removed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlparse

from assistant.errors import ConfigError, IndexStateError, StoreUnavailableError
from assistant.urls import masked_url

if TYPE_CHECKING:
    import numpy as np
    from chromadb.api.models.Collection import Collection

ChunkKind = Literal["paper", "sentence"]
_BATCH = 1_000
_QUIET_ENV = {"ANONYMIZED_TELEMETRY": "False", "CHROMA_ANONYMIZED_TELEMETRY": "False"}


@dataclass(frozen=True)
class Chunk:
    id: str
    paper_id: str
    kind: ChunkKind
    position: int
    text: str


@dataclass(frozen=True)
class HnswSettings:
    """Chroma's HNSW graph parameters; ``None`` leaves Chroma's default.

    ``construction_ef`` and ``max_neighbors`` shape the graph and apply when the collection is
    created; ``search_ef`` (candidates examined per query) can change at any time.
    """

    search_ef: int | None = None
    construction_ef: int | None = None
    max_neighbors: int | None = None

    def creation_metadata(self) -> dict[str, int]:
        chosen = {
            "hnsw:search_ef": self.search_ef,
            "hnsw:construction_ef": self.construction_ef,
            "hnsw:M": self.max_neighbors,
        }
        return {key: value for key, value in chosen.items() if value is not None}


@dataclass(frozen=True)
class ChunkHit:
    paper_id: str
    kind: ChunkKind
    position: int
    similarity: float


def parse_chunk_id(chunk_id: str, similarity: float) -> ChunkHit:
    paper_id, _, suffix = chunk_id.rpartition("#")
    if suffix == "paper":
        return ChunkHit(paper_id, "paper", -1, similarity)
    return ChunkHit(paper_id, "sentence", int(suffix[1:]), similarity)


def paper_chunk_id(paper_id: str) -> str:
    return f"{paper_id}#paper"


def sentence_chunk_id(paper_id: str, position: int) -> str:
    return f"{paper_id}#s{position}"


@contextmanager
def _chroma_errors(location: str) -> Iterator[None]:
    """Turn connection failures into one line naming the server, instead of a hang or a traceback."""
    try:
        yield
    except Exception as error:  # chromadb raises a zoo of httpx/grpc/Value errors for a dead server
        text = f"{type(error).__name__}: {error}"
        if "disk is full" in text or "No space left" in text:
            raise IndexStateError(
                f"the disk holding the vector store at {location} is full; free some space and "
                "run 'assistant index' to finish (nothing half-written is kept)."
            ) from None
        if _looks_unreachable(text):
            raise StoreUnavailableError(
                f"cannot reach the Chroma server at {location} ({_first_line(text)}); "
                "start it (chroma run --path DIR --port PORT) or unset ASSISTANT_CHROMA_URL."
            ) from None
        raise


def _bound_requests(client: Any, seconds: float) -> None:
    """Give every request of chromadb's HTTP client a total deadline of ``seconds``.

    Its httpx session is built with ``timeout=None``, and an httpx timeout is per read anyway: a
    server that stops mid-request would hang us forever. Every request goes through the server
    object's ``_make_request``; wrap it once (chromadb shares one server object per host).
    """
    from assistant.deadline import call_with_deadline

    server = getattr(client, "_server", None)
    session = getattr(server, "_session", None)
    if session is not None:
        import httpx

        session.timeout = httpx.Timeout(seconds)  # so an abandoned request ends too
    request = getattr(server, "_make_request", None)
    if request is None or getattr(request, "bounded_by_assistant", False):
        return

    def bounded(*args: Any, **kwargs: Any) -> Any:
        return call_with_deadline(lambda: request(*args, **kwargs), seconds)

    bounded.bounded_by_assistant = True  # type: ignore[attr-defined]
    server._make_request = bounded  # type: ignore[union-attr]


def _looks_unreachable(text: str) -> bool:
    needles = ("connect", "Connection", "refused", "timed out", "Timeout", "unreachable", "503")
    return any(needle in text for needle in needles)


def _first_line(text: str) -> str:
    return text.splitlines()[0][:160] if text else "no answer"


class ChromaStore:
    """One Chroma collection holding paper and sentence vectors with their paper ids."""

    def __init__(
        self,
        *,
        persist_dir: Path,
        collection_name: str,
        embedder_name: str,
        chroma_url: str | None = None,
        timeout: float = 5.0,
        hnsw: HnswSettings | None = None,
    ) -> None:
        self.persist_dir = persist_dir
        self.hnsw = hnsw or HnswSettings()
        self.collection_name = collection_name
        self.embedder_name = embedder_name
        self.chroma_url = chroma_url
        self.timeout = timeout
        self._collection: Collection | None = None
        self._count: int | None = None

    @property
    def location(self) -> str:
        """Where the vectors live, as shown to users: a server URL without its credentials."""
        return masked_url(self.chroma_url) if self.chroma_url else str(self.persist_dir)

    def _client(self) -> Any:
        for name, value in _QUIET_ENV.items():
            os.environ.setdefault(name, value)
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if self.chroma_url is None:
            try:
                self.persist_dir.mkdir(parents=True, exist_ok=True)
                return chromadb.PersistentClient(
                    path=str(self.persist_dir), settings=chroma_settings
                )
            except OSError as error:
                raise IndexStateError(
                    f"cannot open the vector store in {self.persist_dir} ({error.strerror}); make "
                    "the data directory writable or set ASSISTANT_HOME."
                ) from None
            except Exception as error:  # chromadb reports a damaged store with assorted types
                raise IndexStateError(
                    f"the vector store in {self.persist_dir} cannot be opened "
                    f"({_first_line(str(error))}); run 'assistant index --rebuild'."
                ) from None
        try:
            parsed = urlparse(self.chroma_url)
            port = parsed.port  # raises for a port out of range or a malformed IPv6 address
        except ValueError as error:
            raise ConfigError(
                f"chroma_url {self.location!r} is not a valid URL ({error}); set "
                "ASSISTANT_CHROMA_URL to one like http://127.0.0.1:8000."
            ) from None
        if parsed.scheme not in {"http", "https"} or not parsed.hostname:
            raise ConfigError(
                f"chroma_url {self.location!r} is not a URL like http://127.0.0.1:8000; fix ASSISTANT_CHROMA_URL."
            )
        from assistant.deadline import call_with_deadline

        with _chroma_errors(self.location):
            # The client asks the server who we are while it is built, before any timeout of ours
            # is in place: a paused server (SIGSTOP) or a socket that never answers would hang here.
            host = parsed.hostname
            client = call_with_deadline(
                lambda: chromadb.HttpClient(
                    host=host,
                    port=port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https",
                    settings=chroma_settings,
                ),
                self.timeout,
            )
        _bound_requests(client, self.timeout)
        return client

    def collection(self, *, create: bool = False) -> Collection:
        if self._collection is not None:
            return self._collection
        client = self._client()
        with _chroma_errors(self.location):
            if create:
                collection = client.get_or_create_collection(
                    self.collection_name,
                    embedding_function=None,
                    metadata={
                        "hnsw:space": "cosine",
                        "embedder": self.embedder_name,
                        **self.hnsw.creation_metadata(),
                    },
                )
            else:
                try:
                    collection = client.get_collection(
                        self.collection_name, embedding_function=None
                    )
                except Exception as error:
                    if "does not exist" in str(error) or "NotFound" in type(error).__name__:
                        raise IndexStateError(
                            f"the index has no Chroma collection '{self.collection_name}' at "
                            f"{self.location}; run 'assistant index' to build it."
                        ) from None
                    raise
        built_with = (collection.metadata or {}).get("embedder")
        if built_with and built_with != self.embedder_name:
            raise IndexStateError(
                f"the index was built with embedder '{built_with}' but settings select "
                f"'{self.embedder_name}'; run 'assistant index --rebuild'."
            )
        self._collection = collection
        return collection

    def apply_search_ef(self) -> None:
        """Give an existing collection the configured ``search_ef`` (a no-op when unset or equal)."""
        wanted = self.hnsw.search_ef
        if wanted is None:
            return
        collection = self.collection(create=True)
        with _chroma_errors(self.location):
            current = ((collection.configuration or {}).get("hnsw") or {}).get("ef_search")
            if current != wanted:
                collection.modify(configuration={"hnsw": {"ef_search": wanted}})

    def drop(self) -> None:
        client = self._client()
        with _chroma_errors(self.location):
            try:
                client.delete_collection(self.collection_name)
            except Exception as error:
                if "does not exist" not in str(error) and "NotFound" not in type(error).__name__:
                    raise
        self._collection = None

    def indexed_hashes(self) -> dict[str, str]:
        """Content hash of every fully indexed paper (those whose paper chunk exists)."""
        collection = self.collection(create=True)
        hashes: dict[str, str] = {}
        with _chroma_errors(self.location):
            total = collection.count()
            for offset in range(0, total, 5_000):
                page = collection.get(
                    where={"kind": "paper"}, include=["metadatas"], limit=5_000, offset=offset
                )
                for metadata in page["metadatas"] or []:
                    hashes[str(metadata["paper_id"])] = str(metadata["content_hash"])
        return hashes

    def orphan_paper_ids(self, complete: set[str]) -> set[str]:
        """Papers with sentence chunks but no paper chunk: an interrupted write, to be removed."""
        collection = self.collection(create=True)
        orphans: set[str] = set()
        with _chroma_errors(self.location):
            total = collection.count()
            for offset in range(0, total, 10_000):
                page = collection.get(include=["metadatas"], limit=10_000, offset=offset)
                for metadata in page["metadatas"] or []:
                    paper_id = str(metadata["paper_id"])
                    if paper_id not in complete:
                        orphans.add(paper_id)
        return orphans

    def delete_papers(self, paper_ids: Sequence[str]) -> None:
        collection = self.collection(create=True)
        self._count = None
        ids = list(paper_ids)
        with _chroma_errors(self.location):
            for start in range(0, len(ids), 200):
                batch: list[str | int | float | bool] = list(ids[start : start + 200])
                in_batch: dict[Literal["$in", "$nin"], list[str | int | float | bool]] = {
                    "$in": batch
                }
                collection.delete(where={"paper_id": in_batch})

    def add_chunks(
        self, chunks: Sequence[Chunk], vectors: np.ndarray, content_hashes: dict[str, str]
    ) -> None:
        """Write every sentence chunk, then the paper chunks, which commit their papers.

        Only paper chunks carry text (title + abstract): the sentences are re-derived from the
        abstract, and storing their text as well halved indexing speed (measured at 10k papers).
        """
        collection = self.collection(create=True)
        self._count = None
        rows = list(range(len(chunks)))
        sentence_rows = [row for row in rows if chunks[row].kind == "sentence"]
        paper_rows = [row for row in rows if chunks[row].kind == "paper"]
        with _chroma_errors(self.location):
            for with_text, selected in ((False, sentence_rows), (True, paper_rows)):
                for start in range(0, len(selected), _BATCH):
                    batch = selected[start : start + _BATCH]
                    collection.upsert(
                        ids=[chunks[row].id for row in batch],
                        embeddings=vectors[batch],
                        documents=[chunks[row].text for row in batch] if with_text else None,
                        metadatas=[_metadata(chunks[row], content_hashes) for row in batch],
                    )

    def query(self, vector: np.ndarray, n_results: int) -> list[ChunkHit]:
        collection = self.collection()
        with _chroma_errors(self.location):
            if self._count is None:
                self._count = int(collection.count())
            if self._count == 0:
                return []
            # Distances only: the chunk id says paper and position, and fetching metadata would
            # triple the cost of the query.
            result = collection.query(
                query_embeddings=[vector],
                n_results=min(n_results, self._count),
                include=["distances"],
            )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        return [
            parse_chunk_id(chunk_id, 1.0 - float(distance))
            for chunk_id, distance in zip(ids, distances, strict=True)
        ]

    def vectors_for(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of the given chunks (missing ids are left out)."""
        import numpy as np

        if not chunk_ids:
            return {}
        with _chroma_errors(self.location):
            page = self.collection().get(ids=list(chunk_ids), include=["embeddings"])
        embeddings = page["embeddings"]
        if embeddings is None:
            return {}
        return {
            chunk_id: np.asarray(vector, dtype=np.float32)
            for chunk_id, vector in zip(page["ids"], embeddings, strict=True)
        }

    def all_vectors(self) -> tuple[list[str], np.ndarray]:
        """Every chunk id with its vector, in pages (used to write the query-time snapshot)."""
        import numpy as np

        collection = self.collection()
        ids: list[str] = []
        pages: list[np.ndarray] = []
        with _chroma_errors(self.location):
            total = collection.count()
            for offset in range(0, total, 5_000):
                page = collection.get(include=["embeddings"], limit=5_000, offset=offset)
                ids.extend(page["ids"])
                pages.append(np.asarray(page["embeddings"], dtype=np.float32))
        vectors = np.concatenate(pages) if pages else np.zeros((0, 0), dtype=np.float32)
        return ids, vectors

    def count(self) -> int:
        with _chroma_errors(self.location):
            return int(self.collection(create=True).count())


def _metadata(chunk: Chunk, content_hashes: dict[str, str]) -> dict[str, str | int]:
    metadata: dict[str, str | int] = {
        "paper_id": chunk.paper_id,
        "kind": chunk.kind,
        "position": chunk.position,
    }
    if chunk.kind == "paper":
        metadata["content_hash"] = content_hashes[chunk.paper_id]
    return metadata
