"""The offline eval: canned questions through the user's pipeline, scored, compared with a baseline.

Questions come from a JSONL file (see ``evals/README.md``); gold papers may be exact titles or ids.
Every question goes through the same ``Assistant`` a user gets (``ask`` for lookup, topic and
unanswerable questions, ``related_work`` and ``compare`` for those kinds), and the retriever's own
ranking in the same mode is scored alongside. The scores themselves live in ``eval_metrics``.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from assistant.corpus import jsonl_records, normalise_title, read_text_file
from assistant.errors import InputError, LLMError, ParseError
from assistant.eval_metrics import (
    KINDS,
    METRIC_BY_NAME,
    METRICS,
    OVERALL,
    RANKING_DEPTH,
    Delta,
    Kind,
    QuestionResult,
    Summary,
    contains_fact,
    explain,
    format_value,
    split_key_facts,
    summarise,
    summary_deltas,
    worst_questions,
)
from assistant.models import Answer, Paper
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.models import SearchMode
    from assistant.retrieve import Retriever

Progress = Callable[[int, int], None]
BASELINE_FORMAT = 1
_PROJECT_DIR = Path(__file__).resolve().parent.parent
_QUESTION_FIELDS = {"id", "kind", "question", "gold", "key_facts", "excluded", "notes"}
_ABSENT_TERMS = re.compile(r"absent:\s*(.*)$", re.I)
_QUOTED = re.compile(r"'([^']+)'")


# The question sets ``assistant eval`` runs by default: the set written with the abstracts open (and
# tuned on), then the blind set's tuning and test parts. Figures count on the test part only.
QUESTION_SETS = ("questions", "blind-tune", "blind-test")


def evals_dir() -> Path:
    """The shipped ``evals/`` (checkout: ``./evals``; wheel: ``assistant/bundled_evals``)."""
    packaged = Path(__file__).resolve().parent / "bundled_evals"
    return packaged if packaged.is_dir() else _PROJECT_DIR / "evals"


def default_questions_path() -> Path:
    return evals_dir() / "questions.jsonl"


def default_question_paths() -> list[Path]:
    return [evals_dir() / f"{name}.jsonl" for name in QUESTION_SETS]


def default_baseline_path(questions_path: Path | None = None) -> Path:
    """``baseline.json`` for the original set, ``baseline-<set>.json`` for any other."""
    stem = questions_path.stem if questions_path else "questions"
    name = "baseline.json" if stem == "questions" else f"baseline-{stem}.json"
    return (questions_path.parent if questions_path else evals_dir()) / name


def default_report_path(questions_path: Path) -> Path:
    """``evals/reports/<questions file stem>.md``: next to the questions, out of version control."""
    return questions_path.parent / "reports" / f"{questions_path.stem}.md"


# --- questions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExcludedPaper:
    id: str
    why: str = ""


@dataclass(frozen=True)
class EvalQuestion:
    """One canned question; ``gold`` and ``excluded`` hold paper ids once resolved."""

    id: str
    kind: Kind
    question: str
    gold: tuple[str, ...]
    key_facts: tuple[str, ...] = ()
    excluded: tuple[ExcludedPaper, ...] = ()
    notes: str = ""
    source: str = ""
    line: int = 0
    unresolved: tuple[str, ...] = ()  # gold or excluded entries that name no paper

    @property
    def excluded_ids(self) -> tuple[str, ...]:
        return tuple(paper.id for paper in self.excluded)

    @property
    def where(self) -> str:
        return f"{self.id} ({self.source}, line {self.line})" if self.source else self.id


class _PaperResolver:
    def __init__(self, papers: Iterable[Paper]) -> None:
        self.by_id: dict[str, Paper] = {}
        self.by_title: dict[str, str] = {}
        for paper in papers:
            self.by_id[paper.id] = paper
            self.by_title.setdefault(normalise_title(paper.title), paper.id)

    def resolve(self, reference: str) -> str | None:
        if reference in self.by_id:
            return reference
        return self.by_title.get(normalise_title(reference))


def _string_list(record: dict[str, Any], name: str, where: tuple[str, int]) -> list[str]:
    value = record.get(name, [])
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        raise ParseError(*where, f'"{name}" must be a list of non-empty strings')
    return [item.strip() for item in value]


def _excluded_entries(record: dict[str, Any], where: tuple[str, int]) -> list[tuple[str, str]]:
    """(title or id, why) pairs from strings or ``{"title"|"id", "why"}`` objects."""
    value = record.get("excluded", [])
    if not isinstance(value, list):
        raise ParseError(*where, '"excluded" must be a list')
    entries = []
    for item in value:
        if isinstance(item, str) and item.strip():
            entries.append((item.strip(), ""))
            continue
        name = item.get("title", item.get("id")) if isinstance(item, dict) else None
        why = item.get("why", "") if isinstance(item, dict) else ""
        if not isinstance(name, str) or not name.strip() or not isinstance(why, str):
            raise ParseError(*where, '"excluded" entries must be {"title" or "id", "why"} objects')
        entries.append((name.strip(), why))
    return entries


def parse_question(
    record: object, resolver: _PaperResolver, source: str, line: int
) -> EvalQuestion:
    where = (source, line)
    if not isinstance(record, dict):
        raise ParseError(*where, "expected a JSON object with id, kind, question and gold")
    unknown = sorted(set(record) - _QUESTION_FIELDS)
    if unknown:
        allowed = ", ".join(sorted(_QUESTION_FIELDS))
        raise ParseError(*where, f"unknown field(s) {', '.join(unknown)}; allowed: {allowed}")
    for name in ("id", "kind", "question"):
        if not isinstance(record.get(name), str) or not record[name].strip():
            raise ParseError(*where, f'"{name}" must be a non-empty string')
    kind = record["kind"]
    if kind not in KINDS:
        raise ParseError(*where, f'unknown kind "{kind}"; use one of {", ".join(KINDS)}')
    gold = _string_list(record, "gold", where)
    key_facts = _string_list(record, "key_facts", where)
    excluded = _excluded_entries(record, where)
    notes = record.get("notes", "")
    if not isinstance(notes, str):
        raise ParseError(*where, '"notes" must be a string')
    if kind == "unanswerable" and (gold or key_facts):
        raise ParseError(*where, "an unanswerable question has no gold papers and no key facts")
    if kind != "unanswerable" and not gold:
        raise ParseError(*where, f'a {kind} question needs at least one paper in "gold"')
    unresolved: list[str] = []

    def resolve(reference: str) -> str:
        paper_id = resolver.resolve(reference)
        if paper_id is None:
            unresolved.append(reference)
        return paper_id or reference

    return EvalQuestion(
        id=record["id"].strip(),
        kind=kind,
        question=record["question"].strip(),
        gold=tuple(dict.fromkeys(resolve(reference) for reference in gold)),
        key_facts=tuple(key_facts),
        excluded=tuple(ExcludedPaper(resolve(name), why) for name, why in excluded),
        notes=notes,
        source=source,
        line=line,
        unresolved=tuple(unresolved),
    )


def load_questions(path: Path, papers: Iterable[Paper]) -> list[EvalQuestion]:
    """Questions of a JSONL file, gold titles resolved to ids; a malformed line raises ParseError.

    A gold or excluded entry that names no paper is kept as written and reported by
    ``validate_questions``, so one stale title does not hide the rest of the file's problems.
    """
    text = read_text_file(path)
    resolver = _PaperResolver(papers)
    questions: list[EvalQuestion] = []
    seen: dict[str, int] = {}
    for line_number, record in jsonl_records(text, str(path)):
        question = parse_question(record, resolver, str(path), line_number)
        if question.id in seen:
            raise ParseError(
                str(path),
                line_number,
                f'id "{question.id}" is already used on line {seen[question.id]}',
            )
        seen[question.id] = line_number
        questions.append(question)
    if not questions:
        raise ParseError(str(path), 1, "no questions found; expected one JSON object per line")
    return questions


def absent_terms(notes: str) -> list[str]:
    """The quoted terms after ``absent:`` in a question's notes."""
    match = _ABSENT_TERMS.search(notes)
    return _QUOTED.findall(match.group(1)) if match else []


