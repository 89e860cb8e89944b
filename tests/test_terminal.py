"""Terminal manners: every --format on stdout and with -o, LaTeX's .bib beside the .tex (never
clobbered without --force), plain unwrapped Markdown in pipes, NO_COLOR, --version, completion."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.bibliography import parse_bibtex, parse_ris
from assistant.cli import app
from assistant.errors import InputError
from assistant.models import Answer
from assistant.output import OUTPUT_FORMATS, choose_format, write_answer
from assistant.settings import Settings

runner = CliRunner()
QUESTION = "which work quantizes selective SSMs to 4-bit weights, and what speed-up does it report?"


@pytest.fixture(scope="module")
def ssm_answer(corpus_assistant) -> Answer:  # type: ignore[no-untyped-def]
    answer = corpus_assistant.ask(QUESTION)
    assert not answer.abstained and answer.references
    return answer


@pytest.mark.parametrize("output_format", OUTPUT_FORMATS)
def test_every_format_writes_a_file_that_reads_back(
    ssm_answer: Answer, output_format: str, tmp_path: Path
) -> None:
    suffix = {"markdown": ".md", "latex": ".tex", "bibtex": ".bib", "ris": ".ris"}
    output = tmp_path / f"answer{suffix.get(output_format, '.json')}"
    written = write_answer(ssm_answer, output_format, output)
    text = output.read_text(encoding="utf-8")
    keys = {paper.citation_key for paper in ssm_answer.references}
    if output_format == "markdown":
        assert text.startswith("## Answer: ") and "### References" in text
    elif output_format == "json":
        assert json.loads(text)["question"] == QUESTION
    elif output_format == "latex":
        assert [item.path for item in written] == [output, output.with_suffix(".bib")]
        cited = {
            key for group in re.findall(r"\\cite\{([^}]*)\}", text) for key in group.split(",")
        }
        bib = parse_bibtex(output.with_suffix(".bib").read_text(), "answer.bib")
        assert cited == keys == {paper.citation_key for paper in bib.papers}
    elif output_format == "bibtex":
        assert {paper.citation_key for paper in parse_bibtex(text, "a.bib").papers} == keys
    elif output_format == "ris":
        assert {paper.citation_key for paper in parse_ris(text, "a.ris").papers} == keys
    else:
        assert {item["id"] for item in json.loads(text)} == keys


def test_format_comes_from_flags_then_the_o_suffix() -> None:
    assert choose_format(None, False, None) == "markdown"
    assert choose_format(None, True, None) == "json"
    assert choose_format(None, False, Path("refs.bib")) == "bibtex"
    assert choose_format(None, False, Path("rw.tex")) == "latex"
    assert choose_format("ris", False, Path("out.txt")) == "ris"
    with pytest.raises(InputError, match="contradict"):
        choose_format("latex", True, None)
    with pytest.raises(InputError, match="unknown --format 'docx'"):
        choose_format("docx", False, None)


def test_latex_o_refuses_to_overwrite_a_bib_unless_forced(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    tex, bib = tmp_path / "rw.tex", tmp_path / "rw.bib"
    bib.write_text("% my hand-edited bibliography\n")
    args = ["related-work", "state space models", "--format", "latex", "-o", str(tex)]
    refused = runner.invoke(app, args)
    assert refused.exit_code != 0 and isinstance(refused.exception, InputError)
    assert "--force" in str(refused.exception)
    assert not tex.exists() and bib.read_text() == "% my hand-edited bibliography\n"
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert tex.read_text().count("\\cite{")
    written = bib.read_text()
    assert written.startswith("% written by assistant") and "\n@" in written
    # a .bib assistant wrote itself is rewritten by the next run without --force
    assert runner.invoke(app, args).exit_code == 0


def test_o_is_honoured_for_markdown_and_bibtex_on_ask_and_compare(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    markdown = tmp_path / "answer.md"
    result = runner.invoke(app, ["ask", QUESTION, "-o", str(markdown)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and markdown.read_text().startswith("## Answer: ")
    refs = tmp_path / "refs.bib"
    result = runner.invoke(
        app, ["compare", "entropy minimization for test-time adaptation", "-o", str(refs)]
    )
    assert result.exit_code == 0, result.output
    assert len(parse_bibtex(refs.read_text(), "refs.bib").papers) >= 2


def test_json_flag_is_an_alias(indexed_settings: Settings) -> None:
    as_flag = runner.invoke(app, ["ask", QUESTION, "--json"])
    as_format = runner.invoke(app, ["ask", QUESTION, "--format", "json"])
    assert json.loads(as_flag.stdout)["sentences"] == json.loads(as_format.stdout)["sentences"]


@pytest.mark.slow
def test_version_and_completion() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"assistant {version('assistant')}\n"
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text


def _assistant_command() -> list[str]:
    return [sys.executable, "-c", "from assistant.cli import main; main()"]


_COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")


@pytest.mark.slow
def test_piped_answer_is_plain_markdown_without_hard_wraps(corpus_index: Path) -> None:
    env = os.environ | {"ASSISTANT_HOME": str(corpus_index)}
    result = subprocess.run(
        [*_assistant_command(), "ask", QUESTION],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Answer: ") and "\x1b[" not in result.stdout
    answer_line = result.stdout.splitlines()[2]
    assert len(answer_line) > 100  # one paragraph, one line: no wrapping at any width


@pytest.mark.slow
def test_no_color_is_respected_on_a_terminal(corpus_index: Path) -> None:
    import pty

    def run_on_terminal(extra_env: dict[str, str]) -> str:
        controller, terminal = pty.openpty()
        inherited = {name: value for name, value in os.environ.items() if name != "NO_COLOR"}
        env = inherited | {"ASSISTANT_HOME": str(corpus_index), "COLUMNS": "120"} | extra_env
        process = subprocess.Popen(
            [*_assistant_command(), "ask", QUESTION],
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=env,
        )
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=300)
        os.close(controller)
        assert process.returncode == 0
        return b"".join(chunks).decode("utf-8", "replace")

    coloured = run_on_terminal({})
    plain = run_on_terminal({"NO_COLOR": "1"})
    assert _COLOUR.search(coloured), "rich Markdown on a terminal should use colour"
    assert "References" in plain and not _COLOUR.search(plain)
