"""Verification: the verifier never trusts the writer.

Every citation must name a paper of the evidence; every cited sentence must be supported by the
abstracts it cites: its numbers and named methods occur there, most of its content words occur
there, and when the words alone are inconclusive it is semantically close to one of their
sentences (embedded in one batch, only for those sentences). A sentence that fails is re-cited to
the evidence paper that does support it, if one does; otherwise it is dropped or marked.

Abstention is decided before writing: the assistant says ``CANNOT_ANSWER`` when the question names
something the collection never mentions, or when nothing retrieved is close to the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from assistant import bm25
from assistant.answer.meaning import Conflict, find_conflict, framing_stems
from assistant.models import CheckedSentence, Draft, Evidence, VerdictKind
from assistant.text.names import short_label
from assistant.text.query import FRAMING_TOKENS, content_tokens
from assistant.text.sentences import abstract_sentences, clean_sentence

if TYPE_CHECKING:
    from assistant.embedding import Embedder
    from assistant.settings import Settings


def _words(text: str) -> list[str]:
    return text.split()


DocumentFrequency = Callable[[str], int]

LEXICAL_SUPPORT = 0.8  # share of a sentence's content words found in its cited abstracts: supported
LEXICAL_FLOOR = 0.4  # below this share no similarity can save the sentence
SEMANTIC_SUPPORT = 0.72  # cosine to the closest cited sentence that supports a paraphrase
CITATION_SHARE = (
    0.25  # a paper cited in a multi-citation sentence must hold this share of its words
)
_CANDIDATE_SENTENCES = (
    3  # abstract sentences per paper compared by embedding (the lexically closest)
)
# A sentence citing several papers ("Several works analyse SSMs theoretically [a][b].") is a
# faithful summary when every paper it cites supports it on its own: this share of the sentence's
# content words in that paper, or this cosine to that paper's closest sentence or title.
SUMMARY_SHARE = 0.5
# A model's sentence often restates two abstract sentences at once, which puts it below
# SEMANTIC_SUPPORT against either; with most of its content words in the cited abstract, this
# much similarity is enough. (Reversals and overstatements are caught by the meaning checks.)
CLOSE_PARAPHRASE = 0.6
CLOSE_PARAPHRASE_WORDS = 0.6
# A sentence that joins clauses (", and", "; ", ", while") must have each clause in its cited
# abstracts: this share of a clause's content words, for clauses of at least CLAUSE_MIN_WORDS.
# Otherwise two papers' claims can be merged and cited to one of them.
CLAUSE_SHARE = 0.5
CLAUSE_MIN_WORDS = 3
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:and|while|whereas|but|and it|which also)\s+")
SUMMARY_SEMANTIC = 0.45  # MiniLM puts a short summary near 0.5 to the sentence it summarises
# Letters two stems must share, one extending the other, to count as forms of one word.
STEM_PREFIX = 5

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?!\d)")
_WORD = re.compile(r"[A-Za-zσ][\w+\-σ]*[\w+]|[A-Za-z]")


_SENTENCE_START_WORDS = frozenset(
    _words(
        "The It Its This These Their They What How Which Where When While Although However Given "
        "In On For By To With As At From Our We A An Both Each Other Distinctive One Two Three "
        "Four Five Six Seven Eight Nine Ten Eleven Twelve No Work Papers Some Many Most All "
        "Further Through Based Beyond Despite Since Unlike Using Specifically Moreover Finally "
        "First Second Third"
    )
)
_OPENING_MARKS = frozenset(".:;!?—(\"“'")
_MODIFIER_SUFFIXES = (
    "style",
    "like",
    "based",
    "type",
    "inspired",
    "written",
    "generated",
    "aware",
    "free",
    "guided",
    "level",
    "wise",
)


def numbers_in(text: str) -> set[str]:
    """Numbers as written, thousands separators removed ("1,000" = "1000"; "5.13%" gives "5.13")."""
    return {match.group(0).replace(",", "") for match in _NUMBER.finditer(clean_sentence(text))}


def named_terms(text: str) -> set[str]:
    """Tokens that name something: acronyms, CamelCase, letter-digit mixes, capitalised words
    inside a sentence ("Fisher", "LLaMA", "W4A8", "Mamba-3B")."""
    names: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if len(word) < 2:
            continue
        inner_capital = any(character.isupper() for character in word[1:])
        has_digit = any(character.isdigit() for character in word)
        capitalised = False
        if word[0].isupper() and not inner_capital and word not in _SENTENCE_START_WORDS:
            before = text[: match.start()].rstrip()
            capitalised = bool(before) and before[-1] not in _OPENING_MARKS
        if inner_capital or has_digit or capitalised:
            names.add(word)
    return names


# --- support -------------------------------------------------------------------------------


@dataclass
class _PaperText:
    evidence: Evidence
    text: str
    lower: str
    tokens: frozenset[str]
    numbers: set[str]
    label_tokens: frozenset[str]
    sentences: tuple[str, ...]


@lru_cache(maxsize=1024)
def _paper_text(title: str, abstract: str) -> tuple[str, frozenset[str], frozenset[str]]:
    text = clean_sentence(f"{title}. {abstract}")
    return text, frozenset(bm25.tokenize(text)), frozenset(numbers_in(text))


def _prepare(evidence: Evidence) -> _PaperText:
    paper = evidence.paper
    text, tokens, numbers = _paper_text(paper.title, paper.abstract)
    return _PaperText(
        evidence=evidence,
        text=text,
        lower=text.lower(),
        tokens=tokens,
        numbers=set(numbers),
        label_tokens=frozenset(bm25.tokenize(short_label(paper))),
        sentences=tuple(
            clean_sentence(sentence) for sentence in abstract_sentences(paper.abstract)
        ),
    )


def _claim_tokens(text: str, papers: Sequence[_PaperText]) -> list[str]:
    labels = frozenset().union(*(paper.label_tokens for paper in papers)) if papers else frozenset()
    # A framing word a negation governs is the claim: "X is not the subject of [a]".
    negated = _negated_stems(text)
    return [
        token
        for token in dict.fromkeys(bm25.tokenize(text))
        if (token not in framing_stems() or token in negated) and token not in labels
    ]


_NEGATED_SPAN = re.compile(r"\b(?:not|no|never|cannot|n't)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)


def _negated_stems(text: str) -> frozenset[str]:
    return frozenset(
        token for match in _NEGATED_SPAN.finditer(text) for token in bm25.tokenize(match.group(1))
    )


def _held(token: str, known: frozenset[str]) -> bool:
    """``token`` or another form of its word is in ``known``: the stemmer leaves "analyses" and
    "analysis", "applies" and "application" apart; a shared stem of STEM_PREFIX letters, one form
    extending the other, joins them."""
    if token in known:
        return True
    if len(token) < STEM_PREFIX:
        return False
    return any(
        other[:STEM_PREFIX] == token[:STEM_PREFIX]
        and (other.startswith(token) or token.startswith(other))
        for other in known
        if len(other) >= STEM_PREFIX
    )


def _share(tokens: Sequence[str], known: frozenset[str]) -> float:
    """The share of ``tokens`` that ``known`` holds (1.0 for no tokens)."""
    return sum(1 for token in tokens if _held(token, known)) / len(tokens) if tokens else 1.0


@dataclass
class _Check:
    lexical: float
    numbers_ok: bool
    names_ok: bool
    missing: list[str] = field(default_factory=list)

    @property
    def hard_ok(self) -> bool:
        return self.numbers_ok and self.names_ok


def _check(text: str, papers: Sequence[_PaperText]) -> _Check:
    """Lexical evidence that ``papers`` (together) support ``text``."""
    tokens = _claim_tokens(text, papers)
    known = frozenset().union(*(paper.tokens for paper in papers)) if papers else frozenset()
    lexical = _share(tokens, known)
    numbers = numbers_in(text)
    paper_numbers = set().union(*(paper.numbers for paper in papers)) if papers else set()
    missing_numbers = sorted(number for number in numbers if number not in paper_numbers)
    lower = " ".join(paper.lower for paper in papers)
    missing_names = sorted(
        name
        for name in named_terms(text)
        if name.lower() not in lower
        and name.lower().rstrip("s") not in lower
        and _without_modifier(name).lower() not in lower
        and not _spelled_out(name, lower)
    )
    return _Check(lexical, not missing_numbers, not missing_names, missing_numbers + missing_names)


_ACRONYM = re.compile(r"^([A-Z]{2,6})s?$")


def _spelled_out(name: str, lower: str) -> bool:
    """An acronym the cited text writes out in full: "LLMs" for "large language models"."""
    match = _ACRONYM.match(name)
    if match is None:
        return False
    initials = r"[\s-]+".join(rf"{letter}\w*" for letter in match.group(1).lower())
    return re.search(rf"\b{initials}", lower) is not None


def _without_modifier(name: str) -> str:
    """ "Longformer-like", "CFG-based", "RL-trained": the name the modifier is attached to."""
    head, _, tail = name.rpartition("-")
    if head and (tail.lower() in _MODIFIER_SUFFIXES or tail.lower() in ("trained", "tuned")):
        return head
    return name


@dataclass
class Verification:
    """What the verifier kept: checked sentences, with the draft index each came from."""

    sentences: list[CheckedSentence]
    removed_citations: list[str]
    dropped: int
    kept: list[int]
    rejected: list[CheckedSentence] = field(default_factory=list)  # dropped, with their verdicts


class _Semantic:
    """Embeds lazily, in one batch, only the sentences the words could not settle."""

    def __init__(self, embedder: Embedder | None) -> None:
        self.embedder = embedder
        self.requests: dict[int, list[str]] = {}
        self.texts: dict[int, str] = {}
        self.results: dict[int, float] = {}
        # Per cited paper, for summarising sentences: key -> paper id -> candidates / cosine.
        self.paper_requests: dict[int, dict[str, list[str]]] = {}
        self.paper_results: dict[int, dict[str, float]] = {}

    def ask(self, key: int, text: str, candidates: list[str]) -> None:
        self.texts[key] = text
        self.requests[key] = candidates

    def ask_each(self, key: int, text: str, candidates: dict[str, list[str]]) -> None:
        self.texts[key] = text
        self.paper_requests[key] = candidates

    def run(self) -> None:
        if self.embedder is None or not (self.requests or self.paper_requests):
            return
        unique: list[str] = []
        for key, candidates in self.requests.items():
            unique.extend([self.texts[key], *candidates])
        for key, by_paper in self.paper_requests.items():
            unique.append(self.texts[key])
            for candidates in by_paper.values():
                unique.extend(candidates)
        unique = list(dict.fromkeys(unique))
        vectors = self.embedder.embed(unique)
        index = {text: row for row, text in enumerate(unique)}
        for key, candidates in self.requests.items():
            if not candidates:
                continue
            query = vectors[index[self.texts[key]]]
            rows = vectors[[index[candidate] for candidate in candidates]]
            self.results[key] = float(np.max(rows @ query))
        for key, by_paper in self.paper_requests.items():
            query = vectors[index[self.texts[key]]]
            self.paper_results[key] = {
                paper_id: float(np.max(vectors[[index[c] for c in candidates]] @ query))
                for paper_id, candidates in by_paper.items()
                if candidates
            }


def _closest_sentences(text: str, papers: Sequence[_PaperText]) -> list[str]:
    tokens = set(bm25.tokenize(text))
    scored = [
        (len(tokens & set(bm25.tokenize(sentence))), sentence)
        for paper in papers
        for sentence in paper.sentences
    ]
    scored.sort(key=lambda item: -item[0])
    return [sentence for _, sentence in scored[: _CANDIDATE_SENTENCES * max(1, len(papers))]]


def _is_connective(
    text: str, question_tokens: frozenset[str], papers: Sequence[_PaperText]
) -> bool:
    """A sentence with no citation may stay only if it states nothing beyond the question and the
    answer's structure: no number, no name but a cited paper's label, no new content word."""
    if numbers_in(text) - {str(number) for number in range(13)}:
        return False
    label_words = {
        word.lower()
        for paper in papers
        for word in re.findall(r"[\w+\-σ]+", short_label(paper.evidence.paper))
    }
    if any(
        name.lower() not in label_words and name.lower() not in " ".join(question_tokens)
        for name in named_terms(text)
    ):
        return False
    labels = frozenset().union(*(paper.label_tokens for paper in papers)) if papers else frozenset()
    extra = [
        token
        for token in bm25.tokenize(text)
        if token not in framing_stems()
        and token not in question_tokens
        and token not in labels
        and token not in FRAMING_TOKENS
    ]
    return not extra


def _is_declared_connective(text: str, papers: Sequence[_PaperText]) -> bool:
    """A sentence its writer declares connective may count the evidence and name its papers, and
    nothing more: no figure but the number of evidence papers, no name that no evidence paper
    uses. Its words are the writer's own business; its citations (none) carry no claim."""
    if numbers_in(text) - {str(len(papers))}:
        return False
    haystack = " ".join(
        f"{paper.evidence.paper.title} {paper.evidence.paper.abstract}" for paper in papers
    ).lower()
    return all(name.lower() in haystack for name in named_terms(text))


