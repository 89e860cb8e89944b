"""The test servers behave like the real services to the real openai and chromadb clients."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import openai
import pytest
import servers
from servers import (
    ChromaServer,
    Reply,
    ScriptedOpenAIServer,
    fake_embedding,
)

# These tests start the fake servers (and a real Chroma one) the other tests rely on: slow lane.
pytestmark = pytest.mark.slow

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from openai.types.chat import ChatCompletionMessageParam

QUESTION: list[ChatCompletionMessageParam] = [
    {"role": "user", "content": "What is retrieval-augmented generation?"}
]


def make_client(
    server: ScriptedOpenAIServer, *, timeout: float = 5.0, max_retries: int = 0
) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=server.base_url,
        api_key="test",
        max_retries=max_retries,
        timeout=timeout,
    )


@pytest.fixture
def client(openai_server: ScriptedOpenAIServer) -> Iterator[openai.OpenAI]:
    with make_client(openai_server) as openai_client:
        yield openai_client


def ask(client: openai.OpenAI) -> str | None:
    completion = client.chat.completions.create(model="test-chat-model", messages=QUESTION)
    return completion.choices[0].message.content


# -- scripted OpenAI server: successes --------------------------------------------------------


def test_completion_returns_scripted_text_and_records_the_request(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI
) -> None:
    openai_server.enqueue(Reply.text("RAG grounds answers in retrieved papers."))

    assert ask(client) == "RAG grounds answers in retrieved papers."

    request = openai_server.last_request
    assert request.method == "POST"
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer test"
    assert request.body["model"] == "test-chat-model"
    assert request.messages == QUESTION
    assert "retrieval-augmented" in request.prompt_text
    assert openai_server.unused_replies() == 0


def test_replies_are_served_in_order_then_the_default_text(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI
) -> None:
    openai_server.enqueue(Reply.text("first"), Reply.text("second"))
    openai_server.default_text = "fallback"

    assert [ask(client) for _ in range(3)] == ["first", "second", "fallback"]
    assert len(openai_server.requests_to("/v1/chat/completions")) == 3


def test_streamed_completion_arrives_in_several_chunks(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI
) -> None:
    text = "Dense retrieval, BM25 and fusion each find different papers."
    openai_server.enqueue(Reply.text(text))

    chunks = list(
        client.chat.completions.create(
            model="test-chat-model",
            messages=QUESTION,
            stream=True,
            stream_options={"include_usage": True},
        )
    )

    pieces = [chunk.choices[0].delta.content or "" for chunk in chunks if chunk.choices]
    assert "".join(pieces) == text
    assert len([piece for piece in pieces if piece]) > 3
    assert all(chunk.object == "chat.completion.chunk" for chunk in chunks)
    finish_reasons = [chunk.choices[0].finish_reason for chunk in chunks if chunk.choices]
    assert finish_reasons[-1] == "stop"
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == len(text.split())
    assert openai_server.last_request.body["stream"] is True


def test_delay_shorter_than_the_timeout_still_answers(
    openai_server: ScriptedOpenAIServer,
) -> None:
    openai_server.enqueue(Reply.delay(0.2, then=Reply.text("late but fine")))

    with make_client(openai_server, timeout=5.0) as client:
        started = time.monotonic()
        assert ask(client) == "late but fine"
    assert time.monotonic() - started >= 0.2


def test_retry_after_zero_lets_the_client_retry_at_once(
    openai_server: ScriptedOpenAIServer,
) -> None:
    openai_server.enqueue(Reply.error(429, headers={"Retry-After": "0"}), Reply.text("recovered"))

    with make_client(openai_server, max_retries=1) as client:
        started = time.monotonic()
        assert ask(client) == "recovered"
    assert time.monotonic() - started < 2.0
    assert len(openai_server.requests) == 2


def test_models_are_listed(client: openai.OpenAI) -> None:
    assert [model.id for model in client.models.list()] == [
        "test-chat-model",
        "test-embedding-model",
    ]


# -- scripted OpenAI server: failures ---------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (500, openai.InternalServerError),
        (401, openai.AuthenticationError),
        (429, openai.RateLimitError),
        (400, openai.BadRequestError),
        (404, openai.NotFoundError),
    ],
)
@pytest.mark.parametrize("stream", [False, True], ids=["plain", "stream"])
def test_error_status_raises_the_matching_openai_exception(
    openai_server: ScriptedOpenAIServer,
    client: openai.OpenAI,
    status: int,
    expected: type[openai.APIStatusError],
    stream: bool,
) -> None:
    openai_server.enqueue(Reply.error(status, headers={"Retry-After": "0"}))

    with pytest.raises(expected) as raised:
        client.chat.completions.create(model="test-chat-model", messages=QUESTION, stream=stream)

    assert raised.value.status_code == status
    assert raised.value.response.headers["retry-after"] == "0"
    assert f"Scripted error {status}" in str(raised.value)


def test_error_body_can_be_plain_text(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI
) -> None:
    openai_server.enqueue(Reply.error(503, body="upstream overloaded"))

    with pytest.raises(openai.APIStatusError) as raised:
        ask(client)

    assert isinstance(raised.value, openai.InternalServerError)
    assert raised.value.response.text == "upstream overloaded"


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "stream"])
def test_delay_longer_than_the_timeout_raises_api_timeout_error(
    openai_server: ScriptedOpenAIServer, stream: bool
) -> None:
    openai_server.enqueue(Reply.delay(10, then=Reply.text("too late")))

    with make_client(openai_server, timeout=0.3) as client:
        started = time.monotonic()
        with pytest.raises(openai.APITimeoutError):
            client.chat.completions.create(
                model="test-chat-model", messages=QUESTION, stream=stream
            )
    assert time.monotonic() - started < 3.0


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "stream"])
def test_malformed_body_raises_a_json_error_not_an_openai_error(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI, stream: bool
) -> None:
    # Pinned on purpose: the openai client lets json.JSONDecodeError (a ValueError) escape here,
    # so code calling it must translate ValueError too, not only openai.APIError.
    openai_server.enqueue(Reply.malformed())

    with pytest.raises(ValueError) as raised:
        result = client.chat.completions.create(
            model="test-chat-model", messages=QUESTION, stream=stream
        )
        if stream:
            list(result)

    assert not isinstance(raised.value, openai.APIError)


def test_truncated_stream_delivers_chunks_then_raises_connection_error(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI
) -> None:
    openai_server.enqueue(Reply.truncated_stream("The answer is cut"))
    received: list[str] = []

    with pytest.raises(openai.APIConnectionError):
        for chunk in client.chat.completions.create(
            model="test-chat-model", messages=QUESTION, stream=True
        ):
            received.append(chunk.choices[0].delta.content or "")

    assert "".join(received) == "The answer is cut"


def test_truncated_plain_response_raises_connection_error(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI
) -> None:
    openai_server.enqueue(Reply.truncated_stream("The answer is cut"))

    with pytest.raises(openai.APIConnectionError):
        ask(client)


def test_disconnect_raises_connection_error(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI
) -> None:
    openai_server.enqueue(Reply.disconnect())

    with pytest.raises(openai.APIConnectionError) as raised:
        ask(client)

    assert not isinstance(raised.value, openai.APITimeoutError)


def test_stopped_server_refuses_even_kept_alive_connections() -> None:
    server = ScriptedOpenAIServer().start()
    client = make_client(server)
    assert ask(client) == "OK"  # opens a keep-alive connection

    server.stop()

    with pytest.raises(openai.APIConnectionError):
        ask(client)
    client.close()


# -- scripted OpenAI server: embeddings -------------------------------------------------------


@pytest.mark.parametrize(
    "format_argument",
    # Left out, the client asks for base64 and decodes it itself.
    [{}, {"encoding_format": "float"}],
    ids=["client-default-base64", "float"],
)
def test_embeddings_are_deterministic_per_text(
    openai_server: ScriptedOpenAIServer,
    client: openai.OpenAI,
    format_argument: dict[str, str],
) -> None:
    texts = ["dense retrieval", "sparse retrieval", "dense retrieval"]

    response = client.embeddings.create(
        model="test-embedding-model",
        input=texts,
        **format_argument,  # type: ignore[arg-type]
    )

    vectors = [item.embedding for item in response.data]
    assert vectors == [fake_embedding(text, 8) for text in texts]
    assert vectors[0] == vectors[2]
    assert vectors[0] != vectors[1]
    assert sum(value * value for value in vectors[0]) == pytest.approx(1.0, abs=1e-6)
    sent = openai_server.last_request.body
    assert sent["input"] == texts
    assert sent["encoding_format"] == format_argument.get("encoding_format", "base64")


def test_embedding_dimension_is_configurable(
    openai_server: ScriptedOpenAIServer,
) -> None:
    openai_server.embedding_dimension = 32

    with make_client(openai_server) as client:
        default_size = client.embeddings.create(model="test-embedding-model", input="a")
        requested = client.embeddings.create(model="test-embedding-model", input="a", dimensions=4)

    assert len(default_size.data[0].embedding) == 32
    assert requested.data[0].embedding == fake_embedding("a", 4)


def test_embeddings_have_their_own_queue(
    openai_server: ScriptedOpenAIServer, client: openai.OpenAI
) -> None:
    openai_server.enqueue(Reply.error(429, headers={"Retry-After": "0"}), endpoint="embeddings")
    openai_server.enqueue(Reply.text("chat is unaffected"))

    assert ask(client) == "chat is unaffected"
    with pytest.raises(openai.RateLimitError):
        client.embeddings.create(model="test-embedding-model", input="a")
    assert len(client.embeddings.create(model="test-embedding-model", input="a").data) == 1


def test_text_replies_cannot_be_queued_for_embeddings(
    openai_server: ScriptedOpenAIServer,
) -> None:
    with pytest.raises(ValueError, match="only makes sense for chat"):
        openai_server.enqueue(Reply.delay(1, then=Reply.text("no")), endpoint="embeddings")


# -- Chroma server ----------------------------------------------------------------------------


PAPER_VECTORS: list[Sequence[float]] = [
    [1.0, 0.0, 0.0],
    [0.0, 1.0, 0.0],
    [0.0, 0.0, 1.0],
]


def add_three_papers(client: ClientAPI, name: str) -> None:
    collection = client.create_collection(name, embedding_function=None)
    collection.add(
        ids=["rag", "bm25", "fusion"],
        embeddings=PAPER_VECTORS,
        documents=["retrieval-augmented generation", "sparse ranking", "rank fusion"],
    )


def test_chroma_server_stores_and_queries_vectors(chroma_server: ChromaServer) -> None:
    print(f"\nChroma server started in {chroma_server.startup_seconds:.2f} s")
    assert chroma_server.url == f"http://127.0.0.1:{chroma_server.port}"
    client = chroma_server.client()
    assert client.heartbeat() > 0
    add_three_papers(client, "papers_query_test")

    collection = client.get_collection("papers_query_test", embedding_function=None)
    query: list[Sequence[float]] = [[0.9, 0.1, 0.0]]
    result = collection.query(query_embeddings=query, n_results=2)

    assert result["ids"] == [["rag", "bm25"]]
    assert result["documents"] == [["retrieval-augmented generation", "sparse ranking"]]


@pytest.mark.slow
def test_chroma_server_restarts_on_the_same_port_with_its_data(tmp_path: Path) -> None:
    with ChromaServer(tmp_path / "chroma") as server:
        first_start = server.startup_seconds
        port = server.port
        client = server.client()
        add_three_papers(client, "papers")
        collection = client.get_collection("papers", embedding_function=None)

        server.stop()
        assert not server.is_running
        started = time.monotonic()
        # What a store wrapper has to translate: chromadb lets httpx's error through.
        with pytest.raises(httpx.ConnectError):
            collection.count()
        assert time.monotonic() - started < 2.0

        server.start()
        print(f"\nChroma start {first_start:.2f} s, restart {server.startup_seconds:.2f} s")
        assert server.port == port
        assert collection.count() == 3  # the old client reconnects by itself
        query: list[Sequence[float]] = [[0.0, 0.0, 1.0]]
        nearest = collection.query(query_embeddings=query, n_results=1)
        assert nearest["ids"] == [["fusion"]]
    assert not server.is_running


def test_chroma_server_is_skipped_when_the_cli_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(servers, "find_chroma_executable", lambda: None)

    with pytest.raises(pytest.skip.Exception, match="chroma CLI was found neither"):
        ChromaServer(tmp_path / "chroma").start()


def test_chroma_server_does_not_inherit_chroma_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CHROMA_ALLOW_RESET", "true")

    environment = servers._chroma_environment()

    assert "CHROMA_ALLOW_RESET" not in environment
    assert environment["ANONYMIZED_TELEMETRY"] == "False"
