"""The eval's metrics, question loading, baseline comparison and reports, on hand-made data.

One end-to-end test runs real questions through the real Assistant over the real index.
"""

from __future__ import annotations

import json
import math
import re
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

from assistant.corpus import citation_key, paper_id
from assistant.errors import InputError, LLMError, ParseError
from assistant.evaluation import (
    EvalQuestion,
    ExcludedPaper,
    build_result,
    compare_to_baseline,
    format_report,
    format_table,
    load_baseline,
    load_questions,
    run_eval,
    save_baseline,
    score_answer,
    validate_questions,
    write_markdown_report,
)
from assistant.evaluation.metrics import (
    citation_precision,
    citation_recall,
    ndcg_at_k,
    percentile,
    recall_at_k,
    reciprocal_rank,
    split_key_facts,
    summarise,
)
from assistant.models import Answer, CheckedSentence, Evidence, Paper
from assistant.settings import Settings, load_settings

SECRET = "sk-test-SECRET-eval-0123456789"


def make_paper(title: str, abstract: str) -> Paper:
    return Paper(paper_id(title), title, abstract, citation_key(title))


PAPERS = [
    make_paper("Mamba: Linear-Time Sequence Modeling", "Mamba reaches 5x higher throughput."),
    make_paper(
        "Quamba2: Robust Quantization for SSMs", "Quamba2 quantizes selective SSMs to 4 bits."
    ),
    make_paper("σ-GPTs: A New Approach", "Shuffled orders generate tokens in any order."),
    make_paper("Online Speculative Decoding", "Latency drops by 1.22x to 3.06x."),
    make_paper("A Borderline Paper", "It mentions state space models once."),
]
MAMBA, QUAMBA, SIGMA, OSD, BORDER = (paper.id for paper in PAPERS)
BY_ID = {paper.id: paper for paper in PAPERS}


def question(
    kind: str = "topic",
    gold: tuple[str, ...] = (MAMBA, QUAMBA),
    key_facts: tuple[str, ...] = (),
    excluded: tuple[str, ...] = (),
    question_id: str = "q1",
) -> EvalQuestion:
    return EvalQuestion(
        id=question_id,
        kind=kind,  # type: ignore[arg-type]
        question="what do state space models do?",
        gold=gold,
        key_facts=key_facts,
        excluded=tuple(ExcludedPaper(paper_id) for paper_id in excluded),
    )


def answer(
    cited: list[list[str]],
    *,
    abstained: bool = False,
    evidence: tuple[str, ...] = (MAMBA, QUAMBA, SIGMA, BORDER),
    supported: bool = True,
    removed: tuple[str, ...] = (),
    texts: list[str] | None = None,
) -> Answer:
    texts = texts or [f"Sentence {index}." for index in range(len(cited))]
    return Answer(
        task="ask",
        question="q",
        engine="extractive",
        abstained=abstained,
        sentences=[
            CheckedSentence(text, citations, supported)
            for text, citations in zip(texts, cited, strict=True)
        ],
        references=[BY_ID[p] for p in dict.fromkeys(c for cs in cited for c in cs) if p in BY_ID],
        evidence=[Evidence(BY_ID[p], 1.0, rank) for rank, p in enumerate(evidence, start=1)],
        removed_citations=list(removed),
    )


# --- ranking metrics ----------------------------------------------------------------------------


def test_recall_mrr_and_ndcg_on_a_known_ranking() -> None:
    ranking = ["x", "g1", "y", "z", "w", "g2", "v"]
    gold = ["g1", "g2", "g3", "g4"]
    assert recall_at_k(ranking, gold, 5) == 0.25
    assert recall_at_k(ranking, gold, 10) == 0.5
    assert reciprocal_rank(ranking, gold) == 0.5
    ideal = sum(1 / math.log2(position + 1) for position in range(1, 5))
    assert ndcg_at_k(ranking, gold) == pytest.approx((1 / math.log2(3) + 1 / math.log2(7)) / ideal)
    assert recall_at_k([], gold, 10) == reciprocal_rank([], gold) == ndcg_at_k([], gold) == 0.0
    assert reciprocal_rank(["x"] * 10 + ["g1"], gold) == 0.0  # beyond the top 10


