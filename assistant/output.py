"""An answer in the format a user asked for, as text, and the files ``-o`` writes.

Returns text and writes files; printing stays in the CLI. Every format works on stdout and with
``-o FILE``; LaTeX written to ``x.tex`` also writes the cited entries to ``x.bib`` beside it, and
never overwrites an existing ``.bib`` (a hand-edited bibliography is easy to lose) unless forced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from assistant.atomic import write_atomically
from assistant.errors import InputError
from assistant.models import Answer

OUTPUT_FORMATS = ("markdown", "json", "latex", "bibtex", "ris", "csl-json")
# What ``-o FILE`` means when --format is not given.
_FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".json": "json",
    ".tex": "latex",
    ".bib": "bibtex",
    ".ris": "ris",
}


def choose_format(requested: str | None, as_json: bool, output: Path | None) -> str:
    """--format, else --json, else the -o file's suffix, else Markdown; contradictions are errors."""
    if requested is not None and requested not in OUTPUT_FORMATS:
        raise InputError(
            f"unknown --format '{requested}'; use one of: {', '.join(OUTPUT_FORMATS)}."
        )
    if as_json:
        if requested not in (None, "json"):
            raise InputError(f"--json and --format {requested} contradict each other; use one.")
        return "json"
    if requested is not None:
        return requested
    if output is not None:
        return _FORMAT_BY_SUFFIX.get(output.suffix.lower(), "markdown")
    return "markdown"


def render_text(answer: Answer, output_format: str) -> str:
    """The whole answer in one format, as it goes to stdout or to the -o file."""
    from assistant import render
    from assistant.bibliography import export

    if output_format == "markdown":
        return render.to_markdown(answer)
    if output_format == "json":
        return json.dumps(render.to_json(answer), ensure_ascii=False, indent=2) + "\n"
    if output_format == "latex":
        return render.to_latex(answer)[0]
    if output_format in ("bibtex", "ris", "csl-json"):
        return export(answer.references, output_format)
    raise InputError(
        f"unknown --format '{output_format}'; use one of: {', '.join(OUTPUT_FORMATS)}."
    )


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    what: str


# The first line of every .bib the LaTeX output writes: the next run with the same -o may rewrite
# that file, never a bibliography the user keeps by hand.
BIB_MARKER = "% written by assistant (-o FILE.tex); the next run with the same -o rewrites it\n"


def _written_by_us(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return handle.readline() == BIB_MARKER
    except OSError:
        return False


def write_answer(
    answer: Answer, output_format: str, output: Path, *, force: bool = False
) -> list[WrittenFile]:
    """Write the answer to ``output`` (and for LaTeX the .bib beside it); nothing half-written."""
    from assistant import render

    files: list[tuple[Path, str, str]] = []
    if output_format == "latex":
        latex, bibtex = render.to_latex(answer)
        bib_path = output.with_suffix(".bib")
        if bib_path == output:
            raise InputError(
                f"-o names the LaTeX file; {output} would be overwritten by the BibTeX. Give a "
                ".tex file (the .bib is written beside it)."
            )
        if bib_path.exists() and not force and not _written_by_us(bib_path):
            raise InputError(
                f"{bib_path} exists and was not written by assistant; pass --force to overwrite "
                "it, or choose another -o name."
            )
        files = [(output, latex, "LaTeX"), (bib_path, BIB_MARKER + bibtex, "BibTeX")]
    else:
        files = [(output, render_text(answer, output_format), output_format)]
    for path, _text, _what in files:
        if path.is_dir():
            raise InputError(f"-o {path} is a directory; name a file.")
        if not path.parent.is_dir():
            raise InputError(f"cannot write {path}: the directory {path.parent} does not exist.")
    for path, text, _ in files:
        _write_atomically(path, text)
    return [WrittenFile(path, what) for path, _, what in files]


def _write_atomically(path: Path, text: str) -> None:
    try:
        write_atomically(path, [text])
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}.") from None
