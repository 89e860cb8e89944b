"""The eval's scores: ranking metrics, citation metrics, key facts, and their averages.

Pure functions over paper ids and answer text, so every number in an eval table can be checked by
hand. Recall and MRR are llama-index's own implementations; nDCG is computed here because
llama-index normalises by *all* gold papers, so a perfect top 10 for a 12-paper topic would score
below 1 (the standard nDCG@k normalises by the best possible top k).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    pass


Kind = Literal["lookup", "topic", "related_work", "compare", "unanswerable"]
KINDS: tuple[Kind, ...] = ("lookup", "topic", "related_work", "compare", "unanswerable")
ANSWERABLE_KINDS: tuple[Kind, ...] = ("lookup", "topic", "related_work", "compare")
OVERALL = "overall"
RANKING_DEPTH = 10


@dataclass(frozen=True)
class MetricSpec:
    """One column of the eval table; ``gated`` metrics can fail ``--fail-on-regression``."""

    name: str
    label: str
    higher_is_better: bool
    unit: Literal["share", "count", "seconds"]
    gated: bool = True
    description: str = ""


METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("recall@5", "R@5", True, "share", description="gold papers in the top 5"),
    MetricSpec("recall@10", "R@10", True, "share", description="gold papers in the top 10"),
    MetricSpec(
        "mrr", "MRR", True, "share", description="1 / rank of the first gold paper (top 10)"
    ),
    MetricSpec(
        "ndcg@10", "nDCG@10", True, "share", description="rank-discounted gold in the top 10"
    ),
    MetricSpec(
        "citation_precision", "cite P", True, "share", description="cited papers that are gold"
    ),
    MetricSpec("citation_recall", "cite R", True, "share", description="gold papers cited"),
    # A topic answer says the papers the relevance model is less sure of apart, after the
    # others: the precision of what it says first is what a reader meets first. Reported, not
    # gated (the saved baselines predate it; citation P/R gate the papers cited).
    MetricSpec(
        "first_precision",
        "first P",
        True,
        "share",
        gated=False,
        description="cited papers said first (not apart as less certain) that are gold",
    ),
    MetricSpec("key_fact_coverage", "facts", True, "share", description="key facts in the answer"),
    # A comparison asking questions of each paper answers them in its table, a cell per paper
    # and question. Against cells a reader labelled from the request and the abstract alone:
    # the share right (a sentence that answers, or "—" where none does) and the share that
    # holds a sentence that does not answer. Reported, not gated (the labels are newer than the
    # saved baselines, and only tuning questions carry them).
    MetricSpec(
        "question_cells",
        "Q cells",
        True,
        "share",
        gated=False,
        description="labelled question cells of a comparison table that answer it (or '—' "
        "where the abstract does not)",
    ),
    MetricSpec(
        "question_cells_wrong",
        "Q wrong",
        False,
        "share",
        gated=False,
        description="labelled question cells holding a sentence that does not answer it",
    ),
    MetricSpec("verified_share", "verified", True, "share", description="sentences verified"),
    MetricSpec(
        "invented_citations",
        "invented",
        False,
        "count",
        description="citations outside the evidence",
    ),
    MetricSpec(
        "lint",
        "lint",
        False,
        "count",
        description="output-lint findings (dangling openers, first person, echoes, labels, ...)",
    ),
    MetricSpec(
        "abstained_unanswerable",
        "abstain ok",
        True,
        "share",
        description="abstained, cited nothing",
    ),
    MetricSpec("answered_answerable", "answered", True, "share", description="answered answerable"),
    # Machines differ (a laptop, a CI runner, a shared box); latency is reported, not gated.
    MetricSpec("latency_p50", "p50 s", False, "seconds", gated=False, description="median seconds"),
    MetricSpec(
        "latency_p95", "p95 s", False, "seconds", gated=False, description="95th pct seconds"
    ),
)
METRIC_BY_NAME = {spec.name: spec for spec in METRICS}


# --- ranking metrics --------------------------------------------------------------------------


@cache
def _llama_metrics() -> tuple[Any, Any]:
    # llama-index costs about a second to import; only the eval pays it.
    from llama_index.core.evaluation.retrieval.metrics import MRR, Recall

    return Recall(), MRR()


def recall_at_k(ranking: Sequence[str], gold: Iterable[str], k: int) -> float:
    """Share of gold papers among the first ``k`` ranked ids."""
    expected = list(dict.fromkeys(gold))
    if not expected:
        raise ValueError("recall needs at least one gold paper")
    retrieved = list(ranking[:k])
    if not retrieved:
        return 0.0
    recall, _ = _llama_metrics()
    return float(recall.compute(expected_ids=expected, retrieved_ids=retrieved).score)


def reciprocal_rank(ranking: Sequence[str], gold: Iterable[str], k: int = RANKING_DEPTH) -> float:
    """1 / rank of the first gold paper within the first ``k`` ids, 0 when none is there."""
    expected = list(dict.fromkeys(gold))
    if not expected:
        raise ValueError("reciprocal rank needs at least one gold paper")
    retrieved = list(ranking[:k])
    if not retrieved:
        return 0.0
    _, mrr = _llama_metrics()
    return float(mrr.compute(expected_ids=expected, retrieved_ids=retrieved).score)


def ndcg_at_k(ranking: Sequence[str], gold: Iterable[str], k: int = RANKING_DEPTH) -> float:
    """Binary-relevance nDCG@k: DCG of the top ``k`` over the DCG of the best possible top ``k``."""
    expected = set(gold)
    if not expected:
        raise ValueError("nDCG needs at least one gold paper")
    dcg = sum(
        1.0 / math.log2(position + 1)
        for position, paper_id in enumerate(ranking[:k], start=1)
        if paper_id in expected
    )
    ideal = sum(1.0 / math.log2(position + 1) for position in range(1, min(len(expected), k) + 1))
    return dcg / ideal


# --- answer metrics ---------------------------------------------------------------------------


def citation_precision(
    cited: Iterable[str], gold: Iterable[str], excluded: Iterable[str] = ()
) -> float | None:
    """Share of cited papers that are gold; excluded ones count neither way. None if none cited."""
    gold_set, excluded_set = set(gold), set(excluded)
    judged = {paper_id for paper_id in cited if paper_id not in excluded_set}
    if not judged:
        return None
    return len(judged & gold_set) / len(judged)


def citation_recall(
    cited: Iterable[str], gold: Iterable[str], excluded: Iterable[str] = ()
) -> float | None:
    """Share of gold papers cited (excluded ones are never required). None without gold."""
    required = set(gold) - set(excluded)
    if not required:
        return None
    return len(required & set(cited)) / len(required)


def _normalise_text(text: str) -> str:
    return " ".join(text.casefold().split())


def contains_fact(text: str, fact: str) -> bool:
    """Case- and spacing-insensitive substring test, the rule the question file is written to."""
    return _normalise_text(fact) in _normalise_text(text)


def split_key_facts(text: str, facts: Iterable[str]) -> tuple[list[str], list[str]]:
    """The key facts found in ``text`` and those missing from it."""
    found: list[str] = []
    missing: list[str] = []
    for fact in facts:
        (found if contains_fact(text, fact) else missing).append(fact)
    return found, missing


def percentile(values: Sequence[float], share: float) -> float | None:
    """Linear-interpolated percentile (``share`` in [0, 1]), as numpy's default; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


