"""Claims analyser, reported results: each figure with its metric and what it is compared with."""

from __future__ import annotations

import re
from functools import cache

from assistant.text.claims.base import (
    _ADVERBS,
    LONG_RESULT_CHARS,
    MAX_SPAN_CHARS,
    Result,
    _alternation,
    _lexicon,
)
from assistant.text.claims.spans import (
    _CLAUSE_BOUNDARY,
    _DANGLING_START,
    _FIGURE,
    _FIRST_PERSON,
    _NUMBER,
    _UNIT,
    _URL,
    _conjugate_coordinated,
    _cut_to_clause,
    _finish,
    _present_third,
    _raw_end,
    _strip_openers,
    balanced,
    claim_scope,
    fix_artefacts,
)

# --- results -------------------------------------------------------------------------------------

_FROM_TO = re.compile(rf"\bfrom\s+(?P<value>{_NUMBER}{_UNIT}?\s+to\s+{_NUMBER}{_UNIT}?)")
_METRIC_OF = None


@cache
def _metric_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(_lexicon('metrics'))})\b", re.IGNORECASE)


_COMPARED = re.compile(
    r"\b(?:than|over|compared\s+(?:to|with)|relative\s+to|against|vs\.?|versus|outperform\w*|"
    r"surpass\w*|beat\w*)\s+(?P<what>(?:the\s+)?[^,;.()]{2,70}?)"
    r"(?=\s+(?:by|on|in|with|while|across|at|for|and\s+(?:\w+s|\w+ed))\b|[,;()]|\.(?!\d)|$)"
)
_COMPARED_VERB_BY = re.compile(
    r"\b(?:improv\w*|reduc\w*|increas\w*|boost\w*|cut\w*|lower\w*|rais\w*|decreas\w*|"
    r"accelerat\w*|speed\w*\s+up|enhanc\w*|shrink\w*|compress\w*|sav\w*)\s+(?:the\s+)?"
    r"(?P<metric>[\w\s\-']{3,50}?)\s+by\s+$"
)


_EVIDENTIAL_LEAD = re.compile(
    r"(?:(?:the\s+)?(?:extensive\s+|comprehensive\s+|further\s+)?(?:experiments?|experimental\s+"
    r"results?|results?|evaluations?|empirical\s+results?|analys[ie]s)(?:\s+(?:on|across)\s+[^,]{0,80}?)?"
    r"\s+(?:show|shows|demonstrate|demonstrates|indicate|indicates|reveal|reveals|confirm|"
    r"confirms|verify|verifies|suggest|suggests)\s+(?:that\s+)?)",
    re.IGNORECASE,
)
_WE_LEAD = re.compile(
    r"[Ww]e\s+" + _ADVERBS + r"(?P<verb>[a-z]+(?:-[a-z]+)*)(?![\w-])(?P<that>\s+that\b)?"
)
_EVIDENTIAL_WORDS = frozenset(
    [
        "find",
        "found",
        "show",
        "showed",
        "demonstrate",
        "demonstrated",
        "observe",
        "observed",
        "see",
        "saw",
        "reveal",
        "revealed",
        "note",
        "noted",
        "confirm",
        "confirmed",
        "verify",
        "verified",
        "discover",
        "discovered",
    ]
)


def _clause(sentence: str, start: int) -> tuple[int, str]:
    """Where the claim in ``sentence[start:]`` begins and its text: openers dropped, "the results
    show that" and "we find that" dropped, a leading "we achieve X" made "achieves X"."""
    for _ in range(4):
        start = _strip_openers(sentence, start, keep_scope=True)
        while start < len(sentence) and sentence[start] in ", ":
            start += 1
        lead = _EVIDENTIAL_LEAD.match(sentence, start)
        if lead:
            start = lead.end()
            continue
        we = _WE_LEAD.match(sentence, start)
        if we is None:
            break
        verb = we.group("verb")
        if verb in _EVIDENTIAL_WORDS:
            if we.group("that"):
                start = we.end()
                continue
            if verb in {"find", "found", "observe", "observed", "see", "saw"}:
                start = we.end() + 1  # "we find 82% of the gap ..." -> "82% of the gap ..."
                if not _DANGLING_START.match(sentence[start:]):
                    continue
        if verb in {"also", "further"}:
            break
        return we.start("verb"), _conjugate_coordinated(
            _present_third(verb) + sentence[we.end("verb") :]
        )
    return start, sentence[start:]


