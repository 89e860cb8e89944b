"""Similarity by embedding, for the sentences whose words could not settle their support."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.embedding import Embedder


class Semantic:
    """Embeds lazily, in one batch, only the sentences the words could not settle."""

    def __init__(self, embedder: Embedder | None) -> None:
        self.embedder = embedder
        self.requests: dict[Hashable, list[str]] = {}
        self.texts: dict[Hashable, str] = {}
        self.results: dict[Hashable, float] = {}
        # Per cited paper, for summarising sentences: key -> paper id -> candidates / cosine.
        # A key may also be (sentence index, part index): each part of a comparing sentence.
        self.paper_requests: dict[Hashable, dict[str, list[str]]] = {}
        self.paper_results: dict[Hashable, dict[str, float]] = {}

    def ask(self, key: Hashable, text: str, candidates: list[str]) -> None:
        self.texts[key] = text
        self.requests[key] = candidates

    def ask_each(self, key: Hashable, text: str, candidates: dict[str, list[str]]) -> None:
        self.texts[key] = text
        self.paper_requests[key] = candidates

    def run(self) -> None:
        if self.embedder is None or not (self.requests or self.paper_requests):
            return
        unique: list[str] = []
        for key, candidates in self.requests.items():
            unique.extend([self.texts[key], *candidates])
        for key, by_paper in self.paper_requests.items():
            unique.append(self.texts[key])
            for candidates in by_paper.values():
                unique.extend(candidates)
        unique = list(dict.fromkeys(unique))
        vectors = self.embedder.embed(unique)
        index = {text: row for row, text in enumerate(unique)}
        for key, candidates in self.requests.items():
            if not candidates:
                continue
            query = vectors[index[self.texts[key]]]
            rows = vectors[[index[candidate] for candidate in candidates]]
            self.results[key] = float(np.max(rows @ query))
        for key, by_paper in self.paper_requests.items():
            query = vectors[index[self.texts[key]]]
            self.paper_results[key] = {
                paper_id: float(np.max(vectors[[index[c] for c in candidates]] @ query))
                for paper_id, candidates in by_paper.items()
                if candidates
            }
