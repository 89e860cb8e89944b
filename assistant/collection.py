"""The paper collection: the bundled listing pages plus the papers a user added."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.corpus import (
    listing_files,
    load_listing_directory,
    merge_collections,
    paper_from_stored_record,
    paper_to_record,
    parse_paper_file,
)
from assistant.errors import InputError
from assistant.models import Paper
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.bibliography import SkippedEntry


def source_files(settings: Settings) -> list[Path]:
    if not settings.corpus_dir.is_dir():
        raise InputError(
            f"corpus directory {settings.corpus_dir} does not exist; set ASSISTANT_CORPUS_DIR "
            "to a directory of listing pages."
        )
    files = listing_files(settings.corpus_dir)
    if settings.added_papers_path.exists():
        files.append(settings.added_papers_path)
    return files


def fingerprint(settings: Settings) -> str:
    """Cheap identity of the collection's inputs (paths, sizes, mtimes): a stat per file, no reads."""
    digest = hashlib.sha256()
    for path in source_files(settings):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def load_added(settings: Settings) -> list[Paper]:
    path = settings.added_papers_path
    if not path.exists():
        return []
    papers = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            papers.append(paper_from_stored_record(json.loads(line)))
    return papers


def load_collection(settings: Settings) -> list[Paper]:
    source_files(settings)  # raises a helpful error when the corpus directory is missing
    return merge_collections(load_listing_directory(settings.corpus_dir), load_added(settings))


@dataclass(frozen=True)
class AddReport:
    file: str
    new: list[Paper]
    updated: list[Paper]
    unchanged: list[Paper]
    skipped: list[SkippedEntry] = field(default_factory=list)  # bibliography entries not added


def add_many(settings: Settings, paths: list[Path]) -> list[AddReport]:
    """Validate every file before writing anything: one bad line anywhere and nothing is added."""
    from assistant.bibliography import read_papers

    parsed = [(path, read_papers(path)) for path in paths]
    reports = []
    for path, result in parsed:
        report = _add_parsed(settings, path, result.papers)
        report.skipped.extend(result.skipped)
        reports.append(report)
    return reports


def add_papers(settings: Settings, path: Path) -> AddReport:
    """Validate the whole file first; only then rewrite the added-papers file in one atomic step."""
    return _add_parsed(settings, path, parse_paper_file(path))


def _add_parsed(settings: Settings, path: Path, incoming: list[Paper]) -> AddReport:
    current = {paper.id: paper for paper in load_collection(settings)}
    added = {paper.id: paper for paper in load_added(settings)}
    new, updated, unchanged = [], [], []
    for paper in incoming:
        existing = current.get(paper.id)
        if existing is None:
            new.append(paper)
        elif existing.content_hash != paper.content_hash:
            updated.append(paper)
        else:
            unchanged.append(paper)
            continue
        added[paper.id] = paper
    if new or updated:
        _write_atomically(settings.added_papers_path, list(added.values()))
    return AddReport(str(path), new, updated, unchanged)


def _write_atomically(path: Path, papers: list[Paper]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            for paper in papers:
                handle.write(json.dumps(paper_to_record(paper), ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise InputError(
            f"cannot write {path} ({error.strerror}); make the data directory writable or set "
            "ASSISTANT_HOME to one that is."
        ) from None
