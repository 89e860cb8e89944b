"""Local stand-ins for the services the assistant talks to, for tests; nothing leaves 127.0.0.1.

- ``ScriptedOpenAIServer``: an OpenAI-compatible HTTP server whose answers are scripted with
  ``enqueue(Reply.text(...))``, ``Reply.error(...)``, ``Reply.delay(...)`` and friends, and which
  records every request it receives.
- ``ChromaServer``: a real ``chroma run`` subprocess on a free local port with its own data
  directory, which can be stopped and started again on the same port and path.

The fixtures at the bottom (``openai_server``, ``chroma_server``) are meant to be imported into
``tests/conftest.py``.
"""

from __future__ import annotations

import atexit
import base64
import collections
import contextlib
import hashlib
import http.server
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

import pytest

if TYPE_CHECKING:
    from typing import Self

    from chromadb.api import ClientAPI

ReplyKind = Literal["text", "error", "delay", "malformed", "truncated_stream", "disconnect"]
Endpoint = Literal["chat", "embeddings"]

DEFAULT_CHAT_MODEL = "test-chat-model"
DEFAULT_EMBEDDING_MODEL = "test-embedding-model"


# --------------------------------------------------------------------------------------------
# Scripted OpenAI-compatible server
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """One scripted answer; build it with the class methods, not the constructor."""

    kind: ReplyKind
    content: str = ""
    status: int = 200
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    then: Reply | None = None
    finish_reason: str = "stop"
    content_type: str = "application/json"

    @classmethod
    def text(cls, content: str, *, finish_reason: str = "stop") -> Reply:
        """A normal completion; streamed word by word when the request asked for ``stream``."""
        return cls(kind="text", content=content, finish_reason=finish_reason)

    @classmethod
    def error(
        cls, status: int, body: Any = None, headers: Mapping[str, str] | None = None
    ) -> Reply:
        """An HTTP error; ``body`` is a dict (sent as JSON) or a str, by default OpenAI-shaped."""
        if body is None:
            body = {
                "error": {
                    "message": f"Scripted error {status}",
                    "type": "scripted_error",
                    "code": None,
                }
            }
        return cls(kind="error", status=status, body=body, headers=dict(headers or {}))

    @classmethod
    def delay(cls, seconds: float, then: Reply | None = None) -> Reply:
        """Wait ``seconds`` before answering with ``then`` (the default answer when omitted)."""
        return cls(kind="delay", seconds=seconds, then=then)

    @classmethod
    def malformed(
        cls, body: str = "this is not JSON {", *, content_type: str = "application/json"
    ) -> Reply:
        """A 200 whose body cannot be parsed; for a stream, one SSE event whose data is ``body``."""
        return cls(kind="malformed", body=body, content_type=content_type)

    @classmethod
    def truncated_stream(cls, partial_text: str) -> Reply:
        """Send ``partial_text`` as chunks, then drop the connection without ``[DONE]``."""
        return cls(kind="truncated_stream", content=partial_text)

    @classmethod
    def disconnect(cls) -> Reply:
        """Close the connection without sending any response at all."""
        return cls(kind="disconnect")


@dataclass(frozen=True)
class RecordedRequest:
    """A request the scripted server received; header names are lower-cased."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: Any
    raw_body: bytes

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The chat ``messages`` sent, or ``[]`` for other requests."""
        if isinstance(self.body, dict):
            return list(self.body.get("messages") or [])
        return []

    @property
    def prompt_text(self) -> str:
        """Every message's text content joined by blank lines, for ``in`` assertions."""
        texts: list[str] = []
        for message in self.messages:
            content = message.get("content")
            if isinstance(content, str):
                texts.append(content)
            elif isinstance(content, list):
                texts.extend(
                    part.get("text", "")
                    for part in content
                    if isinstance(part, dict) and part.get("type") == "text"
                )
        return "\n\n".join(texts)


