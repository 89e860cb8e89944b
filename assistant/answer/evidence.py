"""Evidence selection: which retrieved papers an answer may draw on, and which of their sentences.

A paper's relevance mixes its BM25 score and its best dense chunk similarity, each relative to the
top paper. How many papers an answer uses follows the score distribution: a paper is kept when it
stands at least ``relative_cutoff`` of the way from the background level (the paper at rank
``BACKGROUND_RANK``) to the top paper, so a sharp topic keeps few papers and a broad one many.

Each abstract sentence is scored against the question (dense similarity of its sentence chunk plus
the overlap of stemmed query tokens, acronyms expanded) and by its role: a sentence naming the
method, saying what it does or reporting a result beats the background sentence that opens most
abstracts. A question with several clauses ("which work does X, and what speed-up does it report?")
gets the best sentence for each clause first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.models import Evidence, EvidenceSentence, Paper, Task
from assistant.text.tokens import tokenize

if TYPE_CHECKING:
    from assistant.retrieve import Retrieval
    from assistant.settings import Settings

from assistant.answer import relevance
from assistant.text.analysis import CONTRAST
from assistant.text.names import method_name
from assistant.text.query import (
    Clause,
    QuestionKind,
    asks_for_several,
    content_tokens,
    question_kind,
    split_clauses,
)
from assistant.text.roles import _NUMBER, ROLE_BONUS, STRONG_CONTRIBUTION, Role
from assistant.text.sentences import _sentence_tokens, clean_sentence

DocumentFrequency = Callable[[str], int]

BACKGROUND_RANK = 20  # the paper whose score stands for "unrelated" when scaling relevance
BM25_SHARE = 0.5  # weight of the BM25 ratio in a paper's relevance; the rest is dense similarity
MAX_COMPARED_PAPERS = 6  # a comparison table wider than this is no longer readable

# --- scoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Weights:
    """Inverse document frequency of stemmed tokens, from the collection when known."""

    frequency: DocumentFrequency
    size: int

    def idf(self, token: str) -> float:
        return math.log((self.size + 1) / (self.frequency(token) + 0.5))


def _local_weights(papers: Sequence[Paper]) -> Weights:
    counts: dict[str, int] = {}
    for paper in papers:
        for token in set(tokenize(f"{paper.title} {paper.abstract}")):
            counts[token] = counts.get(token, 0) + 1
    # A few pseudo-documents keep a token found in every retrieved paper from weighing zero.
    return Weights(lambda token: counts.get(token, 0), len(papers) + 4)


def paper_relevance(retrieval: Retrieval) -> list[tuple[Paper, float]]:
    """Every retrieved paper with a relevance in [0, 1]: 1 for the best, 0 at background rank."""
    hits = retrieval.hits
    if not hits:
        return []
    bm25_top = max(retrieval.bm25_scores.values(), default=0.0)
    dense: dict[str, float] = {}
    for chunk in retrieval.chunk_hits:
        if chunk.similarity > dense.get(chunk.paper_id, 0.0):
            dense[chunk.paper_id] = chunk.similarity
    dense_top = max(dense.values(), default=0.0)
    bm25_share = BM25_SHARE if bm25_top > 0 and dense_top > 0 else (1.0 if bm25_top > 0 else 0.0)
    raw: list[tuple[Paper, float]] = []
    for hit in hits:
        lexical = retrieval.bm25_scores.get(hit.paper.id, 0.0) / bm25_top if bm25_top else 0.0
        semantic = dense.get(hit.paper.id, 0.0) / dense_top if dense_top else 0.0
        raw.append((hit.paper, bm25_share * lexical + (1 - bm25_share) * semantic))
    if bm25_share == 0.0 and dense_top == 0.0:  # neither retriever scored: keep the fused order
        raw = [(hit.paper, hit.score) for hit in hits]
    raw.sort(key=lambda item: -item[1])
    top = raw[0][1]
    background = raw[min(BACKGROUND_RANK, len(raw) - 1)][1] if len(raw) > 1 else 0.0
    span = top - background
    if span <= 1e-9:
        return [(paper, 1.0 if index == 0 else 0.0) for index, (paper, _) in enumerate(raw)]
    return [(paper, max(0.0, (score - background) / span)) for paper, score in raw]


def _initials(phrase: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s-]+", phrase.lower()) if word)


def other_sense_papers(retrieval: Retrieval, papers: Sequence[Paper]) -> set[str]:
    """Papers that use one of the question's acronyms in another sense than the collection's usual
    one ("TTA" = test-time augmentation, when most papers mean test-time adaptation)."""
    if retrieval.expanded_query == retrieval.query:
        return set()
    tail = retrieval.expanded_query[len(retrieval.query) :].strip().strip("()")
    alternatives = [
        alternative.strip().lower() for alternative in tail.split(";") if alternative.strip()
    ]
    found: set[str] = set()
    for acronym in set(re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b", retrieval.query)):
        letters = "".join(
            character for character in acronym.rstrip("s").lower() if character.isalpha()
        )
        senses = [alternative for alternative in alternatives if _initials(alternative) == letters]
        if len(senses) < 2:
            continue
        primary = senses[0].replace("-", " ")
        for paper in papers:
            text = f"{paper.title} {paper.abstract}".lower().replace("-", " ")
            if primary not in text and any(sense.replace("-", " ") in text for sense in senses[1:]):
                found.add(paper.id)
    return found


def _paper_limit(task: Task, kind: QuestionKind, settings: Settings) -> tuple[int, int]:
    """(fewest, most) papers for a task."""
    if task == "ask" and kind == "lookup":
        return 1, 1
    if task == "compare":
        return 2, min(settings.max_evidence_papers, MAX_COMPARED_PAPERS)
    return 1, settings.max_evidence_papers


@dataclass(frozen=True)
class _QueryTerms:
    weights: dict[str, float]
    total: float

    def overlap(self, tokens: frozenset[str]) -> float:
        if self.total <= 0:
            return 0.0
        return min(
            1.0,
            sum(weight for token, weight in self.weights.items() if token in tokens) / self.total,
        )


def _query_terms(question: str, expanded: str, weights: Weights) -> _QueryTerms:
    own = content_tokens(question)
    expansion = [token for token in content_tokens(expanded) if token not in own]
    scored = {token: weights.idf(token) for token in [*own, *expansion]}
    # The expansion spells out an acronym the question already has: it may match, not add weight.
    total = sum(scored[token] for token in dict.fromkeys(own))
    return _QueryTerms(scored, total or sum(scored.values()))


def score_sentences(
    paper: Paper,
    *,
    question: str,
    expanded_query: str,
    weights: Weights,
    similarities: dict[int, float] | None = None,
    clauses: Sequence[Clause] = (),
) -> list[EvidenceSentence]:
    """The paper's abstract sentences, best first (the best sentence per clause leading)."""
    analysis = paper.analysis
    sentences = list(analysis.sentences)
    if not sentences:
        return []
    terms = _query_terms(question, expanded_query, weights)
    similarities = similarities or {}
    known = [value for value in similarities.values() if value > 0]
    floor = min(known) if known else 0.0
    top = max(known) if known else 0.0
    scored: list[tuple[float, int]] = []
    roles = analysis.roles
    name = method_name(paper.title, paper.abstract)
    for position, sentence in enumerate(sentences):
        role = roles[position]
        if role == "contribution" and STRONG_CONTRIBUTION.search(sentence):
            role_bonus = ROLE_BONUS[role] + (0.08 if name and name in sentence else 0.04)
        else:
            role_bonus = ROLE_BONUS[role] - (0.06 if role == "contribution" else 0.0)
        tokens = _sentence_tokens(sentence)
        lexical = terms.overlap(tokens)
        semantic = similarities.get(position, floor * 0.9) / top if top > 0 else 0.0
        score = (0.45 * semantic + 0.40 * lexical if top > 0 else 0.85 * lexical) + role_bonus
        scored.append((score, position))
    order = [position for _, position in sorted(scored, key=lambda item: (-item[0], item[1]))]
    leading: list[int] = []
    if len(clauses) > 1:
        for clause in clauses:
            best = _best_for_clause(sentences, roles, scored, clause, weights, exclude=leading)
            if best is not None and best not in leading:
                leading.append(best)
    rest = [position for position in order if position not in leading]
    score_of = {position: score for score, position in scored}
    return [
        EvidenceSentence(
            paper.id, position, clean_sentence(sentences[position]), round(score_of[position], 4)
        )
        for position in [*leading, *rest]
    ]


