"""The pipeline's shape, enforced: each module imports only modules of its own layer or below.

Layers run in pipeline order, from the types every stage shares to the command line. A module may
import one below it (or beside it in its own layer), never one above: text analysis knows nothing
of the index, the answer stage nothing of the writers' vocabulary, the renderers nothing of the
command line. Imports inside functions (optional, heavy ones) count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"

# Lowest first. A name is a module ("assistant.corpus") or a package prefix ("assistant.text").
LAYERS: tuple[tuple[str, ...], ...] = (
    ("assistant.text",),  # pure text analysis: knows no other part of the pipeline
    (
        "assistant.errors",
        "assistant.citations",
        "assistant.urls",
        "assistant.deadline",
        "assistant.atomic",
    ),
    ("assistant.models", "assistant.settings", "assistant.tuning"),
    (
        "assistant.locks",
        "assistant.corpus",
        "assistant.bibliography",
        "assistant.paperstore",
        "assistant.collection",
    ),
    (
        "assistant.embedding",
        "assistant.bm25",
        "assistant.store",
        "assistant.snapshot",
        "assistant.index",
    ),
    ("assistant.retrieve",),
    ("assistant.answer",),
    ("assistant.prompts", "assistant.llm_client", "assistant.writers"),
    ("assistant.assistant",),
    ("assistant.render", "assistant.output", "assistant.support", "assistant.display"),
    ("assistant.streams",),
    (
        "assistant.lint",
        "assistant.evaluation",
        "assistant.replay",
        "assistant.llm_eval",
        "assistant.llm_eval_cases",
        "assistant.llm_eval_plant",
    ),
    ("assistant.llama", "assistant.mcp_server", "assistant.web"),
    ("assistant.cli", "assistant"),  # the package root re-exports the public API lazily
)


def layer_of(module: str) -> int:
    best: tuple[int, int] | None = None  # (prefix length, layer) of the longest matching name
    for index, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and (
                best is None or len(name) > best[0]
            ):
                best = (len(name), index)
    if best is None:
        raise AssertionError(f"{module} is in no layer; add it to LAYERS in {__file__}")
    return best[1]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every ``assistant`` module the file imports, at any depth ("from assistant import x" is
    module ``assistant.x`` when x is a module, else the package itself)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("assistant"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("assistant"):
                continue
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(
                    ".py"
                ).exists() or (PACKAGE.parent / Path(*candidate.split("."))).is_dir()
                found.add(candidate if is_module else node.module)
    return found


MODULES = sorted(path for path in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_module_imports_only_from_its_layer_or_below(path: Path) -> None:
    name = module_name(path)
    own = layer_of(name)
    upward = sorted(
        other for other in imported(path) if other != "assistant" and layer_of(other) > own
    )
    assert not upward, f"{name} (layer {own}) imports from layers above it: {upward}"


def test_every_module_has_a_layer() -> None:
    for path in MODULES:
        layer_of(module_name(path))


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    """The check itself can fail: text analysis importing the writers is caught."""
    bad = PACKAGE / "text" / "_layer_probe.py"
    try:
        bad.write_text("from assistant.writers.extractive import ExtractiveWriter\n")
        assert layer_of("assistant.writers.extractive") > layer_of(module_name(bad))
        assert "assistant.writers.extractive" in imported(bad)
    finally:
        bad.unlink()