def test_ndcg_matches_llama_index_and_normalises_by_the_best_top_k() -> None:
    from llama_index.core.evaluation.retrieval.metrics import NDCG

    ranking, gold = ["a", "g1", "b", "g2"], ["g1", "g2", "g3"]
    assert ndcg_at_k(ranking, gold) == pytest.approx(
        NDCG().compute(expected_ids=gold, retrieved_ids=ranking).score
    )
    many_gold = [f"g{index}" for index in range(12)]
    assert ndcg_at_k(many_gold[:10], many_gold) == pytest.approx(1.0)  # llama-index says < 1


def test_citation_precision_and_recall_ignore_excluded_papers() -> None:
    assert citation_precision(["g1", "x", "ex"], ["g1", "g2"], ["ex"]) == 0.5
    assert citation_recall(["g1", "x", "ex"], ["g1", "g2"], ["ex"]) == 0.5
    assert citation_precision(["ex"], ["g1"], ["ex"]) is None  # only an excluded paper: no verdict
    assert citation_precision([], ["g1"]) is None
    assert citation_recall([], ["g1"]) == 0.0


def test_key_facts_are_case_and_spacing_insensitive() -> None:
    found, missing = split_key_facts(
        "It reaches a 2.04X  speed-up with SpecDec++.", ["2.04x", "specdec++", "Alpaca"]
    )
    assert found == ["2.04x", "specdec++"]
    assert missing == ["Alpaca"]


def test_percentile_interpolates_like_numpy() -> None:
    assert percentile([4.0, 1.0, 3.0, 2.0], 0.5) == 2.5
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.95) == pytest.approx(4.8)
    assert percentile([], 0.5) is None


# --- one answer, scored -------------------------------------------------------------------------


def test_an_answer_is_scored_against_gold_excluded_and_the_collection() -> None:
    result = score_answer(
        question(gold=(MAMBA, QUAMBA), excluded=(BORDER,), key_facts=("5X HIGHER",)),
        "hybrid",
        answer(
            [[MAMBA, BORDER], [SIGMA], ["ghost-paper-0000"]],
            texts=["Mamba reaches 5x higher throughput.", "Other.", "Invented."],
            supported=True,
            removed=("made-up-1234",),
        ),
        ranking=[BORDER, SIGMA, MAMBA, OSD, QUAMBA],
        known_ids=BY_ID,
        seconds=0.25,
    )
    assert result.ranking == [SIGMA, MAMBA, OSD, QUAMBA]  # the excluded paper leaves the ranking
    assert result.gold_ranks == {MAMBA: 2, QUAMBA: 4}
    assert result.scores["mrr"] == 0.5
    assert result.scores["citation_precision"] == pytest.approx(1 / 3)  # Mamba of Mamba, σ, ghost
    assert result.scores["citation_recall"] == 0.5
    assert result.scores["key_fact_coverage"] == 1.0
    assert result.leaked_citations == ["ghost-paper-0000"]
    assert result.scores["invented_citations"] == 2  # one removed by the verifier, one leaked
    assert result.scores["answered_answerable"] == 1.0
    assert result.overall() == 0.0  # any invented citation fails the question outright


def test_a_citation_outside_the_evidence_counts_as_invented() -> None:
    result = score_answer(
        question(), "bm25", answer([[OSD]]), [MAMBA], known_ids=BY_ID, seconds=0.1
    )
    assert result.leaked_citations == [OSD]


