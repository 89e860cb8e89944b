"""The ONNX graph of the packaged BERT encoder, written from its weights without torch.

The safetensors file is read with numpy and the graph is assembled with ``onnx.helper`` from
onnxruntime's fused transformer operators (``com.microsoft`` domain): ``EmbedLayerNormalization``
(the three embeddings, their sum and layer norm, and each row's length), ``Attention`` (the
query/key/value projections, masked softmax and context in one kernel), ``SkipLayerNormalization``
(residual + bias + layer norm) and ``BiasGelu`` (exact erf GELU). This is the graph onnxruntime's
own BERT optimiser aims for. In float32 it runs as fast as the torch export did (the products
dominate either way) and its token states match torch's within 3e-6; what it saves is importing
torch and tracing the model (~9 s on a busy machine, and 0.6 GB of memory).

Only what the packaged model uses is supported: a BERT with absolute positions, erf GELU and
right-padded inputs (``encode_padded`` pads on the right, which the row lengths rely on).
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from assistant.errors import EmbeddingError

if TYPE_CHECKING:
    import onnx

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "last_hidden_state"
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
# contrib operators of onnxruntime, and the standard opset the rest of the graph uses
_MS_DOMAIN = "com.microsoft"
_OPSET = 17


def read_safetensors(path: Path) -> dict[str, npt.NDArray[Any]]:
    """Every tensor of a safetensors file, as numpy arrays (the format: a little-endian u64 header
    length, a JSON header of dtype, shape and byte offsets, then the raw data)."""
    data = path.read_bytes()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_length])
    start = 8 + header_length
    tensors: dict[str, npt.NDArray[Any]] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] not in _DTYPES:
            raise EmbeddingError(
                f"{path.name}: tensor {name} has unsupported type {entry['dtype']}"
            )
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[start + begin : start + end], dtype=_DTYPES[entry["dtype"]])
        tensors[name] = array.reshape(entry["shape"]).astype(np.float32, copy=False)
    return tensors


def bert_model(model_dir: Path) -> onnx.ModelProto:
    """The encoder in ``model_dir`` (config.json + model.safetensors) as an ONNX model whose
    output is every token's last hidden state, like the torch export's."""
    from onnx import TensorProto, helper, numpy_helper

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    supported = (
        config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
    )
    if not supported:
        raise EmbeddingError(f"{model_dir} is not the BERT encoder this graph writer supports.")
    weights = read_safetensors(model_dir / "model.safetensors")
    weights = {name.removeprefix("bert."): value for name, value in weights.items()}
    hidden = int(config["hidden_size"])
    heads = int(config["num_attention_heads"])
    epsilon = float(config["layer_norm_eps"])

    initializers: list[onnx.TensorProto] = []
    nodes: list[onnx.NodeProto] = []

    def weight(name: str, value: npt.NDArray[Any]) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value, np.float32), name))
        return name

    def linear(prefix: str) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        # nn.Linear keeps (out, in); MatMul wants (in, out)
        return weights[f"{prefix}.weight"].T, weights[f"{prefix}.bias"]

    def project_and_normalise(
        source: str,
        residual: str,
        *,
        dense: str,
        names: tuple[str, str],
        norm: tuple[str, str, str],
        output: str,
    ) -> None:
        """BERT's output sublayer, after attention and after the feed-forward block alike: a
        projection (``dense``.dense), then the residual added and layer-normalised with the
        projection's bias (``dense``.LayerNorm) in one fused node."""
        matrix, bias = linear(f"{dense}.dense")
        node_name, projected = names
        gamma, beta, bias_name = norm
        nodes.append(
            helper.make_node(
                "MatMul", [source, weight(node_name, matrix)], [projected], name=node_name
            )
        )
        nodes.append(
            helper.make_node(
                "SkipLayerNormalization",
                [
                    projected,
                    residual,
                    weight(gamma, weights[f"{dense}.LayerNorm.weight"]),
                    weight(beta, weights[f"{dense}.LayerNorm.bias"]),
                    weight(bias_name, bias),
                ],
                [output],
                domain=_MS_DOMAIN,
                epsilon=epsilon,
            )
        )

    mask32 = "attention_mask_int32"
    nodes.append(helper.make_node("Cast", ["attention_mask"], [mask32], to=TensorProto.INT32))
    ids32 = "input_ids_int32"
    nodes.append(helper.make_node("Cast", ["input_ids"], [ids32], to=TensorProto.INT32))
    types32 = "token_type_ids_int32"
    nodes.append(helper.make_node("Cast", ["token_type_ids"], [types32], to=TensorProto.INT32))
    nodes.append(
        helper.make_node(
            "EmbedLayerNormalization",
            [
                ids32,
                types32,
                weight("word_embeddings", weights["embeddings.word_embeddings.weight"]),
                weight("position_embeddings", weights["embeddings.position_embeddings.weight"]),
                weight("token_type_embeddings", weights["embeddings.token_type_embeddings.weight"]),
                weight("embeddings_gamma", weights["embeddings.LayerNorm.weight"]),
                weight("embeddings_beta", weights["embeddings.LayerNorm.bias"]),
                mask32,
            ],
            ["embedded", "mask_index"],
            domain=_MS_DOMAIN,
            epsilon=epsilon,
        )
    )
    state = "embedded"
    for layer in range(int(config["num_hidden_layers"])):
        prefix = f"encoder.layer.{layer}"
        name = f"layer{layer}"
        query, query_bias = linear(f"{prefix}.attention.self.query")
        key, key_bias = linear(f"{prefix}.attention.self.key")
        value, value_bias = linear(f"{prefix}.attention.self.value")
        nodes.append(
            helper.make_node(
                "Attention",
                [
                    state,
                    weight(f"{name}.qkv", np.concatenate([query, key, value], axis=1)),
                    weight(f"{name}.qkv_bias", np.concatenate([query_bias, key_bias, value_bias])),
                    "mask_index",
                ],
                [f"{name}.context"],
                name=f"{name}.attention",
                domain=_MS_DOMAIN,
                num_heads=heads,
            )
        )
        project_and_normalise(
            f"{name}.context",
            state,
            dense=f"{prefix}.attention.output",
            names=(f"{name}.attention_out", f"{name}.attention_projected"),
            norm=(
                f"{name}.attention_gamma",
                f"{name}.attention_beta",
                f"{name}.attention_out_bias",
            ),
            output=f"{name}.attended",
        )
        up, up_bias = linear(f"{prefix}.intermediate.dense")
        nodes.append(
            helper.make_node(
                "MatMul",
                [f"{name}.attended", weight(f"{name}.up", up)],
                [f"{name}.up_projected"],
                name=f"{name}.up",
            )
        )
        nodes.append(
            helper.make_node(
                "BiasGelu",
                [f"{name}.up_projected", weight(f"{name}.up_bias", up_bias)],
                [f"{name}.activated"],
                domain=_MS_DOMAIN,
            )
        )
        output = OUTPUT_NAME if layer == int(config["num_hidden_layers"]) - 1 else f"{name}.out"
        project_and_normalise(
            f"{name}.activated",
            f"{name}.attended",
            dense=f"{prefix}.output",
            names=(f"{name}.down", f"{name}.down_projected"),
            norm=(f"{name}.output_gamma", f"{name}.output_beta", f"{name}.down_bias"),
            output=output,
        )
        state = output

    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
        for name in INPUT_NAMES
    ]
    outputs = [
        helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, ["batch", "sequence", hidden])
    ]
    graph = helper.make_graph(nodes, "bert", inputs, outputs, initializers)
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", _OPSET), helper.make_opsetid(_MS_DOMAIN, 1)],
        producer_name="assistant",
    )
    model.ir_version = 8
    return model