def verify(
    draft: Draft,
    evidence: Sequence[Evidence],
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    question: str = "",
) -> Verification:
    """Check every draft sentence against the abstracts it cites (see the module docstring).

    Every decision is a typed verdict (``CheckedSentence.verdict``) with its reason in words
    (``note``); the sentences dropped under ``unsupported = drop`` are kept in ``rejected``.
    """
    papers = {item.paper.id: _prepare(item) for item in evidence}
    question_tokens = frozenset(content_tokens(question)) | frozenset(bm25.tokenize(question))
    removed: list[str] = []
    semantic = _Semantic(embedder)
    plans: list[tuple[int, list[str], _Check, str]] = []  # (draft index, citations, check, status)
    for index, sentence in enumerate(draft.sentences):
        citations = [
            paper_id for paper_id in dict.fromkeys(sentence.citations) if paper_id in papers
        ]
        removed.extend(
            paper_id
            for paper_id in sentence.citations
            if paper_id not in papers and paper_id not in removed
        )
        cited = [papers[paper_id] for paper_id in citations]
        if len(cited) > 1:
            citations = _supporting_citations(sentence.text, citations, papers)
            cited = [papers[paper_id] for paper_id in citations]
        check = _check(sentence.text, cited) if cited else _Check(0.0, False, False)
        if cited and check.hard_ok and check.lexical >= LEXICAL_SUPPORT:
            plans.append((index, citations, check, "supported"))
            continue
        if cited and check.hard_ok and check.lexical >= LEXICAL_FLOOR:
            semantic.ask(index, sentence.text, _closest_sentences(sentence.text, cited))
            if len(cited) > 1:
                semantic.ask_each(
                    index,
                    sentence.text,
                    {
                        paper.evidence.paper.id: _closest_sentences(sentence.text, [paper])
                        for paper in cited
                    },
                )
            plans.append((index, citations, check, "semantic"))
            continue
        if (
            not cited
            and not sentence.citations
            and (
                _is_declared_connective(sentence.text, list(papers.values()))
                if sentence.kind == "connective"
                else _is_connective(sentence.text, question_tokens, list(papers.values()))
            )
        ):
            plans.append((index, [], check, "connective"))
            continue
        plans.append((index, citations, check, "recite"))
    semantic.run()

    checked: list[CheckedSentence] = []
    rejected: list[CheckedSentence] = []
    kept: list[int] = []
    for index, citations, check, status in plans:
        text = draft.sentences[index].text
        cited = [papers[paper_id] for paper_id in citations]
        verdict: CheckedSentence | None = None
        if status == "semantic":
            similarity = semantic.results.get(index)
            if similarity is not None and similarity >= SEMANTIC_SUPPORT:
                verdict = CheckedSentence(
                    text,
                    citations,
                    True,
                    round(similarity, 3),
                    "paraphrase of a cited sentence",
                    "paraphrase",
                )
            elif (
                similarity is not None
                and similarity >= CLOSE_PARAPHRASE
                and check.lexical >= CLOSE_PARAPHRASE_WORDS
            ):
                verdict = CheckedSentence(
                    text,
                    citations,
                    True,
                    round(similarity, 3),
                    "paraphrase: most of its words and its meaning are in a cited sentence",
                    "paraphrase",
                )
            elif _summary_supported(text, cited, semantic.paper_results.get(index, {})):
                verdict = CheckedSentence(
                    text,
                    citations,
                    True,
                    round(check.lexical, 3),
                    "summary: every cited paper states what it says of them",
                    "summary",
                )
            else:
                status = "recite"
        elif status == "supported":
            verdict = CheckedSentence(
                text,
                citations,
                True,
                round(check.lexical, 3),
                "words found in the cited abstract",
                "supported",
            )
        elif status == "connective":
            verdict = CheckedSentence(
                text, [], True, 1.0, "connective: states no claim of its own", "connective"
            )
        if verdict is not None:
            conflict = (
                (_conflict(text, cited) or _unsupported_clause(text, cited)) if cited else None
            )
            if conflict is None:
                checked.append(verdict)
                kept.append(index)
                continue
            # A sentence that contradicts its own cited paper is not moved to another one.
            refused = CheckedSentence(
                text,
                citations,
                False,
                verdict.support_score,
                f"{conflict.verdict.replace('_', ' ')}: {conflict.reason}",
                conflict.verdict,
            )
        else:
            backer = _find_supporter(text, papers, exclude=citations)
            if backer is not None:
                paper_id, score = backer
                reason = "re-cited: " + (
                    f"{', '.join(check.missing)} not in the cited abstract"
                    if check.missing
                    else "the cited abstract does not support it"
                )
                if not citations:
                    reason = "re-cited: it had no valid citation"
                checked.append(
                    CheckedSentence(text, [paper_id], True, round(score, 3), reason, "recited")
                )
                kept.append(index)
                continue
            why = (
                f"{', '.join(check.missing)} not in any evidence abstract"
                if check.missing
                else "no evidence abstract supports it"
            )
            refused = CheckedSentence(
                text,
                citations,
                False,
                round(check.lexical, 3),
                f"unsupported: {why}",
                _unsupported_kind(text, citations, check),
            )
            # Say the sharper thing when the sentence also reverses or overstates its source.
            conflict = _conflict(text, cited) if cited and check.lexical >= LEXICAL_FLOOR else None
            if conflict is not None:
                refused.verdict = conflict.verdict
                refused.note = f"{conflict.verdict.replace('_', ' ')}: {conflict.reason}"
        if settings.unsupported == "mark":
            checked.append(refused)
            kept.append(index)
        else:
            rejected.append(refused)
    return Verification(checked, removed, len(rejected), kept, rejected)