def test_abstention_is_right_only_for_unanswerable_questions_without_citations() -> None:
    def outcome(kind: str, abstained: bool, cited: list[list[str]]) -> float | None:
        gold = () if kind == "unanswerable" else (MAMBA,)
        result = score_answer(
            question(kind, gold=gold),
            "hybrid",
            answer(cited, abstained=abstained),
            [MAMBA],
            BY_ID,
            0.1,
        )
        name = "abstained_unanswerable" if kind == "unanswerable" else "answered_answerable"
        return result.scores[name]

    assert outcome("unanswerable", True, []) == 1.0
    assert outcome("unanswerable", True, [[MAMBA]]) == 0.0  # abstained but still cited a paper
    assert outcome("unanswerable", False, [[MAMBA]]) == 0.0
    assert outcome("lookup", False, [[MAMBA]]) == 1.0
    assert outcome("lookup", True, []) == 0.0


def test_summary_keeps_unanswerable_questions_out_of_retrieval_means() -> None:
    answered = score_answer(
        question(gold=(MAMBA,)), "hybrid", answer([[MAMBA]]), [MAMBA], BY_ID, 1.0
    )
    missed = score_answer(
        question("lookup", gold=(QUAMBA,), question_id="q2"),
        "hybrid",
        answer([[SIGMA]], supported=False),
        [SIGMA],
        BY_ID,
        3.0,
    )
    declined = score_answer(
        question("unanswerable", gold=(), question_id="q3"),
        "hybrid",
        answer([], abstained=True),
        [SIGMA],
        BY_ID,
        2.0,
    )
    summary = summarise([answered, missed, declined])
    assert list(summary) == ["lookup", "topic", "unanswerable", "overall"]
    assert summary["overall"]["recall@10"] == 0.5
    assert summary["overall"]["verified_share"] == 0.5
    assert summary["overall"]["abstained_unanswerable"] == 1.0
    assert summary["overall"]["answered_answerable"] == 1.0
    assert summary["overall"]["latency_p50"] == 2.0
    assert summary["unanswerable"]["recall@10"] is None
    assert summary["overall"]["n"] == 3


# --- question files -----------------------------------------------------------------------------


def write_lines(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "\n".join(record if isinstance(record, str) else json.dumps(record) for record in records)
        + "\n",
        encoding="utf-8",
    )
    return path


def test_gold_may_be_titles_in_any_case_and_spacing_or_paper_ids(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "questions.jsonl",
        [
            {
                "id": "a",
                "kind": "topic",
                "question": "SSMs?",
                "gold": ["mamba:  LINEAR-time sequence modeling", QUAMBA],
                "excluded": [{"title": "A Borderline Paper", "why": "mentions SSMs once"}],
            },
            "",
            {
                "id": "b",
                "kind": "lookup",
                "question": "σ?",
                "gold": ["σ-GPTs: A New Approach"],
                "key_facts": ["any ORDER"],
            },
            {
                "id": "c",
                "kind": "unanswerable",
                "question": "Who won the World Cup?",
                "gold": [],
                "notes": "absent: 'World Cup'",
            },
        ],
    )
    questions = load_questions(path, PAPERS)
    assert [q.gold for q in questions] == [(MAMBA, QUAMBA), (SIGMA,), ()]
    assert questions[0].excluded == (ExcludedPaper(BORDER, "mentions SSMs once"),)
    assert questions[1].line == 3
    assert validate_questions(questions, PAPERS) == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "x", "kind": "essay", "question": "q", "gold": []}', 'unknown kind "essay"'),
        ('{"id": "x", "kind": "topic", "question": "q", "gold": []}', "at least one paper"),
        (
            '{"id": "x", "kind": "unanswerable", "question": "q", "gold": ["Online Spec"]}',
            "no gold",
        ),
        ('{"id": "x", "kind": "topic", "question": "q", "gold": "Mamba"}', '"gold" must be a list'),
        ('{"id": "x", "kind": "topic", "question": "", "gold": ["a"]}', '"question" must be'),
        (
            '{"id": "x", "kind": "topic", "question": "q", "gold": ["a"], "answer": "b"}',
            "unknown field(s) answer",
        ),
        (
            '{"id": "q0", "kind": "topic", "question": "q", "gold": ["a"]}',
            'id "q0" is already used on line 1',
        ),
    ],
)
def test_a_bad_line_names_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    good = {"id": "q0", "kind": "lookup", "question": "q", "gold": [OSD]}
    path = write_lines(tmp_path / "bad.jsonl", [good, line])
    with pytest.raises(ParseError) as caught:
        load_questions(path, PAPERS)
    assert caught.value.line == 2
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_an_empty_or_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no questions"):
        load_questions(write_lines(tmp_path / "empty.jsonl", [""]), PAPERS)
    with pytest.raises(InputError, match="no such file"):
        load_questions(tmp_path / "missing.jsonl", PAPERS)


