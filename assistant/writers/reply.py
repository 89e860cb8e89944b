"""Parsing a model's reply into a draft: sentences, each with the paper ids it cites.

Whatever the model cited is kept, invented ids included, so that the verifier can see (and
remove) them. Headings, list markers, emphasis, a references section and "thinking" are the
model's formatting, not claims, and are taken off.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Literal

from assistant.citations import (
    CANNOT_ANSWER,
    CITATION_GROUP,
    cite,
    find_citations,
    strip_citations,
)
from assistant.models import Draft, DraftSentence
from assistant.text.sentences import split_sentences

_THINKING = re.compile(r"<think>.*?(?:</think>|\Z)", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"^\s*```[\w-]*\s*$")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_RULE = re.compile(r"^\s*([-*_]\s*){3,}$")
_REFERENCE_HEADING = re.compile(
    r"^\s*[#*_]*\s*(references|sources|bibliography|citations)\s*[#*_:]*\s*$", re.IGNORECASE
)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_EMPHASIS = re.compile(r"\*\*|__|`")
# One group of ids in square brackets or parentheses, any case: a candidate for a known id.
_ANY_GROUP = re.compile(
    r"[\[(]\s*([A-Za-z0-9][A-Za-z0-9._-]*(?:\s*[,;]\s*[A-Za-z0-9][A-Za-z0-9._-]*)*)\s*[\])]"
)
_CITATIONS_AFTER_END = re.compile(rf"([.!?])((?:\s*{CITATION_GROUP.pattern})+)")


def parse_reply(text: str, *, known_ids: Collection[str] = ()) -> Draft:
    """The model's reply as draft sentences, each with the ids it cites, in order.

    Blank lines separate paragraphs and a Markdown heading names the paragraph after it.
    ``known_ids`` (the evidence) only lets "(id)" or "[ID]" be read as citations of those ids;
    every id the reply cites in the citation format is kept, known or not.
    """
    canonical = {paper_id.lower(): paper_id for paper_id in known_ids}
    sentences: list[DraftSentence] = []
    paragraphs: list[list[int]] = [[]]
    headings = [""]
    abstained = False
    for kind, line in _answer_lines(text):
        if kind != "text":
            if paragraphs[-1]:
                paragraphs.append([])
                headings.append("")
            if kind == "heading":
                headings[-1] = line
            continue
        line = _normalise_citations(line, canonical)
        line = _CITATIONS_AFTER_END.sub(lambda match: f"{match.group(2)}{match.group(1)}", line)
        for piece in split_sentences(line):
            citations = find_citations(piece)
            body = strip_citations(piece)
            if not re.search(r"\w", body):
                # Citations standing alone after a sentence belong to that sentence.
                if citations and sentences:
                    previous = sentences[-1].citations
                    previous.extend(paper_id for paper_id in citations if paper_id not in previous)
                continue
            if _is_cannot_answer(body):
                abstained = True
                continue
            paragraphs[-1].append(len(sentences))
            sentences.append(DraftSentence(text=body, citations=citations))

    if abstained:
        warnings = []
        if sentences:
            warnings.append(
                f"The LLM said the evidence does not answer and also wrote {len(sentences)} "
                "other sentence(s); taken as an abstention."
            )
        return Draft(
            sentences=[DraftSentence(CANNOT_ANSWER)],
            engine="llm",
            warnings=warnings,
            paragraphs=[[0]],
            headings=[""],
        )
    kept = [
        (paragraph, heading)
        for paragraph, heading in zip(paragraphs, headings, strict=True)
        if paragraph
    ]
    draft = Draft(
        sentences=sentences,
        engine="llm",
        paragraphs=[paragraph for paragraph, _ in kept],
        headings=[heading for _, heading in kept],
    )
    if not sentences:
        draft.warnings.append("The LLM's reply held no sentences.")
    elif not any(sentence.citations for sentence in sentences):
        draft.warnings.append("The LLM cited no paper in its answer.")
    return draft


def _without_thinking(text: str) -> str:
    """The reply without a reasoning model's <think> … </think> preamble."""
    return _THINKING.sub("", text)


def _answer_lines(text: str) -> list[tuple[Literal["text", "heading", "break"], str]]:
    """The reply's lines of prose, without code fences, list markers or a reference list, and
    where paragraphs break (blank lines, rules) or a heading names the next one."""
    lines: list[tuple[Literal["text", "heading", "break"], str]] = []
    for raw in _without_thinking(text).splitlines():
        if _REFERENCE_HEADING.match(raw):
            break
        if _FENCE.match(raw):
            continue
        heading = _HEADING.match(raw)
        if heading:
            lines.append(("heading", _plain(raw[heading.end() :])))
        elif not raw.strip() or _RULE.match(raw):
            lines.append(("break", ""))
        elif line := _plain(_LIST_MARKER.sub("", raw)):
            lines.append(("text", line))
    return lines


def _plain(text: str) -> str:
    return _EMPHASIS.sub("", text).strip()


def _normalise_citations(line: str, canonical: dict[str, str]) -> str:
    """Read "(id)", "[ID]" and the like as citations when every id in them is a known one."""
    if not canonical:
        return line

    def rewrite(match: re.Match[str]) -> str:
        parts = re.split(r"\s*[,;]\s*", match.group(1))
        known = [canonical.get(part.lower()) for part in parts]
        if all(known):
            return cite(paper_id for paper_id in known if paper_id)
        return match.group(0)

    return _ANY_GROUP.sub(rewrite, line)


def _is_cannot_answer(sentence: str) -> bool:
    return _letters(sentence) == _letters(CANNOT_ANSWER)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())
