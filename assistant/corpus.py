"""Parse listing pages and JSONL into papers, merge duplicates, and give each paper a stable id.

A listing page is a few header lines (``new``, ``Subscribe``, a date, ...) followed by alternating
title and abstract lines. Headers may reappear mid-page (pages are sometimes concatenated) and one
page glues its first title straight after ``Subscribe``; both are handled here and nowhere else.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.errors import InputError, ParseError
from assistant.models import Paper, Source
from assistant.text.identity import normalise_title

SHORT_ID_DIGITS = 4  # hex digits of the title hash in an id; more only to resolve a collision
MAX_INPUT_BYTES = 2**31  # a file read whole: 100k papers take ~150 MB, so this is never a real one
MAX_TITLE_CHARS = 1_000
MIN_LISTING_ABSTRACT_CHARS = 100  # shorter "abstracts" in most entries: not a listing page
MIN_ABSTRACT_AFTER_HEADER = 250  # characters: abstracts are longer, titles and headers shorter
MAX_ABSTRACT_CHARS = 50_000
_SUBSCRIBE = "Subscribe"
_HEADER_LINES = {
    "new",
    "subscribe",
    "daily papers",
    "byak and the research community",
    "get trending papers in your email inbox!",
    "get trending papers in your email inbox once a day!",
}
_DATE_LINE = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(, \d{4})?$", re.I
)
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
_SLUG_STOPWORDS = {
    "a",
    "an",
    "the",
    "of",
    "for",
    "and",
    "on",
    "in",
    "to",
    "with",
    "via",
    "is",
    "are",
}


def _title_digest(title: str) -> str:
    return hashlib.sha256(normalise_title(title).encode()).hexdigest()


def _ascii_words(title: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", ascii_text)


def paper_id(title: str, *, digits: int = SHORT_ID_DIGITS) -> str:
    """A short slug of the title plus hex digits of its hash, e.g. ``quamba2-robust-scalable-1a2b``.

    Derived from the normalised title alone, so re-ingestion, page order and new pages never move it.
    Four digits keep ids short enough to cite by hand, and collide: titles that share their first
    three significant words meet at birthday rate (1 in ~65k per pair). ``unique_paper_id`` resolves
    a collision with more digits of the same hash.
    """
    words = [word for word in _ascii_words(title) if word not in _SLUG_STOPWORDS] or ["paper"]
    slug = words[0][:24]
    for word in words[1:3]:
        if len(slug) + 1 + len(word) > 28:
            break
        slug = f"{slug}-{word}"
    return f"{slug}-{_title_digest(title)[:digits]}"


def unique_paper_id(title: str, taken: Mapping[str, str]) -> str:
    """The title's short id, unless a paper with another title holds it (``taken`` maps id to
    normalised title); then the same slug with 8, 12, ... digits of the hash, the first one free.

    Migration: a paper whose short id nobody else holds gets exactly the id it always had, so
    existing indexes and citations of non-colliding papers do not change. Only the second of two
    colliding titles gets a longer id, and that paper was previously lost (replaced or dropped),
    so no citation of it can exist.
    """
    key = normalise_title(title)
    for digits in range(SHORT_ID_DIGITS, 65, 4):
        candidate = paper_id(title, digits=digits)
        if taken.get(candidate, key) == key:
            return candidate
    raise AssertionError(f"two titles with the same sha256: {title!r}")  # cannot happen


def is_derived_id(paper: Paper) -> bool:
    """True unless the paper's id was given explicitly (a JSONL ``id`` other than the derived one)."""
    return paper.id == paper_id(paper.title) or paper.id.startswith(paper_id(paper.title))


def assign_unique_ids(papers: list[Paper], taken: Mapping[str, str] | None = None) -> list[Paper]:
    """Give every paper with a derived id one that no other title holds, order-independently.

    Explicit ids claim theirs first; derived ids are claimed in the order of the title hash, so
    reordering pages or lines never moves an id, and a title that collides with nobody keeps its
    short id. ``taken`` (id -> normalised title) holds ids already in use elsewhere.
    """
    holders: dict[str, str] = dict(taken or {})
    resolved: dict[int, Paper] = {}
    derived = []
    for index, paper in enumerate(papers):
        if is_derived_id(paper):
            derived.append(index)
        else:
            holders.setdefault(paper.id, normalise_title(paper.title))
            resolved[index] = paper
    for index in sorted(derived, key=lambda index: _title_digest(papers[index].title)):
        paper = papers[index]
        paper = replace(paper, id=unique_paper_id(paper.title, holders))
        holders.setdefault(paper.id, normalise_title(paper.title))
        resolved[index] = paper
    return [resolved[index] for index in range(len(papers))]


