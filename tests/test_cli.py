"""The command line: JSON shapes, one-line errors with a non-zero exit, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app, main
from assistant.settings import Settings

runner = CliRunner()


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the real entry point (which turns AssistantError into one line and an exit code)."""
    import sys

    old_argv = sys.argv
    sys.argv = ["assistant", *args]
    try:
        main()
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    finally:
        sys.argv = old_argv
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_search_json_shape(indexed_settings: Settings) -> None:
    result = runner.invoke(app, ["search", "quantizing state space models", "-k", "5", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["query"] == "quantizing state space models"
    assert [item["rank"] for item in payload["results"]] == [1, 2, 3, 4, 5]
    assert set(payload["results"][0]) == {"id", "title", "score", "rank"}
    assert any(item["title"].startswith("Quamba2") for item in payload["results"])


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_search_modes(indexed_settings: Settings, mode: str) -> None:
    result = runner.invoke(app, ["search", "TTA entropy", "--mode", mode, "--json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["results"]) == 10


def test_papers_list_and_show(indexed_settings: Settings) -> None:
    result = runner.invoke(app, ["papers", "--json"])
    listed = json.loads(result.stdout)
    assert len(listed) == 484 and set(listed[0]) == {"id", "title"}
    shown = runner.invoke(app, ["papers", listed[0]["id"]])
    assert (
        shown.exit_code == 0 and "sources:" in shown.stdout and listed[0]["title"] in shown.stdout
    )


def test_add_then_search_finds_the_new_paper(writable_index: Settings, tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps({"title": "Zebra Kernels", "abstract": "We propose ZebraNet for stripes."})
        + "\n"
    )
    result = runner.invoke(app, ["add", str(path)])
    assert result.exit_code == 0 and "1 new" in result.stdout
    found = runner.invoke(app, ["search", "ZebraNet stripes", "--json", "-k", "1"])
    assert json.loads(found.stdout)["results"][0]["title"] == "Zebra Kernels"


def test_user_mistakes_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "x", "abstract": "y"}\n{"title": 5, "abstract": "y"}\n')
    code, out, err = run_main(["add", str(bad)], capsys)
    assert code == 2 and "bad.jsonl, line 2" in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1

    code, _, err = run_main(["add", str(tmp_path / "missing.jsonl")], capsys)
    assert code == 2 and "no such file" in err

    code, _, err = run_main(["search", "x", "--mode", "sparse"], capsys)
    assert code == 2 and "unknown --mode 'sparse'" in err

    code, _, err = run_main(["papers", "no-such-paper-0000"], capsys)
    assert code == 2 and "assistant papers" in err


def test_bad_config_file_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('top_k = 5\ncolour = "red"\n')
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    code, _, err = run_main(["papers", "--json"], capsys)
    assert code == 2 and "unknown setting 'colour'" in err
    config.write_text('top_k = "many"\n')
    code, _, err = run_main(["papers", "--json"], capsys)
    assert code == 2 and "top_k" in err


def test_settings_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import load_settings

    config = tmp_path / "config.toml"
    config.write_text("top_k = 7\n[retrieval]\nrrf_k = 30\nfusion_depth = 60\n")
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    assert load_settings().top_k == 7
    monkeypatch.setenv("ASSISTANT_TOP_K", "9")
    monkeypatch.setenv("ASSISTANT_RETRIEVAL__FUSION_DEPTH", "80")
    settings = load_settings()
    assert settings.top_k == 9 and settings.retrieval.rrf_k == 30
    assert settings.retrieval.fusion_depth == 80  # the environment beats the file, field by field
    assert load_settings(top_k=11).top_k == 11


@pytest.mark.parametrize("where", ["config", "environment"])
def test_a_tuning_number_under_its_old_name_is_an_error_naming_the_new_one(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.errors import ConfigError
    from assistant.settings import load_settings

    config = tmp_path / "config.toml"
    config.write_text("relevance_threshold = 0.5\n" if where == "config" else "")
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    if where == "environment":
        monkeypatch.setenv("ASSISTANT_RELEVANCE_THRESHOLD", "0.5")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert "evidence.relevance_threshold" in message and "[evidence]" in message
    assert "ASSISTANT_EVIDENCE__RELEVANCE_THRESHOLD" in message


def test_every_tuning_number_is_described_and_recorded() -> None:
    from assistant.settings import Settings
    from assistant.tuning import GROUPS

    settings = Settings()
    recorded = settings.tuning()
    for group, model in GROUPS.items():
        for name, field in model.model_fields.items():
            assert field.description, f"{group}.{name} has no description"
            assert f"{group}.{name}" in recorded


def test_config_masks_the_api_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_API_KEY", "sk-secret-123")
    code, out, _ = run_main(["config", "--json"], capsys)
    assert code == 0 and "sk-secret-123" not in out and json.loads(out)["api_key"] == "***"


def test_assistant_commands_reject_bad_input_in_one_line(
    indexed_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = [
        (["ask", "   "], "question is empty"),
        (["ask", "what is TTA", "--engine", "gpt"], "unknown --engine 'gpt'"),
        (
            ["compare", "--papers", "entropy-not-enough-dfa7", "no-such-paper-0000"],
            "no-such-paper-0000",
        ),
        (["compare", "--papers", "entropy-not-enough-dfa7"], "two"),
        (["related-work", "ssm", "--format", "pdf"], "unknown --format 'pdf'"),
    ]
    for args, message in cases:
        code, out, err = run_main(args, capsys)
        assert code == 2, (args, out, err)
        assert message in err and "Traceback" not in err + out, (args, err)
        assert len(err.strip().splitlines()) == 1, err


def test_rejected_add_changes_neither_collection_nor_index(
    writable_index: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.index import IndexFiles

    files = IndexFiles(writable_index)
    before = {path: path.stat().st_mtime_ns for path in (files.manifest, files.papers)}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"title": "Fine", "abstract": "Fine."})
        + "\n"
        + json.dumps({"title": "Dup", "abstract": "One.", "id": "dup-id"})
        + "\n"
        + json.dumps({"title": "Dup2", "abstract": "Two.", "id": "dup-id"})
        + "\n"
    )
    code, _, err = run_main(["add", str(bad)], capsys)
    assert code == 2 and "used twice" in err
    assert not writable_index.added_papers_path.exists()
    assert {path: path.stat().st_mtime_ns for path in before} == before


def test_ask_json_shape(indexed_settings: Settings) -> None:
    result = runner.invoke(app, ["ask", "how do entropy-based TTA methods differ", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) >= {
        "question",
        "answer",
        "abstained",
        "engine",
        "sentences",
        "references",
        "evidence",
    }
    assert payload["engine"] == "extractive" and payload["abstained"] is False
    assert set(payload["sentences"][0]) >= {"text", "citations", "supported"}
    cited = {paper_id for sentence in payload["sentences"] for paper_id in sentence["citations"]}
    assert cited <= {reference["id"] for reference in payload["references"]}


def test_related_work_latex_writes_a_matching_bib(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    import re

    tex = tmp_path / "rw.tex"
    result = runner.invoke(
        app, ["related-work", "state space models", "--format", "latex", "-o", str(tex)]
    )
    assert result.exit_code == 0, result.output
    keys = set(re.findall(r"\\cite\{([^}]+)\}", tex.read_text()))
    keys = {key for group in keys for key in group.split(",")}
    bib = (tmp_path / "rw.bib").read_text()
    assert keys and all(f"{{{key}," in bib for key in keys)


def test_a_compare_topic_keeps_its_punctuation(indexed_settings: Settings) -> None:
    # commas separate ids after --papers; in a topic they are the user's words, heading included
    result = runner.invoke(app, ["compare", "quantization of LLMs, VLMs, and SSMs", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["question"] == "quantization of LLMs, VLMs, and SSMs"
