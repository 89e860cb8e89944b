"""The LLM's unverified draft never reaches stdout; on a terminal it is shown as a labelled draft."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from servers import Reply, ScriptedOpenAIServer

from assistant.citations import cite

DEYO = "entropy-not-enough-dfa7"
INVENTED = (
    "ZORBLAX cuts error by 97% on every benchmark "
    f"{cite(['zorblax-invented-0000'])}.\x1b]0;pwned\x07\x1b[2J\n"
    f"DeYO leverages a confidence metric named Pseudo-Label Probability Difference (PLPD) "
    f"{cite([DEYO])}."
)


def _ask(home: Path, server: ScriptedOpenAIServer, *, stderr_tty: bool) -> tuple[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("ASSISTANT_")}
    env |= {
        "ASSISTANT_HOME": str(home),
        "ASSISTANT_MODEL_DIR": os.environ["ASSISTANT_MODEL_DIR"],
        "ASSISTANT_CORPUS_DIR": os.environ["ASSISTANT_CORPUS_DIR"],
        "ASSISTANT_LLM_BASE_URL": server.base_url,
        "ASSISTANT_LLM_MODEL": "test-model",
        "ASSISTANT_LLM_MAX_RETRIES": "0",
    }
    command = [
        sys.executable,
        "-m",
        "assistant.cli",
        "ask",
        "--engine",
        "llm",
        "how do entropy-based TTA methods differ",
    ]
    if not stderr_tty:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout, done.stderr
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        done = subprocess.run(
            command, env=env, stdout=subprocess.PIPE, stderr=slave, text=True, timeout=300
        )
    finally:
        os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    assert done.returncode == 0
    return done.stdout, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_stdout_to_a_file_gets_only_the_verified_answer(
    corpus_index: Path, openai_server: ScriptedOpenAIServer
) -> None:
    openai_server.enqueue(Reply.text(INVENTED))
    stdout, stderr = _ask(corpus_index, openai_server, stderr_tty=False)
    assert openai_server.requests, "the LLM was asked"
    assert "PLPD" in stdout, "the verified answer is there"
    assert "ZORBLAX cuts" not in stdout, stdout
    assert "\x1b" not in stdout
    assert "ZORBLAX" not in stderr, "no terminal, no draft anywhere"


@pytest.mark.slow
def test_on_a_terminal_the_draft_is_labelled_on_stderr_and_sanitised(
    corpus_index: Path, openai_server: ScriptedOpenAIServer
) -> None:
    openai_server.enqueue(Reply.text(INVENTED))
    stdout, terminal = _ask(corpus_index, openai_server, stderr_tty=True)
    assert "draft (unverified" in terminal and "ZORBLAX" in terminal
    assert terminal.index("draft (unverified") < terminal.index("ZORBLAX")
    assert "\x1b]0;pwned" not in terminal and "\x1b[2J" not in terminal
    assert "ZORBLAX cuts" not in stdout and "PLPD" in stdout


def test_display_strips_escape_sequences_controls_and_bidi_overrides() -> None:
    from assistant.display import terminal_safe

    hostile = "Title\x1b[31m red\x1b[0m\x1b]0;owned\x07 \u202eevil\u202c\x00\r\tend\nnext"
    assert terminal_safe(hostile) == "Title red evil\tend\nnext"
