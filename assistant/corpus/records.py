"""JSONL records and paper files: a paper from a record (and back), any file ``add`` takes checked
whole, duplicates merged within a file and across collections."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from assistant.corpus.identity import (
    _ID_PATTERN,
    MAX_ABSTRACT_CHARS,
    MAX_TITLE_CHARS,
    MIN_LISTING_ABSTRACT_CHARS,
    assign_unique_ids,
    citation_key,
    is_derived_id,
    unique_paper_id,
)
from assistant.corpus.listing import (
    ListingEntry,
    _finish,
    _glued_to_subscribe,
    _is_header,
    _MergedPaper,
    papers_from_entries,
    parse_listing,
    read_text_file,
)
from assistant.errors import ParseError
from assistant.models import Paper, Source
from assistant.text.identity import normalise_title

# --- JSONL -------------------------------------------------------------------------------------

_JSONL_FIELDS = {"title", "abstract", "authors", "year", "url", "id", "sources", "citation_key"}


def _require_text(record: dict[str, object], name: str, where: tuple[str, int]) -> str:
    value = record.get(name)
    if value is None:
        raise ParseError(*where, f'missing "{name}"; every paper needs a title and an abstract')
    if not isinstance(value, str):
        raise ParseError(*where, f'"{name}" must be a string, not {type(value).__name__}')
    if not value.strip():
        raise ParseError(*where, f'"{name}" is empty')
    limit = MAX_TITLE_CHARS if name == "title" else MAX_ABSTRACT_CHARS
    if len(value) > limit:
        raise ParseError(*where, f'"{name}" is {len(value):,} characters; the limit is {limit:,}')
    return value.strip()


def _optional_authors(record: dict[str, object], where: tuple[str, int]) -> tuple[str, ...]:
    authors = record.get("authors")
    if authors is None:
        return ()
    if isinstance(authors, str):
        return tuple(name.strip() for name in authors.split(",") if name.strip())
    if isinstance(authors, list) and all(isinstance(name, str) for name in authors):
        return tuple(str(name) for name in authors)
    raise ParseError(*where, '"authors" must be a list of strings or one comma-separated string')


def paper_from_record(record: object, source_name: str, line_number: int) -> Paper:
    """Validate one JSONL object and turn it into a paper; raises ``ParseError`` naming the line."""
    where = (source_name, line_number)
    if not isinstance(record, dict):
        raise ParseError(*where, "expected a JSON object with title and abstract")
    unknown = sorted(set(record) - _JSONL_FIELDS)
    if unknown:
        raise ParseError(*where, f"unknown field(s) {', '.join(unknown)}; allowed: {_allowed()}")
    title = _require_text(record, "title", where)
    abstract = _require_text(record, "abstract", where)
    year = record.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise ParseError(*where, '"year" must be a whole number such as 2024')
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        raise ParseError(*where, '"url" must be a string')
    explicit_id = record.get("id")
    if explicit_id is not None and (
        not isinstance(explicit_id, str) or not _ID_PATTERN.match(explicit_id)
    ):
        raise ParseError(*where, '"id" must be 2-80 lowercase letters, digits, ".", "_" or "-"')
    merged = _MergedPaper(
        title=title,
        abstract=abstract,
        sources=[Source(Path(source_name).name, line_number)],
        authors=_optional_authors(record, where),
        year=year,
        url=url,
        explicit_id=explicit_id,
    )
    return _finish(merged)


def _allowed() -> str:
    return ", ".join(sorted(_JSONL_FIELDS - {"sources", "citation_key"}))


def jsonl_records(text: str, source_name: str) -> Iterator[tuple[int, object]]:
    """``(line number, decoded value)`` for each non-blank line; bad JSON raises ``ParseError``."""
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield line_number, json.loads(line)
        except json.JSONDecodeError as error:
            raise ParseError(source_name, line_number, f"not valid JSON ({error.msg})") from None


def parse_jsonl(text: str, source_name: str) -> list[Paper]:
    """All papers of a JSONL text; the first bad line raises ``ParseError`` and nothing is kept."""
    papers = [
        paper_from_record(record, source_name, line_number)
        for line_number, record in jsonl_records(text, source_name)
    ]
    if not papers:
        raise ParseError(source_name, 1, "no papers found; expected one JSON object per line")
    return papers


def parse_paper_file(path: Path) -> list[Paper]:
    """A user's file: JSONL (``.jsonl``/``.json`` or a first line that is an object) or a listing page."""
    text = read_text_file(path)
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if path.suffix.lower() in {".jsonl", ".json", ".ndjson"} or first_line.startswith("{"):
        papers = parse_jsonl(text, str(path))
    else:
        entries = parse_listing(text, str(path))
        _check_looks_like_listing(text, entries, str(path))
        papers = papers_from_entries(entries)
    return _merge_within_file(papers, str(path))


