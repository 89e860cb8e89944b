"""The canned questions in evals/ are sound against the real bundled corpus (no index needed)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.corpus import load_listing_directory, normalise_title
from assistant.evaluation import (
    EvalQuestion,
    absent_terms,
    default_questions_path,
    load_questions,
    validate_questions,
)
from assistant.models import Paper

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = PROJECT_ROOT / "evals" / "questions.jsonl"


@pytest.fixture(scope="module")
def corpus_papers() -> list[Paper]:
    return load_listing_directory(PROJECT_ROOT / "corpus")


@pytest.fixture(scope="module")
def questions(corpus_papers: list[Paper]) -> list[EvalQuestion]:
    return load_questions(QUESTIONS, corpus_papers)


def test_default_path_is_the_bundled_file() -> None:
    assert default_questions_path() == QUESTIONS


def test_every_gold_paper_exists_and_every_key_fact_is_in_its_abstract(
    questions: list[EvalQuestion], corpus_papers: list[Paper]
) -> None:
    assert validate_questions(questions, corpus_papers) == []


def test_counts_meet_the_issue_floors(questions: list[EvalQuestion]) -> None:
    counts = Counter(question.kind for question in questions)
    assert len(questions) >= 80
    assert counts["unanswerable"] >= 15
    for kind in ("lookup", "topic", "related_work", "compare"):
        assert counts[kind] >= 5, kind


def test_lookups_have_one_to_three_key_facts_and_compares_two_to_six_gold(
    questions: list[EvalQuestion],
) -> None:
    for question in questions:
        if question.kind == "lookup":
            assert 1 <= len(question.key_facts) <= 3, question.id
        if question.kind == "compare":
            assert 2 <= len(question.gold) <= 6, question.id


def test_unanswerable_questions_name_terms_the_corpus_lacks(
    questions: list[EvalQuestion],
) -> None:
    unanswerable = [question for question in questions if question.kind == "unanswerable"]
    # The validator only checks terms it is told about; make sure each question tells it some.
    assert all(absent_terms(question.notes) for question in unanswerable)
    assert any("off-domain" in question.notes for question in unanswerable)
    assert any("near-miss" in question.notes for question in unanswerable)


def test_the_missions_own_examples_are_included(
    questions: list[EvalQuestion], corpus_papers: list[Paper]
) -> None:
    by_id = {paper.id: paper for paper in corpus_papers}
    texts: dict[str, list[str]] = {}
    for question in questions:
        texts.setdefault(question.kind, []).append(question.question.lower())
    assert any("entropy" in text and "test-time adaptation" in text for text in texts["topic"])
    assert any("state space model" in text for text in texts["topic"] + texts["related_work"])
    entropy_tta = next(
        q for q in questions if q.question.lower().startswith("how do entropy-based")
    )
    titles = {normalise_title(by_id[paper_id].title) for paper_id in entropy_tta.gold}
    assert any("test-time adaptation" in title for title in titles)
