"""Which abstract sentence backs each citation, and an answer as plain data for agents and the page.

The verifier decides whether a sentence is supported but does not (yet) hand back the abstract
sentence it matched. ``approximate_citation_support`` recomputes it from the Answer alone: for each
answer sentence and each paper it cites, the abstract sentence sharing the most stemmed content
words. It is deliberately small and separate so it can be replaced by the verifier's own match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from assistant.models import Answer, Paper


@dataclass(frozen=True)
class CitationSupport:
    """The abstract sentence of a cited paper that best supports one answer sentence."""

    paper_id: str
    sentence_index: int  # position in ``abstract_sentences(paper)``, from 0
    sentence: str
    score: float  # word-overlap cosine in [0, 1]


def abstract_sentences(paper: Paper) -> list[str]:
    from assistant.text.sentences import split_sentences

    return split_sentences(paper.abstract)


def answer_papers(answer: Answer) -> dict[str, Paper]:
    """Every paper an answer can point at: its references, then the rest of its evidence."""
    papers = {paper.id: paper for paper in answer.references}
    for item in answer.evidence:
        papers.setdefault(item.paper.id, item.paper)
    return papers


def approximate_citation_support(answer: Answer) -> list[list[CitationSupport]]:
    """Per answer sentence, one ``CitationSupport`` per cited paper (same order as its citations).

    An approximation of the verifier's match: cosine of stemmed content-word sets, so a sentence
    lifted from an abstract finds the sentence it was lifted from.
    """
    from assistant.bm25 import tokenize

    papers = answer_papers(answer)
    split: dict[str, list[tuple[str, set[str]]]] = {}
    result: list[list[CitationSupport]] = []
    for sentence in answer.sentences:
        words = set(tokenize(sentence.text))
        supports = []
        for paper_id in sentence.citations:
            paper = papers.get(paper_id)
            if paper is None:
                continue
            if paper_id not in split:
                split[paper_id] = [
                    (text, set(tokenize(text))) for text in abstract_sentences(paper)
                ]
            best_index, best_score = 0, -1.0
            for index, (_, candidate) in enumerate(split[paper_id]):
                shared = len(words & candidate)
                score = shared / math.sqrt(len(words) * len(candidate)) if shared else 0.0
                if score > best_score:
                    best_index, best_score = index, score
            if split[paper_id]:
                text = split[paper_id][best_index][0]
                supports.append(CitationSupport(paper_id, best_index, text, round(best_score, 4)))
        result.append(supports)
    return result


def paper_data(paper: Paper) -> dict[str, Any]:
    """A paper with everything a client may cite it by, and its abstract split into sentences."""
    return {
        "id": paper.id,
        "title": paper.title,
        "authors": list(paper.authors),
        "year": paper.year,
        "venue": paper.venue,
        "doi": paper.doi,
        "url": paper.url,
        "citation_key": paper.citation_key,
        "abstract": paper.abstract,
        "abstract_sentences": abstract_sentences(paper),
    }


def answer_data(answer: Answer) -> dict[str, Any]:
    """The documented JSON of an answer plus, per sentence, the abstract sentence behind each
    citation, and full references: what an agent or the page needs to show the evidence."""
    from assistant import render

    data = render.to_json(answer)
    support = approximate_citation_support(answer)
    for sentence, backing in zip(data["sentences"], support, strict=True):
        sentence["support"] = [
            {
                "paper_id": item.paper_id,
                "sentence_index": item.sentence_index,
                "sentence": item.sentence,
                "score": item.score,
            }
            for item in backing
        ]
    data["task"] = answer.task
    data["paragraphs"] = [list(paragraph) for paragraph in answer.paragraphs] or [
        list(range(len(answer.sentences)))
    ]
    data["headings"] = list(answer.headings) or [""] * len(data["paragraphs"])
    data["labels"] = render.citation_labels(answer)
    data["references"] = [paper_data(paper) for paper in answer.references]
    data["verification"] = render.verification_summary(answer)
    data["warnings"] = list(answer.warnings)
    return data
