"""Facts an abstract states outright: a reported figure, a named dataset or benchmark. The
comparison table fills its cells from them where the analysed claims are silent, and the output
lint holds the table to them."""

from __future__ import annotations

import re
from functools import cache

from assistant.text.lexicon import words
from assistant.text.sentences import split_sentences
from assistant.text.tokens import tokenize

# A reported figure: a percentage, a speed-up, points, or a decimal that is not part of a name
# ("GPT-3.5", "v1.2").
_FIGURE = re.compile(
    r"\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:%|×|x\b|-fold\b|\s?(?:percentage\s+)?points?\b|pp\b)"
    # a bare decimal, but not a version ("GPT-3.5") nor either end of a range ("0.5 to 0.8")
    r"|(?<![\w.-])(?<!to )(?<!and )(?<![-–] )(?P<bare>\d+\.\d+)(?![\w.-])"
    r"(?!\s*(?:to|and|-|–)\s*\d)",
    re.IGNORECASE,
)
# ... nor a name's version ("SQuAD 1.1", "Python 3.8"): a bare decimal after a capitalised word.
# (Said apart from the pattern: under its IGNORECASE a look-behind for a capital read every word,
# and "enabling GPT-4o to achieve 0.548 SemF1" stated no figure.)
_VERSIONED = re.compile(r"\b[A-Z][\w-]*\s$")


# Any measured quantity, units included ("5.8ms per token", "1.1K tokens per second", "2.15X"),
# not a version or a name's number ("GPT-3.5", "CIFAR-10")
_QUANTITY = re.compile(
    r"(?<![\w.-])\d+(?:[.,]\d+)*\s?(?:%|×|x\b|X\b|-?fold\b|ms\b|[KMB]\b|points?\b|pp\b)"
    r"|(?<![\w.-])\d+\.\d+"
)


@cache
def _figure_nouns() -> frozenset[str]:
    return frozenset(tokenize(" ".join(words("figure_nouns"))))


# A result stated in words, as a comparison with something else: "EMO demonstrates a
# consistently better language modeling performance than MLE across domains", "outperforms
# ...", "compared to ..." (the comparison table's result cells, and what "these results" may
# point at)
COMPARED_IN_WORDS = re.compile(
    r"\b(?:better|worse|higher|lower|faster)\b[^.;]{0,80}\bthan\b|\b(?:outperform|surpass|beat)\w*|"
    # ("in comparison to nucleus and top-k sampling, ... offers competitive performance")
    r"\b(?:in\s+comparison|compared)\s+(?:to|with)\b",
    re.IGNORECASE,
)
# ... or as standing level with it, or past it by a degree: "have similar predictive skill as
# the full GEFS 31-member ensemble", "forecast ... more accurately than the GEFS operational
# ensemble"
_LEVEL_WITH = re.compile(
    r"\b(?:similar|comparable|equal|on\s+par|competitive)\b[^.;]{0,60}\b(?:as|to|with)\b|"
    r"\b(?:more|less|fewer)\b[^.;]{0,60}\bthan\b",
    re.IGNORECASE,
)


def points_at_figures(noun: str, previous: str) -> bool:
    """Whether "these <noun>" can mean the results ``previous`` states: "These results" after a
    sentence of measurements or of a finding points at them though that sentence never writes
    "results"; so does one after a result said as a comparison ("Our models achieve these
    results at less than 1/10th of the computational cost" after "The generated ensembles have similar
    predictive skill as the full GEFS 31-member ensemble": the asked fraction was left out of
    two lookups)."""
    return bool(_figure_nouns() & set(tokenize(noun))) and (
        _QUANTITY.search(previous) is not None
        or COMPARED_IN_WORDS.search(previous) is not None
        or _LEVEL_WITH.search(previous) is not None
        # ... or a finding said as one ("We show that, when the class F is 'simpler' than G,
        # our predictor is more resilient ...", before "These results rely on a novel Hölder
        # style inequality for the Dudley integral"; v022)
        or _states_finding().search(previous) is not None
    )


