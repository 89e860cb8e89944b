"""Running the eval: every question through the ``Assistant`` a user gets, scored, with the
settings that shaped the answers recorded beside the figures."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from assistant.errors import InputError, LLMError
from assistant.evaluation.metrics import (
    RANKING_DEPTH,
    QuestionResult,
    Summary,
    cell_outcome,
    split_key_facts,
    summarise,
)
from assistant.evaluation.questions import (
    EvalQuestion,
    questions_digest,
)
from assistant.models import SEARCH_MODES, Answer, Paper
from assistant.settings import Settings
from assistant.text.query import question_heading
from assistant.tuning import LintSettings

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.models import SearchMode
    from assistant.retrieve import Retriever

Progress = Callable[[int, int], None]


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
    """The user's knobs that shape answers, then every tuning number of every stage by its
    dotted name ("evidence.relevance_threshold"), so a baseline diff says what changed."""
    summary: dict[str, Any] = {
        name: getattr(settings, name)
        for name in ("top_k", "max_evidence_papers", "unsupported", "embedder")
    }
    summary |= settings.tuning()
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
    lint: LintSettings | None = None,
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
        lint=_lint(answer, lint) if answer is not None else [],
        apart=(
            [item.paper.id for item in answer.evidence if item.doubtful]
            if answer is not None and not answer.abstained
            else []
        ),
        cells=question_cells(answer, question) if answer is not None else [],
    )
    result.score()
    return result


def question_cells(answer: Answer, question: EvalQuestion) -> list[str]:
    """Each labelled question cell of a comparison's table, for each paper the table compares
    (a paper it does not compare is the citation metrics' to count): what the cell under that
    question says against the sentences that answer it. A question without a column is "—"
    in every row."""
    table = answer.table
    if table is None or answer.abstained:
        return []
    columns = {question_heading(aspect): position for position, aspect in enumerate(table.aspects)}
    outcomes = []
    for cell in question.cells:
        row = table.rows.get(cell.paper)
        if row is None:
            continue
        column = columns.get(question_heading(cell.question))
        said = row[column].sentence_index if column is not None else None
        outcomes.append(cell_outcome(None if said is None else said + 1, cell.answers))
    return outcomes


def _lint(answer: Answer, config: LintSettings | None) -> list[str]:
    """The output lint over the answer and its Markdown and LaTeX renderings."""
    from assistant.lint import lint_answer
    from assistant.render import to_latex, to_markdown

    findings = lint_answer(
        answer, markdown=to_markdown(answer), latex=to_latex(answer)[0], config=config
    )
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
    from assistant.retrieve import Retriever

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
            depth = max(settings.retrieval.fusion_depth, RANKING_DEPTH + len(question.excluded))
            retrieval = retriever.retrieve(question.question, k=depth, mode=mode)
            ranking = [hit.paper.id for hit in retrieval.hits]
            results[mode].append(
                score_answer(
                    question,
                    mode,
                    answer,
                    ranking,
                    papers,
                    seconds,
                    error=error,
                    redact=redact,
                    lint=settings.lint,
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
