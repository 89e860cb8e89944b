"""Scale benchmark: index and query synthetic collections of growing size, embedded and on a server.

    python benchmarks/bench_scale.py --work W                             # 484 and 10k, embedded
    python benchmarks/bench_scale.py --work W --sizes 484,10000 --server --exact
    python benchmarks/bench_scale.py --work W --sizes 100000 --no-documents --exact \
        --index-steps 3 --steps-per-run 1          # run 3 times: one growing step per invocation

Each size is a synthetic collection (benchmarks/synthetic.py: the corpus's own sentences, planted
queries with known answers). Indexing uses ``assistant.index.sync`` with an embedding cache: every
distinct text (title or sentence) is embedded once by the real MiniLM model and then served from a
dict, because embedding 100k abstracts on a 2-core laptop takes hours. So index throughput at scale
is Chroma + BM25 + paper store + acronyms with cached sentence vectors; the real model's own
throughput is measured on a sample and printed separately. Queries always run the real model.

--no-documents indexes exactly as sync() does except that Chroma is not given the chunk texts
(nothing reads them back): the change recommended for ChromaStore.add_chunks. --index-steps grows
the index in steps (each its own process and time limit); --exact adds a diagnostic: dense recall
with exact search over the same vectors, to tell HNSW losses from the model's.

Each index step and each query session runs in its own process (peak RSS is that process's),
bounded by --time-limit. Results are kept in <work>/results/ and the table shows every result there,
so a later run with a bigger size adds columns. Figures are wall-clock; the load average is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(ROOT / "tests"))

import synthetic  # noqa: E402
from bench_peer import Launcher  # noqa: E402

from assistant.embedding import Embedder, LocalMiniLM  # noqa: E402

EVAL_QUESTIONS = ROOT / "evals" / "questions.jsonl"
TOP_K = 10
SEED = 7
MODES = ("dense", "bm25", "hybrid")
NO_DOCUMENTS = "-nodocs"
SNAPSHOT = "-snapshot"
HYBRID_PARTS = ("embed query", "vector search", "bm25", "rank + fuse", "paper store")


class CachedEmbedder(Embedder):
    """Each distinct text is embedded once by the real model, then served from a dict.

    Queries bypass the cache: query latency always includes the real model.
    """

    def __init__(self, inner: Embedder, cache: dict[str, np.ndarray]) -> None:
        self.inner = inner
        self.name = inner.name  # the index is the real model's index
        self.dimension = inner.dimension
        self.max_tokens = inner.max_tokens
        self.cache = cache
        self.misses = 0
        self.seconds = 0.0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        started = time.perf_counter()
        missing = [text for text in dict.fromkeys(texts) if text not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.inner.embed(missing), strict=True))
            self.misses += len(missing)
        rows = [self.cache[text] for text in texts]
        self.seconds += time.perf_counter() - started
        return np.stack(rows) if rows else np.zeros((0, self.dimension), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)


def load_cache(path: Path) -> dict[str, np.ndarray]:
    if not path.with_suffix(".json").exists():
        return {}
    texts = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    vectors = np.load(path.with_suffix(".npy"))
    return dict(zip(texts, vectors, strict=True))


def save_cache(path: Path, cache: dict[str, np.ndarray]) -> None:
    texts = list(cache)
    np.save(path.with_suffix(".npy"), np.stack([cache[text] for text in texts]))
    path.with_suffix(".json").write_text(json.dumps(texts), encoding="utf-8")


def directory_megabytes(path: Path) -> float:
    files = [item for item in path.rglob("*") if item.is_file()] if path.exists() else []
    return sum(item.stat().st_size for item in files) / 1e6


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def settings_for(home: Path, model_dir: Path, chroma_url: str | None) -> Any:
    from assistant.settings import Settings

    return Settings(
        home=home,
        model_dir=model_dir,
        corpus_dir=home / "no-corpus",  # the collection is passed explicitly, never read from here
        chroma_url=chroma_url,
        chroma_collection="synthetic",
        chroma_timeout=120.0,  # big upserts on a busy 2-core machine; not a liveness check
    )


# --- child processes ----------------------------------------------------------------------------


def index_child(arguments: argparse.Namespace) -> dict[str, Any]:
    """Fill the cache for this step's papers with the real model, then time sync() over them.

    Step i of n indexes the first i/n of the collection: step 1 from nothing, later steps add to
    the index the step before left (each a separate, resumable sync, as a growing collection is).
    """
    from assistant.corpus import parse_paper_file
    from assistant.index import chunks_for, sync

    step, steps = (int(part) for part in arguments.step.split("/"))
    papers = parse_paper_file(arguments.papers)  # exactly what `assistant add` reads
    new = len(papers) * step // steps - len(papers) * (step - 1) // steps
    papers = papers[: len(papers) * step // steps]
    cache_path = arguments.work / "embedding-cache"
    cache = load_cache(cache_path)
    model = LocalMiniLM(arguments.model_dir)
    texts = {paper.title for paper in papers}
    texts.update(
        chunk.text for paper in papers for chunk in chunks_for(paper) if chunk.kind == "sentence"
    )
    missing = [text for text in texts if text not in cache]
    started = time.perf_counter()
    if missing:
        cache.update(zip(missing, model.embed(missing), strict=True))
        save_cache(cache_path, cache)
    fill_seconds = time.perf_counter() - started

    embedder = CachedEmbedder(model, cache)
    settings = settings_for(arguments.home, arguments.model_dir, arguments.chroma_url)
    marks = iter(range(1, 11))
    next_mark = [next(marks)]

    def progress(done: int, total: int) -> None:
        if total and done * 10 >= next_mark[0] * total:
            sys.stderr.write(
                f"  indexed {done}/{total} papers, {time.perf_counter() - started:.0f} s\n"
            )
            next_mark[0] = next(marks, 11)

    started = time.perf_counter()
    parts: dict[str, float] = {}
    if arguments.no_documents:
        embedded = index_without_documents(settings, embedder, papers, new, parts)
    else:
        embedded = sync(
            settings, embedder, papers=papers, rebuild=step == 1, progress=progress
        ).embedded_texts
    seconds = time.perf_counter() - started
    return {
        "papers": len(papers),
        "distinct_texts": len(texts),
        "cache_fill_texts": len(missing),
        "cache_fill_seconds": fill_seconds,
        "embedded_texts": embedded,
        "index_seconds": seconds,
        "index_parts": parts,
        "embedding_seconds": embedder.seconds,
        "model_texts_during_index": embedder.misses,
    }


def index_without_documents(
    settings: Any, embedder: Embedder, papers: Sequence[Any], new: int, parts: dict[str, float]
) -> int:
    """What sync() writes when the last ``new`` papers are new, but Chroma gets no ``documents``.

    Nothing reads chunk texts back from Chroma (the paper store holds them), so this measures the
    change recommended for ChromaStore.add_chunks; queries read exactly the same index.
    """
    import shutil

    from assistant import bm25
    from assistant.index import IndexFiles, _chunk_vectors, chunks_for, store_for
    from assistant.paperstore import PaperStore
    from assistant.text import acronyms

    files = IndexFiles(settings)
    store = store_for(settings, embedder.name)
    if new == len(papers):
        shutil.rmtree(files.root, ignore_errors=True)
        if settings.chroma_url is not None:
            store.drop()
    collection = store.collection(create=True)
    started = time.perf_counter()
    embedded = 0
    for start in range(len(papers) - new, len(papers), settings.index_batch_papers):
        batch = papers[start : min(start + settings.index_batch_papers, len(papers))]
        chunks = [chunk for paper in batch for chunk in chunks_for(paper)]
        texts = [paper.title for paper in batch] + [c.text for c in chunks if c.kind == "sentence"]
        vectors = _chunk_vectors(batch, chunks, embedder.embed(texts))
        embedded += len(texts)
        hashes = {paper.id: paper.content_hash for paper in batch}
        for offset in range(0, len(chunks), 1_000):
            part = chunks[offset : offset + 1_000]
            collection.upsert(
                ids=[chunk.id for chunk in part],
                embeddings=vectors[offset : offset + 1_000],
                metadatas=[
                    {"paper_id": c.paper_id, "kind": c.kind, "position": c.position}
                    | ({"content_hash": hashes[c.paper_id]} if c.kind == "paper" else {})
                    for c in part
                ],
            )
    parts["chroma (no documents)"] = time.perf_counter() - started
    started = time.perf_counter()
    texts = [bm25.paper_text(paper.title, paper.abstract) for paper in papers]
    bm25.save(bm25.build([paper.id for paper in papers], texts), files.bm25)
    parts["bm25"] = time.perf_counter() - started
    started = time.perf_counter()
    PaperStore(files.papers).replace_all(papers)
    parts["paper store"] = time.perf_counter() - started
    started = time.perf_counter()
    files.acronyms.write_text(json.dumps(acronyms.mine(p.abstract for p in papers)), "utf-8")
    parts["acronyms"] = time.perf_counter() - started
    return embedded


def query_child(arguments: argparse.Namespace) -> dict[str, Any]:
    """Latency per mode, a breakdown of hybrid, and recall of the planted answers."""
    from assistant.retrieve import Retriever, reciprocal_rank_fusion
    from assistant.snapshot import VectorSnapshot

    settings = settings_for(arguments.home, arguments.model_dir, arguments.chroma_url)
    planted = synthetic.read_queries(synthetic.queries_path_for(arguments.papers))
    canned = [
        json.loads(line)["question"] for line in EVAL_QUESTIONS.read_text("utf-8").splitlines()
    ]
    texts = [query.query for query in planted] + canned
    started = time.perf_counter()
    retriever = Retriever(settings, LocalMiniLM(arguments.model_dir))
    retriever.retrieve(texts[0], TOP_K, "hybrid")
    open_seconds = time.perf_counter() - started

    result: dict[str, Any] = {"queries": len(texts), "open_seconds": open_seconds}
    timings: dict[str, list[float]] = {mode: [] for mode in MODES}
    found: dict[str, list[set[str]]] = {mode: [] for mode in MODES}
    # Where the snapshot searches by its codes, the same hybrid query with exact search, in the
    # same process and interleaved: the ratio of the two is immune to the machine's load.
    exact = None
    source = retriever._vector_source()
    if isinstance(source, VectorSnapshot) and len(source.ids) > getattr(
        source, "exact_max_rows", len(source.ids)
    ):
        retrieval = settings.retrieval.model_copy(update={"dense_exact_max_chunks": 10**9})
        exact = Retriever(settings.model_copy(update={"retrieval": retrieval}), retriever.embedder)
        exact.retrieve(texts[0], TOP_K, "hybrid")
        timings["hybrid, exact search"] = []
    for text in texts:
        for mode in MODES:  # interleaved, so a busy moment on the machine hits every mode alike
            started = time.perf_counter()
            hits = retriever.retrieve(text, TOP_K, mode).hits  # type: ignore[arg-type]
            timings[mode].append((time.perf_counter() - started) * 1000)
            found[mode].append({hit.paper.id for hit in hits})
        if exact is not None:
            started = time.perf_counter()
            exact.retrieve(text, TOP_K, "hybrid")
            timings["hybrid, exact search"].append((time.perf_counter() - started) * 1000)
    if exact is not None:
        result["hybrid_exact_p50"] = statistics.median(timings["hybrid, exact search"])
        result["hybrid_exact_p95"] = percentile(timings["hybrid, exact search"], 0.95)
    for mode in MODES:
        result[f"{mode}_p50"] = statistics.median(timings[mode])
        result[f"{mode}_p95"] = percentile(timings[mode], 0.95)
        for kind in ("rare_terms", "unique_sentence"):
            recalls = [
                len(set(query.gold) & hits) / len(query.gold)
                for query, hits in zip(planted, found[mode], strict=False)
                if query.kind == kind
            ]
            result[f"{mode}_recall_{kind}"] = statistics.mean(recalls)

    # Where a hybrid query's time goes: the steps retrieve() takes, timed one by one.
    parts: dict[str, list[float]] = {part: [] for part in HYBRID_PARTS}
    # Embedded stores up to dense_snapshot_max_chunks are searched from a numpy copy, others in Chroma.
    vector_source = retriever._vector_source()
    result["vector_search"] = (
        "numpy snapshot" if isinstance(vector_source, VectorSnapshot) else "chroma"
    )
    depth = max(settings.retrieval.fusion_depth, TOP_K)
    weights = {"bm25": settings.retrieval.bm25_weight, "dense": settings.retrieval.dense_weight}
    for text in texts:
        stamps = [time.perf_counter()]
        expanded = retriever.expand(text)
        vector = retriever.embedder.embed_query(expanded)
        stamps.append(time.perf_counter())
        chunk_hits = vector_source.query(vector, max(settings.retrieval.dense_chunk_depth, depth))
        stamps.append(time.perf_counter())
        bm25_ranking = retriever.bm25_ranking(expanded, depth)
        stamps.append(time.perf_counter())
        best: dict[str, float] = {}
        for hit in chunk_hits:
            best[hit.paper_id] = max(hit.similarity, best.get(hit.paper_id, -1.0))
        dense_ranking = sorted(best.items(), key=lambda item: -item[1])[:depth]
        rankings = {"bm25": bm25_ranking, "dense": dense_ranking}
        fused = reciprocal_rank_fusion(rankings, k=settings.retrieval.rrf_k, weights=weights)[
            :TOP_K
        ]  # type: ignore[arg-type]
        stamps.append(time.perf_counter())
        retriever.paper_store.get_many([paper_id for paper_id, _, _ in fused])
        stamps.append(time.perf_counter())
        for part, begin, end in zip(HYBRID_PARTS, stamps, stamps[1:], strict=False):
            parts[part].append((end - begin) * 1000)
    result["hybrid_parts_p50"] = {part: statistics.median(values) for part, values in parts.items()}
    if arguments.search_ef and result["vector_search"] == "chroma":
        result["hnsw_sweep"] = hnsw_sweep(retriever, planted, arguments.search_ef)
    return result


def hnsw_sweep(retriever: Any, planted: list[Any], values: str) -> dict[str, dict[str, float]]:
    """Dense recall and latency at each ef_search, set on the collection as the setting would."""
    store = retriever.store
    sweep: dict[str, dict[str, float]] = {}
    for value in (int(part) for part in values.split(",")):
        store.collection().modify(configuration={"hnsw": {"ef_search": value}})
        timings: list[float] = []
        recalls: dict[str, list[float]] = {}
        for query in planted:
            started = time.perf_counter()
            hits = retriever.retrieve(query.query, TOP_K, "dense").hits
            timings.append((time.perf_counter() - started) * 1000)
            found = {hit.paper.id for hit in hits}
            recalls.setdefault(query.kind, []).append(
                len(set(query.gold) & found) / len(query.gold)
            )
        sweep[str(value)] = {"p50": statistics.median(timings)} | {
            kind: statistics.mean(values) for kind, values in recalls.items()
        }
    return sweep


def exact_child(arguments: argparse.Namespace) -> dict[str, Any]:
    """Diagnostic: dense recall of the planted answers with exact search over the same vectors.

    The chunk vectors are rebuilt from the cache exactly as indexing made them, so the gap to the
    dense figures of the query run is what Chroma's approximate (HNSW) search loses.
    """
    from assistant.corpus import parse_paper_file
    from assistant.index import _chunk_vectors, chunks_for

    papers = parse_paper_file(arguments.papers)
    cache = load_cache(arguments.work / "embedding-cache")
    model = LocalMiniLM(arguments.model_dir)
    paper_ids: list[str] = []
    blocks = []
    for start in range(0, len(papers), 512):
        batch = papers[start : start + 512]
        chunks = [chunk for paper in batch for chunk in chunks_for(paper)]
        texts = [paper.title for paper in batch] + [c.text for c in chunks if c.kind == "sentence"]
        blocks.append(_chunk_vectors(batch, chunks, np.stack([cache[text] for text in texts])))
        paper_ids.extend(chunk.paper_id for chunk in chunks)
    vectors = np.concatenate(blocks)
    owners = np.array(paper_ids)
    recalls: dict[str, list[float]] = {}
    for query in synthetic.read_queries(synthetic.queries_path_for(arguments.papers)):
        similarities = vectors @ model.embed_query(query.query)
        top: list[str] = []
        for row in np.argsort(-similarities)[:3_000]:  # best chunk per paper, ten papers
            if owners[row] not in top:
                top.append(str(owners[row]))
                if len(top) == TOP_K:
                    break
        recalls.setdefault(query.kind, []).append(len(set(query.gold) & set(top)) / len(query.gold))
    return {f"exact_recall_{kind}": statistics.mean(values) for kind, values in recalls.items()}


def cached_chunk_vectors(arguments: argparse.Namespace) -> tuple[list[str], np.ndarray]:
    """Every chunk id and vector of the collection as sync() would store them, from the cache
    (texts not in it yet are embedded by the real model and added)."""
    from assistant.corpus import parse_paper_file
    from assistant.index import _chunk_vectors, chunks_for

    papers = parse_paper_file(arguments.papers)
    cache_path = arguments.work / "embedding-cache"
    cache = load_cache(cache_path)
    embedder = CachedEmbedder(LocalMiniLM(arguments.model_dir), cache)
    ids: list[str] = []
    blocks = []
    for start in range(0, len(papers), 512):
        batch = papers[start : start + 512]
        chunks = [chunk for paper in batch for chunk in chunks_for(paper)]
        texts = [paper.title for paper in batch] + [c.text for c in chunks if c.kind == "sentence"]
        blocks.append(_chunk_vectors(batch, chunks, embedder.embed(texts)))
        ids.extend(chunk.id for chunk in chunks)
    if embedder.misses:
        save_cache(cache_path, cache)
    return ids, np.concatenate(blocks)


def snapshot_child(arguments: argparse.Namespace) -> dict[str, Any]:
    """Write the collection's vectors as the query-time snapshot at one precision."""
    from assistant import snapshot

    ids, vectors = cached_chunk_vectors(arguments)
    started = time.perf_counter()
    snapshot.write(arguments.home, ids, vectors, precision=arguments.precision)
    return {"chunks": len(ids), "write_seconds": time.perf_counter() - started}