def validate_questions(questions: Sequence[EvalQuestion], papers: Iterable[Paper]) -> list[str]:
    """Problems that make a question unfair to score; an empty list means the file is sound."""
    by_id = {paper.id: paper for paper in papers}
    haystack = "\n".join(f"{paper.title}\n{paper.abstract}" for paper in by_id.values())
    problems: list[str] = []
    for question in questions:
        for reference in question.unresolved:
            problems.append(f"{question.where}: '{reference}' is neither a paper id nor a title")
        for paper_id in set(question.gold) & set(question.excluded_ids):
            problems.append(f"{question.where}: {paper_id} is both gold and excluded")
        gold_text = " ".join(
            by_id[paper_id].abstract for paper_id in question.gold if paper_id in by_id
        )
        for fact in question.key_facts:
            if gold_text and not contains_fact(gold_text, fact):
                problems.append(f"{question.where}: key fact '{fact}' is not in a gold abstract")
        for term in absent_terms(question.notes):
            if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", haystack, re.I):
                problems.append(
                    f"{question.where}: '{term}' is marked absent but the corpus has it"
                )
    return problems


def questions_digest(questions: Sequence[EvalQuestion]) -> str:
    """Identity of a question set, so a baseline made on other questions is recognised."""
    canonical = [
        [q.id, q.kind, q.question, sorted(q.gold), sorted(q.excluded_ids), list(q.key_facts)]
        for q in questions
    ]
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode()).hexdigest()[:16]


