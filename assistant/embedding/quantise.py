"""int8 products whose activations are quantised one token (row) at a time.

onnxruntime's dynamic quantisation gives a whole batch of activations one scale: one token with a
large value coarsens every other token's. That is what cost recall in the feed-forward layers
(the up-projection after layer norm, and above all the down-projection after GELU, whose outputs
reach ~25 where most are below 2). Here each row gets its own scale, the row's largest magnitude
over 127, and is quantised by one ``QuantizeLinear`` (per-axis, zero point 128); weights keep one
scale per output column and are stored as uint8 around 128 too. uint8 x uint8 is exact on every
CPU; onnxruntime's uint8 x int8 kernel, on AVX2 without VNNI (some AMD EPYC machines here), adds
pairs of products in 16 bits and saturates: one row of a random product came out 25% off, and
the model's vectors 0.9973 mean cosine to float32 where the exact product gives 0.9980 (first
300 abstracts, measured on such a machine; on a VNNI machine both give the same vectors).
Queries are as fast (4.1 vs 4.5 ms a question there); embedding the collection is ~14% slower.

On the bundled corpus this kept the vectors at 0.998 mean cosine to float32 (0.9926 with the
batch-wide scale everywhere), as fast as the batch-wide version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import onnx

# The smallest value GELU (exact or tanh) takes is -0.16997: a row of GELU outputs is bounded in
# magnitude by max(its maximum, this), which saves taking absolute values of the widest tensor.
_GELU_FLOOR = 0.17
_GELU_OPS = frozenset(("Gelu", "BiasGelu", "FastGelu"))


def weight_shapes(model: onnx.ModelProto) -> dict[str, tuple[int, ...]]:
    return {weight.name: tuple(weight.dims) for weight in model.graph.initializer}


def by_weight(node: onnx.NodeProto, shapes: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    """The shape of the weight matrix a MatMul or Attention node multiplies by, or ``()``."""
    if node.op_type not in ("MatMul", "Attention") or len(node.input) < 2:
        return ()
    shape = shapes.get(node.input[1], ())
    return shape if len(shape) == 2 else ()


def quantise_rows(model: onnx.ModelProto, names: set[str]) -> None:
    """Rewrite the MatMuls named in ``names`` (each by a weight matrix, on a [batch, sequence,
    features] input) into per-token int8 products, in place."""
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    weights = {weight.name: weight for weight in graph.initializer}
    producers = {output: node.op_type for node in graph.node for output in node.output}
    constants: dict[str, npt.NDArray[Any]] = {
        "rows.inverse_127": np.array(1 / 127, np.float32),
        "rows.tiny": np.array(1e-6, np.float32),
        "rows.gelu_floor": np.array(_GELU_FLOOR, np.float32),
        "rows.zero_point": np.array(128, np.uint8),
        "rows.flat": np.array([-1], np.int64),
        "rows.first_two": np.array([0], np.int64),
        "rows.end_two": np.array([2], np.int64),
    }

    def constant(name: str, value: npt.NDArray[Any]) -> str:
        graph.initializer.append(numpy_helper.from_array(value, name))
        return name

    for name, value in constants.items():
        constant(name, value)
    rewritten = []
    for node in graph.node:
        if node.name not in names:
            rewritten.append(node)
            continue
        source, weight_name = node.input[0], node.input[1]
        weight = numpy_helper.to_array(weights[weight_name]).astype(np.float32)
        width_in, width_out = weight.shape
        weight_scale = np.maximum(np.abs(weight).max(axis=0), 1e-12) / 127.0
        # uint8 around 128, like the activations: onnxruntime's uint8 x uint8 kernel sums its
        # products exactly on every CPU, where uint8 x int8 on AVX2 without VNNI adds pairs in
        # 16 bits and saturates (a row of a random product came out 25% off).
        quantised = (np.clip(np.rint(weight / weight_scale), -127, 127) + 128).astype(np.uint8)
        graph.initializer.remove(weights[weight_name])
        p = f"{node.name}.rows"
        constant(f"{p}.weight", quantised)
        constant(f"{p}.weight_scale", weight_scale.astype(np.float32))
        constant(f"{p}.shape_2d", np.array([-1, width_in], np.int64))
        constant(f"{p}.width_out", np.array([width_out], np.int64))
        if producers.get(source) in _GELU_OPS:
            magnitude = [
                helper.make_node("ReduceMax", [source], [f"{p}.max"], axes=[-1], keepdims=1),
                helper.make_node("Max", [f"{p}.max", "rows.gelu_floor"], [f"{p}.magnitude"]),
            ]
        else:
            magnitude = [
                helper.make_node("Abs", [source], [f"{p}.abs"]),
                helper.make_node("ReduceMax", [f"{p}.abs"], [f"{p}.max"], axes=[-1], keepdims=1),
                helper.make_node("Max", [f"{p}.max", "rows.tiny"], [f"{p}.magnitude"]),
            ]
        rewritten += [
            *magnitude,
            # [batch, sequence, 1] scales, flattened to one per row of the 2-D view
            helper.make_node("Mul", [f"{p}.magnitude", "rows.inverse_127"], [f"{p}.scale"]),
            helper.make_node("Reshape", [f"{p}.scale", "rows.flat"], [f"{p}.row_scale"]),
            helper.make_node("Reshape", [source, f"{p}.shape_2d"], [f"{p}.input_2d"]),
            helper.make_node("Shape", [f"{p}.row_scale"], [f"{p}.rows"]),
            helper.make_node("Expand", ["rows.zero_point", f"{p}.rows"], [f"{p}.zero_points"]),
            helper.make_node(
                "QuantizeLinear",
                [f"{p}.input_2d", f"{p}.row_scale", f"{p}.zero_points"],
                [f"{p}.input_q"],
                axis=0,
            ),
            helper.make_node(
                "MatMulInteger",
                [f"{p}.input_q", f"{p}.weight", "rows.zero_point", "rows.zero_point"],
                [f"{p}.product_int"],
            ),
            helper.make_node("Cast", [f"{p}.product_int"], [f"{p}.product"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [f"{p}.product", f"{p}.weight_scale"], [f"{p}.columns"]),
            # back to [batch, sequence, out], then each token's own scale
            helper.make_node("Shape", [source], [f"{p}.input_shape"]),
            helper.make_node(
                "Slice",
                [f"{p}.input_shape", "rows.first_two", "rows.end_two"],
                [f"{p}.batch_sequence"],
            ),
            helper.make_node(
                "Concat", [f"{p}.batch_sequence", f"{p}.width_out"], [f"{p}.output_shape"], axis=0
            ),
            helper.make_node("Reshape", [f"{p}.columns", f"{p}.output_shape"], [f"{p}.output_3d"]),
            helper.make_node("Mul", [f"{p}.output_3d", f"{p}.scale"], list(node.output)),
        ]
    del graph.node[:]
    graph.node.extend(rewritten)