def fake_embedding(text: str, dimension: int) -> list[float]:
    """A deterministic unit vector derived from ``text``; values survive a float32 round trip."""
    values: list[float] = []
    counter = 0
    while len(values) < dimension:
        digest = hashlib.sha256(f"{counter}:{text}".encode()).digest()
        values.extend(
            (int.from_bytes(digest[offset : offset + 4], "big") / 0xFFFFFFFF) * 2.0 - 1.0
            for offset in range(0, len(digest), 4)
        )
        counter += 1
    values = values[:dimension]
    norm = sum(value * value for value in values) ** 0.5 or 1.0
    unit = [value / norm for value in values]
    # The openai client asks for base64 float32 by default; rounding here keeps the float and
    # base64 encodings equal to what this function returns.
    return list(struct.unpack(f"<{dimension}f", struct.pack(f"<{dimension}f", *unit)))


def _stream_pieces(text: str) -> list[str]:
    return re.findall(r"\S+\s*|\s+", text)


def _word_count(value: Any) -> int:
    return len(json.dumps(value).split()) if value is not None else 0


class _ScriptedHTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    scripted: ScriptedOpenAIServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that reset a kept-alive connection (timeouts, close()) are expected here;
        # anything else is a bug in the handler and keeps the default traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _ScriptedHandler(http.server.BaseHTTPRequestHandler):
    # HTTP/1.1 so the openai client keeps connections alive and streams use chunked encoding,
    # which is what lets a truncated stream be detected by the client.
    protocol_version = "HTTP/1.1"
    server: _ScriptedHTTPServer

    def setup(self) -> None:
        super().setup()
        self.server.scripted._track_connection(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.scripted._track_connection(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw_body) if raw_body else None
        except ValueError:
            body = None
        path = self.path.split("?", 1)[0].rstrip("/")
        scripted = self.server.scripted
        scripted._record(
            RecordedRequest(
                method=method,
                path=path,
                headers={name.lower(): value for name, value in self.headers.items()},
                body=body,
                raw_body=raw_body,
            )
        )
        try:
            if method == "GET" and path == "/v1/models":
                self._send_json(200, scripted._models_payload())
            elif method == "POST" and path == "/v1/chat/completions":
                self._answer_chat(body if isinstance(body, dict) else {})
            elif method == "POST" and path == "/v1/embeddings":
                self._answer_embeddings(body if isinstance(body, dict) else {})
            else:
                self._send_json(
                    404,
                    {
                        "error": {
                            "message": f"No route {method} {path}",
                            "type": "not_found",
                        }
                    },
                )
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (e.g. its timeout fired during a delay); nothing to answer.
            self.close_connection = True

    def _next_reply(self, endpoint: Endpoint) -> Reply | None:
        """The scripted reply after any delays, or None if the server is stopping."""
        scripted = self.server.scripted
        reply = scripted._pop_reply(endpoint)
        while reply.kind == "delay":
            if scripted._stopping.wait(reply.seconds):
                return None
            reply = reply.then or scripted._default_reply(endpoint)
        return reply

    def _answer_chat(self, body: dict[str, Any]) -> None:
        reply = self._next_reply("chat")
        if reply is None or reply.kind == "disconnect":
            self.close_connection = True
            return
        stream = bool(body.get("stream"))
        if stream and reply.kind == "malformed":
            self._stream_malformed(reply)
            return
        if self._answer_failure(reply):
            return
        model = str(body.get("model") or DEFAULT_CHAT_MODEL)
        if reply.kind == "truncated_stream":
            if stream:
                self._stream_chat(reply, body, model, complete=False)
            else:
                # A body shorter than its Content-Length: the client sees a dropped connection.
                partial = json.dumps(self.server.scripted._completion(reply, body, model))
                encoded = partial.encode()[: max(1, len(partial) // 2)]
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(encoded) * 2))
                self.end_headers()
                self.wfile.write(encoded)
                self.wfile.flush()
                self.close_connection = True
        elif stream:
            self._stream_chat(reply, body, model, complete=True)
        else:
            self._send_json(200, self.server.scripted._completion(reply, body, model))

    def _answer_embeddings(self, body: dict[str, Any]) -> None:
        reply = self._next_reply("embeddings")
        if reply is None or reply.kind == "disconnect":
            self.close_connection = True
            return
        if self._answer_failure(reply):
            return
        self._send_json(200, self.server.scripted._embeddings_payload(body))

    def _answer_failure(self, reply: Reply) -> bool:
        """Send error and malformed replies; False when the reply is a success to build."""
        if reply.kind == "error":
            if isinstance(reply.body, (dict, list)):
                payload = json.dumps(reply.body).encode()
                content_type = "application/json"
            else:
                payload = str(reply.body).encode()
                content_type = "text/plain; charset=utf-8"
            self._send_bytes(reply.status, payload, content_type, reply.headers)
            return True
        if reply.kind == "malformed":
            self._send_bytes(200, str(reply.body).encode(), reply.content_type, {})
            return True
        return False

    def _stream_chat(self, reply: Reply, body: dict[str, Any], model: str, complete: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        scripted = self.server.scripted
        for chunk in scripted._completion_chunks(reply, body, model, complete=complete):
            self._write_chunk(f"data: {json.dumps(chunk)}\n\n".encode())
        if not complete:
            # No [DONE] and no terminating zero-length chunk: the body is visibly cut short.
            self.close_connection = True
            return
        self._write_chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _stream_malformed(self, reply: Reply) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._write_chunk(f"data: {reply.body}\n\n".encode())
        self._write_chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _send_json(self, status: int, payload: Any) -> None:
        self._send_bytes(status, json.dumps(payload).encode(), "application/json", {})

    def _send_bytes(
        self, status: int, payload: bytes, content_type: str, headers: Mapping[str, str]
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)
        self.wfile.flush()


class ScriptedOpenAIServer:
    """An OpenAI-compatible server on 127.0.0.1 that answers from a queue of ``Reply`` objects.

    Serves ``POST /v1/chat/completions`` (plain and ``"stream": true``), ``POST /v1/embeddings``
    (``fake_embedding`` vectors, float or base64) and ``GET /v1/models``. Chat and embeddings
    have separate queues; when a queue is empty the default answer is used (``default_text``
    for chat, vectors for embeddings). Every request is kept in ``requests``.
    """

    def __init__(
        self,
        *,
        default_text: str = "OK",
        embedding_dimension: int = 8,
        models: tuple[str, ...] = (DEFAULT_CHAT_MODEL, DEFAULT_EMBEDDING_MODEL),
    ) -> None:
        self.default_text = default_text
        self.embedding_dimension = embedding_dimension
        self.models = models
        self._lock = threading.Lock()
        self._queues: dict[Endpoint, collections.deque[Reply]] = {
            "chat": collections.deque(),
            "embeddings": collections.deque(),
        }
        self._requests: list[RecordedRequest] = []
        self._connections: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._completion_count = 0
        self._httpd: _ScriptedHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> Self:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        httpd = _ScriptedHTTPServer(("127.0.0.1", 0), _ScriptedHandler)
        httpd.scripted = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="scripted-openai-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and drop open connections, so kept-alive clients fail too."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown()
        httpd.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("ScriptedOpenAIServer is not running; call start() first.")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """What to pass as ``base_url`` / ``api_base`` to an OpenAI client."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting and inspection -------------------------------------------------------------

    def enqueue(self, *replies: Reply, endpoint: Endpoint = "chat") -> None:
        """Queue replies for the next requests to ``endpoint`` ("chat" or "embeddings")."""
        for reply in replies:
            final = reply
            while final.kind == "delay" and final.then is not None:
                final = final.then
            if endpoint == "embeddings" and final.kind in ("text", "truncated_stream"):
                raise ValueError(f"Reply.{final.kind}() only makes sense for chat completions.")
        with self._lock:
            self._queues[endpoint].extend(replies)

    def unused_replies(self, endpoint: Endpoint = "chat") -> int:
        """How many enqueued replies have not been served yet."""
        with self._lock:
            return len(self._queues[endpoint])

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def last_request(self) -> RecordedRequest:
        with self._lock:
            if not self._requests:
                raise AssertionError("The scripted OpenAI server has received no requests.")
            return self._requests[-1]

    def requests_to(self, path: str) -> list[RecordedRequest]:
        """Requests whose path is ``path``, e.g. ``"/v1/chat/completions"``."""
        return [request for request in self.requests if request.path == path]

    # -- used by the handler ------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _track_connection(self, connection: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def _default_reply(self, endpoint: Endpoint) -> Reply:
        # Embedding requests ignore the text: any success-kind reply means "answer with vectors".
        return Reply.text(self.default_text)

    def _pop_reply(self, endpoint: Endpoint) -> Reply:
        with self._lock:
            queue = self._queues[endpoint]
            if queue:
                return queue.popleft()
        return self._default_reply(endpoint)

    def _next_completion_id(self) -> str:
        with self._lock:
            self._completion_count += 1
            return f"chatcmpl-scripted-{self._completion_count}"

    def _models_payload(self) -> dict[str, Any]:
        return {
            "object": "list",
            "data": [
                {"id": name, "object": "model", "created": 0, "owned_by": "scripted"}
                for name in self.models
            ],
        }

    def _usage(self, body: dict[str, Any], content: str) -> dict[str, int]:
        prompt_tokens = _word_count(body.get("messages"))
        completion_tokens = len(content.split())
        return {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        }

    def _completion(self, reply: Reply, body: dict[str, Any], model: str) -> dict[str, Any]:
        return {
            "id": self._next_completion_id(),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.content},
                    "finish_reason": reply.finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": self._usage(body, reply.content),
        }

    def _completion_chunks(
        self, reply: Reply, body: dict[str, Any], model: str, *, complete: bool
    ) -> Iterator[dict[str, Any]]:
        completion_id = self._next_completion_id()
        created = int(time.time())

        def chunk(delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
            return {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
            }

        yield chunk({"role": "assistant", "content": ""}, None)
        for piece in _stream_pieces(reply.content):
            yield chunk({"content": piece}, None)
        if not complete:
            return
        yield chunk({}, reply.finish_reason)
        stream_options = body.get("stream_options") or {}
        if isinstance(stream_options, dict) and stream_options.get("include_usage"):
            usage_chunk = chunk({}, None)
            usage_chunk["choices"] = []
            usage_chunk["usage"] = self._usage(body, reply.content)
            yield usage_chunk

    def _embeddings_payload(self, body: dict[str, Any]) -> dict[str, Any]:
        raw_input = body.get("input", "")
        inputs: list[Any]
        if isinstance(raw_input, str):
            inputs = [raw_input]
        elif isinstance(raw_input, list) and raw_input and isinstance(raw_input[0], int):
            inputs = [raw_input]  # a single token array
        else:
            inputs = list(raw_input) if isinstance(raw_input, list) else [raw_input]
        dimension = int(body.get("dimensions") or self.embedding_dimension)
        as_base64 = body.get("encoding_format") == "base64"
        data = []
        for index, item in enumerate(inputs):
            text = item if isinstance(item, str) else json.dumps(item)
            vector = fake_embedding(text, dimension)
            embedding: Any = vector
            if as_base64:
                embedding = base64.b64encode(struct.pack(f"<{dimension}f", *vector)).decode()
            data.append({"object": "embedding", "index": index, "embedding": embedding})
        prompt_tokens = sum(len(str(item).split()) for item in inputs)
        return {
            "object": "list",
            "data": data,
            "model": str(body.get("model") or DEFAULT_EMBEDDING_MODEL),
            "usage": {"prompt_tokens": prompt_tokens, "total_tokens": prompt_tokens},
        }


# --------------------------------------------------------------------------------------------
# Real Chroma server in a subprocess
# --------------------------------------------------------------------------------------------

_running_chroma_servers: set[ChromaServer] = set()


@atexit.register
def _stop_running_chroma_servers() -> None:
    for server in list(_running_chroma_servers):
        server.stop()


def find_chroma_executable() -> str | None:
    """The ``chroma`` CLI of this interpreter's environment, else the one on PATH."""
    beside_python = Path(sys.executable).parent / "chroma"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which("chroma")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _chroma_environment() -> dict[str, str]:
    # Inherited CHROMA_* variables would override the server's config (it reads that prefix),
    # so a developer's shell cannot change what the tests run against.
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("CHROMA_")
    }
    # The 1.x server is Rust and sends no product telemetry; this is the documented opt-out in
    # case a future version does.
    environment["ANONYMIZED_TELEMETRY"] = "False"
    return environment


class ChromaServer:
    """A real Chroma server (``chroma run``) on 127.0.0.1 storing its data under ``path``.

    ``start()`` blocks until the heartbeat answers (at most ``startup_timeout`` seconds) and
    records the time it took in ``startup_seconds``. ``stop()`` then ``start()`` again reuses
    the same port and path, so existing clients reconnect to the same data. Servers still
    running at interpreter exit are stopped.
    """

    heartbeat_path = "/api/v2/heartbeat"

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        port: int | None = None,
        startup_timeout: float = 30.0,
    ) -> None:
        self.path = Path(path)
        self.host = "127.0.0.1"
        self._requested_port = port
        self._port = port
        self.startup_timeout = startup_timeout
        self.startup_seconds: float | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self._log: Any = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("ChromaServer has no port until start() is called.")
        return self._port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> Self:
        """Start the server (no-op if running), skipping the test if ``chroma`` is missing."""
        if self.is_running:
            return self
        executable = find_chroma_executable()
        if executable is None:
            pytest.skip(
                f"The chroma CLI was found neither next to {sys.executable} nor on PATH; "
                "install chromadb into the test environment to run Chroma server tests."
            )
        self.path.mkdir(parents=True, exist_ok=True)
        # Only the first start may move to another port: a restart must come back where
        # existing clients expect it.
        may_pick_port = self._port is None
        attempts = 3 if may_pick_port else 1
        for attempt in range(attempts):
            if self._port is None or (may_pick_port and attempt > 0):
                self._port = free_port()
            if self._launch(executable):
                return self
        raise RuntimeError(
            f"Chroma server exited during startup on port {self._port}:\n{self.log_text()}"
        )

    def _launch(self, executable: str) -> bool:
        """Run the server and wait for its heartbeat; False if it exited (e.g. port taken)."""
        if self._log is not None:
            self._log.close()
        # Outlives this call on purpose: the server writes to it until stop(); closed on relaunch.
        self._log = tempfile.TemporaryFile(prefix="chroma-", suffix=".log")  # noqa: SIM115
        started = time.monotonic()
        self.process = subprocess.Popen(
            [
                executable,
                "run",
                "--path",
                str(self.path),
                "--host",
                self.host,
                "--port",
                str(self.port),
            ],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=_chroma_environment(),
            start_new_session=True,
        )
        _running_chroma_servers.add(self)
        deadline = started + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                _running_chroma_servers.discard(self)
                return False
            if self._heartbeat_answers():
                self.startup_seconds = time.monotonic() - started
                return True
            time.sleep(0.05)
        log = self.log_text()
        self.stop()
        raise RuntimeError(
            f"Chroma server did not answer {self.url}{self.heartbeat_path} within "
            f"{self.startup_timeout:.0f} s:\n{log}"
        )

    def _heartbeat_answers(self) -> bool:
        # No proxies: a proxy set in the environment must never see a 127.0.0.1 request.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(self.url + self.heartbeat_path, timeout=1.0) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def stop(self, timeout: float = 10.0) -> None:
        """Terminate the server, killing it if it has not exited after ``timeout`` seconds."""
        process, self.process = self.process, None
        _running_chroma_servers.discard(self)
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=timeout)

    def log_text(self) -> str:
        """Everything the current (or last) server process printed."""
        if self._log is None:
            return ""
        # pread leaves the file offset, which the child process shares, untouched.
        descriptor = self._log.fileno()
        return os.pread(descriptor, os.fstat(descriptor).st_size, 0).decode(errors="replace")

    def client(self) -> ClientAPI:
        """A ``chromadb.HttpClient`` for this server with client telemetry off."""
        import chromadb
        from chromadb.config import Settings

        return chromadb.HttpClient(
            host=self.host,
            port=self.port,
            settings=Settings(anonymized_telemetry=False),
        )

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.is_running else "stopped"
        return f"ChromaServer({str(self.path)!r}, port={self._port}, {state})"


# --------------------------------------------------------------------------------------------
# Fixtures (import these into tests/conftest.py)
# --------------------------------------------------------------------------------------------


# Named explicitly so an aliased import (``from servers import openai_server as _x``) still
# registers the fixture under its real name without shadowing test parameters.
@pytest.fixture(name="openai_server")
def openai_server() -> Iterator[ScriptedOpenAIServer]:
    """A fresh scripted OpenAI-compatible server per test."""
    with ScriptedOpenAIServer() as server:
        yield server


@pytest.fixture(name="chroma_server", scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """One real Chroma server for the session; tests that stop it should make their own."""
    with ChromaServer(tmp_path_factory.mktemp("chroma-server")) as server:
        yield server
