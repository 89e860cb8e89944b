"""An output lint: the defects a researcher objects to when reading an answer, counted per answer.

Each rule reads the finished Answer (and its rendered Markdown/LaTeX when the caller has them) and
reports what it found; nothing here changes an answer. The eval gates on zero findings, so every
rule aims at text a careful reader would strike out, not at style preferences: a sentence that
leans on a sentence the reader was not shown, "we" left in from an abstract, a name said twice,
the question pasted back, a label that is not the paper's name, a heading that names no topic, a
table cell that is empty where the abstract states the fact or that is a sentence cut mid-way.
Word lists live in `assistant/text/lexicon/lint_*.txt`; the rules about sentences are in ``sentences``,
those about names, headings and the table in ``labels``; thresholds are ``settings.lint``.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.lint.base import LintFinding, _papers
from assistant.lint.labels import bad_labels, headings, latex_truncated_labels, table
from assistant.lint.sentences import (
    dangling_connectives,
    doubled_subjects,
    first_person,
    question_echoes,
)
from assistant.models import Answer
from assistant.tuning import LintSettings

__all__ = ["RULES", "LintFinding", "lint_answer", "summarise"]

RULES: tuple[str, ...] = (
    "dangling_connective",
    "first_person",
    "doubled_subject",
    "question_echo",
    "bad_label",
    "latex_truncated_label",
    "heading_not_topic",
    "empty_cell_with_fact",
    "truncated_cell",
)


def lint_answer(
    answer: Answer,
    *,
    markdown: str | None = None,
    latex: str | None = None,
    config: LintSettings | None = None,
) -> list[LintFinding]:
    """Every finding of every rule on one answer; an abstained answer has none.

    `markdown` / `latex` are the rendered outputs when the caller has them; without them the
    labels and the LaTeX body are rendered here (LaTeX only for related-work, the task that has it).
    """
    if answer.abstained:
        return []
    config = config or LintSettings()
    # Imported here so that render (or the eval built on it) can import this module in turn.
    from assistant import render

    labels = render.citation_labels(answer)
    if latex is None and answer.task == "related-work":
        latex = render.to_latex(answer)[0]
    papers = _papers(answer)
    findings: list[LintFinding] = []
    findings += dangling_connectives(answer, config)
    findings += first_person(answer)
    findings += doubled_subjects(answer, labels, config)
    findings += question_echoes(answer, papers, labels, config)
    findings += bad_labels(answer, labels, papers, markdown)
    if latex is not None:
        findings += latex_truncated_labels(latex)
    findings += headings(answer, papers, config)
    findings += table(answer, papers)
    return findings


def summarise(findings: Iterable[LintFinding]) -> dict[str, int]:
    """Findings per rule, every rule present (zero when clean)."""
    counts = dict.fromkeys(RULES, 0)
    for finding in findings:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    return counts