def _best_for_clause(
    sentences: Sequence[str],
    roles: Sequence[Role],
    scored: Sequence[tuple[float, int]],
    clause: Clause,
    weights: Weights,
    *,
    exclude: Sequence[int],
) -> int | None:
    total = sum(weights.idf(token) for token in clause.tokens)
    best: tuple[float, int] | None = None
    for (base, position), role in zip(scored, roles, strict=True):
        if role == "boilerplate":
            continue
        tokens = _sentence_tokens(sentences[position])
        lexical = (
            sum(weights.idf(token) for token in clause.tokens if token in tokens) / total
            if total
            else 0.0
        )
        score = 0.5 * base + lexical + ROLE_BONUS[role]
        if (
            clause.identifies
            and role == "contribution"
            and STRONG_CONTRIBUTION.search(sentences[position])
        ):
            score += 0.15
        if clause.numeric:
            score += (
                0.45
                if _NUMBER.search(sentences[position])
                and role in ("result", "contribution", "method")
                else -0.1
            )
        if position in exclude:
            score -= 0.3
        if best is None or score > best[0]:
            best = (score, position)
    return best[1] if best else None


def core_text(paper: Paper) -> str:
    """The sentences that say what the paper does (not its background or problem statement),
    without the clauses that contrast it with other work."""
    return paper.analysis.core


