"""Bibliographies in and out: BibTeX, RIS and CSL-JSON as reference managers write them.

Import follows the JSONL rule: the whole file is checked first and a broken file adds nothing, with
an error naming the line. An entry without an abstract is not an error (most exports have a few):
it is reported by its key and skipped whole, never added with a title only. Parsing is left to
well-kept libraries (bibtexparser 2, rispy); this module only maps their records onto ``Paper``.

Export writes the references of an answer with authors, year, venue, DOI and URL when known, under
their citation key: the key of the imported file when there was one, else the derived, stable key.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.corpus import (
    MAX_ABSTRACT_CHARS,
    MAX_TITLE_CHARS,
    citation_key,
    paper_id,
    parse_paper_file,
    read_text_file,
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


def is_bibliography(path: Path, text: str | None = None) -> bool:
    suffix = path.suffix.lower()
    if suffix in BIBTEX_SUFFIXES + RIS_SUFFIXES or suffix == ".csljson":
        return True
    return suffix == ".json" and (text or "").lstrip().startswith("[")


def read_papers(path: Path) -> ImportResult:
    """Any file ``assistant add`` takes: BibTeX, RIS, CSL-JSON (a JSON array), JSONL or a listing."""
    suffix = path.suffix.lower()
    if suffix in BIBTEX_SUFFIXES:
        return parse_bibtex(read_text_file(path), str(path))
    if suffix in RIS_SUFFIXES:
        return parse_ris(read_text_file(path), str(path))
    if suffix in CSL_JSON_SUFFIXES:
        text = read_text_file(path)
        if suffix == ".csljson" or text.lstrip().startswith("["):
            return parse_csl_json(text, str(path))
    return ImportResult(parse_paper_file(path))


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


# --- BibTeX -----------------------------------------------------------------------------------


def parse_bibtex(text: str, source_name: str) -> ImportResult:
    """BibTeX as Zotero and Better BibTeX write it: braces, LaTeX accents, @string, comments."""
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors

    # bibtexparser also logs each broken block; the ParseError below says it once, with the line.
    splitter_log = logging.getLogger("bibtexparser")
    level = splitter_log.level
    splitter_log.setLevel(logging.CRITICAL)
    try:
        library = bibtexparser.parse_string(text)  # @string references resolved, enclosing removed
    finally:
        splitter_log.setLevel(level)
    strings = {string.key.lower(): string.value for string in library.strings}
    for entry in library.entries:
        for item in entry.fields:
            if isinstance(item.value, str) and "#" in item.value:
                item.value = _concatenate(item.value, strings)
    for middleware in (LatexDecodingMiddleware(), SeparateCoAuthors()):
        library = middleware.transform(library)
    if library.failed_blocks:
        failed = library.failed_blocks[0]
        line = (failed.start_line or 0) + 1  # bibtexparser counts lines from 0
        raise ParseError(source_name, line, _bibtex_problem(failed))
    records: list[_Record] = []
    for entry in library.entries:
        values = {item.key.lower(): item.value for item in entry.fields}
        authors = values.get("author") or []
        if isinstance(authors, str):
            authors = [authors]
        records.append(
            _Record(
                key=entry.key,
                line=(entry.start_line or 0) + 1,
                title=_unbrace(values.get("title")),
                abstract=_unbrace(values.get("abstract")),
                authors=[display_name(_unbrace(name)) for name in authors if _unbrace(name)],
                year=_year(values.get("year") or values.get("date")),
                venue=_unbrace(
                    values.get("journal")
                    or values.get("journaltitle")
                    or values.get("booktitle")
                    or values.get("publisher")
                )
                or None,
                doi=_clean_doi(values.get("doi")),
                url=_unbrace(values.get("url")) or None,
                cite_key=entry.key,
            )
        )
    return _papers_from_records(records, source_name)


_CONCATENATION_PART = re.compile(r'\s*(\{(?:[^{}]|\{[^{}]*\})*\}|"[^"]*"|[^#\s]+)\s*(#|$)')


def _concatenate(value: str, strings: dict[str, str]) -> str:
    """``tmlr # { (Featured)}``: BibTeX's ``#`` joins quoted parts and @string names in order.

    bibtexparser resolves a field that is a bare @string name only; a value that does not parse as
    a concatenation is left as it was.
    """
    parts: list[str] = []
    position = 0
    while position < len(value):
        match = _CONCATENATION_PART.match(value, position)
        if match is None or match.end() == position:
            return value
        part = match.group(1)
        if part[0] in '{"':
            parts.append(part[1:-1])
        elif part.lower() in strings:
            parts.append(strings[part.lower()])
        elif part.isdigit():
            parts.append(part)
        else:
            return value
        position = match.end()
    return "".join(parts)


def _unbrace(value: object) -> str:
    """Protective braces left over after decoding (``{{Tent}}`` → ``Tent``) are not text."""
    if value is None:
        return ""
    return " ".join(str(value).replace("{", "").replace("}", "").split())


def _bibtex_problem(block: Any) -> str:
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock

    if isinstance(block, DuplicateBlockKeyBlock):
        return f"the key {block.key} is used twice; give each entry its own key"
    if isinstance(block, DuplicateFieldKeyBlock):
        names = ", ".join(sorted(block.duplicate_keys))
        return f"an entry repeats the field(s) {names}; keep one of each"
    error = getattr(block, "error", None)
    detail = getattr(error, "abort_reason", None) or getattr(error, "message", None) or str(error)
    detail = " ".join(str(detail).split()) or "unreadable entry"
    return f"cannot read this BibTeX entry ({detail}); check its braces, quotes and commas"


# --- RIS ----------------------------------------------------------------------------------------

_RIS_START = re.compile(r"^TY  -")
_RIS_END = re.compile(r"^ER  -")


def parse_ris(text: str, source_name: str) -> ImportResult:
    """RIS as Zotero, EndNote and Mendeley export it (TY ... ER records)."""
    import rispy

    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    starts = [number for number, line in enumerate(lines, start=1) if _RIS_START.match(line)]
    if not starts:
        raise ParseError(source_name, 1, "no RIS records found; a record starts with 'TY  - '")
    ends = [number for number, line in enumerate(lines, start=1) if _RIS_END.match(line)]
    for index, start in enumerate(starts):
        following = starts[index + 1] if index + 1 < len(starts) else len(lines) + 1
        if not any(start < end < following for end in ends):
            raise ParseError(source_name, start, "this RIS record has no 'ER  - ' line ending it")
    entries = rispy.loads("\n".join(lines))
    records: list[_Record] = []
    for number, (start, entry) in enumerate(zip(starts, entries, strict=False), start=1):
        urls = entry.get("urls") or []
        records.append(
            _Record(
                key=str(entry.get("id") or f"record {number}"),
                line=start,
                title=str(entry.get("title") or entry.get("primary_title") or ""),
                abstract=str(entry.get("abstract") or entry.get("notes_abstract") or ""),
                authors=[
                    display_name(str(name))
                    for name in (entry.get("authors") or entry.get("first_authors") or [])
                ],
                year=_year(entry.get("year") or entry.get("publication_year") or entry.get("date")),
                venue=str(
                    entry.get("journal_name")
                    or entry.get("secondary_title")
                    or entry.get("alternate_title3")
                    or ""
                )
                or None,
                doi=_clean_doi(entry.get("doi")),
                url=str(urls[0]) if urls else None,
                cite_key=str(entry["id"]) if entry.get("id") else None,
            )
        )
    return _papers_from_records(records, source_name)


# --- CSL-JSON -----------------------------------------------------------------------------------


def _json_array_items(text: str, source_name: str) -> list[tuple[int, object]]:
    """``(line, item)`` for each element of a top-level JSON array, so errors can name a line."""
    decoder = json.JSONDecoder()
    position = len(text) - len(text.lstrip())
    if not text.startswith("[", position):
        raise ParseError(source_name, 1, "CSL-JSON is a JSON array of items, starting with '['")
    position += 1
    items: list[tuple[int, object]] = []
    try:
        while True:
            while position < len(text) and text[position] in " \t\r\n,":
                position += 1
            if position >= len(text):
                raise json.JSONDecodeError("the array is not closed with ']'", text, position)
            if text[position] == "]":
                return items
            line = text.count("\n", 0, position) + 1
            item, position = decoder.raw_decode(text, position)
            items.append((line, item))
    except json.JSONDecodeError as error:
        raise ParseError(source_name, error.lineno, f"not valid JSON ({error.msg})") from None


def parse_csl_json(text: str, source_name: str) -> ImportResult:
    """CSL-JSON as Zotero, Better BibTeX and pandoc write it."""
    records: list[_Record] = []
    for line, item in _json_array_items(text, source_name):
        if not isinstance(item, dict):
            raise ParseError(source_name, line, "expected a CSL-JSON object for each item")
        authors = []
        for person in item.get("author") or []:
            if isinstance(person, dict):
                name = person.get("literal") or " ".join(
                    str(person[part])
                    for part in ("given", "non-dropping-particle", "family")
                    if person.get(part)
                )
                if name:
                    authors.append(str(name))
        issued = item.get("issued") or {}
        year = None
        if isinstance(issued, dict):
            parts = issued.get("date-parts") or [[]]
            year = _year(parts[0][0] if parts and parts[0] else issued.get("raw"))
        key = item.get("citation-key") or item.get("id")
        records.append(
            _Record(
                key=str(key or f"item {len(records) + 1}"),
                line=line,
                title=str(item.get("title") or ""),
                abstract=str(item.get("abstract") or ""),
                authors=authors,
                year=year,
                venue=str(item.get("container-title") or "") or None,
                doi=_clean_doi(item.get("DOI")),
                url=str(item.get("URL") or "") or None,
                cite_key=str(key) if key else None,
            )
        )
    return _papers_from_records(records, source_name)


# --- export -------------------------------------------------------------------------------------


def _kind(paper: Paper) -> str:
    if not paper.venue:
        return "misc"
    return "inproceedings" if _PROCEEDINGS.search(paper.venue) else "article"


def _bib_url(url: str) -> str:
    """A URL percent-encoded outside the characters URLs use: a brace, backslash or line break in
    a user's ``url`` would otherwise close the field and write BibTeX of its own."""
    from urllib.parse import quote

    return quote(url, safe=":/?#[]@!$&'()*+,;=%-._~")


