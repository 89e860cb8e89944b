"""The LLM engine's verifier benchmark: recorded model replies, labelled, with planted errors.

``evals/llm/`` holds one case per recorded task (``cases/NNN.json``: the task, the question, the
exact messages the LLM engine sent and the reply a capable model wrote for them) and
``labels.json`` (each reply sentence judged ``supported`` or ``unsupported`` against the evidence
in the prompt). From every supported sentence the benchmark plants known errors of several kinds
(a wrong citation, an altered figure, a fabricated sentence, a flipped direction ...), each in a
copy of the reply with that one sentence changed.

Every reply, original or planted, is served by a loopback OpenAI-compatible server
(``assistant.replay``) and read by the product's own LLM writer through the real ``openai``
client; the verifier then judges the draft with ``unsupported = mark``. Reported: the share of
supported sentences kept, and per error kind the share caught (marked unsupported, or no longer
cited to the paper it was wrongly given).

The evidence is rebuilt from the recorded prompt (the papers named in it, the sentences quoted),
so the benchmark measures the verifier on what the model saw, whatever retrieval does today.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.llm_eval_cases import (
    Case,
    evidence_from_prompt,
    load_cases,
    load_labels,
    reply_from_draft,
)
from assistant.llm_eval_plant import ERROR_KINDS, Planted, plant_errors
from assistant.models import Draft, Evidence, Paper

if TYPE_CHECKING:
    from assistant.embedding import Embedder
    from assistant.settings import Settings

__all__ = [
    "ERROR_KINDS",
    "BenchmarkSet",
    "Case",
    "LLMBenchResult",
    "benchmark_sets",
    "evidence_from_prompt",
    "format_llm_table",
    "llm_regressions",
    "load_cases",
    "load_llm_baseline",
    "plant_errors",
    "run_llm_benchmark",
    "save_llm_baseline",
]

SEED = 20261130
# The floors the issue sets: what a verifier must reach on this benchmark.
TARGETS: dict[str, float] = {
    "kept": 0.97,
    "misattribution": 0.95,
    "altered_figure": 0.95,
    "fabricated": 0.95,
    "flipped_direction": 0.80,
    "flipped_negation": 0.80,
}
OTHER_TARGET = 0.70
TOLERANCE = 0.02  # a rate may fall this much below the baseline before it counts as a regression
HELD_OUT = "held-out"  # the sub-folder of replies the verifier was never tuned on


@dataclass(frozen=True)
class BenchmarkSet:
    """One folder of cases with its own labels and baseline: the set the verifier was tuned on,
    or the held-out set that measures it on replies it was not."""

    name: str
    folder: Path

    @property
    def baseline(self) -> Path:
        return self.folder / "baseline.json"


def benchmark_sets(folder: Path) -> list[BenchmarkSet]:
    """The tuning set in ``folder`` and, when ``folder/held-out/cases`` exists, the held-out set
    (reported apart, like the extractive eval's tune and test parts)."""
    sets = [BenchmarkSet("tune", folder)]
    if (folder / HELD_OUT / "cases").is_dir():
        sets.append(BenchmarkSet(HELD_OUT, folder / HELD_OUT))
    return sets


# --- running --------------------------------------------------------------------------------


@dataclass
class SentenceOutcome:
    case: str
    sentence: int
    text: str
    label: str  # supported / unsupported / unlabelled, or a planted error kind
    kept: bool  # judged supported with its citations
    verdict: str
    reason: str
    citations: list[str] = field(default_factory=list)
    final_citations: list[str] = field(default_factory=list)


@dataclass
class LLMBenchResult:
    cases: int
    supported_total: int
    supported_kept: int
    unsupported_total: int
    unsupported_caught: int
    caught: dict[str, tuple[int, int]]  # kind -> (caught, planted)
    outcomes: list[SentenceOutcome]
    prompt_tokens: int = 0
    completion_tokens: int = 0
    # sentences an annotator has not judged yet (errors are planted on them)
    unlabelled_total: int = 0
    name: str = ""

    @property
    def kept_rate(self) -> float | None:
        return self.supported_kept / self.supported_total if self.supported_total else None

    def rates(self) -> dict[str, float | None]:
        rates: dict[str, float | None] = {"kept": self.kept_rate}
        for kind in ERROR_KINDS:
            caught, total = self.caught.get(kind, (0, 0))
            rates[kind] = caught / total if total else None
        if self.unsupported_total:
            rates["labelled_unsupported"] = self.unsupported_caught / self.unsupported_total
        return rates

    def to_json(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "cases": self.cases,
            "supported": [self.supported_kept, self.supported_total],
            "unlabelled": self.unlabelled_total,
            "labelled_unsupported": [self.unsupported_caught, self.unsupported_total],
            "caught": {kind: list(value) for kind, value in self.caught.items()},
            "rates": self.rates(),
            "usage": {
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
            },
            "failures": [
                vars(outcome)
                for outcome in self.outcomes
                if outcome.label != "unlabelled" and (outcome.label == "supported") != outcome.kept
            ],
        }


def run_llm_benchmark(
    settings: Settings,
    directory: Path,
    papers: Mapping[str, Paper],
    *,
    embedder: Embedder | None = None,
    progress: Callable[[int, int], None] | None = None,
    name: str = "",
) -> LLMBenchResult:
    """Replay every case and its planted errors through the LLM writer and the verifier.

    Errors are planted on the sentences labelled supported and on those not labelled yet; only
    labelled sentences count towards the kept rate."""
    from assistant.answer.verify import verify
    from assistant.replay import ReplayServer
    from assistant.writers.llm import LLMWriter, parse_reply

    cases = load_cases(directory)
    labels = load_labels(directory)
    current: list[str] = [""]
    outcomes: list[SentenceOutcome] = []
    caught: dict[str, list[int]] = {kind: [0, 0] for kind in ERROR_KINDS}
    usage = [0, 0]

    # Fabricated sentences come from other cases' supported sentences (another topic).
    parsed: dict[str, tuple[Draft, list[Evidence], list[int]]] = {}
    judged: dict[str, list[str]] = {}
    for case in cases:
        evidence = evidence_from_prompt(case, papers)
        draft = parse_reply(case.reply, known_ids=[item.paper.id for item in evidence])
        judged[case.number] = _sentence_labels(case, draft, labels)
        plantable = [
            index for index, label in enumerate(judged[case.number]) if label != "unsupported"
        ]
        parsed[case.number] = (draft, evidence, plantable)

    with ReplayServer(lambda messages: current[0]) as server:
        run_settings = settings.model_copy(
            update={"llm_base_url": server.base_url, "llm_model": "replay", "unsupported": "mark"}
        )
        writer = LLMWriter(run_settings)
        total = len(cases)
        for done, case in enumerate(cases, start=1):
            draft, evidence, supported = parsed[case.number]
            donors = [
                other_draft.sentences[index].text
                for number, (other_draft, _, other_supported) in parsed.items()
                if number != case.number
                for index in other_supported
                if other_draft.sentences[index].citations
            ]
            rng_case = random.Random(f"{SEED}-{case.number}")
            planted = plant_errors(case, draft, supported, evidence, donors, rng_case)
            # The recorded reply as the model wrote it, then one copy per planted error.
            replies: list[tuple[str, Planted | None]] = [(case.reply, None)]
            for plant in planted:
                changed = Draft(
                    sentences=[
                        type(sentence)(sentence.text, list(sentence.citations), sentence.kind)
                        for sentence in draft.sentences
                    ],
                    engine="llm",
                    paragraphs=draft.paragraphs,
                    headings=draft.headings,
                )
                changed.sentences[plant.sentence].text = plant.text
                changed.sentences[plant.sentence].citations = list(plant.citations)
                replies.append((reply_from_draft(changed), plant))
            for reply, planted_error in replies:
                current[0] = reply
                written = writer.write(case.task, case.question, evidence)
                if written.usage:
                    usage[0] += written.usage.get("prompt_tokens", 0)
                    usage[1] += written.usage.get("completion_tokens", 0)
                checked = verify(
                    written, evidence, run_settings, embedder=embedder, question=case.question
                )
                by_draft = dict(zip(checked.kept, checked.sentences, strict=True))
                if planted_error is None:
                    for index, sentence in enumerate(written.sentences):
                        label = judged[case.number][index]
                        result = by_draft.get(index)
                        kept = bool(result and result.supported)
                        outcomes.append(_outcome(case, index, sentence.text, label, kept, result))
                    continue
                result = by_draft.get(planted_error.sentence)
                survived = bool(
                    result
                    and result.supported
                    and any(paper_id in result.citations for paper_id in planted_error.wrong)
                )
                caught[planted_error.kind][1] += 1
                caught[planted_error.kind][0] += not survived
                outcomes.append(
                    _outcome(
                        case,
                        planted_error.sentence,
                        planted_error.text,
                        planted_error.kind,
                        survived,
                        result,
                    )
                )
            if progress is not None:
                progress(done, total)

    originals = [
        outcome
        for outcome in outcomes
        if outcome.label in ("supported", "unsupported", "unlabelled")
    ]
    return LLMBenchResult(
        cases=len(cases),
        supported_total=sum(1 for o in originals if o.label == "supported"),
        supported_kept=sum(1 for o in originals if o.label == "supported" and o.kept),
        unsupported_total=sum(1 for o in originals if o.label == "unsupported"),
        unsupported_caught=sum(1 for o in originals if o.label == "unsupported" and not o.kept),
        caught={kind: (value[0], value[1]) for kind, value in caught.items()},
        outcomes=outcomes,
        prompt_tokens=usage[0],
        completion_tokens=usage[1],
        unlabelled_total=sum(1 for o in originals if o.label == "unlabelled"),
        name=name,
    )


def _sentence_labels(
    case: Case, draft: Draft, labels: Mapping[str, list[dict[str, Any]]]
) -> list[str]:
    """Each sentence's label: supported, unsupported or unlabelled; every sentence counts as
    supported in a case with no labels at all."""
    entries = labels.get(case.number)
    if entries is None:
        return ["supported"] * len(draft.sentences)
    by_index = {int(entry["sentence"]): entry for entry in entries}
    found = []
    for index, sentence in enumerate(draft.sentences):
        entry = by_index.get(index)
        if entry is None or entry["text"] != sentence.text:
            raise InputError(
                f"labels for case {case.number} do not match its reply at sentence {index}; "
                "relabel it (evals/llm/label.py)."
            )
        if entry["label"] not in ("supported", "unsupported", "unlabelled"):
            raise InputError(
                f"case {case.number} sentence {index} is labelled {entry['label']!r}; use "
                "supported, unsupported or unlabelled (evals/llm/label.py)."
            )
        found.append(str(entry["label"]))
    return found


def _outcome(
    case: Case, index: int, text: str, label: str, kept: bool, result: Any
) -> SentenceOutcome:
    return SentenceOutcome(
        case=case.number,
        sentence=index,
        text=text,
        label=label,
        kept=kept,
        verdict=str(getattr(result, "verdict", "")) if result is not None else "dropped",
        reason=result.note if result is not None else "",
        citations=[],
        final_citations=list(result.citations) if result is not None else [],
    )


# --- report and baseline -----------------------------------------------------------------------


def format_llm_table(result: LLMBenchResult, baseline: Mapping[str, float | None] | None) -> str:
    rates = result.rates()
    title = f" — {result.name}" if result.name else ""
    lines = [
        f"### LLM verifier benchmark{title} ({result.cases} recorded replies, unsupported = mark)",
        "",
        "| measure | count | rate | target | baseline |",
        "|---|---:|---:|---:|---:|",
    ]
    kept_count = (
        f"{result.supported_kept}/{result.supported_total}"
        if result.supported_total or not result.unlabelled_total
        else "unlabelled"
    )
    lines.append(
        f"| supported sentences kept | {kept_count} | "
        f"{_percent(rates['kept'])} | ≥ {TARGETS['kept']:.0%} | "
        f"{_percent((baseline or {}).get('kept'))} |"
    )
    for kind in ERROR_KINDS:
        caught, total = result.caught.get(kind, (0, 0))
        target = TARGETS.get(kind, OTHER_TARGET)
        lines.append(
            f"| {kind.replace('_', ' ')} caught | {caught}/{total} | {_percent(rates[kind])} | "
            f"≥ {target:.0%} | {_percent((baseline or {}).get(kind))} |"
        )
    if result.unsupported_total:
        lines.append(
            f"| labelled-unsupported caught | {result.unsupported_caught}/"
            f"{result.unsupported_total} | {_percent(rates.get('labelled_unsupported'))} | | |"
        )
    if result.unlabelled_total:
        lines += [
            "",
            f"{result.unlabelled_total} sentences are not labelled yet: they count in no rate, "
            "and errors are planted on them as on sentences labelled supported.",
        ]
    return "\n".join(lines)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def save_llm_baseline(result: LLMBenchResult, path: Path) -> None:
    data = {"benchmark": "llm-verifier", "cases": result.cases, "rates": result.rates()}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def load_llm_baseline(path: Path) -> dict[str, float | None]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rates: dict[str, float | None] = data["rates"]
    return rates


def llm_regressions(
    result: LLMBenchResult, baseline: Mapping[str, float | None], tolerance: float = TOLERANCE
) -> list[str]:
    """Every rate that fell more than ``tolerance`` below the baseline's."""
    problems = []
    for name, value in result.rates().items():
        before = baseline.get(name)
        if value is None or before is None:
            continue
        if value < before - tolerance:
            problems.append(f"{name}: {value:.1%} (baseline {before:.1%})")
    return problems
