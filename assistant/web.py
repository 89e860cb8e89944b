"""A local page for ask / compare / related-work (``assistant serve``), on the standard library only.

It listens on a loopback address and nowhere else, and answers only requests addressed to it by a
loopback name (a web page elsewhere cannot reach it through DNS rebinding). The page and its script
ship in ``assistant/static/``; nothing is fetched from outside. An answer streams as server-sent events:
the LLM's draft text as it arrives, then each verified sentence, then the whole answer with the
abstract sentence behind every citation and the answer as Markdown, LaTeX and BibTeX for copying.
"""

from __future__ import annotations

import ipaddress
import json
import queue
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from assistant.errors import AssistantError, InputError, check_choice
from assistant.models import TASKS

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.models import Answer

STATIC_DIR = Path(__file__).resolve().parent / "static"  # index.html, app.js, app.css
_STATIC_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]", "::1")


def check_loopback(host: str) -> str:
    """The host to bind, if it is a loopback address; anything else is refused."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise InputError(
            f"--host {host} is not a loopback address; the page serves only this machine "
            "(use 127.0.0.1 or ::1)."
        ) from None
    if not address.is_loopback:
        raise InputError(
            f"--host {host} would expose your collection to the network; the page listens on "
            "loopback only (127.0.0.1 or ::1)."
        )
    return host.strip("[]")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], assistant: Callable[[], Assistant]) -> None:
        if ":" in address[0]:
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.assistant = assistant
        self.one_at_a_time = threading.Lock()  # the embedder and index readers are shared


def make_server(
    assistant: Callable[[], Assistant], host: str = "127.0.0.1", port: int = 8765
) -> _Server:
    """A bound server (port 0 picks a free one: read ``server.server_address``)."""
    return _Server((check_loopback(host), port), assistant)


def answer_payload(answer: Answer) -> dict[str, Any]:
    """What the page shows: the answer's data with support, plus its text in the copy formats."""
    from assistant.output import render_text
    from assistant.support import answer_data

    data = answer_data(answer)
    data["copy"] = {name: render_text(answer, name) for name in ("markdown", "latex", "bibtex")}
    return data


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return  # questions are the user's business; nothing is logged

    def do_GET(self) -> None:
        if not self._addressed_to_us():
            self._send_json({"error": "wrong Host header"}, HTTPStatus.FORBIDDEN)
            return
        url = urlsplit(self.path)
        query = {name: values[-1] for name, values in parse_qs(url.query).items()}
        if url.path == "/":
            self._send_static("index.html")
        elif url.path in ("/app.js", "/app.css"):
            self._send_static(url.path.lstrip("/"))
        elif url.path == "/api/answer":
            self._stream_answer(query)
        elif url.path == "/api/paper":
            self._send_paper(query.get("id", ""))
        else:
            self._send_json({"error": "not found"}, HTTPStatus.NOT_FOUND)

    def _addressed_to_us(self) -> bool:
        header = self.headers.get("Host") or ""
        name = header.split("]")[0] + "]" if header.startswith("[") else header.rsplit(":", 1)[0]
        return name in _LOOPBACK_NAMES

    def _send_static(self, name: str) -> None:
        path = STATIC_DIR / name
        body = path.read_bytes()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", _STATIC_TYPES[path.suffix] + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        # The page may run only its own script and talk only to this server.
        self.send_header(
            "Content-Security-Policy",
            "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'",
        )
        self.end_headers()
        self.wfile.write(body)

    def _send_json(self, value: object, status: HTTPStatus = HTTPStatus.OK) -> None:
        body = json.dumps(value, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_paper(self, paper_id: str) -> None:
        from assistant.support import paper_data

        try:
            with self.server.one_at_a_time:
                found = self.server.assistant().retriever.papers([paper_id]).get(paper_id)
        except AssistantError as error:
            self._send_json({"error": str(error)}, HTTPStatus.BAD_REQUEST)
            return
        if found is None:
            self._send_json({"error": f"no paper with id '{paper_id}'"}, HTTPStatus.NOT_FOUND)
            return
        self._send_json(paper_data(found))

    def _stream_answer(self, query: dict[str, str]) -> None:
        task = query.get("task", "ask")
        text = query.get("q", "")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        events: queue.Queue[tuple[str, object] | None] = queue.Queue()

        def run() -> None:
            try:
                answer = self._run_task(task, text, query.get("papers", ""), events.put)
                payload = answer_payload(answer)
                for index, sentence in enumerate(payload["sentences"]):
                    events.put(("sentence", {"index": index, **sentence}))
                events.put(("answer", payload))
            except AssistantError as error:
                events.put(("failure", {"error": str(error)}))
            finally:
                events.put(None)

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        try:
            self._send_event("status", {"message": "searching the collection"})
            while (event := events.get()) is not None:
                self._send_event(*event)
        except (BrokenPipeError, ConnectionResetError):
            return  # the reader went away; the worker finishes and its events are dropped

    def _send_event(self, name: str, value: object) -> None:
        data = json.dumps(value, ensure_ascii=False)
        self.wfile.write(f"event: {name}\ndata: {data}\n\n".encode())
        self.wfile.flush()

    def _run_task(
        self, task: str, text: str, papers: str, emit: Callable[[tuple[str, object]], None]
    ) -> Answer:
        check_choice(task, TASKS, "task")

        def draft(chunk: str) -> None:
            emit(("draft", {"text": chunk}))

        with self.server.one_at_a_time:
            assistant = self.server.assistant()
            if task == "ask":
                return assistant.ask(text, on_text=draft)
            if task == "related-work":
                return assistant.related_work(text, on_text=draft)
            ids = [part for part in papers.replace(",", " ").split() if part]
            if ids:
                return assistant.compare(text or None, paper_ids=ids, on_text=draft)
            return assistant.compare(text, on_text=draft)
