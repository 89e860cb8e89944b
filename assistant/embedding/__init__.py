"""Text embedders: the packaged all-MiniLM-L6-v2 on onnxruntime, or an OpenAI-compatible endpoint.

Every embedder returns float32 rows of unit length, so a dot product is a cosine similarity.
``Embedder.name`` is stored with the index: a different name means the collection is re-embedded.

The local model runs on onnxruntime + ``tokenizers`` because importing torch costs seconds and a
question should be answered in milliseconds. torch is not imported at all: ``export_onnx`` writes
the ONNX graph from the packaged safetensors weights (``graph``), once per cache directory.

- ``base``: the ``Embedder`` interface;
- ``graph``: the BERT encoder as an ONNX graph of onnxruntime's fused operators;
- ``onnx_model``: the one-off export and int8 quantisation, tokenising, pooling;
- ``local``: ``LocalMiniLM``; ``remote``: ``OpenAIEmbedder``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.embedding.base import Embedder, Vectors
from assistant.embedding.local import LocalMiniLM
from assistant.embedding.onnx_model import (
    INT8_FILENAME,
    LOCAL_MAX_TOKENS,
    LOCAL_MODEL,
    ONNX_FILENAME,
    export_onnx,
    local_model_dir,
    quantise_onnx,
)
from assistant.embedding.remote import OpenAIEmbedder
from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.settings import Settings

__all__ = [
    "INT8_FILENAME",
    "LOCAL_MAX_TOKENS",
    "LOCAL_MODEL",
    "ONNX_FILENAME",
    "Embedder",
    "LocalMiniLM",
    "OpenAIEmbedder",
    "Vectors",
    "export_onnx",
    "local_model_dir",
    "make_embedder",
    "quantise_onnx",
]


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for; nothing is loaded or contacted until first use."""
    if settings.embedder == "local":
        return LocalMiniLM(
            settings.model_cache_dir,
            batch_size=settings.embedding_batch_size,
            threads=settings.embedding_threads,
            precision=settings.embedding_precision,
        )
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
