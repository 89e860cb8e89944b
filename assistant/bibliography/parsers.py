"""Bibliography import, the formats: BibTeX (bibtexparser 2), RIS (rispy) and CSL-JSON, each
checked whole before anything is added, with an error naming the line."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from assistant.bibliography.records import (
    ImportResult,
    _clean_doi,
    _papers_from_records,
    _Record,
    _year,
    display_name,
)
from assistant.errors import ParseError

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
