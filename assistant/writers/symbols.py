"""One-letter symbols an answer uses before saying what they stand for.

An abstract names a symbol once ("the state matrix A", "LLM A or B") and uses the letter alone
afterwards; the one sentence an answer quotes may be one of those afterwards ("It involves
conditioning A with a low-rank correction", "... the average entropy of the string under A"),
and the reader never learns what A is (review53: "with 'A' never defined"). The first use in the
answer gets the words the cited abstract writes before the letter where it names it: "conditioning
the state matrix A". They are the abstract's own words, so the claim is unchanged. A letter the
sentence names itself ("the magnitude of the noise T"), one that counts something ("in T steps"),
and one the abstract never names are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from assistant.models import DraftSentence, Paper
from assistant.text.lexicon import words as lexicon_words
from assistant.text.sentences import abstract_sentences

# a capital letter standing alone, after a word in lower case: "under A", "conditioning A"
# (not a title's "In A Three-regime Model", nor a list's "(A)", nor "I")
# (nor a letter of a formula: "when D=1 and ... when D → ∞")
_BARE = re.compile(
    r"(?<=[a-z] )([A-HJ-Z])(?=[\s,.;:)\[]|$)(?!\s+[A-Z])(?!\s+[a-z]+s\b)(?!\s*[=→<>≤≥+*/^])"
)
_FORMULA = re.compile(r"\b[A-Z]\s*[=<>≤≥→]")
# a letter named by the words before it: "the state matrix A", "by LLM A"
_NAMED = re.compile(
    r"\b(?:the|a|an|by|of)\s+((?:[a-z][a-z-]+\s+)?(?:[a-z][a-z-]+|[A-Z]{2,}s?))\s+([A-Z])\b"
    r"(?![\w-])(?!\s+[A-Z][a-z])"
)
# the letter in LaTeX maths: "\( A \)", "$A$"
_MATH = re.compile(r"\\\(\s*([A-Z])\s*\\\)|\$([A-Z])\$")


def name_symbols(
    sentences: list[DraftSentence], papers: Mapping[str, Paper], question: str
) -> list[DraftSentence]:
    """The answer's sentences, each one-letter symbol a cited abstract names spelled with that
    name at its first bare use in the answer. Left as they are: sentences citing several papers
    (whose symbol would it be?), a letter the answer has named already, and one named in words
    the request writes ("Which sequence model conditions its state matrix with ...": the reader
    said what it is, and the answer would echo the request)."""
    done: set[tuple[str, str]] = set()
    result = []
    for sentence in sentences:
        text = sentence.text
        if (
            len(sentence.citations) == 1
            and sentence.citations[0] in papers
            and _FORMULA.search(text) is None
        ):
            paper_id = sentence.citations[0]
            named = _names(papers[paper_id])
            inserts = []  # (offset, name), in the sentence's order; applied from its end
            for match in _BARE.finditer(text):
                letter = match.group(1)
                before = text[: match.start()].split()
                name = named.get(letter)
                if (
                    name is None
                    or (paper_id, letter) in done
                    or not before
                    # ("the magnitude of the noise T": the sentence names it)
                    or not _uses(before[-1])
                    or text[: match.start()].rstrip().endswith(name)
                    or name.lower() in question.lower()
                ):
                    done.add((paper_id, letter))
                    continue
                done.add((paper_id, letter))
                inserts.append((match.start(), name))
            for offset, name in reversed(inserts):
                text = f"{text[:offset]}the {name} {text[offset:]}"
        result.append(
            sentence
            if text == sentence.text
            else DraftSentence(text, sentence.citations, sentence.kind)
        )
    return result


def _names(paper: Paper) -> dict[str, str]:
    """Each letter the abstract names, with the words it writes before the letter where it first
    does: "state matrix" (from "the state matrix \\( A \\)"), "LLM" (from "LLM A or B")."""
    found: dict[str, str] = {}
    for sentence in abstract_sentences(paper.abstract):
        text = _MATH.sub(lambda m: m.group(1) or m.group(2), sentence)
        for match in _NAMED.finditer(text):
            head = match.group(1)
            if match.group(2) in found or any(_uses(word) for word in head.split()):
                continue
            found[match.group(2)] = head
    return found


def _uses(word: str) -> bool:
    """Whether a letter after ``word`` is used, not named: after a preposition or a verb in
    "-ing" ("under A", "conditioning A"; lexicon/symbol_non_names.txt)."""
    lower = word.lower()
    return lower.endswith("ing") or lower in _non_names()


@cache
def _non_names() -> frozenset[str]:
    return frozenset(lexicon_words("symbol_non_names"))
