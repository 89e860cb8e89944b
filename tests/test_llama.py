"""Our hybrid retriever plugged into a LlamaIndex pipeline."""

from __future__ import annotations

from llama_index.core.llms import MockLLM
from llama_index.core.query_engine import RetrieverQueryEngine

from assistant.llama import AssistantRetriever
from assistant.retrieve import Retriever
from assistant.settings import Settings


def test_adapter_works_inside_a_llamaindex_query_engine(indexed_settings: Settings) -> None:
    retriever = AssistantRetriever(Retriever(indexed_settings), k=5)
    nodes = retriever.retrieve("quantizing state space models")
    assert len(nodes) == 5
    assert any(node.node.metadata["title"].startswith("Quamba2") for node in nodes)
    assert all(node.node.node_id == node.node.metadata["paper_id"] for node in nodes)

    engine = RetrieverQueryEngine.from_args(retriever, llm=MockLLM(max_tokens=8))
    response = engine.query("how do entropy-based TTA methods differ")
    sources = {node.node.metadata["paper_id"] for node in response.source_nodes}
    assert "entropy-not-enough-dfa7" in sources
    assert len(response.source_nodes) == 5
