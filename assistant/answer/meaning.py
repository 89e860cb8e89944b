"""Checks of meaning the verifier runs on a sentence whose words its cited papers do hold.

Shared words are not agreement: "CCE increases the memory footprint" uses every word of "CCE
reduces the memory footprint". These checks compare a drafted sentence with the sentences of the
papers it cites and report a conflict when the draft

- takes the other side of a direction the source states (increase/decrease, outperform/
  underperform, improves/degrades, higher/lower, ...; pairs in ``lexicon/directions.txt``) about
  the same thing (a content word next to both);
- negates what the source asserts, or asserts what it negates ("cannot detect" / "can detect");
- gives a figure of the source with another unit (4× for 4%), or swaps two figures between the
  things they measure;
- widens the claim's scope with a word no cited abstract uses ("all", "always", "the first",
  "state-of-the-art"; ``lexicon/scope.txt``).

Each check prefers letting a sentence through when the sources also state the draft's side: the
verifier's other checks already hold a sentence to its cited words, these only catch reversals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from assistant import bm25
from assistant.models import VerdictKind
from assistant.text.lexicon import words as lexicon_words

ANCHOR_WINDOW = 4  # words either side of a direction word or figure that say what it is about
MIN_SHARED = 3  # content words a source sentence must share with the draft to be about the same
CLOSE_SHARE = 0.35  # a negation flip is judged against a source sentence this close to the draft
MIN_ANCHORS = 2  # content words near both opposite direction words: the same thing reversed
_WORD = re.compile(r"\d+(?:\.\d+)?|[a-z][a-z']*", re.IGNORECASE)
# Words after a negator that do not carry the negated predicate ("is not a ...", "does not use").
_SKIP_AFTER_NEGATOR = frozenset(
    [
        "a",
        "an",
        "the",
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "to",
        "any",
        "its",
        "their",
        "it",
        "this",
        "that",
        "these",
        "those",
        "yet",
        "merely",
        "only",
        "just",
        "necessarily",
        "very",
        "much",
        "so",
        "as",
    ]
)
_AUXILIARIES = frozenset(
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


@dataclass(frozen=True)
class Conflict:
    verdict: VerdictKind
    reason: str


@cache
def _directions() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    lines = []
    for entry in lexicon_words("directions"):
        left, right = entry.split("|")
        lines.append((frozenset(left.split()), frozenset(right.split())))
    return tuple(lines)


@cache
def _negators() -> frozenset[str]:
    return frozenset(lexicon_words("negations"))


@cache
def _soft_negators() -> frozenset[str]:
    return frozenset(lexicon_words("soft_negations"))


@cache
def _scope_words() -> frozenset[str]:
    return frozenset(lexicon_words("scope"))


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
    marked = set(_negators()) | set(_soft_negators()) | set(_AUXILIARIES)
    for left, right in _directions():
        marked |= left | right
    return frozenset(marked)


# Words a window of neighbours does not count: they sit between a word and what it is about.
_FILLER = frozenset(["a", "an", "the", "of", "to", "in", "on", "for", "by", "with", "at", "from"])


@dataclass(frozen=True)
class _Text:
    words: tuple[str, ...]  # lowercase, in order
    stems: tuple[str, ...]  # the content stem of each word, "" for stop and marked words
    keys: tuple[str, ...]  # what a negation can apply to: the stem, or a direction word itself

    @property
    def content(self) -> frozenset[str]:
        return frozenset(stem for stem in self.stems if stem)

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
                if self.words[offset] not in _FILLER:
                    counted += 1
                offset += step
        return frozenset(found)


@cache
def _parse(text: str) -> _Text:
    words = tuple(match.group(0).lower() for match in _WORD.finditer(text))
    marked = _marked_words()
    stems = tuple(
        "" if word in marked or word[0].isdigit() else _stem(word.strip("'-")) for word in words
    )
    directed = _direction_words()
    keys = tuple(
        stem or (word if word in directed else "") for word, stem in zip(words, stems, strict=True)
    )
    return _Text(words, stems, keys)


@cache
def _direction_words() -> frozenset[str]:
    found: set[str] = set()
    for left, right in _directions():
        found |= left | right
    return frozenset(found - set(_AUXILIARIES))


def find_conflict(
    text: str, sources: Sequence[str], cited_text: str, names: Sequence[str] = ()
) -> Conflict | None:
    """The first way ``text`` contradicts or overstates ``sources`` (the sentences of the papers
    it cites; ``cited_text`` is their whole text), or None."""
    draft = _parse(text)
    parsed = [_parse(source) for source in sources]
    related = [
        (source, parsed_source)
        for source, parsed_source in zip(sources, parsed, strict=True)
        if len(draft.content & parsed_source.content) >= min(MIN_SHARED, len(draft.content))
    ]
    # A paper's own name may hold a negation ("No Training, No Problem", "... are not Fair
    # Evaluators"); naming the paper negates nothing.
    plain = text
    for name in sorted(names, key=len, reverse=True):
        if name:
            plain = re.sub(re.escape(name), " ", plain, flags=re.IGNORECASE)
    conflict = (
        _direction_flip(text, draft, related)
        or _negation_flip(plain, _parse(plain), related, _parse(cited_text).content)
        or _figure_conflict(text, draft, related)
    )
    return conflict or _inflated_scope(draft, cited_text)


def _direction_flip(
    text: str, draft: _Text, related: Sequence[tuple[str, _Text]]
) -> Conflict | None:
    for left, right in _directions():
        for position, said in enumerate(draft.words):
            if said in left:
                side, other = left, right
            elif said in right:
                side, other = right, left
            else:
                continue
            # "may either enhance or impair": both directions named, neither claimed.
            if _paired(draft.words, position, other):
                continue
            # Each direction word on its own: "degraded cost and better consistency" has both.
            anchors = draft.reach(position) | _compared_with(draft, position)
            needed = min(MIN_ANCHORS, len(anchors))
            supported, against = False, None
            for source, parsed in related:
                # One shared neighbour is enough in a sentence the draft restates.
                close = len(draft.content & parsed.content) >= CLOSE_SHARE * len(draft.content)
                enough = min(needed, 1) if close else needed
                for i, word in enumerate(parsed.words):
                    if word not in side and word not in other:
                        continue
                    if _paired(parsed.words, i, other if word in side else side):
                        continue
                    around = parsed.reach(i) | _compared_with(parsed, i)
                    if word in side and around & anchors:
                        supported = True
                    elif word in other and against is None and len(around & anchors) >= enough:
                        against = (word, source)
            if against is not None and not supported and needed:
                return Conflict(
                    "contradicted_direction",
                    f"says '{said}' where the cited paper says '{against[0]}': "
                    f'"{_excerpt(against[1])}"',
                )
    return None


def _paired(words: Sequence[str], position: int, opposite: frozenset[str]) -> bool:
    """The direction word at ``position`` is joined to its opposite by "or"/"and"/"nor"
    ("increase or decrease", "enhance or impair"): a choice between directions, not a claim."""
    before = words[max(0, position - 2) : position]
    after = words[position + 1 : position + 3]
    return (len(before) == 2 and before[1] in _JOINING and before[0] in opposite) or (
        len(after) == 2 and after[0] in _JOINING and after[1] in opposite
    )


_JOINING = frozenset(["or", "and", "nor", "versus", "vs"])
# Words a comparison reaches after "than" ("slower estimation than baselines").
COMPARED_REACH = 8


def _compared_with(parsed: _Text, position: int) -> frozenset[str]:
    """What a comparative is measured against: the word after the next "than" ("slower ...
    than baselines" is about the baselines however far apart the words are)."""
    following = parsed.words[position + 1 : position + 1 + COMPARED_REACH]
    if "than" not in following:
        return frozenset()
    at = position + 1 + following.index("than")
    stems = [stem for stem in parsed.stems[at + 1 : at + 3] if stem]
    return frozenset(stems[:1])


def _negated_at(parsed: _Text, position: int) -> bool:
    """A negator governs the word at ``position``: one of the ANCHOR_WINDOW words before it,
    counting only words that carry something ("without the need for any special training":
    "the" and "any" are not counted), or the idiom "yet to" ("yet to be explained")."""
    counted = 0
    for offset in range(position - 1, -1, -1):
        word = parsed.words[offset]
        if (word in _negators() or word in _soft_negators()) and not _restricts(
            parsed.words, offset
        ):
            return True
        if word == "yet" and parsed.words[offset + 1 : offset + 2] == ("to",):
            return True
        if word not in _SKIP_AFTER_NEGATOR:
            counted += 1
            if counted >= ANCHOR_WINDOW:
                return False
    return False


# "not only X but Y", "not merely X": the negator adds a claim rather than denying one.
_RESTRICTING = frozenset(["only", "merely", "just", "simply", "solely"])


def _restricts(words: Sequence[str], position: int) -> bool:
    return words[position] == "not" and words[position + 1 : position + 2] in {
        (word,) for word in _RESTRICTING
    }


def _negation_flip(
    plain: str,
    draft: _Text,
    related: Sequence[tuple[str, _Text]],
    cited: frozenset[str],
) -> Conflict | None:
    targets: list[tuple[int, bool]] = []  # (position of the predicate word, negated in draft)
    for i, word in enumerate(draft.words):
        if word in _negators():
            if _restricts(draft.words, i):
                continue
            for j in range(i + 1, min(len(draft.words), i + 4)):
                if draft.keys[j] and draft.words[j] not in _SKIP_AFTER_NEGATOR:
                    targets.append((j, True))
                    break
        elif (
            word in _AUXILIARIES
            and i + 1 < len(draft.words)
            and draft.keys[i + 1]
            and not _negated_at(draft, i + 1)
        ):
            targets.append((i + 1, False))
    # Negation is judged against the sentences the draft restates (most of its content words),
    # not against any sentence that shares a word: "weaker models cannot match" restates a
    # finding, while "hope that it could allow weaker models to match" states the hope.
    related = [
        (source, parsed)
        for source, parsed in related
        if len(draft.content & parsed.content) >= CLOSE_SHARE * len(draft.content)
    ]
    hard = _unrestated_negation(plain, related, cited)
    if hard is not None:
        return hard
    for position, negated in targets:
        key, word = draft.keys[position], draft.words[position]
        # The same word form when the sources have it ("trained", not "training"), else the stem.
        exact = any(word in parsed.words for _, parsed in related)
        same, opposite = False, None
        for source, parsed in related:
            for i, source_key in enumerate(parsed.keys):
                if source_key != key or (exact and parsed.words[i] != word):
                    continue
                if _negated_at(parsed, i) == negated:
                    same = True
                elif opposite is None:
                    opposite = source
        if opposite is not None and not same:
            word = draft.words[position]
            what = f"negates '{word}'" if negated else f"asserts '{word}'"
            return Conflict(
                "contradicted_negation",
                f'{what} where the cited paper says the opposite: "{_excerpt(opposite)}"',
            )
    return None


_CLAUSE = re.compile(r"[,;:()]|\s(?:but|which|while|whereas|although|though)\s", re.IGNORECASE)
# A negation is about the cited work when more than this share of its clause's words is in it.
NEGATED_CLAUSE_SHARE = 0.5


def _unrestated_negation(
    plain: str, restated: Sequence[tuple[str, _Text]], cited: frozenset[str]
) -> Conflict | None:
    """A negation the sentences the draft restates have no trace of: "The framework is not
    called RLCF" against "The proposed RLCF framework ...". A restriction ("ensures only the
    former") or "yet to" is such a trace. The negated clause must speak of the cited work (or of
    nothing but the paper itself: "The paper is not <title>, which ..."): in "Future Lens does
    not change training but asks whether ...", it sets the paper apart from what it does not do,
    and the sources restate only the rest."""
    traces = set(_negators()) | set(_soft_negators()) | _RESTRICTING
    if not restated or any(
        traces & set(parsed.words) or _yet_to(parsed.words) for _, parsed in restated
    ):
        return None
    for clause in _CLAUSE.split(plain):
        words = _parse(clause).words
        hard = [
            word
            for i, word in enumerate(words)
            if word in _negators() and not _restricts(words, i)
        ]
        content = _parse(clause).content - framing_stems()
        if hard and (
            not content or len(content & cited) > NEGATED_CLAUSE_SHARE * len(content)
        ):
            return Conflict(
                "contradicted_negation",
                f"says '{hard[0]}' where the cited sentences it restates state it without "
                f'negation: "{_excerpt(restated[0][0])}"',
            )
    return None


def _yet_to(words: Sequence[str]) -> bool:
    return any(
        word == "yet" and following == "to" for word, following in zip(words, words[1:], strict=False)
    )


def _figures(text: str) -> list[tuple[str, str]]:
    return [
        (match.group(1), _UNIT_CLASSES.get(match.group(2).lower().split()[0], "other"))
        for match in _FIGURE_UNIT.finditer(text)
    ]


def _figure_conflict(
    text: str, draft: _Text, related: Sequence[tuple[str, _Text]]
) -> Conflict | None:
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


def _swapped_figures(draft: _Text, related: Sequence[tuple[str, _Text]]) -> Conflict | None:
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


def _inflated_scope(draft: _Text, cited_text: str) -> Conflict | None:
    lower = cited_text.lower()
    found: list[tuple[int, str]] = [
        (i, word) for i, word in enumerate(draft.words) if word in _scope_words()
    ]
    # Hyphenated scope words are split by the word pattern; find them as phrases.
    raw = " ".join(draft.words)
    if re.search(r"\bstate of the art\b", raw):
        found.append((-1, "state-of-the-art"))
    for i, word in found:
        following = draft.words[i + 1 : i + 3] if i >= 0 else ()
        # "All three papers ...", "all of these" organise the answer, not a claim.
        if word in ("all", "every") and following[:1] and following[0] in _COUNTING:
            continue
        # "X, Y and Z all work on ...": "all" gathers the papers named before it.
        if word == "all" and following[:1] and following[0] in _GATHERING_VERBS:
            continue
        # "First, ...", "The first presents ...": an ordinal that orders the answer.
        if word == "first" and (i <= 1 or draft.words[i + 1 : i + 2] == ("order",)):
            continue
        forms = _SCOPE_FORMS.get(word, (word,))
        if not any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", lower) for form in forms):
            return Conflict(
                "inflated_scope",
                f"'{word}' claims more than the cited abstract, which never says it",
            )
    return None


_GATHERING_VERBS = frozenset(
    [
        "work",
        "works",
        "use",
        "study",
        "propose",
        "address",
        "focus",
        "share",
        "build",
        "rely",
        "adapt",
        "aim",
        "target",
        "consider",
        "tackle",
        "apply",
        "improve",
        "show",
        "reduce",
        "learn",
        "treat",
    ]
)
# What an abstract may say instead of the scope word and mean the same.
_SCOPE_FORMS = {
    "sota": ("sota", "state-of-the-art", "state of the art"),
    "state-of-the-art": ("sota", "state-of-the-art", "state of the art"),
    "best": ("best", "highest", "top", "leading", "outperform", "outperforms"),
}
_COUNTING = frozenset(
    [
        "of",
        "these",
        "those",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "papers",
        "works",
        "studies",
    ]
)


def _excerpt(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
