"""Concurrent writers: several `assistant add` processes at once lose, duplicate or corrupt nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_reliability import _model_ready, _small_corpus_env

from assistant.collection import fingerprint, load_collection
from assistant.corpus import normalise_title
from assistant.index import read_manifest
from assistant.retrieve import Retriever
from assistant.settings import load_settings


def _write_papers(path: Path, tag: str, count: int) -> list[str]:
    titles = [f"{tag}n{number} concurrent widget study" for number in range(count)]
    path.write_text(
        "".join(
            json.dumps({"title": title, "abstract": f"We study {title}. It works {tag}."}) + "\n"
            for title in titles
        ),
        encoding="utf-8",
    )
    return titles


def _add_concurrently(
    files: list[Path], env: dict[str, str], *extra: str
) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "add", *extra, str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    results = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=600)
        results.append(
            subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        )
    return results


def _use(env: dict[str, str]) -> None:
    for name in ("ASSISTANT_HOME", "ASSISTANT_CORPUS_DIR"):
        os.environ[name] = env[name]


@pytest.mark.slow
def test_concurrent_adds_of_large_files_keep_every_paper_once(tmp_path: Path) -> None:
    """Large files make the read-merge-rewrite slow enough to overlap: on the unlocked version most
    rounds lost a file's papers or interleaved lines (and the loser printed a false error)."""
    env = _small_corpus_env(tmp_path)
    expected: list[str] = []
    for round_number in range(5):
        files = [tmp_path / f"round{round_number}-{writer}.jsonl" for writer in range(3)]
        for writer, path in enumerate(files):
            expected += _write_papers(path, f"R{round_number}W{writer}", 600)
        results = _add_concurrently(files, env, "--no-index")
        for result in results:
            assert result.returncode == 0, result.stderr
            assert "600 new" in result.stdout
    _use(env)
    settings = load_settings()
    stored = [
        json.loads(line)["title"]
        for line in settings.added_papers_path.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(stored) == sorted(expected)
    titles = [normalise_title(paper.title) for paper in load_collection(settings)]
    assert len(titles) == len(set(titles)) == 47 + len(expected)
    leftovers = [path.name for path in settings.home.iterdir() if path.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.slow
def test_concurrent_adds_leave_every_paper_indexed_and_searchable(
    tmp_path: Path, model_dir: Path
) -> None:
    """Each add also indexes: the index must end current, with every added paper findable."""
    _model_ready(model_dir)
    env = _small_corpus_env(tmp_path)
    expected: list[str] = []
    for round_number in range(3):
        writers = 2 + round_number % 2
        files = [tmp_path / f"round{round_number}-{writer}.jsonl" for writer in range(writers)]
        for writer, path in enumerate(files):
            expected += _write_papers(path, f"Q{round_number}X{writer}", 4)
        for result in _add_concurrently(files, env):
            assert result.returncode == 0, result.stderr
    _use(env)
    settings = load_settings()
    manifest = read_manifest(settings)
    assert manifest is not None and manifest["state"] == "clean"
    assert manifest["fingerprint"] == fingerprint(settings), "the index missed an add"
    assert manifest["papers"] == 47 + len(expected)
    retriever = Retriever(settings)
    by_title = {paper.title: paper.id for paper in load_collection(settings)}
    for title in expected:
        assert retriever.retrieve(title, 1, "bm25").hits[0].paper.id == by_title[title]
