"""Hostile or clumsy input and environments: a clear one-line error or a safe outcome, never a
traceback, a wrong paper or a leaked secret (the medium/low items of the reliability issue)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from servers import Reply, ScriptedOpenAIServer
from test_cli import run_main

from assistant.collection import add_many
from assistant.corpus import parse_listing, parse_paper_file
from assistant.errors import ConfigError, InputError, ParseError
from assistant.settings import Settings, load_settings

LONG = "We propose a method that works well on many benchmarks and analyse why it does so. " * 4


def _cli(*args: str, env: dict[str, str] | None = None, **kwargs: object):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        env=env or dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **kwargs,
    )


# --- display ------------------------------------------------------------------------------------


def test_papers_output_has_no_escape_codes_or_bidi_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_text(
        json.dumps(
            {
                "title": "Evil \x1b]0;owned\x07Title \u202eReversed\u202c",
                "abstract": "Text \x1b[2J that clears the screen. \x1b[31mRed.",
                "id": "evil-title",
            }
        )
        + "\n"
    )
    assert run_main(["add", "--no-index", str(hostile)], capsys)[0] == 0
    for command in (["papers"], ["papers", "evil-title"]):
        code, out, _ = run_main(command, capsys)
        assert code == 0 and "Evil" in out
        assert "\x1b" not in out and "\u202e" not in out, command


# --- parsing ------------------------------------------------------------------------------------


def test_byte_order_mark_is_not_content(tmp_path: Path) -> None:
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_bytes(
        "\ufeff".encode() + json.dumps({"title": "Bom Paper", "abstract": LONG}).encode() + b"\n"
    )
    assert [paper.title for paper in parse_paper_file(jsonl)] == ["Bom Paper"]
    page = tmp_path / "bom.txt"
    page.write_bytes("\ufeffnew\nSubscribe\nA Real Title\n".encode() + LONG.encode() + b"\n")
    assert [paper.title for paper in parse_paper_file(page)] == ["A Real Title"]


def test_listing_header_detection_keeps_real_titles() -> None:
    page = "\n".join(
        [
            "new",
            "Subscribe",
            "Subscriber Churn Prediction with Graph Networks",
            LONG,
            "New",
            LONG + " (a paper titled New)",
            "May 5",
            LONG + " (a paper titled May 5)",
        ]
    )
    titles = [entry.title for entry in parse_listing(page, "page.txt")]
    assert titles == ["Subscriber Churn Prediction with Graph Networks", "New", "May 5"]
    glued = parse_listing("new\nSubscribeUAlign: Template-free\n" + LONG, "page.txt")
    assert [entry.title for entry in glued] == ["UAlign: Template-free"]


def test_a_file_that_is_neither_jsonl_nor_a_listing_page_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "table.csv"
    table.write_text("name,score\nalpha,1\nbeta,2\ngamma,3\n")
    with pytest.raises(ParseError, match=r"neither JSONL .* nor a listing page"):
        add_many(load_settings(), [table])
    assert not load_settings().added_papers_path.exists()


def test_devices_and_pipes_are_refused_before_reading() -> None:
    with pytest.raises(InputError, match="not a regular file"):
        add_many(load_settings(), [Path("/dev/zero")])
    from assistant.evaluation import load_questions

    with pytest.raises(InputError, match="not a regular file"):
        load_questions(Path("/dev/zero"), [])


# --- settings and environment ---------------------------------------------------------------------


def test_unknown_assistant_variable_is_warned(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ASSISTANT_TOPK", "3")
    code, _, err = run_main(["config"], capsys)
    assert code == 0 and "ASSISTANT_TOPK is not a setting" in err


def test_missing_config_file_and_empty_home_are_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_CONFIG", "/nonexistent/config.toml")
    with pytest.raises(ConfigError, match="ASSISTANT_CONFIG names"):
        load_settings()
    monkeypatch.delenv("ASSISTANT_CONFIG")
    monkeypatch.setenv("ASSISTANT_HOME", "")
    with pytest.raises(ConfigError, match="ASSISTANT_HOME is set but empty"):
        load_settings()


def test_invalid_collection_name_is_a_setting_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_CHROMA_COLLECTION", "bad name!")
    with pytest.raises(ConfigError, match="chroma_collection"):
        load_settings()


@pytest.mark.slow
@pytest.mark.parametrize("url", ["http://127.0.0.1:99999", "http://[::1"])
def test_malformed_chroma_url_is_a_one_line_error(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", url)
    code, _, err = run_main(["search", "mamba"], capsys)
    assert code == 2 and "is not a valid URL" in err and "ASSISTANT_CHROMA_URL" in err


def test_credentials_in_urls_are_masked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.index import _store_identity
    from assistant.store import ChromaStore

    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", "http://user:llm-s3cret@127.0.0.1:9/v1")
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "http://admin:chroma-s3cret@127.0.0.1:9")
    for command in (["config"], ["config", "--json"]):
        code, out, _ = run_main(command, capsys)
        assert code == 0 and "127.0.0.1:9" in out
        assert "s3cret" not in out
    settings = load_settings()
    assert "s3cret" not in json.dumps(_store_identity(settings, "local"))
    store = ChromaStore(
        persist_dir=tmp_path,
        collection_name="c",
        embedder_name="local",
        chroma_url=settings.chroma_url,
        timeout=2,
    )
    assert "s3cret" not in store.location


# --- output streams ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_closed_full_or_ascii_stdout_is_no_traceback(tmp_path: Path) -> None:
    env = dict(os.environ)
    closed = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "papers"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),
        check=False,
    )
    assert closed.returncode != 0 and "standard output is closed" in closed.stderr
    assert "Traceback" not in closed.stderr
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "assistant.cli", "papers"],
            env=env,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1 and "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr
    ascii_only = _cli("papers", env=env | {"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert ascii_only.returncode == 0, ascii_only.stderr
    assert "papers" in ascii_only.stdout.splitlines()[-1]
    head = subprocess.run(
        f"{sys.executable} -m assistant.cli papers | head -1",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in head.stderr and "BrokenPipe" not in head.stderr


# --- LLM reply size ---------------------------------------------------------------------------------


def test_a_huge_llm_reply_is_cut_off_and_the_extractive_answer_used(
    indexed_settings: Settings, openai_server: ScriptedOpenAIServer
) -> None:
    from assistant import Assistant

    openai_server.enqueue(Reply.text("Entropy methods adapt models at test time. " * 5_000))
    settings = load_settings(
        llm_base_url=openai_server.base_url,
        llm_model="m",
        llm_max_retries=0,
        llm_max_reply_chars=10_000,
    )
    answer = Assistant(settings).ask("how do entropy-based TTA methods differ", engine="llm")
    assert answer.engine == "extractive"
    assert any("longer than 10,000 characters" in warning for warning in answer.warnings)
    assert len(answer.sentences) < 50


# --- LaTeX and BibTeX output -------------------------------------------------------------------------


def test_url_cannot_inject_bibtex() -> None:
    from assistant.models import Paper
    from assistant.render import to_bibtex

    paper = Paper(
        "evil",
        "Evil",
        "Abstract.",
        "evil2024_abcd",
        url="http://x.org/a}, note = {pwned}, title = {Fake\n@misc{injected,",
    )
    bib = to_bibtex([paper])
    assert (
        bib.count("@misc{") == 1 and "pwned}" not in bib and "\n  title" not in bib.split("url")[1]
    )
    assert "%7D" in bib


@pytest.mark.slow
def test_related_work_latex_never_overwrites_a_users_bib_or_its_own_tex(
    indexed_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    users_bib = tmp_path / "main.bib"
    users_bib.write_text("@article{mine, title={My own references}}\n")
    command = ["related-work", "state space models", "--format", "latex"]
    code, _, err = run_main([*command, "-o", "main.tex"], capsys)
    assert code == 2 and "main.bib exists and was not written by assistant" in err
    assert users_bib.read_text() == "@article{mine, title={My own references}}\n"
    assert not (tmp_path / "main.tex").exists()

    code, _, err = run_main([*command, "-o", "refs.bib"], capsys)
    assert code == 2 and "-o names the LaTeX file" in err
    assert not (tmp_path / "refs.bib").exists()

    assert run_main([*command, "-o", "paper.tex"], capsys)[0] == 0
    first = (tmp_path / "paper.bib").read_text()
    assert "@misc{" in first and "\\cite{" in (tmp_path / "paper.tex").read_text()
    assert run_main([*command, "-o", "paper.tex"], capsys)[0] == 0, "its own .bib is rewritten"
    assert (tmp_path / "paper.bib").read_text() == first


# --- a full disk ------------------------------------------------------------------------------------


def _on_a_tiny_disk(home: Path, size: str, command: str, env: dict[str, str]):  # type: ignore[no-untyped-def]
    """Run ``command`` with ``home`` on a tmpfs of ``size`` in a private mount namespace."""
    import shutil

    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to mount a small filesystem")
    home.mkdir()
    script = f"mount -t tmpfs -o size={size} tmpfs {home} || exit 77\n{command}"
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode == 77:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    return done


@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "expect"),
    [
        ("100k", "the disk is full (No space left on device); free some space and add again"),
        ("1500k", "is full; free some space and run 'assistant index' to finish"),
    ],
)
def test_a_full_disk_during_add_is_a_clear_message(tmp_path: Path, size: str, expect: str) -> None:
    papers = tmp_path / "papers.jsonl"
    papers.write_text(
        "".join(
            json.dumps({"title": f"Disk filler {number}", "abstract": "We fill the disk. " * 20})
            + "\n"
            for number in range(300)
        )
    )
    home = tmp_path / "home"
    env = dict(os.environ) | {"ASSISTANT_HOME": str(home)}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    from test_reliability import SMALL_PAGE

    (corpus / SMALL_PAGE.name).write_bytes(SMALL_PAGE.read_bytes())
    env["ASSISTANT_CORPUS_DIR"] = str(corpus)
    done = _on_a_tiny_disk(home, size, f"{sys.executable} -m assistant.cli add {papers}", env)
    assert done.returncode in (1, 2), done.stderr
    assert "Traceback" not in done.stderr
    assert expect in " ".join(done.stderr.split())