def test_the_validator_reports_unknown_papers_missing_facts_and_present_absent_terms(
    tmp_path: Path,
) -> None:
    path = write_lines(
        tmp_path / "questions.jsonl",
        [
            {"id": "a", "kind": "lookup", "question": "q", "gold": ["No Such Paper"]},
            {
                "id": "b",
                "kind": "lookup",
                "question": "q",
                "gold": [OSD],
                "key_facts": ["1.22x to 3.06x", "9.9x"],
            },
            {
                "id": "c",
                "kind": "unanswerable",
                "question": "q",
                "gold": [],
                "notes": "near-miss; absent: 'Mamba', 'RWKV'",
            },
            {"id": "d", "kind": "topic", "question": "q", "gold": [MAMBA], "excluded": [MAMBA]},
        ],
    )
    problems = validate_questions(load_questions(path, PAPERS), PAPERS)
    assert len(problems) == 4
    assert (
        "a (" in problems[0] and "'No Such Paper' is neither a paper id nor a title" in problems[0]
    )
    assert "key fact '9.9x'" in problems[1]
    assert "'Mamba' is marked absent" in problems[2]
    assert f"{MAMBA} is both gold and excluded" in problems[3]


# --- baseline -----------------------------------------------------------------------------------


def small_result(recall_hit: bool = True, invented: bool = False, seconds: float = 1.0) -> Any:
    cited = [[MAMBA]] if recall_hit else [[SIGMA]]
    results = [
        score_answer(
            question("lookup", gold=(MAMBA,), key_facts=("5x",)),
            "hybrid",
            answer(
                cited,
                removed=("made-up-1234",) if invented else (),
                texts=["Mamba is 5x faster." if recall_hit else "Shuffled orders."],
            ),
            [MAMBA] if recall_hit else [SIGMA, OSD],
            BY_ID,
            seconds,
        ),
        score_answer(
            question("unanswerable", gold=(), question_id="q9"),
            "hybrid",
            answer([], abstained=True),
            [SIGMA],
            BY_ID,
            seconds,
        ),
    ]
    return build_result("extractive", {"hybrid": results}, BY_ID, questions_digest="abc")


def test_a_baseline_round_trips_and_an_unchanged_run_has_no_regression(tmp_path: Path) -> None:
    result = small_result()
    save_baseline(result, tmp_path / "evals" / "baseline.json")
    baseline = load_baseline(tmp_path / "evals" / "baseline.json")
    assert baseline.engine == "extractive"
    assert baseline.metrics == json.loads(json.dumps(result.summaries))
    deltas = compare_to_baseline(result, baseline, tolerance=0.02)
    assert deltas and not any(delta.regressed or delta.delta for delta in deltas)


def test_a_drop_beyond_tolerance_regresses_and_an_improvement_does_not(tmp_path: Path) -> None:
    good, bad = small_result(recall_hit=True), small_result(recall_hit=False)
    save_baseline(good, tmp_path / "good.json")
    save_baseline(bad, tmp_path / "bad.json")
    worse = compare_to_baseline(bad, load_baseline(tmp_path / "good.json"), tolerance=0.02)
    regressed = {(delta.kind, delta.metric) for delta in worse if delta.regressed}
    assert ("overall", "recall@10") in regressed
    assert ("lookup", "citation_recall") in regressed
    better = compare_to_baseline(good, load_baseline(tmp_path / "bad.json"), tolerance=0.02)
    assert not any(delta.regressed for delta in better)
    assert any(delta.metric == "recall@10" and delta.delta == 1.0 for delta in better)
    # A drop of a full 1.0 is within a (silly) tolerance of 1.0.
    assert not any(
        delta.regressed
        for delta in compare_to_baseline(bad, load_baseline(tmp_path / "good.json"), tolerance=1.0)
    )


