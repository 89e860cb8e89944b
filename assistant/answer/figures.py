"""Figures checked against the cited sentences: a figure given with another unit (4× for 4%), two
figures swapped between the things they measure or between their units, a change told the other
way round ("from 98.95% to 85.79%" for "from 85.79% to 98.95%"), or a change whose own figures
contradict its verb ("decreases ... from 85.79% to 98.95%")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.parsed import Conflict, Text, direction_lines, parse
from assistant.tuning import VerifySettings

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


def figure_conflict(
    text: str,
    draft: Text,
    related: Sequence[tuple[str, Text]],
    config: VerifySettings | None = None,
    cited_text: str = "",
) -> Conflict | None:
    """The first way the figures of ``text`` contradict the sources it restates (``related``;
    ``cited_text`` is all its cited papers say, where the names it writes are looked up)."""
    config = config or VerifySettings()
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
    return (
        _reversed_change(text, sources, config.change_verb_reach)
        or _swapped_units(text, sources)
        or _swapped(text, related, config.figure_words, cited_text or sources)
    )


# A number written into a name ("CIFAR-10", "ImageNet-256", "AwA2", "ResNet-50") names a dataset
# or a model; it measures nothing, so no other figure can have been swapped with it. Only a name
# both the sentence and its cited text write counts as one: "CUB-18" where the paper has "CUB-200"
# is a figure moved, and the paper's "CUB-200" keeps its 200 for the sentence's moved "200".
_NAME_NUMBER = re.compile(r"\b[A-Za-z][\w]*?[A-Za-z]-?\d+(?:\.\d+)?(?!\.?\d)")
_NUMBER_END = re.compile(r"-?\d+(?:\.\d+)?$")


def _swapped(
    text: str, related: Sequence[tuple[str, Text]], reach: int, cited_text: str
) -> Conflict | None:
    """Two figures exchanged between the things they measure, the numbers of names left out."""
    # (two figures at least to exchange, fewer still once names keep theirs: most sentences
    # have none, and their sources need not be read)
    if sum(word[0].isdigit() for word in parse(text).words) < 2:
        return None
    names = {match.group(0).lower() for match in _NAME_NUMBER.finditer(cited_text)} & {
        match.group(0).lower() for match in _NAME_NUMBER.finditer(text)
    }

    def unnamed(value: str) -> str:
        return _NAME_NUMBER.sub(
            lambda match: (
                _NUMBER_END.sub("", match.group(0))
                if match.group(0).lower() in names
                else match.group(0)
            ),
            value,
        )

    draft = parse(unnamed(text))
    plain = [(source, parse(unnamed(source))) for source, _ in related]
    return _swapped_figures(draft, plain) or _swapped_sides(draft, plain, reach)


# "from 85.79% to 98.95%", "from 24 GB to 1 MB": a change with its start and end.
_CHANGE = re.compile(
    r"\bfrom\s+(\d+(?:\.\d+)?)\s*(%|[A-Za-z×]+)?\s+to\s+(\d+(?:\.\d+)?)\s*(%|[A-Za-z×]+)?",
    re.IGNORECASE,
)


def _reversed_change(text: str, sources: str, verb_reach: int) -> Conflict | None:
    """A change the draft tells the other way round: the cited sentences say "from a to b" and
    never "from b to a", the draft "from b to a"; or the draft's own verb goes against its figures
    ("decreases ... from 85.79% to 98.95%", the verb within ``verb_reach`` words before), when
    both figures have one unit."""
    told = {(match.group(1), match.group(3)) for match in _CHANGE.finditer(sources)}
    increase = next((line for line in direction_lines() if line.side("increase") == 0), None)
    for match in _CHANGE.finditer(text):
        start, end = match.group(1), match.group(3)
        if (end, start) in told and (start, end) not in told:
            return Conflict(
                "contradicted_figure",
                f"says from {start} to {end} where the cited paper says from {end} to {start}",
            )
        same_unit = (match.group(2) or "").lower() == (match.group(4) or "").lower()
        if increase is None or not same_unit or float(start) == float(end):
            continue
        # The verb of the change is in its own clause: "uses less memory, scaling from 8 to 64
        # GPUs" says nothing of which way the GPUs went.
        clause = re.split(r"[,;:()]", text[: match.start()])[-1]
        before = re.findall(r"[A-Za-z]+", clause)[-verb_reach:]
        sides = [side for word in before if (side := increase.side(word.lower())) is not None]
        rising = float(end) > float(start)
        if sides and sides[-1] == (1 if rising else 0):
            return Conflict(
                "contradicted_direction",
                f"says '{[w for w in before if increase.side(w.lower()) is not None][-1]}' of a "
                f"change from {start} to {end}",
            )
    return None


_BARE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\d.]*\s?(?:%|×|x\b|times\b|-fold\b|fold\b))")


def _swapped_units(text: str, sources: str) -> Conflict | None:
    """Two figures that exchanged their units: the draft gives a with a unit and b bare ("10% on
    88.53-Split-CIFAR-100"), the cited sentences give b with that unit and a only bare ("88.53%
    on 10-Split-CIFAR-100")."""
    draft_units = _figures(text)
    if not draft_units:
        return None
    source_units: dict[str, set[str]] = {}
    for number, unit in _figures(sources):
        source_units.setdefault(number, set()).add(unit)
    source_bare = {match.group(1) for match in _BARE.finditer(sources)}
    draft_bare = {match.group(1) for match in _BARE.finditer(text)}
    for number, unit in draft_units:
        if number in source_units or number not in source_bare:
            continue
        for other in draft_bare - {number}:
            if unit in source_units.get(other, set()):
                return Conflict(
                    "contradicted_figure",
                    f"{number} and {other} exchange their units: the cited paper gives {other} "
                    f"as the {unit} figure and {number} without it",
                )
    return None


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
            if (
                a not in source_context
                or b not in source_context
                or frozenset((a, b)) in listed
                or _ordered_alike(draft, related, a, b)
            ):
                continue
            own_a = draft_context[a] - draft_context[b]
            own_b = draft_context[b] - draft_context[a]
            source_a = source_context[a] - source_context[b]
            source_b = source_context[b] - source_context[a]
            kept = len(own_a & source_a) + len(own_b & source_b)
            swapped = len(own_a & source_b) + len(own_b & source_a)
            if swapped > kept and swapped >= 2:
                return _exchanged(a, b)
    return None


def _sides(parsed: Text, figures: set[str], reach: int) -> dict[str, tuple[set[str], set[str]]]:
    """For each of ``figures`` in ``parsed``: the content words before it and after it, up to
    ``reach`` each way and never past another figure ("overall accuracy (82.5%) and rejection
    accuracy (70.0%)": "rejection" is before 70.0, after 82.5)."""
    places = [i for i, word in enumerate(parsed.words) if word[0].isdigit()]
    found: dict[str, tuple[set[str], set[str]]] = {}
    for order, i in enumerate(places):
        word = parsed.words[i]
        if word not in figures:
            continue
        low = places[order - 1] + 1 if order else 0
        high = places[order + 1] if order + 1 < len(places) else len(parsed.words)
        before = [stem for stem in parsed.stems[low:i] if stem][-reach:]
        after = [stem for stem in parsed.stems[i + 1 : high] if stem][:reach]
        left, right = found.setdefault(word, (set(), set()))
        left.update(before)
        right.update(after)
    return found


def _swapped_sides(draft: Text, related: Sequence[tuple[str, Text]], reach: int) -> Conflict | None:
    """Two figures of the draft each sit between the words the source puts around the other: "the
    best overall accuracy, at 70.0%, and ... rejection accuracy at 82.5%" against "overall
    accuracy (82.5%) and rejection accuracy (70.0%)"; "4.7% WER on AMI-IHM, 9.0% WER on
    Switchboard" against "9.0% WER on AMI-IHM, 4.7% WER on Switchboard". What comes before a
    figure is compared with what comes before it in the source, and what follows with what
    follows, so a list keeps its pairing however its items are worded."""
    numbers = {word for word in draft.words if word[0].isdigit() and not _YEAR.match(word)}
    if len(numbers) < 2:
        return None
    mine = _sides(draft, numbers, reach)
    theirs: dict[str, tuple[set[str], set[str]]] = {}
    listed: set[frozenset[str]] = set()
    for _, parsed in related:
        for number, (left, right) in _sides(parsed, numbers, reach).items():
            known = theirs.setdefault(number, (set(), set()))
            known[0].update(left)
            known[1].update(right)
        listed |= _listed(parsed, numbers)
    shown = sorted(number for number in numbers if number in theirs)
    for index, a in enumerate(shown):
        for b in shown[index + 1 :]:
            if frozenset((a, b)) in listed or _ordered_alike(draft, related, a, b):
                continue

            def match(x: str, y: str) -> int:
                return len(mine[x][0] & theirs[y][0]) + len(mine[x][1] & theirs[y][1])

            kept = match(a, a) + match(b, b)
            swapped = match(a, b) + match(b, a)
            if swapped > kept and swapped >= 2:
                return _exchanged(a, b)
    return None


def _ordered_alike(draft: Text, related: Sequence[tuple[str, Text]], a: str, b: str) -> bool:
    """The draft lists ``a`` and ``b`` one right after the other (no figure between them), in the
    order one cited sentence lists them so. Swapping two figures reverses their order; a sentence
    that keeps its source's list while moving its words around ("reductions in fine-tuning (65X)
    and inference time (54X)" told as "65X in fine-tuning and 54X in inference time"; "12%, 9%
    and 14% respectively") has only reworded the list, whatever words now sit next to each."""
    order = _consecutive(draft, a, b)
    return order is not None and any(_consecutive(parsed, a, b) == order for _, parsed in related)


def _consecutive(parsed: Text, a: str, b: str) -> bool | None:
    """Whether ``a`` comes first, when ``a`` and ``b`` each occur once in ``parsed`` with no other
    figure between them; else None."""
    figures = [word for word in parsed.words if word[0].isdigit() and not _YEAR.match(word)]
    if figures.count(a) != 1 or figures.count(b) != 1:
        return None
    first, second = figures.index(a), figures.index(b)
    return first < second if abs(first - second) == 1 else None


def _exchanged(a: str, b: str) -> Conflict:
    return Conflict(
        "contradicted_figure",
        f"{a} and {b} are swapped: the cited paper gives each for what the sentence says of the "
        "other",
    )


def _listed(parsed: Text, numbers: set[str]) -> set[frozenset[str]]:
    """Pairs of figures the source lists together ("73% and 80% ... over Transformers and
    LSTMs"): which goes with which is not in their neighbours."""
    places = [(i, word) for i, word in enumerate(parsed.words) if word in numbers]
    return {
        frozenset((word, other))
        for i, word in places
        for j, other in places
        if other != word
        and abs(i - j) <= 3
        and {"and", "or"} & set(parsed.words[min(i, j) : max(i, j)])
    }
