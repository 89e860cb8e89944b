"""Relevance by meaning: which retrieved papers are *about* what was asked.

Shared words are not relevance: "mixture" is not "mixture of experts", and a paper that says
"unlike a mixture of experts" in passing is not about mixtures of experts. Each retrieved paper is
described by a few features that separate the two cases — where the question's words occur (title,
the sentences that state what the paper does, or only its background), whether its multi-word terms
occur as phrases, how close the paper's own vector is, and how each of these compares with the best
paper — and a logistic model over them (weights in ``config`` as described settings, fitted on the
tuning questions only) says how likely the paper is to be one the question is about.

One rule serves every task and both engines: the evidence is every paper whose probability clears
``relevance_threshold``, the top paper always, so a question one paper answers gets that paper and a
topic gets the whole of it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from assistant import bm25
from assistant.models import Paper
from assistant.text.patterns import compiled
from assistant.text.query import SHORT_FOCUS, contains_run
from assistant.text.tokens import idf

DocumentFrequency = Callable[[str], int]

FEATURES = (
    "bias",
    "lexical",  # BM25 score / the top paper's
    "dense_paper",  # the paper vector's cosine / the top paper's
    "dense_sentence",  # the best sentence's cosine / the top sentence's
    "dense_gap",  # the paper vector's cosine minus the top paper's (absolute closeness)
    "title",  # idf share of the question's terms in the title
    "core",  # idf share in the title and the sentences that say what the paper does
    "anywhere",  # idf share anywhere in the paper
    "phrase",  # share of the question's two-word terms found as adjacent words (title, core)
    "whole_phrase",  # the question's focus, all its words in order, in the title or core text
    # The same two for a short focus (a topic phrase such as "state space models"), where a
    # paper about the topic says the phrase and one that merely shares a word does not.
    "short_phrase",
    "short_whole_phrase",
    "rank",  # 1 / sqrt(fused rank)
    "other_sense",  # the paper uses one of the question's acronyms in another sense
    "centroid",  # cosine of the paper's vector to the mean vector of the three leading hits
    # How far the best paper stands ahead (0 for the best paper itself): a question one paper
    # answers shows it as a gap in words, vectors and coverage to the second paper.
    "lead_lexical",
    "lead_dense",
    "lead_core",
    "not_top",
)


# Features that measure how much of the focus a paper covers: for a topic in parts ("X and Y"),
# each takes the best part.
COVERAGE_FEATURES = (
    "title",
    "core",
    "anywhere",
    "phrase",
    "whole_phrase",
    "short_phrase",
    "short_whole_phrase",
)


@dataclass(frozen=True)
class PaperFeatures:
    paper: Paper
    values: tuple[float, ...]

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values, strict=True))


@lru_cache(maxsize=8192)
def token_sequence(text: str) -> tuple[str, ...]:
    return tuple(bm25.tokenize(text))


def _bigrams(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return set(pairwise(tokens))


def _share(weights: dict[str, float], present: set[str] | frozenset[str]) -> float:
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(weight for token, weight in weights.items() if token in present) / total


def paper_features(
    *,
    focus_tokens: Sequence[str],
    papers: Sequence[Paper],
    core_text: Callable[[Paper], str],
    lexical: dict[str, float],
    dense_paper: dict[str, float],
    dense_sentence: dict[str, float],
    centroid: dict[str, float],
    other_sense: set[str],
    aliases: dict[str, list[tuple[str, ...]]],
    phrase_acronyms: Sequence[str] = (),
    document_frequency: DocumentFrequency,
    collection_size: int,
) -> list[PaperFeatures]:
    """Features of every retrieved paper (in fused order) against the question's focus tokens."""
    focus = list(dict.fromkeys(focus_tokens))
    weights = {token: idf(document_frequency(token), collection_size) for token in focus}
    # A two-word term of the question ("mixture of experts" → mixtur-expert) must stay together.
    ordered = [token for token in focus_tokens]
    pairs = _bigrams(ordered)
    lexical_top = max(lexical.values(), default=0.0)
    paper_top = max(dense_paper.values(), default=0.0)
    sentence_top = max(dense_sentence.values(), default=0.0)
    rows: list[list[float]] = []
    for rank, paper in enumerate(papers, start=1):
        text = _paper_tokens(paper, core_text(paper))
        title = _with_aliases(text.title, aliases)
        everything = _with_aliases(text.everything, aliases)
        core = _with_aliases(text.core, aliases)
        paper_core = text.core_sequence
        found_pairs = text.core_pairs
        dense_value = dense_paper.get(paper.id, 0.0)
        values: tuple[float, ...] = (
            1.0,
            lexical.get(paper.id, 0.0) / lexical_top if lexical_top > 0 else 0.0,
            dense_value / paper_top if paper_top > 0 else 0.0,
            dense_sentence.get(paper.id, 0.0) / sentence_top if sentence_top > 0 else 0.0,
            (dense_value - paper_top) if paper_top > 0 else 0.0,
            _share(weights, title),
            _share(weights, core),
            _share(weights, everything),
            (len(pairs & found_pairs) / len(pairs)) if pairs else _share(weights, core),
            1.0
            if contains_run(ordered, paper_core) or any(a in paper_core for a in phrase_acronyms)
            else 0.0,
        )
        short = 1.0 if 2 <= len(ordered) <= SHORT_FOCUS else 0.0
        values = (
            *values,
            short * values[-2],
            short * values[-1],
            1.0 / math.sqrt(rank),
            1.0 if paper.id in other_sense else 0.0,
            centroid.get(paper.id, 0.0),
        )
        rows.append(list(values))
    if not rows:
        return []
    second = rows[1] if len(rows) > 1 else rows[0]
    lead = (
        1.0 - second[FEATURES.index("lexical")],
        1.0 - second[FEATURES.index("dense_paper")],
        rows[0][FEATURES.index("core")] - second[FEATURES.index("core")],
        1.0,
    )
    return [
        PaperFeatures(paper, tuple(row + [value * (rank > 0) for value in lead]))
        for rank, (paper, row) in enumerate(zip(papers, rows, strict=True))
    ]


