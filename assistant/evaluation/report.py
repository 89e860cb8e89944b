"""What the eval shows: the Markdown tables with their deltas, the report with the worst
questions and why each lost points."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.atomic import write_atomically
from assistant.errors import InputError
from assistant.evaluation.baseline import (
    Delta,
)
from assistant.evaluation.metrics import (
    METRIC_BY_NAME,
    METRICS,
    OVERALL,
    RANKING_DEPTH,
    QuestionResult,
)
from assistant.evaluation.running import (
    EvalResult,
)

if TYPE_CHECKING:
    pass

# --- diagnosis --------------------------------------------------------------------------------


def _name(paper_id: str, titles: Mapping[str, str]) -> str:
    title = titles.get(paper_id)
    return f"{paper_id} ({title})" if title else paper_id


def explain(result: QuestionResult, titles: Mapping[str, str]) -> list[str]:
    """Why a question lost points, in words a developer can act on."""
    reasons: list[str] = []
    if result.error:
        reasons.append(f"the pipeline failed: {result.error}")
    if result.invented:
        invented = ", ".join([*result.removed_citations, *result.leaked_citations])
        reasons.append(f"invented citations: {invented}")
    if not result.answerable:
        if result.cited:
            cited = "; ".join(_name(paper_id, titles) for paper_id in result.cited)
            reasons.append(f"answered a question the collection does not answer, citing {cited}")
        elif not result.abstained:
            reasons.append("did not abstain on a question the collection does not answer")
        return reasons
    if result.abstained:
        reasons.append("abstained although the collection answers it")
    missed = [paper_id for paper_id in result.gold if paper_id not in result.ranking]
    for paper_id in missed:
        rank = result.gold_ranks.get(paper_id)
        where = f"ranked {rank}" if rank else "not retrieved at all"
        reasons.append(f"gold not in the top {RANKING_DEPTH} ({where}): {_name(paper_id, titles)}")
    uncited = [
        paper_id
        for paper_id in result.gold
        if paper_id not in result.cited and paper_id not in missed
    ]
    if uncited and not result.abstained:
        reasons.append("retrieved but not cited: " + "; ".join(_name(p, titles) for p in uncited))
    instead = [p for p in result.cited if p not in result.gold and p not in result.excluded]
    if instead:
        reasons.append("cited instead: " + "; ".join(_name(p, titles) for p in instead))
    if result.key_facts_missing:
        reasons.append(
            "missing key facts: " + ", ".join(f"'{fact}'" for fact in result.key_facts_missing)
        )
    unverified = result.sentences - result.verified
    if unverified:
        reasons.append(f"{unverified} of {result.sentences} sentences not verified")
    reasons.extend(f"lint {finding}" for finding in result.lint)
    return reasons


def worst_questions(results: Sequence[QuestionResult], count: int = 10) -> list[QuestionResult]:
    failing = [result for result in results if result.overall() < 1.0 or explain(result, {})]
    return sorted(failing, key=lambda result: (result.overall(), result.id))[:count]


def format_value(metric: str, value: float | None) -> str:
    if value is None:
        return "—"
    if metric == "n":
        return str(round(value))
    spec = METRIC_BY_NAME[metric]
    if spec.unit == "count":
        return str(round(value))
    if spec.unit == "seconds":
        return f"{value:.2f}"
    return f"{value:.3f}"


# --- reports ----------------------------------------------------------------------------------

_TABLE_METRICS = ["n", *[spec.name for spec in METRICS]]


def _header(first: str) -> list[str]:
    labels = [first, "n", *[spec.label for spec in METRICS]]
    return [
        "| " + " | ".join(labels) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(labels) - 1)) + "|",
    ]


def _row(name: str, values: Mapping[str, float | None]) -> str:
    cells = [format_value(metric, values.get(metric)) for metric in _TABLE_METRICS]
    return "| " + " | ".join([name, *cells]) + " |"


def _delta_lines(deltas: Sequence[Delta], mode: str) -> list[str]:
    changed = [delta for delta in deltas if delta.mode == mode and abs(delta.delta) > 1e-9]
    if not changed:
        return ["No change from the baseline."] if any(d.mode == mode for d in deltas) else []
    lines = ["| kind | metric | baseline | now | change | |", "|---|---|---:|---:|---:|---|"]
    for delta in changed:
        worse = (delta.delta < 0) == METRIC_BY_NAME[delta.metric].higher_is_better
        status = "REGRESSED" if delta.regressed else ("worse" if worse else "better")
        if not delta.gated and worse:
            status += " (not gated)"
        lines.append(
            f"| {delta.kind} | {delta.metric} | {format_value(delta.metric, delta.before)} | "
            f"{format_value(delta.metric, delta.after)} | {delta.delta:+.3f} | {status} |"
        )
    return lines


def format_table(result: EvalResult, deltas: Sequence[Delta] | None = None) -> str:
    """Markdown: an ablation row per mode (when several), then a table per mode with its deltas."""
    blocks: list[str] = []
    if len(result.modes) > 1:
        lines = [f"### Retrieval ablation, overall ({result.engine} engine)", ""]
        lines += _header("mode")
        lines += [_row(mode, result.summaries[mode].get(OVERALL, {})) for mode in result.modes]
        blocks.append("\n".join(lines))
    for mode in result.modes:
        summary = result.summaries[mode]
        lines = [f"### {mode} retrieval, {result.engine} engine", ""]
        lines += _header("kind")
        lines += [_row(row, values) for row, values in summary.items()]
        if deltas:
            delta_lines = _delta_lines(deltas, mode)
            if delta_lines:
                lines += ["", "Compared with the baseline:", "", *delta_lines]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def format_report(
    result: EvalResult, deltas: Sequence[Delta] | None = None, *, worst: int = 10
) -> str:
    lines = [
        "# Offline evaluation",
        "",
        f"- engine: {result.engine}; modes: {', '.join(result.modes)}",
        f"- questions: {len(next(iter(result.results.values()), []))} "
        f"(set {result.questions_digest}); run {result.created}, {result.seconds:.1f} s",
        "- settings: "
        + (
            ", ".join(f"{name}={value}" for name, value in result.settings.items())
            or "not recorded"
        ),
        *[f"- warning: {warning}" for warning in result.warnings()],
        "",
        "Columns: " + "; ".join(f"{spec.label} = {spec.description}" for spec in METRICS) + ".",
        "Unanswerable questions are scored on abstention only; excluded papers count neither way.",
        "",
        format_table(result, deltas).rstrip(),
    ]
    for mode in result.modes:
        chosen = worst_questions(result.results[mode], worst)
        lines += ["", f"## Worst questions, {mode} retrieval", ""]
        if not chosen:
            lines.append("Every question scored in full.")
        for question in chosen:
            lines += [
                f"### {question.id} ({question.kind}), score {question.overall():.2f}",
                "",
                f"> {question.question}",
                "",
            ]
            lines += [f"- {reason}" for reason in explain(question, result.titles)]
            if question.answer_excerpt:
                lines.append(f"- answer: {question.answer_excerpt}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_markdown_report(
    result: EvalResult, path: Path, deltas: Sequence[Delta] | None = None, *, worst: int = 10
) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, [format_report(result, deltas, worst=worst)])
    except OSError as error:
        raise InputError(f"cannot write the report {path} ({error.strerror}).") from None
    return path
