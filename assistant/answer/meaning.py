"""Checks of meaning the verifier runs on a sentence whose words its cited papers do hold.

Shared words are not agreement: "CCE increases the memory footprint" uses every word of "CCE
reduces the memory footprint". These checks compare a drafted sentence with the sentences of the
papers it cites and report a conflict when the draft

- takes the other side of a direction the source states (increase/decrease, outperform/
  underperform, improves/degrades, higher/lower, ...; word families in ``lexicon/directions.txt``,
  any form of a listed word) about the same thing: the cited sentence whose words around its
  direction word are most those around the draft's decides;
- negates what the source asserts, or asserts what it negates ("cannot detect" / "can detect"),
  judged clause by clause against the cited sentences each clause restates;
- gives a figure of the source with another unit (4× for 4%), swaps two figures between the
  things they measure or between their units, or tells a change the other way round;
- widens the claim's scope with a word no cited abstract uses ("all", "always", "the first",
  "state-of-the-art"; ``lexicon/scope.txt``).

Each check prefers letting a sentence through when the sources also state the draft's side: the
verifier's other checks already hold a sentence to its cited words, these only catch reversals.
Direction and negation are judged here; figures in ``figures.py``, scope in ``scope.py``, on the
parsed form of ``parsed.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from assistant.answer.figures import figure_conflict
from assistant.answer.lexical import held_share
from assistant.answer.parsed import (
    ANCHOR_WINDOW,
    AUXILIARIES,
    FILLER,
    Conflict,
    DirectionLine,
    Text,
    content_of,
    direction_lines,
    excerpt,
    framing_stems,
    negators,
    parse,
    soft_negators,
)
from assistant.answer.scope import inflated_scope
from assistant.text.patterns import compiled
from assistant.tuning import VerifySettings

__all__ = ["Conflict", "find_conflict", "framing_stems", "unfounded_negation"]

# The thresholds (min_shared, close_share, min_anchors, compared_reach, negated_clause_share) are
# settings.verify (assistant/tuning/writing.py), each described there.
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


def find_conflict(
    text: str,
    sources: Sequence[str],
    cited_texts: Sequence[str],
    names: Sequence[str] = (),
    config: VerifySettings | None = None,
) -> Conflict | None:
    """The first way ``text`` contradicts or overstates ``sources`` (the sentences of the papers
    it cites; ``cited_texts`` is the whole text of each), or None."""
    config = config or VerifySettings()
    cited_text = " ".join(cited_texts)
    draft = parse(text)
    parsed = [parse(source) for source in sources]
    related = [
        (source, parsed_source)
        for source, parsed_source in zip(sources, parsed, strict=True)
        if len(draft.content & parsed_source.content) >= min(config.min_shared, len(draft.content))
    ]
    # A paper's own name may hold a negation ("No Training, No Problem", "... are not Fair
    # Evaluators"); naming the paper negates nothing.
    plain = text
    for name in sorted(names, key=len, reverse=True):
        # (a name the sentence does not write builds no pattern: most of the titles it is given)
        if name and name.lower() in plain.lower():
            plain = compiled(re.escape(name), re.IGNORECASE).sub(" ", plain)
    conflict = (
        _denied_name(text, names)
        or _direction_flip(text, draft, related, config)
        or _negation_flip(
            plain, parse(plain), related, parsed, sources, content_of(cited_texts), config
        )
        or figure_conflict(text, draft, related, config, cited_text)
    )
    return conflict or inflated_scope(draft, cited_text, text)


_IS_NOT = re.compile(r"\b(?:is|are|was|were)\s+not\s", re.IGNORECASE)


def _denied_name(text: str, names: Sequence[str]) -> Conflict | None:
    """The sentence denies being the work it cites ("The recognizer is not SpeechStew [speechstew]",
    "The paper is not 'Unlock Predictable Scaling ...'"): a citation is the claim that the cited
    paper is what the sentence speaks of, so "is not <its name>" contradicts it."""
    if _IS_NOT.search(text) is None:
        return None  # (most sentences deny nothing: no pattern per name to build)
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 3:
            continue
        denial = re.compile(
            r"\b(?:is|are|was|were)\s+not\s+(?:the\s+|a\s+|an\s+)?[\"“']?"
            + re.escape(name)
            + r"\b",
            re.IGNORECASE,
        )
        if denial.search(text):
            return Conflict("contradicted_negation", f"denies being {name!r}, the paper it cites")
    return None


def _direction_flip(
    text: str, draft: Text, related: Sequence[tuple[str, Text]], config: VerifySettings
) -> Conflict | None:
    reach = config.compared_reach
    for line in direction_lines():
        for position in draft.directed:  # (no other word has a side on any line)
            said = draft.words[position]
            side = line.side(said)
            if side is None or _bounds_a_figure(draft.words, position):
                continue
            turned = _polarity(draft.words, position, side)
            if turned is None:
                continue
            side = turned
            # "may either enhance or impair": both directions named, neither claimed.
            if _paired(draft.words, position, line, 1 - side):
                continue
            # Each direction word on its own: "degraded cost and better consistency" has both.
            anchors = draft.reach(position) | _compared_with(draft, position, reach)
            adjacent = draft.reach(position, 1)
            needed = min(config.min_anchors, len(anchors))
            if not needed:
                continue
            # The cited sentences that speak most of the same thing decide: "increasing the
            # success rate from 85.79% to 98.95%" outweighs a "reducing the number of model
            # calls" that shares one word with the draft, and "higher embedding parameters" is
            # contradicted by "fewer embedding parameters" whatever "more" the abstract says
            # elsewhere. When the sources say both of about as much ("increases perplexity for
            # most tokens ... the overall perplexity is lower"), the draft may take either.
            same, against = 0, (0, "", "")
            for source, parsed in related:
                # One shared neighbour is enough in a sentence the draft restates.
                close = len(draft.content & parsed.content) >= config.close_share * len(
                    draft.content
                )
                enough = min(needed, 1) if close else needed
                for i in parsed.directed:
                    word = parsed.words[i]
                    found = line.side(word)
                    if (
                        found is None
                        or _bounds_a_figure(parsed.words, i)
                        or _paired(parsed.words, i, line, 1 - found)
                    ):
                        continue
                    turned = _polarity(parsed.words, i, found)
                    if turned is None:
                        continue
                    found = turned
                    around = parsed.reach(i) | _compared_with(parsed, i, reach)
                    # The words next to each direction word count twice: "fewer extra
                    # parameters" is about what "10000X fewer extra parameters" is about, not
                    # what "higher speed-ups" is, in the same window.
                    shared = len(around & anchors) + len(parsed.reach(i, 1) & adjacent)
                    if found == side:
                        same = max(same, shared)
                    elif shared >= enough and shared > against[0]:
                        against = (shared, word, source)
            if against[0] > same + (config.direction_margin if same else 0):
                return Conflict(
                    "contradicted_direction",
                    f"says '{said}' where the cited paper says '{against[1]}': "
                    f'"{excerpt(against[2])}"',
                )
    return None


def _polarity(words: Sequence[str], position: int, side: int) -> int | None:
    """The side a direction word takes where it stands: a "not" right before it (an auxiliary,
    "any" or one modifier between) turns it ("are not inconsistent" says consistent, "does not
    improve" says no improvement); "not only improves" still improves. None when a "not" a few
    words further back may or may not govern it ("do not exhibit corresponding improvements"):
    a reading either way could call a faithful sentence contradicted."""
    tight = False
    between = 0  # one modifier may stand between: "no corresponding improvement"
    for offset in range(position - 1, max(-1, position - 5), -1):
        word = words[offset]
        if word in negators():
            tight = not _restricts(words, offset)
            break
        if word in _SKIP_AFTER_NEGATOR:
            continue
        between += 1
        if between > 1 or word in _CLAUSE_WORDS:
            break
    loose = any(
        words[offset] in negators() and not _restricts(words, offset)
        for offset in range(max(0, position - _NEGATION_REACH), position)
    )
    if tight != loose:
        return None
    return 1 - side if tight else side


_NEGATION_REACH = 4


# words that end the reach of a "not" before a direction word ("does not need X and improves")
_CLAUSE_WORDS = frozenset(["and", "or", "but", "while", "whereas", "which", "that", "yet"])


def _bounds_a_figure(words: Sequence[str], position: int) -> bool:
    """ "from less than 1% to more than 92%", "fewer than 10 steps": the word bounds the figure
    after "than", it says no direction of a change (the figures and the verb do)."""
    following = words[position + 1 : position + 3]
    return (
        len(following) == 2
        and following[0] == "than"
        and re.fullmatch(r"[\d.,]+", following[1]) is not None
    )


def _paired(words: Sequence[str], position: int, line: DirectionLine, opposite: int) -> bool:
    """The direction word at ``position`` is joined to its opposite by "or"/"and"/"nor"
    ("increase or decrease", "enhance or impair"): a choice between directions, not a claim; or
    set against it ("decreased rather than increased"): the draft names both, and the sources
    may say either."""
    for joining in _JOINING:
        span = len(joining)
        before = words[max(0, position - span - 1) : position]
        after = words[position + 1 : position + span + 2]
        if (tuple(before[1:]) == joining and line.side(before[0]) == opposite) or (
            tuple(after[:-1]) == joining and line.side(after[-1]) == opposite
        ):
            return True
    return False


_JOINING = frozenset(
    [("or",), ("and",), ("nor",), ("versus",), ("vs",), ("rather", "than"), ("instead", "of")]
)


def _compared_with(parsed: Text, position: int, reach: int) -> frozenset[str]:
    """What a comparative is measured against: the examples it lists ("outperforming
    state-of-the-art methods such as EAGLE-2 and HASS"), else the word after the next "than"
    ("slower ... than baselines" is about the baselines however far apart the words are)."""
    following = parsed.words[position + 1 : position + 1 + reach]
    for at, pair in enumerate(pairwise([*following, ""]), position + 1):
        opening = 2 if pair in _EXAMPLES_OF else 1 if pair[0] == "including" else 0
        if opening:
            start = at + opening
            return frozenset(
                stem for stem in parsed.stems[start : start + _LISTED_EXAMPLES] if stem
            )
    if "than" not in following:
        return frozenset()
    at = position + 1 + following.index("than")
    stems = [stem for stem in parsed.stems[at + 1 : at + 3] if stem]
    return frozenset(stems[:1])


# "such as" / "e.g." (and "including", one word) open the list of what a comparison is against;
# its first few stems are the names (fixed: a list longer than this names the field, not rivals)
_EXAMPLES_OF = frozenset([("such", "as"), ("e", "g")])
_LISTED_EXAMPLES = 6


def _negated_at(parsed: Text, position: int) -> bool:
    """A negator governs the word at ``position``: one of the ANCHOR_WINDOW words before it,
    counting only words that carry something ("without the need for any special training":
    "the" and "any" are not counted), or the idiom "yet to" ("yet to be explained")."""
    counted = 0
    for offset in range(position - 1, -1, -1):
        word = parsed.words[offset]
        if (word in negators() or word in soft_negators()) and not _restricts(parsed.words, offset):
            return True
        if word == "yet" and parsed.words[offset + 1 : offset + 2] == ("to",):
            return True
        if word not in _SKIP_AFTER_NEGATOR:
            counted += 1
            if counted >= ANCHOR_WINDOW:
                return False
    return False


def _negated_subject(parsed: Text, position: int, reach: int) -> bool:
    """The auxiliary at ``position`` follows a negated subject ("no process annotations from
    humans or GPTs are needed", "none of them is"; within ``reach`` words): what it asserts is
    denied."""
    before = parsed.words[max(0, position - reach) : position]
    return any(word in _SUBJECT_NEGATORS for word in before)


def _subject_denies(parsed: Text, position: int) -> bool:
    """The word at ``position`` is in the predicate of an auxiliary whose subject is negated (any
    auxiliary before it): "no amount of inference scaling of weaker models can enable them to
    match a sufficiently strong model" denies matching a strong model as "weaker models cannot
    match a sufficiently strong model" does."""
    return any(
        parsed.words[j] in AUXILIARIES and _negated_subject(parsed, j, _SUBJECT_REACH)
        for j in range(position)
    )


# Words before an auxiliary in which a negated subject denies it, where no settings reach
# (a trace found in a cited sentence); settings.verify.subject_reach's default.
_SUBJECT_REACH = VerifySettings().subject_reach

# The negators that deny a subject.
_SUBJECT_NEGATORS = frozenset(["no", "none", "neither", "nothing", "nobody"])

# "not only X but Y", "not merely X": the negator adds a claim rather than denying one.
_RESTRICTING = frozenset(["only", "merely", "just", "simply", "solely"])


def _restricts(words: Sequence[str], position: int) -> bool:
    return words[position] == "not" and words[position + 1 : position + 2] in {
        (word,) for word in _RESTRICTING
    }


def _negation_flip(
    plain: str,
    draft: Text,
    related: Sequence[tuple[str, Text]],
    parsed_sources: Sequence[Text],
    sources: Sequence[str],
    cited: frozenset[str],
    config: VerifySettings,
) -> Conflict | None:
    targets: list[tuple[int, bool]] = []  # (position of the predicate word, negated in draft)
    for i, word in enumerate(draft.words):
        if word in negators():
            if _restricts(draft.words, i):
                continue
            for j in range(i + 1, min(len(draft.words), i + 4)):
                if draft.keys[j] and draft.words[j] not in _SKIP_AFTER_NEGATOR:
                    targets.append((j, True))
                    break
        elif (
            word in AUXILIARIES
            and i + 1 < len(draft.words)
            and draft.keys[i + 1]
            and not _negated_at(draft, i + 1)
            and not _negated_subject(draft, i, config.subject_reach)
        ):
            targets.append((i + 1, False))
    # Negation is judged against the sentences the draft restates (most of its content words),
    # not against any sentence that shares a word: "weaker models cannot match" restates a
    # finding, while "hope that it could allow weaker models to match" states the hope.
    related = [
        (source, parsed)
        for source, parsed in related
        if len(draft.content & parsed.content) >= config.close_share * len(draft.content)
    ]
    hard = _unrestated_negation(
        plain, related, list(zip(sources, parsed_sources, strict=True)), cited, config
    )
    if hard is not None:
        return hard
    restating = list(zip(sources, parsed_sources, strict=True))
    for position, negated in targets:
        key, word = draft.keys[position], draft.words[position]
        # A sentence joining several findings restates a different source sentence in each
        # clause ("argues that prior SSMs cannot express AR processes and instead parameterizes
        # ..."): the polarity of a predicate is also judged against the sentences that restate
        # the words around it, as a negation is (_unrestated_negation), not only against those
        # that restate the whole sentence.
        focus = draft.reach(position) - framing_stems()
        local = (
            [
                (source, parsed)
                for source, parsed in restating
                if len(focus & parsed.content) > config.negated_clause_share * len(focus)
                and all(source != other for other, _ in related)
            ]
            if len(focus) >= config.min_shared
            else []
        )
        judged = [*related, *local]
        # The same word form when the sources have it ("trained", not "training"), else the stem.
        exact = any(word in parsed.words for _, parsed in judged)
        same, opposite = False, None
        for number, (source, parsed) in enumerate(judged):
            for i, source_key in enumerate(parsed.keys):
                # A sentence restating only the words around the predicate must use the word
                # itself: "no customized forecasting head" does not deny that a model forecasts.
                if (exact or number >= len(related)) and parsed.words[i] != word:
                    continue
                # Another form of the word when the sources lack its own ("apply", "applicable").
                if source_key != key and (
                    exact or not source_key or not _held(source_key, frozenset([key]))
                ):
                    continue
                # "no amount of scaling weaker models can enable them to match" denies matching
                # as "weaker models cannot match" does; a negated subject only ever agrees with
                # a negation, its reach being too loose to call an assertion a flip.
                if _negated_at(parsed, i) == negated or (negated and _subject_denies(parsed, i)):
                    same = True
                elif opposite is None:
                    opposite = source
        if opposite is not None and not same:
            word = draft.words[position]
            what = f"negates '{word}'" if negated else f"asserts '{word}'"
            return Conflict(
                "contradicted_negation",
                f'{what} where the cited paper says the opposite: "{excerpt(opposite)}"',
            )
    return None


_CLAUSE = re.compile(r"[,;:()]|\s(?:but|which|while|whereas|although|though)\s", re.IGNORECASE)


def _unrestated_negation(
    plain: str,
    restated: Sequence[tuple[str, Text]],
    sources: Sequence[tuple[str, Text]],
    cited: frozenset[str],
    config: VerifySettings,
) -> Conflict | None:
    """A negation the cited sentences its clause restates have no trace of: "The framework is not
    called RLCF" against "The proposed RLCF framework ...". A negation of one of the words it
    governs, a restriction ("ensures only the former") or "yet to" is such a trace.

    Each negation is judged against the sentences that restate what it governs (most of the
    content words around it), not the whole draft: a sentence joining three findings ("O3
    decides ..., does not rely on any retained data, and achieves ...") restates a different
    sentence in each clause, and only the one it negates must carry the negation. A negation no
    cited sentence restates ("..., but it does not predict multiple tokens at once") sets the
    paper apart from what it does not do; the lexical checks judge it, not this one. A negation
    with fewer content words around it than settings.verify.min_shared ("The paper is not
    <title>, which ...") is judged against the sentences the whole draft restates. The negated clause must speak of the cited work: in
    "Future Lens does not change training but asks whether ...", the sources restate only the
    rest."""
    share = config.negated_clause_share
    for clause in _CLAUSE.split(plain):
        parsed_clause = parse(clause)
        words = parsed_clause.words
        hard = [
            i for i, word in enumerate(words) if word in negators() and not _restricts(words, i)
        ]
        if not hard:
            continue
        content = parsed_clause.content - framing_stems()
        if content and len(content & cited) <= share * len(content):
            continue
        # What the negation governs: the content words around the negator ("does not suffer
        # from CO"), not the rest of its clause ("even in ... long training schedules").
        focus = parsed_clause.reach(hard[0]) - framing_stems()
        witnesses = (
            [
                (source, parsed)
                for source, parsed in sources
                if len(focus & parsed.content) > share * len(focus)
            ]
            if len(focus) >= config.min_shared
            else list(restated)
        )
        # ... and the trace must negate what the negator governs, the words after it ("are not
        # commonly adopted"), not the words before it that the witness merely shares ("without a
        # proportional increase" is no trace of "not commonly adopted to increase capacity")
        governed = _governed(parsed_clause, hard[0])
        # (a predicate no witness writes, "there is no free lunch", denies nothing they assert)
        restates = any(
            _held(key, governed) for _, parsed in witnesses for key in parsed.keys if key
        )
        traced = governed if restates else (focus if len(focus) >= config.min_shared else None)
        if not witnesses or any(_negation_trace(parsed, traced) for _, parsed in witnesses):
            continue
        return Conflict(
            "contradicted_negation",
            f"says '{words[hard[0]]}' where the cited sentences it restates state it without "
            f'negation: "{excerpt(witnesses[0][0])}"',
        )
    return None


def _governed(parsed: Text, position: int) -> frozenset[str]:
    """The predicate a negator at ``position`` denies: the content words right after it, past
    the ones that carry nothing ("is not shown to be equivalent": "equivalent"), up to the
    first preposition ("not commonly adopted | to increase ..."), at most _GOVERNED_WORDS."""
    found: list[str] = []
    for offset in range(position + 1, min(len(parsed.words), position + 1 + ANCHOR_WINDOW * 2)):
        # (the key: a direction word has no content stem, "does not reduce" denies "reduce")
        word, stem = parsed.words[offset], parsed.keys[offset]
        if found and (word in FILLER or word in _SKIP_AFTER_NEGATOR):
            break
        if stem and stem not in framing_stems():
            found.append(stem)
            if len(found) >= _GOVERNED_WORDS:
                break
    return frozenset(found)


_GOVERNED_WORDS = 2


def _negation_trace(parsed: Text, focus: frozenset[str] | None) -> bool:
    """``parsed`` negates or restricts something: with ``focus``, one of those words ("does not
    rely on any retained data" for the focus "rely retained data"), else anything at all."""
    if focus is None:
        return bool(
            (negators() | soft_negators() | _RESTRICTING) & set(parsed.words)
            or _yet_to(parsed.words)
        )
    # A restriction traces a negation of what it restricts, the words around it ("ensures only
    # the former" denies ensuring the rest), not of anything else its sentence says: "learns
    # just a few key parameters and freezes the rest" is no trace of "cannot be stored".
    if any(
        (word in _RESTRICTING or (word == "yet" and parsed.words[i + 1 : i + 2] == ("to",)))
        and any(_held(stem, focus) for stem in parsed.near(i))
        for i, word in enumerate(parsed.words)
    ):
        return True
    # Any form of a focus word: "many existing algorithms do not apply" is traced by "are not
    # applicable" (stems "appli" and "applic", one extending the other; lexical.STEM_PREFIX).
    return any(
        key and _held(key, focus) and (_negated_at(parsed, i) or _subject_denies(parsed, i))
        for i, key in enumerate(parsed.keys)
    )


def _held(stem: str, focus: frozenset[str]) -> bool:
    return held_share([stem], focus) == 1.0


def _yet_to(words: Sequence[str]) -> bool:
    return any(word == "yet" and following == "to" for word, following in pairwise(words))


def unfounded_negation(text: str, sources: Sequence[str]) -> bool:
    """``text`` negates something ("how much is not speculated") and no source sentence negates
    what it negates (a content word around the negator, in any form):
    a sentence in the writer's own words, checked against the sentences it sums up rather than
    one it restates, may not bring a negation they lack."""
    draft = parse(text)
    hard = [
        i
        for i, word in enumerate(draft.words)
        if word in negators() and not _restricts(draft.words, i)
    ]
    if not hard:
        return False
    # What a negator denies follows it ("is not fragile", "how much is not speculated"); the
    # words before it are what it is said of, which the sources may well negate elsewhere.
    focus = (
        frozenset(stem for i in hard for stem in draft.stems[i + 1 : i + 1 + ANCHOR_WINDOW] if stem)
        - framing_stems()
    )
    for source in sources:
        parsed = parse(source)
        if any(
            stem and _held(stem, focus) and (_negated_at(parsed, i) or _subject_denies(parsed, i))
            for i, stem in enumerate(parsed.stems)
        ):
            return False
    return True
