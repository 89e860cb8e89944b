"""Damaged state on disk: every command says which file and line, and how to repair it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run_main

from assistant.index import IndexFiles
from assistant.settings import Settings

GOOD = {"id": "good-paper-1a2b", "title": "Good Paper", "abstract": "Fine.", "sources": [["a", 1]]}


def _damage(settings: Settings, second_line: str) -> Path:
    path = settings.added_papers_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(GOOD) + "\n" + second_line + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["papers"],
        ["add", "{new}"],
        ["index", "--rebuild"],
        ["index"],
        ["search", "mamba"],
        ["ask", "what is test-time adaptation?"],
    ],
)
@pytest.mark.parametrize(
    "second_line",
    [
        '{"id": "x", "title": "Interleaved", "abstr{"id": "y", "title": "Other"',  # two adds at once
        '{"title": "No id or sources", "abstract": "x"}',
        "[1, 2, 3]",
    ],
)
def test_damaged_added_papers_file_is_one_line_naming_file_line_and_fix(
    writable_index: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    second_line: str,
) -> None:
    path = _damage(writable_index, second_line)
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"title": "Brand New", "abstract": "New things."}) + "\n")
    manifest_before = IndexFiles(writable_index).manifest.read_text()
    code, _, err = run_main([part.replace("{new}", str(new)) for part in command], capsys)
    assert code == 2, err
    assert f"{path}, line 2: the added-papers file is damaged" in err
    assert "fix or delete this line" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert path.read_text().splitlines()[1] == second_line, "the damaged file is left for repair"
    assert IndexFiles(writable_index).manifest.read_text() == manifest_before, "index untouched"


ROOT = Path(__file__).resolve().parent.parent
SMALL_PAGE = ROOT / "corpus" / "003_d6db0eeac26c1386.txt"


def _flip_vector_bytes(files: IndexFiles) -> None:
    """Damage behind a valid .npy header: the shape still matches the id list."""
    path = files.root / "vectors.npy"
    data = bytearray(path.read_bytes())
    for offset in range(len(data) - 4000, len(data) - 8, 7):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


DAMAGE = {
    "zero-byte vectors.npy": lambda files: (files.root / "vectors.npy").write_bytes(b""),
    "vector copy damaged behind a valid header": _flip_vector_bytes,
    "zero-byte BM25 array": lambda files: (files.bm25 / "data.npy").write_bytes(b""),
    "BM25 metadata cut off": lambda files: (files.bm25 / "meta.json").write_text('{"version": 1, '),
    # an index an older release wrote, whose stems this one reads differently
    "BM25 index of an older format": lambda files: (files.bm25 / "meta.json").write_text(
        (files.bm25 / "meta.json").read_text().replace('"version": 2', '"version": 1', 1)
    ),
    "garbage paper store": lambda files: files.papers.write_bytes(b"not a database" * 300),
    "broken acronym map": lambda files: files.acronyms.write_text("{not json"),
}


@pytest.mark.slow
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_index_verifies_what_queries_trust_and_repairs_it_without_re_embedding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    import shutil

    from test_index import CountingEmbedder, HashingEmbedder

    from assistant.errors import IndexStateError
    from assistant.index import sync
    from assistant.retrieve import Retriever
    from assistant.settings import load_settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL_PAGE, corpus / SMALL_PAGE.name)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    settings = load_settings()
    sync(settings, HashingEmbedder())
    query = "learned video compression entropy model"
    expected = {
        mode: [
            hit.paper.id
            for hit in Retriever(settings, embedder=HashingEmbedder()).retrieve(query, 5, mode).hits
        ]  # type: ignore[arg-type]
        for mode in ("dense", "bm25")
    }
    files = IndexFiles(settings)
    DAMAGE[damage](files)
    try:  # before the repair: a right answer or a clear IndexStateError, never a crash
        Retriever(settings, embedder=HashingEmbedder()).retrieve(query, 5, "hybrid")
    except IndexStateError as error:
        assert "assistant index" in str(error)

    counting = CountingEmbedder(HashingEmbedder())
    report = sync(settings, counting)
    assert counting.texts == [], "repaired from the papers and Chroma, nothing re-embedded"
    assert report.papers == 47
    repaired = Retriever(settings, embedder=HashingEmbedder())
    for mode, ids in expected.items():
        assert [hit.paper.id for hit in repaired.retrieve(query, 5, mode).hits] == ids  # type: ignore[arg-type]
    assert isinstance(json.loads(files.acronyms.read_text()), dict)
    from assistant import snapshot

    assert snapshot.load(files.root, verify=True) is not None
