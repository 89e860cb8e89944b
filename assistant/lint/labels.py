"""Output lint, the rules about names and structure: a label that is not the paper's name (in prose
or cut short in LaTeX), a heading that names no topic, a table cell empty where the abstract states
the fact or cut mid-sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import bm25
from assistant.lint.base import (
    _TRUNCATED,
    EXCERPT_CONTEXT,
    LintFinding,
    _contains_run,
    _excerpt_around,
    lexicon,
)
from assistant.lint.sentences import _starts_first_person
from assistant.models import Answer, Paper
from assistant.text.claims import balanced
from assistant.text.claims.names import is_plural_acronym, presents_as_own
from assistant.text.facts import named_dataset, reported_figure
from assistant.text.query import clause_axis, sense_headings, split_clauses
from assistant.tuning import LintSettings

# --- labels ----------------------------------------------------------------------------------


def _label_problem(label: str, paper: Paper | None) -> str | None:
    if re.search(r"\s\(\d+\)$", label):
        return "two papers under one label"
    if _TRUNCATED.search(label):
        return "truncated title"
    if len(label.split()) > 1 and label.split()[-1].lower() in lexicon("heading_end_words"):
        return "title cut after a function word"  # "Algorithms for"
    if re.search(r",\s+(?:a|an|the)\s", label, re.IGNORECASE):
        return "title cut inside an appositive"  # "MeLM, a generative pretrained"
    if any(residue in label for residue in lexicon("label_residue")):
        return "markup in the label"
    if label in lexicon("generic_labels"):
        return "generic word"
    # A plural acronym ("NDEs", "HRs") names a family of models or a component, unless the
    # abstract presents it as the paper's own ("We present Prior-Data Fitted Networks (PFNs)").
    if is_plural_acronym(label) and not (
        paper is not None and presents_as_own(paper.abstract, label)
    ):
        return "generic word"
    return None


def bad_labels(
    answer: Answer, labels: dict[str, str], papers: dict[str, Paper], markdown: str | None
) -> list[LintFinding]:
    prose = _markdown_prose(markdown) if markdown is not None else None
    findings = []
    for paper_id, label in labels.items():
        if _label_problem(label, papers.get(paper_id)) is None:
            continue
        if prose is not None and label not in prose:
            continue
        # Report where the label first shows in prose: named in a sentence or as its citation.
        for index, sentence in enumerate(answer.sentences):
            if label in sentence.text or paper_id in sentence.citations:
                findings.append(LintFinding("bad_label", index, label))
                break
    return findings


def _markdown_prose(markdown: str) -> str:
    """The Markdown without its References list and table, where labels are expected."""
    kept, skipping = [], False
    for line in markdown.splitlines():
        if line.startswith("### "):
            skipping = line[4:].strip() in ("References", "Table")
            continue
        if not skipping and not line.startswith("|"):
            kept.append(line)
    return "\n".join(kept)


# --- LaTeX -----------------------------------------------------------------------------------

# "Knowledge\ldots{}" or "Knowledge..." glued to a word: a title cut short, not an ellipsis in a
# list ("x_1, \ldots, x_n").
_LATEX_TRUNCATION = re.compile(r"\w(?:\\ldots\{\}|\\ldots\b|\\dots\b|…|\.\.\.)")


def latex_truncated_labels(latex: str) -> list[LintFinding]:
    findings = []
    for match in _LATEX_TRUNCATION.finditer(latex):
        excerpt = _excerpt_around(latex, match.start(), match.end(), EXCERPT_CONTEXT)
        findings.append(LintFinding("latex_truncated_label", None, excerpt))
    return findings


# --- headings --------------------------------------------------------------------------------


def headings(answer: Answer, papers: dict[str, Paper], config: LintSettings) -> list[LintFinding]:
    findings = []
    structural = {heading.lower() for heading in lexicon("structural_headings")}
    generic = {heading.lower() for heading in lexicon("generic_headings")}
    verbs = {verb.lower() for verb in lexicon("subject_verbs")}
    # A heading ending on a function word was cut mid-phrase; one ending on a quantity or part
    # ("... loss", "... errors") names a detail, not a theme.
    bad_ends = {word.lower() for word in lexicon("heading_end_words") + lexicon("non_topic_heads")}
    # a comparison's question asked of each paper heads the answers to it in the user's words,
    # not words mined from the papers
    # ... and so do the senses or kinds a topic question lists, each heading its papers
    asked = (
        {clause_axis(clause) for clause in split_clauses(answer.question)[1:]}
        if answer.task == "compare"
        else set(sense_headings(answer.question))
    )
    for position, heading in enumerate(answer.headings):
        heading = heading.strip()
        if not heading or heading.lower() in structural or heading in asked:
            continue
        words = re.findall(r"[\w'-]+", heading)
        lowered = [word.lower() for word in words]
        cited = {
            paper_id
            for index in _heading_scope(answer, position)
            for paper_id in answer.sentences[index].citations
        }
        problem = (
            heading.lower() in generic
            or len(words) > config.heading_max_words
            or (bool(lowered) and lowered[-1] in bad_ends)
            or any(word in verbs for word in lowered)
            or (len(words) >= 2 and heading == heading.lower())
            or not _heading_in_sources(heading, [papers[p] for p in cited if p in papers])
        )
        if problem:
            findings.append(LintFinding("heading_not_topic", None, heading))
    return findings


def _heading_scope(answer: Answer, position: int) -> list[int]:
    """Sentence indices under a heading: its paragraph and the unheaded ones that follow it."""
    indices: list[int] = []
    for later in range(position, len(answer.paragraphs)):
        if later > position and later < len(answer.headings) and answer.headings[later].strip():
            break
        indices += answer.paragraphs[later]
    return indices


def _heading_in_sources(heading: str, sources: Sequence[Paper]) -> bool:
    """The heading's words occur as a phrase (stemmed) in a cited title or abstract."""
    run = bm25.tokenize(heading)
    if not run:
        return False
    return any(_contains_run(bm25.tokenize(f"{p.title} {p.abstract}"), run) for p in sources)