def old_code(work: Path, ref: str) -> Path:
    """The package at ``ref``, unpacked once with ``git archive`` (nothing in .git changes)."""
    import subprocess

    directory = work / f"code-{ref}"
    if not (directory / "assistant").is_dir():
        directory.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(directory)], input=archive, check=True)
    return directory


def snapshot_query_child(arguments: argparse.Namespace) -> dict[str, Any]:
    """Open the snapshot as a question does and search it: latency, recall, (outside) memory."""
    from assistant import snapshot
    from assistant.tuning.retrieval import RetrievalSettings

    chunk_depth = RetrievalSettings().dense_chunk_depth
    planted = synthetic.read_queries(synthetic.queries_path_for(arguments.papers))
    model = LocalMiniLM(arguments.model_dir)
    started = time.perf_counter()
    copy = snapshot.load(arguments.home)
    assert copy is not None, f"no snapshot in {arguments.home}"
    first = copy.query(model.embed_query(planted[0].query), chunk_depth)
    open_seconds = time.perf_counter() - started
    assert first
    embed_times, search_times = [], []
    recalls: dict[str, list[float]] = {}
    for query in planted:
        started = time.perf_counter()
        vector = model.embed_query(query.query)
        embedded = time.perf_counter()
        hits = copy.query(vector, chunk_depth)
        search_times.append((time.perf_counter() - embedded) * 1000)
        embed_times.append((embedded - started) * 1000)
        top: list[str] = []
        for hit in hits:  # best chunk per paper, ten papers (as retrieve() ranks dense)
            if hit.paper_id not in top:
                top.append(hit.paper_id)
        found = set(top[:TOP_K])
        recalls.setdefault(query.kind, []).append(len(set(query.gold) & found) / len(query.gold))
    totals = [embed + search for embed, search in zip(embed_times, search_times, strict=True)]
    return {
        "open_seconds": open_seconds,
        "vector_search": f"numpy snapshot ({copy.dtype})",
        "dense_p50": statistics.median(totals),
        "dense_p95": percentile(totals, 0.95),
        "hybrid_parts_p50": {
            "embed query": statistics.median(embed_times),
            "vector search": statistics.median(search_times),
        },
        **{f"dense_recall_{kind}": statistics.mean(values) for kind, values in recalls.items()},
    }