def test_lower_is_better_metrics_regress_when_they_rise(tmp_path: Path) -> None:
    save_baseline(small_result(seconds=1.0), tmp_path / "clean.json")
    later = small_result(invented=True, seconds=5.0)
    deltas = {
        (d.kind, d.metric): d
        for d in compare_to_baseline(later, load_baseline(tmp_path / "clean.json"), 0.02)
    }
    assert deltas[("overall", "invented_citations")].regressed
    assert deltas[("overall", "invented_citations")].delta == 1.0
    slower = deltas[("overall", "latency_p95")]
    assert (
        slower.delta > 0 and not slower.regressed and not slower.gated
    )  # latency is not gated by default
    gated = compare_to_baseline(
        later, load_baseline(tmp_path / "clean.json"), 0.02, gate_latency=True
    )
    assert any(d.metric == "latency_p95" and d.regressed for d in gated)
    save_baseline(small_result(seconds=5.0), tmp_path / "slow.json")
    faster = compare_to_baseline(
        small_result(seconds=1.0), load_baseline(tmp_path / "slow.json"), 0.02, gate_latency=True
    )
    assert not any(d.regressed for d in faster)


def test_a_baseline_from_another_engine_or_a_damaged_file_is_refused(tmp_path: Path) -> None:
    result = small_result()
    save_baseline(result, tmp_path / "baseline.json")
    result.engine = "llm"
    with pytest.raises(InputError, match="--engine extractive"):
        compare_to_baseline(result, load_baseline(tmp_path / "baseline.json"), 0.02)
    (tmp_path / "damaged.json").write_text(
        '{"format": 1, "engine": "extractive"}', encoding="utf-8"
    )
    with pytest.raises(InputError, match="damaged"):
        load_baseline(tmp_path / "damaged.json")
    with pytest.raises(InputError, match="--save-baseline"):
        load_baseline(tmp_path / "absent.json")


# --- reports ------------------------------------------------------------------------------------


def test_the_table_and_report_say_what_failed_and_why(tmp_path: Path) -> None:
    before = small_result(recall_hit=True)
    save_baseline(before, tmp_path / "baseline.json")
    result = small_result(recall_hit=False)
    deltas = compare_to_baseline(result, load_baseline(tmp_path / "baseline.json"), 0.02)
    table = format_table(result, deltas)
    assert "| kind | n | R@5 | R@10 |" in table
    assert "| lookup | 1 | 0.000 | 0.000 |" in table
    assert "| unanswerable | 1 | — |" in table
    assert "REGRESSED" in table
    path = write_markdown_report(result, tmp_path / "reports" / "questions.md", deltas)
    report = path.read_text(encoding="utf-8")
    assert "### q1 (lookup), score 0.00" in report
    assert f"gold not in the top 10 (not retrieved at all): {MAMBA} (Mamba: Linear-Time" in report
    assert f"cited instead: {SIGMA} (σ-GPTs: A New Approach)" in report
    assert "missing key facts: '5x'" in report
    assert "q9" not in report  # a correct abstention is not a failure
    assert result.to_json()["metrics"]["hybrid"]["overall"]["recall@10"] == 0.0


def test_several_modes_make_one_ablation_table() -> None:
    result = small_result()
    result = build_result(
        "extractive", {"hybrid": result.results["hybrid"], "bm25": result.results["hybrid"]}, BY_ID
    )
    table = format_table(result)
    assert "| mode | n |" in table
    assert table.index("| hybrid |") < table.index("| bm25 |")


# --- run_eval -----------------------------------------------------------------------------------


