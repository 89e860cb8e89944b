"""A loopback OpenAI-compatible chat server that answers from a function of the messages.

The LLM benchmark (``assistant eval --engine llm``) replays recorded model replies through it, so
the real ``openai`` client and the product's own LLM path run exactly as they would against a
model; ``evals/llm/record.py`` uses it to record the prompts. It binds 127.0.0.1 only, serves
``POST /v1/chat/completions`` (whole or streamed, with token usage) and ``GET /v1/models``, and
keeps every request's messages in ``requests``.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

Responder = Callable[[list[dict[str, str]]], str]


class ReplayServer:
    """Answers each chat request with ``responder(messages)``; use it as a context manager."""

    def __init__(self, responder: Responder, *, model: str = "replay") -> None:
        self.responder = responder
        self.model = model
        self.requests: list[list[dict[str, str]]] = []
        self._lock = threading.Lock()
        self._httpd: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the replay server is not running")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> ReplayServer:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._json(200, {"object": "list", "data": [{"id": server.model}]})
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._json(404, {"error": {"message": "not found"}})
                    return
                messages = [
                    {"role": str(m.get("role")), "content": str(m.get("content") or "")}
                    for m in body.get("messages") or []
                ]
                with server._lock:
                    server.requests.append(messages)
                try:
                    text = server.responder(messages)
                except Exception as error:  # surfaces as an HTTP error the client reports
                    self._json(500, {"error": {"message": f"replay failed: {error}"}})
                    return
                usage = _usage(messages, text)
                if body.get("stream"):
                    self._stream(
                        text, usage, bool((body.get("stream_options") or {}).get("include_usage"))
                    )
                else:
                    self._json(200, _completion(server.model, text, usage))

            def _json(self, status: int, payload: Any) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, text: str, usage: dict[str, int], include_usage: bool) -> None:
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("connection", "close")
                self.end_headers()
                pieces = [text[i : i + 40] for i in range(0, len(text), 40)] or [""]
                for index, piece in enumerate(pieces):
                    last = index == len(pieces) - 1
                    chunk = _chunk(server.model, {"content": piece}, "stop" if last else None)
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                if include_usage:
                    chunk = _chunk(server.model, None, None)
                    chunk["usage"] = usage
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


def _usage(messages: list[dict[str, str]], text: str) -> dict[str, int]:
    # Words stand in for tokens: the replay has no tokenizer of the model that wrote the reply.
    prompt = sum(len(message["content"].split()) for message in messages)
    completion = len(text.split())
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _completion(model: str, text: str, usage: dict[str, int]) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-replay-{time.time_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": usage,
    }


def _chunk(model: str, delta: dict[str, str] | None, finish: str | None) -> dict[str, Any]:
    choices = [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish}]
    return {
        "id": "chatcmpl-replay",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": choices,
    }