def _unsupported_kind(text: str, citations: Sequence[str], check: _Check) -> VerdictKind:
    if not citations:
        return "uncited"
    if not check.numbers_ok:
        return "unsupported_figure"
    if not check.names_ok:
        return "unsupported_name"
    return "unsupported_claim"


def _conflict(text: str, cited: Sequence[_PaperText]) -> Conflict | None:
    sources = [
        sentence
        for paper in cited
        for sentence in (clean_sentence(paper.evidence.paper.title), *paper.sentences)
    ]
    names = [
        name
        for paper in cited
        for name in (
            paper.evidence.paper.title,
            paper.evidence.paper.title.split(":")[0],  # "No Training, No Problem: Rethinking ..."
            short_label(paper.evidence.paper),
        )
    ]
    return find_conflict(text, sources, " ".join(paper.text for paper in cited), names)


def _unsupported_clause(text: str, cited: Sequence[_PaperText]) -> Conflict | None:
    """A clause of ``text`` whose words its cited abstracts do not hold (a merged claim)."""
    clauses = _CLAUSE_BREAK.split(text)
    if len(clauses) < 2:
        return None
    known = frozenset().union(*(paper.tokens for paper in cited))
    for clause in clauses:
        tokens = _claim_tokens(clause, cited)
        if len(tokens) < CLAUSE_MIN_WORDS:
            continue
        share = _share(tokens, known)
        if share < CLAUSE_SHARE:
            return Conflict(
                "unsupported_claim",
                f'the clause "{clause.strip()[:100]}" is not in the cited abstract',
            )
    return None


