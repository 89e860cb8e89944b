"""Bibliography export: the references of an answer as BibTeX, RIS or CSL-JSON, with authors, year,
venue, DOI and URL when known, under their citation key."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from assistant.bibliography.records import (
    _PROCEEDINGS,
)
from assistant.models import Paper

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
