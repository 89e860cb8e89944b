"""The indexed papers on disk (SQLite), so a query loads only the papers it shows, at any scale."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from assistant.corpus import paper_from_stored_record, paper_to_record
from assistant.errors import IndexStateError
from assistant.models import Paper
from assistant.text.analysis import analyse_paper, analysis_from_record, analysis_record


class PaperStore:
    """Readers open it read-only (so a read-only data directory still answers questions); the
    writer replaces the whole table in one transaction, so readers see one collection or the other.

    Each row keeps the paper's abstract analysed when it was written (``analysis``), so a question
    reads claims and sentence roles instead of computing them; a store written before that column
    existed still answers, analysing each paper on first use."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._connection: sqlite3.Connection | None = None
        self._column: str | None = None  # "analysis", or "NULL" for a store written before it

    def _connect(self) -> sqlite3.Connection:
        if self._connection is not None:
            return self._connection
        try:
            if self.read_only:
                if not self.path.exists():
                    raise IndexStateError(
                        f"the index has no paper store at {self.path}; run 'assistant index'."
                    )
                connection = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, timeout=10, check_same_thread=False
                )
                connection.execute("SELECT COUNT(*) FROM papers").fetchone()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS papers (id TEXT PRIMARY KEY, title TEXT NOT NULL, "
                    "record TEXT NOT NULL, analysis TEXT)"
                )
                if not _has_analysis(connection):
                    connection.execute("ALTER TABLE papers ADD COLUMN analysis TEXT")
        except sqlite3.DatabaseError as error:
            raise IndexStateError(
                f"the paper store {self.path} is damaged ({error}); run 'assistant index --rebuild'."
            ) from None
        self._connection = connection
        return connection

    def replace_all(self, papers: Iterable[Paper]) -> None:
        """One transaction: readers see the old collection or the new one, never a mix."""
        connection = self._connect()
        with connection:
            connection.execute("DELETE FROM papers")
            connection.executemany(
                "INSERT INTO papers (id, title, record, analysis) VALUES (?, ?, ?, ?)",
                (
                    (
                        paper.id,
                        paper.title,
                        json.dumps(paper_to_record(paper)),
                        json.dumps(analysis_record(analyse_paper(paper.title, paper.abstract))),
                    )
                    for paper in papers
                ),
            )

    def analysed(self) -> bool:
        """Whether every paper's analysis is stored, in the version this code reads."""
        connection = self._connect()
        if not _has_analysis(connection):
            return False
        return (
            all(
                analysis_from_record(json.loads(value)) is not None
                for (value,) in connection.execute("SELECT analysis FROM papers")
                if value is not None
            )
            and not connection.execute(
                "SELECT 1 FROM papers WHERE analysis IS NULL LIMIT 1"
            ).fetchone()
        )

    def _analysis_column(self) -> str:
        if self._column is None:
            self._column = "analysis" if _has_analysis(self._connect()) else "NULL"
        return self._column

    def get_many(self, paper_ids: Sequence[str]) -> dict[str, Paper]:
        connection = self._connect()
        found: dict[str, Paper] = {}
        ids = list(dict.fromkeys(paper_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            placeholders = ",".join("?" * len(chunk))
            rows = connection.execute(
                f"SELECT record, {self._analysis_column()} FROM papers WHERE id IN ({placeholders})",
                chunk,
            )
            for record, analysis in rows:
                paper = _paper(record, analysis)
                found[paper.id] = paper
        return found

    def get(self, paper_id: str) -> Paper | None:
        return self.get_many([paper_id]).get(paper_id)

    def all(self) -> list[Paper]:
        rows = self._connect().execute(
            f"SELECT record, {self._analysis_column()} FROM papers ORDER BY rowid"
        )
        return [_paper(record, analysis) for record, analysis in rows]

    def titles(self) -> list[tuple[str, str]]:
        return list(self._connect().execute("SELECT id, title FROM papers ORDER BY rowid"))

    def count(self) -> int:
        return int(self._connect().execute("SELECT COUNT(*) FROM papers").fetchone()[0])

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
            self._column = None


def _has_analysis(connection: sqlite3.Connection) -> bool:
    return any(row[1] == "analysis" for row in connection.execute("PRAGMA table_info(papers)"))


# Decoding a paper and its stored analysis is most of what reading one costs; a process that
# answers many questions reads the same papers again and again (the key is the stored text, so a
# rewritten record is decoded afresh).
@lru_cache(maxsize=2048)
def _paper(record: str, analysis: str | None) -> Paper:
    paper = paper_from_stored_record(json.loads(record))
    stored = analysis_from_record(json.loads(analysis)) if analysis else None
    return replace(paper, stored_analysis=stored) if stored is not None else paper