class FakeRetriever:
    """Ranks the papers in a fixed order; records the modes it was asked for."""

    def __init__(self) -> None:
        self.modes: list[str] = []
        self.paper_store = types.SimpleNamespace(all=lambda: list(PAPERS))

    def retrieve(self, query: str, k: int | None = None, mode: str | None = None) -> Any:
        self.modes.append(str(mode))
        hits = [types.SimpleNamespace(paper=paper) for paper in PAPERS[: k or 10]]
        return types.SimpleNamespace(hits=hits)


class FakeAssistant:
    calls: ClassVar[list[tuple[str, str, str | None, str | None]]] = []

    def __init__(self, settings: Settings, *, retriever: Any = None) -> None:
        self.retriever = retriever

    def _answer(self, task: str, text: str, engine: str | None, mode: str | None) -> Answer:
        FakeAssistant.calls.append((task, text, engine, mode))
        if "World Cup" in text:
            return answer([], abstained=True)
        if "fail" in text:
            raise LLMError(f"the endpoint failed (key {SECRET})")
        reply = answer([[MAMBA]], texts=[f"Mamba is 5x faster; the key is {SECRET}."])
        if task == "related_work":
            reply.warnings.append("the LLM endpoint failed; used the extractive engine")
        return reply

    # Keyword-only, as in the real Assistant.
    def ask(self, question: str, *, engine: str | None = None, mode: str | None = None) -> Answer:
        return self._answer("ask", question, engine, mode)

    def compare(self, topic: str, *, engine: str | None = None, mode: str | None = None) -> Answer:
        return self._answer("compare", topic, engine, mode)

    def related_work(
        self, topic: str, *, engine: str | None = None, mode: str | None = None
    ) -> Answer:
        return self._answer("related_work", topic, engine, mode)


def test_run_eval_sends_each_kind_through_its_task_and_keeps_the_key_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    module = types.ModuleType("assistant.assistant")
    module.Assistant = FakeAssistant  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "assistant.assistant", module)
    FakeAssistant.calls = []
    questions = [
        EvalQuestion("l", "lookup", "how fast is it?", (MAMBA,), ("5x",)),
        EvalQuestion("c", "compare", "state space models", (MAMBA, QUAMBA)),
        EvalQuestion("r", "related_work", "sequence models", (MAMBA,)),
        EvalQuestion("u", "unanswerable", "Who won the World Cup?", ()),
        EvalQuestion("f", "topic", "this one will fail", (QUAMBA,)),
    ]
    progress: list[tuple[int, int]] = []
    retriever = FakeRetriever()
    result = run_eval(
        load_settings(api_key=SECRET),
        questions,
        modes=("hybrid", "bm25"),
        retriever=retriever,  # type: ignore[arg-type]
        progress=lambda done, total: progress.append((done, total)),
    )
    assert [call[0] for call in FakeAssistant.calls[:5]] == [
        "ask",
        "compare",
        "related_work",
        "ask",
        "ask",
    ]
    assert {call[2] for call in FakeAssistant.calls} == {"extractive"}
    assert [call[3] for call in FakeAssistant.calls] == ["hybrid"] * 5 + ["bm25"] * 5
    assert retriever.modes == ["hybrid"] * 6 + ["bm25"] * 6  # one warm-up call per mode
    assert progress[0] == (0, 10) and progress[-1] == (10, 10)
    hybrid = result.summaries["hybrid"]
    assert hybrid["lookup"]["key_fact_coverage"] == 1.0
    assert hybrid["unanswerable"]["abstained_unanswerable"] == 1.0
    assert hybrid["overall"]["answered_answerable"] == 0.75  # the failed question did not answer
    failed = result.results["hybrid"][-1]
    assert failed.error is not None and failed.overall() == 0.0
    report = format_report(result) + json.dumps(result.to_json(), ensure_ascii=False)
    assert SECRET not in report
    assert "the pipeline failed: the endpoint failed (key ***)" in report
    assert "- warning: the LLM endpoint failed; used the extractive engine (2×)" in report


