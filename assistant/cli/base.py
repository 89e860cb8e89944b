"""The command line's shared parts: the typer app, the global options, the settings, the console
and progress bar every command uses. Commands live in the modules beside this one, one per group."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from assistant.errors import check_choice
from assistant.models import ENGINES, SEARCH_MODES

if TYPE_CHECKING:
    from assistant.retrieve import Retriever
    from assistant.settings import Settings

app = typer.Typer(
    name="assistant",
    help="Ask questions of a paper collection; every claim cited to a paper and checked.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state: dict[str, Any] = {}

Mode = Annotated[
    str | None, typer.Option("--mode", help="Retriever: hybrid, dense or bm25.", show_default=False)
]
Engine = Annotated[
    str | None,
    typer.Option("--engine", help="Writer: extractive (offline) or llm.", show_default=False),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of Markdown.")]
OutputFormat = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="markdown, json, latex, bibtex, ris or csl-json (default: from the -o suffix, "
        "else markdown).",
        show_default=False,
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file instead of stdout (LaTeX: also FILE.bib)."
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help="With LaTeX -o, overwrite an existing .bib beside it.")
]


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"assistant {version('assistant')}\n")
        raise typer.Exit()


@app.callback()
def _global_options(
    home: Annotated[
        Path | None,
        typer.Option("--home", help="Data directory (default: ASSISTANT_HOME or a per-user dir)."),
    ] = None,
    chroma_url: Annotated[
        str | None,
        typer.Option(
            "--chroma-url", help="Use the Chroma server at this URL instead of the embedded store."
        ),
    ] = None,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", is_eager=True, callback=_show_version
        ),
    ] = False,
) -> None:
    """assistant: a research assistant over a paper collection, offline by default."""
    _state["overrides"] = {"home": home, "chroma_url": chroma_url}


def _settings(**flags: Any) -> Settings:
    from assistant.settings import load_settings, unknown_environment

    settings = load_settings(**_state.get("overrides", {}), **flags)
    for name in unknown_environment():
        _console(stderr=True).print(
            f"warning: {name} is not a setting and is ignored; 'assistant config' lists them.",
            style="yellow",
            markup=False,
        )
    return settings


def _check_choice(value: str | None, choices: tuple[str, ...], option: str) -> str | None:
    return None if value is None else check_choice(value, choices, option)


def _check_task_options(engine: str | None, mode: str | None) -> None:
    _check_choice(mode, SEARCH_MODES, "--mode")
    _check_choice(engine, ENGINES, "--engine")


def _console(stderr: bool = False) -> Any:
    import shutil

    from rich.console import Console

    # Piped output gets a readable fixed width instead of rich's 80 columns; NO_COLOR (any value)
    # turns colour off, as https://no-color.org asks.
    terminal = sys.stdout is not None and sys.stdout.isatty()
    width = None if terminal else max(100, shutil.get_terminal_size((100, 24)).columns)
    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(stderr=stderr, highlight=False, width=width, no_color=no_color)


@contextmanager
def _progress(description: str) -> Iterator[Any]:
    """A progress bar on stderr that appears only when there is work (the callback gets called)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_console(stderr=True),
        transient=False,
    )
    task_ids: list[Any] = []

    def update(done: int, total: int) -> None:
        if not task_ids:
            if total == 0:
                return
            progress.start()
            task_ids.append(progress.add_task(description, total=total))
        progress.update(task_ids[0], completed=done, total=total)

    try:
        yield update
    finally:
        progress.stop()


def _ready_retriever(settings: Settings, *, wait_for_writers: bool = False) -> Retriever:
    from assistant.retrieve import Retriever

    retriever = Retriever(settings)
    # The first run exports the model before it embeds the collection: say so before the wait.
    step = retriever.embedder.preparation()
    if step is not None:
        _console(stderr=True).print(f"{step} …", style="dim", markup=False)
        retriever.embedder.prepare()
    with _progress("Embedding papers") as update:
        retriever.ensure_index(progress=update, wait=wait_for_writers)
    return retriever


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
