"""Claims analyser, the paper's context: the problem it starts from (the last sentence before the
proposal that names a difficulty) and the setting it is evaluated in (benchmarks, data, domains)."""

from __future__ import annotations

import re
from functools import cache

from assistant.text.claims.base import (
    MAX_SETTING_CHARS,
    OWN_WORDS,
    Span,
    _alternation,
    _lexicon,
)
from assistant.text.claims.fields import _span_from
from assistant.text.claims.spans import (
    _DANGLING_START,
    _FIRST_PERSON,
    _finish,
    _strip_openers,
    balanced,
)
from assistant.text.lexicon import words

# --- problem -------------------------------------------------------------------------------------

_PROBLEM_CUE = re.compile(
    # "limited memory requirements" is praise, not a difficulty
    r"\b(?:challeng\w*|limitations?|limited(?!\s+(?:memory\s+|computational\s+)?(?:requirements?|"
    r"overhead|costs?|footprint))|suffer\w*|fail\w*|struggl\w*|lack\w*|remains?\s+"
    r"(?:unclear|open|challenging|difficult|unknown|elusive|limited)|bottlenecks?|costly|expensive|"
    r"difficult\w*|hinder\w*|vulnerab\w*|degrad\w*|prohibitive\w*|unclear|open\s+(?:question|"
    r"problem)|inefficien\w*|unreliab\w*|poorly|insufficient\w*|impractical|infeasible|"
    r"not\s+(?:well|yet|always)|little\s+is\s+known|under-?(?:explored|investigated|studied)|overlook\w*|neglect\w*|ignor\w*|"
    r"sensitive|brittle|restrict\w*|only\s+work|stuck|prone\s+to|plagued|(?:notable|significant|"
    r"critical|major|large|key)\s+gaps?|"
    # "which incurs a high computational cost", "do not hold up to thorough evaluation"
    r"(?:high|significant|substantial|heavy|considerable|huge)\s+(?:computational\s+|memory\s+|"
    r"training\s+|inference\s+)?(?:costs?|overheads?|burdens?)|do(?:es)?\s+not\s+hold\s+up|"
    # "Today's probabilistic language generators fall short when it comes to producing coherent
    # and fluent text" (Locally Typical Sampling's problem; SIGMA's "yet fall short in capturing
    # higher-level semantics"), and the like: "methods miss potential opportunities in ..."
    r"f[ae]ll(?:s|ing)?\s+short|miss(?:es|ing)?\s+(?:[\w-]+\s+){0,2}opportunit\w*|detrimental)\b",
    re.IGNORECASE,
)


# "predicting whether a person suffers from a serious illness": a difficulty asked about, in a
# list of what models predict, is none the field has (review59: it was Predictive Multiplicity
# in Probabilistic Classification's problem cell)
_ASKED_CLAUSE = re.compile(r"\bwhether\b[^,;:]*$", re.IGNORECASE)


def _names_difficulty(text: str) -> bool:
    """Whether ``text`` names a difficulty (``_PROBLEM_CUE``) outside a "whether" clause."""
    return any(
        _ASKED_CLAUSE.search(text, 0, found.start()) is None
        for found in _PROBLEM_CUE.finditer(text)
    )


_OWN_METHOD_SUBJECT = re.compile(
    r"(?:[Oo]ur|The proposed|the proposed)\s+(?:[\w-]+\s+){0,3}?(?:method|approach|framework|model|technique|"
    r"algorithm|system|architecture|scheme|solution|pipeline|network)s?\b"
)


def _after_opening_phrase(sentence: str) -> int:
    """Offset after a short phrase a sentence opens on up to its comma ("On a diverse set of
    benchmarks, "), or 0."""
    opening = _OPENING_PHRASE.match(sentence)
    return opening.end() if opening else 0


_OPENING_PHRASE = re.compile(r"(?:On|In|Across|For|Over|With)\s[^,;]{1,60},\s+")


_CURRENT_METHODS = re.compile(
    r"\b(?:existing|current|prior|previous|conventional)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:methods?|approaches|techniques|models|works?|paradigms?|systems|algorithms)\b",
    re.IGNORECASE,
)