def _acronym_aliases(retrieval: Retrieval) -> dict[str, list[tuple[str, ...]]]:
    """Each acronym of the question (stemmed) with the spelled-out senses the expansion added."""
    if retrieval.expanded_query == retrieval.query:
        return {}
    tail = retrieval.expanded_query[len(retrieval.query) :].strip().strip("()")
    senses = [sense.strip() for sense in tail.split(";") if sense.strip()]
    aliases: dict[str, list[tuple[str, ...]]] = {}
    for acronym in set(re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b", retrieval.query)):
        letters = "".join(c for c in acronym.rstrip("s").lower() if c.isalpha())
        tokens = tokenize(acronym)
        matching = [sense for sense in senses if _initials(sense) == letters]
        if tokens and matching:
            aliases[tokens[0]] = [tuple(tokenize(sense)) for sense in matching]
    return aliases


def relevance_features(
    retrieval: Retrieval, *, document_frequency: DocumentFrequency, collection_size: int
) -> list[relevance.PaperFeatures]:
    """The relevance model's features for every retrieved paper, in fused order."""
    papers = [hit.paper for hit in retrieval.hits]
    best_sentence = {
        paper_id: max(values.values())
        for paper_id, values in retrieval.sentence_similarity.items()
        if values
    }

    def features_for(focus: list[str]) -> list[relevance.PaperFeatures]:
        return relevance.paper_features(
            focus_tokens=focus,
            papers=papers,
            core_text=core_text,
            lexical=retrieval.bm25_scores,
            dense_paper=retrieval.paper_similarity,
            dense_sentence=best_sentence,
            centroid=retrieval.centroid_similarity,
            other_sense=other_sense_papers(retrieval, papers),
            aliases=_acronym_aliases(retrieval),
            phrase_acronyms=retrieval.phrase_acronyms,
            document_frequency=document_frequency,
            collection_size=collection_size,
        )

    whole = features_for(content_tokens(retrieval.query))
    parts = topic_parts(retrieval.query)
    if len(parts) < 2:
        return whole
    # "speech recognition and speech synthesis": a paper about either part is about the topic,
    # so each coverage feature takes the best of the parts.
    by_part = [features_for(part) for part in parts]
    coverage = [relevance.FEATURES.index(name) for name in relevance.COVERAGE_FEATURES]
    combined = []
    for position, item in enumerate(whole):
        values = list(item.values)
        for index in coverage:
            values[index] = max(part[position].values[index] for part in by_part)
        combined.append(relevance.PaperFeatures(item.paper, tuple(values)))
    return combined


_PART_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bor\b|/)\s*", re.IGNORECASE)


