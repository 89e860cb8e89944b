"""Commands on the collection: add papers, list them, build the index, search it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.base import (
    AsJson,
    Mode,
    _check_choice,
    _console,
    _print_json,
    _progress,
    _ready_retriever,
    _settings,
    app,
)
from assistant.models import SEARCH_MODES

if TYPE_CHECKING:
    pass


# --- collection ---------------------------------------------------------------------------------


@app.command()
def add(
    files: Annotated[
        list[Path],
        typer.Argument(help="BibTeX, RIS, CSL-JSON or JSONL files, or listing pages, to add."),
    ],
    no_index: Annotated[
        bool, typer.Option("--no-index", help="Add without updating the index.")
    ] = False,
) -> None:
    """Add papers from a bibliography (.bib, .ris, CSL-JSON .json), JSONL or listing pages.

    Every file is checked first; if any line is bad, nothing is added. Bibliography entries without
    an abstract are skipped and listed by key.
    """
    from assistant.collection import add_many

    settings = _settings()
    reports = add_many(settings, files)
    console = _console()
    for report in reports:
        console.print(
            f"{report.file}: {len(report.new)} new, {len(report.updated)} updated, "
            f"{len(report.unchanged)} already present"
            + (f", {len(report.skipped)} skipped" if report.skipped else "")
        )
        for entry in report.skipped:
            console.print(
                f"  skipped {entry.key} (line {entry.line}): {entry.reason}", markup=False
            )
    if not no_index and any(report.new or report.updated for report in reports):
        _ready_retriever(settings, wait_for_writers=True)  # its own papers must be indexed
        console.print("index updated")


@app.command()
def papers(
    paper_id: Annotated[str | None, typer.Argument(help="Show one paper in full.")] = None,
    as_json: AsJson = False,
) -> None:
    """List the collection, or show one paper with its abstract and sources."""
    from assistant.collection import load_collection
    from assistant.display import terminal_safe

    settings = _settings()
    collection = load_collection(settings)
    if paper_id is None:
        if as_json:
            _print_json([{"id": paper.id, "title": paper.title} for paper in collection])
            return
        console = _console()
        for paper in collection:
            console.print(f"{paper.id}  {terminal_safe(paper.title)}", markup=False)
        console.print(f"{len(collection)} papers", style="dim")
        return
    found = next((paper for paper in collection if paper.id == paper_id), None)
    if found is None:
        from assistant.errors import UnknownPaperError

        raise UnknownPaperError(f"no paper with id '{paper_id}'; 'assistant papers' lists the ids.")
    sources = [f"{source.file}#{source.position}" for source in found.sources]
    if as_json:
        _print_json(
            {
                "id": found.id,
                "title": found.title,
                "abstract": found.abstract,
                "citation_key": found.citation_key,
                "authors": list(found.authors),
                "year": found.year,
                "url": found.url,
                "sources": sources,
            }
        )
        return
    console = _console()
    console.print(terminal_safe(found.title), style="bold", markup=False)
    console.print(f"id: {found.id}   cite key: {found.citation_key}", markup=False)
    if found.authors:
        console.print(terminal_safe("authors: " + ", ".join(found.authors)), markup=False)
    console.print(terminal_safe("sources: " + ", ".join(sources)), markup=False)
    console.print()
    console.print(terminal_safe(found.abstract), markup=False)


@app.command()
def index(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Drop the index and build it anew.")
    ] = False,
) -> None:
    """Build or update the index (only new or changed papers are embedded)."""
    from assistant.embedding import make_embedder
    from assistant.index import sync

    settings = _settings()
    with _progress("Embedding papers") as update:
        report = sync(settings, make_embedder(settings), rebuild=rebuild, progress=update)
    _console().print(
        f"{report.papers} papers indexed: {report.added} added, {report.updated} updated, "
        f"{report.removed} removed, {report.repaired} repaired; "
        f"{report.embedded_texts} texts embedded in {report.seconds:.1f} s"
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Keywords or a question.")],
    k: Annotated[
        int | None, typer.Option("-k", "--top-k", help="How many papers.", min=1, max=200)
    ] = None,
    mode: Mode = None,
    as_json: AsJson = False,
) -> None:
    """Find papers: dense and BM25 rankings fused (or one of them with --mode)."""
    from assistant.display import terminal_safe

    _check_choice(mode, SEARCH_MODES, "--mode")
    settings = _settings()
    retrieval = _ready_retriever(settings).retrieve(query, k, mode)  # type: ignore[arg-type]
    if as_json:
        _print_json(
            {
                "query": retrieval.query,
                "results": [
                    {
                        "id": hit.paper.id,
                        "title": hit.paper.title,
                        "score": round(hit.score, 6),
                        "rank": hit.rank,
                    }
                    for hit in retrieval.hits
                ],
            }
        )
        return
    console = _console()
    if not retrieval.hits:
        console.print("No paper matches this query.")
        return
    for hit in retrieval.hits:
        found = ", ".join(f"{rank.retriever} #{rank.rank}" for rank in hit.found_by)
        console.print(f"{hit.rank:>3}. {terminal_safe(hit.paper.title)}", markup=False)
        console.print(
            f"     {hit.paper.id}   score {hit.score:.4f}   ({found})", style="dim", markup=False
        )