# --- running ----------------------------------------------------------------------------------


@dataclass
class EvalResult:
    """Every question's outcome per retrieval mode, the summary table per mode, and run facts."""

    engine: str
    modes: list[str]
    results: dict[str, list[QuestionResult]]
    summaries: dict[str, Summary]
    titles: dict[str, str]  # every paper id the results mention
    questions_digest: str
    settings: dict[str, Any]  # the knobs that shape answers; never secrets or endpoint URLs
    created: str
    seconds: float

    def warnings(self) -> list[str]:
        """What the pipeline warned about, once each with how often, e.g. an LLM fallback."""
        counts: dict[str, int] = {}
        for mode_results in self.results.values():
            for result in mode_results:
                for warning in dict.fromkeys(result.warnings):
                    counts[warning] = counts.get(warning, 0) + 1
                if result.engine_used and result.engine_used != self.engine:
                    note = f"asked for the {self.engine} engine, answered by {result.engine_used}"
                    counts[note] = counts.get(note, 0) + 1
        return [f"{warning} ({count}×)" for warning, count in counts.items()]

    def to_json(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "modes": self.modes,
            "created": self.created,
            "seconds": round(self.seconds, 3),
            "questions_digest": self.questions_digest,
            "settings": self.settings,
            "metrics": self.summaries,
            "questions": {
                mode: [result.to_json() for result in results]
                for mode, results in self.results.items()
            },
            "titles": self.titles,
            "warnings": self.warnings(),
        }


def _settings_summary(settings: Settings, engine: str) -> dict[str, Any]:
    summary: dict[str, Any] = {
        name: getattr(settings, name)
        for name in (
            "top_k",
            "rrf_k",
            "bm25_weight",
            "dense_weight",
            "fusion_depth",
            "max_evidence_papers",
            "relative_cutoff",
            "relevance_threshold",
            "relevance_gap",
            "single_paper_below",
            "topic_naming_papers",
            "topic_dense_exception",
            "topic_core_exception",
            "topic_unnamed_threshold",
            "relevance_weights",
            "topic_relevance_weights",
            "topic_relevance_threshold",
            "abstain_threshold",
            "unsupported",
            "embedder",
        )
    }
    if settings.embedder == "openai":
        summary["embedding_model"] = settings.embedding_model
    if engine == "llm":
        summary["llm_model"] = settings.llm_model
        summary["llm_temperature"] = settings.llm_temperature
    return summary