def assemble_child(arguments: argparse.Namespace) -> dict[str, Any]:
    """An index without Chroma: BM25, paper store and acronyms built as sync() builds them, and
    the float32 snapshot linked in, so the real query path can be timed at sizes whose Chroma
    index would take hours to build here. Questions never open Chroma when the snapshot is there."""
    from assistant import bm25
    from assistant.corpus import parse_paper_file
    from assistant.index import IndexFiles
    from assistant.paperstore import PaperStore
    from assistant.text import acronyms

    papers = parse_paper_file(arguments.papers)
    files = IndexFiles(settings_for(arguments.home, arguments.model_dir, None))
    files.root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    texts = [bm25.paper_text(paper.title, paper.abstract) for paper in papers]
    bm25.save(bm25.build([paper.id for paper in papers], texts), files.bm25)
    PaperStore(files.papers).replace_all(papers)
    files.acronyms.write_text(json.dumps(acronyms.mine(p.abstract for p in papers)), "utf-8")
    seconds = time.perf_counter() - started
    source = arguments.snapshot_dir or arguments.work / f"snapshot-float32-{len(papers)}"
    for name in ("vector_codes.npy", "vector_projection.npy"):  # format 3's, not in older ones
        (files.root / name).unlink(missing_ok=True)
    for path in source.glob("vector*"):
        (files.root / path.name).unlink(missing_ok=True)
        os.link(path, files.root / path.name)
    return {"derived_seconds": seconds}


