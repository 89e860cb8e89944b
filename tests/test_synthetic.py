"""The synthetic collection generator of benchmarks/: deterministic, valid, answers findable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant import bm25
from assistant.corpus import parse_paper_file
from assistant.text.sentences import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import synthetic


@pytest.fixture(scope="module")
def material() -> synthetic.SourceMaterial:
    return synthetic.source_material()


@pytest.fixture(scope="module")
def collection(material: synthetic.SourceMaterial) -> synthetic.SyntheticCollection:
    return synthetic.generate(600, seed=11, planted=20, material=material)


def test_same_seed_same_bytes_other_seed_other_papers(
    material: synthetic.SourceMaterial, tmp_path: Path
) -> None:
    first = synthetic.write(
        synthetic.generate(300, seed=5, planted=10, material=material), tmp_path / "a.jsonl"
    )
    second = synthetic.write(
        synthetic.generate(300, seed=5, planted=10, material=material), tmp_path / "b.jsonl"
    )
    other = synthetic.generate(300, seed=6, planted=10, material=material)
    assert first[0].read_bytes() == second[0].read_bytes()
    assert first[1].read_bytes() == second[1].read_bytes()
    assert [r["abstract"] for r in other.records] != [
        r["abstract"]
        for r in synthetic.generate(300, seed=5, planted=10, material=material).records
    ]


def test_papers_file_is_what_assistant_add_accepts(
    collection: synthetic.SyntheticCollection, tmp_path: Path
) -> None:
    papers_path, queries_path = synthetic.write(collection, tmp_path / "syn.jsonl")
    papers = parse_paper_file(papers_path)
    assert len(papers) == 600 == len({paper.id for paper in papers})
    assert [query.id for query in synthetic.read_queries(queries_path)] == [
        query.id for query in collection.queries
    ]


def test_sentences_come_from_the_corpus_except_the_planted_ones(
    collection: synthetic.SyntheticCollection, material: synthetic.SourceMaterial
) -> None:
    corpus_sentences = {sentence for sentences in material.abstracts for sentence in sentences}
    planted = {query.planted for query in collection.queries}
    for record in collection.records:
        for sentence in split_sentences(record["abstract"]):
            assert sentence in corpus_sentences or sentence in planted, sentence


def test_planted_text_sits_in_exactly_its_gold_papers(
    collection: synthetic.SyntheticCollection, material: synthetic.SourceMaterial
) -> None:
    kinds = {query.kind for query in collection.queries}
    assert kinds == {"rare_terms", "unique_sentence"}
    for query in collection.queries:
        holders = {r["id"] for r in collection.records if query.planted in r["abstract"]}
        assert holders == set(query.gold)
        if query.kind == "rare_terms":
            assert 1 <= len(query.gold) <= 3
            assert not set(query.query.split()[-2:]) & material.vocabulary
        else:
            assert len(query.gold) == 1


def test_planted_answers_are_found_by_bm25(collection: synthetic.SyntheticCollection) -> None:
    papers = collection.papers()
    index = bm25.build(
        [p.id for p in papers], [bm25.paper_text(p.title, p.abstract) for p in papers]
    )
    for query in collection.queries:
        found = [paper_id for paper_id, _ in index.search(query.query, 10)]
        if query.kind == "rare_terms":
            assert set(found[: len(query.gold)]) == set(query.gold), query
        else:
            assert query.gold[0] in found, query
