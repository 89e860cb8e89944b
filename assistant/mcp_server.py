"""The collection as an MCP server over stdio (``assistant mcp``), built on the official ``mcp`` SDK.

Tools: search, ask, compare, related_work and paper. Every answer tool returns the verified
sentences, their citations, the abstract sentence that supports each citation and the references.
A user mistake (an unknown id, an empty question, a bad mode) is a tool error the model can read and
correct; the server keeps running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.errors import AssistantError
from assistant.models import SEARCH_MODES

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

    from assistant.assistant import Assistant
    from assistant.retrieve import Retriever
    from assistant.settings import Settings

SERVER_INSTRUCTIONS = (
    "Questions about a local collection of scientific papers. Every sentence of an answer cites "
    "paper ids in brackets and has been checked against the cited abstracts; 'support' gives the "
    "abstract sentence behind each citation. Use search to find papers, paper to read one."
)
_Result = TypeVar("_Result")


def build_server(
    settings: Settings | None = None, *, retriever: Retriever | None = None
) -> MCPServer:
    """The MCP server; the assistant is made on the first tool call. Calls run one at a time (the
    embedder and the index readers are shared)."""
    import threading
    from importlib.metadata import version

    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError

    from assistant.settings import load_settings

    chosen = settings or load_settings()
    server = MCPServer(
        name="assistant",
        instructions=SERVER_INSTRUCTIONS,
        version=version("assistant"),
        log_level="WARNING",  # stderr is the user's terminal or the client's log: failures only
    )
    holder: list[Assistant] = []
    one_at_a_time = threading.Lock()

    def assistant() -> Assistant:
        if not holder:
            from assistant.assistant import Assistant

            built = Assistant(chosen, retriever=retriever)
            built.retriever.ensure_index()
            holder.append(built)
        return holder[0]

    def guarded(call: Callable[[], _Result]) -> _Result:
        try:
            with one_at_a_time:
                return call()
        except AssistantError as error:
            raise ToolError(str(error)) from None

    def check_mode(mode: str | None) -> Any:
        if mode is not None and mode not in SEARCH_MODES:
            raise ToolError(f"unknown mode '{mode}'; use one of: {', '.join(SEARCH_MODES)}.")
        return mode

    @server.tool()
    def search(query: str, k: int = 10, mode: str | None = None) -> dict[str, Any]:
        """Find papers in the collection (hybrid dense + BM25 unless mode is 'dense' or 'bm25')."""
        if not query.strip():
            raise ToolError("the query is empty; give keywords or a question.")
        if not 1 <= k <= 200:
            raise ToolError("k must be between 1 and 200.")
        chosen_mode = check_mode(mode)
        retrieval = guarded(lambda: assistant().retriever.retrieve(query, k, chosen_mode))
        return {
            "query": retrieval.query,
            "results": [
                {
                    "id": hit.paper.id,
                    "title": hit.paper.title,
                    "score": round(hit.score, 6),
                    "rank": hit.rank,
                }
                for hit in retrieval.hits
            ],
        }

    @server.tool()
    def ask(question: str, mode: str | None = None) -> dict[str, Any]:
        """Answer a question from the collection; every sentence cited and verified."""
        from assistant.support import answer_data

        chosen_mode = check_mode(mode)
        return answer_data(guarded(lambda: assistant().ask(question, mode=chosen_mode)))

    @server.tool()
    def compare(
        topic: str | None = None, paper_ids: list[str] | None = None, mode: str | None = None
    ) -> dict[str, Any]:
        """Compare the papers on a topic, or the papers given by id (two or more): shared ground,
        differences and a table whose cells point at abstract sentences."""
        from assistant.support import answer_data

        chosen_mode = check_mode(mode)
        return answer_data(
            guarded(lambda: assistant().compare(topic, paper_ids=paper_ids, mode=chosen_mode))
        )

    @server.tool()
    def related_work(topic: str, mode: str | None = None) -> dict[str, Any]:
        """A related-work section on a topic (also as LaTeX with BibTeX), every sentence cited."""
        from assistant.support import answer_data

        chosen_mode = check_mode(mode)
        return answer_data(guarded(lambda: assistant().related_work(topic, mode=chosen_mode)))

    @server.tool()
    def paper(paper_id: str) -> dict[str, Any]:
        """One paper by id: title, authors, year, venue, DOI/URL, abstract and its sentences."""
        from assistant.support import paper_data

        found = guarded(lambda: assistant().retriever.papers([paper_id])).get(paper_id)
        if found is None:
            raise ToolError(f"no paper with id '{paper_id}'; use search to find ids.")
        return paper_data(found)

    return server


def serve_stdio(settings: Settings | None = None, *, retriever: Retriever | None = None) -> None:
    build_server(settings, retriever=retriever).run("stdio")