def measure_snapshot(
    size: int, precision: str, arguments: argparse.Namespace, launcher: Launcher
) -> dict[str, Any]:
    """A column for the snapshot alone (no Chroma, no BM25): write it, then query it."""
    work: Path = arguments.work
    papers_path = work / f"synthetic-{size}.jsonl"
    if not papers_path.exists():
        synthetic.write(synthetic.generate(size, seed=SEED, planted=arguments.planted), papers_path)
    directory = work / f"snapshot-{precision}-{size}"
    log = work / f"snapshot-{precision}-{size}.log"
    command = [sys.executable, str(Path(__file__).resolve())]
    options = ["--work", str(work), "--papers", str(papers_path), "--home", str(directory)]
    options += ["--model-dir", str(arguments.model_dir), "--precision", precision]
    result: dict[str, Any] = {
        "size": size,
        "backend": f"snapshot only, {precision}",
        "date": time.strftime("%m-%d %H:%M"),
    }
    env = dict(os.environ)
    run = launcher.run(
        [*command, "_snapshot", *options], env, timeout=arguments.time_limit, log=log
    )
    result.update(json.loads(run.stdout.strip().splitlines()[-1]))
    result["disk_mb"] = directory_megabytes(directory)
    run = launcher.run(
        [*command, "_snapshot_query", *options], env, timeout=arguments.time_limit, log=log
    )
    result["query_rss_mb"] = run.rss_mb
    result.update(json.loads(run.stdout.strip().splitlines()[-1]))
    return result