def to_bibtex(papers: Iterable[Paper]) -> str:
    """BibTeX entries keyed by citation key; titles double-braced so styles keep their casing."""
    import bibtexparser
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field
    from bibtexparser.writer import BibtexFormat

    from assistant.text.latex import latex_escape

    library = Library()
    for paper in papers:
        fields = [Field("title", "{" + latex_escape(paper.title) + "}")]
        if paper.authors:
            fields.append(Field("author", latex_escape(" and ".join(paper.authors))))
        if paper.year is not None:
            fields.append(Field("year", str(paper.year)))
        kind = _kind(paper)
        if paper.venue:
            venue_field = "booktitle" if kind == "inproceedings" else "journal"
            fields.append(Field(venue_field, latex_escape(paper.venue)))
        if paper.doi:
            fields.append(Field("doi", paper.doi))
        if paper.url:
            fields.append(Field("url", _bib_url(paper.url)))
        fields.append(Field("abstract", latex_escape(paper.abstract)))  # lets the file come back in
        fields.append(Field("note", f"assistant id: {latex_escape(paper.id)}"))
        library.add(Entry(kind, paper.citation_key, fields))
    if not library.entries:
        return ""
    layout = BibtexFormat()
    layout.indent = "  "
    return bibtexparser.write_string(library, bibtex_format=layout).strip() + "\n"


