"""Each abstract is analysed once, when it is indexed, and the question path reads the result."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from assistant.index import sync
from assistant.models import Paper
from assistant.paperstore import PaperStore
from assistant.settings import Settings
from assistant.text.analysis import (
    analyse_paper,
    analysis_from_record,
    analysis_record,
    analysis_version,
)

ABSTRACT = (
    "Test-time adaptation suffers from noisy samples. In this paper, we propose DeYO, which "
    "filters samples whose prediction changes after an object-destroying transformation. "
    "Unlike a mixture of experts, DeYO needs no extra model. DeYO outperforms TENT by 5.2% on "
    "ImageNet-C."
)


def _paper(paper_id: str = "deyo-0001", abstract: str = ABSTRACT) -> Paper:
    return Paper(id=paper_id, title="Entropy is not Enough", abstract=abstract, citation_key="deyo")


def test_record_round_trips_to_the_same_analysis() -> None:
    analysis = analyse_paper("Entropy is not Enough", ABSTRACT)
    record = json.loads(json.dumps(analysis_record(analysis)))
    assert analysis_from_record(record) == analysis
    assert analysis.claims.name == "DeYO"
    assert len(analysis.roles) == len(analysis.sentences) == 4
    # the core text leaves out the clause contrasting the paper with other work
    assert "mixture of experts" not in analysis.core and "filters samples" in analysis.core


@pytest.mark.parametrize(
    "record",
    [None, {}, {"version": "0" * 16}, {"version": "current", "roles": []}],
)
def test_a_stale_or_broken_record_is_ignored_not_trusted(record: object) -> None:
    if isinstance(record, dict) and record.get("version") == "current":
        record = {**record, "version": analysis_version()}
    assert analysis_from_record(record) is None  # type: ignore[arg-type]


def test_store_keeps_the_analysis_and_papers_carry_it(tmp_path: Path) -> None:
    store = PaperStore(tmp_path / "papers.sqlite")
    store.replace_all([_paper()])
    assert store.analysed()
    reader = PaperStore(tmp_path / "papers.sqlite", read_only=True)
    paper = reader.get("deyo-0001")
    assert paper is not None and paper.stored_analysis is not None
    assert paper.analysis == analyse_paper(paper.title, paper.abstract)
    assert paper == _paper()  # the analysis is not part of the paper's identity


def test_store_written_before_the_column_still_answers(tmp_path: Path) -> None:
    path = tmp_path / "papers.sqlite"
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE papers (id TEXT PRIMARY KEY, title TEXT NOT NULL, record TEXT NOT NULL)"
    )
    store = PaperStore(path)
    with connection:
        from assistant.corpus import paper_to_record

        paper = _paper()
        connection.execute(
            "INSERT INTO papers VALUES (?, ?, ?)",
            (paper.id, paper.title, json.dumps(paper_to_record(paper))),
        )
    connection.close()
    reader = PaperStore(path, read_only=True)
    old = reader.get("deyo-0001")
    assert old is not None and old.stored_analysis is None
    assert old.analysis.claims.name == "DeYO"  # analysed on first use instead
    assert not reader.analysed()
    store.replace_all([paper])  # the next write adds the column
    assert store.analysed()


@pytest.mark.slow
def test_indexing_upgrades_a_store_without_analyses(writable_index: Settings) -> None:
    """An index written by the previous version gets its analyses on the next 'assistant index',
    without re-embedding anything."""
    path = writable_index.home / "index" / "papers.sqlite"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE papers SET analysis = NULL")
    connection.close()
    assert not PaperStore(path, read_only=True).analysed()

    from assistant.embedding import make_embedder

    report = sync(writable_index, make_embedder(writable_index))
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert PaperStore(path, read_only=True).analysed()