@cache
def _states_finding() -> re.Pattern[str]:
    """A verb introducing a finding as a "that" clause (lexicon/evidential_verbs.txt): "shows
    that", "we find that"."""
    verbs = "|".join(re.escape(verb) for verb in words("evidential_verbs"))
    return re.compile(rf"\b(?:{verbs})s?\s+that\b", re.IGNORECASE)


@cache
def _artefact_nouns() -> frozenset[str]:
    return frozenset(tokenize(" ".join(words("artefact_nouns"))))


@cache
def _puts_forward() -> re.Pattern[str]:
    """A verb naming a new artefact (strength 3 in the contribution verbs), in any form:
    "introduces", "we propose", "is presented"."""
    verbs = [
        entry.rsplit(None, 1)[0]
        for entry in words("contribution_verbs")
        if entry.rsplit(None, 1)[-1] == "3"
    ]
    stems = "|".join(re.escape(verb[:-1] if verb.endswith("e") else verb) for verb in verbs)
    return re.compile(rf"\b(?:{stems})(?:e|es|ed|s|ing)?\b", re.IGNORECASE)


def points_at_proposal(noun: str, previous: str) -> bool:
    """Whether "this <noun>" can mean what ``previous`` puts forward: "this approach
    demonstrates ... nearly constant validation loss even at 16times the training token length"
    after "introduces a fine-tuning-free re-weighting mechanism ..." speaks of that mechanism
    though the sentence never writes "approach" (the asked 16 times was left out of a blind
    lookup, t019). A kind of artefact, pointing at the artefact the sentence before introduces."""
    return bool(_artefact_nouns() & set(tokenize(noun))) and (
        _puts_forward().search(previous) is not None
    )


def reported_figure(abstract: str, *, first: int = 0) -> str | None:
    """A figure stated in a sentence that reports a result ("49.4% reduced error rates"), from
    sentence ``first`` on (a figure before what the paper proposes is what it sets out from:
    "abrupt drops in the adversarial test accuracy (even down to 0%)")."""
    cues = re.compile(
        r"\b(?:" + "|".join(re.escape(cue) for cue in words("lint_result_cues")) + ")",
        re.IGNORECASE,
    )
    for sentence in split_sentences(abstract)[first:]:
        if not cues.search(sentence):
            continue
        for figure in _FIGURE.finditer(sentence):
            if figure.group("bare") and _VERSIONED.search(sentence[: figure.start()]):
                continue
            return figure.group(0).strip()
    return None


_BENCHMARK_WORDS = re.compile(
    # "Long Range Arena benchmark", "the Vicuna Benchmark", "USPTO dataset"
    # (not a sentence's opening determiner: "Our dataset", "This benchmark", "The corpus")
    r"(?:\b(?!(?:Our|This|These|The|That|Its|Their|A|An|Each|Every|Such)\s)[A-Z][\w-]*\s+){1,3}"
    r"(?:[Bb]enchmarks?|[Dd]atasets?|corpus|suite)\b"
    # "benchmarks such as GLUE", "datasets like ImageNet"
    r"|\b(?:benchmarks?|datasets?)\s+(?:such\s+as|like|including|e\.g\.,?)?\s*[A-Z][\w-]+"
    # "WikiDocEdits, a dataset of ...": the paper's own dataset is its setting
    r"|\b[A-Z][\w-]+,\s+an?\s+(?:new\s+|large\s+|novel\s+)?(?:dataset|benchmark|corpus)\b"
)


def named_dataset(abstract: str) -> str | None:
    """The first dataset or benchmark the abstract names, if any."""
    candidates = [_BENCHMARK_WORDS.search(abstract)] + [
        re.search(rf"(?<![\w-]){re.escape(name)}(?:-\w+)*(?:/\w+)*(?!\w)", abstract)
        for name in words("lint_datasets")
    ]
    found = [match for match in candidates if match is not None]
    if not found:
        return None
    return " ".join(min(found, key=lambda match: match.start()).group(0).split())