def measure_assembled(
    size: int, arguments: argparse.Namespace, launcher: Launcher, old_ref: str | None = None
) -> dict[str, Any]:
    """The real query process over the float32 snapshot with BM25 and the paper store; with
    ``old_ref``, the code at that commit (its own snapshot format) over the same collection."""
    work: Path = arguments.work
    papers_path = work / f"synthetic-{size}.jsonl"
    side = f"old-{old_ref}-" if old_ref else ""
    home = work / f"assembled-{side}{size}"
    log = work / f"assembled-{side}{size}.log"
    command = [sys.executable, str(Path(__file__).resolve())]
    options = ["--work", str(work), "--papers", str(papers_path), "--home", str(home)]
    options += ["--model-dir", str(arguments.model_dir)]
    env = dict(os.environ, ASSISTANT_DENSE_SNAPSHOT_MAX_CHUNKS=str(10**9))
    result: dict[str, Any] = {
        "size": size,
        "backend": "snapshot + bm25, no Chroma" + (f", code of {old_ref}" if old_ref else ""),
        "date": time.strftime("%m-%d %H:%M"),
    }
    if old_ref:
        env["PYTHONPATH"] = str(old_code(work, old_ref))
        snapshot_dir = work / f"snapshot-{side}float32-{size}"
        writer = [*options[:4], "--home", str(snapshot_dir), *options[6:], "--precision", "float32"]
        launcher.run(
            [*command, "_snapshot", *writer],
            env,
            timeout=arguments.time_limit,
            log=log,
        )
        options += ["--snapshot-dir", str(snapshot_dir)]
    run = launcher.run(
        [*command, "_assemble", *options], env, timeout=arguments.time_limit, log=log
    )
    result.update(json.loads(run.stdout.strip().splitlines()[-1]))
    result["disk_mb"] = directory_megabytes(home / "index")
    run = launcher.run([*command, "_query", *options], env, timeout=arguments.time_limit, log=log)
    result["query_rss_mb"] = run.rss_mb
    result.update(json.loads(run.stdout.strip().splitlines()[-1]))
    result["load_average"] = os.getloadavg()[0]
    return result


def model_throughput(model_dir: Path, sample: int) -> dict[str, float]:
    """The real model on corpus sentences and titles, after a warm-up batch."""
    material = synthetic.source_material()
    sentences = [s for sentences in material.abstracts for s in sentences][:sample]
    titles = material.titles[:sample]
    model = LocalMiniLM(model_dir)
    model.embed(sentences[:8])
    measured = {}
    for name, texts in (("sentences", sentences), ("titles", titles)):
        started = time.perf_counter()
        model.embed(texts)
        measured[name] = len(texts) / (time.perf_counter() - started)
    return measured


# --- the driver ---------------------------------------------------------------------------------


