"""The index: real embedded Chroma and a real Chroma server, BM25 beside it, incremental by content."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.collection import add_papers, load_collection
from assistant.embedding import Embedder, make_embedder
from assistant.errors import IndexStateError, StoreUnavailableError
from assistant.index import IndexFiles, is_current, read_manifest, sync
from assistant.retrieve import Retriever
from assistant.settings import Settings, load_settings
from assistant.store import paper_chunk_id


class CountingEmbedder(Embedder):
    """Wraps a real embedder and counts the texts it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.max_tokens = inner.max_tokens
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed(texts)


class HashingEmbedder(Embedder):
    """Deterministic bag-of-words vectors: fast, offline, and the same text gives the same vector."""

    name = "test:hashing"
    dimension = 64
    max_tokens = 10_000

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                bucket = int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension
                vectors[row, bucket] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)


def _jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    return path


def test_real_index_holds_every_paper_and_sentence(indexed_settings: Settings) -> None:
    manifest = read_manifest(indexed_settings)
    assert manifest is not None and manifest["state"] == "clean" and manifest["papers"] == 484
    retriever = Retriever(indexed_settings)
    assert retriever.paper_store.count() == 484
    assert retriever.store.count() > 484 * 5  # a paper chunk plus its sentence chunks
    assert len(retriever.store.indexed_hashes()) == 484
    assert is_current(indexed_settings, retriever.embedder.name)


def test_unchanged_corpus_reindexes_without_embedding(writable_index: Settings) -> None:
    embedder = CountingEmbedder(make_embedder(writable_index))
    report = sync(writable_index, embedder)
    assert embedder.texts == []
    assert (report.added, report.updated, report.removed) == (0, 0, 0)


def test_new_changed_and_removed_papers_touch_only_themselves(
    writable_index: Settings, tmp_path: Path
) -> None:
    embedder = CountingEmbedder(make_embedder(writable_index))
    added = _jsonl(
        tmp_path / "one.jsonl",
        {
            "title": "Gradient Widgets for Sparse Graphs",
            "abstract": "We propose GraphWidget. It is fast.",
        },
    )
    add_papers(writable_index, added)
    report = sync(writable_index, embedder)
    assert report.added == 1 and report.updated == 0
    assert len(embedder.texts) == 3  # the title and two sentences
    retriever = Retriever(writable_index, embedder=embedder)
    assert (
        retriever.retrieve("GraphWidget sparse graphs", 3, "bm25")
        .hits[0]
        .paper.title.startswith("Gradient Widgets")
    )

    embedder.texts.clear()
    _jsonl(
        tmp_path / "one.jsonl",
        {
            "title": "Gradient Widgets for Sparse Graphs",
            "abstract": "We propose GraphWidget2. Faster now.",
        },
    )
    add_papers(writable_index, tmp_path / "one.jsonl")
    report = sync(writable_index, embedder)
    assert report.updated == 1 and report.added == 0 and len(embedder.texts) == 3

    writable_index.added_papers_path.unlink()
    embedder.texts.clear()
    report = sync(writable_index, embedder)
    assert report.removed == 1 and embedder.texts == []
    retriever = Retriever(writable_index, embedder=embedder)
    assert "GraphWidget" not in " ".join(
        hit.paper.abstract for hit in retriever.retrieve("GraphWidget", 5, "hybrid").hits
    )
    assert retriever.paper_store.count() == 484


def test_interrupted_write_is_repaired(writable_index: Settings) -> None:
    """Sentence chunks without their paper chunk (a crash mid-write) are removed and re-embedded."""
    embedder = CountingEmbedder(make_embedder(writable_index))
    retriever = Retriever(writable_index, embedder=embedder)
    victim = load_collection(writable_index)[0]
    retriever.store.collection().delete(ids=[paper_chunk_id(victim.id)])
    manifest = read_manifest(writable_index)
    assert manifest is not None
    IndexFiles(writable_index).manifest.write_text(json.dumps(manifest | {"state": "syncing"}))
    report = sync(writable_index, embedder)
    assert report.repaired == 1 and report.added == 1
    assert len(retriever.store.indexed_hashes()) == 484