def to_ris(papers: Iterable[Paper]) -> str:
    import rispy

    kinds = {"misc": "GEN", "article": "JOUR", "inproceedings": "CONF"}
    references = []
    for paper in papers:
        reference: dict[str, Any] = {
            "type_of_reference": kinds[_kind(paper)],
            "id": paper.citation_key,
            "title": paper.title,
        }
        if paper.authors:
            reference["authors"] = list(paper.authors)
        if paper.year is not None:
            reference["year"] = str(paper.year)
        if paper.venue:
            reference["secondary_title"] = paper.venue
        if paper.doi:
            reference["doi"] = paper.doi
        if paper.url:
            reference["urls"] = [paper.url]
        reference["abstract"] = paper.abstract
        references.append(reference)
    return rispy.dumps(references) if references else ""


def to_csl_json(papers: Iterable[Paper]) -> list[dict[str, Any]]:
    kinds = {"misc": "article", "article": "article-journal", "inproceedings": "paper-conference"}
    items = []
    for paper in papers:
        item: dict[str, Any] = {
            "id": paper.citation_key,
            "type": kinds[_kind(paper)],
            "title": paper.title,
        }
        if paper.authors:
            item["author"] = [_csl_name(name) for name in paper.authors]
        if paper.year is not None:
            item["issued"] = {"date-parts": [[paper.year]]}
        if paper.venue:
            item["container-title"] = paper.venue
        if paper.doi:
            item["DOI"] = paper.doi
        if paper.url:
            item["URL"] = paper.url
        item["abstract"] = paper.abstract
        item["note"] = f"assistant id: {paper.id}"
        items.append(item)
    return items


def _csl_name(name: str) -> dict[str, str]:
    words = name.split()
    if len(words) < 2:
        return {"literal": name}
    return {"given": " ".join(words[:-1]), "family": words[-1]}


def export(papers: Sequence[Paper], export_format: str) -> str:
    """The references in one of ``EXPORT_FORMATS`` as text ready to write to a file."""
    if export_format == "bibtex":
        return to_bibtex(papers)
    if export_format == "ris":
        return to_ris(papers)
    if export_format == "csl-json":
        return json.dumps(to_csl_json(papers), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {export_format!r}")