def peak_rss_mb(pid: int) -> float:
    """A running process's high-water RSS (VmHWM), for the server we do not wait for."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(
    size: int,
    backend: str,
    arguments: argparse.Namespace,
    launcher: Launcher,
    previous: dict[str, Any] | None,
) -> dict[str, Any]:
    """One column of the table; continues ``previous`` when it stopped between index steps."""
    work: Path = arguments.work
    papers_path = work / f"synthetic-{size}.jsonl"
    if not papers_path.exists():
        synthetic.write(synthetic.generate(size, seed=SEED, planted=arguments.planted), papers_path)
    home = work / f"{backend}-{size}"
    log = work / f"{backend}-{size}.log"
    result: dict[str, Any] = {
        "size": size,
        "backend": backend,
        "date": time.strftime("%m-%d %H:%M"),
    }
    steps: list[dict[str, Any]] = []
    if previous and previous.get("incomplete") and previous.get("steps") == arguments.index_steps:
        steps = previous["index_steps"]
        result["date"] = previous["date"]
    if arguments.query_only and previous and not previous.get("incomplete"):
        # the index on disk is the one measured before: keep its figures, query it again
        steps = previous["index_steps"]
        arguments.index_steps = len(steps)
    server = None
    if backend.startswith("server"):
        from servers import ChromaServer

        server = ChromaServer(work / f"server-data-{size}").start()
    try:
        command = [sys.executable, str(Path(__file__).resolve())]
        options = ["--work", str(work), "--papers", str(papers_path), "--home", str(home)]
        options += ["--model-dir", str(arguments.model_dir)]
        options += ["--chroma-url", server.url] if server is not None else []
        options += ["--no-documents"] if backend.endswith(NO_DOCUMENTS) else []
        options += ["--search-ef", arguments.search_ef] if arguments.search_ef else []
        env = dict(os.environ)
        if arguments.hnsw:
            neighbors, construction = arguments.hnsw.split(",")
            env["ASSISTANT_HNSW_MAX_NEIGHBORS"] = neighbors
            env["ASSISTANT_HNSW_CONSTRUCTION_EF"] = construction
        if SNAPSHOT in backend:
            # every size searched exactly from the numpy snapshot, as the setting allows
            env["ASSISTANT_DENSE_SNAPSHOT_MAX_CHUNKS"] = str(10**9)
        elif size > 484:
            # the 'embedded' columns measure Chroma itself, as before the snapshot's default
            # reached 1M vectors; '--snapshot' columns measure the snapshot
            env["ASSISTANT_DENSE_SNAPSHOT_MAX_CHUNKS"] = "0"
        first = len(steps) + 1
        for step in range(first, arguments.index_steps + 1):
            if step - first >= arguments.steps_per_run:  # the next invocation continues here
                result.update(index_steps=steps, steps=arguments.index_steps, incomplete=True)
                return result
            run = launcher.run(
                [*command, "_index", *options, "--step", f"{step}/{arguments.index_steps}"],
                env,
                timeout=arguments.time_limit,
                log=log,
                check=False,
            )
            steps.append({"seconds": run.seconds, "rss_mb": run.rss_mb, "failure": run.failure})
            if run.failure:
                result.update(index_steps=steps, failure=f"index step {step}: {run.failure}")
                return result
            steps[-1].update(json.loads(run.stdout.strip().splitlines()[-1]))
        result["index_steps"] = steps
        result["index_seconds"] = sum(step["index_seconds"] for step in steps)
        result["embedded_texts"] = sum(step["embedded_texts"] for step in steps)
        result["index_rss_mb"] = max(step["rss_mb"] for step in steps)
        result["disk_mb"] = directory_megabytes(home / "index")
        if server is not None:
            result["disk_mb"] += directory_megabytes(server.path)
        run = launcher.run(
            [*command, "_query", *options], env, timeout=arguments.time_limit, log=log, check=False
        )
        result["query_rss_mb"] = run.rss_mb
        if run.failure:
            result["failure"] = f"query: {run.failure}"
        else:
            result.update(json.loads(run.stdout.strip().splitlines()[-1]))
        if server is not None and server.process is not None:
            result["server_rss_mb"] = peak_rss_mb(server.process.pid)
        if arguments.exact:
            run = launcher.run(
                [*command, "_exact", *options],
                env,
                timeout=arguments.time_limit,
                log=log,
                check=False,
            )
            if not run.failure:
                result.update(json.loads(run.stdout.strip().splitlines()[-1]))
    finally:
        if server is not None:
            server.stop()
    return result


def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def print_table(results: list[dict[str, Any]], throughput: dict[str, float] | None) -> None:
    def label(result: dict[str, Any]) -> str:
        return f"{result['size']:,} {result['backend']}"

    def papers_per_second(r: dict[str, Any]) -> str:
        return fmt(r["size"] / r["index_seconds"], 0) if r.get("index_seconds") else "-"

    def per_step(r: dict[str, Any]) -> str:
        steps = [step for step in r.get("index_steps", []) if "index_seconds" in step]
        rates = [
            (step["papers"] - (steps[number - 1]["papers"] if number else 0))
            / step["index_seconds"]
            for number, step in enumerate(steps)
        ]
        return ", ".join(f"{rate:.0f}" for rate in rates) if len(rates) > 1 else "-"

    def cache_seconds(r: dict[str, Any]) -> str:
        steps = [step for step in r.get("index_steps", []) if "embedding_seconds" in step]
        return fmt(sum(step["embedding_seconds"] for step in steps)) if steps else "-"

    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("papers / texts embedded", lambda r: f"{r['size']:,} / {fmt(r.get('embedded_texts'))}"),
        ("index: sync() seconds", lambda r: fmt(r.get("index_seconds"))),
        (
            "snapshot: chunk vectors / write seconds",
            lambda r: f"{fmt(r.get('chunks'))} / {fmt(r.get('write_seconds'))}",
        ),
        ("index throughput (papers/s, cached vectors)", papers_per_second),
        ("  papers/s of each growing step", per_step),
        ("  of which embedding-cache lookups (s)", cache_seconds),
        ("index process peak RSS (MB)", lambda r: fmt(r.get("index_rss_mb"), 0)),
        ("on-disk size (MB)", lambda r: fmt(r.get("disk_mb"), 0)),
        ("open index + first query (s)", lambda r: fmt(r.get("open_seconds"), 2)),
        ("dense search runs on", lambda r: fmt(r.get("vector_search"))),
    ]
    for mode in MODES:
        rows.append(
            (
                f"{mode} query p50 / p95 (ms)",
                lambda r, m=mode: f"{fmt(r.get(f'{m}_p50'))} / {fmt(r.get(f'{m}_p95'))}",
            )
        )
    rows.append(
        (
            "  the same hybrid, exact search, interleaved (ms)",
            lambda r: (
                f"{fmt(r.get('hybrid_exact_p50'))} / {fmt(r.get('hybrid_exact_p95'))}"
                if "hybrid_exact_p50" in r
                else "-"
            ),
        )
    )
    for part in HYBRID_PARTS:
        rows.append(
            (
                f"  hybrid part p50: {part} (ms)",
                lambda r, p=part: fmt(r.get("hybrid_parts_p50", {}).get(p), 2),
            )
        )
    for kind in ("rare_terms", "unique_sentence"):
        rows.append(
            (
                f"planted recall@{TOP_K} {kind} (dense/bm25/hybrid)",
                lambda r, k=kind: "/".join(fmt(r.get(f"{m}_recall_{k}"), 2) for m in MODES),
            )
        )
    rows.append(
        (
            f"  diagnostic: dense recall@{TOP_K}, exact search (rare/sentence)",
            lambda r: "/".join(
                fmt(r.get(f"exact_recall_{kind}"), 2) for kind in ("rare_terms", "unique_sentence")
            ),
        )
    )
    rows.append(
        (
            "  HNSW ef_search: dense recall rare/sentence, p50 ms",
            lambda r: (
                "; ".join(
                    f"{ef}: {v['rare_terms']:.2f}/{v['unique_sentence']:.2f}, {v['p50']:.0f}"
                    for ef, v in r.get("hnsw_sweep", {}).items()
                )
                or "-"
            ),
        )
    )
    rows.append(("query process peak RSS (MB)", lambda r: fmt(r.get("query_rss_mb"), 0)))
    rows.append(("load average after the queries", lambda r: fmt(r.get("load_average"), 2)))
    rows.append(("Chroma server peak RSS (MB)", lambda r: fmt(r.get("server_rss_mb"), 0)))
    rows.append(
        (
            "failure / state",
            lambda r: (
                r.get("failure")
                or (
                    f"{len(r['index_steps'])} of {r['steps']} index steps"
                    if r.get("incomplete")
                    else ""
                )
            ),
        )
    )

    ordered = sorted(results, key=lambda r: (r["size"], r["backend"]))
    header = ["measure", *[label(r) for r in ordered]]
    body = [[name, *[render(result) for result in ordered]] for name, render in rows]
    lines = [header] + [line for line in body if any(cell.strip("-/ ") for cell in line[1:])]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    lines.insert(1, ["-" * width for width in widths])
    for line in lines:
        print(
            " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
    print(
        "\nIndex throughput at scale is measured with CACHED sentence/title vectors (each distinct "
        "text embedded once by the real model);\nquery latency always embeds the query with the "
        "real model. Hybrid parts are the steps of retrieve() timed one by one."
    )
    if throughput:
        print(
            f"Real model (all-MiniLM-L6-v2, onnxruntime, 2 threads): {throughput['sentences']:.0f} "
            f"sentences/s, {throughput['titles']:.0f} titles/s on this machine now."
        )
    dates = sorted({r["date"] for r in ordered})
    print(
        f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
        f"results from {', '.join(dates)}"
    )


def _estimated_index_seconds(work: Path, backend: str, size: int) -> float:
    """From the biggest smaller collection already indexed on this backend; 0 when there is none."""
    smaller = []
    for path in (work / "results").glob(f"{backend}-*.json"):
        result = json.loads(path.read_text("utf-8"))
        if result["backend"] == backend and result["size"] < size and result.get("index_seconds"):
            smaller.append(result)
    if not smaller:
        return 0.0
    biggest = max(smaller, key=lambda result: result["size"])
    # Chroma's HNSW inserts slow down as the graph grows; 1.3x is a margin, not a model.
    return 1.3 * size * biggest["index_seconds"] / biggest["size"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "phase",
        nargs="?",
        default="run",
        choices=["run", "_index", "_query", "_exact", "_snapshot", "_snapshot_query", "_assemble"],
        help=argparse.SUPPRESS,
    )
    parser.add_argument("--sizes", default="484,10000", help="comma-separated collection sizes")
    parser.add_argument(
        "--server", action="store_true", help="also run every size against `chroma run`"
    )
    parser.add_argument("--server-only", action="store_true", help="only the Chroma server")
    parser.add_argument("--work", type=Path, help="work directory (default: a fresh temp dir)")
    parser.add_argument("--planted", type=int, default=100, help="planted queries per collection")
    parser.add_argument("--time-limit", type=float, default=840.0, help="seconds per child process")
    parser.add_argument(
        "--sample", type=int, default=256, help="texts for the real model's throughput"
    )
    parser.add_argument(
        "--model-dir",
        type=Path,
        help="exported ONNX model (default: ASSISTANT_MODEL_DIR or <home>/models)",
    )
    parser.add_argument("--papers", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--chroma-url", help=argparse.SUPPRESS)
    parser.add_argument("--step", default="1/1", help=argparse.SUPPRESS)
    parser.add_argument(
        "--steps-per-run",
        type=int,
        default=1_000,
        help="run at most this many index steps now; run the same command again to continue",
    )
    parser.add_argument(
        "--exact",
        action="store_true",
        help="also score dense recall with exact search over the same vectors (a diagnostic)",
    )
    parser.add_argument(
        "--no-documents",
        action="store_true",
        help="index as sync() does but without chunk texts in Chroma (the recommended change)",
    )
    parser.add_argument(
        "--snapshot-only",
        action="store_true",
        help="measure the numpy snapshot alone (float16 and float32) at each size: no Chroma, no BM25",
    )
    parser.add_argument("--precision", default="float16", help=argparse.SUPPRESS)
    parser.add_argument("--snapshot-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--old-ref",
        help="with --snapshot-only: also run the query process with the code of this commit "
        "(e.g. main) over the same collection, its own snapshot format; columns side by side",
    )
    parser.add_argument(
        "--no-float16", action="store_true", help="with --snapshot-only: skip the float16 column"
    )
    parser.add_argument(
        "--query-only",
        action="store_true",
        help="reuse an index measured before (same --work) and only run the query side again",
    )
    parser.add_argument(
        "--snapshot",
        action="store_true",
        help="embedded only, with every size searched from the numpy snapshot (columns '-snapshot')",
    )
    parser.add_argument(
        "--hnsw",
        metavar="M,EF_CONSTRUCTION",
        help="build Chroma's HNSW graph with these settings (hnsw_max_neighbors, "
        "hnsw_construction_ef); columns get a '-M..-efc..' suffix",
    )
    parser.add_argument(
        "--search-ef",
        help="comma-separated HNSW ef_search values: dense recall and p50 at each (Chroma only)",
    )
    parser.add_argument(
        "--index-steps",
        type=int,
        default=1,
        help="index each collection in this many growing steps, each its own process and time limit",
    )
    arguments = parser.parse_args()
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

    children = {
        "_index": index_child,
        "_query": query_child,
        "_exact": exact_child,
        "_snapshot": snapshot_child,
        "_snapshot_query": snapshot_query_child,
        "_assemble": assemble_child,
    }
    if arguments.phase in children:
        print(json.dumps(children[arguments.phase](arguments)))
        return

    launcher = Launcher()  # started while this process is small; see bench_peer.Launcher
    if arguments.model_dir is None:
        from assistant.settings import load_settings

        arguments.model_dir = load_settings().model_cache_dir
    arguments.work = (arguments.work or Path(tempfile.mkdtemp(prefix="assistant-scale-"))).resolve()
    (arguments.work / "results").mkdir(parents=True, exist_ok=True)
    backends = ["server"] if arguments.server_only else ["embedded"]
    backends += ["server"] if arguments.server and not arguments.server_only else []
    backends = [backend + (NO_DOCUMENTS if arguments.no_documents else "") for backend in backends]
    if arguments.snapshot:
        backends = [backend + SNAPSHOT for backend in backends if backend.startswith("embedded")]
    if arguments.hnsw:
        neighbors, construction = arguments.hnsw.split(",")
        backends = [f"{backend}-M{neighbors}-efc{construction}" for backend in backends]
    throughput = model_throughput(arguments.model_dir, arguments.sample)
    for size in sorted(int(size) for size in arguments.sizes.split(",")):
        if arguments.snapshot_only:
            for precision in ("float32",) if arguments.no_float16 else ("float16", "float32"):
                sys.stderr.write(f"snapshot only, {precision}, {size:,} papers ...\n")
                result = measure_snapshot(size, precision, arguments, launcher)
                path = arguments.work / "results" / f"snapshot-{precision}-{size}.json"
                path.write_text(json.dumps(result, indent=2), encoding="utf-8")
            sys.stderr.write(f"snapshot + BM25 + paper store (no Chroma), {size:,} papers ...\n")
            result = measure_assembled(size, arguments, launcher)
            path = arguments.work / "results" / f"assembled-{size}.json"
            path.write_text(json.dumps(result, indent=2), encoding="utf-8")
            if arguments.old_ref:
                sys.stderr.write(f"the same with the code of {arguments.old_ref} ...\n")
                result = measure_assembled(size, arguments, launcher, arguments.old_ref)
                path = arguments.work / "results" / f"assembled-old-{size}.json"
                path.write_text(json.dumps(result, indent=2), encoding="utf-8")
            continue
        for backend in backends:
            path = arguments.work / "results" / f"{backend}-{size}.json"
            previous = json.loads(path.read_text("utf-8")) if path.exists() else None
            estimate = _estimated_index_seconds(arguments.work, backend, size)
            resuming = bool(previous and previous.get("incomplete"))
            if not resuming and estimate / arguments.index_steps > arguments.time_limit:
                sys.stderr.write(
                    f"skipping {backend}, {size:,} papers: indexing would take ~{estimate:.0f} s "
                    f"at the rate of a smaller collection, over {arguments.index_steps} step(s) "
                    f"of at most {arguments.time_limit:.0f} s; try more --index-steps\n"
                )
                continue
            sys.stderr.write(f"{backend}, {size:,} papers ...\n")
            result = measure(size, backend, arguments, launcher, previous)
            path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    results = [
        json.loads(path.read_text("utf-8")) for path in (arguments.work / "results").glob("*.json")
    ]
    launcher.close()
    print_table(results, throughput)


if __name__ == "__main__":
    main()