# --- table -----------------------------------------------------------------------------------

_EMPTY_CELL = frozenset({"", "—", "-", "–", "n/a"})


def table(answer: Answer, papers: dict[str, Paper]) -> list[LintFinding]:
    if answer.table is None:
        return []
    findings = []
    aspects = [aspect.lower() for aspect in answer.table.aspects]
    for paper_id, cells in answer.table.rows.items():
        paper = papers.get(paper_id)
        for aspect, cell in zip(aspects, cells, strict=False):
            text = cell.text.strip()
            if text.lower() in _EMPTY_CELL:
                if paper is None:
                    continue
                # (one stated before what the paper proposes is what it sets out from, which the
                # table does not report either; r016: ELLE's "even down to 0%")
                proposal = paper.analysis.claims.proposal
                figure = (
                    reported_figure(
                        paper.abstract, first=proposal.sentence if proposal is not None else 0
                    )
                    if "result" in aspect
                    else None
                )
                # (a figure another cell of the row states is said: a question's column holding
                # the result sentence leaves the result column "—" rather than say it twice)
                if figure is not None and not any(figure in other.text for other in cells):
                    findings.append(
                        LintFinding(
                            "empty_cell_with_fact",
                            None,
                            f"{paper_id} / {aspect}: abstract gives {figure!r}",
                        )
                    )
                dataset = named_dataset(paper.abstract) if "setting" in aspect else None
                if dataset is not None:
                    findings.append(
                        LintFinding(
                            "empty_cell_with_fact",
                            None,
                            f"{paper_id} / {aspect}: abstract names {dataset!r}",
                        )
                    )
                continue
            # an unclosed parenthesis is a phrase cut inside its aside ("accuracy (16k context")
            unbalanced = not balanced(text)
            if _TRUNCATED.search(text) or _starts_first_person(text) or unbalanced:
                findings.append(
                    LintFinding("truncated_cell", None, f"{paper_id} / {aspect}: {text}")
                )
    return findings