def test_index_built_with_another_embedder_must_be_rebuilt(indexed_settings: Settings) -> None:
    retriever = Retriever(indexed_settings, embedder=HashingEmbedder())
    with pytest.raises(IndexStateError, match="--rebuild"):
        retriever.store.collection()


def test_small_collection_on_a_real_chroma_server(
    chroma_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.txt").write_text(
        "new\n\nLinear Attention for Long Sequences\n\nWe propose LinAttn, a linear attention. It scales.\n\n"
        "Protein Folding with Diffusion\n\nWe fold proteins with a diffusion model. Accuracy improves.\n\n"
        "Quantized State Space Models\n\nWe quantize Mamba to 4-bit weights. Generation is 3x faster.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", chroma_server.url)
    monkeypatch.setenv(
        "ASSISTANT_CHROMA_COLLECTION", f"test_{tmp_path.name[-20:]}".replace("-", "_")
    )
    settings = load_settings()
    embedder = CountingEmbedder(HashingEmbedder())
    report = sync(settings, embedder)
    assert report.added == 3 and not (settings.index_dir / "chroma").exists()
    retriever = Retriever(settings, embedder=embedder)
    dense = retriever.retrieve("We fold proteins with a diffusion model.", 1, "dense")
    assert dense.hits[0].paper.title == "Protein Folding with Diffusion"
    hybrid = retriever.retrieve("quantize Mamba", 3, "hybrid")
    assert hybrid.hits[0].paper.title == "Quantized State Space Models"
    embedder.texts.clear()
    assert sync(settings, embedder).added == 0 and embedder.texts == []


def test_unreachable_chroma_server_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from servers import free_port

    monkeypatch.setenv("ASSISTANT_CHROMA_URL", f"http://127.0.0.1:{free_port()}")
    settings = load_settings()
    with pytest.raises(StoreUnavailableError, match=r"127\.0\.0\.1") as error:
        sync(settings, HashingEmbedder())
    assert "\n" not in str(error.value)


def test_vector_snapshot_answers_like_chroma(indexed_settings: Settings) -> None:
    from assistant import snapshot

    retriever = Retriever(indexed_settings)
    copy = snapshot.load(IndexFiles(indexed_settings).root)
    assert copy is not None and len(copy.ids) == retriever.store.count()
    vector = retriever.embedder.embed_query("entropy minimization at test time")
    from_chroma = retriever.store.query(vector, 20)
    from_copy = copy.query(vector, 20)
    assert [hit.paper_id for hit in from_copy[:10]] == [hit.paper_id for hit in from_chroma[:10]]
    assert abs(from_copy[0].similarity - from_chroma[0].similarity) < 1e-4


def test_search_process_imports_neither_chromadb_nor_torch(indexed_settings: Settings) -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom assistant.cli import main\nsys.argv=['assistant','search','mamba','--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', [m for m in ('chromadb', 'torch', 'sentence_transformers') if m in sys.modules])"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "HEAVY []" in completed.stdout, completed.stdout[-300:] + completed.stderr[-500:]


def test_an_upgrade_that_reads_abstracts_differently_rewrites_the_paper_store_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored claims carry the analysing code's version: after an upgrade the index is not
    current, and the next sync rewrites the paper store without embedding anything again."""
    from assistant.paperstore import PaperStore

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.txt").write_text(
        "new\n\nLinear Attention for Long Sequences\n\nWe propose LinAttn, a linear attention. "
        "It scales.\n\nQuantized State Space Models\n\nWe quantize Mamba to 4-bit weights. "
        "Generation is 3x faster.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path / "home"))
    settings = load_settings()
    embedder = CountingEmbedder(HashingEmbedder())
    sync(settings, embedder)
    assert is_current(settings, embedder.name)
    embedded_before = len(embedder.texts)

    monkeypatch.setattr("assistant.index.state.analysis_version", lambda: "next-release")
    monkeypatch.setattr("assistant.text.analysis.analysis_version", lambda: "next-release")
    assert not is_current(settings, embedder.name)
    report = sync(settings, embedder)
    assert report.embedded_texts == 0 and len(embedder.texts) == embedded_before
    assert is_current(settings, embedder.name)
    store = PaperStore(IndexFiles(settings).papers, read_only=True)
    try:
        assert store.analysed()  # every record now in the new version
    finally:
        store.close()
