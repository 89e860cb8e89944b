"""A sentence parsed for the meaning checks: its words, their content stems, and the lexicon.

Shared by the checks of direction and negation (``meaning.py``), of figures (``figures.py``) and
of scope (``scope.py``): each compares a drafted sentence with the sentences of the papers it
cites word by word, and reports a ``Conflict`` with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from assistant import bm25
from assistant.models import VerdictKind
from assistant.text.lexicon import words as lexicon_words

# Words either side of a direction word or figure that say what it is about. Fixed, not a setting:
# it defines a parsed sentence's neighbourhoods, which the figure checks and the negation window
# share (a window tuned for one would silently change the other).
ANCHOR_WINDOW = 4
_WORD = re.compile(r"\d+(?:\.\d+)?|[a-z][a-z']*", re.IGNORECASE)
AUXILIARIES = frozenset(
    [
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "is",
        "are",
        "was",
        "were",
        "does",
        "do",
        "did",
    ]
)


@dataclass(frozen=True)
class Conflict:
    verdict: VerdictKind
    reason: str


@cache
def directions() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    lines = []
    for entry in lexicon_words("directions"):
        left, right = entry.split("|")
        lines.append((frozenset(left.split()), frozenset(right.split())))
    return tuple(lines)


@dataclass(frozen=True)
class DirectionLine:
    """One line of ``lexicon/directions.txt``: two opposite sides, each a family of words. A word
    belongs to a side when the line lists it, or when it is another form of a listed word (the
    same stem, on one side only): "accelerating" with "accelerate", "unreliability" with
    "unreliable", so the list needs no inflection spelled out."""

    sides: tuple[frozenset[str], frozenset[str]]
    stems: tuple[frozenset[str], frozenset[str]]

    def side(self, word: str) -> int | None:
        for index, listed in enumerate(self.sides):
            if word in listed:
                return index
        if word in _not_inflected():
            return None
        stem = _stem(word)
        for index, stems in enumerate(self.stems):
            if stem in stems:
                return index
        return None


@cache
def _not_inflected() -> frozenset[str]:
    return frozenset(lexicon_words("direction_non_forms"))


@cache
def direction_lines() -> tuple[DirectionLine, ...]:
    lines = []
    for left, right in directions():
        left_stems = frozenset(_stem(word) for word in left)
        right_stems = frozenset(_stem(word) for word in right)
        shared = left_stems & right_stems
        lines.append(DirectionLine((left, right), (left_stems - shared, right_stems - shared)))
    return tuple(lines)


@cache
def negators() -> frozenset[str]:
    return frozenset(lexicon_words("negations"))


@cache
def soft_negators() -> frozenset[str]:
    return frozenset(lexicon_words("soft_negations"))


@cache
def framing_stems() -> frozenset[str]:
    """Stems that carry no claim of their own in a sentence about a paper: the writer's framing
    words (``lexicon/claim_framing.txt``) and the verbs it attributes with ("argues", "studies",
    "proposes": strength 1 and 3 in ``lexicon/contribution_verbs.txt``)."""
    verbs = [
        entry.split()[0]
        for entry in lexicon_words("contribution_verbs")
        if len(entry.split()) == 2 and entry.split()[1] in ("1", "3")
    ]
    return frozenset(bm25.tokenize(" ".join([*lexicon_words("claim_framing"), *verbs])))


@cache
def _stem(word: str) -> str:
    tokens = bm25.tokenize(word)
    return tokens[0] if tokens else ""


@cache
def _marked_words() -> frozenset[str]:
    marked = set(negators()) | set(soft_negators()) | set(AUXILIARIES)
    for left, right in directions():
        marked |= left | right
    return frozenset(marked)


# Words a window of neighbours does not count: they sit between a word and what it is about.
FILLER = frozenset(["a", "an", "the", "of", "to", "in", "on", "for", "by", "with", "at", "from"])


@dataclass(frozen=True)
class Text:
    words: tuple[str, ...]  # lowercase, in order
    stems: tuple[str, ...]  # the content stem of each word, "" for stop and marked words
    keys: tuple[str, ...]  # what a negation can apply to: the stem, or a direction word itself

    # (a parsed text is kept once a process and read by every sentence checked against it: what
    # it is computed from is fixed, so each is computed once)
    @cached_property
    def content(self) -> frozenset[str]:
        return frozenset(stem for stem in self.stems if stem)

    @cached_property
    def directed(self) -> tuple[int, ...]:
        """The positions of the words a line of ``directions`` takes a side on, in order."""
        return tuple(position for position, word in enumerate(self.words) if _directional(word))

    def near(self, position: int, window: int = ANCHOR_WINDOW) -> frozenset[str]:
        low, high = max(0, position - window), position + window + 1
        return frozenset(
            stem
            for offset, stem in enumerate(self.stems[low:high], low)
            if stem and offset != position
        )

    def reach(self, position: int, window: int = ANCHOR_WINDOW) -> frozenset[str]:
        """The content stems within ``window`` words either side, not counting articles and
        prepositions ("increasing the value of a temperature-like parameter")."""
        found: set[str] = set()
        for step in (-1, 1):
            counted, offset = 0, position + step
            while 0 <= offset < len(self.words) and counted < window:
                if self.stems[offset]:
                    found.add(self.stems[offset])
                if self.words[offset] not in FILLER:
                    counted += 1
                offset += step
        return frozenset(found)


@lru_cache(maxsize=65_536)
def _directional(word: str) -> bool:
    return any(line.side(word) is not None for line in direction_lines())


@cache
def parse(text: str) -> Text:
    words = tuple(word.lower() for word in _WORD.findall(text))
    parts = [_word_parts(word) for word in words]
    return Text(words, tuple(stem for stem, _ in parts), tuple(key for _, key in parts))


@lru_cache(maxsize=65_536)  # (a word's parts once: a paper's text is parsed whole)
def _word_parts(word: str) -> tuple[str, str]:
    """A lowercase word's content stem ("" for a stop or marked word) and its key."""
    stem = "" if word in _marked_words() or word[0].isdigit() else _stem(word.strip("'-"))
    return stem, stem or (word if word in direction_words() else "")


def content_of(texts: Sequence[str]) -> frozenset[str]:
    """The content stems of several texts together, each text parsed once a process: a paper's
    whole text recurs in every answer citing it, while the texts joined are a new string for each
    set of papers (parsed anew, it was a tenth of a first answer's time)."""
    return frozenset().union(*(parse(text).content for text in texts))


@cache
def direction_words() -> frozenset[str]:
    found: set[str] = set()
    for left, right in directions():
        found |= left | right
    return frozenset(found - set(AUXILIARIES))


def excerpt(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