def _summary_supported(
    text: str, cited: Sequence[_PaperText], similarities: dict[str, float]
) -> bool:
    """A sentence citing several papers, each of which supports it on its own (its words or its
    meaning), with the numbers and names of the sentence in them together."""
    if len(cited) < 2:
        return False
    tokens = _claim_tokens(text, cited)
    for paper in cited:
        share = _share(tokens, paper.tokens)
        similarity = similarities.get(paper.evidence.paper.id, 0.0)
        if share < SUMMARY_SHARE and similarity < SUMMARY_SEMANTIC:
            return False
    return True


def _supporting_citations(
    text: str, citations: list[str], papers: dict[str, _PaperText]
) -> list[str]:
    """In a sentence citing several papers, keep those that hold a fair share of its words."""
    tokens = _claim_tokens(text, [papers[paper_id] for paper_id in citations])
    if not tokens:
        return citations
    keep = [
        paper_id
        for paper_id in citations
        if _share(tokens, papers[paper_id].tokens) >= CITATION_SHARE
        or papers[paper_id].label_tokens & set(bm25.tokenize(text))
    ]
    return keep or citations


def _find_supporter(
    text: str, papers: dict[str, _PaperText], *, exclude: Sequence[str]
) -> tuple[str, float] | None:
    best: tuple[str, float] | None = None
    for paper_id, paper in papers.items():
        if paper_id in exclude:
            continue
        check = _check(text, [paper])
        if (
            check.hard_ok
            and check.lexical >= LEXICAL_SUPPORT
            and (best is None or check.lexical > best[1])
            and _conflict(text, [paper]) is None
        ):
            best = (paper_id, check.lexical)
    return best
