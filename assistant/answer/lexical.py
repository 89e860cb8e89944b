"""What a sentence's words say about its support: numbers, names and content words.

The lexical half of the verifier (``verify.py``): the numbers and named terms of a sentence must
occur in the abstracts it cites, and the share of its content words they hold measures support.
Framing words ("Another line of work mainly studies ...") carry no claim and are not counted;
forms of one word ("analyses", "analysis") count as the same word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache

from assistant import bm25
from assistant.answer.parsed import framing_stems
from assistant.models import Evidence, Paper
from assistant.text.claims import fix_artefacts
from assistant.text.lexicon import words as lexicon_words
from assistant.text.names import short_label
from assistant.text.query import FRAMING_TOKENS, MODIFIER_SUFFIXES
from assistant.text.sentences import abstract_sentences, clean_sentence

DocumentFrequency = Callable[[str], int]

# Letters two stems must share, one extending the other, to count as forms of one word. Fixed, not
# a setting: it defines what "the same word" means for every lexical share the verifier computes
# (cached per sentence), like the stemmer itself.
STEM_PREFIX = 5


def _words(text: str) -> list[str]:
    return text.split()


_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?!\d)")
_WORD = re.compile(r"[A-Za-zσ][\w+\-σ]*[\w+]|[A-Za-z]")


SENTENCE_START_WORDS = frozenset(
    _words(
        "The It Its This These Their They What How Which Where When While Although However Given "
        "In On For By To With As At From Our We A An Both Each Other Distinctive "
        "Work Papers Some Many Most All "
        "Further Through Based Beyond Despite Since Unlike Using Specifically Moreover Finally "
        "First Second Third"
    )
) | frozenset(word.capitalize() for word in lexicon_words("number_words"))
_OPENING_MARKS = frozenset(".:;!?—(\"“'")


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
        if word[0].isupper() and not inner_capital and word not in SENTENCE_START_WORDS:
            before = text[: match.start()].rstrip()
            capitalised = bool(before) and before[-1] not in _OPENING_MARKS
        if inner_capital or has_digit or capitalised:
            names.add(word)
    return names


# --- support -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaperFacts:
    """What the verifier reads of one paper, the same for every answer citing it."""

    text: str
    lower: str
    tokens: frozenset[str]
    numbers: frozenset[str]
    label_tokens: frozenset[str]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class PaperText(PaperFacts):
    """A cited paper's facts, with the evidence it was cited by."""

    evidence: Evidence


@lru_cache(maxsize=1024)
def paper_text(title: str, abstract: str) -> tuple[str, frozenset[str], frozenset[str]]:
    text = clean_sentence(f"{title}. {abstract}")
    return text, frozenset(bm25.tokenize(text)), frozenset(numbers_in(text))


@lru_cache(maxsize=4096)  # a paper's, whatever the answer: derived once per process
def paper_facts(paper: Paper) -> PaperFacts:
    text, tokens, numbers = paper_text(paper.title, paper.abstract)
    shown = fix_artefacts(text)
    return PaperFacts(
        text=text,
        # the names the writer may show, as the claims' clean-up writes them ("N{+}D" is "N+D"
        # there; a faithful sentence of PFGM++ was refused for it)
        lower=f"{text} {shown}".lower() if shown != text else text.lower(),
        tokens=tokens,
        # ... and its figures ("sim1,400 decisions" is shown "~1,400 decisions")
        numbers=numbers | frozenset(numbers_in(shown)),
        label_tokens=frozenset(bm25.tokenize(short_label(paper))),
        sentences=tuple(
            clean_sentence(sentence) for sentence in abstract_sentences(paper.abstract)
        ),
    )


def prepare(evidence: Evidence) -> PaperText:
    facts = paper_facts(evidence.paper)
    return PaperText(
        **{field.name: getattr(facts, field.name) for field in fields(facts)}, evidence=evidence
    )


def claim_tokens(text: str, papers: Sequence[PaperText]) -> list[str]:
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


def held_share(tokens: Sequence[str], known: frozenset[str]) -> float:
    """The share of ``tokens`` that ``known`` holds (1.0 for no tokens)."""
    return sum(1 for token in tokens if _held(token, known)) / len(tokens) if tokens else 1.0