def _clause_around(sentence: str, start: int, end: int) -> tuple[int, str]:
    """The clause of ``sentence`` holding the figure at [start, end), as (offset, raw-ish text)."""
    clause_start, text = _clause(sentence, 0)
    if clause_start > start:
        # the figure sits in a leading clause that was stripped ("While we observe 5.7% ..., we")
        clause_start, text = _clause(
            sentence, 0 if start < 0 else _clause_start_before(sentence, start)
        )
    figure_end = end - clause_start + (len(text) - (len(sentence) - clause_start))
    if len(text) > MAX_SPAN_CHARS:
        cut = None
        for match in _CLAUSE_BOUNDARY.finditer(text):
            if match.start() >= max(figure_end, 40) and balanced(text[: match.start()]):
                cut = match.start()
                break
        if cut:
            text = text[:cut]
    return clause_start, text


def _clause_start_before(sentence: str, position: int) -> int:
    """The start of the clause containing ``position``: after the last comma before it."""
    comma = sentence.rfind(", ", 0, position)
    return comma + 2 if comma >= 0 else 0


_CHANGE_NOUN = (
    r"(?:higher|lower|faster|better|more|less|fewer|smaller|larger|improvements?|increases?|"
    r"reductions?|gains?|drops?|decreases?|boosts?|lifts?|advantages?|speed-?ups?|savings?)"
)
_METRIC_STOP = re.compile(
    r"\s+(?:on|in|for|with|while|across|at|over|than|compared|relative|against|by|when|and|of)\b.*$"
)


def _metric(
    sentence: str, start: int, value_start: int, value_end: int, qualifier: str
) -> str | None:
    """What a figure measures: "improves decoding throughput by 1.31x" -> "decoding throughput",
    "91% accuracy" -> "accuracy", "an increase in FID from 4.19 to 9.96" -> "FID"."""
    before = sentence[max(start, value_start - 120) : value_start]
    after = sentence[value_end : value_end + 80]
    metrics = _metric_pattern()
    if qualifier.strip() == "from":
        measured = re.search(
            r"\b(?:in|of)\s+(?:the\s+)?((?:[\w\-@]+\s+){0,2}?[\w\-@]+)\s+from\s*$", before
        )
        if measured:
            return measured.group(1)
    trimmed = re.sub(
        r"(?:up\s+to|over|more\s+than|nearly|almost|about|around|approximately|roughly|at\s+least|"
        r"an\s+average\s+of|on\s+average|a\s+factor\s+of)\s*$",
        "",
        before.rstrip(),
    ).rstrip()
    verb_by = _COMPARED_VERB_BY.search(trimmed + " ") if trimmed.endswith(" by") else None
    if (
        verb_by
        and len(verb_by.group("metric").split()) <= 5
        and not re.search(r"\d", verb_by.group("metric"))
    ):
        return verb_by.group("metric").strip()
    labelled = re.search(r"\b((?:[A-Z][\w@\-]*\s+)?[A-Z][\w@\-]*)\s+of\s+$", before)
    if labelled and labelled.group(1) not in {"The", "A", "An"}:
        return labelled.group(1)  # "HumanEval Pass@First of 43%"
    named_before = re.search(r"\b(" + metrics.pattern + r")\s+(?:of|at|=)\s+$", before, re.I)
    if named_before:
        return named_before.group(1)  # "compression ratios of 2x-5x"
    direct = re.match(
        r"[\s\-]*(?:of\s+(?:the\s+)?)?(?:[\w\-']+\s+){0,3}?(" + metrics.pattern + r")", after, re.I
    )
    if direct:
        return direct.group(1)
    change = re.match(
        r"\s*(?:\w+\s+)?"
        + _CHANGE_NOUN
        + r"\s+(?:in|of)\s+(?:the\s+)?(?:terms\s+of\s+)?((?:[\w\-@]+\s+){0,2}[\w\-@]+)",
        after,
        re.I,
    )
    if change:
        return _METRIC_STOP.sub("", change.group(1)) or None
    nearest = list(metrics.finditer(sentence, start, value_start))
    if (
        nearest
        and not re.search(r"\d", sentence[nearest[-1].end() : value_start])
        and value_start - nearest[-1].end() < 60
    ):
        return nearest[-1].group(0)
    return None