def _problem(sentences: tuple[str, ...], name: str | None, before: int) -> Span | None:
    """The last sentence before the proposal that names a difficulty; where none does, the last
    one that turns to it with a contrast ("However, inaccurate pseudo labels easily misguide the
    tuning process"), whatever words it then uses: an abstract turns from what its field does
    to what goes wrong."""
    named: Span | None = None
    turned: Span | None = None
    for index in range(min(before, len(sentences))):
        sentence = sentences[index]
        turns = _TURN.match(sentence) is not None
        announced = _announced_difficulty(sentences, index, name)
        if announced is not None:
            named = announced
            continue
        if (
            not (turns or _names_difficulty(sentence))
            or _FIRST_PERSON.search(sentence)
            # "Our supervised compression approach uses a teacher model ... with a stochastic
            # bottleneck": the paper's own method, whatever words of difficulty it uses (it was
            # Supervised Compression's problem cell; review25n #3)
            or _OWN_METHOD_SUBJECT.match(sentence, _strip_openers(sentence, 0))
            # ... after the phrase that opens it, too: "On a diverse set of benchmarks, our
            # method reduces the required training examples by up to 5.3x" was the multistage
            # filter's problem cell (review71: "the result sits in the 'Problem' cell")
            or _OWN_METHOD_SUBJECT.match(sentence, _after_opening_phrase(sentence))
            # "But what if predictions vary significantly for similar models?" asks; the
            # difficulty is the answer the abstract goes on to give
            or sentence.rstrip().endswith("?")
        ):
            continue
        start = _strip_openers(sentence, 0)
        bare = _BARE_TURN.match(sentence, start)
        if bare is not None:
            start = bare.end()  # "Yet little work has gone into ...": no comma sets it off
        if _DANGLING_START.match(sentence[start:]) or _LEANING_SUBJECT.match(sentence, start):
            continue
        text = _finish(sentence[start:], name)
        if not text or _VAGUE_PROBLEM.search(text) or _VAGUE_PROBLEM.search(sentence[start:]):
            continue
        if _names_difficulty(text):
            named = _span_from(sentences, index, start, text)
        elif (
            turns
            and len(text) >= _WHOLE_TURN * len(sentence[start:].rstrip(" ."))
            and not _LEANS_BACK.search(text)
        ):
            # ... whole: a turn cut short ("However, improvement in the quality of synthetic
            # data | , ..., means this question is timely") has lost what it turned to
            turned = _span_from(sentences, index, start, text)
    # (a turn on what current methods do, after the difficulty named, is the gap the paper
    # takes on: "The high computational costs of LLMs have led to ... research on LLM
    # compression ... Yet, current methods rely on heuristics ...")
    if (
        named is not None
        and turned is not None
        and turned.sentence > named.sentence
        and _CURRENT_METHODS.search(turned.text)
    ):
        return turned
    return named or turned or _aimed_problem(sentences, name, before)


# "In this paper, we tackle the important yet under-investigated problem of making long-horizon
# prediction of event sequences": the problem the authors say they take on, named after "of"
_AIMED_PROBLEM = re.compile(
    r"\b(?:tackl|address|stud(?:y|ie)|consider|investigat|examin|solv|revisit)\w*\s+(?:the|a|an)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:problem|task|question|challenge)s?\s+of\s+(?P<problem>[^.;:]+)",
    re.IGNORECASE,
)


def _aimed_problem(sentences: tuple[str, ...], name: str | None, before: int) -> Span | None:
    """The problem a sentence before the proposal says the paper takes on, when none names a
    difficulty: what follows "the problem of" (a phrase, which the table's problem cell wants)."""
    for index in range(min(before, len(sentences))):
        found = _AIMED_PROBLEM.search(sentences[index])
        if found is None:
            continue
        start = found.start("problem")
        text = _finish(sentences[index][start:], name)
        if text and not _VAGUE_PROBLEM.search(text):
            return _span_from(sentences, index, start, text)
    return None


