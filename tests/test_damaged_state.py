"""Damaged state on disk: every command says which file and line, and how to repair it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run_main

from assistant.index import IndexFiles
from assistant.settings import Settings

GOOD = {"id": "good-paper-1a2b", "title": "Good Paper", "abstract": "Fine.", "sources": [["a", 1]]}


def _damage(settings: Settings, second_line: str) -> Path:
    path = settings.added_papers_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(GOOD) + "\n" + second_line + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["papers"],
        ["add", "{new}"],
        ["index", "--rebuild"],
        ["index"],
        ["search", "mamba"],
        ["ask", "what is test-time adaptation?"],
    ],
)
@pytest.mark.parametrize(
    "second_line",
    [
        '{"id": "x", "title": "Interleaved", "abstr{"id": "y", "title": "Other"',  # two adds at once
        '{"title": "No id or sources", "abstract": "x"}',
        "[1, 2, 3]",
    ],
)
def test_damaged_added_papers_file_is_one_line_naming_file_line_and_fix(
    writable_index: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    second_line: str,
) -> None:
    path = _damage(writable_index, second_line)
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"title": "Brand New", "abstract": "New things."}) + "\n")
    manifest_before = IndexFiles(writable_index).manifest.read_text()
    code, _, err = run_main([part.replace("{new}", str(new)) for part in command], capsys)
    assert code == 2, err
    assert f"{path}, line 2: the added-papers file is damaged" in err
    assert "fix or delete this line" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert path.read_text().splitlines()[1] == second_line, "the damaged file is left for repair"
    assert IndexFiles(writable_index).manifest.read_text() == manifest_before, "index untouched"
