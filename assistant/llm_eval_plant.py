"""Known errors planted in copies of a recorded reply, one sentence changed per copy.

Each kind changes one sentence judged supported in the way a model goes wrong: another evidence
paper cited, a figure altered, a sentence from another topic, a direction or a negation flipped,
the scope widened, two papers' claims merged under one citation, two figures swapped, a unit
changed. Planting is seeded, so every run plants the same errors.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.llm_eval_cases import Case
from assistant.models import Draft, Evidence
from assistant.text.lexicon import words as lexicon_words

ERROR_KINDS = (
    "misattribution",
    "altered_figure",
    "fabricated",
    "flipped_direction",
    "flipped_negation",
    "inflated_scope",
    "merged_claim",
    "swapped_figures",
    "unit_swap",
)
# A figure standing alone: not part of "60M", "1/10th", "20 000" or a version number.
_NUMBER = re.compile(r"(?<![\w./])(\d+(?:\.\d+)?)(?![\w./]*\d)(?![A-Za-z/])(?! \d)")


@dataclass
class Planted:
    kind: str
    case: str
    sentence: int  # index in the draft
    original: str
    text: str
    citations: list[str]
    wrong: list[str]  # ids the changed sentence must not keep as supported citations


def _direction_lines() -> list[tuple[list[str], list[str]]]:
    lines = []
    for entry in lexicon_words("directions"):
        left, right = entry.split("|")
        lines.append((left.split(), right.split()))
    return lines


def _flip_direction(text: str) -> str | None:
    for left, right in _direction_lines():
        for side, other in ((left, right), (right, left)):
            for word in side:
                pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
                match = pattern.search(text)
                if match and word not in ("lower", "more", "less"):
                    replacement = _same_inflection(word, other)
                    if match.group(0)[0].isupper():
                        replacement = replacement.capitalize()
                    return text[: match.start()] + replacement + text[match.end() :]
    return None


def _same_inflection(word: str, options: Sequence[str]) -> str:
    """The first of ``options`` inflected like ``word`` (-ing, -ed, -s, -er), else the first."""
    for ending in ("ing", "ed", "er", "s"):
        if word.endswith(ending):
            return next((option for option in options if option.endswith(ending)), options[0])
    bare = [option for option in options if not option.endswith(("ing", "ed", "er", "s"))]
    return bare[0] if bare else options[0]


_NEGATABLE = (
    (re.compile(r"\b(can)\b(?! not)"), "cannot"),
    (re.compile(r"\b(is)\b(?! not)"), "is not"),
    (re.compile(r"\b(are)\b(?! not)"), "are not"),
    (re.compile(r"\b(does)\b(?! not)"), "does not"),
)


def _flip_negation(text: str) -> str | None:
    for pattern, replacement in _NEGATABLE:
        match = pattern.search(text)
        if match:
            return text[: match.start()] + replacement + text[match.end() :]
    cannot = re.search(r"\bcannot\b", text)
    if cannot:
        return text[: cannot.start()] + "can" + text[cannot.end() :]
    negated = re.search(r"\b(is|are|does|do) not\b", text)
    if negated:
        return text[: negated.start()] + negated.group(1) + text[negated.end() :]
    return None


_SCOPE_VERBS = re.compile(
    r"\b(improves|reduces|outperforms|achieves|enables|yields|uses|learns|selects|filters|"
    r"prioritizes|relies|adapts|generates|predicts|captures|matches|leads|provides|combines)\b"
)
_INTRODUCING = re.compile(r"\b(proposes|introduces|presents|develops|designs) (an?)\b")


def _inflate_scope(text: str, cited_text: str) -> str | None:
    lower = cited_text.lower()
    options: list[str] = []
    intro = _INTRODUCING.search(text)
    if intro and "first" not in lower:
        options.append(text[: intro.start(2)] + "the first" + text[intro.end(2) :])
    verb = _SCOPE_VERBS.search(text)
    if verb and "always" not in lower:
        options.append(text[: verb.start()] + "always " + text[verb.start() :])
    baseline = re.search(r"\b(baselines|methods|models|approaches)\b", text)
    if baseline and not re.search(r"\ball\b", lower):
        options.append(text[: baseline.start()] + "all " + text[baseline.start() :])
    if "state-of-the-art" not in lower and re.search(r"\b(performance|results|accuracy)\b", text):
        spot = re.search(r"\b(performance|results|accuracy)\b", text)
        assert spot is not None
        options.append(text[: spot.start()] + "state-of-the-art " + text[spot.start() :])
    return options[0] if options else None


def _alter_figure(text: str, cited_numbers: set[str]) -> str | None:
    for match in _NUMBER.finditer(text):
        number = match.group(1)
        if len(number) == 4 and number.startswith(("19", "20")):  # a year, not a result
            continue
        if "." in number:
            whole, fraction = number.split(".")
            digit = (int(fraction[-1]) + 3) % 10
            changed = f"{whole}.{fraction[:-1]}{digit}"
        else:
            changed = str(int(number) * 2 + 1) if int(number) < 10 else str(int(number) + 7)
        if changed not in cited_numbers:
            return text[: match.start(1)] + changed + text[match.end(1) :]
    return None


_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s?(%|×|x\b|times\b|-fold\b)")


def _swap_unit(text: str) -> str | None:
    match = _UNIT.search(text)
    if not match:
        return None
    unit = match.group(2)
    replacement = "×" if unit == "%" else "%"
    return text[: match.start(2)] + replacement + text[match.end(2) :]


def _swap_figures(text: str) -> str | None:
    found = [
        match
        for match in _NUMBER.finditer(text)
        if not (len(match.group(1)) == 4 and match.group(1).startswith(("19", "20")))
    ]
    distinct: list[re.Match[str]] = []
    for match in found:
        if all(match.group(1) != other.group(1) for other in distinct):
            distinct.append(match)
    if len(distinct) < 2:
        return None
    # Two figures far enough apart to measure different things ("from 24 GB to 1 MB").
    pairs = [
        (a, b)
        for index, a in enumerate(distinct)
        for b in distinct[index + 1 :]
        if len(text[a.end(1) : b.start(1)].split()) >= 2
    ]
    if not pairs:
        return None
    first, second = pairs[0]
    return (
        text[: first.start(1)]
        + second.group(1)
        + text[first.end(1) : second.start(1)]
        + first.group(1)
        + text[second.end(1) :]
    )


def plant_errors(
    case: Case,
    draft: Draft,
    supported: Sequence[int],
    evidence: Sequence[Evidence],
    donors: Sequence[str],
    rng: random.Random,
) -> list[Planted]:
    """At most one planted error of each kind for this case, each from a supported sentence."""
    from assistant.answer.verify import numbers_in

    by_id = {item.paper.id: item.paper for item in evidence}
    planted: list[Planted] = []

    def cited_text(ids: Sequence[str]) -> str:
        return " ".join(f"{by_id[i].title}. {by_id[i].abstract}" for i in ids if i in by_id)

    candidates = [index for index in supported if draft.sentences[index].citations]
    for kind in ERROR_KINDS:
        order = list(candidates)
        rng.shuffle(order)
        for index in order:
            sentence = draft.sentences[index]
            citations = list(sentence.citations)
            text = sentence.text
            others = [paper_id for paper_id in by_id if paper_id not in citations]
            result: tuple[str, list[str], list[str]] | None = None
            if kind == "misattribution" and others:
                wrong = rng.choice(others)
                result = (text, [wrong], [wrong])
            elif kind == "altered_figure":
                changed = _alter_figure(text, numbers_in(cited_text(citations)))
                result = (changed, citations, citations) if changed else None
            elif kind == "fabricated" and donors:
                donor = rng.choice(donors)
                target = rng.choice(citations)
                result = (donor, [target], [target])
            elif kind == "flipped_direction":
                changed = _flip_direction(text)
                result = (changed, citations, citations) if changed else None
            elif kind == "flipped_negation":
                changed = _flip_negation(text)
                result = (changed, citations, citations) if changed else None
            elif kind == "inflated_scope":
                changed = _inflate_scope(text, cited_text(citations))
                result = (changed, citations, citations) if changed else None
            elif kind == "merged_claim" and len(citations) == 1:
                partners = [
                    other
                    for other in candidates
                    if other != index
                    and draft.sentences[other].citations
                    and not set(draft.sentences[other].citations) & set(citations)
                    and len(draft.sentences[other].citations) == 1
                ]
                if partners:
                    partner = draft.sentences[rng.choice(partners)].text.rstrip(" .")
                    partner = (
                        partner[0].lower() + partner[1:] if partner[1:2].islower() else partner
                    )
                    merged = f"{text.rstrip(' .')}, and {partner}."
                    result = (merged, citations, citations)
            elif kind == "swapped_figures":
                changed = _swap_figures(text)
                result = (changed, citations, citations) if changed else None
            elif kind == "unit_swap":
                changed = _swap_unit(text)
                result = (changed, citations, citations) if changed else None
            if result is not None and (result[0], result[1]) != (text, citations):
                planted.append(
                    Planted(kind, case.number, index, text, result[0], result[1], result[2])
                )
                break
    return planted
