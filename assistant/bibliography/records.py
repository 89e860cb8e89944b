"""Bibliography import, the shared part: the records every format maps onto, and how they become
``Paper``s (an entry without an abstract is skipped whole and reported by its key)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus import (
    MAX_ABSTRACT_CHARS,
    MAX_TITLE_CHARS,
    citation_key,
    paper_id,
)
from assistant.errors import ParseError
from assistant.models import Paper, Source

BIBTEX_SUFFIXES = (".bib", ".bibtex")
RIS_SUFFIXES = (".ris",)
CSL_JSON_SUFFIXES = (".json", ".csljson")
EXPORT_FORMATS = ("bibtex", "ris", "csl-json")

# A key BibTeX and LaTeX accept inside \cite{...}; anything else gets the derived key instead.
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_:.+/-]{1,80}$")
_YEAR = re.compile(r"\b(1[5-9]\d\d|2\d\d\d)\b")
# Venues that read as conference proceedings; everything else with a venue is written as an article.
_PROCEEDINGS = re.compile(r"proceedings|conference|workshop|symposium|advances in|\bconf\b", re.I)


@dataclass(frozen=True)
class SkippedEntry:
    """An entry that was read but not added, named the way the user's file names it."""

    key: str
    line: int
    reason: str


@dataclass
class ImportResult:
    papers: list[Paper]
    skipped: list[SkippedEntry] = field(default_factory=list)


# --- one record, whatever the format ----------------------------------------------------------


@dataclass
class _Record:
    """What a format's parser found for one entry, before it becomes a paper."""

    key: str  # as the file names the entry (citation key, RIS ID, CSL id) or "entry N"
    line: int
    title: str = ""
    abstract: str = ""
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    doi: str | None = None
    url: str | None = None
    cite_key: str | None = None


def _papers_from_records(records: Sequence[_Record], source_name: str) -> ImportResult:
    """Validate every record (limits raise ``ParseError``), skip the ones with nothing to index."""
    papers: dict[str, Paper] = {}
    first_key: dict[str, str] = {}
    skipped: list[SkippedEntry] = []
    for record in records:
        title = " ".join(record.title.split())
        abstract = " ".join(record.abstract.split())
        if not title:
            skipped.append(SkippedEntry(record.key, record.line, "no title"))
            continue
        if not abstract:
            skipped.append(SkippedEntry(record.key, record.line, "no abstract"))
            continue
        where = (source_name, record.line)
        if len(title) > MAX_TITLE_CHARS:
            raise ParseError(
                *where, f"the title of {record.key} is longer than {MAX_TITLE_CHARS:,}"
            )
        if len(abstract) > MAX_ABSTRACT_CHARS:
            raise ParseError(
                *where, f"the abstract of {record.key} is longer than {MAX_ABSTRACT_CHARS:,}"
            )
        identifier = paper_id(title)
        if identifier in papers:
            skipped.append(
                SkippedEntry(record.key, record.line, f"same title as {first_key[identifier]}")
            )
            continue
        key = record.cite_key if record.cite_key and _SAFE_KEY.match(record.cite_key) else None
        papers[identifier] = Paper(
            id=identifier,
            title=title,
            abstract=abstract,
            citation_key=key or citation_key(title, record.year),
            sources=(Source(Path(source_name).name, record.line),),
            authors=tuple(record.authors),
            year=record.year,
            url=record.url or (f"https://doi.org/{record.doi}" if record.doi else None),
            venue=record.venue,
            doi=record.doi,
        )
        first_key[identifier] = record.key
    if not papers and not skipped:
        raise ParseError(source_name, 1, "no entries found in this bibliography")
    return ImportResult(list(papers.values()), skipped)


def _year(value: object) -> int | None:
    match = _YEAR.search(str(value)) if value is not None else None
    return int(match.group(1)) if match else None


def _clean_doi(value: object) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    text = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", text, flags=re.I)
    return text or None


def display_name(name: str) -> str:
    """``"Müller, Jörg"`` → ``"Jörg Müller"``; ``"von Last, Jr., First"`` → ``"First von Last Jr."``."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and parts[1]:
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and parts[2]:
        return f"{parts[2]} {parts[0]} {parts[1]}"
    return " ".join(name.split())
