"""Faults: killed processes, concurrent writers, a dead Chroma server, damaged indexes, odd input."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from assistant.corpus import parse_jsonl, parse_listing
from assistant.errors import (
    IndexBusyError,
    IndexStateError,
    InputError,
    ParseError,
    StoreUnavailableError,
)
from assistant.index import IndexFiles, read_manifest, sync, writer_lock
from assistant.retrieve import Retriever
from assistant.settings import load_settings
from assistant.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SMALL_PAGE = ROOT / "corpus" / "003_d6db0eeac26c1386.txt"  # 47 papers


def _cli(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _small_corpus_env(tmp_path: Path) -> dict[str, str]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL_PAGE, corpus / SMALL_PAGE.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        ASSISTANT_HOME=str(tmp_path / "home"),
        ASSISTANT_CORPUS_DIR=str(corpus),
        ASSISTANT_MODEL_DIR=os.environ["ASSISTANT_MODEL_DIR"],
        ASSISTANT_INDEX_BATCH_PAPERS="4",
    )
    return env


def _assert_consistent(env: dict[str, str]) -> None:
    """Every paper fully indexed: its paper chunk and all of its sentence chunks, nothing stray."""
    for name in ("ASSISTANT_HOME", "ASSISTANT_CORPUS_DIR"):
        os.environ[name] = env[name]
    settings = load_settings()
    retriever = Retriever(settings)
    manifest = read_manifest(settings)
    assert manifest is not None and manifest["state"] == "clean"
    papers = retriever.paper_store.all()
    collection = retriever.store.collection()
    records = collection.get(include=["metadatas"])
    chunks_by_paper: dict[str, int] = {}
    for metadata in records["metadatas"] or []:
        chunks_by_paper[str(metadata["paper_id"])] = (
            chunks_by_paper.get(str(metadata["paper_id"]), 0) + 1
        )
    assert set(chunks_by_paper) == {paper.id for paper in papers}
    for paper in papers:
        assert chunks_by_paper[paper.id] == len(split_sentences(paper.abstract)) + 1, paper.id
    hit = retriever.retrieve(papers[5].title, 3, "hybrid").hits[0]
    assert hit.paper.id == papers[5].id


def _model_ready(model_dir: Path) -> None:
    """Write the ONNX model (at the default precision) once, so a killed process is killed while
    indexing, not while writing the model."""
    from assistant.embedding import LocalMiniLM
    from assistant.settings import Settings

    precision = Settings.model_fields["embedding_precision"].default
    LocalMiniLM(model_dir, precision=precision).embed(["warm up"])


@pytest.mark.slow
def test_sigkill_during_index_leaves_a_repairable_index(tmp_path: Path, model_dir: Path) -> None:
    _model_ready(model_dir)
    env = _small_corpus_env(tmp_path)
    manifest = tmp_path / "home" / "index" / "manifest.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "index"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (
        manifest.exists() and "syncing" in manifest.read_text()
    ):
        time.sleep(0.05)
    time.sleep(1.5)  # let a few batches land
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert "syncing" in manifest.read_text(), "the kill should land mid-index"

    finished = _cli("index", env=env)
    assert finished.returncode == 0, finished.stderr
    assert "47 papers indexed" in finished.stdout
    _assert_consistent(env)


@pytest.mark.slow
def test_sigkill_during_add_keeps_collection_and_index_consistent(
    tmp_path: Path, model_dir: Path
) -> None:
    _model_ready(model_dir)
    env = _small_corpus_env(tmp_path)
    assert _cli("index", env=env).returncode == 0
    new_papers = tmp_path / "new.jsonl"
    new_papers.write_text(
        "\n".join(
            json.dumps(
                {
                    "title": f"Synthetic Paper {n}",
                    "abstract": f"We study widget {n}. It works well.",
                }
            )
            for n in range(40)
        )
        + "\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "add", str(new_papers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    added = tmp_path / "home" / "added_papers.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not added.exists():
        time.sleep(0.02)
    time.sleep(0.8)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # The added-papers file is whole (all 40) or absent, never half written.
    lines = added.read_text().splitlines() if added.exists() else []
    assert len(lines) in (0, 40)
    repaired = _cli("index", env=env)
    assert repaired.returncode == 0, repaired.stderr
    _assert_consistent(env)


@pytest.mark.slow
def test_second_writer_waits_then_reports_busy(tmp_path: Path) -> None:
    settings = load_settings(index_lock_wait=0.3)
    with writer_lock(settings, wait_seconds=5):
        started = time.monotonic()
        with (
            pytest.raises(IndexBusyError, match="another 'assistant index'"),
            writer_lock(settings, wait_seconds=0.3),
        ):
            pass
        assert time.monotonic() - started < 3
    IndexFiles(settings).lock.parent.mkdir(parents=True, exist_ok=True)
    with open(IndexFiles(settings).lock, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        env = {k: v for k, v in os.environ.items()} | {"ASSISTANT_INDEX_LOCK_WAIT": "0.2"}
        busy = _cli("index", env=env, timeout=60)
    assert busy.returncode != 0 and "another 'assistant index'" in busy.stderr
    assert "Traceback" not in busy.stderr


@pytest.mark.slow
def test_chroma_server_down_is_a_quick_clear_error_and_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from servers import ChromaServer
    from test_index import HashingEmbedder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL_PAGE, corpus / SMALL_PAGE.name)
    with ChromaServer(tmp_path / "chroma-data") as server:
        monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
        monkeypatch.setenv("ASSISTANT_CHROMA_URL", server.url)
        settings = load_settings(chroma_timeout=2.0)
        embedder = HashingEmbedder()
        sync(settings, embedder)
        retriever = Retriever(settings, embedder=embedder)
        assert retriever.retrieve("video compression entropy", 3, "dense").hits

        server.stop()
        started = time.monotonic()
        with pytest.raises(StoreUnavailableError, match=server.url.split("//")[1]):
            Retriever(settings, embedder=embedder).retrieve("video compression", 3, "dense")
        assert time.monotonic() - started < 5

        server.start()
        assert Retriever(settings, embedder=embedder).retrieve("video compression", 3, "dense").hits


def test_damaged_or_foreign_index_says_how_to_rebuild(
    writable_index, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = IndexFiles(writable_index)
    manifest = json.loads(files.manifest.read_text())
    files.manifest.write_text(json.dumps(manifest | {"version": 999}))
    with pytest.raises(IndexStateError, match=r"another version.*--rebuild"):
        read_manifest(writable_index)
    files.manifest.write_text("{not json")
    with pytest.raises(IndexStateError, match="--rebuild"):
        read_manifest(writable_index)
    files.manifest.write_text(json.dumps(manifest))

    files.papers.write_bytes(b"this is not a database" * 100)
    with pytest.raises(IndexStateError, match="--rebuild"):
        Retriever(writable_index).retrieve("mamba", 3, "bm25")
    shutil.rmtree(files.bm25)
    (files.bm25).mkdir()
    with pytest.raises(IndexStateError, match="--rebuild"):
        Retriever(writable_index).retrieve("mamba", 3, "bm25")


@pytest.mark.slow
def test_rebuild_repairs_a_damaged_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_index import CountingEmbedder, HashingEmbedder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL_PAGE, corpus / SMALL_PAGE.name)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    settings = load_settings()
    sync(settings, HashingEmbedder())
    files = IndexFiles(settings)
    files.papers.write_bytes(b"garbage")
    for path in files.chroma.rglob("*.sqlite3"):
        path.write_bytes(b"garbage" * 1000)
    with pytest.raises(IndexStateError, match="--rebuild"):
        Retriever(settings, embedder=HashingEmbedder()).retrieve("video compression", 3, "hybrid")
    embedder = CountingEmbedder(HashingEmbedder())
    report = sync(settings, embedder, rebuild=True)
    assert report.added == 47 and embedder.texts
    hits = (
        Retriever(settings, embedder=embedder)
        .retrieve("learned video compression entropy", 3, "hybrid")
        .hits
    )
    assert hits and "Video Compression" in hits[0].paper.title


def test_unwritable_data_directory_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    settings = load_settings(home=blocker / "home")
    from test_index import HashingEmbedder

    with pytest.raises(InputError, match="ASSISTANT_HOME"):
        sync(settings, HashingEmbedder())


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_listing_parser_parses_or_raises_parse_error(text: str) -> None:
    try:
        entries = parse_listing(text, "random.txt")
    except ParseError as error:
        assert error.source == "random.txt" and error.line >= 1
    else:
        assert all(entry.title.strip() and entry.abstract.strip() for entry in entries)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=8,
)
records = st.dictionaries(
    st.sampled_from(["title", "abstract", "authors", "year", "url", "id", "extra"]),
    json_values,
    max_size=6,
)


@pytest.mark.slow  # 300 generated files
@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(records.map(json.dumps), st.text(max_size=80)), min_size=0, max_size=5))
def test_jsonl_parser_parses_or_raises_parse_error(lines: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ") for line in lines)
    try:
        papers = parse_jsonl(text, "random.jsonl")
    except ParseError as error:
        assert error.source == "random.jsonl" and error.line >= 1
    else:
        assert all(paper.title and paper.abstract for paper in papers)
