"""A group's lead sentence: what the papers of one group have in common, in their own words.

Papers grouped because they work alike share a term of their trade that the rest of the evidence
does not ("sample selection", "speculation heads", "prompt tuning"). The lead names it and the
papers that use it, each cited, before the paragraph says what each one does:

    "Sample selection is common to DeYO, Open-Set TTA and EATA [a][b][c]."

The term is taken verbatim from the sentences in which each paper says what it does (never from
its background), must occur in every paper the lead cites, must say more than the question
already does, and must be rare in the collection (a term most abstracts use is no common thread).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from assistant import bm25
from assistant.models import DraftSentence
from assistant.text.lexicon import words
from assistant.text.tokens import STOPWORDS, idf
from assistant.writers.views import _GENERIC, _PaperView

DocumentFrequency = Callable[[str], int]

_LEAD_ROLES = frozenset(("contribution", "method"))
# Endings of a word that modifies rather than names (past participles, adverbs, adjectives).
_MODIFIER_END = re.compile(r"(?:ed|ly|ble|ous|ful|ive)$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*")
# A term of the trade: two or three words (a single word is rarely specific, four is a clause);
# fixed, as what a "term" is.
_SHORTEST, _LONGEST = 2, 3
# How rare a term's words must be: settings.writer.lead_common_share / lead_ubiquitous_share.


@dataclass(frozen=True)
class _Term:
    stems: tuple[str, ...]
    surface: str  # as a paper writes it, mid-sentence where one does (so its case is its own)
    members: tuple[int, ...]  # indices into the group's views that use it
    weight: float


@dataclass(frozen=True)
class Lead:
    """A lead sentence and the stems of the term it names (so what follows need not repeat it)."""

    sentence: DraftSentence
    stems: tuple[str, ...]


def group_lead(
    views: Sequence[_PaperView],
    skip: set[str],
    *,
    document_frequency: DocumentFrequency | None,
    collection_size: int | None,
    common_share: float,
    ubiquitous_share: float,
) -> Lead | None:
    """The lead sentence for one group of two or more papers, or None when they share no term
    that would tell the reader something."""
    if len(views) < 2:
        return None
    found: dict[tuple[str, ...], _Term] = {}
    for position, view in enumerate(views):
        for stems, surface in _terms(view):
            term = found.get(stems)
            if term is None:
                found[stems] = _Term(stems, surface, (position,), 0.0)
                continue
            members = term.members if position in term.members else (*term.members, position)
            # a sentence-initial "Sample selection" gives way to a mid-sentence spelling
            kept = surface if term.surface.startswith("^") else term.surface
            found[stems] = _Term(stems, kept, members, 0.0)
    candidates = []
    for term in found.values():
        if len(term.members) < 2 or all(stem in skip for stem in term.stems):
            continue
        if any(stem in _GENERIC or stem in _fluff() for stem in (term.stems[0], term.stems[-1])):
            continue
        if _MODIFIER_END.search(term.surface):
            continue  # "carried out", "widely applicable": a term of the trade ends on a noun
        rarity = [_idf(stem, document_frequency, collection_size) for stem in term.stems]
        if collection_size and (
            max(rarity) < math.log(1 / common_share) or min(rarity) < math.log(1 / ubiquitous_share)
        ):
            continue
        weight = len(term.members) * 10 + sum(rarity) / len(rarity)
        candidates.append(_Term(term.stems, term.surface, term.members, weight))
    if not candidates:
        return None
    best = max(candidates, key=lambda term: (term.weight, len(term.stems)))
    cited = [views[index] for index in sorted(best.members)]
    labels = [view.label for view in cited]
    joined = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    surface = _own_case(best.surface)
    verb = "are" if re.search(r"[^su]s$", surface) else "is"  # "draft heads are", "BLEU score is"
    text = f"{surface[:1].upper()}{surface[1:]} {verb} common to {joined}"
    return Lead(DraftSentence(text, [view.paper.id for view in cited]), best.stems)


def _terms(view: _PaperView) -> list[tuple[tuple[str, ...], str]]:
    """Every run of two or three words of the sentences in which the paper says what it does,
    as (stems, surface); runs across punctuation or starting/ending on a stop word are no terms.
    A run that opens its sentence is marked with a leading "^" (its capital may not be its own)."""
    out: list[tuple[tuple[str, ...], str]] = []
    for index, sentence in enumerate(view.sentences):
        if view.roles[index] not in _LEAD_ROLES:
            continue
        for number, piece in enumerate(re.split(r"[,.;:()\[\]\"']", sentence)):
            tokens = _WORD.findall(piece)
            for length in range(_SHORTEST, _LONGEST + 1):
                for start in range(len(tokens) - length + 1):
                    run = tokens[start : start + length]
                    if run[0].lower() in STOPWORDS or run[-1].lower() in STOPWORDS:
                        continue
                    stems = tuple(bm25.tokenize(" ".join(run)))
                    if len(stems) != length:
                        continue  # a stop word inside ("test of time") is no term
                    initial = number == 0 and start == 0
                    out.append((stems, ("^" if initial else "") + " ".join(run)))
    return out


def _idf(stem: str, frequency: DocumentFrequency | None, size: int | None) -> float:
    if frequency is None or not size:
        return 1.0
    return idf(frequency(stem), size)


def _own_case(surface: str) -> str:
    """ "^Sample selection" (sentence-initial) -> "sample selection"; "CLIP reward", "Fisher
    regularizer" met mid-sentence keep their capitals."""
    if not surface.startswith("^"):
        return surface
    first, _, rest = surface[1:].partition(" ")
    if sum(character.isupper() for character in first) < 2:
        first = first.lower()
    return f"{first} {rest}" if rest else first


@cache
def _fluff() -> frozenset[str]:
    return frozenset(bm25.tokenize(" ".join(words("lead_fluff"))))