def topic_parts(query: str) -> list[list[str]]:
    """The content tokens of each part of a topic joined by "and", "or" or commas; one part for
    a question or a topic without them."""
    pieces = [content_tokens(piece) for piece in _PART_SPLIT.split(query)]
    parts = [piece for piece in pieces if piece]
    return (
        parts
        if len(parts) > 1 and len(content_tokens(query)) <= 3 * relevance.SHORT_FOCUS
        else [content_tokens(query)]
    )


def _naming_the_topic(
    features: list[relevance.PaperFeatures],
    retrieval: Retrieval,
    settings: Settings,
    weights: Sequence[float],
) -> list[relevance.PaperFeatures]:
    """For a topic phrase ("mixture of experts", "state space models") that several retrieved
    papers name outright, the papers that do not name it are out, unless their own vector is as
    close to the topic as the best paper's and the sentences saying what they do use its words,
    or the relevance model is confident on its own (a paper about "pre-trained forecasters for
    time series" is about time series foundation models without saying the phrase).

    A topic phrase names a thing: "mixture" is not "mixture of experts", and a paper that says
    "unlike a mixture of experts" in passing, or models the "state space" of a bank's cash
    withdrawals, is not about it however many of its words it shares."""
    parts = topic_parts(retrieval.query)
    # Only a request that is itself a list of topic phrases names things; the fragments of a
    # sentence split at "and"/"or" ("apply machine learning to chemistry", "reactions") do not,
    # and a paper about retrosynthesis need not say "drug discovery molecules" in that order.
    if not parts or not all(2 <= len(part) <= relevance.SHORT_FOCUS for part in parts):
        return features

    def names(paper: Paper) -> bool:
        tokens = relevance.token_sequence(f"{paper.title} . {CONTRAST.sub(' ', paper.abstract)}")
        return any(relevance.contains_run(part, tokens) for part in parts) or any(
            acronym in tokens for acronym in retrieval.phrase_acronyms
        )

    naming = {item.paper.id for item in features if names(item.paper)}
    if len(naming) < settings.topic_naming_papers:
        return features
    value = {name: position for position, name in enumerate(relevance.FEATURES)}
    return [
        item
        for item in features
        if item.paper.id in naming
        or (
            item.values[value["dense_paper"]] >= settings.topic_dense_exception
            and item.values[value["core"]] >= settings.topic_core_exception
        )
        or relevance.probability(item, weights) >= settings.topic_unnamed_threshold
    ]