@cache
def _scored_figure() -> re.Pattern[str]:
    """A number with no unit that a score names: "1.99 FID", "an FID of 2.06", "an aesthetic
    score of 6.42", "BLEU = 28.4" (a count of what a model has, "235M parameters", is no
    score)."""
    scores = _alternation(_lexicon("score_metrics"))
    return re.compile(
        rf"(?<![\w.\-])(?P<after>{_NUMBER})\s+(?:{scores})\b"
        rf"|\b(?:{scores})(?:\s+scores?)?\s+(?:of|=|:)\s+(?P<before>{_NUMBER})(?![\w.\-]|\.\d)",
        re.IGNORECASE,
    )


def _figures(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, qualifier, value) of every figure in ``sentence``, overlaps removed."""
    found = [
        (m.start("value"), m.end("value"), "from", m.group("value"))
        for m in _FROM_TO.finditer(sentence)
    ]
    found += [
        (m.start("value"), m.end("value"), m.group("qualifier"), m.group("value"))
        for m in _FIGURE.finditer(sentence)
    ]
    for m in _scored_figure().finditer(sentence):
        group = "after" if m.group("after") is not None else "before"
        found.append((m.start(group), m.end(group), "", m.group(group)))
    kept: list[tuple[int, int, str, str]] = []
    for figure in found:
        if not any(figure[0] < other[1] and other[0] < figure[1] for other in kept):
            kept.append(figure)
    return sorted(kept)


def _own_clause(
    sentence: str, value_start: int, value_end: int, value: str, name: str | None
) -> tuple[int, str] | None:
    """The figure's own clause: ", which improves throughput by 1.31x ..." -> "improves ..."."""
    start = _clause_start_before(sentence, value_start)
    relative = re.match(r"(?:which|that|where|and|while|whereas)\s+", sentence[start:])
    if relative:
        start += relative.end()
    start, raw = _clause(sentence, start)
    raw = _cut_to_clause(raw, max(MAX_SPAN_CHARS, value_end - start + 1))
    text = _finish(raw, name, limit=max(len(raw), MAX_SPAN_CHARS))
    if text is None or fix_artefacts(value).split()[0] not in text or _DANGLING_START.match(text):
        return None
    return start, text


def _results(
    sentences: tuple[str, ...], name: str | None, proposal_index: int
) -> tuple[Result, ...]:
    results: list[Result] = []
    for index, sentence in enumerate(sentences):
        if _URL.search(sentence) and not re.search(r"\d\s?%", sentence):
            continue
        if index < proposal_index and not (
            re.search(r"\b(?:[Ww]e|[Oo]ur)\b", sentence) or (name and name in sentence)
        ):
            continue  # a figure in the background ("LLMs spend 80% of ...") is not a result
        for value_start, value_end, qualifier, value in _figures(sentence):
            if re.match(
                r"\s*(?:-\s*)?(?:task|dataset|corpus|corpora|data)\b", sentence[value_end:]
            ):
                continue  # "an industrial-level 20,000 hour task" describes data, not a result
            start, raw = _clause_around(sentence, value_start, value_end)
            text = _finish(raw, name, limit=max(len(raw), MAX_SPAN_CHARS))
            own = _own_clause(sentence, value_start, value_end, value, name)
            if text is None or fix_artefacts(value).split()[0] not in text:
                if own is None:
                    continue
                start, text = own
            elif (
                len(text) > LONG_RESULT_CHARS
                and own
                and re.match(
                    r"(?:which|that)\s", sentence[_clause_start_before(sentence, value_start) :]
                )
            ):
                start, text = own  # "..., called Hydra++, that improves throughput by 1.31x"
            end = _raw_end(sentence, start, text)
            qualifier = re.sub(r"\s+", " ", qualifier.strip())
            if qualifier in {"by", "of", ""}:
                qualifier = ""
            figure = fix_artefacts(value).strip()
            figure = re.sub(r"\s+", " ", figure)
            if qualifier:
                figure = f"{qualifier} {figure}"
            metric = _metric(sentence, start, value_start, value_end, qualifier)
            compared = None
            scope = sentence[start:end]
            for match in _COMPARED.finditer(scope):
                what = match.group("what").strip()
                if re.match(r"\d", what) or _FIGURE.search(what) or _FIRST_PERSON.search(what):
                    continue
                compared = fix_artefacts(what)
                if start + match.start() > value_start:
                    break
            results.append(
                Result(
                    index,
                    start,
                    end,
                    text,
                    figure=figure,
                    metric=metric,
                    compared_with=compared,
                    # where the claim holds ("Notably, using GPT-4o as the backend LLM, ...")
                    where=claim_scope(sentence, start),
                )
            )
    return tuple(results)
