"""Timeouts bound the whole wait: a paused Chroma server, a silent socket, a trickling LLM.

Each slow server here would keep the command waiting for minutes under a per-read timeout. The
subprocess ``timeout`` is a generous hang detector, not a speed target: the commands are asked to
give up after 2 s and must come back with a one-line error (or the extractive fallback).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from slow_servers import SilentServer, TrickleServer

from assistant.deadline import DeadlineExceeded, call_with_deadline, iterate_with_deadline

ROOT = Path(__file__).resolve().parent.parent
SMALL_PAGE = ROOT / "corpus" / "003_d6db0eeac26c1386.txt"
HANG_DETECTOR = 90  # seconds; without a total deadline each case below waits 5 minutes or more


def _env(tmp_path: Path, **settings: str) -> dict[str, str]:
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        corpus.mkdir()
        shutil.copy(SMALL_PAGE, corpus / SMALL_PAGE.name)
    env = {name: value for name, value in os.environ.items() if not name.startswith("ASSISTANT_")}
    env |= {
        "ASSISTANT_HOME": str(tmp_path / "home"),
        "ASSISTANT_CORPUS_DIR": str(corpus),
        "ASSISTANT_MODEL_DIR": os.environ["ASSISTANT_MODEL_DIR"],
    }
    env |= {f"ASSISTANT_{name.upper()}": value for name, value in settings.items()}
    return env


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_DETECTOR,
        check=False,
    )


def test_call_with_deadline_returns_raises_or_gives_up() -> None:
    import threading

    assert call_with_deadline(lambda: 42, 5) == 42
    with pytest.raises(KeyError):
        call_with_deadline(lambda: {}["missing"], 5)
    never = threading.Event()
    with pytest.raises(DeadlineExceeded, match="timed out"):
        call_with_deadline(never.wait, 0.2)
    never.set()


def test_iterate_with_deadline_gives_up_on_a_stalled_iterator() -> None:
    import threading
    import time

    stall = threading.Event()

    def items():  # type: ignore[no-untyped-def]
        yield 1
        stall.wait()
        yield 2

    seen = []
    with pytest.raises(DeadlineExceeded):
        for item in iterate_with_deadline(items(), time.monotonic() + 0.3, 0.3):
            seen.append(item)
    assert seen == [1]
    stall.set()


@pytest.mark.slow
def test_chroma_url_that_accepts_and_never_answers_is_reported(tmp_path: Path) -> None:
    with SilentServer() as silent:
        done = _cli(
            "search",
            "video compression",
            "--mode",
            "dense",
            env=_env(tmp_path, chroma_url=silent.url, chroma_timeout="2"),
        )
        assert silent.accepted >= 1
    assert done.returncode != 0
    assert f"cannot reach the Chroma server at {silent.url}" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_paused_chroma_server_is_reported_within_the_timeout(tmp_path: Path) -> None:
    from servers import ChromaServer

    with ChromaServer(tmp_path / "chroma-data") as server:
        env = _env(tmp_path, chroma_url=server.url, chroma_timeout="2")
        built = _cli("index", env=env)
        assert built.returncode == 0, built.stderr
        assert _cli("search", "video compression", "--mode", "dense", env=env).returncode == 0
        assert server.process is not None
        server.process.send_signal(signal.SIGSTOP)
        try:
            paused = _cli("search", "video compression", "--mode", "dense", env=env)
        finally:
            server.process.send_signal(signal.SIGCONT)
        assert paused.returncode != 0
        assert f"cannot reach the Chroma server at {server.url}" in paused.stderr
        assert "Traceback" not in paused.stderr
        again = _cli("search", "video compression", "--mode", "dense", env=env)
        assert again.returncode == 0, again.stderr


def _complete_in_subprocess(base_url: str, *, stream: bool) -> subprocess.CompletedProcess[str]:
    script = (
        "import sys\n"
        "from assistant.llm_client import LLMClient, Message\n"
        "from assistant.errors import LLMError\n"
        f"client = LLMClient(base_url={base_url!r}, model='m', timeout=2, max_retries=0)\n"
        "try:\n"
        f"    client.complete([Message('user', 'hi')]{', on_text=print' if stream else ''})\n"
        "except LLMError as error:\n"
        "    print('LLMError:', error)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=HANG_DETECTOR,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("stream", [False, True])
def test_trickling_llm_endpoint_is_cut_off_at_llm_timeout(stream: bool) -> None:
    with TrickleServer(interval=0.5) as trickle:  # ~600 bytes: 5 minutes at one byte per read
        done = _complete_in_subprocess(f"{trickle.url}/v1", stream=stream)
    assert "LLMError:" in done.stdout, done.stdout + done.stderr
    assert "within 2 s" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("server_kind", [TrickleServer, SilentServer])
def test_ask_with_a_stalling_llm_falls_back_with_a_warning(
    corpus_index: Path, server_kind: type, tmp_path: Path
) -> None:
    with server_kind() as slow:
        env = _env(
            tmp_path,
            llm_base_url=f"{slow.url}/v1",
            llm_model="m",
            llm_timeout="2",
            llm_max_retries="0",
        )
        env["ASSISTANT_HOME"] = str(corpus_index)  # the session's index of the whole corpus
        env["ASSISTANT_CORPUS_DIR"] = os.environ["ASSISTANT_CORPUS_DIR"]
        done = _cli("ask", "--engine", "llm", "how do entropy-based TTA methods differ", env=env)
        assert slow.accepted >= 1, "the LLM endpoint was asked"
    assert done.returncode == 0, done.stderr
    warning = " ".join(done.stderr.split())  # rich wraps long lines
    assert "the LLM endpoint failed" in warning and "within 2 s" in warning
    assert "used the extractive engine" in warning
    assert "entropy-not-enough-dfa7" in done.stdout, "the extractive answer is shown"
