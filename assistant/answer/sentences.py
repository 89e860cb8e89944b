"""Each evidence sentence scored against the question: what it shares with the question (idf of the
stemmed query tokens, acronyms expanded), how close its vector is, and its role in the abstract - a
sentence naming the method, saying what it does or reporting a result beats the background sentence
that opens most abstracts. A question with several clauses gets the best sentence for each clause
first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.models import EvidenceSentence, Paper
from assistant.text.names import GIVES_NAME, method_name
from assistant.text.query import DOES_WITHOUT, Clause, asks_for_release, content_tokens
from assistant.text.roles import _NUMBER, STRONG_CONTRIBUTION, Role
from assistant.text.sentences import _sentence_tokens, clean_sentence
from assistant.text.tokens import idf, tokenize
from assistant.tuning import EvidenceSettings

DocumentFrequency = Callable[[str], int]


@dataclass(frozen=True)
class Weights:
    """Inverse document frequency of stemmed tokens, from the collection when known."""

    frequency: DocumentFrequency
    size: int

    def idf(self, token: str) -> float:
        return idf(self.frequency(token), self.size)


def local_weights(papers: Sequence[Paper]) -> Weights:
    counts: dict[str, int] = {}
    for paper in papers:
        for token in set(tokenize(f"{paper.title} {paper.abstract}")):
            counts[token] = counts.get(token, 0) + 1
    # A few pseudo-documents keep a token found in every retrieved paper from weighing zero.
    return Weights(lambda token: counts.get(token, 0), len(papers) + 4)


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
    config: EvidenceSettings | None = None,
) -> list[EvidenceSentence]:
    """The paper's abstract sentences, best first (the best sentence per clause leading)."""
    config = config or EvidenceSettings()
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
    name = method_name(paper)
    # "Is the code for DeYO available?": what the paper makes available is what is asked
    releases = any(clause.releases for clause in clauses) or asks_for_release(question)
    for position, sentence in enumerate(sentences):
        role = roles[position]
        if role == "boilerplate" and releases:
            role_bonus = config.role_bonus["result"]
        elif role == "contribution" and STRONG_CONTRIBUTION.search(sentence):
            role_bonus = config.role_bonus[role] + (
                config.named_contribution_bonus
                if name and name in sentence
                else config.contribution_bonus
            )
        else:
            role_bonus = config.role_bonus[role] - (
                config.weak_contribution_penalty if role == "contribution" else 0.0
            )
        tokens = _sentence_tokens(sentence)
        lexical = terms.overlap(tokens)
        semantic = (
            similarities.get(position, floor * config.missing_similarity) / top if top > 0 else 0.0
        )
        score = (
            config.sentence_semantic * semantic + config.sentence_lexical * lexical
            if top > 0
            else config.sentence_lexical_alone * lexical
        ) + role_bonus
        scored.append((score, position))
    order = [position for _, position in sorted(scored, key=lambda item: (-item[0], item[1]))]
    leading: list[int] = []
    if len(clauses) > 1:
        # Each clause takes its best sentence, in the question's order; the clauses that ask
        # lead with theirs. One that only sets the question up ("In the study that explained
        # ..., which two parameters mattered most?") takes the sentence describing the paper,
        # so the asking clause gets the next, and its own follows; a background sentence it
        # takes ("For answering questions about text in photos, ...": "Recent work has explored
        # the TextVQA task") does not lead at all.
        setting_up: list[int] = []
        for clause in clauses:
            best = _best_for_clause(
                sentences,
                roles,
                scored,
                clause,
                weights,
                exclude=[*leading, *setting_up],
                config=config,
            )
            if best is None or best in leading or best in setting_up:
                continue
            (leading if clause.asks else setting_up).append(best)
        if leading:
            leading += [position for position in setting_up if roles[position] != "background"]
        else:
            leading = setting_up
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
    config: EvidenceSettings,
) -> int | None:
    total = sum(weights.idf(token) for token in clause.tokens)
    best: tuple[float, int] | None = None
    for (base, position), role in zip(scored, roles, strict=True):
        if role == "boilerplate" and not clause.releases:
            continue
        if role == "boilerplate":
            role = "result"  # what it makes available is the answer to a clause asking for it
        tokens = _sentence_tokens(sentences[position])
        lexical = (
            sum(weights.idf(token) for token in clause.tokens if token in tokens) / total
            if total
            else 0.0
        )
        score = config.clause_base_share * base + lexical + config.role_bonus[role]
        if _together(sentences[position], clause.tokens, config.clause_proximity_window):
            score += config.clause_proximity_bonus
        if (
            clause.identifies
            and role == "contribution"
            and STRONG_CONTRIBUTION.search(sentences[position])
        ):
            score += config.clause_identifies_bonus
        if clause.names and GIVES_NAME.search(sentences[position]):
            score += config.clause_names_bonus
        if clause.numeric:
            score += (
                config.clause_numeric_bonus
                if _NUMBER.search(sentences[position])
                and role in ("result", "contribution", "method")
                else -config.clause_numeric_penalty
            )
        if clause.means and role in ("problem", "background"):
            score -= config.clause_means_penalty
        if clause.lacks and DOES_WITHOUT.search(sentences[position]):
            score += config.clause_lacks_bonus
        if clause.tested_on and role == "setting":
            score += config.clause_tested_on_bonus
        if position in exclude:
            score -= config.clause_repeat_penalty
        if best is None or score > best[0]:
            best = (score, position)
    return best[1] if best else None


def _together(sentence: str, wanted: frozenset[str], window: int) -> bool:
    """Two or more distinct words of ``wanted`` within ``window`` consecutive tokens."""
    tokens = tokenize(sentence)
    positions = [(index, token) for index, token in enumerate(tokens) if token in wanted]
    return any(
        len({token for index, token in positions if start <= index < start + window}) >= 2
        for start, _ in positions
    )
