"""Answers must not depend on the interpreter's hash seed: a set iterated into an ordered result
(the acronym expansion that is embedded and searched) once made one question cite six or seven
papers from run to run."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = (
    "from assistant.text.acronyms import expand;"
    "print(expand('how do TTA methods for LLMs and SSMs differ',"
    "{'TTA': ['test-time adaptation', 'test-time augmentation'],"
    " 'LLM': ['large language models'], 'SSM': ['state space models']}))"
)


def test_acronym_expansion_is_the_same_under_any_hash_seed() -> None:
    outputs = set()
    for seed in ("0", "7", "123"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=environment
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1, outputs
    # in the order the question uses the acronyms
    (output,) = outputs
    assert output.index("test-time adaptation") < output.index("large language models")
    assert output.index("large language models") < output.index("state space models")
