"""Listing pages: a few header lines (``new``, ``Subscribe``, a date, ...) followed by alternating
title and abstract lines. Headers may reappear mid-page (pages are sometimes concatenated) and one
page glues its first title straight after ``Subscribe``; both are handled here and nowhere else."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus.identity import (
    MAX_INPUT_BYTES,
    MAX_TITLE_CHARS,
    MIN_ABSTRACT_AFTER_HEADER,
    assign_unique_ids,
    citation_key,
    paper_id,
)
from assistant.errors import InputError, ParseError
from assistant.models import Paper, Source
from assistant.text.identity import normalise_title

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
