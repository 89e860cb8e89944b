"""Concurrency soak: rounds of 2-3 concurrent `assistant add` processes, then every paper checked.

    python benchmarks/bench_concurrent_add.py                  # 20 rounds, each add also indexes
    python benchmarks/bench_concurrent_add.py --no-index --papers-per-file 1000   # the file race
                                                               # alone, large files, no index

Each round starts two or three `assistant add` processes at once, each with its own file of
distinct papers. At the end it checks the added-papers file (every paper exactly once, every line
whole), the collection, and unless --no-index the index (clean, every paper searchable by its
title with BM25 and dense search), and prints one table. A non-zero exit means a paper was lost, duplicated or unsearchable.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL_PAGE = ROOT / "corpus" / "003_d6db0eeac26c1386.txt"  # 47 papers: indexing stays cheap
WORDS = [
    "sparse",
    "adaptive",
    "robust",
    "latent",
    "spectral",
    "causal",
    "federated",
    "contrastive",
    "quantized",
    "hierarchical",
    "streaming",
    "modular",
    "diffusion",
    "recurrent",
    "graph",
    "kernel",
    "bayesian",
    "neural",
    "symbolic",
    "temporal",
]


def synthetic_papers(round_number: int, writer: int, count: int) -> list[dict[str, str]]:
    """Distinct titles whose first words differ (so their ids differ on any version)."""
    papers = []
    for number in range(count):
        tag = f"r{round_number}w{writer}p{number}"
        rng = random.Random(tag)
        topic = " ".join(rng.sample(WORDS, 3))
        papers.append(
            {
                "title": f"{tag.upper()} {topic} for language models",
                "abstract": f"We study {topic} under setting {tag}. Our method improves "
                f"{rng.choice(WORDS)} accuracy by {rng.randint(2, 40)} points on {tag} data.",
            }
        )
    return papers


def run_round(
    work: Path, env: dict[str, str], round_number: int, per_file: int, no_index: bool
) -> tuple[list[dict[str, str]], list[tuple[int, float, str]]]:
    writers = 2 + round_number % 2  # alternate two and three concurrent adds
    files = []
    expected: list[dict[str, str]] = []
    for writer in range(writers):
        papers = synthetic_papers(round_number, writer, per_file)
        expected.extend(papers)
        path = work / f"round{round_number}-writer{writer}.jsonl"
        path.write_text("".join(json.dumps(paper) + "\n" for paper in papers), encoding="utf-8")
        files.append(path)
    command = [sys.executable, "-m", "assistant.cli", "add"]
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [*command, *(["--no-index"] if no_index else []), str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    outcomes = []
    for process in processes:
        stdout, stderr = process.communicate()
        outcomes.append(
            (process.returncode, time.perf_counter() - started, (stderr or stdout).strip())
        )
    return expected, outcomes


def check(
    home: Path, corpus: Path, expected: list[dict[str, str]], *, search: bool
) -> dict[str, int]:
    os.environ["ASSISTANT_HOME"] = str(home)
    os.environ["ASSISTANT_CORPUS_DIR"] = str(corpus)
    from assistant.collection import fingerprint, load_collection
    from assistant.corpus import normalise_title
    from assistant.index import read_manifest
    from assistant.retrieve import Retriever
    from assistant.settings import load_settings

    settings = load_settings()
    path = settings.added_papers_path
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    broken_lines = 0
    stored_titles: list[str] = []
    for line in lines:
        try:
            stored_titles.append(normalise_title(json.loads(line)["title"]))
        except (ValueError, KeyError, TypeError):
            broken_lines += 1
    wanted = [normalise_title(paper["title"]) for paper in expected]
    try:
        collection = load_collection(settings)
    except Exception as error:  # a damaged added-papers file: report it, do not hide the figures
        print(f"the collection cannot be read: {type(error).__name__}: {error}")
        collection = []
    in_collection = [normalise_title(paper.title) for paper in collection]
    figures = {
        "lines in added-papers file": len(lines),
        "broken lines": broken_lines,
        "missing from file": len(set(wanted) - set(stored_titles)),
        "duplicated in file": len(stored_titles) - len(set(stored_titles)),
        "missing from collection": len(set(wanted) - set(in_collection)),
        "duplicate ids in collection": len(collection) - len({paper.id for paper in collection}),
    }
    if not search or not collection:
        return figures
    manifest = read_manifest(settings) or {}
    current = manifest.get("state") == "clean" and manifest.get("fingerprint") == fingerprint(
        settings
    )
    retriever = Retriever(settings)
    retriever.ensure_index()  # a no-op unless the adds left the index behind the collection
    by_title = {normalise_title(paper.title): paper.id for paper in collection}
    searchable = {"bm25": 0, "dense": 0}
    for paper in expected:
        for mode in searchable:
            hits = retriever.retrieve(paper["title"], 3, mode).hits  # type: ignore[arg-type]
            if hits and hits[0].paper.id == by_title.get(normalise_title(paper["title"])):
                searchable[mode] += 1
    return figures | {
        "index current after the adds": int(current),
        "papers in index": int(manifest.get("papers", 0)),
        "top-1 by title, bm25": searchable["bm25"],
        "top-1 by title, dense": searchable["dense"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--papers-per-file", type=int, default=20)
    parser.add_argument(
        "--no-index", action="store_true", help="add with --no-index (one index at the end)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    arguments = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-concurrent-add-"))
    corpus = work / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL_PAGE, corpus / SMALL_PAGE.name)
    home = work / "home"
    env = {name: value for name, value in os.environ.items() if not name.startswith("ASSISTANT_")}
    env |= {"ASSISTANT_HOME": str(home), "ASSISTANT_CORPUS_DIR": str(corpus)}
    if "ASSISTANT_MODEL_DIR" in os.environ:
        env["ASSISTANT_MODEL_DIR"] = os.environ["ASSISTANT_MODEL_DIR"]
    subprocess.run(
        [sys.executable, "-m", "assistant.cli", "index"], env=env, check=True, capture_output=True
    )

    expected: list[dict[str, str]] = []
    outcomes: list[tuple[int, float, str]] = []
    started = time.perf_counter()
    for round_number in range(arguments.rounds):
        papers, results = run_round(
            work, env, round_number, arguments.papers_per_file, arguments.no_index
        )
        expected.extend(papers)
        outcomes.extend(results)
    soak_seconds = time.perf_counter() - started
    figures = check(home, corpus, expected, search=not arguments.no_index)
    failures = [message for code, _, message in outcomes if code != 0]
    walls = sorted(seconds for _, seconds, _ in outcomes)

    rows = [
        ("rounds", arguments.rounds),
        ("concurrent adds", len(outcomes)),
        ("adds that failed", len(failures)),
        ("papers added", len(expected)),
        *figures.items(),
        ("add wall p50 (s)", f"{walls[len(walls) // 2]:.2f}"),
        ("add wall max (s)", f"{walls[-1]:.2f}"),
        ("soak wall (s)", f"{soak_seconds:.1f}"),
        ("load average", " ".join(f"{value:.2f}" for value in os.getloadavg())),
    ]
    print(f"concurrent add soak ({'--no-index' if arguments.no_index else 'add + index'})")
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for message in failures[:5]:
        print(f"failed add: {message.splitlines()[-1] if message else '(no output)'}")
    if not arguments.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work directory: {work}")
    lost = (
        figures["broken lines"]
        or figures["missing from file"]
        or figures["duplicated in file"]
        or figures["missing from collection"]
        or not figures.get("index current after the adds", 1)
        or figures.get("top-1 by title, bm25", len(expected)) != len(expected)
        or failures
    )
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
