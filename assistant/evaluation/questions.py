"""The eval's questions: where the sets live, how a JSONL line becomes an ``EvalQuestion`` (gold
papers by exact title or id), their checks and their digest."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.corpus import jsonl_records, normalise_title, read_text_file
from assistant.errors import ParseError
from assistant.evaluation.metrics import (
    KINDS,
    Kind,
    contains_fact,
)
from assistant.models import Paper
from assistant.text.sentences import abstract_sentences

if TYPE_CHECKING:
    pass

BASELINE_FORMAT = 1
_PROJECT_DIR = (
    Path(__file__).resolve().parent.parent.parent
)  # the checkout: evals/ is beside assistant/
_QUESTION_FIELDS = {"id", "kind", "question", "gold", "key_facts", "excluded", "notes", "cells"}
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
class AnswerCell:
    """What a comparison's question asks of one paper and the abstract sentences (numbered from
    1) that answer it; none when the abstract does not. Written by a reader of the request and
    the abstract alone, never of an answer."""

    paper: str
    question: str
    answers: tuple[int, ...] = ()


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
    cells: tuple[AnswerCell, ...] = ()  # a comparison's questions, answered paper by paper

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


def _answer_cells(record: dict[str, Any], where: tuple[str, int]) -> list[AnswerCell]:
    """``{"paper": title or id, "question": ..., "answers": [sentence numbers]}`` objects."""
    value = record.get("cells", [])
    if not isinstance(value, list):
        raise ParseError(*where, '"cells" must be a list')
    cells = []
    for item in value:
        paper = item.get("paper") if isinstance(item, dict) else None
        question = item.get("question") if isinstance(item, dict) else None
        answers = item.get("answers") if isinstance(item, dict) else None
        if (
            not isinstance(paper, str)
            or not paper.strip()
            or not isinstance(question, str)
            or not question.strip()
            or not isinstance(answers, list)
            or not all(isinstance(number, int) and number >= 1 for number in answers)
        ):
            raise ParseError(
                *where,
                '"cells" entries must be {"paper", "question", "answers": [sentence numbers '
                "from 1]} objects",
            )
        cells.append(AnswerCell(paper.strip(), question.strip(), tuple(answers)))
    return cells


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
    cells = _answer_cells(record, where)
    if cells and kind != "compare":
        raise ParseError(*where, '"cells" are for a compare question only')
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
        cells=tuple(AnswerCell(resolve(cell.paper), cell.question, cell.answers) for cell in cells),
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
        for cell in question.cells:
            paper = by_id.get(cell.paper)
            if paper is None:
                continue  # reported above as unresolved
            count = len(abstract_sentences(paper.abstract))
            if any(number > count for number in cell.answers):
                problems.append(
                    f"{question.where}: a cell of {cell.paper} names a sentence past its "
                    f"abstract's {count}"
                )
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
