"""Word tokens as every stage sees them: lowercase, stop words out, Snowball-stemmed.

BM25, relevance, sentence scoring, the writers and the verifier all count words through this one
function, so a stem means the same thing everywhere.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache


def idf(frequency: int, size: int) -> float:
    """Inverse document frequency, the one formula every stage weighs a word by (relevance, sentence
    scoring, answerability, the writer's grouping, the verifier): log((N + 1) / (df + 0.5))."""
    return math.log((size + 1) / (frequency + 0.5))


_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# The stop words bm25s uses for "en" (sklearn's short list), kept here so queries need no bm25s.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


# Snowball takes "-ize" off a word whose base is long enough, so "tokenization" becomes "token",
# "generalization" "general" and "optimization" "optim" (as "optimal" is): the process reads as
# its root word and "domain generalization" matches "a general framework". Every form of an
# "-ize" word keeps "iz" instead ("tokeniz", "generaliz", "optimiz"); "-isation" is the same
# word spelt the British way. ("-ise" verbs are left alone: "supervised" is not "-ize".)
_IZE = re.compile(r"^(\w{3,}?)(?:iz(?:e|es|ed|ing|er|ers|ation|ations)|isations?)$")


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    own = _own_stems().get(word)
    if own is not None:
        return own
    stem = _snowball(word)
    return _american().get(stem, stem)


@lru_cache(maxsize=1)
def _own_stems() -> dict[str, str]:
    """The words Snowball would stem with a word of another sense ("multiplicity" with
    "multiple", "consistency" with "consists"), each with the stem it keeps instead."""
    from assistant.text.lexicon import words

    return dict(line.split() for line in words("stem_senses"))


def _snowball(word: str) -> str:
    ize = _IZE.match(word)
    if ize:
        return f"{ize.group(1)}iz"
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _american() -> dict[str, str]:
    """The stem of each British spelling ("optimis", "behaviour"), to the stem of its American
    form ("optimiz", "behavior"): one word to every stage, whichever the writer used."""
    from assistant.text.lexicon import words

    pairs = (line.split() for line in words("british_spellings"))
    return {_snowball(british): _snowball(american) for british, american in pairs}


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens (2+ characters), stop words removed, Snowball-stemmed."""
    return list(_tokens(text))


# The same abstracts, titles and sentences are tokenized again by every stage of every answer
# (about 190 times an ask); a copy of the cached tokens costs a fraction of reading them again.
@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_stem(word) for word in _TOKEN.findall(text.lower()) if word not in STOPWORDS)


def sentence_case(text: str) -> str:
    """``text`` with its first letter a capital, as a sentence or a table cell opens; a first word
    already cased inside ("bGPT", "mIoU", "nuScenes") is a name and keeps its case ("BGPT,
    a model with next byte prediction" in a cell; review70)."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if any(character.isupper() for character in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def running_case(text: str) -> str:
    """``text`` as it runs inside a sentence: each word in lower case except a name, a word
    cased inside ("mIoU", "POUF", "BLEU"), which keeps its case ("classification accuracy of
    pouf, miou" in the note under a comparison table; review73)."""
    return " ".join(
        word if any(character.isupper() for character in word[1:]) else word.lower()
        for word in text.split()
    )
