"""Servers that are slow in the ways that defeat per-read timeouts; nothing leaves 127.0.0.1.

- ``SilentServer``: accepts connections, reads nothing and never answers.
- ``TrickleServer``: answers an OpenAI-compatible chat request with a valid HTTP response whose
  body (JSON, or SSE when the request asked to stream) arrives one byte per ``interval`` seconds.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Self


class _Server:
    def __init__(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port = self._listener.getsockname()[1]
        self._stopped = threading.Event()
        self._connections: list[socket.socket] = []
        self.accepted = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        threading.Thread(target=self._accept_loop, daemon=True).start()
        return self

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self.accepted += 1
            self._connections.append(connection)
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()
        for connection in self._connections:
            with contextlib.suppress(OSError):
                connection.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


class SilentServer(_Server):
    """Accepts every connection and then says nothing, ever (until stopped)."""

    def _serve(self, connection: socket.socket) -> None:
        self._stopped.wait()


class TrickleServer(_Server):
    """A chat completion sent one byte every ``interval`` seconds: each read succeeds in time."""

    def __init__(self, interval: float = 0.5, text: str = "A slow answer. " * 40) -> None:
        super().__init__()
        self.interval = interval
        self.text = text

    def _serve(self, connection: socket.socket) -> None:
        request = b""
        try:
            while b"\r\n\r\n" not in request:
                request += connection.recv(65536)
            head, _, body = request.partition(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                0,
            )
            while len(body) < length:
                body += connection.recv(65536)
            streaming = bool(json.loads(body or b"{}").get("stream"))
            payload = self._sse() if streaming else self._json()
            kind = "text/event-stream" if streaming else "application/json"
            connection.sendall(
                f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n".encode()
            )
            for byte in payload:
                if self._stopped.wait(self.interval):
                    return
                connection.sendall(bytes([byte]))
        except OSError:
            return

    def _json(self) -> bytes:
        return json.dumps(
            {
                "id": "chatcmpl-trickle",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": "test-model",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": self.text},
                        "finish_reason": "stop",
                    }
                ],
            }
        ).encode()

    def _sse(self) -> bytes:
        events = []
        for word in self.text.split(" "):
            chunk = {
                "id": "chatcmpl-trickle",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "test-model",
                "choices": [{"index": 0, "delta": {"content": word + " "}, "finish_reason": None}],
            }
            events.append(f"data: {json.dumps(chunk)}\n\n")
        events.append("data: [DONE]\n\n")
        return "".join(events).encode()
