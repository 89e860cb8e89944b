"""Bibliographies in and out: BibTeX, RIS and CSL-JSON as reference managers write them.

Import follows the JSONL rule: the whole file is checked first and a broken file adds nothing, with
an error naming the line. An entry without an abstract is not an error (most exports have a few):
it is reported by its key and skipped whole, never added with a title only. Parsing is left to
well-kept libraries (bibtexparser 2, rispy); this module only maps their records onto ``Paper``.

Export writes the references of an answer with authors, year, venue, DOI and URL when known, under
their citation key: the key of the imported file when there was one, else the derived, stable key.

The package: ``records`` (what every format maps onto), ``parsers`` (one per format), ``export``.
"""

from __future__ import annotations

from pathlib import Path

from assistant.bibliography.export import (
    export,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from assistant.bibliography.parsers import (
    parse_bibtex,
    parse_csl_json,
    parse_ris,
)
from assistant.bibliography.records import (
    BIBTEX_SUFFIXES,
    CSL_JSON_SUFFIXES,
    EXPORT_FORMATS,
    RIS_SUFFIXES,
    ImportResult,
    SkippedEntry,
    display_name,
)
from assistant.corpus import parse_paper_file, read_text_file

__all__ = [
    "BIBTEX_SUFFIXES",
    "CSL_JSON_SUFFIXES",
    "EXPORT_FORMATS",
    "RIS_SUFFIXES",
    "ImportResult",
    "SkippedEntry",
    "display_name",
    "export",
    "is_bibliography",
    "parse_bibtex",
    "parse_csl_json",
    "parse_ris",
    "read_papers",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]


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
