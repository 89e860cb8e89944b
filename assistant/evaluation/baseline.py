"""The saved baseline: writing and reading it, and what changed since it (metrics, with a
tolerance; settings, by name)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.atomic import write_atomically
from assistant.corpus import read_text_file
from assistant.errors import InputError
from assistant.evaluation.metrics import (
    METRICS,
    Summary,
)
from assistant.evaluation.questions import (
    BASELINE_FORMAT,
)
from assistant.evaluation.running import (
    EvalResult,
)
from assistant.settings import MOVED

if TYPE_CHECKING:
    pass

# --- comparison with a baseline ---------------------------------------------------------------


@dataclass(frozen=True)
class Delta:
    """One metric of one row in one mode, before (baseline) and after (this run)."""

    mode: str
    kind: str
    metric: str
    before: float
    after: float
    delta: float
    regressed: bool
    gated: bool

    @property
    def label(self) -> str:
        return f"{self.mode}/{self.kind}/{self.metric}"

    def to_json(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "kind": self.kind,
            "metric": self.metric,
            "before": self.before,
            "after": self.after,
            "delta": self.delta,
            "regressed": self.regressed,
            "gated": self.gated,
        }


def summary_deltas(
    before: Mapping[str, Summary],
    after: Mapping[str, Summary],
    tolerance: float,
    *,
    gate_latency: bool = False,
    latency_tolerance: float = 0.5,
) -> list[Delta]:
    """A delta for every metric present in both, per mode and row (see ``compare_to_baseline``)."""
    deltas: list[Delta] = []
    for mode, summary in after.items():
        for row, values in summary.items():
            before_row = before.get(mode, {}).get(row, {})
            for spec in METRICS:
                old, new = before_row.get(spec.name), values.get(spec.name)
                if old is None or new is None:
                    continue
                worsening = (old - new) if spec.higher_is_better else (new - old)
                if spec.unit == "seconds":
                    gated, limit = gate_latency, latency_tolerance * old
                else:
                    gated, limit = spec.gated, tolerance
                regressed = gated and worsening > limit + 1e-9
                deltas.append(Delta(mode, row, spec.name, old, new, new - old, regressed, gated))
    return deltas


# --- baseline ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    engine: str
    created: str
    questions_digest: str
    metrics: dict[str, Summary]  # mode -> row -> metric -> value
    settings: dict[str, Any] = field(default_factory=dict)  # as recorded; old names kept


def save_baseline(result: EvalResult, path: Path) -> None:
    """The summaries only (small, reviewable in a diff), with engine and question-set identity."""
    record = {
        "format": BASELINE_FORMAT,
        "engine": result.engine,
        "created": result.created,
        "questions_digest": result.questions_digest,
        "settings": result.settings,
        "metrics": result.summaries,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, [json.dumps(record, indent=2, ensure_ascii=False) + "\n"])
    except OSError as error:
        raise InputError(f"cannot write the baseline {path} ({error.strerror}).") from None


def load_baseline(path: Path) -> Baseline:
    if not path.exists():
        raise InputError(
            f"no baseline at {path}; create one with 'assistant eval --save-baseline'."
        )
    try:
        record = json.loads(read_text_file(path))
        if record.get("format") != BASELINE_FORMAT:
            raise ValueError(f"format {record.get('format')!r}, expected {BASELINE_FORMAT}")
        metrics = {
            str(mode): {
                str(row): {
                    str(name): None if value is None else float(value)
                    for name, value in values.items()
                }
                for row, values in rows.items()
            }
            for mode, rows in record["metrics"].items()
        }
        return Baseline(
            engine=str(record["engine"]),
            created=str(record.get("created", "")),
            questions_digest=str(record.get("questions_digest", "")),
            metrics=metrics,
            settings=dict(record.get("settings") or {}),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(
            f"the baseline {path} is damaged ({error}); "
            "save a new one with 'assistant eval --save-baseline'."
        ) from None


def baseline_warnings(result: EvalResult, baseline: Baseline) -> list[str]:
    """Why a comparison may mislead: other questions, or modes the baseline lacks."""
    warnings = []
    if baseline.questions_digest and baseline.questions_digest != result.questions_digest:
        warnings.append(
            "the questions changed since the baseline was saved; deltas compare different sets"
        )
    missing = [mode for mode in result.modes if mode not in baseline.metrics]
    if missing:
        warnings.append(f"the baseline has no results for mode(s) {', '.join(missing)}")
    return warnings


def settings_changes(result: EvalResult, baseline: Baseline) -> list[str]:
    """Every recorded setting whose value differs from the baseline's ("evidence.relevance_gap
    0.25 → 0.3"). A baseline saved before the tuning numbers were grouped by stage records them
    under their old names, which are read as the new ones; a setting it never recorded is skipped."""
    before = {MOVED.get(name, name): value for name, value in baseline.settings.items()}
    return [
        f"{name} {before[name]} → {value}"
        for name, value in result.settings.items()
        if name in before and before[name] != value
    ]


def compare_to_baseline(
    result: EvalResult,
    baseline: Baseline,
    tolerance: float,
    *,
    gate_latency: bool = False,
    latency_tolerance: float = 0.5,
) -> list[Delta]:
    """A delta for every metric both runs have, per mode and row.

    ``regressed`` means worse by more than ``tolerance`` (absolute; for lower-is-better metrics such
    as invented citations an increase is worse). Latency is never gated unless ``gate_latency``,
    because the same code runs at different speeds on different machines; when gated, it regresses
    when slower by more than ``latency_tolerance`` as a share of the baseline.
    """
    if baseline.engine != result.engine:
        raise InputError(
            f"the baseline was made with the {baseline.engine} engine and this run used "
            f"{result.engine}; run with --engine {baseline.engine} or give a baseline made with "
            f"{result.engine} (--baseline FILE)."
        )
    return summary_deltas(
        baseline.metrics,
        result.summaries,
        tolerance,
        gate_latency=gate_latency,
        latency_tolerance=latency_tolerance,
    )
