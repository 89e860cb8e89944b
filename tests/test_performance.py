"""What the performance work promises: int8 re-embeds under its own name, the float16 snapshot
searches exactly and is rewritten when its precision changes, HNSW settings reach Chroma."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from test_index import CountingEmbedder, HashingEmbedder

from assistant import snapshot
from assistant.index import IndexFiles, is_current, read_manifest, store_for, sync
from assistant.settings import load_settings

SMALL_PAGE = Path(__file__).resolve().parent.parent / "corpus" / "003_d6db0eeac26c1386.txt"


class OtherModel(HashingEmbedder):
    """The same vectors under another name: what switching precision looks like to the index."""

    name = "test:hashing-int8"


@pytest.fixture
def small_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL_PAGE, corpus / SMALL_PAGE.name)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    return corpus


def test_another_embedder_re_embeds_every_paper(small_corpus: Path) -> None:
    settings = load_settings()
    first = sync(settings, HashingEmbedder())
    counting = CountingEmbedder(OtherModel())
    report = sync(settings, counting)
    assert report.papers == first.papers == 47
    assert report.embedded_texts == first.embedded_texts == len(counting.texts) > 47
    assert read_manifest(settings)["embedder"] == OtherModel.name  # type: ignore[index]
    assert is_current(settings, OtherModel.name)
    assert not is_current(settings, HashingEmbedder.name)
    collection = store_for(settings, OtherModel.name).collection()
    assert collection.metadata["embedder"] == OtherModel.name


def test_snapshot_precision_change_rewrites_the_copy_without_re_embedding(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_SNAPSHOT_PRECISION", "float32")
    sync(load_settings(), HashingEmbedder())
    root = IndexFiles(load_settings()).root
    assert snapshot.load(root, precision="float32") is not None
    monkeypatch.setenv("ASSISTANT_SNAPSHOT_PRECISION", "float16")
    counting = CountingEmbedder(HashingEmbedder())
    sync(load_settings(), counting)
    assert counting.texts == []
    copy = snapshot.load(root, verify=True, precision="float16")
    assert copy is not None and copy.dtype == np.float16


@pytest.mark.parametrize("precision", ["float16", "float32"])
def test_snapshot_search_is_exact_across_blocks(tmp_path: Path, precision: str) -> None:
    rng = np.random.default_rng(3)
    rows = snapshot.BLOCK_ROWS + 1_234  # two blocks, the second partial
    vectors = rng.normal(size=(rows, 48)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = [f"paper-{row % 5_000}#s{row // 5_000}" for row in rng.permutation(rows)]
    snapshot.write(tmp_path, ids, vectors, precision=precision)  # type: ignore[arg-type]
    copy = snapshot.load(tmp_path, verify=True)
    assert copy is not None and len(copy.ids) == rows
    assert list(copy.ids) == sorted(chunk_id.encode() for chunk_id in ids)
    stored = vectors.astype(precision).astype(np.float32)
    for row in (0, 17, rows - 1):
        query = vectors[row]
        expected = np.argsort(-(stored @ query), kind="stable")[:10]
        hits = copy.query(query, 10)
        assert [f"{hit.paper_id}#s{hit.position}" for hit in hits] == [ids[i] for i in expected]
        assert hits[0].similarity == pytest.approx(float(stored[row] @ query), abs=1e-5)
    found = copy.vectors_for([ids[5], "missing#paper", ids[rows - 1]])
    assert set(found) == {ids[5], ids[rows - 1]}
    assert found[ids[5]].dtype == np.float32
    np.testing.assert_allclose(found[ids[5]], stored[5], atol=1e-6)


def test_snapshot_of_another_format_or_precision_is_not_trusted(tmp_path: Path) -> None:
    vectors = np.eye(4, dtype=np.float32)
    snapshot.write(
        tmp_path, ["a#paper", "b#paper", "c#paper", "d#paper"], vectors, precision="float16"
    )
    assert snapshot.load(tmp_path, precision="float16") is not None
    assert snapshot.load(tmp_path, precision="float32") is None
    (tmp_path / "vectors.json").write_text('{"version": 1}')
    assert snapshot.load(tmp_path) is None
    snapshot.remove(tmp_path)
    assert not snapshot.exists(tmp_path) and list(tmp_path.iterdir()) == []


def test_hnsw_settings_reach_the_collection(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_HNSW_SEARCH_EF", "200")
    monkeypatch.setenv("ASSISTANT_HNSW_CONSTRUCTION_EF", "160")
    monkeypatch.setenv("ASSISTANT_HNSW_MAX_NEIGHBORS", "24")
    sync(load_settings(), HashingEmbedder())
    hnsw = store_for(load_settings(), HashingEmbedder.name).collection().configuration["hnsw"]
    assert (hnsw["ef_search"], hnsw["ef_construction"], hnsw["max_neighbors"]) == (200, 160, 24)
    monkeypatch.setenv("ASSISTANT_HNSW_SEARCH_EF", "320")
    sync(load_settings(), HashingEmbedder())
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # read what is on disk, not this process's copy
    hnsw = store_for(load_settings(), HashingEmbedder.name).collection().configuration["hnsw"]
    assert hnsw["ef_search"] == 320


def test_an_older_snapshot_format_is_rewritten_by_the_next_question(small_corpus: Path) -> None:
    from assistant.index import ensure_current

    settings = load_settings()
    sync(settings, HashingEmbedder())
    root = IndexFiles(settings).root
    snapshot.remove(root)
    (root / "vectors.npy").write_bytes(b"format 1")
    (root / "vector_ids.json").write_text('{"version": 1, "ids": []}')
    assert not is_current(settings, HashingEmbedder.name)
    counting = CountingEmbedder(HashingEmbedder())
    ensure_current(settings, counting)
    assert counting.texts == []
    assert snapshot.load(root, verify=True) is not None
    assert not (root / "vector_ids.json").exists()


def test_a_format_2_snapshot_is_rewritten_with_codes_by_the_next_question(
    small_corpus: Path,
) -> None:
    from assistant.index import ensure_current

    settings = load_settings()
    sync(settings, HashingEmbedder())
    root = IndexFiles(settings).root
    meta = json.loads((root / "vectors.json").read_text())
    (root / "vectors.json").write_text(json.dumps(meta | {"version": 2}))
    for name in ("vector_codes.npy", "vector_projection.npy"):
        (root / name).unlink()
    assert not is_current(settings, HashingEmbedder.name)
    counting = CountingEmbedder(HashingEmbedder())
    ensure_current(settings, counting)
    assert counting.texts == []
    copy = snapshot.load(root, verify=True)
    assert copy is not None and copy.codes.shape[1] == len(copy.ids)
