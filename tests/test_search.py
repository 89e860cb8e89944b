"""Search on the real corpus: each retriever, fusion, acronyms, and a quality floor for hybrid."""

from __future__ import annotations

import pytest

from assistant.bm25 import tokenize
from assistant.errors import InputError
from assistant.retrieve import Retriever, reciprocal_rank_fusion
from assistant.settings import Settings
from assistant.text import acronyms

# Topic queries with every relevant paper, checked against the abstracts (titles' ids).
ENTROPY_TTA = {
    "entropy-not-enough-dfa7",  # DeYO
    "towards-open-set-839e",  # wisdom of crowds in entropy minimization
    "efficient-test-time-7112",
    "test-time-adaptation-e78c",
}


def test_rrf_weights_and_found_by() -> None:
    fused = reciprocal_rank_fusion(
        {"bm25": [("a", 9.0), ("b", 5.0)], "dense": [("b", 0.9), ("c", 0.8)]},
        k=60,
        weights={"bm25": 1.0, "dense": 1.0},
    )
    assert [paper_id for paper_id, _, _ in fused] == ["b", "a", "c"]
    found = dict((paper_id, found_by) for paper_id, _, found_by in fused)
    assert [(r.retriever, r.rank) for r in found["b"]] == [("bm25", 2), ("dense", 1)]
    heavy_dense = reciprocal_rank_fusion(
        {"bm25": [("a", 9.0)], "dense": [("c", 0.8)]}, k=60, weights={"bm25": 0.5, "dense": 2.0}
    )
    assert heavy_dense[0][0] == "c"


def test_bm25_tokens_are_stemmed_without_stopwords() -> None:
    assert tokenize("The Quantizing of Models") == ["quantiz", "model"]


def test_acronym_expansion_uses_the_collections_definitions() -> None:
    mined = acronyms.mine(
        [
            "We study test-time adaptation (TTA) here.",
            "Test-time adaptation (TTA) again.",
            "Test-time augmentation (TTA) is different.",
            "State space models (SSMs) are fast.",
        ]
    )
    assert mined["TTA"] == ["test-time adaptation", "test-time augmentation"]
    assert mined["SSM"] == ["state space models"]
    assert "test-time adaptation" in acronyms.expand("entropy-based TTA", mined)
    assert acronyms.expand("nothing to expand", mined) == "nothing to expand"


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_tta_acronym_finds_test_time_adaptation_papers(
    indexed_settings: Settings, mode: str
) -> None:
    hits = Retriever(indexed_settings).retrieve("entropy-based TTA", 10, mode).hits  # type: ignore[arg-type]
    found = {hit.paper.id for hit in hits}
    assert len(found & ENTROPY_TTA) >= 3, (mode, found)


def test_hits_say_which_retriever_found_them(indexed_settings: Settings) -> None:
    retrieval = Retriever(indexed_settings).retrieve("quantizing state space models", 10, "hybrid")
    assert [hit.rank for hit in retrieval.hits] == list(range(1, 11))
    assert all(hit.found_by for hit in retrieval.hits)
    assert {rank.retriever for hit in retrieval.hits for rank in hit.found_by} == {"bm25", "dense"}
    quamba = next(hit for hit in retrieval.hits if hit.paper.title.startswith("Quamba2"))
    assert any(rank.retriever == "bm25" and rank.rank == 1 for rank in quamba.found_by)


def test_empty_query_and_unknown_mode_are_input_errors(indexed_settings: Settings) -> None:
    retriever = Retriever(indexed_settings)
    with pytest.raises(InputError):
        retriever.retrieve("   ")
    with pytest.raises(InputError, match="unknown search mode"):
        retriever.retrieve("mamba", 5, "sparse")  # type: ignore[arg-type]


def _multi_paper_questions() -> list[tuple[str, set[str]]]:
    import json
    from pathlib import Path

    from assistant.corpus import load_listing_directory, normalise_title

    root = Path(__file__).resolve().parent.parent
    by_title = {normalise_title(p.title): p.id for p in load_listing_directory(root / "corpus")}
    questions = []
    for line in (root / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["kind"] in {"topic", "related_work", "compare"}:
            gold = {by_title[normalise_title(title)] for title in record["gold"]}
            questions.append((record["question"], gold))
    return questions


def test_hybrid_recall_beats_each_retriever_on_multi_paper_topics(
    indexed_settings: Settings,
) -> None:
    retriever = Retriever(indexed_settings)
    questions = _multi_paper_questions()
    assert len(questions) >= 30
    recall = {}
    for mode in ("bm25", "dense", "hybrid"):
        total = 0.0
        for question, gold in questions:
            found = {hit.paper.id for hit in retriever.retrieve(question, 10, mode).hits}  # type: ignore[arg-type]
            total += len(found & gold) / min(len(gold), 10)
        recall[mode] = total / len(questions)
    assert recall["hybrid"] > recall["bm25"] and recall["hybrid"] > recall["dense"], recall
    assert recall["hybrid"] >= 0.85, recall
