"""Before and after, side by side in one run: first answer, cold index, re-index, ask, memory.

    python benchmarks/bench_perf.py                          # old = merge-base of HEAD and main
    python benchmarks/bench_perf.py --old-ref b04f117 --runs 7 --scale-work /tmp/scale

The old code is exported with ``git archive`` into the work directory (no worktree, nothing in
.git changes) and run from there through PYTHONPATH; the current code runs from this checkout.
Every measure runs the sides interleaved (old, new, old, new ...), so a busy moment on a shared
machine hits both alike; compare the ratio column, not figures across runs.

Rows:
- fresh clone to first answer: the README's first shell block (create a venv, install, ``assistant
  ask``) run in a fresh ``git clone`` of each side's commit (the new side: HEAD, so commit first),
  with a fresh HOME (an empty pip cache: wheels come from the package index as for a new user) and
  no virtualenv active, as ``../shared/tools/fresh-readme`` runs it;
- first answer on a fresh machine: ``assistant ask Q`` with an empty data directory and an empty
  model directory, so it writes the ONNX model (older code: exports it with torch), embeds the
  collection and answers, in the installed environment (no install);
- cold index: ``assistant index`` in a fresh data directory that already holds the float32 ONNX
  file (so neither torch nor the graph writer is counted; the int8 quantisation, when the side
  makes one, is);
- re-index: ``assistant index`` again, nothing changed;
- ask wall p50 and peak RSS: whole ``assistant ask Q --json`` processes;
- ask in-process p50: ``Assistant.ask`` in a warm process, over the canned questions;
- with ``--int8-side`` / ``--float32-side``, a further column: the current code with that
  ``embedding_precision`` (the default is int8);
- with ``--scale-work``, the 10k / 100k table of benchmarks/bench_scale.py from that directory.

Speed targets are printed next to the figures; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(ROOT / "tests"))

from bench_peer import Launcher, Run  # noqa: E402

QUESTIONS = ROOT / "evals" / "questions.jsonl"
CLI = "import sys\nfrom assistant.cli import main\nsys.argv[0] = 'assistant'\nmain()\n"
IN_PROCESS = """
import json, statistics, sys, time
from assistant.assistant import Assistant
from assistant.settings import load_settings
questions = json.loads(sys.argv[1])
assistant = Assistant(load_settings())
assistant.ask(questions[0])
timings = []
for question in questions:
    started = time.perf_counter()
    assistant.ask(question)
    timings.append((time.perf_counter() - started) * 1000)
print(json.dumps({"p50": statistics.median(timings), "p95": sorted(timings)[int(0.95 * (len(timings) - 1))]}))
"""


class Side:
    """One version of the code: where it is imported from, and settings that select it.

    Its commands run with the code directory as working directory: ``python -c`` puts the working
    directory first on the import path, so started from this checkout every side would import the
    new code whatever PYTHONPATH says (``check_imports`` verifies it)."""

    def __init__(self, label: str, code: Path, env: dict[str, str]) -> None:
        self.label = label
        self.code = code
        self.env = env

    def run(
        self, launcher: Launcher, arguments: list[str], env: dict[str, str], **options: Any
    ) -> Run:
        return launcher.run([sys.executable, *arguments], env, cwd=self.code, **options)

    def check_imports(self, launcher: Launcher, work: Path) -> None:
        env = self.environment(work / "no-home", work / "no-home" / "models")
        code = "import assistant; print(assistant.__file__)"
        imported = Path(self.run(launcher, ["-c", code], env).stdout.strip()).resolve()
        if not imported.is_relative_to(self.code.resolve()):
            raise SystemExit(f"side {self.label!r} imports {imported}, not code from {self.code}")

    def environment(self, home: Path, model_dir: Path) -> dict[str, str]:
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith("ASSISTANT_") and name != "PYTHONPATH"
        }
        env.update(self.env)
        env.update(
            PYTHONPATH=str(self.code),
            ASSISTANT_HOME=str(home),
            ASSISTANT_MODEL_DIR=str(model_dir),
            ASSISTANT_CORPUS_DIR=str(ROOT / "corpus"),
            ORT_DISABLE_TELEMETRY="1",
            ANONYMIZED_TELEMETRY="False",
        )
        return env


def export_old_code(reference: str, target: Path) -> str:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", reference],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not (target / "assistant").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "assistant", "prompts"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return commit


def float32_export(model_dir: Path, launcher: Launcher) -> Path:
    """The float32 ONNX export every cold index starts from (made once, with this checkout)."""
    target = model_dir / "all-MiniLM-L6-v2.onnx"
    if not target.is_file():
        sys.stderr.write(f"exporting the model once into {model_dir} ...\n")
        code = (
            "import sys\nfrom pathlib import Path\nfrom assistant.embedding import LocalMiniLM\n"
            "LocalMiniLM(Path(sys.argv[1]), precision='float32').prepare()\n"
        )
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        launcher.run([sys.executable, "-c", code, str(model_dir)], env)
    return target


def first_answer(sides: list[Side], work: Path, launcher: Launcher, question: str) -> list[Run]:
    runs = []
    for side in sides:
        home = Path(tempfile.mkdtemp(prefix="fresh-", dir=work))
        env = side.environment(home, home / "models")
        sys.stderr.write(f"  first answer, {side.label} ...\n")
        runs.append(side.run(launcher, ["-c", CLI, "ask", question], env, timeout=1800))
    return runs


def readme_first_block(readme: str) -> str:
    """The README's first shell code block, as ``fresh-readme`` reads it."""
    blocks = re.findall(r"```(?:sh|bash|shell|console)?\n(.*?)```", readme, flags=re.S)
    lines = [line[2:] if line.startswith("$ ") else line for line in blocks[0].splitlines()]
    return "set -e\n" + "\n".join(lines) + "\n"


