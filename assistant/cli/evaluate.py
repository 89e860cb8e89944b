"""assistant eval: the canned questions through the pipeline, or the recorded LLM replies through
the verifier; compared with the baseline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from assistant.cli.base import (
    ENGINES,
    AsJson,
    Engine,
    _check_choice,
    _console,
    _print_json,
    _progress,
    _ready_retriever,
    _settings,
    app,
)
from assistant.errors import InputError
from assistant.models import SEARCH_MODES

if TYPE_CHECKING:
    pass


# --- evaluation and settings ----------------------------------------------------------------------


@app.command("eval")
def evaluate(
    questions: Annotated[
        list[Path] | None,
        typer.Option(
            "--questions",
            help="Question file; repeat for several (default: the tuned set evals/questions.jsonl "
            "and the blind set's tune and test parts).",
        ),
    ] = None,
    engine: Engine = None,
    modes: Annotated[
        list[str] | None,
        typer.Option("--mode", help="Retriever(s) to evaluate; repeat for an ablation table."),
    ] = None,
    as_json: AsJson = False,
    save_baseline: Annotated[
        bool, typer.Option("--save-baseline", help="Write these results as the new baseline.")
    ] = False,
    fail_on_regression: Annotated[
        bool,
        typer.Option(
            "--fail-on-regression", help="Exit 1 when a metric drops beyond eval_tolerance."
        ),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Baseline file, with a single --questions (default: evals/baseline.json for "
            "questions.jsonl, evals/baseline-<set>.json for another set).",
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help="Markdown report path, with a single --questions (default: "
            "evals/reports/<set>.md).",
        ),
    ] = None,
    llm_replies: Annotated[
        Path | None,
        typer.Option(
            "--llm-replies",
            help="Run the LLM verifier benchmark on the recorded replies in this folder (the "
            "default for --engine llm without --questions: evals/llm).",
        ),
    ] = None,
) -> None:
    """Run the canned questions through the pipeline and report retrieval, citation and answer metrics.

    With --engine llm and no --questions (or with --llm-replies), replay the recorded LLM replies
    of evals/llm through a local server and report how many faithful sentences the verifier keeps
    and how many planted errors of each kind it catches; the held-out replies of
    evals/llm/held-out (never used to tune the verifier) are reported apart."""
    from assistant import evaluation

    if llm_replies is not None or (engine == "llm" and not questions):
        _llm_benchmark(
            llm_replies or evaluation.evals_dir() / "llm",
            as_json=as_json,
            save_baseline=save_baseline,
            fail_on_regression=fail_on_regression,
            baseline=baseline,
        )
        return

    chosen_modes = tuple(modes or ["hybrid"])
    for mode in chosen_modes:
        _check_choice(mode, SEARCH_MODES, "--mode")
    _check_choice(engine, ENGINES, "--engine")
    paths = list(questions or evaluation.default_question_paths())
    if len(paths) > 1 and (baseline or report):
        raise InputError("--baseline and --report go with a single --questions file.")
    settings = _settings()
    retriever = _ready_retriever(settings)
    papers = retriever.paper_store.all()
    loaded_sets = []
    for questions_path in paths:
        loaded = evaluation.load_questions(questions_path, papers)
        problems = evaluation.validate_questions(loaded, papers)
        if problems:
            shown = "; ".join(problems[:3]) + (
                f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            )
            raise InputError(f"{questions_path}: {shown}; fix the question file and run again.")
        loaded_sets.append((questions_path, loaded))
    regressions: list[str] = []
    outputs: list[dict[str, Any]] = []
    for questions_path, loaded in loaded_sets:
        with _progress(f"Evaluating {questions_path.stem}") as update:
            result = evaluation.run_eval(
                settings,
                loaded,
                engine=engine or settings.engine,
                modes=chosen_modes,
                retriever=retriever,
                progress=update,
            )
        baseline_path = baseline or evaluation.default_baseline_path(questions_path)
        deltas = None
        notes: list[str] = []
        changed: list[str] = []
        if not save_baseline and baseline_path.exists():
            saved = evaluation.load_baseline(baseline_path)
            if saved.engine != result.engine:
                notes.append(
                    f"baseline {baseline_path} was made with the {saved.engine} engine; "
                    f"not comparing it with this {result.engine} run"
                )
            else:
                notes.extend(evaluation.baseline_warnings(result, saved))
                changed = evaluation.settings_changes(result, saved)
                deltas = evaluation.compare_to_baseline(result, saved, settings.eval_tolerance)
        elif not save_baseline:
            notes.append(f"no baseline at {baseline_path}; nothing to compare with")
        report_path = report or evaluation.default_report_path(questions_path)
        evaluation.write_markdown_report(result, report_path, deltas)
        if save_baseline:
            evaluation.save_baseline(result, baseline_path)
        if as_json:
            outputs.append(
                {"questions": str(questions_path)}
                | result.to_json()
                | {"deltas": [delta.to_json() for delta in deltas or []]}
                | {"settings_changed": changed}
            )
        else:
            sys.stdout.write(f"## {questions_path.stem}\n\n")
            sys.stdout.write(
                evaluation.format_table(result, deltas) + "\n"
            )  # Markdown: no wrapping
            if changed:
                sys.stdout.write(
                    "Settings changed since the baseline: " + "; ".join(changed) + "\n\n"
                )
            console = _console()
            console.print(f"report: {report_path}", style="dim", markup=False)
            if save_baseline:
                console.print(f"baseline saved to {baseline_path}", markup=False)
        for note in notes:
            _console(stderr=True).print(f"warning: {note}", style="yellow", markup=False)
        regressions.extend(
            f"{questions_path.stem} {delta.label} {delta.before:.3f}→{delta.after:.3f}"
            for delta in deltas or []
            if delta.regressed
        )
    if as_json:
        _print_json(outputs[0] if len(outputs) == 1 else {"sets": outputs})
    if fail_on_regression and regressions:
        _console(stderr=True).print(
            f"error: regression beyond tolerance: {', '.join(regressions)}", markup=False
        )
        raise typer.Exit(1)


def _llm_benchmark(
    folder: Path,
    *,
    as_json: bool,
    save_baseline: bool,
    fail_on_regression: bool,
    baseline: Path | None,
) -> None:
    from assistant import llm_eval

    settings = _settings()
    retriever = _ready_retriever(settings)
    papers = {paper.id: paper for paper in retriever.paper_store.all()}
    sets = llm_eval.benchmark_sets(folder)
    if baseline is not None and len(sets) > 1:
        raise InputError("--baseline goes with a folder of one set (no held-out/ inside).")
    outputs: list[dict[str, Any]] = []
    regressions: list[str] = []
    for bench in sets:
        with _progress(f"Replaying LLM replies ({bench.name})") as update:
            result = llm_eval.run_llm_benchmark(
                settings,
                bench.folder,
                papers,
                embedder=retriever.embedder,
                progress=update,
                name=bench.name,
            )
        baseline_path = baseline or bench.baseline
        saved = (
            llm_eval.load_llm_baseline(baseline_path)
            if baseline_path.exists() and not save_baseline
            else None
        )
        found = llm_eval.llm_regressions(result, saved) if saved else []
        regressions.extend(f"{bench.name} {problem}" for problem in found)
        if as_json:
            outputs.append(result.to_json() | {"baseline": saved, "regressions": found})
        else:
            sys.stdout.write(llm_eval.format_llm_table(result, saved) + "\n\n")
        if save_baseline:
            llm_eval.save_llm_baseline(result, baseline_path)
            # With --json, stdout holds the JSON alone.
            _console(stderr=as_json).print(f"baseline saved to {baseline_path}", markup=False)
        elif saved is None:
            _console(stderr=True).print(
                f"warning: no baseline at {baseline_path}; nothing to compare with",
                style="yellow",
                markup=False,
            )
    if as_json:
        _print_json(outputs[0] if len(outputs) == 1 else {"sets": outputs})
    if fail_on_regression and regressions:
        _console(stderr=True).print(
            f"error: regression beyond tolerance: {', '.join(regressions)}", markup=False
        )
        raise typer.Exit(1)