def _redactor(settings: Settings) -> Callable[[str], str]:
    secret = settings.resolved_api_key()
    if not secret:
        return lambda text: text
    return lambda text: text.replace(secret, "***")


def _run_task(
    assistant: Assistant, question: EvalQuestion, engine: str, mode: SearchMode
) -> Answer:
    if question.kind == "related_work":
        return assistant.related_work(question.question, engine=engine, mode=mode)
    if question.kind == "compare":
        return assistant.compare(question.question, engine=engine, mode=mode)
    return assistant.ask(question.question, engine=engine, mode=mode)


def cited_ids(answer: Answer) -> list[str]:
    """Papers an answer cites, in order: sentence citations, then comparison-table rows."""
    ordered = [paper_id for sentence in answer.sentences for paper_id in sentence.citations]
    if answer.table is not None:
        ordered.extend(answer.table.rows)
    return list(dict.fromkeys(ordered))


def leaked_citations(answer: Answer, known_ids: Mapping[str, object] | set[str]) -> list[str]:
    """Final citations the verifier should have let through: unknown, or outside the evidence."""
    evidence_ids = {evidence.paper.id for evidence in answer.evidence}
    final = cited_ids(answer) + [paper.id for paper in answer.references]
    return [
        paper_id
        for paper_id in dict.fromkeys(final)
        if paper_id not in known_ids or paper_id not in evidence_ids
    ]


def score_answer(
    question: EvalQuestion,
    mode: str,
    answer: Answer | None,
    ranking: Sequence[str],
    known_ids: Mapping[str, object] | set[str],
    seconds: float,
    *,
    error: str | None = None,
    redact: Callable[[str], str] = lambda text: text,
) -> QuestionResult:
    """One question's outcome from its answer and the retriever's ranking (any depth)."""
    excluded = set(question.excluded_ids)
    judged_ranking = [paper_id for paper_id in dict.fromkeys(ranking) if paper_id not in excluded]
    gold_ranks = {
        paper_id: (judged_ranking.index(paper_id) + 1 if paper_id in judged_ranking else None)
        for paper_id in question.gold
    }
    text = answer.text if answer is not None else ""
    _, missing = split_key_facts(text, question.key_facts)
    result = QuestionResult(
        id=question.id,
        kind=question.kind,
        question=question.question,
        mode=mode,
        gold=list(question.gold),
        excluded=list(question.excluded_ids),
        key_facts=list(question.key_facts),
        ranking=judged_ranking[:RANKING_DEPTH],
        gold_ranks=gold_ranks,
        cited=cited_ids(answer) if answer is not None else [],
        abstained=answer.abstained if answer is not None else False,
        sentences=len(answer.sentences) if answer is not None else 0,
        verified=answer.verified_count if answer is not None else 0,
        key_facts_missing=missing,
        removed_citations=list(answer.removed_citations) if answer is not None else [],
        leaked_citations=leaked_citations(answer, known_ids) if answer is not None else [],
        seconds=seconds,
        answer_excerpt=redact(_excerpt(text)),
        engine_used=answer.engine if answer is not None else "",
        warnings=[redact(warning) for warning in answer.warnings] if answer is not None else [],
        error=redact(error) if error else None,
        lint=_lint(answer) if answer is not None else [],
    )
    result.score()
    return result


