"""Grouping papers that work alike: average-link clustering of their tf-idf vectors, so papers
that do similar things stand side by side in an answer."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from assistant.text.tokens import idf
from assistant.writers.views import _PaperView

DocumentFrequency = Callable[[str], int]


# --- grouping papers by what they do ---------------------------------------------------------


class _Weights:
    def __init__(
        self, views: Sequence[_PaperView], frequency: DocumentFrequency | None, size: int | None
    ) -> None:
        self.frequency = frequency
        self.size = size
        self.local: Counter[str] = Counter()
        for view in views:
            self.local.update(set(view.tokens))
        self.count = len(views)

    def idf(self, token: str) -> float:
        if self.frequency is not None and self.size:
            return idf(self.frequency(token), self.size)
        # Four pseudo-documents keep a token found in every paper from weighing nothing.
        return idf(self.local[token], self.count + 4)


def _vectors(
    views: Sequence[_PaperView], weights: _Weights, skip: set[str]
) -> list[dict[str, float]]:
    # Only terms some but not most of the papers share can split them into groups; a term most of
    # them use is the topic itself.
    most = max(2, len(views) // 2) if len(views) >= 4 else len(views)
    vectors = []
    for view in views:
        vector = {
            token: (1 + math.log(count)) * weights.idf(token)
            for token, count in view.tokens.items()
            if token not in skip and 2 <= weights.local[token] <= most
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({token: value / norm for token, value in vector.items()})
    return vectors


def _cosine(left: dict[str, float], right: dict[str, float]) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(value * right.get(token, 0.0) for token, value in left.items())


def group_papers(
    views: Sequence[_PaperView], weights: _Weights, skip: set[str], merge_at: float
) -> list[list[int]]:
    """Average-link agglomerative grouping on shared distinctive terms (tf-idf cosine; two groups
    merge at ``merge_at``); stable, best first."""
    if len(views) <= 2:
        return (
            [list(range(len(views)))]
            if len(views) == 2 and _similar_pair(views, weights, skip, merge_at)
            else [[index] for index in range(len(views))]
        )
    vectors = _vectors(views, weights, skip)
    similarity = [
        [_cosine(vectors[i], vectors[j]) for j in range(len(views))] for i in range(len(views))
    ]
    groups = [[index] for index in range(len(views))]
    while len(groups) > 1:
        best = (-1.0, 0, 0)
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                pairs = [similarity[i][j] for i in groups[a] for j in groups[b]]
                link = sum(pairs) / len(pairs)
                if link > best[0]:
                    best = (link, a, b)
        link, a, b = best
        if link < merge_at:
            break
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
    groups.sort(key=lambda group: (-len(group), group[0]))
    return groups


def _similar_pair(
    views: Sequence[_PaperView], weights: _Weights, skip: set[str], merge_at: float
) -> bool:
    vectors = _vectors(views, weights, skip)
    return _cosine(vectors[0], vectors[1]) >= merge_at


def join_singles(
    views: Sequence[_PaperView],
    weights: _Weights,
    skip: set[str],
    groups: list[list[int]],
    join_at: float,
    keep: Collection[int] = (),
) -> tuple[list[list[int]], dict[tuple[int, ...], list[int]]]:
    """The papers left alone that follow a group of several: each that is closest to that group
    (average link) by ``join_at`` or more, below the bar at which groups merge. A related-work
    paragraph is the papers on one line of work, and "Quamba2 is compatible with W8A8 ... for
    both Mamba1 and Mamba2 backbones" belongs after Mamba, not in a run of unrelated papers at
    the end. A paper in ``keep`` stays alone. Returns the groups without those papers, and who
    follows each group (by its members); the group's lead stays what its own papers share."""
    several = [group for group in groups if len(group) > 1]
    followers: dict[tuple[int, ...], list[int]] = {}
    if not several:
        return groups, followers
    vectors = _vectors(views, weights, skip)

    def link(index: int, group: list[int]) -> float:
        return sum(_cosine(vectors[index], vectors[other]) for other in group) / len(group)

    kept, joining = [], []
    for group in groups:
        if len(group) == 1 and group[0] not in keep:
            best = max(several, key=lambda members: link(group[0], members))
            closeness = link(group[0], best)
            if closeness >= join_at:
                joining.append((-closeness, group[0], tuple(best)))
                continue
        kept.append(group)
    alone = [group for group in kept if len(group) == 1]
    if len(alone) == 1 and alone[0][0] not in keep:
        # one paper left alone would be a paragraph of one sentence after the groups (blind
        # readers marked it down): it follows the group it shares most with, if any
        index = alone[0][0]
        best = max(several, key=lambda members: link(index, members))
        if link(index, best) > 0:
            joining.append((0.0, index, tuple(best)))
            kept = [group for group in kept if group != alone[0]]
    for _, index, members in sorted(joining):  # the closest follows first
        followers.setdefault(members, []).append(index)
    return kept, followers


def average_link(
    views: Sequence[_PaperView],
    weights: _Weights,
    skip: set[str],
    index: int,
    group: Sequence[int],
) -> float:
    """How close one paper is to a group of others: its mean tf-idf cosine to each."""
    vectors = _vectors(views, weights, skip)
    return sum(_cosine(vectors[index], vectors[other]) for other in group) / len(group)


def closest_groups(
    views: Sequence[_PaperView],
    weights: _Weights,
    skip: set[str],
    papers: Sequence[int],
    groups: Sequence[Sequence[int]],
) -> dict[int, list[int]]:
    """Each of ``papers`` by the group (a position in ``groups``) it is closest to, average link;
    a paper that shares nothing with any goes with the last. Related work has a few paragraphs,
    and the papers no line of work took, past the last of them, read better after the one they
    share most with than in a run of unrelated papers at its end."""
    vectors = _vectors(views, weights, skip)
    placed: dict[int, list[int]] = {}
    for index in papers:
        links = [
            sum(_cosine(vectors[index], vectors[other]) for other in group) / len(group)
            for group in groups
        ]
        best = max(range(len(groups)), key=lambda position: (links[position], position))
        placed.setdefault(best if links[best] > 0 else len(groups) - 1, []).append(index)
    return placed