@dataclass
class Check:
    lexical: float
    numbers_ok: bool
    names_ok: bool
    missing: list[str] = field(default_factory=list)

    @property
    def hard_ok(self) -> bool:
        return self.numbers_ok and self.names_ok


def lexical_check(text: str, papers: Sequence[PaperText]) -> Check:
    """Lexical evidence that ``papers`` (together) support ``text``."""
    tokens = claim_tokens(text, papers)
    known = frozenset().union(*(paper.tokens for paper in papers)) if papers else frozenset()
    lexical = held_share(tokens, known)
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
        and not _compound_found(name, lower)
    )
    return Check(lexical, not missing_numbers, not missing_names, missing_numbers + missing_names)


_ACRONYM = re.compile(r"^([A-Z]{2,6})s?$")


def _spelled_out(name: str, lower: str) -> bool:
    """An acronym the cited text writes out in full: "LLMs" for "large language models"."""
    match = _ACRONYM.match(name)
    if match is None:
        return False
    initials = r"[\s-]+".join(rf"{letter}\w*" for letter in match.group(1).lower())
    return re.search(rf"\b{initials}", lower) is not None


def _compound_found(name: str, lower: str) -> bool:
    """A hyphenated compound of names and ordinary words ("LLM-as-judge", "GPT-4-written"): its
    name parts are in the cited text (as written or spelled out); its ordinary words are counted
    with the sentence's other words, not held to the name check."""
    parts = [part for part in name.split("-") if part]
    names = [part for part in parts if part != part.lower()]
    if len(parts) < 2 or not names or len(names) == len(parts):
        return False
    return all(
        part.lower() in lower or part.lower().rstrip("s") in lower or _spelled_out(part, lower)
        for part in names
    )


def _without_modifier(name: str) -> str:
    """ "Longformer-like", "CFG-based", "RL-trained": the name the modifier is attached to."""
    head, _, tail = name.rpartition("-")
    if head and (tail.lower() in MODIFIER_SUFFIXES or tail.lower() in ("trained", "tuned")):
        return head
    return name


def closest_sentences(text: str, papers: Sequence[PaperText], per_paper: int) -> list[str]:
    """The ``per_paper`` abstract sentences per cited paper that share most words with ``text``
    (settings.verify.candidate_sentences), to be compared by embedding."""
    tokens = set(bm25.tokenize(text))
    scored = [
        (len(tokens & set(bm25.tokenize(sentence))), sentence)
        for paper in papers
        for sentence in paper.sentences
    ]
    scored.sort(key=lambda item: -item[0])
    return [sentence for _, sentence in scored[: per_paper * max(1, len(papers))]]


def is_connective(text: str, question_tokens: frozenset[str], papers: Sequence[PaperText]) -> bool:
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


def is_declared_connective(text: str, papers: Sequence[PaperText]) -> bool:
    """A sentence its writer declares connective may count the evidence and name its papers, and
    nothing more: no figure but the number of evidence papers, no name that no evidence paper
    uses. Its words are the writer's own business; its citations (none) carry no claim."""
    if numbers_in(text) - {str(len(papers))}:
        return False
    haystack = " ".join(
        f"{paper.evidence.paper.title} {paper.evidence.paper.abstract}" for paper in papers
    ).lower()
    return all(name.lower() in haystack for name in named_terms(text))


# Where a comparing sentence passes from one paper to the next: "the dropout paper focuses on X,
# the churn paper on Y, and the FIS paper on Z"; "A does X, whereas B does Y"; "either by X or by
# Y".
_PARTS = re.compile(
    r"[:;]\s+|,\s+(?:and\s+|while\s+|whereas\s+|but\s+)?|\s+(?:whereas|while)\s+|\s+or\s+by\s+",
    re.IGNORECASE,
)


def sentence_parts(text: str, papers: Sequence[PaperText], min_words: int) -> list[str]:
    """The parts of a sentence citing several papers that each say something (``min_words``
    content words or more), to be held each by one cited paper."""
    return [part for part in _PARTS.split(text) if len(claim_tokens(part, papers)) >= min_words]
