"""Our hybrid retriever as a LlamaIndex ``BaseRetriever``, for users with their own LlamaIndex code.

    from assistant.llama import AssistantRetriever
    engine = RetrieverQueryEngine.from_args(AssistantRetriever.from_settings(), llm=my_llm)

Each node is one paper (title + abstract) with its id, title and the retrievers that found it in the
metadata; the node id is the paper id, so citations made downstream stay checkable.
"""

from __future__ import annotations

from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from assistant.models import SearchMode
from assistant.retrieve import Retriever
from assistant.settings import Settings, load_settings


class AssistantRetriever(BaseRetriever):
    def __init__(
        self, retriever: Retriever, *, k: int = 10, mode: SearchMode | None = None, **kwargs: Any
    ) -> None:
        self._assistant_retriever = retriever
        self._k = k
        self._mode = mode
        super().__init__(**kwargs)

    @classmethod
    def from_settings(
        cls, settings: Settings | None = None, *, k: int = 10, mode: SearchMode | None = None
    ) -> AssistantRetriever:
        retriever = Retriever(settings or load_settings())
        retriever.ensure_index()
        return cls(retriever, k=k, mode=mode)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        retrieval = self._assistant_retriever.retrieve(query_bundle.query_str, self._k, self._mode)
        nodes = []
        for hit in retrieval.hits:
            node = TextNode(
                id_=hit.paper.id,
                text=f"{hit.paper.title}\n\n{hit.paper.abstract}",
                metadata={
                    "paper_id": hit.paper.id,
                    "title": hit.paper.title,
                    "rank": hit.rank,
                    "found_by": ", ".join(f"{r.retriever}#{r.rank}" for r in hit.found_by),
                },
                excluded_embed_metadata_keys=["found_by", "rank"],
                excluded_llm_metadata_keys=["found_by", "rank"],
            )
            nodes.append(NodeWithScore(node=node, score=hit.score))
        return nodes
