"""Shared fixtures: user state isolated per test, one real index of the bundled corpus per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import chroma_server, openai_server  # noqa: F401  (fixtures)

from assistant.settings import Settings, load_settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_ROOT / "corpus"


# The fast lane (pytest -m "not slow") is the unit tests of each stage. A test is slow when it needs
# what takes seconds to minutes to set up: the real index of the bundled corpus (built once per
# session, minutes), the ONNX model (written once, a few seconds) or a real Chroma
# server process. Such tests are marked here from the fixtures they use, so a new one cannot forget; tests that run the command line in a subprocess, start a
# server or drive a browser carry @pytest.mark.slow themselves. CI (.ci/run) runs everything.
SLOW_FIXTURES = frozenset({"corpus_index", "chroma_server", "local_embedder"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ONNX export is made once per session and shared by every test's data directory."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_dir: Path
) -> Iterator[Path]:
    """No test reads or writes the user's real data directory, config or keys."""
    for name in list(os.environ):
        if name.startswith("ASSISTANT_") or name in {"OPENAI_API_KEY", "OPENAI_BASE_URL"}:
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    monkeypatch.setenv("ASSISTANT_MODEL_DIR", str(model_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(CORPUS_DIR))
    yield home


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Path:
    """A data directory holding the real index of the bundled corpus, built once per session."""
    from assistant.embedding import make_embedder
    from assistant.index import sync

    home = tmp_path_factory.mktemp("corpus-home")
    settings = Settings(home=home, model_dir=model_dir, corpus_dir=CORPUS_DIR)
    sync(settings, make_embedder(settings))
    return home


@pytest.fixture
def indexed_settings(corpus_index: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings pointing at the shared real index (read it; copy it before changing the corpus)."""
    monkeypatch.setenv("ASSISTANT_HOME", str(corpus_index))
    return load_settings()


@pytest.fixture
def writable_index(corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A private copy of the real index, for tests that add, change or break papers."""
    home = tmp_path / "indexed-home"
    shutil.copytree(corpus_index, home)
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    return load_settings()


# --- the assistant (ask / compare / related-work) on the real corpus ---------------------------


@pytest.fixture(scope="session")
def ready_settings(corpus_index: Path, model_dir: Path) -> Settings:
    """Settings over the session's real index, usable from session-scoped fixtures."""
    return Settings(home=corpus_index, model_dir=model_dir, corpus_dir=CORPUS_DIR)


@pytest.fixture(scope="session")
def corpus_assistant(ready_settings: Settings):  # type: ignore[no-untyped-def]
    """One Assistant over the real index for the whole session (the model loads once)."""
    from assistant.assistant import Assistant

    return Assistant(ready_settings)