def _lint(answer: Answer) -> list[str]:
    """The output lint over the answer and its Markdown and LaTeX renderings."""
    from assistant.lint import lint_answer
    from assistant.render import to_latex, to_markdown

    findings = lint_answer(answer, markdown=to_markdown(answer), latex=to_latex(answer)[0])
    return [f"{finding.rule}: {_excerpt(finding.text, 160)}" for finding in findings]


def _excerpt(text: str, limit: int = 400) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def run_eval(
    settings: Settings,
    questions: Sequence[EvalQuestion],
    *,
    engine: str = "extractive",
    modes: Sequence[str] = ("hybrid",),
    retriever: Retriever | None = None,
    progress: Progress | None = None,
) -> EvalResult:
    """Every question through the Assistant in each mode; ``progress(done, total)`` after each."""
    from assistant.assistant import Assistant
    from assistant.retrieve import SEARCH_MODES, Retriever

    if not questions:
        raise InputError("there are no questions to evaluate; check the questions file.")
    unknown = [mode for mode in modes if mode not in SEARCH_MODES]
    if unknown:
        raise InputError(
            f"unknown search mode '{unknown[0]}'; use one of {', '.join(SEARCH_MODES)}."
        )
    chosen = [cast("SearchMode", mode) for mode in dict.fromkeys(modes)]
    if retriever is None:
        retriever = Retriever(settings)
        retriever.ensure_index()
    assistant = Assistant(settings, retriever=retriever)
    papers = {paper.id: paper for paper in retriever.paper_store.all()}
    redact = _redactor(settings)
    total, done = len(questions) * len(chosen), 0
    if progress is not None:
        progress(0, total)
    started = time.perf_counter()
    results: dict[str, list[QuestionResult]] = {}
    for mode in chosen:
        results[mode] = []
        # Load the embedding model and indexes before the clock runs, so p95 is not one cold start.
        retriever.retrieve(questions[0].question, mode=mode)
        for question in questions:
            answer, error = None, None
            asked = time.perf_counter()
            try:
                answer = _run_task(assistant, question, engine, mode)
            except LLMError as failure:  # one failed request must not sink a 137-question run
                error = str(failure)
            seconds = time.perf_counter() - asked
            depth = max(settings.fusion_depth, RANKING_DEPTH + len(question.excluded))
            retrieval = retriever.retrieve(question.question, k=depth, mode=mode)
            ranking = [hit.paper.id for hit in retrieval.hits]
            results[mode].append(
                score_answer(
                    question, mode, answer, ranking, papers, seconds, error=error, redact=redact
                )
            )
            done += 1
            if progress is not None:
                progress(done, total)
    return build_result(
        engine,
        results,
        papers,
        questions_digest=questions_digest(questions),
        settings_summary=_settings_summary(settings, engine),
        seconds=time.perf_counter() - started,
    )


def build_result(
    engine: str,
    results: dict[str, list[QuestionResult]],
    papers: Mapping[str, Paper],
    *,
    questions_digest: str = "",
    settings_summary: dict[str, Any] | None = None,
    seconds: float = 0.0,
) -> EvalResult:
    """Summaries and titles for scored questions (tests build results this way, no pipeline)."""
    mentioned: dict[str, None] = {}
    for mode_results in results.values():
        for result in mode_results:
            for paper_id in [*result.gold, *result.excluded, *result.cited, *result.ranking]:
                mentioned[paper_id] = None
    return EvalResult(
        engine=engine,
        modes=list(results),
        results=results,
        summaries={mode: summarise(mode_results) for mode, mode_results in results.items()},
        titles={paper_id: papers[paper_id].title for paper_id in mentioned if paper_id in papers},
        questions_digest=questions_digest,
        settings=settings_summary or {},
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=seconds,
    )


# --- baseline ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    engine: str
    created: str
    questions_digest: str
    metrics: dict[str, Summary]  # mode -> row -> metric -> value


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
        path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
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
        path.write_text(format_report(result, deltas, worst=worst), encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write the report {path} ({error.strerror}).") from None
    return path
