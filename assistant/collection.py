"""The paper collection: the bundled listing pages plus the papers a user added."""

from __future__ import annotations

import errno
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.atomic import write_atomically
from assistant.corpus import (
    is_derived_id,
    listing_files,
    load_listing_directory,
    merge_collections,
    normalise_title,
    paper_from_stored_record,
    paper_to_record,
    read_text_file,
    unique_paper_id,
)
from assistant.errors import IndexBusyError, InputError, ParseError
from assistant.locks import exclusive_lock
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
    """The papers a user added; a damaged line (an interrupted or hand edit) is one clear error."""
    path = settings.added_papers_path
    if not path.exists():
        return []
    papers = []
    for line_number, line in enumerate(read_text_file(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            paper = paper_from_stored_record(record)
            if not (paper.id and paper.title.strip() and paper.abstract.strip()):
                raise ValueError("empty id, title or abstract")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            detail = "not valid JSON" if isinstance(error, json.JSONDecodeError) else "not a paper"
            raise ParseError(
                str(path),
                line_number,
                f"the added-papers file is damaged ({detail}); fix or delete this line (each line "
                "is one paper, the others are kept) and run the command again",
            ) from None
        papers.append(paper)
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
    with _added_papers_lock(settings):
        merger = _Merger(load_collection(settings), load_added(settings))
        reports = []
        for path, result in parsed:
            report = merger.add(path, result.papers)
            report.skipped.extend(result.skipped)
            reports.append(report)
        if merger.changed:
            _write_atomically(settings.added_papers_path, list(merger.added.values()))
    return reports


def add_papers(settings: Settings, path: Path) -> AddReport:
    """Validate the whole file first; only then rewrite the added-papers file in one atomic step."""
    return add_many(settings, [path])[0]


@contextmanager
def _added_papers_lock(settings: Settings) -> Iterator[None]:
    """One 'add' at a time reads, merges and rewrites the added-papers file: without it two
    concurrent adds each rewrite the file from what they read, and one's papers are lost."""
    path = settings.added_papers_path
    lock_path = path.with_name(f".{path.name}.lock")

    def busy() -> IndexBusyError:
        return IndexBusyError(
            f"another 'assistant add' is still writing {path}; wait for it to finish and try again."
        )

    with exclusive_lock(lock_path, wait_seconds=settings.index_lock_wait, busy=busy):
        yield


class _Merger:
    """Matches incoming papers with the collection by title, so a paper never takes another's id.

    The same title is the same paper (updated or unchanged, under the id it already has); a new
    title whose derived id another title holds gets a longer id; an explicit id that another title
    holds is refused, because honouring it would silently replace that paper.
    """

    def __init__(self, current: list[Paper], added: list[Paper]) -> None:
        self.by_id = {paper.id: paper for paper in current}
        self.by_title = {normalise_title(paper.title): paper for paper in current}
        self.taken = {paper.id: normalise_title(paper.title) for paper in current}
        self.added = {paper.id: paper for paper in added}
        self.changed = False

    def add(self, path: Path, incoming: list[Paper]) -> AddReport:
        new, updated, unchanged = [], [], []
        for paper in incoming:
            key = normalise_title(paper.title)
            if is_derived_id(paper):
                existing = self.by_title.get(key)
                paper_key = existing.id if existing else unique_paper_id(paper.title, self.taken)
                paper = replace(paper, id=paper_key)
            else:
                existing = self.by_id.get(paper.id)
                if existing is not None and normalise_title(existing.title) != key:
                    raise ParseError(
                        str(path),
                        paper.sources[0].position if paper.sources else 1,
                        f'id "{paper.id}" already belongs to "{existing.title}"; give this paper '
                        'another id, or leave "id" out to have one derived from its title',
                    )
            if existing is None:
                new.append(paper)
            elif existing.content_hash != paper.content_hash:
                updated.append(paper)
            else:
                unchanged.append(paper)
                continue
            self.by_id[paper.id] = paper
            self.by_title[key] = paper
            self.taken[paper.id] = key
            self.added[paper.id] = paper
            self.changed = True
        return AddReport(str(path), new, updated, unchanged)


def _write_atomically(path: Path, papers: list[Paper]) -> None:
    """The collection written in one step (atomic.write_atomically): a reader sees the old file or
    the new one, and no other writer can rename our half-written one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(
            path,
            (json.dumps(paper_to_record(paper), ensure_ascii=False) + "\n" for paper in papers),
        )
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise InputError(
                f"cannot write {path}: the disk is full ({error.strerror}); free some space and "
                "add again (nothing was added)."
            ) from None
        raise InputError(
            f"cannot write {path} ({error.strerror}); make the data directory writable or set "
            "ASSISTANT_HOME to one that is."
        ) from None