def _announced_difficulty(sentences: tuple[str, ...], index: int, name: str | None) -> Span | None:
    """The difficulty the authors announce before a colon and state after it: "we still face two
    practical challenges: 1) existing methods have to perform backward computation for each test
    sample, resulting in unbearable prediction cost ...; 2) ...", "a neglected deficiency in
    existing models: a single set of embeddings struggles with ...". The first person keeps the
    whole sentence out; what follows the colon is the difficulty itself (its first item)."""
    sentence = sentences[index]
    colon = _ANNOUNCED.search(sentence)
    if colon is None or not _FIRST_PERSON.search(sentence, 0, colon.start()):
        return None
    if not _PROBLEM_CUE.search(sentence, 0, colon.start()) or _REMEDY.search(
        sentence, 0, colon.start()
    ):
        return None  # "we propose X to address the limitations by: (1) ...": the remedy
    rest = sentence[colon.end() :]
    second = _SECOND_DIFFICULTY.search(rest)
    raw = rest[: second.start()] if second else rest
    if _FIRST_PERSON.search(raw) or _DANGLING_START.match(raw):
        return None
    text = _finish(raw, name)
    if not text:
        return None
    return _span_from(sentences, index, colon.end(), text)


# "...: 1) existing methods ...", "...: (i) ...", "...: a single set of embeddings ..."
_ANNOUNCED = re.compile(r":\s+(?:\(?(?:1|i)\)\s*)?(?=\S)")
_REMEDY = re.compile(
    r"\b(?:propos|introduc|present|develop|address|tackl|overcom|solv|mitigat|allevia)\w*",
    re.IGNORECASE,
)
_SECOND_DIFFICULTY = re.compile(r";\s*(?:and\s+)?(?:\(?(?:2|ii)\)\s*)?")


# "during inference time, they are utilized differently": whose use, the sentence before said
_LEANING_SUBJECT = re.compile(r"[^,;]{1,60},\s+(?:they|it|these|those|this)\s", re.IGNORECASE)
# "Few of them incorporate ...", "Two pain points persist for the paradigm", "there exists a
# notable gap": what goes wrong, said only by pointing back (or cut where it was said)
_VAGUE_PROBLEM = re.compile(
    r"\b(?:of (?:them|these|those)|the paradigm|pain points?)\b|^\w+\s+(?:exists?|remains?)\b",
    re.IGNORECASE,
)
# A turn is read as the problem on the strength of its "However" alone, so it must say its
# difficulty itself: not "weak modeling capacity limits their performance" (whose? a pronoun that
# early points before the sentence), nor "there are also cases where ..." (a finding added to the
# one before, not what the paper takes on)
_LEANS_BACK = re.compile(r"^(?:\S+\s+){0,4}(?:their|they|them|its)\b|^(?:\S+\s+){0,3}also\b", re.I)
_WHOLE_TURN = 0.9  # share of the sentence a contrast-only problem span must keep
_BARE_TURN = re.compile(r"(?:yet|but)\s+(?=[a-z])", re.IGNORECASE)
_TURN = re.compile(
    r"^(?:however|nonetheless|nevertheless|yet|but|unfortunately|despite|in spite of|still(?=,))\b",
    re.IGNORECASE,
)


# --- setting -------------------------------------------------------------------------------------


@cache
def _setting_pattern() -> re.Pattern[str]:
    nouns = _alternation(_lexicon("setting_nouns"))
    return re.compile(
        # ("... prediction tasks using the United Kindom precipitation and ERA surface wind
        # datasets": the data a paper applies its method to, named after "using")
        r"\b(?:(?:on|across|over|using)\s+(?!par\b|average\b|the\s+other\b|top\s+of\b|turn\b)"
        r"(?:(?!(?:is|are|was|were|be|been|can|could|may|we|our|which|that|where|while|when|"
        r"achiev\w*|outperform\w*|show\w*|demonstrat\w*|improv\w*|reduc\w*|provid\w*|has|have|"
        r"over|than|against|in|on|across|baselines?|methods?)\b)[\w\-+.'/()]+,?\s+){0,12}?"
        r"|in\s+(?:(?!(?:and|or|of|the|in|on|to|for|with|which|that)\b)[\w\-+.'/()]+\s+){0,4}?)"
        # (a compound of two whole: "on three benchmark datasets" was cut "on three benchmark")
        rf"(?:{nouns})(?:\s+(?:{nouns}))?\b"
        r"(?:\s*\([A-Z][\w\-]*\))?"
        # ... and what it lists ("in very diverse areas such as Gaussian process regression,
        # Bayesian neural networks, classification for small tabular data sets, and few-shot
        # image classification": 110 characters, and without them the cell said "—"; review53),
        # up to what the sentence goes on to say of them (", decreasing the number of steps")
        r"(?:,?\s+(?:such\s+as|including|like|e\.g\.,?)\s+[^.;]{0,160}?(?=[.;]|,\s+(?:while|where|"
        r"which|with|and\s+(?:show|demonstrat|achiev|outperform)|respectively|demonstrat|show|"
        r"decreas|increas|reduc|improv|achiev|outperform|lead|result|yield)|$))?"
    )