@dataclass(frozen=True)
class _PaperTokens:
    """A paper's tokens as the features read them, computed once per paper."""

    title: frozenset[str]
    everything: frozenset[str]
    core: frozenset[str]
    core_sequence: tuple[str, ...]
    core_pairs: frozenset[tuple[str, str]]


@lru_cache(maxsize=8192)
def _paper_tokens(paper: Paper, core: str) -> _PaperTokens:
    # each text tokenized once: words do not run across the space that joins two texts, so the
    # tokens of the texts joined are the tokens of each in turn
    title = token_sequence(paper.title)
    sequence = title + token_sequence(core)
    return _PaperTokens(
        title=frozenset(title),
        everything=frozenset(title) | frozenset(token_sequence(paper.abstract)),
        core=frozenset(sequence),
        core_sequence=sequence,
        core_pairs=frozenset(_bigrams(sequence)),
    )


def _with_aliases(
    tokens: frozenset[str], aliases: dict[str, list[tuple[str, ...]]]
) -> frozenset[str]:
    """The paper's tokens, plus a question acronym when the paper spells one of its senses out."""
    if not aliases:
        return tokens
    present = set(tokens)
    for acronym, senses in aliases.items():
        if acronym not in present and any(set(sense) <= present for sense in senses):
            present.add(acronym)
    return frozenset(present)


def probability(features: PaperFeatures, weights: Sequence[float]) -> float:
    score = sum(value * weight for value, weight in zip(features.values, weights, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def names_the_paper(query: str, paper: Paper) -> bool:
    """Whether the request names the paper by the name the paper gives its method ("SPLADE",
    "Fusion-in-T5"), written as one word of it, or by its short title, whole and in any case
    ("What problem does locally typical sampling address?")."""
    name = paper.analysis.claims.name
    if (
        name
        and len(name) >= 3
        and name in query
        and compiled(rf"(?<![\w-]){re.escape(name)}(?![\w-])").search(query) is not None
    ):
        return True
    title = paper.title.split(":")[0].strip()
    words = len(title.split())
    if (
        not _TITLE_NAME_WORDS[0] <= words <= _TITLE_NAME_WORDS[1]
        or title.lower() not in query.lower()
    ):
        return False
    return (
        compiled(rf"(?<![\w-]){re.escape(title)}(?![\w-])", re.IGNORECASE).search(query) is not None
    )


# a short title of this many words, written whole, names its paper ("Locally Typical Sampling",
# "Multistep Consistency Models"); a longer one is a description a question may also write
_TITLE_NAME_WORDS = (2, 5)
