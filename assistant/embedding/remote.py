"""Any OpenAI-compatible ``/embeddings`` endpoint as an ``Embedder``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.embedding.base import Embedder, Vectors, as_list, normalise
from assistant.errors import EmbeddingError

if TYPE_CHECKING:
    import openai


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
        texts = as_list(texts)
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
        return normalise(vectors)

    def _server_detail(self, error: openai.APIStatusError) -> str:
        """The server's reason on one short line, the key scrubbed in case it was echoed."""
        body = error.body
        message = body.get("message") if isinstance(body, dict) else None
        detail = " ".join(str(message or error.message).split())[:200]
        if self._api_key and self._api_key != "not-needed":
            detail = detail.replace(self._api_key, "***")
        return detail or "no details"