# --- one question's outcome -------------------------------------------------------------------

# what a labelled question cell of a comparison table holds
CELL_RIGHT = "right"  # a sentence that answers, or "—" where the abstract does not
CELL_WRONG = "wrong"  # a sentence that does not answer
CELL_MISSED = "missed"  # "—" (or no column) where the abstract answers


def cell_outcome(said: int | None, answers: Iterable[int]) -> str:
    """A cell drawn from abstract sentence ``said`` (numbered from 1; None for "—") against the
    sentences that answer its question."""
    wanted = set(answers)
    if said is None:
        return CELL_MISSED if wanted else CELL_RIGHT
    return CELL_RIGHT if said in wanted else CELL_WRONG


@dataclass
class QuestionResult:
    """What happened to one question in one retrieval mode, with every score derived from it."""

    id: str
    kind: Kind
    question: str
    mode: str
    gold: list[str]
    excluded: list[str]
    key_facts: list[str]
    ranking: list[str]  # the top 10, excluded papers left out
    gold_ranks: dict[
        str, int | None
    ]  # rank of each gold paper in the deeper ranking, None if absent
    cited: list[str]
    abstained: bool
    sentences: int
    verified: int
    key_facts_missing: list[str]
    removed_citations: list[str]  # caught by the verifier
    leaked_citations: list[str]  # survived into the answer but unknown or outside the evidence
    seconds: float
    answer_excerpt: str = ""
    engine_used: str = ""
    warnings: list[str] = field(default_factory=list)
    lint: list[str] = field(default_factory=list)  # "rule: excerpt" per output-lint finding
    # cited papers said apart, under "Less certainly on the question/topic"
    apart: list[str] = field(default_factory=list)
    # each labelled question cell of a comparison's table: CELL_RIGHT, CELL_WRONG or CELL_MISSED
    cells: list[str] = field(default_factory=list)
    error: str | None = None
    scores: dict[str, float | None] = field(default_factory=dict)

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"

    @property
    def invented(self) -> int:
        return len(self.removed_citations) + len(self.leaked_citations)

    @property
    def abstention_correct(self) -> bool:
        """Unanswerable: abstained and cited nothing. Answerable: answered (did not abstain)."""
        if self.error is not None:
            return False
        if self.answerable:
            return not self.abstained
        return self.abstained and not self.cited

    def score(self) -> None:
        """Fill ``scores`` from the raw outcome."""
        scores: dict[str, float | None] = {name: None for name in METRIC_BY_NAME}
        if self.answerable and self.gold:
            scores["recall@5"] = recall_at_k(self.ranking, self.gold, 5)
            scores["recall@10"] = recall_at_k(self.ranking, self.gold, 10)
            scores["mrr"] = reciprocal_rank(self.ranking, self.gold)
            scores["ndcg@10"] = ndcg_at_k(self.ranking, self.gold)
            scores["citation_precision"] = citation_precision(self.cited, self.gold, self.excluded)
            scores["citation_recall"] = citation_recall(self.cited, self.gold, self.excluded)
            scores["first_precision"] = citation_precision(
                [paper_id for paper_id in self.cited if paper_id not in self.apart],
                self.gold,
                self.excluded,
            )
        if self.answerable and self.key_facts:
            found = len(self.key_facts) - len(self.key_facts_missing)
            scores["key_fact_coverage"] = found / len(self.key_facts)
        if self.cells:
            scores["question_cells"] = self.cells.count(CELL_RIGHT) / len(self.cells)
            scores["question_cells_wrong"] = self.cells.count(CELL_WRONG) / len(self.cells)
        if self.sentences and not self.abstained:  # an abstention's one sentence claims nothing
            scores["verified_share"] = self.verified / self.sentences
        scores["invented_citations"] = float(self.invented)
        scores["lint"] = float(len(self.lint))
        correct = 1.0 if self.abstention_correct else 0.0
        scores["answered_answerable" if self.answerable else "abstained_unanswerable"] = correct
        scores["latency_p50"] = scores["latency_p95"] = self.seconds
        self.scores = scores

    def overall(self) -> float:
        """One number per question for ranking the worst: 0 = failed outright, 1 = perfect."""
        if self.error is not None or self.invented:
            return 0.0
        if not self.answerable:
            return 1.0 if self.abstention_correct else 0.0
        if self.abstained:
            return 0.0
        parts = [
            self.scores.get("recall@10") or 0.0,
            self.scores.get("citation_recall") or 0.0,
            self.scores.get("citation_precision") or 0.0,
        ]
        if self.key_facts:
            parts.append(self.scores.get("key_fact_coverage") or 0.0)
        return sum(parts) / len(parts)

    def to_json(self) -> dict[str, Any]:
        record = asdict(self)
        record["overall"] = round(self.overall(), 4)
        return record


