"""The LLM verifier benchmark's data: recorded cases, their labels, the evidence each prompt showed.

A case (``cases/NNN.json``) holds the task, the question, the exact messages the LLM engine sent
and the reply a model wrote for them; ``labels.json`` holds a person's judgement of each reply
sentence (``supported``, ``unsupported``, or ``unlabelled`` while an annotator has not yet judged
it). The evidence is rebuilt from the recorded prompt, so retrieval changes do not move the
benchmark.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.citations import cite
from assistant.errors import InputError
from assistant.models import Draft, Evidence, EvidenceSentence, Paper, Task
from assistant.text.sentences import abstract_sentences, clean_sentence

_PAPER = re.compile(r'<paper id="([^"]+)">\n(.*?)</paper>', re.DOTALL)


@dataclass
class Case:
    number: str
    task: Task
    question: str
    messages: list[dict[str, str]]
    reply: str
    source: str = ""

    @property
    def prompt(self) -> str:
        return "\n\n".join(message["content"] for message in self.messages)


def load_cases(directory: Path) -> list[Case]:
    folder = directory / "cases"
    if not folder.is_dir():
        raise InputError(
            f"no recorded replies in {folder}; record them first (see {directory}/README.md)."
        )
    cases = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        cases.append(
            Case(
                number=path.stem,
                task=record["task"],
                question=record["question"],
                messages=record["messages"],
                reply=record["reply"],
                source=record.get("source", ""),
            )
        )
    if not cases:
        raise InputError(f"{folder} holds no case files (NNN.json).")
    return cases


def load_labels(directory: Path) -> dict[str, list[dict[str, Any]]]:
    path = directory / "labels.json"
    if not path.exists():
        return {}
    data: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def evidence_from_prompt(case: Case, papers: Mapping[str, Paper]) -> list[Evidence]:
    """The evidence the model saw: each <paper> of the prompt, with the sentences quoted."""
    user = next(message["content"] for message in case.messages if message["role"] == "user")
    evidence = []
    for rank, match in enumerate(_PAPER.finditer(user), start=1):
        paper_id, body = match.group(1), match.group(2)
        paper = papers.get(paper_id)
        if paper is None:
            raise InputError(
                f"case {case.number} quotes paper {paper_id!r}, which is not in the collection; "
                "re-record the case against this collection."
            )
        lines = [line for line in body.splitlines()[1:] if line.strip()]
        originals = [clean_sentence(sentence) for sentence in abstract_sentences(paper.abstract)]
        sentences = []
        for position, line in enumerate(lines):
            index = originals.index(line) if line in originals else position
            sentences.append(EvidenceSentence(paper_id, index, line, 1.0 / (position + 1)))
        evidence.append(
            Evidence(paper=paper, score=1.0 / rank, rank=rank, sentences=tuple(sentences))
        )
    return evidence


def reply_from_draft(draft: Draft) -> str:
    """A reply that parses back into ``draft``: one sentence a line, blank lines between
    paragraphs, each sentence's citations before its final mark."""
    paragraphs = draft.paragraphs or [list(range(len(draft.sentences)))]
    blocks = []
    for paragraph in paragraphs:
        lines = []
        for index in paragraph:
            sentence = draft.sentences[index]
            body = sentence.text.rstrip()
            mark = body[-1] if body and body[-1] in ".!?" else "."
            body = body[:-1].rstrip() if body and body[-1] in ".!?" else body
            citations = f" {cite(sentence.citations)}" if sentence.citations else ""
            lines.append(f"{body}{citations}{mark}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