@cache
def _task_pattern() -> re.Pattern[str]:
    """A run of named tasks after a preposition: "in both image classification (e.g., 49.4%
    reduced error rates with TENT) and semantic segmentation", "for time series forecasting and
    anomaly detection tasks"."""
    task = rf"(?:{_alternation(_lexicon('task_names'))})(?:\s*\([^()]{{0,80}}\))?"
    return re.compile(
        rf"\b(?:on|in|for|across)\s+(?:both\s+)?(?:the\s+)?{task}"
        rf"(?:(?:,\s+|,?\s+(?:and|or)\s+){task})*(?:\s+tasks?)?(?![\w-])"
        # ... and the whole run: "on image classification, image self-supervised learning, ..."
        # goes on with tasks of no list, and its first alone would say less than the sentence
        r"(?!,\s+(?!and\b|or\b|while\b|which\b|where\b)[a-z])",
        re.IGNORECASE,
    )


# an aside inside a run of tasks ("(e.g., 49.4% reduced error rates with TENT)"): a result,
# not a task; the cell keeps the tasks
_ASIDE = re.compile(r"\s*\([^()]*\)")


_EVALUATION = re.compile(
    r"\b(?:experiments?|evaluat\w*|benchmark\w*|results?|outperform\w*|achiev\w*|surpass\w*|"
    r"empirical\w*|tested|validat\w*|demonstrat\w*|accuracy|state-of-the-art|improv\w*|"
    r"speed-?ups?|appl(?:y|ies|ied)\s+(?:it|them|\w+)\s+to|"
    # ... or what a study looks at: "we study the scaling behavior in a transfer learning
    # setting, where LLMs are finetuned for machine translation tasks": its Setting cell was "—")
    r"(?<=we\s)(?:\w+ly\s+)?(?:study|investigate|analy[sz]e))\b",
    re.IGNORECASE,
)
_NAMED_DATA = re.compile(
    r"(?<!based\s)(?<!relies\s)(?<!depends\s)\bon\s+(?:the\s+)?((?:[A-Z][\w\-.]*\d*[\w\-]*)(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?"
    r"[A-Z][\w\-.]*)*)"
)


# a name with a participle hyphened to it modifies a noun after it, and names no data:
# "Models trained on ZIP-FIT-selected data" gave the setting "on ZIP-FIT-selected" (review71)
_MODIFIER_NAME = re.compile(r"^[\w.]+(?:-[\w.]+)*-[a-z]+ed$")


_NAMED_TOKEN = re.compile(r"\b(?:[A-Za-z][\w\-]*[A-Z0-9][\w\-]*|[A-Z][a-z]+-\w+)\b")
_GENERIC_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "various",
        "several",
        "multiple",
        "many",
        "different",
        "diverse",
        "all",
        *words("number_words")[2:11],
        "wide",
        "range",
        "of",
        "variety",
        "extensive",
        "standard",
        "popular",
        "common",
        "real-world",
        "both",
        "these",
        "this",
        "challenging",
        "public",
        "publicly",
        "available",
        # "on three representative tasks", "across different models and tasks", "on widely used
        # benchmark datasets": a blind reader marked such cells as naming nothing
        "representative",
        "each",
        "widely",
        "commonly",
        "used",
        "existing",
        "benchmark",
        "models",
        # "on a given task", "in any setting" (review59: FIS's setting cell "A given task")
        "given",
        "any",
        "certain",
        "particular",
        "specific",
    ]
)


def generic_setting(text: str) -> bool:
    """A setting phrase that names nothing: "on test datasets", "in various settings", "on 4
    benchmarks", "on a diverse set of benchmarks"."""
    words = text.split()
    return (
        len(words) >= 2
        and not any(_NAMED_TOKEN.fullmatch(word.strip(",()")) for word in words[1:])
        and all(_counts_or_says_nothing(word.lower().strip(",")) for word in words[1:-1])
    )


