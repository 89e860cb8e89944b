"""Retrieval benchmark: index build times, search latency, CLI wall time and peak memory.

    python benchmarks/bench_retrieval.py              # cold build in a temporary data directory
    python benchmarks/bench_retrieval.py --home DIR   # reuse DIR (cold build only if it has no index)

Prints one table. Figures are wall-clock on this machine; run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES_FILE = ROOT / "evals" / "questions.jsonl"


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one `assistant ...` process."""
    started = time.perf_counter()
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import resource, sys\n"
            "from assistant.cli import main\n"
            "try:\n    main()\nfinally:\n"
            "    sys.stderr.write(f'\\nRSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')",
            *args,
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"assistant {' '.join(args)} failed:\n{completed.stderr}")
    rss = int(completed.stderr.rsplit("RSS_KB=", 1)[1].split()[0])
    return seconds, rss


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--home", type=Path, help="data directory to use (default: a fresh temp dir)"
    )
    parser.add_argument("--runs", type=int, default=10, help="CLI runs for wall time")
    arguments = parser.parse_args()

    home = arguments.home or Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    env = dict(os.environ, ASSISTANT_HOME=str(home))
    rows: list[tuple[str, str]] = []

    if not (home / "models").exists():
        # The one-off ONNX export (torch is loaded for it) is timed apart from the index build.
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path; "
                "from assistant.embedding import LocalMiniLM; LocalMiniLM(Path(sys.argv[1])).embed(['x'])",
                str(home / "models"),
            ],
            check=True,
            capture_output=True,
        )
        rows.append(("one-off ONNX export of the model", f"{time.perf_counter() - started:.1f} s"))
    if not (home / "index" / "manifest.json").exists():
        seconds, rss = run_cli(["index"], env)
        rows.append(
            (
                "cold index (484 papers, ONNX model cached)",
                f"{seconds:.1f} s, peak RSS {rss / 1024:.0f} MB",
            )
        )
    seconds, _ = run_cli(["index"], env)
    rows.append(("re-index, unchanged corpus (whole process)", f"{seconds:.2f} s"))

    os.environ["ASSISTANT_HOME"] = str(home)
    from assistant.retrieve import Retriever
    from assistant.settings import load_settings

    retriever = Retriever(load_settings())
    retriever.ensure_index()
    queries = [
        json.loads(line)["question"]
        for line in QUERIES_FILE.read_text(encoding="utf-8").splitlines()
    ]
    for mode in ("bm25", "dense", "hybrid"):
        retriever.retrieve(queries[0], 10, mode)  # warm caches
        timings = []
        for query in queries:
            started = time.perf_counter()
            retriever.retrieve(query, 10, mode)
            timings.append((time.perf_counter() - started) * 1000)
        rows.append(
            (
                f"in-process search, {mode} ({len(queries)} queries)",
                f"p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms",
            )
        )

    from assistant import Assistant

    assistant = Assistant(retriever.settings, retriever=retriever)
    assistant.ask(queries[0])  # warm caches
    timings = []
    for query in queries:
        started = time.perf_counter()
        assistant.ask(query)
        timings.append((time.perf_counter() - started) * 1000)
    rows.append(
        (
            f"in-process ask: retrieve + write + verify ({len(queries)} questions)",
            f"p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms",
        )
    )

    for command in ("search", "ask"):
        walls, peaks = [], []
        for run in range(arguments.runs):
            seconds, rss = run_cli([command, queries[run % len(queries)], "--json"], env)
            walls.append(seconds)
            peaks.append(rss)
        rows.append(
            (
                f"`assistant {command}` wall, warm index ({arguments.runs} runs)",
                f"p50 {statistics.median(walls):.2f} s, p95 {percentile(walls, 0.95):.2f} s",
            )
        )
        rows.append((f"`assistant {command}` peak RSS", f"{max(peaks) / 1024:.0f} MB"))

    width = max(len(name) for name, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|------")
    for name, value in rows:
        print(f"{name.ljust(width)} | {value}")
    load = os.getloadavg()[0]
    print(f"\nmachine: {os.cpu_count()} cores, load average {load:.2f}; data directory {home}")


if __name__ == "__main__":
    main()
