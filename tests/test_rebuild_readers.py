"""Questions asked while `assistant index --rebuild` runs are answered, not failed or held up."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

QUESTION = "which work quantizes selective SSMs to 4-bit weights?"


@pytest.mark.slow
def test_ask_during_a_rebuild_answers_from_the_previous_index(
    corpus_index: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(corpus_index, home)
    env = {name: value for name, value in os.environ.items() if not name.startswith("ASSISTANT_")}
    env.update(
        ASSISTANT_HOME=str(home),
        ASSISTANT_CORPUS_DIR=os.environ["ASSISTANT_CORPUS_DIR"],
        ASSISTANT_MODEL_DIR=os.environ["ASSISTANT_MODEL_DIR"],
        ASSISTANT_INDEX_BATCH_PAPERS="8",  # many small batches: the rebuild runs for a while
    )
    manifest = home / "index" / "manifest.json"
    rebuild = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "index", "--rebuild"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and '"syncing"' not in manifest.read_text():
            time.sleep(0.05)
        assert '"syncing"' in manifest.read_text(), "the rebuild never started"
        answers = []
        for _ in range(3):
            ask = subprocess.run(
                [sys.executable, "-m", "assistant.cli", "ask", QUESTION, "--json"],
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert ask.returncode == 0, ask.stderr
            answers.append(json.loads(ask.stdout))
        # The answers came while the rebuild was still writing: nobody waited for it to end.
        assert rebuild.poll() is None, "the rebuild ended before the questions; nothing was shown"
        for answer in answers:
            assert not answer["abstained"]
            assert "quamba2-robust-scalable-7827" in json.dumps(answer["references"])
    finally:
        _, stderr = rebuild.communicate(timeout=900)
    assert rebuild.returncode == 0, stderr
    assert '"clean"' in manifest.read_text()