def relevant_papers(
    retrieval: Retrieval,
    settings: Settings,
    *,
    task: Task,
    document_frequency: DocumentFrequency | None,
    collection_size: int | None,
) -> list[tuple[Paper, float]]:
    """The papers the question is about, with the model's probability, best first.

    One rule for every task: a paper is in when the relevance model (hybrid retrieval) gives it
    ``relevance_threshold`` or more, the most probable paper always. A compare keeps at least two papers and
    at most ``MAX_COMPARED_PAPERS``. With one retriever the model lacks half its features, so the
    score-distribution cut-off (``relative_cutoff``) decides instead."""
    fewest, most = (2, MAX_COMPARED_PAPERS) if task == "compare" else (1, 10**6)
    most = min(most, settings.max_evidence_papers)
    if (
        retrieval.mode == "hybrid"
        and retrieval.bm25_scores
        and retrieval.paper_similarity
        and document_frequency is not None
        and collection_size
    ):
        features = relevance_features(
            retrieval, document_frequency=document_frequency, collection_size=collection_size
        )

        def ordered_by(model: dict[str, float]) -> list[tuple[Paper, float]]:
            weights = [model.get(name, 0.0) for name in relevance.FEATURES]
            kept = _naming_the_topic(features, retrieval, settings, weights)
            scored = [(item.paper, relevance.probability(item, weights)) for item in kept]
            # A paper that uses the question's acronym only in another sense than the
            # collection's usual one (TTA = test-time augmentation, when the question means
            # adaptation) is not about the question, however many words it shares with it.
            elsewhere = other_sense_papers(retrieval, [paper for paper, _ in scored])
            same_sense = [item for item in scored if item[0].id not in elsewhere]
            return sorted(same_sense or scored, key=lambda item: -item[1])

        specific = ordered_by(settings.relevance_weights)
        topical = ordered_by(settings.topic_relevance_weights)
        threshold = settings.topic_relevance_threshold
        # A question that asks for papers in the plural ("which papers ...", "how do X differ")
        # and a related-work request want every paper about the topic, judged by the model that
        # leans on meaning (see evals/fit_relevance.py); a comparison, the few papers its topic
        # names; any other question the papers above the first clear break.
        wants_all = task != "ask" or question_kind(retrieval.query) == "topic"
        broad = wants_all and task != "compare"
        # One paper stands alone: the question is that paper's to answer, however it is phrased
        # ("what did they find", "which models did best"), unless it asks for papers in so many
        # words and the topic model finds a second one about it.
        if (
            task == "ask"
            and len(specific) > 1
            and specific[1][1] < settings.single_paper_below
            and (not asks_for_several(retrieval.query) or topical[1][1] < threshold)
        ):
            return specific[:1]
        ordered = topical if broad else specific
        threshold = threshold if broad else settings.relevance_threshold
        chosen: list[tuple[Paper, float]] = []
        for index, (paper, probability) in enumerate(ordered):
            if index >= fewest and (
                probability < threshold
                or (not wants_all and chosen[-1][1] - probability > settings.relevance_gap)
            ):
                break
            chosen.append((paper, probability))
        return chosen[:most]
    ranked = paper_relevance(retrieval)
    elsewhere = other_sense_papers(retrieval, [paper for paper, _ in ranked])
    if elsewhere:
        ranked = sorted(
            ((paper, share * 0.5 if paper.id in elsewhere else share) for paper, share in ranked),
            key=lambda item: -item[1],
        )
    return [
        (paper, score)
        for index, (paper, score) in enumerate(ranked)
        if index < fewest or score >= settings.relative_cutoff
    ][:most]


def select_evidence(
    retrieval: Retrieval,
    settings: Settings,
    *,
    task: Task,
    document_frequency: DocumentFrequency | None = None,
    collection_size: int | None = None,
) -> list[Evidence]:
    """The papers an answer may cite (those the question is about), each with its abstract
    sentences scored against the question, best first."""
    if not retrieval.hits:
        return []
    chosen = relevant_papers(
        retrieval,
        settings,
        task=task,
        document_frequency=document_frequency,
        collection_size=collection_size,
    )
    if document_frequency is not None and collection_size:
        weights = Weights(document_frequency, collection_size)
    else:
        weights = _local_weights([hit.paper for hit in retrieval.hits])
    similarities = retrieval.sentence_similarity
    clauses = split_clauses(retrieval.query) if task == "ask" else []
    return [
        Evidence(
            paper=paper,
            score=round(probability, 4),
            rank=rank,
            sentences=tuple(
                score_sentences(
                    paper,
                    question=retrieval.query,
                    expanded_query=retrieval.expanded_query,
                    weights=weights,
                    similarities=similarities.get(paper.id),
                    clauses=clauses,
                )
            ),
        )
        for rank, (paper, probability) in enumerate(chosen, start=1)
    ]


def evidence_for_papers(
    papers: Sequence[Paper], *, topic: str | None = None, weights: Weights | None = None
) -> list[Evidence]:
    """Evidence for papers the user named (compare --papers): every sentence, scored by role and,
    when a topic is given, by its overlap with the topic."""
    weights = weights or _local_weights(papers)
    query = topic or ""
    return [
        Evidence(
            paper=paper,
            score=1.0,
            rank=rank,
            sentences=tuple(
                score_sentences(paper, question=query, expanded_query=query, weights=weights)
            ),
        )
        for rank, paper in enumerate(papers, start=1)
    ]
