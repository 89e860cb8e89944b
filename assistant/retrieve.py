"""Dense and BM25 rankings over the index, fused by weighted reciprocal rank fusion.

Dense search scores a paper by its best chunk (the paper vector sees the first 256 tokens; sentence
vectors cover the rest of a long abstract). Both retrievers see the query with the collection's own
acronyms expanded, so "TTA" reaches the papers that only say "test-time adaptation" in full.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from assistant import bm25, snapshot
from assistant.errors import IndexStateError, InputError, check_choice
from assistant.index import IndexFiles, Progress, ensure_current, store_for
from assistant.models import (
    SEARCH_MODES,
    Paper,
    RetrieverName,
    RetrieverRank,
    SearchHit,
    SearchMode,
)
from assistant.paperstore import PaperStore
from assistant.settings import Settings
from assistant.snapshot import VectorSnapshot
from assistant.store import ChromaStore, ChunkHit, parse_chunk_id, sentence_chunk_id
from assistant.text import acronyms
from assistant.text.query import asked_part, left_out_phrases, listed_things, writes_name
from assistant.text.sentences import abstract_sentences

if TYPE_CHECKING:
    import numpy as np

    from assistant.embedding import Embedder


def reciprocal_rank_fusion(
    rankings: dict[RetrieverName, list[tuple[str, float]]],
    *,
    k: int = 60,
    weights: dict[RetrieverName, float] | None = None,
) -> list[tuple[str, float, tuple[RetrieverRank, ...]]]:
    """Fuse rankings: score = sum of weight / (k + rank); ties keep the first retriever's order."""
    fused: dict[str, float] = {}
    found_by: dict[str, list[RetrieverRank]] = {}
    for name, ranking in rankings.items():
        weight = 1.0 if weights is None else weights.get(name, 1.0)
        for rank, (paper_id, score) in enumerate(ranking, start=1):
            fused[paper_id] = fused.get(paper_id, 0.0) + weight / (k + rank)
            found_by.setdefault(paper_id, []).append(RetrieverRank(name, rank, score))
    order = sorted(fused, key=lambda paper_id: -fused[paper_id])
    return [(paper_id, fused[paper_id], tuple(found_by[paper_id])) for paper_id in order]


@dataclass
class Retrieval:
    """One query's rankings, kept so the assistant can reuse the dense chunk scores for evidence."""

    query: str
    expanded_query: str
    mode: SearchMode
    hits: list[SearchHit]
    chunk_hits: list[ChunkHit] = field(default_factory=list)
    bm25_scores: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    # Per paper, computed once here so later stages never read vector-store chunks: the cosine of
    # the paper's own vector, of its best sentences by position, and of its vector to the centroid
    # of the leading hits (how close it is to what the question is about, in meaning).
    paper_similarity: dict[str, float] = field(default_factory=dict)
    sentence_similarity: dict[str, dict[int, float]] = field(default_factory=dict)
    centroid_similarity: dict[str, float] = field(default_factory=dict)
    # Each hit's paper vector (unit length), so evidence can tell which papers sit close together
    # without reading the vector store again.
    paper_vectors: dict[str, Any] = field(default_factory=dict)
    # The cosine of each hit's paper vector to each thing the query lists (``listed_things``), by
    # paper id, in the order listed: which paper is about which listed thing (filled in by
    # ``Retriever.with_item_similarity`` for the tasks whose tiers read it).
    item_similarity: dict[str, tuple[float, ...]] = field(default_factory=dict)
    # How much closer each hit's paper vector is to the closest thing the query says it does not
    # want (``left_out_phrases``) than to the rest of the query, in cosine, by paper id (filled
    # in by ``Retriever.with_left_out_closeness``)
    left_out_closeness: dict[str, float] = field(default_factory=dict)
    # The collection's acronyms for a phrase the query spells out ("state space models" -> SSM):
    # a paper that says "SSM" says the phrase.
    phrase_acronyms: tuple[str, ...] = ()
    # ... and the stemmed long form each stands for, which may be only part of the query's phrase
    phrase_acronym_forms: tuple[tuple[str, tuple[str, ...]], ...] = ()


# The papers BM25 finds for a question's names, as a multiple of the most an answer may cite: a
# paper may write the name's words without the name ("GPT" without "GPT-2")
_WRITER_SEARCH_DEPTH = 4


