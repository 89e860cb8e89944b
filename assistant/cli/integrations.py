"""The assistant served to other programs: an MCP server and a local web page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.base import (
    _console,
    _ready_retriever,
    _settings,
    app,
)

if TYPE_CHECKING:
    pass


# --- integrations -------------------------------------------------------------------------------


@app.command("mcp")
def mcp_server() -> None:
    """Serve the collection to MCP clients (Claude Desktop, IDEs, agents) over stdio."""
    from assistant.mcp_server import serve_stdio

    settings = _settings()
    serve_stdio(settings, retriever=_ready_retriever(settings))  # index built before the handshake


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Loopback address to listen on (127.0.0.1 or ::1).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port (0 picks a free one).", min=0)] = 8765,
) -> None:
    """A local page for ask, compare and related-work with clickable, checked citations."""
    from assistant.assistant import Assistant
    from assistant.web import check_loopback, make_server

    check_loopback(host)  # refuse before building anything
    settings = _settings()
    assistant = Assistant(settings, retriever=_ready_retriever(settings))
    server = make_server(lambda: assistant, host, port)
    bound_host, bound_port = str(server.server_address[0]), int(server.server_address[1])
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    _console(stderr=True).print(
        f"serving on http://{shown}:{bound_port}/ (this machine only; Ctrl-C stops)", markup=False
    )
    try:
        server.serve_forever()
    finally:
        server.server_close()
