"""Offline, proven: the README's main job runs in a network namespace with no network at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The README's first command, after installation.
README_QUESTION = "how do entropy-based TTA methods differ"


def _unshare_permitted() -> str | None:
    """None when ``unshare -n`` works here, else why not (the reason the test is skipped)."""
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"unshare -n is not permitted here: {probe.stderr.strip() or probe.returncode}"
    return None


@pytest.mark.slow
def test_readme_ask_runs_without_any_network(corpus_index: Path, tmp_path: Path) -> None:
    reason = _unshare_permitted()
    if reason:
        pytest.skip(reason)
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert f'assistant ask "{README_QUESTION}"' in readme  # still the README's main job
    home = tmp_path / "home"
    shutil.copytree(corpus_index, home)  # the index already built, as after the first run
    env = os.environ | {"ASSISTANT_HOME": str(home)}
    # Even loopback is down in the new namespace: any socket the tool opened would fail or hang.
    result = subprocess.run(
        [
            "unshare",
            "-n",
            sys.executable,
            "-c",
            "from assistant.cli import main; main()",
            "ask",
            README_QUESTION,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"## Answer: {README_QUESTION}")
    assert (
        "### References" in result.stdout
        and "cited sentences are stated in the abstracts they cite" in result.stdout
    )
    assert "warning" not in result.stderr.lower()
