"""The assistant's tasks: ask, compare, related-work; each answer rendered or written to a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from assistant.cli.base import (
    AsJson,
    Engine,
    Force,
    Mode,
    Output,
    OutputFormat,
    _check_task_options,
    _console,
    _ready_retriever,
    _settings,
    app,
)
from assistant.errors import InputError

if TYPE_CHECKING:
    from assistant.models import Answer
    from assistant.settings import Settings


# --- the assistant ------------------------------------------------------------------------------


def _assistant(settings: Settings) -> Any:
    from assistant.assistant import Assistant

    return Assistant(settings, retriever=_ready_retriever(settings))


def _emit(
    answer: Answer,
    output_format: str,
    output: Path | None,
    *,
    force: bool = False,
    streamed: bool = False,
) -> None:
    """Warnings on stderr; the answer to the -o file, a terminal (rich Markdown) or a pipe (plain
    text in the chosen format, Markdown without hard wraps); never a terminal escape code from a
    title or an abstract."""
    from assistant.display import terminal_safe
    from assistant.output import render_text, write_answer

    errors = _console(stderr=True)
    for warning in answer.warnings:
        errors.print(f"warning: {terminal_safe(warning)}", style="yellow", markup=False)
    if output is not None:
        written = write_answer(answer, output_format, output, force=force)
        errors.print("wrote " + " and ".join(str(item.path) for item in written), markup=False)
        return
    if output_format == "markdown" and sys.stdout.isatty():
        from rich.markdown import Markdown

        from assistant import render

        console = _console()
        if streamed:
            console.print()
            console.rule("verified answer", style="dim")
        console.print(Markdown(terminal_safe(render.to_markdown(answer))))
        return
    text = render_text(answer, output_format)
    sys.stdout.write(terminal_safe(text) if output_format == "markdown" else text)
    if output_format == "latex":
        errors.print(
            "note: -o FILE.tex also writes the cited entries to FILE.bib; "
            "--format bibtex prints them.",
            style="dim",
            markup=False,
        )


def _task_format(output_format: str | None, as_json: bool, output: Path | None) -> str:
    from assistant.output import choose_format

    return choose_format(output_format, as_json, output)


def _stream_sink(enabled: bool, engine: str | None, settings: Settings) -> Any:
    """The model's unverified draft as it streams: to a terminal only, on stderr, dim and labelled,
    so that stdout (a file, a pipe) only ever gets the verified answer."""
    from assistant.writers import can_stream

    if not enabled or not sys.stderr.isatty() or not can_stream(engine or settings.engine):
        return None
    from assistant.display import terminal_safe

    console = _console(stderr=True)
    console.print("draft (unverified; the verified answer follows):", style="dim italic")

    def sink(text: str) -> None:
        console.print(terminal_safe(text), end="", markup=False, style="dim")

    return sink


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Your question.")],
    engine: Engine = None,
    mode: Mode = None,
    as_json: AsJson = False,
    output_format: OutputFormat = None,
    output: Output = None,
    force: Force = False,
) -> None:
    """Answer a question from the collection, every sentence cited and checked."""
    _check_task_options(engine, mode)
    chosen = _task_format(output_format, as_json, output)
    if not question.strip():
        raise InputError('the question is empty; ask something, e.g. assistant ask "what is TTA?"')
    settings = _settings()
    sink = _stream_sink(chosen == "markdown" and output is None, engine, settings)
    answer = _assistant(settings).ask(question, engine=engine, mode=mode, on_text=sink)
    _emit(answer, chosen, output, force=force, streamed=sink is not None)


@app.command()
def compare(
    subject: Annotated[
        list[str],
        typer.Argument(help="A topic, or with --papers the ids of the papers to compare."),
    ],
    papers_given: Annotated[
        bool, typer.Option("--papers", help="The arguments are paper ids, not a topic.")
    ] = False,
    engine: Engine = None,
    mode: Mode = None,
    as_json: AsJson = False,
    output_format: OutputFormat = None,
    output: Output = None,
    force: Force = False,
) -> None:
    """Compare papers on a topic (or the ones named with --papers): shared ground, differences, a table."""
    _check_task_options(engine, mode)
    chosen = _task_format(output_format, as_json, output)
    # ids may come comma-separated ("--papers a,b"); a topic keeps its punctuation
    words = [part for value in subject for part in value.replace(",", " ").split()]
    if not words:
        raise InputError("say what to compare: a topic, or --papers ID ID ...")
    settings = _settings()
    if papers_given:
        answer = _assistant(settings).compare(None, paper_ids=words, engine=engine, mode=mode)
    else:
        topic = " ".join(" ".join(value.split()) for value in subject if value.strip())
        answer = _assistant(settings).compare(topic, engine=engine, mode=mode)
    _emit(answer, chosen, output, force=force)


@app.command("related-work")
def related_work(
    topic: Annotated[str, typer.Argument(help="The topic of the related-work section.")],
    output_format: OutputFormat = None,
    output: Output = None,
    force: Force = False,
    engine: Engine = None,
    mode: Mode = None,
    as_json: AsJson = False,
) -> None:
    """Write a related-work paragraph on a topic, citing every relevant paper of the collection."""
    _check_task_options(engine, mode)
    chosen = _task_format(output_format, as_json, output)
    if not topic.strip():
        raise InputError(
            'the topic is empty; name one, e.g. assistant related-work "state space models"'
        )
    settings = _settings()
    answer = _assistant(settings).related_work(topic, engine=engine, mode=mode)
    _emit(answer, chosen, output, force=force)