# --- averages ---------------------------------------------------------------------------------

Summary = dict[str, dict[str, float | None]]  # row (kind or "overall") -> metric -> value


def _mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def summarise_rows(results: Sequence[QuestionResult]) -> dict[str, float | None]:
    """One table row: means of shares over the questions where they apply, summed invented
    citations, latency percentiles. Unanswerable questions have no retrieval or citation scores,
    so they never enter those means."""

    def collect(name: str) -> list[float | None]:
        return [result.scores.get(name) for result in results]

    row: dict[str, float | None] = {"n": float(len(results))}
    for spec in METRICS:
        if spec.name == "invented_citations":
            row[spec.name] = float(sum(result.invented for result in results))
        elif spec.name == "lint":
            row[spec.name] = float(sum(len(result.lint) for result in results))
        elif spec.name == "latency_p50":
            row[spec.name] = percentile([result.seconds for result in results], 0.50)
        elif spec.name == "latency_p95":
            row[spec.name] = percentile([result.seconds for result in results], 0.95)
        else:
            row[spec.name] = _mean(collect(spec.name))
    return row


def summarise(results: Sequence[QuestionResult]) -> Summary:
    """A row per kind present, in the canonical order, and an overall row."""
    summary: Summary = {}
    for kind in KINDS:
        of_kind = [result for result in results if result.kind == kind]
        if of_kind:
            summary[kind] = summarise_rows(of_kind)
    if results:
        summary[OVERALL] = summarise_rows(results)
    return summary
