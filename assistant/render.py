"""Answers as terminal Markdown, JSON, or LaTeX with a matching BibTeX file.

Prose shows short readable labels ("Quamba2", "Efficient Test-Time Model Adaptation…"); full titles
and ids belong in the references list.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.citations import CANNOT_ANSWER, cite
from assistant.models import (
    EMPTY_CELL,
    EMPTY_CELL_MEANS,
    LESS_CERTAIN_HEADINGS,
    Answer,
    CheckedSentence,
    Paper,
)
from assistant.text.latex import latex_escape
from assistant.text.names import display_title, distinct_labels
from assistant.text.tokens import sentence_case

_TASK_TITLES = {"ask": "Answer", "compare": "Comparison", "related-work": "Related work"}


def citation_labels(answer: Answer) -> dict[str, str]:
    """A distinct short label per paper id of the answer (references first, then evidence)."""
    papers: dict[str, Paper] = {paper.id: paper for paper in answer.references}
    for item in answer.evidence:
        papers.setdefault(item.paper.id, item.paper)
    return distinct_labels(papers)


def _paragraphs(answer: Answer) -> list[tuple[str, list[int]]]:
    if answer.paragraphs:
        headings = answer.headings or [""] * len(answer.paragraphs)
        return list(zip(headings, answer.paragraphs, strict=False))
    return [("", list(range(len(answer.sentences))))]


def verification_summary(answer: Answer) -> str:
    cited = [sentence for sentence in answer.sentences if sentence.citations]
    verified = sum(1 for sentence in cited if sentence.supported)
    connective = sum(
        1 for sentence in answer.sentences if not sentence.citations and sentence.supported
    )
    # what was checked is each claim against its source; three blind readers took "verified"
    # for a check that the cited papers answer the question, on answers that cited off-topic ones,
    # and two more took "match" for a check that nothing the abstract qualifies a claim with was
    # left out (review28n, review28m, review29a: "should not be read as a sign of quality")
    parts = [
        f"Citation check: {verified} of {len(cited)} cited sentences are stated in the abstracts "
        "they cite (not checked: whether each paper answers the question, nor whether a sentence "
        "leaves out a condition its abstract attaches)"
    ]
    recited = sum(1 for sentence in answer.sentences if sentence.note.startswith("re-cited"))
    if recited:
        parts.append(
            f"{recited} re-cited to the paper that supports {'it' if recited == 1 else 'them'}"
        )
    if connective:
        parts.append(
            f"{connective} connective sentence{'s' if connective != 1 else ''} without claims"
        )
    if answer.dropped_sentences:
        count = answer.dropped_sentences
        parts.append(f"{count} unsupported sentence{'s' if count != 1 else ''} dropped")
    unsupported = sum(1 for sentence in answer.sentences if not sentence.supported)
    if unsupported:
        parts.append(f"{unsupported} marked unsupported")
    cited_ids = {paper_id for sentence in cited for paper_id in sentence.citations}
    apart = sum(1 for item in answer.evidence if item.doubtful and item.paper.id in cited_ids)
    if apart:
        # what the check does know of relevance: which papers the relevance model is less sure
        # of (review35a wanted "a per-paper relevance flag" in place of the footer's assurance),
        # in the words of their heading, not the tool's ("an internal 'relevance model'",
        # review76)
        parts.append(
            f"{apart} paper{'s' if apart != 1 else ''} less certainly on the "
            f"{'topic' if answer.task == 'related-work' else 'question'} "
            f"{'are' if apart != 1 else 'is'} said apart, last"
        )
    if answer.removed_citations:
        parts.append(
            "citations to papers outside the evidence removed: "
            + ", ".join(answer.removed_citations)
        )
    return "; ".join(parts) + "."


# --- Markdown ------------------------------------------------------------------------------


def _markdown_escape_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# A request longer than this many words, or of more than one sentence, is quoted under the
# heading rather than made the heading: "## Related work: I need related work on LLMs checking
# ... I don't mean LLMs acting as judges ..." is a paragraph in a heading (blind readers), where
# a question of fifteen words still reads as one.
_TITLE_WORDS = 20


# A request that opens on the task's own verb ("Compare how BYOL-style predictors ...", "Related
# work on pruning") would have the heading say it twice ("Comparison: Compare how ...").
_TASK_ECHO = {
    "compare": re.compile(r"(?:please\s+)?(?:compare|contrast)\s+(?=\S)", re.IGNORECASE),
    "related-work": re.compile(
        r"(?:please\s+)?(?:write\s+)?(?:a\s+|the\s+)?related[- ]work\s+"
        r"(?:(?:section|paragraph)\s+)?(?:on|about|for)\s+(?=\S)",
        re.IGNORECASE,
    ),
}


def _title_lines(answer: Answer) -> list[str]:
    task = _TASK_TITLES.get(answer.task, "Answer")
    question = answer.question.strip()
    if len(question.split()) > _TITLE_WORDS or re.search(r"[.?!]\s+\S", question):
        return [f"## {task}", "", f"> {question}", ""]  # the request quoted as the user wrote it
    echo = _TASK_ECHO.get(answer.task)
    said_twice = echo.match(question) if echo is not None else None
    if said_twice is not None:
        question = question[said_twice.end() :]
    return [f"## {task}: {question}", ""]


def _reference_line(paper: Paper, label: str) -> str:
    """ "- **Quamba2** — Quamba2: A Robust ... (`id`)"; a label that is the title itself is not
    printed twice (a blind reader: "**Efficient computation of rankings from pairwise
    comparisons** — Efficient computation of rankings from pairwise comparisons")."""
    title = display_title(paper.title)
    if label.strip("“”\"' ").casefold() == title.casefold():
        return f"- **{title}** (`{paper.id}`)"
    return f"- **{label}** — {title} (`{paper.id}`)"


def to_markdown(answer: Answer) -> str:
    """Rich-renderable Markdown: headings, prose with [label] citations, table, references."""
    lines = _title_lines(answer)
    if answer.abstained:
        lines.append(CANNOT_ANSWER)
        reason = answer.sentences[0].note if answer.sentences else ""
        if reason:
            lines.append(f"_({reason[0].upper() + reason[1:]}.)_")
        if answer.evidence:
            # not "Closest papers" under "No paper in the collection is about this"
            lines += ["", "**Nearest papers (none answers this)**", ""]
            lines += [
                f"- {display_title(item.paper.title)} (`{item.paper.id}`)"
                for item in answer.evidence
            ]
        lines += _warnings(answer)
        return "\n".join(lines).rstrip() + "\n"
    labels = citation_labels(answer)
    for heading, indices in _paragraphs(answer):
        if heading:
            lines += [f"### {heading}", ""]
        text = " ".join(_markdown_sentence(answer, index, labels) for index in indices)
        lines += [text, ""]
    if answer.table is not None and answer.table.rows:
        lines += ["### Table", ""]
        lines += _markdown_table(answer, labels)
        lines.append("")
    if answer.references:
        lines += ["### References", ""]
        lines += [
            _reference_line(paper, labels.get(paper.id, paper.id)) for paper in answer.references
        ]
        lines.append("")
    lines.append(f"_{verification_summary(answer)}_")
    lines += _warnings(answer)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_sentence(answer: Answer, index: int, labels: dict[str, str]) -> str:
    sentence = answer.sentences[index]
    marker = ""
    if sentence.citations:
        marker = (
            " ["
            + "; ".join(labels.get(paper_id, paper_id) for paper_id in sentence.citations)
            + "]"
        )
    flag = "" if sentence.supported else " _(unsupported)_"
    text = sentence.text
    if marker and text.endswith((".", "!", "?")):
        return f"{text[:-1]}{marker}{flag}{text[-1]}"
    return f"{text}{marker}{flag}"


def _markdown_table(answer: Answer, labels: dict[str, str]) -> list[str]:
    assert answer.table is not None
    aspects = answer.table.aspects
    # (an asked axis keeps its capitals: "How does each avoid hand-tuning the SGD step size")
    rows = ["| Paper | " + " | ".join(sentence_case(aspect) for aspect in aspects) + " |"]
    rows.append("|" + "---|" * (len(aspects) + 1))
    for paper_id, cells in answer.table.rows.items():
        rendered = []
        for cell in cells:
            if cell.sentence_index is None:
                rendered.append(cell.text)
            else:
                rendered.append(
                    f"{_markdown_escape_cell(cell.text)} _(s{cell.sentence_index + 1})_"
                )
        rows.append(
            f"| **{_markdown_escape_cell(labels.get(paper_id, paper_id))}** | "
            + " | ".join(rendered)
            + " |"
        )
    rows += ["", "_(sN) = the abstract sentence the cell is drawn from, counting from 1._"]
    said = {cell.text for cells in answer.table.rows.values() for cell in cells}
    if EMPTY_CELL in said:
        # a dash is the abstract's silence, which a reader should not take for a gap in the
        # tool (review38a: "never says the Vendi abstract is silent on eigen-decomposition")
        # ... said as what the tool found, not as the abstract's silence: a reader who finds the
        # answer in the abstract, in words no rule matched, took "the abstract does not say it"
        # for a false claim (review44, review46: "false '—'"); "not found in the abstract" was
        # read the same way (review73: "both abstracts state their setting ... the legend's
        # claim is false"): what no rule matched is said as such
        rows += ["", f"_{EMPTY_CELL} = {EMPTY_CELL_MEANS}._"]
    if answer.table.note:
        rows += ["", f"_{answer.table.note}_"]
    return rows


def _warnings(answer: Answer) -> list[str]:
    return (
        ["", *[f"> warning: {warning}" for warning in answer.warnings]] if answer.warnings else []
    )


# --- JSON ----------------------------------------------------------------------------------


def to_json(answer: Answer) -> dict[str, Any]:
    """The documented JSON shape; compare adds "table", related-work adds "latex" and "bibtex"."""
    data: dict[str, Any] = {
        "question": answer.question,
        "answer": CANNOT_ANSWER if answer.abstained else answer.text,
        "abstained": answer.abstained,
        "engine": answer.engine,
        "sentences": [_sentence_json(sentence) for sentence in answer.sentences],
        # What a reader of the JSON must know to trust it: why another engine answered, what was
        # dropped or re-cited and why, and every warning the Markdown shows.
        "warnings": list(answer.warnings),
        "fallback": answer.fallback or None,
        "dropped_sentences": [_sentence_json(sentence) for sentence in answer.rejected],
        "recited_sentences": [
            _sentence_json(sentence)
            for sentence in answer.sentences
            if sentence.verdict == "recited"
        ],
        "removed_citations": list(answer.removed_citations),
        "usage": dict(answer.usage) if answer.usage else None,
        "references": [{"id": paper.id, "title": paper.title} for paper in answer.references],
        "evidence": [
            {
                "id": item.paper.id,
                "title": item.paper.title,
                "score": round(float(item.score), 4),
                # said apart, under "Less certainly on the question"
                "doubtful": item.doubtful,
            }
            for item in answer.evidence
        ],
    }
    if answer.task == "compare":
        data["table"] = _table_json(answer)
    if answer.task == "related-work":
        latex, bibtex = to_latex(answer)
        data["latex"] = latex
        data["bibtex"] = bibtex
    return data


def _sentence_json(sentence: CheckedSentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "citations": list(sentence.citations),
        "supported": sentence.supported,
        "verdict": sentence.verdict,
        "reason": sentence.note,
    }


def _table_json(answer: Answer) -> dict[str, Any] | None:
    if answer.table is None:
        return None
    titles = {item.paper.id: item.paper.title for item in answer.evidence}
    return {
        "aspects": list(answer.table.aspects),
        # what the Markdown says under the table: figures that measure different things, the
        # questions asked of each that have no column ("" when nothing)
        "note": answer.table.note,
        "rows": [
            {
                "id": paper_id,
                "title": titles.get(paper_id, paper_id),
                "cells": [
                    {
                        "aspect": aspect,
                        "text": cell.text,
                        "sentence_index": cell.sentence_index,
                        "source_sentence": cell.source_sentence,
                    }
                    for aspect, cell in zip(answer.table.aspects, cells, strict=False)
                ],
            }
            for paper_id, cells in answer.table.rows.items()
        ],
    }


# --- LaTeX + BibTeX ------------------------------------------------------------------------


def to_latex(answer: Answer) -> tuple[str, str]:
    """(body, bib): paragraphs with \\cite{citation_key} and the BibTeX entries they cite."""
    keys = {paper.id: paper.citation_key for paper in answer.references}
    for item in answer.evidence:
        keys.setdefault(item.paper.id, item.paper.citation_key)
    blocks: list[str] = []
    if answer.abstained:
        blocks.append(latex_escape(CANNOT_ANSWER))
    else:
        for heading, indices in _paragraphs(answer):
            sentences = []
            for index in indices:
                sentence = answer.sentences[index]
                text = latex_escape(sentence.text)
                if sentence.citations:
                    command = (
                        r"~\cite{"
                        + ",".join(
                            keys[paper_id] for paper_id in sentence.citations if paper_id in keys
                        )
                        + "}"
                    )
                    text = (
                        f"{text[:-1]}{command}{text[-1]}"
                        if text.endswith((".", "!", "?"))
                        else text + command
                    )
                sentences.append(text)
            body = " ".join(sentences)
            if heading in LESS_CERTAIN_HEADINGS.values():
                # a note to the author, not a heading of their related-work section
                blocks.append(
                    f"% {heading}: these papers may not be about it; check them before "
                    f"keeping this paragraph.\n{body}"
                )
                continue
            blocks.append(f"\\paragraph{{{latex_escape(heading)}.}} {body}" if heading else body)
    return "\n\n".join(blocks) + "\n", to_bibtex(answer.references)


def to_bibtex(papers: list[Paper]) -> str:
    """Authors, year, venue, DOI and URL when known (see ``assistant.bibliography``)."""
    from assistant.bibliography import to_bibtex as bibliography_entries

    return bibliography_entries(papers)


def plain_text(answer: Answer) -> str:
    """The answer with raw citation markers, one paragraph per line (for logs and evals)."""
    return "\n".join(
        " ".join(
            f"{answer.sentences[index].text} {cite(answer.sentences[index].citations)}".strip()
            for index in indices
        )
        for _, indices in _paragraphs(answer)
    )
