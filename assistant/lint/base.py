"""Output lint, the shared parts: the finding record, the word lists, what every rule reads."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from assistant.models import Answer, Paper
from assistant.text.lexicon import words

# Characters of context kept around an excerpt from the rendered LaTeX (what a finding shows, not
# what it finds).
EXCERPT_CONTEXT = 40

# A label or a table cell cut short ends on an ellipsis.
_TRUNCATED = re.compile(r"(?:…|\.\.\.)\s*$")


@dataclass(frozen=True)
class LintFinding:
    rule: str  # one of RULES
    sentence: int | None  # index into answer.sentences; None for headings, table cells, LaTeX
    text: str  # the offending excerpt


# --- word lists ----------------------------------------------------------------------------


def lexicon(name: str) -> tuple[str, ...]:
    return words(f"lint_{name}")


@cache
def _opening_pattern(name: str) -> re.Pattern[str]:
    # Longest first so "in addition" wins over "in"; a hyphen after the word means a compound
    # ("Second-order", "Next-token"), not the connective.
    phrases = sorted(lexicon(name), key=len, reverse=True)
    alternation = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
    # ... and one naming what it refers to ("The authors of EvoPress set ...") points at nothing
    return re.compile(rf"^\W*(?:{alternation})(?![\w-])(?!\s+of\s+(?-i:[A-Z0-9]))", re.IGNORECASE)


@cache
def _phrase_pattern(name: str) -> re.Pattern[str]:
    phrases = sorted(lexicon(name), key=len, reverse=True)
    alternation = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])", re.IGNORECASE)


def _papers(answer: Answer) -> dict[str, Paper]:
    papers = {paper.id: paper for paper in answer.references}
    for item in answer.evidence:
        papers.setdefault(item.paper.id, item.paper)
    return papers


def _paragraph_of(answer: Answer) -> list[list[int]]:
    return answer.paragraphs or [list(range(len(answer.sentences)))]


def _words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _excerpt_around(text: str, start: int, end: int, context: int = 30) -> str:
    left = max(0, start - context)
    right = min(len(text), end + context)
    excerpt = " ".join(text[left:right].split())
    return ("…" if left else "") + excerpt + ("…" if right < len(text) else "")


def _contains_run(tokens: Sequence[str], run: Sequence[str]) -> bool:
    size = len(run)
    return any(list(tokens[start : start + size]) == list(run) for start in range(len(tokens)))