def _check_looks_like_listing(text: str, entries: list[ListingEntry], source_name: str) -> None:
    """Any text with an even number of lines parses as title/abstract pairs. A listing page has
    its header lines ("new", "Subscribe", a date), or else abstracts that are paragraphs longer
    than their titles; refuse a file with neither."""
    lines = (line.strip() for line in text.splitlines())
    if any(_is_header(line) or _glued_to_subscribe(line) for line in lines if line):
        return
    abstract_like = sum(
        len(entry.abstract) >= MIN_LISTING_ABSTRACT_CHARS and len(entry.abstract) > len(entry.title)
        for entry in entries
    )
    if abstract_like * 2 < len(entries):
        raise ParseError(
            source_name,
            1,
            "neither JSONL (one JSON object per line) nor a listing page (title lines each "
            "followed by an abstract paragraph); convert it to JSONL with title and abstract",
        )


def _merge_within_file(papers: list[Paper], source_name: str) -> list[Paper]:
    """One paper per explicit id, and per title among papers without one. Two titles may share a
    derived id (it is resolved below); an explicit id used twice with different content is an error."""
    merged: dict[tuple[str, str], Paper] = {}
    for paper in papers:
        explicit = not is_derived_id(paper)
        key = ("id", paper.id) if explicit else ("title", normalise_title(paper.title))
        seen = merged.setdefault(key, paper)
        if seen is paper:
            continue
        if seen.content_hash != paper.content_hash:
            problem = (
                f'id "{paper.id}" is used twice with different content (first at line '
                f"{_line(seen)}); give each paper its own id"
                if explicit
                else f'"{paper.title}" appears twice with different content (first at line '
                f"{_line(seen)}); keep one of them"
            )
            raise ParseError(source_name, _line(paper), problem)
        merged[key] = replace(seen, sources=seen.sources + paper.sources)
    return assign_unique_ids(list(merged.values()))


def _line(paper: Paper) -> int:
    return paper.sources[0].position if paper.sources else 1


def merge_collections(base: list[Paper], added: list[Paper]) -> list[Paper]:
    """Bundled papers first, then added ones; the same paper twice keeps one with all sources.

    Added papers carry the ids they were stored with. An added paper holding a bundled paper's id
    under another title (written by a version that let one paper replace another, or a new bundled
    page whose title collides) keeps its id, since it is the one users have seen and cited; the
    bundled paper comes back under a longer id instead of staying lost.
    """
    by_id: dict[str, Paper] = {paper.id: paper for paper in base}
    displaced: list[Paper] = []
    for paper in added:
        seen = by_id.get(paper.id)
        if seen is None:
            by_id[paper.id] = paper
        elif normalise_title(seen.title) != normalise_title(paper.title):
            by_id[paper.id] = paper
            displaced.append(seen)
        elif seen.content_hash == paper.content_hash:
            by_id[paper.id] = replace(seen, sources=_unique(seen.sources + paper.sources))
        else:
            by_id[paper.id] = paper  # a user's newer version of a paper replaces the old one
    for paper in displaced:
        taken = {paper_key: normalise_title(held.title) for paper_key, held in by_id.items()}
        moved = replace(paper, id=unique_paper_id(paper.title, taken))
        by_id[moved.id] = moved
    return list(by_id.values())


def _unique(sources: tuple[Source, ...]) -> tuple[Source, ...]:
    return tuple(dict.fromkeys(sources))


def paper_to_record(paper: Paper) -> dict[str, object]:
    record: dict[str, object] = {"id": paper.id, "title": paper.title, "abstract": paper.abstract}
    if paper.authors:
        record["authors"] = list(paper.authors)
    if paper.year is not None:
        record["year"] = paper.year
    if paper.url:
        record["url"] = paper.url
    if paper.venue:
        record["venue"] = paper.venue
    if paper.doi:
        record["doi"] = paper.doi
    if paper.citation_key != citation_key(paper.title, paper.year):
        record["citation_key"] = paper.citation_key  # a key kept from an imported bibliography
    record["sources"] = [[source.file, source.position] for source in paper.sources]
    return record


def paper_from_stored_record(record: dict[str, object]) -> Paper:
    """Inverse of ``paper_to_record`` for files this program wrote itself (trusted, unvalidated)."""
    sources = tuple(Source(str(file), int(position)) for file, position in record["sources"])  # type: ignore[attr-defined]
    year = record.get("year")
    title = str(record["title"])
    kept_key = record.get("citation_key")
    return Paper(
        id=str(record["id"]),
        title=title,
        abstract=str(record["abstract"]),
        citation_key=kept_key
        if isinstance(kept_key, str)
        else citation_key(title, year if isinstance(year, int) else None),
        sources=sources,
        authors=tuple(record.get("authors") or ()),  # type: ignore[arg-type]
        year=year if isinstance(year, int) else None,
        url=record.get("url") if isinstance(record.get("url"), str) else None,  # type: ignore[arg-type]
        venue=record.get("venue") if isinstance(record.get("venue"), str) else None,  # type: ignore[arg-type]
        doi=record.get("doi") if isinstance(record.get("doi"), str) else None,  # type: ignore[arg-type]
    )
