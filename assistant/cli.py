"""The command line: parse, call the library, render. The only module that prints or exits."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from assistant.errors import AssistantError, InputError

if TYPE_CHECKING:
    from assistant.models import Answer
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
    if value is not None and value not in choices:
        raise InputError(f"unknown {option} '{value}'; use one of: {', '.join(choices)}.")
    return value


ENGINES = ("extractive", "llm")


def _check_task_options(engine: str | None, mode: str | None) -> None:
    from assistant.retrieve import SEARCH_MODES

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
    from assistant.retrieve import SEARCH_MODES

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
    if not enabled or (engine or settings.engine) != "llm" or not sys.stderr.isatty():
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
    words = [part for value in subject for part in value.replace(",", " ").split()]
    if not words:
        raise InputError("say what to compare: a topic, or --papers ID ID ...")
    settings = _settings()
    if papers_given:
        answer = _assistant(settings).compare(None, paper_ids=words, engine=engine, mode=mode)
    else:
        answer = _assistant(settings).compare(" ".join(words), engine=engine, mode=mode)
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


# --- integrations -------------------------------------------------------------------------------


@app.command("mcp")
def mcp_server() -> None:
    """Serve the collection to MCP clients (Claude Desktop, IDEs, agents) over stdio."""
    from assistant.mcp_server import serve_stdio

    settings = _settings()
    serve_stdio(settings, retriever=_ready_retriever(settings))  # index built before the handshake


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Loopback address to listen on (127.0.0.1 or ::1).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port (0 picks a free one).", min=0)] = 8765,
) -> None:
    """A local page for ask, compare and related-work with clickable, checked citations."""
    from assistant.assistant import Assistant
    from assistant.web import check_loopback, make_server

    check_loopback(host)  # refuse before building anything
    settings = _settings()
    assistant = Assistant(settings, retriever=_ready_retriever(settings))
    server = make_server(lambda: assistant, host, port)
    bound_host, bound_port = str(server.server_address[0]), int(server.server_address[1])
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    _console(stderr=True).print(
        f"serving on http://{shown}:{bound_port}/ (this machine only; Ctrl-C stops)", markup=False
    )
    try:
        server.serve_forever()
    finally:
        server.server_close()


# --- evaluation and settings ----------------------------------------------------------------------


@app.command("eval")
def evaluate(
    questions: Annotated[
        list[Path] | None,
        typer.Option(
            "--questions",
            help="Question file; repeat for several (default: the tuned set evals/questions.jsonl "
            "and the blind set's tune and test parts).",
        ),
    ] = None,
    engine: Engine = None,
    modes: Annotated[
        list[str] | None,
        typer.Option("--mode", help="Retriever(s) to evaluate; repeat for an ablation table."),
    ] = None,
    as_json: AsJson = False,
    save_baseline: Annotated[
        bool, typer.Option("--save-baseline", help="Write these results as the new baseline.")
    ] = False,
    fail_on_regression: Annotated[
        bool,
        typer.Option(
            "--fail-on-regression", help="Exit 1 when a metric drops beyond eval_tolerance."
        ),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Baseline file, with a single --questions (default: evals/baseline.json for "
            "questions.jsonl, evals/baseline-<set>.json for another set).",
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help="Markdown report path, with a single --questions (default: "
            "evals/reports/<set>.md).",
        ),
    ] = None,
    llm_replies: Annotated[
        Path | None,
        typer.Option(
            "--llm-replies",
            help="Run the LLM verifier benchmark on the recorded replies in this folder (the "
            "default for --engine llm without --questions: evals/llm).",
        ),
    ] = None,
) -> None:
    """Run the canned questions through the pipeline and report retrieval, citation and answer metrics.

    With --engine llm and no --questions (or with --llm-replies), replay the recorded LLM replies
    of evals/llm through a local server and report how many faithful sentences the verifier keeps
    and how many planted errors of each kind it catches; the held-out replies of
    evals/llm/held-out (never used to tune the verifier) are reported apart."""
    from assistant import evaluation
    from assistant.retrieve import SEARCH_MODES

    if llm_replies is not None or (engine == "llm" and not questions):
        _llm_benchmark(
            llm_replies or evaluation.evals_dir() / "llm",
            as_json=as_json,
            save_baseline=save_baseline,
            fail_on_regression=fail_on_regression,
            baseline=baseline,
        )
        return

    chosen_modes = tuple(modes or ["hybrid"])
    for mode in chosen_modes:
        _check_choice(mode, SEARCH_MODES, "--mode")
    _check_choice(engine, ENGINES, "--engine")
    paths = list(questions or evaluation.default_question_paths())
    if len(paths) > 1 and (baseline or report):
        raise InputError("--baseline and --report go with a single --questions file.")
    settings = _settings()
    retriever = _ready_retriever(settings)
    papers = retriever.paper_store.all()
    loaded_sets = []
    for questions_path in paths:
        loaded = evaluation.load_questions(questions_path, papers)
        problems = evaluation.validate_questions(loaded, papers)
        if problems:
            shown = "; ".join(problems[:3]) + (
                f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            )
            raise InputError(f"{questions_path}: {shown}; fix the question file and run again.")
        loaded_sets.append((questions_path, loaded))
    regressions: list[str] = []
    outputs: list[dict[str, Any]] = []
    for questions_path, loaded in loaded_sets:
        with _progress(f"Evaluating {questions_path.stem}") as update:
            result = evaluation.run_eval(
                settings,
                loaded,
                engine=engine or settings.engine,
                modes=chosen_modes,
                retriever=retriever,
                progress=update,
            )
        baseline_path = baseline or evaluation.default_baseline_path(questions_path)
        deltas = None
        notes: list[str] = []
        if not save_baseline and baseline_path.exists():
            saved = evaluation.load_baseline(baseline_path)
            if saved.engine != result.engine:
                notes.append(
                    f"baseline {baseline_path} was made with the {saved.engine} engine; "
                    f"not comparing it with this {result.engine} run"
                )
            else:
                notes.extend(evaluation.baseline_warnings(result, saved))
                deltas = evaluation.compare_to_baseline(result, saved, settings.eval_tolerance)
        elif not save_baseline:
            notes.append(f"no baseline at {baseline_path}; nothing to compare with")
        report_path = report or evaluation.default_report_path(questions_path)
        evaluation.write_markdown_report(result, report_path, deltas)
        if save_baseline:
            evaluation.save_baseline(result, baseline_path)
        if as_json:
            outputs.append(
                {"questions": str(questions_path)}
                | result.to_json()
                | {"deltas": [delta.to_json() for delta in deltas or []]}
            )
        else:
            sys.stdout.write(f"## {questions_path.stem}\n\n")
            sys.stdout.write(
                evaluation.format_table(result, deltas) + "\n"
            )  # Markdown: no wrapping
            console = _console()
            console.print(f"report: {report_path}", style="dim", markup=False)
            if save_baseline:
                console.print(f"baseline saved to {baseline_path}", markup=False)
        for note in notes:
            _console(stderr=True).print(f"warning: {note}", style="yellow", markup=False)
        regressions.extend(
            f"{questions_path.stem} {delta.label} {delta.before:.3f}→{delta.after:.3f}"
            for delta in deltas or []
            if delta.regressed
        )
    if as_json:
        _print_json(outputs[0] if len(outputs) == 1 else {"sets": outputs})
    if fail_on_regression and regressions:
        _console(stderr=True).print(
            f"error: regression beyond tolerance: {', '.join(regressions)}", markup=False
        )
        raise typer.Exit(1)


def _llm_benchmark(
    folder: Path,
    *,
    as_json: bool,
    save_baseline: bool,
    fail_on_regression: bool,
    baseline: Path | None,
) -> None:
    from assistant import llm_eval

    settings = _settings()
    retriever = _ready_retriever(settings)
    papers = {paper.id: paper for paper in retriever.paper_store.all()}
    sets = llm_eval.benchmark_sets(folder)
    if baseline is not None and len(sets) > 1:
        raise InputError("--baseline goes with a folder of one set (no held-out/ inside).")
    outputs: list[dict[str, Any]] = []
    regressions: list[str] = []
    for bench in sets:
        with _progress(f"Replaying LLM replies ({bench.name})") as update:
            result = llm_eval.run_llm_benchmark(
                settings,
                bench.folder,
                papers,
                embedder=retriever.embedder,
                progress=update,
                name=bench.name,
            )
        baseline_path = baseline or bench.baseline
        saved = (
            llm_eval.load_llm_baseline(baseline_path)
            if baseline_path.exists() and not save_baseline
            else None
        )
        found = llm_eval.llm_regressions(result, saved) if saved else []
        regressions.extend(f"{bench.name} {problem}" for problem in found)
        if as_json:
            outputs.append(result.to_json() | {"baseline": saved, "regressions": found})
        else:
            sys.stdout.write(llm_eval.format_llm_table(result, saved) + "\n\n")
        if save_baseline:
            llm_eval.save_llm_baseline(result, baseline_path)
            # With --json, stdout holds the JSON alone.
            _console(stderr=as_json).print(f"baseline saved to {baseline_path}", markup=False)
        elif saved is None:
            _console(stderr=True).print(
                f"warning: no baseline at {baseline_path}; nothing to compare with",
                style="yellow",
                markup=False,
            )
    if as_json:
        _print_json(outputs[0] if len(outputs) == 1 else {"sets": outputs})
    if fail_on_regression and regressions:
        _console(stderr=True).print(
            f"error: regression beyond tolerance: {', '.join(regressions)}", markup=False
        )
        raise typer.Exit(1)


@app.command("config")
def show_config(as_json: AsJson = False) -> None:
    """Show the effective settings (API keys masked) and where they come from."""
    from assistant.settings import config_path

    settings = _settings()
    from assistant.urls import masked_url

    values = {
        name: (
            "***"
            if name == "api_key" and value is not None
            else masked_url(str(value))
            if name.endswith("_url") and value is not None
            else str(value)
            if value is not None
            else None
        )
        for name, value in settings.model_dump().items()
    }
    if as_json:
        _print_json(values | {"config_file": str(config_path())})
        return
    console = _console()
    console.print(f"config file: {config_path()}", markup=False)
    for name, value in values.items():
        description = type(settings).model_fields[name].description or ""
        console.print(f"{name} = {value}", markup=False)
        console.print(
            f"    {description}  [env ASSISTANT_{name.upper()}]", style="dim", markup=False
        )


def main() -> None:
    """Console entry point: user mistakes become one line on stderr and a non-zero exit."""
    from assistant.streams import OutputError, check_streams, output_failure

    try:
        check_streams()
        app()
    except AssistantError as error:
        _console(stderr=True).print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        _console(stderr=True).print("interrupted; nothing half-written was kept.", markup=False)
        sys.exit(130)
    except OSError as error:  # stdout closed, full, or a pipe whose reader went away
        failure: OutputError | None = output_failure(error)
        if failure is None:
            raise
        if failure.message:
            _console(stderr=True).print(f"error: {failure.message}", markup=False, soft_wrap=True)
        sys.exit(failure.exit_code)


if __name__ == "__main__":
    main()
