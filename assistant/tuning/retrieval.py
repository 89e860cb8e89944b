"""Tuning numbers of retrieval: the rankings and their fusion."""

from __future__ import annotations

from pydantic import Field

from assistant.tuning.group import Group


class RetrievalSettings(Group):
    """Retrieve: dense and BM25 rankings fused into one."""

    rrf_k: int = Field(
        default=10,
        ge=1,
        description="Reciprocal rank fusion constant (tuned on evals/: 10-20 is a plateau).",
    )
    bm25_weight: float = Field(
        default=1.0, ge=0, description="Weight of the BM25 ranking in fusion."
    )
    dense_weight: float = Field(
        default=0.4,
        ge=0,
        description="Weight of the dense ranking in fusion (BM25 is the stronger retriever here).",
    )
    fusion_depth: int = Field(
        default=50, ge=5, description="How deep each retriever's ranking goes into fusion."
    )
    dense_chunk_depth: int = Field(
        default=300,
        ge=1,
        description=(
            "Vector-store chunks fetched per question before they are grouped into papers (a "
            "paper has a title chunk and one per sentence, so this covers the top papers' sentences)."
        ),
    )
    dense_exact_max_chunks: int = Field(
        default=50_000,
        ge=0,
        description=(
            "Up to this many vectors (about 5k papers) the numpy snapshot is searched exactly, every "
            "vector scored; above it, by the vectors' sign codes (48 bytes a vector, scanned whole) "
            "and an exact re-score of the nearest dense_rescore_chunks. The codes are always "
            "written, so a change applies to the next question."
        ),
    )
    dense_rescore_chunks: int = Field(
        default=2_000,
        ge=1,
        description=(
            "Above dense_exact_max_chunks: candidates chosen by the sign codes and scored exactly "
            "(at least four times the chunks asked for). On the 100k synthetic set they held 77% / "
            "81% / 86% / 90% of exact search's ten nearest chunks at 1,000 / 2,000 / 4,000 / 8,000 "
            "(search p50 60 / 64 / 76 / 100 ms on a busy machine where exact search took 477 ms); "
            "every planted answer was found at each."
        ),
    )
    centroid_hits: int = Field(
        default=3,
        ge=1,
        description="Leading dense hits whose mean vector stands for what the question is about.",
    )
    papers_per_question: int = Field(
        default=40,
        ge=1,
        description=(
            "Papers retrieved per question (ask, compare, related-work): the relevance model judges "
            "each of them, so this bounds how many an answer can draw on."
        ),
    )
