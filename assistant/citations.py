"""The one citation format, shared by prompts, writers, the parser, the verifier, tests and evals.

A citation is a paper id in square brackets, ``[quamba2-robust-scalable-7827]``; a sentence citing
several papers writes them one after another, ``[a-1234][b-5678]``. The parser is lenient about what
LLMs produce instead (``[a-1234, b-5678]``, ``[a-1234; b-5678]``) but writers always emit the form above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CITATION_FORMAT = "[{paper_id}]"
CITATION_EXAMPLE = "[example-paper-1a2b]"  # not a real id: a model that copies it cites nothing
CANNOT_ANSWER = "The collection does not answer this."

_ID = r"[a-z0-9][a-z0-9._-]{1,79}"
# One bracket group holding one or more ids separated by , or ; (the lenient form).
CITATION_GROUP = re.compile(rf"\[\s*({_ID}(?:\s*[,;]\s*{_ID})*)\s*\]")
_SPLIT = re.compile(r"\s*[,;]\s*")


def cite(paper_ids: Iterable[str]) -> str:
    return "".join(CITATION_FORMAT.format(paper_id=paper_id) for paper_id in paper_ids)


def find_citations(text: str) -> list[str]:
    """Every cited id in order of first appearance, without duplicates."""
    found: list[str] = []
    for match in CITATION_GROUP.finditer(text):
        for paper_id in _SPLIT.split(match.group(1)):
            if paper_id not in found:
                found.append(paper_id)
    return found


def strip_citations(text: str) -> str:
    """The sentence without its citation markers, spacing tidied."""
    without = CITATION_GROUP.sub("", text)
    without = re.sub(r"\s+([.,;:!?])", r"\1", without)
    return re.sub(r"\s{2,}", " ", without).strip()