# how many, or what kind of collection, says nothing of which: "on 4 benchmarks", "on thirteen
# public datasets", "on a diverse set of benchmarks" (review73: "'4 benchmarks' is not a setting")
_COUNT = re.compile(
    r"\d+|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
)
_SAYS_NOTHING = frozenset(
    ("test", "evaluation", "downstream", "and", "or", "set", "suite", "collection", "number")
)


@cache
def _metric_names() -> frozenset[str]:
    return frozenset(name.lower() for name in (*words("metrics"), *words("score_metrics")))


def _counts_or_says_nothing(word: str) -> bool:
    return word in _GENERIC_WORDS or word in _SAYS_NOTHING or _COUNT.fullmatch(word) is not None


def _names_nothing(text: str) -> bool:
    """A setting phrase whose words before its noun are all generic ("using a small dataset")."""
    return generic_setting(text) or all(
        word.lower().strip(",") in _GENERIC_WORDS | {"small", "large", "new"}
        for word in text.split()[1:-1]
    )


def _setting_score(text: str, sentence: str) -> int:
    words = text.split()
    score = 1 if words[0] in {"on", "across"} else (-2 if words[0] == "in" else 0)
    if any(_NAMED_TOKEN.fullmatch(word.strip(",()")) for word in words[1:]):
        score += 3
    elif all(word.lower().strip(",") in _GENERIC_WORDS for word in words[1:-1]):
        score -= 1
    if re.search(r"\b(?:experiments?|evaluat\w*|benchmark\w*)\b", sentence, re.I):
        score += 1
    return score


# data named by what came before it: "over the obtained star domain", "on an additional 67 small
# numerical datasets" (additional to the suite the sentence before named), "in other benchmark";
# a blind reader of a comparison table: "The obtained star domain" under Setting
_POINTS_BACK = re.compile(
    r"(?:(?:the|an?)\s+)?(?:obtained|additional|other|remaining|resulting|aforementioned)\b",
    re.IGNORECASE,
)


def _setting(sentences: tuple[str, ...], name: str | None) -> Span | None:
    """The best-scored evaluation phrase of the abstract: named data beat "in various settings"."""
    best: tuple[int, int, Span] | None = None
    # ("Recent advancements in deep learning have significantly improved performance on computer
    # vision tasks": before the paper first speaks of itself, the field's, not its evaluation;
    # a table's Setting cell said "Computer vision tasks" from it)
    own = next((index for index, text in enumerate(sentences) if OWN_WORDS.search(text)), 0)
    for index, sentence in enumerate(sentences):
        if index < own or not _EVALUATION.search(sentence):
            continue
        found = [(m.start(), m.group(0)) for m in _setting_pattern().finditer(sentence)]
        named = _NAMED_DATA.search(sentence)
        if (
            named
            and (
                any(character.isdigit() for character in named.group(1))
                or re.search(r"[A-Z].*[A-Z]", named.group(1))
            )
            and not _MODIFIER_NAME.search(named.group(1))
        ):
            found.append((named.start(), named.group(0)))
        tasks = [(m.start(), m.group(0)) for m in _task_pattern().finditer(sentence)]
        for start, raw in found + tasks:
            if len(raw) > MAX_SETTING_CHARS + 60 or not balanced(raw):
                continue
            if (start, raw) in tasks:
                # "in both image classification and ...": "both" points at the pair it opens,
                # not back at a sentence before
                raw = re.sub(r"^(\w+\s+)both\s+", r"\1", _ASIDE.sub("", raw))
            text = _finish(raw, name, min_words=2)  # "on MS-MARCO"
            if (
                not text
                or _DANGLING_START.match(text.split(None, 1)[1])
                or _POINTS_BACK.match(text.split(None, 1)[1])
            ):
                continue
            if name and text.split(None, 1)[1] == name:
                continue  # "experiments on O3": the paper's own method is no setting
            if text.split(None, 1)[1].lower() in _metric_names():
                continue  # "by at least 23% on MSE": what a result is measured in, not where
            if text.startswith("using ") and _names_nothing(text):
                continue  # "using the suite", "using a small dataset": which, it does not say
            score = _setting_score(text, sentence)
            if best is None or score > best[0]:
                best = (score, -index, _span_from(sentences, index, start, text))
    return best[2] if best else None