def test_run_eval_rejects_an_unknown_mode_and_no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("assistant.assistant")
    module.Assistant = FakeAssistant  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "assistant.assistant", module)
    with pytest.raises(InputError, match="unknown search mode 'sparse'"):
        run_eval(load_settings(), [question()], modes=("sparse",), retriever=FakeRetriever())  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no questions"):
        run_eval(load_settings(), [], retriever=FakeRetriever())  # type: ignore[arg-type]


@pytest.mark.slow
def test_real_questions_through_the_real_pipeline(indexed_settings: Settings) -> None:
    pytest.importorskip("assistant.assistant", reason="assistant/assistant.py is not written yet")
    from assistant.evaluation import default_questions_path
    from assistant.retrieve import Retriever

    retriever = Retriever(indexed_settings)
    questions = load_questions(default_questions_path(), retriever.paper_store.all())
    chosen = [
        next(q for q in questions if q.kind == kind)
        for kind in ("lookup", "topic", "related_work", "compare", "unanswerable")
    ]
    result = run_eval(indexed_settings, chosen, retriever=retriever)
    summary = result.summaries["hybrid"]
    assert summary["overall"]["n"] == 5
    assert summary["overall"]["invented_citations"] == 0
    assert summary["overall"]["recall@10"] is not None and summary["overall"]["recall@10"] > 0.5
    assert summary["overall"]["answered_answerable"] == 1.0
    assert summary["unanswerable"]["abstained_unanswerable"] == 1.0
    assert summary["lookup"]["key_fact_coverage"] == 1.0
    assert all(outcome.error is None for outcome in result.results["hybrid"])


def test_a_baseline_diff_names_the_settings_that_changed_even_under_their_old_names() -> None:
    from assistant.evaluation import Baseline, settings_changes

    settings = Settings()
    recorded = {"top_k": 10} | settings.tuning()
    result = build_result("extractive", {"hybrid": []}, {}, settings_summary=recorded)
    # A baseline saved before the tuning numbers were grouped records them under the old names.
    old = {"top_k": 10, "relevance_threshold": 0.5, "rrf_k": settings.retrieval.rrf_k}
    baseline = Baseline(
        engine="extractive", created="", questions_digest="", metrics={}, settings=old
    )
    assert settings_changes(result, baseline) == [
        f"evidence.relevance_threshold 0.5 → {settings.evidence.relevance_threshold}"
    ]
    assert "retrieval.dense_chunk_depth" in result.settings  # every tuning number is recorded


def test_first_precision_counts_the_papers_said_before_those_said_apart() -> None:
    """A topic answer says the papers the relevance model is less sure of last, apart; what it
    says first is what a reader meets first, and the eval reports its precision beside citation
    precision (which counts every cited paper)."""
    from assistant.evaluation.metrics import QuestionResult

    result = QuestionResult(
        id="t1",
        kind="topic",
        question="q",
        mode="hybrid",
        gold=["a", "b"],
        excluded=["x"],
        key_facts=[],
        ranking=["a", "b", "c", "d"],
        gold_ranks={"a": 1, "b": 2},
        cited=["a", "c", "b", "d", "x"],
        abstained=False,
        sentences=5,
        verified=5,
        key_facts_missing=[],
        removed_citations=[],
        leaked_citations=[],
        seconds=0.1,
        apart=["d", "x"],
    )
    result.score()
    assert result.scores["citation_precision"] == pytest.approx(2 / 4)
    assert result.scores["first_precision"] == pytest.approx(2 / 3)