class Retriever:
    """Opens the index lazily; cheap to construct, so the CLI can make one per command."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.files = IndexFiles(settings)
        self._embedder = embedder
        self._store: ChromaStore | None = None
        self._bm25: bm25.BM25Index | None = None
        self._papers: PaperStore | None = None
        self._acronyms: dict[str, list[str]] | None = None
        self._snapshot: VectorSnapshot | Literal[False] | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from assistant.embedding import make_embedder

            self._embedder = make_embedder(self.settings)
        return self._embedder

    def ensure_index(self, progress: Progress | None = None, *, wait: bool = True) -> None:
        """Build the index on first use, or bring it up to date when the collection changed."""
        report = ensure_current(self.settings, self.embedder, progress, wait=wait)
        if report is not None and report.changed:
            self._bm25 = self._papers = self._acronyms = self._snapshot = None  # reopen: rewritten

    @property
    def store(self) -> ChromaStore:
        if self._store is None:
            self._store = store_for(self.settings, self.embedder.name)
        return self._store

    @property
    def bm25_index(self) -> bm25.BM25Index:
        if self._bm25 is None:
            try:
                self._bm25 = bm25.load(self.files.bm25)
            except (OSError, ValueError, KeyError) as error:
                raise IndexStateError(
                    f"the BM25 index in {self.files.bm25} is missing or damaged ({error}); "
                    "run 'assistant index --rebuild'."
                ) from None
        return self._bm25

    @property
    def paper_store(self) -> PaperStore:
        if self._papers is None:
            self._papers = PaperStore(self.files.papers, read_only=True)
        return self._papers

    @property
    def acronym_map(self) -> dict[str, list[str]]:
        if self._acronyms is None:
            try:
                self._acronyms = json.loads(self.files.acronyms.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._acronyms = {}
        return self._acronyms or {}

    def expand(self, query: str) -> str:
        return acronyms.expand(query, self.acronym_map)

    # --- the two rankings -------------------------------------------------------------------

    def _vector_source(self) -> VectorSnapshot | ChromaStore:
        if self._snapshot is None and self.settings.chroma_url is None:
            self._snapshot = (
                snapshot.load(
                    self.files.root,
                    exact_max_rows=self.settings.retrieval.dense_exact_max_chunks,
                    rescore_rows=self.settings.retrieval.dense_rescore_chunks,
                )
                or False
            )
        return self._snapshot or self.store

    def dense_ranking(
        self, expanded_query: str, depth: int
    ) -> tuple[list[tuple[str, float]], list[ChunkHit]]:
        return self._dense_ranking(self.embedder.embed_query(expanded_query), depth)

    def _dense_ranking(
        self, vector: np.ndarray, depth: int
    ) -> tuple[list[tuple[str, float]], list[ChunkHit]]:
        chunk_hits = self._vector_source().query(
            vector, max(self.settings.retrieval.dense_chunk_depth, depth)
        )
        best: dict[str, float] = {}
        for hit in chunk_hits:
            if hit.similarity > best.get(hit.paper_id, -1.0):
                best[hit.paper_id] = hit.similarity
        ranking = sorted(best.items(), key=lambda item: -item[1])[:depth]
        return ranking, chunk_hits

    def bm25_ranking(self, expanded_query: str, depth: int) -> list[tuple[str, float]]:
        return self.bm25_index.search(expanded_query, depth)

    # --- search -----------------------------------------------------------------------------

    def retrieve(
        self, query: str, k: int | None = None, mode: SearchMode | None = None
    ) -> Retrieval:
        """Ranked papers for a query; each hit says which retriever found it and at what rank."""
        started = time.perf_counter()
        query = query.strip()
        if not query:
            raise InputError("the query is empty; type a question or a few keywords.")
        mode = mode or self.settings.search_mode
        check_choice(mode, SEARCH_MODES, "search mode")
        k = k or self.settings.top_k
        depth = max(self.settings.retrieval.fusion_depth, k)
        expanded = self.expand(query)
        # what the query says it does not want is not searched for: its words fetched the very
        # papers it disowns ("Not 3D Gaussian splatting-style representations")
        asked = asked_part(query)
        searched = expanded if asked == query else self.expand(asked)
        rankings: dict[RetrieverName, list[tuple[str, float]]] = {}
        chunk_hits: list[ChunkHit] = []
        if mode in ("hybrid", "bm25"):
            rankings["bm25"] = self.bm25_ranking(searched, depth)
        query_vector = None
        if mode in ("hybrid", "dense"):
            query_vector = self.embedder.embed_query(searched)
            rankings["dense"], chunk_hits = self._dense_ranking(query_vector, depth)
        fused = reciprocal_rank_fusion(
            rankings,
            k=self.settings.retrieval.rrf_k,
            weights={
                "bm25": self.settings.retrieval.bm25_weight,
                "dense": self.settings.retrieval.dense_weight,
            },
        )[:k]
        papers = self.paper_store.get_many([paper_id for paper_id, _, _ in fused])
        hits = [
            SearchHit(paper=papers[paper_id], score=score, rank=rank, found_by=found_by)
            for rank, (paper_id, score, found_by) in enumerate(
                ((p, s, f) for p, s, f in fused if p in papers), start=1
            )
        ]
        paper_similarity: dict[str, float] = {}
        sentence_similarity: dict[str, dict[int, float]] = {}
        for chunk in chunk_hits:
            if chunk.kind == "paper":
                paper_similarity[chunk.paper_id] = chunk.similarity
            else:
                sentence_similarity.setdefault(chunk.paper_id, {})[chunk.position] = (
                    chunk.similarity
                )
        centroid: dict[str, float] = {}
        paper_vectors: dict[str, Any] = {}
        if query_vector is not None:
            centroid, paper_vectors = self._paper_closeness(hits, query_vector, paper_similarity)
        forms = acronyms.spelled_out_forms(query, self.acronym_map)
        return Retrieval(
            query=query,
            expanded_query=expanded,
            mode=mode,
            hits=hits,
            chunk_hits=chunk_hits,
            bm25_scores=dict(rankings.get("bm25", [])),
            seconds=time.perf_counter() - started,
            paper_similarity=paper_similarity,
            sentence_similarity=sentence_similarity,
            centroid_similarity=centroid,
            paper_vectors=paper_vectors,
            phrase_acronyms=tuple(dict.fromkeys(acronym for acronym, _ in forms)),
            phrase_acronym_forms=forms,
        )

    def _paper_closeness(
        self,
        hits: Sequence[SearchHit],
        query_vector: np.ndarray,
        paper_similarity: dict[str, float],
    ) -> tuple[dict[str, float], dict[str, np.ndarray]]:
        """Fills in the query cosine of every hit's paper vector (the chunk search returns only
        the nearest few hundred chunks) and returns each hit's cosine to the mean vector of the
        leading hits (papers about the same thing as the best matches sit close to it even when
        they share no word with the question: pseudo-relevance feedback in the vector space),
        with the paper vectors themselves, by paper id."""
        import numpy as np

        chunk_ids = [f"{hit.paper.id}#paper" for hit in hits]
        vectors = self._vector_source().vectors_for(chunk_ids)
        by_paper = {chunk_id.rpartition("#")[0]: vector for chunk_id, vector in vectors.items()}
        for paper_id, vector in by_paper.items():
            paper_similarity.setdefault(paper_id, float(vector @ query_vector))
        leading = [
            vectors[chunk_id]
            for chunk_id in chunk_ids[: self.settings.retrieval.centroid_hits]
            if chunk_id in vectors
        ]
        if not leading:
            return {}, by_paper
        centre = np.mean(leading, axis=0)
        norm = float(np.linalg.norm(centre))
        if norm <= 0:
            return {}, by_paper
        centre = centre / norm
        return {paper_id: float(vector @ centre) for paper_id, vector in by_paper.items()}, by_paper

    def clause_similarity(
        self, clauses: Sequence[str], papers: Sequence[Paper]
    ) -> dict[tuple[str, int], tuple[float, ...]]:
        """The cosine of every abstract sentence of ``papers`` to each of ``clauses``, by (paper
        id, sentence index): what each sentence says of what a comparison asks, in meaning where
        it shares no word ("what information does each use to set it" and "The DoG step sizes
        depend on simple empirical quantities (distance from the initial point and norms of
        gradients)"). From the stored sentence vectors; empty when the index holds none."""
        if not clauses or not papers:
            return {}
        chunk_ids = [
            sentence_chunk_id(paper.id, position)
            for paper in papers
            for position in range(len(abstract_sentences(paper.abstract)))
        ]
        vectors = self._vector_source().vectors_for(chunk_ids)
        if not vectors:
            return {}
        import numpy as np

        # one batch: the embedder's query vector is its batch vector for the same text
        queries = np.asarray(self.embedder.embed(list(clauses)))
        out: dict[tuple[str, int], tuple[float, ...]] = {}
        for chunk_id, vector in vectors.items():
            hit = parse_chunk_id(chunk_id, 0.0)
            out[(hit.paper_id, hit.position)] = tuple(float(value) for value in queries @ vector)
        return out

    def with_item_similarity(self, retrieval: Retrieval) -> Retrieval:
        """``retrieval`` with each hit's paper-vector cosine to each thing the query lists
        (``listed_things``), in one embedding batch; as it was when it lists fewer than two or
        holds no paper vectors. Only a topic answer's tiers read it, so a lookup, a comparison
        or a search does not pay for it."""
        items = listed_things(retrieval.query)
        if not items or not retrieval.paper_vectors:
            return retrieval
        import numpy as np

        item_vectors = np.asarray(self.embedder.embed(items))
        return replace(
            retrieval,
            item_similarity={
                paper_id: tuple(float(value) for value in item_vectors @ vector)
                for paper_id, vector in retrieval.paper_vectors.items()
            },
        )

    def with_left_out_closeness(self, retrieval: Retrieval) -> Retrieval:
        """``retrieval`` with how much closer each hit's paper vector is to what the query says it
        does not want than to the rest of it; as it was when it disowns nothing or holds no paper
        vectors (most requests: they pay nothing)."""
        phrases, rest = left_out_phrases(retrieval.query)
        if not phrases or not retrieval.paper_vectors:
            return retrieval
        import numpy as np

        # (against the request without what it disowns: "Leave recommender item catalogues
        # aside" brings the whole request's vector closer to recommenders)
        vectors = np.asarray(self.embedder.embed([rest, *phrases]))
        return replace(
            retrieval,
            left_out_closeness={
                paper_id: float((vectors[1:] @ vector).max() - vectors[0] @ vector)
                for paper_id, vector in retrieval.paper_vectors.items()
            },
        )

    def with_name_writers(self, retrieval: Retrieval, names: Sequence[str]) -> Retrieval:
        """``retrieval`` with the papers that write one of ``names`` ("ImageNet", "GPT-2") added
        after its hits: found by BM25 over the names' words, kept where the name is written as
        such. A question about which papers use a dataset or a model wants every one of them,
        and the fused ranking puts a paper that only reports ImageNet accuracy far down."""
        if not names:
            return retrieval
        held = {hit.paper.id for hit in retrieval.hits}
        # each name as written and run together ("GPT-2" is also written "GPT2")
        words = " ".join(f"{name} {name.replace('-', '')}" for name in names)
        found = self.bm25_index.search(
            words, k=self.settings.max_evidence_papers * _WRITER_SEARCH_DEPTH
        )
        ids = [paper_id for paper_id, _ in found if paper_id not in held]
        papers = self.paper_store.get_many(ids)
        writers = [
            paper
            for paper_id in ids
            if (paper := papers.get(paper_id)) is not None
            and any(writes_name(name, f"{paper.title}. {paper.abstract}") for name in names)
        ]
        if not writers:
            return retrieval
        start = len(retrieval.hits)
        extra = [
            SearchHit(paper=paper, score=0.0, rank=start + position)
            for position, paper in enumerate(writers, start=1)
        ]
        return replace(retrieval, hits=[*retrieval.hits, *extra])

    def word_writers(self, word: str) -> list[str]:
        """The title and abstract of every paper writing one of ``word``'s stems (BM25 over
        them: every paper scoring above zero writes one)."""
        found = self.bm25_index.search(word, k=len(self.bm25_index.doc_ids))
        papers = self.paper_store.get_many([paper_id for paper_id, _ in found])
        return [f"{paper.title}. {paper.abstract}" for paper in papers.values()]

    def papers(self, paper_ids: Sequence[str]) -> dict[str, Paper]:
        return self.paper_store.get_many(paper_ids)

    def paper(self, paper_id: str) -> Paper | None:
        return self.paper_store.get(paper_id)