def fresh_clone(refs: list[tuple[str, str]], work: Path, launcher: Launcher) -> list[Run]:
    """Each (label, commit): clone, then the README's first block with a fresh HOME and no venv."""
    runs = []
    for number, (label, commit) in enumerate(refs):
        clone = work / f"clone-{number}"
        shutil.rmtree(clone, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "-q", commit], check=True)
        home = clone.with_name(f"clone-{number}-home")
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir()
        block = readme_first_block((clone / "README.md").read_text(encoding="utf-8"))
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith("ASSISTANT_") and name not in ("PYTHONPATH", "VIRTUAL_ENV")
        }
        paths = env.get("PATH", "").split(":")
        env.update(
            HOME=str(home),
            PATH=":".join(path for path in paths if "venv" not in path),
            ORT_DISABLE_TELEMETRY="1",
        )
        sys.stderr.write(f"  fresh clone to first answer, {label} ...\n")
        # The clock starts after the clone, as a user's starts once they have the checkout.
        runs.append(launcher.run(["bash", "-c", block], env, cwd=clone, timeout=3600))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-ref", help="git reference of the old code (default: merge-base)")
    parser.add_argument("--work", type=Path, help="work directory (default: a fresh temp dir)")
    parser.add_argument("--runs", type=int, default=7, help="whole `ask` processes per side")
    parser.add_argument("--cold-runs", type=int, default=1, help="cold index builds per side")
    parser.add_argument(
        "--model-dir", type=Path, help="holds (or receives) the float32 ONNX export"
    )
    parser.add_argument("--skip-fresh", action="store_true", help="skip the first-answer rows")
    parser.add_argument(
        "--int8-side",
        action="store_true",
        help="also run the current code with embedding_precision=int8",
    )
    parser.add_argument(
        "--float32-side",
        action="store_true",
        help="also run the current code with embedding_precision=float32",
    )
    parser.add_argument("--scale-work", type=Path, help="print bench_scale's table from here")
    arguments = parser.parse_args()

    launcher = Launcher()  # started while this process is small; see bench_peer.Launcher
    work = (arguments.work or Path(tempfile.mkdtemp(prefix="assistant-perf-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    reference = (
        arguments.old_ref
        or subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    commit = export_old_code(reference, work / "old-code")
    sides = [Side(f"old {commit}", work / "old-code", {}), Side("new", ROOT, {})]
    if arguments.int8_side:
        sides.append(Side("new, int8", ROOT, {"ASSISTANT_EMBEDDING_PRECISION": "int8"}))
    if arguments.float32_side:
        sides.append(Side("new, float32", ROOT, {"ASSISTANT_EMBEDDING_PRECISION": "float32"}))
    load_at_start = os.getloadavg()[0]
    for side in sides:
        side.check_imports(launcher, work)
    model_dir = (arguments.model_dir or work / "models").resolve()
    model_dir.mkdir(parents=True, exist_ok=True)
    float32 = float32_export(model_dir, launcher)
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text("utf-8").splitlines()]

    rows: list[tuple[str, list[str], str]] = []

    def add(measure: str, values: list[float | None], unit: str, target: str = "") -> None:
        digits = {"s": 1, "ms": 0, "MB": 0}[unit]
        cells = [f"{value:,.{digits}f} {unit}" if value is not None else "-" for value in values]
        for value in values[1:]:
            cells.append(f"{value / values[0]:.2f}" if value and values[0] else "-")
        rows.append((measure, cells, target))

    if not arguments.skip_fresh:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        clones = fresh_clone([(sides[0].label, commit), ("new", head)], work, launcher)
        cells: list[float | None] = [run.seconds if not run.failure else None for run in clones]
        add(
            f"fresh clone to first answer, README block 1 (install included; new = {head})",
            cells + [None] * (len(sides) - len(clones)),
            "s",
            "<= 100 s idle",
        )
        for run in clones:
            if run.failure:
                sys.stderr.write(f"fresh clone failed: {run.failure}\n")
        runs = first_answer(sides, work, launcher, questions[0])
        add(
            "first answer, fresh data + model dir (no install)",
            [run.seconds if not run.failure else None for run in runs],
            "s",
        )
        add("  peak RSS", [run.rss_mb for run in runs], "MB")

    homes = {side.label: work / f"home-{number}" for number, side in enumerate(sides)}
    cold: dict[str, list[Run]] = {side.label: [] for side in sides}
    for attempt in range(arguments.cold_runs):
        for side in sides:
            home = homes[side.label]
            shutil.rmtree(home, ignore_errors=True)
            (home / "models").mkdir(parents=True)
            shutil.copy(float32, home / "models" / float32.name)
            sys.stderr.write(f"  cold index {attempt + 1}, {side.label} ...\n")
            env = side.environment(home, home / "models")
            cold[side.label].append(side.run(launcher, ["-c", CLI, "index"], env, timeout=1800))
    add(
        "cold index, bundled corpus (wall, median)",
        [statistics.median(run.seconds for run in cold[side.label]) for side in sides],
        "s",
        "new <= 0.5 x old",
    )
    add("  peak RSS", [max(run.rss_mb for run in cold[side.label]) for side in sides], "MB")
    reindex = [
        side.run(
            launcher,
            ["-c", CLI, "index"],
            side.environment(homes[side.label], homes[side.label] / "models"),
        )
        for side in sides
    ]
    add("re-index, nothing changed (wall)", [run.seconds for run in reindex], "s")

    asks: dict[str, list[Run]] = {side.label: [] for side in sides}
    for number in range(arguments.runs):
        question = questions[number * 7 % len(questions)]
        for side in sides:
            env = side.environment(homes[side.label], homes[side.label] / "models")
            asks[side.label].append(side.run(launcher, ["-c", CLI, "ask", question, "--json"], env))
    add(
        f"ask wall p50 ({arguments.runs} processes)",
        [statistics.median(run.seconds for run in asks[side.label]) for side in sides],
        "s",
        "<= 0.7 s idle",
    )
    add("  ask peak RSS", [max(run.rss_mb for run in asks[side.label]) for side in sides], "MB")
    in_process: list[dict[str, Any]] = []
    for side in sides:
        env = side.environment(homes[side.label], homes[side.label] / "models")
        run = side.run(launcher, ["-c", IN_PROCESS, json.dumps(questions)], env)
        in_process.append(json.loads(run.stdout.strip().splitlines()[-1]))
    add(
        f"ask in-process p50 ({len(questions)} questions)",
        [figures["p50"] for figures in in_process],
        "ms",
    )
    add("  p95", [figures["p95"] for figures in in_process], "ms")
    launcher.close()

    header = ["measure", *[side.label for side in sides]]
    header += [f"{side.label} / {sides[0].label}" for side in sides[1:]]
    lines = [[*header, "target (printed, not asserted)"]]
    lines += [[measure, *cells, target] for measure, cells, target in rows]
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    lines.insert(1, ["-" * width for width in widths])
    for line in lines:
        print(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
    print(
        f"\nold = {commit} (git archive), new = this checkout; machine: {os.cpu_count()} cores, "
        f"load average {load_at_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end. "
        "Figures vary 2-3x between runs on a shared machine: read the ratio."
    )
    if arguments.scale_work:
        import bench_scale

        results = [
            json.loads(path.read_text("utf-8"))
            for path in sorted((arguments.scale_work / "results").glob("*.json"))
        ]
        print()
        bench_scale.print_table(results, None)


if __name__ == "__main__":
    main()
