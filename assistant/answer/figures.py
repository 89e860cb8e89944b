"""Figures checked against the cited sentences: a figure given with another unit (4× for 4%), or
two figures swapped between the things they measure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.parsed import Conflict, Text

_YEAR = re.compile(r"^(19|20)\d\d$")
_UNIT_CLASSES = {
    "%": "percent",
    "percent": "percent",
    "percentage": "percent",
    "points": "percent",
    "pp": "percent",
    "×": "times",
    "x": "times",
    "times": "times",
    "fold": "times",
    "-fold": "times",
    "gb": "memory",
    "mb": "memory",
    "kb": "memory",
    "tb": "memory",
}
_FIGURE_UNIT = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s?(%|×|x\b|times\b|-fold\b|fold\b|percent\b|percentage points\b|"
    r"pp\b|points\b|GB\b|MB\b|KB\b|TB\b)",
    re.IGNORECASE,
)


def _figures(text: str) -> list[tuple[str, str]]:
    return [
        (match.group(1), _UNIT_CLASSES.get(match.group(2).lower().split()[0], "other"))
        for match in _FIGURE_UNIT.finditer(text)
    ]


def figure_conflict(text: str, draft: Text, related: Sequence[tuple[str, Text]]) -> Conflict | None:
    sources = " ".join(source for source, _ in related)
    source_units: dict[str, set[str]] = {}
    for number, unit in _figures(sources):
        source_units.setdefault(number, set()).add(unit)
    for number, unit in _figures(text):
        units = source_units.get(number)
        if units and unit not in units:
            return Conflict(
                "contradicted_figure",
                f"gives {number} as a {unit} figure where the cited paper gives it as "
                f"{'/'.join(sorted(units))}",
            )
    return _swapped_figures(draft, related)


def _swapped_figures(draft: Text, related: Sequence[tuple[str, Text]]) -> Conflict | None:
    """Two figures of the draft each sit next to what the source says of the other."""
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(draft.words):
        if word[0].isdigit() and not _YEAR.match(word):
            positions.setdefault(word, []).append(i)
    numbers = list(positions)
    if len(numbers) < 2:
        return None
    source_context: dict[str, frozenset[str]] = {}
    listed: set[frozenset[str]] = set()  # pairs the source lists together ("73% and 80%")
    for _, parsed in related:
        places = [(i, word) for i, word in enumerate(parsed.words) if word in positions]
        for i, word in places:
            source_context[word] = source_context.get(word, frozenset()) | parsed.near(i)
            listed.update(
                frozenset((word, other))
                for j, other in places
                if other != word
                and abs(i - j) <= 3
                and {"and", "or"} & set(parsed.words[min(i, j) : max(i, j)])
            )
    draft_context = {
        number: frozenset().union(*(draft.near(i) for i in places))
        for number, places in positions.items()
    }
    for a_index, a in enumerate(numbers):
        for b in numbers[a_index + 1 :]:
            if a not in source_context or b not in source_context or frozenset((a, b)) in listed:
                continue
            own_a = draft_context[a] - draft_context[b]
            own_b = draft_context[b] - draft_context[a]
            source_a = source_context[a] - source_context[b]
            source_b = source_context[b] - source_context[a]
            kept = len(own_a & source_a) + len(own_b & source_b)
            swapped = len(own_a & source_b) + len(own_b & source_a)
            if swapped > kept and swapped >= 2:
                return Conflict(
                    "contradicted_figure",
                    f"{a} and {b} are swapped: the cited paper gives each for what the "
                    "sentence says of the other",
                )
    return None
