"""Prompt files: declared variables checked on load and on render; the shipped prompts are sound."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import prompts as prompts_module
from assistant.citations import CANNOT_ANSWER, CITATION_EXAMPLE, CITATION_FORMAT
from assistant.errors import PromptError
from assistant.llm_client import Message
from assistant.models import Evidence, EvidenceSentence, Paper, Task
from assistant.prompts import load_prompt, prompts_dir
from assistant.writers.llm import (
    SYSTEM_PROMPT,
    SYSTEM_VARIABLES,
    TASK_VARIABLES,
    LLMWriter,
    pack_evidence,
)

TASKS: tuple[Task, ...] = ("ask", "compare", "related-work")


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped prompts ---------------------------------------------------------------------


@pytest.mark.parametrize("name", [SYSTEM_PROMPT, *TASKS])
def test_shipped_prompts_load_with_what_the_writer_supplies(name: str) -> None:
    allowed = SYSTEM_VARIABLES if name == SYSTEM_PROMPT else TASK_VARIABLES
    prompt = load_prompt(name, allowed=allowed)
    assert prompt.path.parent == prompts_dir()
    assert prompt.description
    if name != SYSTEM_PROMPT:
        assert {"question", "evidence", "cannot_answer"} <= set(prompt.variables)


@pytest.mark.parametrize("name", [SYSTEM_PROMPT, *TASKS])
def test_shipped_prompts_take_shared_constants_from_code_not_copies(name: str) -> None:
    text = (prompts_dir() / f"{name}.md").read_text(encoding="utf-8")
    assert CANNOT_ANSWER not in text
    assert CITATION_EXAMPLE not in text


def test_rendered_messages_carry_the_citation_format_and_abstention_phrase() -> None:
    paper = Paper(
        id="tent-fully-test-1a2b", title="Tent", abstract="Tent adapts.", citation_key="k"
    )
    evidence = [
        Evidence(
            paper=paper,
            score=1.0,
            rank=1,
            sentences=(EvidenceSentence(paper.id, 0, "Tent adapts.", 1.0),),
        )
    ]
    writer = LLMWriter.__new__(LLMWriter)  # messages() needs no client or settings
    for task in TASKS:
        system, user = writer.messages(task, "how does Tent adapt?", pack_evidence(evidence, 500))
        assert isinstance(system, Message) and system.role == "system"
        assert CITATION_FORMAT.format(paper_id="paper-id") in system.content
        assert CITATION_EXAMPLE in system.content
        assert CANNOT_ANSWER in system.content and CANNOT_ANSWER in user.content
        assert "how does Tent adapt?" in user.content
        assert '<paper id="tent-fully-test-1a2b">' in user.content
        assert "{" not in user.content.replace("{{", "")  # no placeholder left unfilled


def test_packaged_prompts_win_over_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "assistant"
    (package / "bundled_prompts").mkdir(parents=True)
    monkeypatch.setattr(prompts_module, "_PACKAGE_DIR", package)
    assert prompts_dir() == package / "bundled_prompts"
    (package / "bundled_prompts").rmdir()
    assert prompts_dir() == tmp_path / "prompts"


# --- load-time checks --------------------------------------------------------------------------


def test_a_valid_prompt_loads_and_renders(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "greet",
        "---\ndescription: a test\nvariables: [name, place]\n---\n"
        "Hello {name} from {place}; {{literal}} braces stay.\n",
    )
    prompt = load_prompt("greet", directory=tmp_path)
    assert prompt.variables == ("name", "place")
    # Values are inserted as they are, braces and all; they are never formatted again.
    assert prompt.render(name="{place}", place="Oslo") == (
        "Hello {place} from Oslo; {literal} braces stay.\n"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "---\nvariables: [name]\n---\nHello {name} and {other}.",
            "uses {other} but does not declare",
        ),
        ("---\nvariables: [name, place]\n---\nHello {name}.", "declares place but never uses it"),
        ("Hello {name}.", "does not start with a '---' header"),
        ("---\nvariables: [name]\nHello {name}.", "never closed"),
        ("---\ndescription: no variables\n---\nHello.", "no 'variables"),
        ("---\nvariables: name\n---\nHello {name}.", "as a list"),
        ("---\nvariables: [name, name]\n---\nHello {name}.", "declared twice"),
        ("---\nvariables: [1name]\n---\nHello.", "not a variable name"),
        ("---\nvariables: [name]\nmodel: gpt\n---\nHello {name}.", "expected 'variables"),
        ("---\nvariables: [name]\n---\nHello {name.upper}.", "not a plain {name}"),
        ("---\nvariables: [name]\n---\nHello {name!r}.", "not a plain {name}"),
        ("---\nvariables: [name]\n---\nHello {name:>10}.", "not a plain {name}"),
        ("---\nvariables: []\n---\nHello {}.", "not a plain {name}"),
        ("---\nvariables: [name]\n---\nHello {name} {.", "literal braces"),
    ],
)
def test_bad_prompt_files_fail_loudly_on_load(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, "broken", text)
    with pytest.raises(PromptError) as caught:
        load_prompt("broken", directory=tmp_path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_prompt_declaring_what_the_caller_cannot_supply_fails_on_load(tmp_path: Path) -> None:
    _write(tmp_path, "ask", "---\nvariables: [question, mood]\n---\n{question} {mood}")
    with pytest.raises(PromptError, match="declares mood, which its caller does not supply"):
        load_prompt("ask", directory=tmp_path, allowed=TASK_VARIABLES)


def test_missing_prompt_names_the_ones_there(tmp_path: Path) -> None:
    _write(tmp_path, "ask", "---\nvariables: []\n---\nHi.")
    with pytest.raises(PromptError, match=r"prompts there: ask"):
        load_prompt("compare", directory=tmp_path)


@pytest.mark.parametrize("name", ["../secrets", "Ask", "", "a/b"])
def test_prompt_names_cannot_leave_the_prompts_directory(name: str) -> None:
    with pytest.raises(PromptError, match="is not a prompt name"):
        load_prompt(name)


# --- render-time checks ------------------------------------------------------------------------


def test_render_requires_every_declared_value_and_nothing_else(tmp_path: Path) -> None:
    _write(tmp_path, "greet", "---\nvariables: [name, place]\n---\nHello {name} from {place}.")
    prompt = load_prompt("greet", directory=tmp_path)
    with pytest.raises(PromptError, match="no value for place"):
        prompt.render(name="Ada")
    with pytest.raises(PromptError, match="values it does not declare: mood"):
        prompt.render(name="Ada", place="Oslo", mood="happy")