def citation_key(title: str, year: int | None = None) -> str:
    """A BibTeX key: first significant title word, the year when known, and a short hash."""
    words = [word for word in _ascii_words(title) if word not in _SLUG_STOPWORDS] or ["paper"]
    return f"{words[0][:20]}{year or ''}_{_title_digest(title)[:4]}"


@dataclass(frozen=True)
class ListingEntry:
    title: str
    abstract: str
    source: Source


def _is_header(line: str) -> bool:
    return line.casefold() in _HEADER_LINES or bool(_DATE_LINE.match(line))


def _glued_to_subscribe(line: str) -> bool:
    """``SubscribeUAlign: ...`` is a title glued to the button; ``Subscriber Churn ...`` is a title."""
    rest = line[len(_SUBSCRIBE) :]
    return line.startswith(_SUBSCRIBE) and bool(rest) and not rest[0].islower()


def _title_not_header(line: str, next_line: str | None) -> bool:
    """A header-like line ("New", "May 5") followed by an abstract-length line is a paper's title:
    in a real header block the next line is another header or a title, both short."""
    return (
        next_line is not None
        and len(next_line) >= MIN_ABSTRACT_AFTER_HEADER
        and not _is_header(next_line)
        and not _glued_to_subscribe(next_line)
    )


def parse_listing(text: str, source_name: str) -> list[ListingEntry]:
    """Entries of one listing page, in page order; raises ``ParseError`` naming the bad line."""
    entries: list[ListingEntry] = []
    pending_title: tuple[int, str] | None = None
    lines = [
        (number, raw.strip())
        for number, raw in enumerate(text.splitlines(), start=1)
        if raw.strip()
    ]
    for position, (line_number, line) in enumerate(lines):
        if pending_title is None:
            following = lines[position + 1][1] if position + 1 < len(lines) else None
            if _is_header(line) and not _title_not_header(line, following):
                continue
            if _glued_to_subscribe(line):
                line = line[len(_SUBSCRIBE) :].strip()  # the page glued its first title on
            if len(line) > MAX_TITLE_CHARS:
                raise ParseError(
                    source_name, line_number, "expected a title line but found a very long line"
                )
            pending_title = (line_number, line)
            continue
        _, title = pending_title
        entries.append(ListingEntry(title, line, Source(source_name, len(entries) + 1)))
        pending_title = None
    if pending_title is not None:
        raise ParseError(source_name, pending_title[0], "a title with no abstract line after it")
    if not entries:
        raise ParseError(source_name, 1, "no title/abstract entries found in this listing page")
    return entries


@dataclass
class _MergedPaper:
    title: str
    abstract: str
    sources: list[Source] = field(default_factory=list)
    authors: tuple[str, ...] = ()
    year: int | None = None
    url: str | None = None
    explicit_id: str | None = None


def papers_from_entries(entries: Iterable[ListingEntry]) -> list[Paper]:
    """One paper per normalised title, remembering every page it came from, in first-seen order."""
    merged: dict[str, _MergedPaper] = {}
    for entry in entries:
        key = normalise_title(entry.title)
        if key in merged:
            merged[key].sources.append(entry.source)
        else:
            merged[key] = _MergedPaper(entry.title, entry.abstract, [entry.source])
    return assign_unique_ids([_finish(paper) for paper in merged.values()])


def _finish(paper: _MergedPaper) -> Paper:
    return Paper(
        id=paper.explicit_id or paper_id(paper.title),
        title=paper.title,
        abstract=paper.abstract,
        citation_key=citation_key(paper.title, paper.year),
        sources=tuple(paper.sources),
        authors=paper.authors,
        year=paper.year,
        url=paper.url,
    )


def listing_files(directory: Path) -> list[Path]:
    return sorted(path for path in directory.glob("*.txt") if path.is_file())


def read_text_file(path: Path) -> str:
    """A user's text file, whole; refuses devices, pipes and files too large to hold in memory."""
    try:
        if path.exists() and not path.is_file():
            raise InputError(f"{path} is not a regular file; give a JSONL file or a listing page.")
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{path} is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,}. Split it into "
                "smaller files."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path and try again.") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror}).") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ParseError(str(path), line, "not valid UTF-8; save the file as UTF-8") from None
    return text.removeprefix("\ufeff")  # a byte-order mark some editors write is not content


def load_listing_directory(directory: Path) -> list[Paper]:
    """Every listing page of a directory, merged into unique papers."""
    entries: list[ListingEntry] = []
    for path in listing_files(directory):
        entries.extend(parse_listing(read_text_file(path), path.name))
    return papers_from_entries(entries)


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