def test_a_comparisons_question_cells_are_scored_against_the_sentences_that_answer_them(
    tmp_path: Path,
) -> None:
    """A comparison asking questions of each paper answers them in its table; a reader's labels
    (request and abstracts only) say which abstract sentences answer each question for each
    paper. A cell holding one of them is right, as is "—" where none does; a cell holding
    another sentence is wrong; "—" where one does, or a question with no column, is missed. A
    paper the table does not compare is left to the citation metrics."""
    from assistant.models import ComparisonTable, TableCell

    path = write_lines(
        tmp_path / "questions.jsonl",
        [
            {
                "id": "c1",
                "kind": "compare",
                "question": "Compare Mamba, Quamba2 and σ-GPT: how fast is each?",
                "gold": [MAMBA, QUAMBA, SIGMA],
                "cells": [
                    {"paper": MAMBA, "question": "How fast is each", "answers": [1]},
                    {
                        "paper": "Quamba2: Robust Quantization for SSMs",
                        "question": "How fast is each",
                        "answers": [1],
                    },
                    {"paper": SIGMA, "question": "How fast is each", "answers": []},
                    {"paper": OSD, "question": "How fast is each", "answers": [1]},
                    {"paper": MAMBA, "question": "What does each store?", "answers": [1]},
                ],
            }
        ],
    )
    [loaded] = load_questions(path, PAPERS)
    assert loaded.cells[1].paper == QUAMBA  # a title names its paper
    assert validate_questions([loaded], PAPERS) == []
    table = ComparisonTable(
        aspects=["approach", "How fast is each", "reported result"],
        rows={
            MAMBA: [TableCell("x", MAMBA, 0), TableCell("5x", MAMBA, 0), TableCell("—", MAMBA)],
            QUAMBA: [TableCell("x", QUAMBA, 0), TableCell("—", QUAMBA), TableCell("—", QUAMBA)],
            SIGMA: [TableCell("x", SIGMA, 0), TableCell("—", SIGMA), TableCell("—", SIGMA)],
        },
    )
    compared = answer([[MAMBA, QUAMBA, SIGMA]])
    compared.table = table
    result = score_answer(loaded, "hybrid", compared, [MAMBA], BY_ID, 0.1)
    # Mamba right, Quamba2 missed, σ-GPT rightly silent, OSD not compared, Mamba's "what does
    # each store" has no column: missed
    assert result.cells == ["right", "missed", "right", "missed"]
    assert result.scores["question_cells"] == 0.5
    assert result.scores["question_cells_wrong"] == 0.0
    table.rows[SIGMA][1] = TableCell("Tokens in any order", SIGMA, 0)
    result = score_answer(loaded, "hybrid", compared, [MAMBA], BY_ID, 0.1)
    assert result.cells[2] == "wrong"
    assert result.scores["question_cells_wrong"] == 0.25


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ('"cells": {"paper": "a"}', '"cells" must be a list'),
        ('"cells": [{"paper": "a", "question": "q", "answers": [0]}]', "sentence numbers"),
        ('"cells": [{"paper": "a", "answers": [1]}]', "sentence numbers"),
    ],
)
def test_a_malformed_question_cell_names_its_line(tmp_path: Path, cells: str, message: str) -> None:
    line = f'{{"id": "x", "kind": "compare", "question": "q", "gold": ["{MAMBA}"], {cells}}}'
    with pytest.raises(ParseError, match=re.escape(message)):
        load_questions(write_lines(tmp_path / "bad.jsonl", [line]), PAPERS)


def test_question_cells_belong_to_a_comparison_and_name_sentences_its_abstract_has(
    tmp_path: Path,
) -> None:
    cell = {"paper": MAMBA, "question": "q", "answers": [2]}
    lookup = {"id": "x", "kind": "lookup", "question": "q", "gold": [MAMBA], "cells": [cell]}
    with pytest.raises(ParseError, match="compare question only"):
        load_questions(write_lines(tmp_path / "a.jsonl", [lookup]), PAPERS)
    compare = {**lookup, "kind": "compare"}
    questions = load_questions(write_lines(tmp_path / "b.jsonl", [compare]), PAPERS)
    # Mamba's abstract is one sentence
    assert validate_questions(questions, PAPERS) == [
        "x (" + str(tmp_path / "b.jsonl") + ", line 1): a cell of "
        f"{MAMBA} names a sentence past its abstract's 1"
    ]
