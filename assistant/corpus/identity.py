"""A paper's identity: its stable id (a slug of the title and a short hash, longer only to resolve a
collision), its citation key, and the limits every input is held to."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace

from assistant.models import Paper
from assistant.text.identity import normalise_title

SHORT_ID_DIGITS = 4  # hex digits of the title hash in an id; more only to resolve a collision
MAX_INPUT_BYTES = 2**31  # a file read whole: 100k papers take ~150 MB, so this is never a real one
MAX_TITLE_CHARS = 1_000
MIN_LISTING_ABSTRACT_CHARS = 100  # shorter "abstracts" in most entries: not a listing page
MIN_ABSTRACT_AFTER_HEADER = 250  # characters: abstracts are longer, titles and headers shorter
MAX_ABSTRACT_CHARS = 50_000
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
# Part of a paper id's definition (ids are stored and must not change), so deliberately not the
# lexicon's title_function_words, which other code may grow.
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
