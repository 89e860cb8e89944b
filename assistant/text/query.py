"""What a question asks: its kind, its clauses, its content words and its focus phrase."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from assistant.text.claims.base import common_acronyms
from assistant.text.lexicon import words
from assistant.text.patterns import compiled
from assistant.text.sentences import split_sentences
from assistant.text.tokens import sentence_case, tokenize


def _words(text: str) -> list[str]:
    return text.split()


QuestionKind = Literal["lookup", "topic"]

# Words that frame a question rather than say what it is about; stemmed like the index.
_FRAMING_WORDS = (
    "which what how why who whom whose where when paper papers work works method methods approach "
    "approaches study studies research researcher propose proposes proposed introduce introduces "
    "does do did report reports reported differ differs difference differences compare compared "
    "comparison between there such e.g. i.e. exist existing kind kinds type types other others "
    "otherwise tell me about give describe explain summarise summarize overview literature collection "
    "recent main key mostly typically much many based you your yours yourself"
)
FRAMING_TOKENS = frozenset(tokenize(_FRAMING_WORDS))

# ("what's the largest improvement it reports", "how big a gain": m001 and m003 were answered
# with the figure last, after the paper's analysis and its value estimation)
_MEASURED = (
    r"(?:speed-?ups?|accuracy|error|errors|score|rate|reduction|improvement|gain|percentage|share|"
    r"fraction|perplexity|wer|latency|throughput|factor|increment|time|size|precision|recall|"
    r"margin|number|cost|memory|lift|boost|win-?rate|drop)"
)
_NUMERIC_CLAUSE = re.compile(
    r"\b(?:how (?:much|many|few|fast|large|big|small|closely|well|often)|by what|"
    rf"what(?:'s|’s)? (?:[\w-]+ ){{0,4}}?{_MEASURED}|at what|to what (?:extent|degree)|"
    # "Which model had the best error score?": the one with the figure that beats the others
    rf"(?:best|lowest|highest|smallest|largest) (?:[\w-]+ ){{0,2}}?{_MEASURED}\b)",
    re.IGNORECASE,
)
# a yes-or-no question asked of every paper compared: "does each need ...", "do they use ..."
_OF_EACH = (
    r"(?:does|do|did|is|are|can|will|would)\s+(?:each|they|both|either|any|all|these|the\s+"
    r"(?:papers|methods|approaches|models|two|three))\b"
)
# a thing asked of each paper by what each does with it: "the speed-ups each reports", "the
# datasets they use"
_ASKED_BY_USE = r"(?:the|their|its)\s+(?:[\w-]+\s+){1,3}?(?:each|they)\s+[a-z]+s?\b"
_CLAUSE_SPLIT = re.compile(
    # (a preposition may lead the wh-word: "..., and on how many benchmarks did it win?")
    # ... or "whether" ("Compare how each gets draft tokens ..., whether extra training or
    # parameters are needed, whether outputs stay identical ...": one column headed by all four
    # things asked; review80)
    r",?\s+and\s+(?=(?:(?:on|in|at|by|for|from|with|across|over|to)\s+)?(?:what|how|which|why)\b|"
    r"(?:whose|where|when|whether)\b)|"
    # ... or a thing asked of each by what each does with it ("..., how it makes that decision,
    # and the speed-ups each reports": one column headed by both, and the speed-ups were not read
    # as the results asked for; v004)
    rf",\s+and\s+(?={_ASKED_BY_USE})|"
    r",\s+(?=(?:what|how|which|by how|by what|at what|on which|"
    r"for which|in which|from which|with which|whose|where|when|whether|to what)\b)|;\s+|"
    # ("How do three recipes ... differ ...? Compare how candidates are produced, ...": the
    # first thing asked of each, without the "Compare" that asks it; k010)
    r"\?\s+(?:compare|contrast)\s+(?=(?:what|how|which|why|where|when)\b)|"
    r"\?\s+(?=\S)|"
    # "Compare A, B and C: how does each avoid ...?": what it asks of them after a colon
    # ... or a yes-or-no question of each ("...: does each need a pretrained teacher ...?")
    r":\s+(?=(?:what|how|which|whose|where|when|who|why)\b|" + _OF_EACH + r")|"
    # "How do A and B differ in X — what acts as the weak learner in each, ...?"
    r"\s+[—–]\s+(?=(?:what|how|which|whose|where|when|who|why)\b|" + _OF_EACH + r")|"
    # "There is a paper arguing X. Which earlier method did it find unstable, ...": the context
    # sentence and each question after it
    # (or a closing quote or bracket: "... from 'the question has no single right answer'. How
    # does each define ...": the first thing asked was no column; i015)
    # (or a quote closed inside a bracket: "... ('Research without Re-search'). What does each
    # one predict ...": r014's first question was no column)
    r"(?<=\w\w|\w['\"’”)]|['\"’”]\))\.\s+(?=(?:what|how|which|whose|where|when|who)\b|"
    + _OF_EACH
    + r")|"
    # "EMO and PHUDGE both swap cross-entropy for ... . Compare what each trains, which
    # distance it actually optimises, and why ...": each thing it asks of them
    r"(?<=\w\w|\w['\"’”)])\.\s+(?:compare|contrast)\s+(?=(?:what|how|which|why|where|when)\b)",
    re.IGNORECASE,
)
_TOPIC_MARKERS = re.compile(
    r"\b(?:papers|works|methods|approaches|studies|models|techniques|systems|research|literature|"
    r"differ|differences|compare|comparison|overview|survey|landscape|what is known|"
    r"state of the art)\b",
    re.IGNORECASE,
)
_PLURAL_HEADS = frozenset(
    _words(
        "papers works methods approaches studies techniques systems architectures lines research "
        "articles publications algorithms frameworks"
    )
)
_SINGULAR_HEADS = frozenset(
    _words(
        "work paper method approach model architecture study framework system paradigm technique "
        "algorithm benchmark challenge metric regulariser regularizer recognizer codec watermark "
        "set network workflow predictor forecaster objective loss transformer sampler dataset "
        "analysis theory strategy scheme procedure article publication one variant version "
        "extension modification variation "
        # (j020: "Which defence protects vision-language models ..." asks for one defence, its
        # "protects" no plural)
        "defence defense attack estimator optimizer optimiser solver detector classifier "
        "generator encoder decoder pipeline"
    )
)
_PLURAL_OPENING = re.compile(
    r"^\s*(?:which|what)\s+(?:[\w-]+\s+){0,5}?(?:papers|works|methods|approaches|studies|models|"
    r"techniques|systems|architectures|lines of work)\b|^\s*how (?:do|did|can) (?:.+) (?:differ|"
    r"compare|vary)",
    re.IGNORECASE,
)
_LOOKUP_OPENING = re.compile(
    r"^\s*(?:which|what)\s+(?:[\w-]+\s+){0,5}?(?:work|paper|method|approach|model|architecture|"
    r"study|"
    r"framework|system|paradigm|technique|algorithm|benchmark|challenge|metric|regulari[sz]er|"
    r"recognizer|codec|watermark|set|network|workflow|predictor|forecaster|objective|loss|"
    r"pre-trained network|transformer|sampler|dataset|analysis|theory|strategy|scheme|procedure)\b"
    r"|\bwhat (?:\w+ ){0,6}(?:does|did) (?:it|the paper|the work|the method)\b",
    re.IGNORECASE,
)


# --- the question --------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    text: str
    tokens: frozenset[str]
    numeric: bool
    identifies: bool = False  # "which work does X": answered by the sentence naming the method
    # "what is its fixed version called": answered by the sentence that gives something a name
    # ("we refer to the modified RPS as STABLE-RPS"), whatever words it shares with the clause
    names: bool = False
    # "which model fuses ...", "on how many benchmarks did it win": a clause that asks, where
    # "For answering questions about text in photos" or "I remember a paper on X, where you never
    # observe Y." only says what the question is about
    asks: bool = True
    # "is the code available", "how many ... did they release": answered by what the paper makes
    # available, the sentence otherwise read as boilerplate
    releases: bool = False
    # "is there a paper explaining why", "what causes it": answered by the sentence stating a cause
    explains: bool = False
    # "how does it predict how many output tokens there are": answered by the means, which a
    # statement of the problem ("Firstly to accurately predict the number of output tokens") is
    # not, however many of the clause's words it writes
    means: bool = False
    # "which usual neural-operator components does it manage without": answered by the sentence
    # saying what the paper does away with ("obviates the need for conventional lifting and
    # projecting operators"), which shares no word with the clause but its topic's
    lacks: bool = False
    # "on what kinds of applications was it demonstrated", "which datasets is it tested on":
    # answered by the sentence saying what the experiments ran on ("Experiments with recidivism
    # prediction and image classification illustrate ..."), not by one writing the clause's verb
    # ("We demonstrate the properties of the FIS via synthetic data"; x022)
    tested_on: bool = False


# "How has X been extended ...", "how are researchers ...", "are there papers ...": the ways or the
# works, in the plural, without a wh-noun to say so.
_SEVERAL_WAYS = re.compile(
    r"(?:^|[.?!]\s+)what(?:'s| has| have) been (?:done|tried|proposed|studied|explored)\b|"
    r"(?:^|[.?!]\s+)what (?:work|research) (?:is|exists|has been)\b|"
    r"^\s*how do (?:[\w-]+ ){0,3}(?:papers|works|methods|approaches|studies|models)\b|"
    r"^\s*how (?:has|have) .+? been \w+(?:ed|en)\b|^\s*how (?:are|do|have) (?:people|researchers|"
    r"authors|others|recent works?|papers|methods)\b|^\s*are there (?:any |other |some )?"
    r"(?:[\w-]+ ){0,2}(?:papers|works|methods|approaches|studies|techniques|models)\b",
    re.IGNORECASE,
)
# "Is there work showing X?", "is there a paper on Y?": one paper asked for, however the question
# goes on.
_ONE_ASKED_FOR = re.compile(
    r"^\s*(?:is|was) there (?:a |any |some )?(?:[\w-]+ )?(?:work|paper|study|method|approach|"
    r"model|dataset|benchmark|result|evidence)\b",
    re.IGNORECASE,
)
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics", "ous", "series")


# the words that open what a verb acts on ("handles several kinds", "uses a ...")
_DETERMINERS = frozenset(_words("a an the its their each every one two three"))


def _plural_noun(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(_NOT_PLURAL_ENDINGS)
        and word not in words("not_plural_s")
    )


def _asked_for(question: str) -> Literal["one", "several"] | None:
    """What the phrase after "what"/"which" names, when it names it: a singular head asks for
    one ("which speaker verification paper ...", "what fix was proposed"), a plural for several
    ("what newer variants of gradient boosting ...", "what tricks help ...", "what are the known
    problems ..."). The phrase ends at an auxiliary or a preposition; "which forecasting model
    uses ..." asks for one model ("uses" is its verb, not a plural); "what accuracy gains ..."
    asks for a figure, not for papers."""
    opening = re.match(r"^\s*(which|what)\s+(.*)", question, re.IGNORECASE)
    if not opening:
        return None
    phrase = [word.strip(",;:?'\"()").lower() for word in opening.group(2).split()[:7]]
    if phrase and phrase[0] in ("are", "were"):
        phrase = phrase[1:]  # "what are the known problems with X"
    stops = words("question_stops")  # cached; a tuple of 30 is searched as fast as a set
    for end, word in enumerate(phrase, 1):
        if word in _SINGULAR_HEADS:
            return "one"
        if word in stops:
            return None
        # "Which generative recommender handles several kinds of user actions ...?": a word in
        # "s" before what it acts on is the head's verb ("handles"), not a plural head (p020
        # was answered as a topic, with four more recommenders)
        if (
            word not in _PLURAL_HEADS
            and _plural_noun(word)
            and end < len(phrase)
            and (phrase[end] in _DETERMINERS or phrase[end] in words("quantifiers"))
        ):
            return None
        if word in _PLURAL_HEADS or _plural_noun(word):
            asked = " ".join((opening.group(1), *phrase[:end]))
            return None if _NUMERIC_CLAUSE.match(asked) else "several"
    return None


# A question about one paper says so: "a paper where ...", "that ... paper", "there's a method
# that ...", "I remember ...", "what was that ...", or it asks for a figure ("how much ...").
_ONE_PAPER = re.compile(
    r"\b(?:a|one|the|that|this)\s+(?:[\w-]+\s+){0,4}?(?:paper|work|study|article|method|approach|"
    r"technique|framework|system|dataset|benchmark|metric|algorithm|architecture|rule|trick|fix|"
    r"recognizer|codec|regulari[sz]er|sampler|model|network|score)\b(?!\s*(?:s|es)\b)|"
    r"^\s*(?:there'?s|there is|i remember|i recall|someone|somebody|is there|was there|"
    r"what was (?:that|the)|which one)\b|"
    # "what did the authors optimise in the inner loop": the authors of one paper
    r"\bthe authors\b(?!\s+of\s+(?:these|those|the|all)\b)",
    re.IGNORECASE,
)


def asks_for_one(question: str) -> bool:
    """The question is about one paper or one finding, in so many words: "I remember a paper
    where ...", "what was that ... model", "there's a method that ...", "which speaker verification
    paper ...", "how much smaller is ..."; it is answered by that paper unless another states the
    same."""
    text = question.strip()
    if asks_for_several(text):
        return False
    return bool(
        _ONE_PAPER.search(text)
        or _NUMERIC_CLAUSE.search(text)
        or _LOOKUP_OPENING.search(text)
        or _ONE_ASKED_FOR.match(text)
    )


def asks_for_several(question: str) -> bool:
    """The question names what it wants in the plural ("which papers ...", "what methods ...",
    "what newer variants of X ...", "how do X differ", "how has X been extended"): a request for
    every paper about something, not for one finding."""
    if _SEVERAL_WAYS.search(question):
        return True
    asked = _asked_for(question)
    if asked == "one":
        return False  # "which paper measures small models' ...": one paper, about models
    if asked == "several" or _PLURAL_OPENING.search(question):
        return True
    if _ACROSS_THE_PAPERS.search(question) and not _ONE_PAPER.search(question):
        # "Where does orthogonality do real technical work in these papers (...)?", "What work
        # in the collection tries to ...": asked of the papers in the plural (i011 cited one of
        # six), unless it sets up one ("is there a learning-rate-free step size rule ... in the
        # collection?")
        return True
    # "The term 'one-shot' seems to mean different things here. Which papers describe ...?":
    # the question after a sentence that sets it up asks in its own words, unless that sentence
    # sets up one paper ("I remember a paper on ... Which three real-world tasks did they test
    # on?" asks for that paper's tasks)
    later = _SENTENCE_START.split(question.strip(), maxsplit=1)
    return (
        len(later) > 1
        # (one that speaks of the papers in the plural sets up no one paper, whatever else it
        # says: "'Concept' means different things across these papers: ..., human-interpretable
        # concepts a model reasons with, ...")
        and (not _ONE_PAPER.search(later[0]) or _PAPERS_IN_PLURAL.search(later[0]) is not None)
        and asks_for_several(later[1])
    )


_ACROSS_THE_PAPERS = re.compile(
    r"\b(?:in|across|among|throughout)\s+(?:these\s+papers|(?:this|the)\s+collection)\b"
    # "what does 'smooth' ... refer to in each paper that uses it?" (j010 cited one of 12)
    r"|\b(?:in|for)\s+(?:each|every)\s+paper\b|\bfrom\s+paper\s+to\s+paper\b",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_PAPERS_IN_PLURAL = re.compile(
    r"\b(?:these|the|several|many|some|other|different)\s+papers\b|\bacross\s+(?:this\s+|the\s+)?"
    r"(?:collection|papers)\b",
    re.IGNORECASE,
)


def question_kind(question: str) -> QuestionKind:
    """A lookup asks for one paper ("which work does X?"); a topic asks about several."""
    text = question.strip()
    if _SEVERAL_WAYS.search(text):
        return "topic"  # "what work is there on X": "work" is no singular head here
    # (the question may follow what it says first: "'Concept' means different things across
    # these papers: concept drift ... . Which papers are built around concepts ...?")
    opening = re.search(
        r"(?:^|[.!?]\s+)\s*(?:which|what)\s+((?:[\w-]+\s+){0,6})", text, re.IGNORECASE
    )
    if opening:
        for word in opening.group(1).lower().split():
            if word in _PLURAL_HEADS:
                return "topic"
            if word in _SINGULAR_HEADS:
                return "lookup"
    if asks_for_several(text):
        return "topic"
    if asks_for_one(text):
        return "lookup"
    if re.match(r"^\s*how (?:do|did|can|could) .+ (?:differ|compare|vary)", text, re.IGNORECASE):
        return "topic"
    if _LOOKUP_OPENING.search(text):
        return "lookup"
    if _TOPIC_MARKERS.search(text):
        return "topic"
    return "lookup" if re.match(r"^\s*(?:which|what)\b", text, re.IGNORECASE) else "topic"


def content_tokens(text: str) -> list[str]:
    """Stemmed tokens of what a question is about, without the words that frame it."""
    return [token for token in tokenize(text) if token not in FRAMING_TOKENS]


def subject_tokens(text: str) -> list[str]:
    """``content_tokens`` without a phrase that names the whole field ("machine learning",
    "neural networks"; ``lexicon/field_phrases.txt``) joined to the subject by a preposition,
    unless nothing else is left: "causal inference in machine learning" is about causal
    inference, "machine learning for chemistry" about chemistry, every paper here being machine
    learning. Without the preposition the phrase is part of a term ("graph neural networks",
    "neural network pruning") and stays."""
    text = _ALIAS.sub(lambda match: _unless_alias(match, text), text)
    stripped = _field_qualifier().sub(" ", text)
    return content_tokens(stripped) or content_tokens(text)


# "graph neural networks (GNNs)": an acronym in brackets after the words it abbreviates
_ALIAS = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def _unless_alias(match: re.Match[str], text: str) -> str:
    """Nothing for an acronym that abbreviates the words before it ("self-supervised learning
    (SSL)": a paper need not write both to be about it); the bracket kept otherwise."""
    letters = match.group(1).rstrip("s").lower()
    head = text[: match.start()]
    # a hyphenated word gives one letter ("prior-data fitted networks", PFN) or one per part
    # ("self-supervised learning", SSL)
    for pattern in (r"[A-Za-z][A-Za-z-]*", r"[A-Za-z]+"):
        before = re.findall(pattern, head)
        initials = "".join(word[0].lower() for word in before[-len(letters) :])
        if len(before) >= len(letters) and initials == letters:
            return ""
    return match.group(0)


@cache
def _field_qualifier() -> re.Pattern[str]:
    phrases = sorted(words("field_phrases"), key=len, reverse=True)
    field = "|".join(re.escape(phrase) for phrase in phrases)
    before = r"(?:for|in|of|with|on|using|via|to|by|across|through)"
    return re.compile(
        rf"\b{before}\s+(?:{field})\b|^\s*(?:{field})\s+(?={before}\b)", re.IGNORECASE
    )


# A clause asking what something is called.
_NAMING_CLAUSE = re.compile(
    r"\b(?:(?:is|are|was|were) (?:it|they|this|that|its|their|the) (?:[\w-]+ ){0,4}?called|"
    r"what(?:['’]s| is| was) (?:it|its|the|this|their) (?:[\w-]+ ){0,3}?(?:name|called)|what (?:do|does|did) "
    r"(?:they|it|the authors) (?:call|name)|what name|under what name|(?:what|which) (?:term|terms|"
    r"names)\b|what (?:is|are) (?:it|they|these|those) called|"
    # "Which compression method is it?", "which benchmark was it chasing?": the thing asked for
    # is known by a name
    r"(?:which|what) (?:[a-z-]+ ){1,3}(?:is|was) (?:it|this|that)(?=(?:\s+\w+ing)?[\s?.!,]*$))",
    re.IGNORECASE,
)


@cache
def _release_words() -> tuple[frozenset[str], re.Pattern[str]]:
    single = frozenset(
        token for word in words("release_words") if "-" not in word for token in tokenize(word)
    )
    joined = "|".join(re.escape(word) for word in words("release_words") if "-" in word)
    return single, re.compile(rf"\b(?:{joined})\w*", re.IGNORECASE)


@lru_cache(maxsize=256)  # asked of the question once per evidence paper
def asks_for_release(text: str) -> bool:
    """Whether a question (or clause) asks what a paper makes available: its code, data or
    models (lexicon/release_words.txt)."""
    single, joined = _release_words()
    return not single.isdisjoint(tokenize(text)) or joined.search(text) is not None


def split_clauses(question: str) -> list[Clause]:
    """The question's clauses: "which work does X, and what speed-up does it report?" has two."""
    parts = [part for part in _split_outside_brackets(question) if part and part.strip(" ,?\n")]
    # a clause asks when it opens as a question does and its sentence is the question's (a
    # relative "where ..." in a sentence ending with a full stop only describes)
    questioning = "?" in question
    clauses = [
        Clause(
            part.strip(" ,?\n"),
            frozenset(content_tokens(part)),
            bool(_NUMERIC_CLAUSE.search(part)),
            identifies=bool(re.match(r"^\s*(?:which|what)\b", part, re.IGNORECASE)) and index == 0,
            names=bool(_NAMING_CLAUSE.search(part)) and not _NUMERIC_CLAUSE.search(part),
            asks=bool(_ASKING_CLAUSE.match(part))
            and (not questioning or _sentence_asks(question, part)),
            releases=asks_for_release(part),
            explains=bool(_EXPLAINING_CLAUSE.search(part)),
            means=bool(_MEANS_CLAUSE.search(part)),
            lacks=bool(_LACKS_CLAUSE.search(part)),
            tested_on=bool(_TESTED_ON_CLAUSE.search(part)),
        )
        for index, part in enumerate(parts)
    ]
    if any(clause.asks for clause in clauses):
        # a sentence that only sets the question up asks for no figure, whatever its words: "A
        # pruning paper ... to predict how well a network can be pruned afterwards. What two
        # kinds of knobs does its model use ...?" led with the sentence listing three case
        # studies, as though "how well" asked for a number (review79)
        clauses = [
            replace(clause, numeric=False)
            if not clause.asks and _ends_sentence(question, clause.text)
            else clause
            for clause in clauses
        ]
    return [clause for clause in clauses if clause.tokens or clause.numeric] or [
        Clause(
            question, frozenset(content_tokens(question)), bool(_NUMERIC_CLAUSE.search(question))
        )
    ]


def _ends_sentence(question: str, part: str) -> bool:
    """Whether the question's part is a sentence of its own, ended by a full stop."""
    at = question.find(part)
    return at >= 0 and question[at + len(part) : at + len(part) + 1] == "."


def _split_outside_brackets(question: str, separator: re.Pattern[str] | None = None) -> list[str]:
    """The question cut at each clause boundary (or ``separator``) that is not inside brackets:
    "what each changes about the drafter (which features it uses, what it predicts, how its
    heads are organised)" is one question with its parts listed, not three headed "... (which
    features it uses", "What it predicts" and "How its heads are organised)" (review56)."""
    depth, inside = 0, []
    for character in question:
        depth = depth + 1 if character == "(" else max(0, depth - 1) if character == ")" else depth
        inside.append(depth > 0)
    parts, start = [], 0
    for found in (separator or _CLAUSE_SPLIT).finditer(question):
        if found.start() < len(inside) and inside[found.start()]:
            continue
        parts.append(question[start : found.start()])
        start = found.end()
    parts.append(question[start:])
    return parts


# a clause asking by what means ("how does it predict ...", "how do they keep ..."); not how
# much, how many or how well, which ask for a figure
_MEANS_CLAUSE = re.compile(
    r"(?:^|\W)how\s+(?:does|do|did|is|are|was|were|can|could)\s+(?!\w+\s+(?:compare|differ|perform|do)\b)",
    re.IGNORECASE,
)
# a clause asking what something does without: its "without" stranded at the end ("... does it
# manage without?"), or "do away with", "dispense with"
_LACKS_CLAUSE = re.compile(
    r"\bwithout\s*[?.!]*\s*$|\b(?:do|does|did|can|could)\s+(?:\w+\s+)?away\s+with\b|"
    r"\bdispens\w*\s+with\b",
    re.IGNORECASE,
)
# a clause asking what a paper was tried on: "on what kinds of applications was it
# demonstrated", "which datasets is it evaluated on", "what tasks was it tested on"
_TESTED_VERB = (
    r"(?:demonstrat|evaluat|test|validat|appl|benchmark|experiment|tri|assess|illustrat)\w*"
)
_TESTED_ON_CLAUSE = re.compile(
    rf"\b(?:on|in|with|across)\s+(?:what|which)\b[^?.!]*\b{_TESTED_VERB}"
    r"|\b(?:what|which)\s+(?:[\w-]+\s+){0,3}?(?:datasets?|benchmarks?|tasks?|applications?|domains?|"
    rf"data|problems?|settings?)\b[^?.!]*\b{_TESTED_VERB}(?:\s+\w+)?\s+(?:on|with|in|to)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# ... and a sentence saying what a paper does away with
DOES_WITHOUT = re.compile(
    r"\b(?:without|obviat\w*|eliminat\w*|no\s+need|not\s+(?:need|require)\w*|dispens\w*|"
    r"removes?\s+the\s+need|free\s+of|avoids?\s+the\s+need)\b|\w-free\b",
    re.IGNORECASE,
)
# a clause asking for a cause
_EXPLAINING_CLAUSE = re.compile(
    r"\b(?:why|how come|what (?:causes|caused|drives|explains)|(?:the|a) (?:causes?|reasons?) "
    r"(?:of|for|behind)|explain(?:s|ing)? (?:why|what causes))\b",
    re.IGNORECASE,
)
_ASKING_CLAUSE = re.compile(
    r"^\s*(?:(?:on|in|at|by|for|from|with|across|over|to|and)\s+)?(?:what|what's|how|which|why|who|"
    r"whose|where|when|whether|is|are|was|were|do|does|did|can|could|should|would|will|has|have|"
    r"compare|contrast|list|name|give|tell|find|show|describe|explain|summari[sz]e)\b"
    rf"|^\s*(?:and\s+)?{_ASKED_BY_USE}",
    re.IGNORECASE,
)


_SENTENCE_STOP = re.compile(r"[.?!]\s+")
# a sentence asking in the imperative ("Compare ...", "List ...", "Tell me ...")
_IMPERATIVE = re.compile(
    r"\s*(?:please\s+)?(?:compare|contrast|list|name|give|tell|describe|explain|summari[sz]e)\b",
    re.IGNORECASE,
)


def _sentence_asks(question: str, part: str) -> bool:
    """Whether the sentence of the question holding ``part`` ends with a question mark, or
    opens by asking in the imperative ("Do language models need a tokenizer? Compare ...: what
    each trains on, ... and what kind of evidence each provides." asks three things of each
    paper, after a full stop; review82: the table had no column for any)."""
    start = question.find(part)
    if start < 0:
        return True
    opening = max((stop.end() for stop in _SENTENCE_STOP.finditer(question, 0, start)), default=0)
    if _IMPERATIVE.match(question, opening) is not None:
        return True
    end = re.search(r"[.?!](?:\s|$)", question[start + len(part.rstrip(" ?.!\n")) :])
    return end is None or end.group(0)[0] == "?"


def focus_phrase(question: str) -> str:
    """The question without its framing.

    "how do entropy-based TTA methods differ" -> "entropy-based TTA methods".
    """
    text = question.strip().rstrip("?.! ")
    patterns = (
        r"^(?:how|in what ways?) (?:do|does|did|can|could) (.+?) (?:differ|compare|relate|"
        r"vary)(?: from each other| from one another)?$",
        r"^what (?:research|work|literature) (?:is there|exists) (?:on|about|into) (.+)$",
        r"^which (?:papers|works|studies|methods|approaches) (?:are about|address|tackle|study|"
        r"propose|investigate|use|apply|design|build|make|try to|work on|analy[sz]e|"
        r"quantify) (.+)$",
        r"^(?:what|which) (?:are|is) (?:the )?(?:main |different )?(?:approaches|methods|papers|"
        r"works) (?:to|for|on) (.+)$",
        r"^(?:tell me about|give an overview of|summari[sz]e|describe|explain) (.+)$",
    )
    for pattern in patterns:
        match = re.match(pattern, text, re.IGNORECASE)
        if match:
            return match.group(1).strip()
    return text


SHORT_FOCUS = 4  # focus tokens up to which a question reads as a topic phrase
# "mask-and-reconstruct" is one word, not two parts
_PART_SPLIT = re.compile(r"\s*(?:,|;|(?<!-)\b(?:and|or)\b(?!-)|/)\s*", re.IGNORECASE)
# a word written as an acronym: two capitals or more ("LSTMs", "GNNs", "MoE")
_ACRONYM_WORD = re.compile(r"[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*")
_ITEM_WORDS = 3  # a coordinated topic is a short phrase; longer pieces are clauses
_ASKS = re.compile(
    r"^\s*(?:which|what|how|why|where|when|who|is|are|do|does|did|can|could|should|compare|"
    r"find|list|show|give|tell)\b|.*\?\s*$",
    re.IGNORECASE | re.DOTALL,
)


def is_question(text: str) -> bool:
    """Whether a request is put as a question ("which ...", "... ?"), not a topic phrase."""
    return _ASKS.match(text) is not None


# What a request rules out: "attention-free architectures", "data other than images", "cut the
# parameters a network stores without pruning it" (a single word closing its clause: "without
# fine-tuning by ..." describes how a method works, not what is out)
_RULED_OUT = re.compile(
    r"\b([A-Za-z]+)-free\b|\bother than\s+([A-Za-z]+)|\bwithout\s+([a-z]+)(?=\s+it\b|\s*[,.;?)]|$)"
)


def ruled_out(request: str) -> list[tuple[str, str]]:
    """The words a request rules out, each with its stem: [("attention", "attent")]."""
    found = []
    for match in _RULED_OUT.finditer(request):
        word = next(group for group in match.groups() if group)
        found += [(word.lower(), stem) for stem in tokenize(word)]
    return found


# "Please leave out classic draft-then-verify speculative decoding": a phrase the request asks
# to leave out, in so many words
# ... or says it does not mean: "(I don't mean hyperparameter / black-box function optimisation)"
# ... or sets against what it asks for: "problems other than games, robot control, or LLM
# alignment/reasoning" (a blind reader: "RL for LLM reasoning is cited for a request that
# excludes it", review47), "interpretable-by-design predictors rather than post-hoc explanation",
# "as opposed to an LLM evaluation benchmark". The phrase runs on through a list closed by
# "or"/"and" ("games, robot control, or ..."), not into the clause after it ("Apart from
# LoRA-style adapters for fine-tuning, where do ...").
_LEFT_OUT_ITEM = r"[^,.;:?()]+"
_QUESTION_WORD = r"(?:what|which|where|how|who|whom|whose|when|why|is|are|do|does|did)\b"
# (an item before the list's closing "or" ends there: "SGD noise, acoustic noise | or
# adversarial perturbations" left out "SGD noise" alone; l010)
_LEFT_OUT_LISTED = r"[\w'/-]+(?:\s+[\w'/-]+){0,4}?(?=\s*(?:[,.;:?()]|$)|\s+(?:or|and|nor)\s)"
_LEFT_OUT = re.compile(
    r"\b(?:leave out|leaving out|exclude|excluding|except for|(?:don't|do not) mean|"
    r"(?:am|are|is|I'm|we're)\s+not\s+(?:interested in|looking for)|"
    # "I don't need papers that are only about how large the step size should be" (r001: the
    # large-learning-rate paper opened the answer)
    r"(?:don't|do not)\s+(?:need|want)|"
    r"other than|rather than|as opposed to|apart from|aside from|"
    # ... or a "not" opening a sentence, an aside or a clause after a comma: "Not 3D Gaussian
    # splatting-style representations or results about Gaussian-distributed data." (review76:
    # the one 3DGS paper led the answer), "(not astrophysics)", ", not masked-encoder models"
    r"(?:(?<=^)|(?<=[.;:!?,(\u2014\u2013]\s)|(?<=[(\u2014\u2013]))not"
    rf"(?!\s+(?:only|just|necessarily|merely|simply|always|least|quite|yet|even|so|too|"
    rf"enough|{_QUESTION_WORD}|I|we)\b))\s+"
    rf"(?P<phrase>{_LEFT_OUT_ITEM}(?:(?:,\s+(?!(?:or|and|nor|e\.g|i\.e|such)\b|{_QUESTION_WORD})"
    rf"{_LEFT_OUT_LISTED})*"
    rf",?\s+(?:or|and|nor)\s+(?!{_QUESTION_WORD}){_LEFT_OUT_LISTED})?)"
    # ... and what it calls it in brackets: "Apart from averaging weights (model merging), what
    # approaches exist ...?" (b435 was answered by a model-merging paper; review67)
    r"(?:\((?P<alias>[^()]{3,60})\))?",
    re.IGNORECASE,
)
# ... or said of it after it: "Lossless speculative decoding is only a contrast, not what I
# need." (j003 cited eleven speculative decoders among its twelve papers)
_LEFT_OUT_AFTER = re.compile(
    r"(?:^|[.;:!?]\s+)(?P<phrase>[A-Za-z][\w/ -]{2,60}?)\s+(?:is|are)\s+(?:only\s+(?:a|as\s+a)\s+"
    r"contrast|out\s+of\s+scope|not\s+what\s+(?:I|we)\s+(?:need|want|mean|am\s+after|are\s+after))\b"
    # ... or a word's sense it does not mean: "'Fair' in the sense of unbiased LLM judges or
    # apples-to-apples architecture benchmarks is not what I mean" (l003 cited both kinds)
    r"|(?:^|[.;:!?]\s+)['\"‘“]?[\w-]+['\"’”]?\s+in\s+the\s+sense\s+of\s+(?P<sense>[^.;:?!()]{3,100}?)"
    r"\s+(?:is|are)\s+not\s+what\s+(?:I|we)\s+(?:need|want|mean)\b"
    # ... or asks to put aside: "Leave recommender item catalogues aside." (l011 was answered
    # with three recommenders first)
    r"|\b(?:leave|leaving|set|setting|put|putting)\s+(?P<aside>(?!aside\b)[^.;:?!()]{3,60}?)"
    r"\s+aside\b"
    # ... or opens on it: "Speculative decoding aside, which papers make running language
    # models cheaper ...?" (r011 cited eight speculative decoders and nothing else)
    r"|(?:^|[.;:!?]\s+)(?P<opening>[A-Za-z][\w/ -]{2,60}?)\s+aside\s*,",
    re.IGNORECASE,
)
# the items of a phrase left out: "product/item recommenders and ordinary language modelling",
# "games, robot control, or LLM alignment/reasoning"
_LEFT_OUT_ITEMS = re.compile(
    r",\s*(?:(?:and|or|nor)\s+)?|\s+(?:and|or|nor)\s+|\s+/\s+", re.IGNORECASE
)
# "LLM alignment/reasoning": heads the words before them share ("product/item recommenders"
# shares its head instead, and is one item)
_SHARED_OPENING = re.compile(r"^(?P<opening>.*?)(?P<first>[\w'-]+)/(?P<second>[\w'-]+)\s*$")
_LIKE_SUFFIX = re.compile(r"(?<=\w)-(?:style|like|type|esque)\b", re.IGNORECASE)
# an item left out that describes papers rather than naming a kind of work ("papers whose only
# point is that lower perplexity doesn't give better generated text")
_DESCRIBES = re.compile(r"\b(?:whose|that|which|who|where|when|if|only|papers?|works?)\b", re.I)
_ITEM_PURPOSE = re.compile(r"\s+(?:for|in|on|with|to|at|by|via)\s+(?=\S)", re.IGNORECASE)
# ... and a kind of work is named in at most this many content words
_TERM_WORDS = 4


# What a request sets aside before asking ("Apart from LoRA-style adapters, ...", "Besides
# LLaMA-family and GPT-2 models, ..."), as well as what it asks to leave out
_SET_ASIDE = re.compile(
    rf"{_LEFT_OUT.pattern}|\b(?:apart from|aside from|leaving aside|besides|other than)\s+"
    r"(?P<aside>[^,.;:?()]+)",
    re.IGNORECASE,
)


def left_out(request: str, *, disowned: bool = False) -> list[tuple[str, ...]]:
    """The phrases a request asks to leave out, each as the stems of its head (its last two
    content words): ("specul", "decod") for "classic draft-then-verify speculative decoding";
    a list, item by item: "product/item recommenders and ordinary language modelling" leaves
    out ("item", "recommend") and ("languag", "model") (only the last was left out).
    ``disowned``: only what it says it does not want ("I don't mean ...", "leave out ...", "...
    is not what I need"), not what it sets its subject against ("historical business outcomes
    rather than A/B-test data": a lookup's paper may well write it)."""
    return [tuple(tokens[-2:]) for tokens, _ in _left_out_items(request, disowned=disowned)]


def left_out_terms(request: str, *, disowned: bool = False) -> list[tuple[str, ...]]:
    """What a request leaves out that names a kind of work in two to ``_TERM_WORDS`` words
    ("diffusion-type image generators": ("diffus", "imag", "generat")), every word stemmed; not
    a description of papers ("papers whose only point is that ..."). A paper whose own claims
    write every word of one is of that kind even when its title does not name it ("Score-Based
    Generative Modeling through Stochastic Differential Equations" reports its image
    generation)."""
    return [
        tokens
        for tokens, term in _left_out_items(request, disowned=disowned)
        if term and len(tokens) >= 2
    ]


# the words of a request that disown what follows, rather than set the subject against it
_DISOWNING = re.compile(
    r"^(?:leave out|leaving out|exclude|excluding|except for|apart from|aside from|other than|"
    r"(?:don't|do not) mean|(?:don't|do not)\s+(?:need|want)|not|"
    r"(?:am|are|is|I'm|we're)\s+not\s+(?:interested in|looking for))\b",
    re.IGNORECASE,
)


def _left_out_phrase(match: re.Match[str]) -> str:
    """The phrase a left-out match names, whichever of its forms matched."""
    groups = match.groupdict()
    return next(
        groups[name] for name in ("phrase", "sense", "aside", "opening") if groups.get(name)
    )


def _left_out_matches(request: str, *, disowned: bool) -> list[re.Match[str]]:
    """Where a request leaves something out (``disowned``: says it does not want it)."""
    return [
        *(
            match
            for match in _LEFT_OUT.finditer(request)
            if not disowned or _DISOWNING.match(match.group(0))
        ),
        *_LEFT_OUT_AFTER.finditer(request),
    ]


def asked_part(request: str) -> str:
    """The request without what it says it does not want: what it asks about, which retrieval
    searches for. "Which papers use Gaussian processes ...? Not 3D Gaussian splatting-style
    representations ..." is searched by its Gaussian processes; the splatting paper led its
    answer (review76). The answer still weighs the request whole: without the disowned words, a
    short request is written whole by general papers (topic precision fell)."""
    phrases, rest = left_out_phrases(request)
    rest = " ".join(rest.split())
    return rest if phrases and content_tokens(rest) else request


def left_out_phrases(request: str) -> tuple[list[str], str]:
    """What a request says it does not want, as it words it ("recommender item catalogues",
    "averaging weights", "model merging"), and the request without it: to be read for their
    meaning, where the stems of ``left_out`` find only the papers that write them. No phrases
    (and the request whole) when it disowns nothing."""
    phrases: list[str] = []
    rest = request
    for match in _left_out_matches(request, disowned=True):
        if _NAMES_LIKE.search(_left_out_phrase(match)):
            # ("I don't mean method names like 'training-free' or 'data-free'": words, not a
            # meaning; CodeGen2's "'free lunch' hypothesis" sat nearer to it than to the rest of
            # the request and was left out; review82)
            rest = rest.replace(match.group(0), " ")
            continue
        phrases.append(_left_out_phrase(match).strip())
        if match.groupdict().get("alias"):
            phrases.append(match["alias"].strip())
        rest = rest.replace(match.group(0), " ")
    return list(dict.fromkeys(phrase for phrase in phrases if phrase)), rest


# what a request leaves out as words, not as a kind of work: "method names like 'X' or 'Y'"
_NAMES_LIKE = re.compile(
    r"\b(?:names?|words?|terms?|labels?|titles?)\s+(?:like|such\s+as)\b", re.IGNORECASE
)
_QUOTED_WORDS = re.compile(r"['‘\"“]([^'’\"”]{2,40})['’\"”]")


def _left_out_items(request: str, *, disowned: bool = False) -> list[tuple[tuple[str, ...], bool]]:
    """Each item a request leaves out (its content words) and whether it names a kind of work."""
    items = []
    for match in _left_out_matches(request, disowned=disowned):
        aliases = [match["alias"]] if "alias" in match.groupdict() and match["alias"] else []
        phrase = _left_out_phrase(match)
        if _NAMES_LIKE.search(phrase):
            # "method names like 'training-free' or 'data-free'": the words it quotes, each a
            # term as written
            items += [
                (tuple(tokens), True)
                for quoted in _QUOTED_WORDS.findall(phrase)
                if (tokens := content_tokens(quoted))
            ]
            continue
        for listed in [*_LEFT_OUT_ITEMS.split(phrase), *aliases]:
            # "LoRA-style adapters": LoRA's adapters, not anything of a style
            listed = _LIKE_SUFFIX.sub("", listed)
            # "LoRA-style adapters for fine-tuning": the kind of work is what comes before what
            # it is for ("fine-tuning" would leave out every fine-tuning paper)
            listed = _ITEM_PURPOSE.split(listed, maxsplit=1)[0]
            shared = _SHARED_OPENING.match(listed)
            for item in (
                [shared["opening"] + shared["first"], shared["opening"] + shared["second"]]
                if shared is not None
                else [listed]
            ):
                tokens = content_tokens(item)
                if tokens:
                    term = len(tokens) <= _TERM_WORDS and _DESCRIBES.search(item) is None
                    items.append((tuple(tokens), term))
    return items


# The examples a question lists ("(ordinal grades, sets, sentiment tuples, VQA answers)",
# "e.g. SHAP or integrated gradients"): a bracketed aside with two items or more, or what follows
# "e.g.", "such as", "for example" or "including" up to the end of the clause (or a word that
# starts one: "such as SHAP or integrated gradients to find ...").
_BRACKETED = re.compile(r"\(([^()]*)\)")
_EXAMPLES_AFTER = re.compile(
    r"\b(?:e\.g\.|for example|such as|including)\s*,?\s*"
    r"((?:(?!\b(?:to|that|which|where|when|with|in order)\b)[^;:?()])*)",
    re.IGNORECASE,
)
_ITEM_SEPARATOR = re.compile(r",|\bor\b|\band\b|/", re.IGNORECASE)


# an aside between two dashes, as a bracket sets one apart ("medical imaging data — X-rays,
# MRI, histopathology slides or biomarkers derived from scans — and what ...")
_DASHED_ASIDE = re.compile(r"\s(?:—|–|--)\s*([^—–]*?)\s*(?:—|–|--)(?=\s)")


def listed_examples(question: str) -> list[str]:
    """The lists of examples a question gives, each as its text: what it asks about is the
    rest, and a question does not stand or fall with one of its examples (m014 abstained as
    "never mentions 'MRI'", one of four kinds of medical imaging it listed between dashes)."""
    found = [
        match.group(1)
        for pattern in (_BRACKETED, _DASHED_ASIDE)
        for match in pattern.finditer(question)
        if _ITEM_SEPARATOR.search(match.group(1))
    ]
    found += [
        match.group(1)
        for match in _EXAMPLES_AFTER.finditer(question)
        if _ITEM_SEPARATOR.search(match.group(1))
    ]
    return found


def listed_items(question: str) -> list[str]:
    """Each example the question lists, in its order: "(time series, federated data,
    adversarial inputs, code generation)" gives four."""
    return [item for items in listed_groups(question) for item in items]


def listed_groups(question: str) -> list[list[str]]:
    """The examples of each list a question gives, one list of items per list."""
    return [
        [item.strip(" .?!") for item in _ITEM_SEPARATOR.split(example) if item.strip(" .?!")]
        for example in listed_examples(question)
    ]


# ... and a question's pieces: its examples ("e.g. private inference, differential privacy")
# and asides, bracketed or between dashes, are pieces too
_PIECE_SPLIT = re.compile(
    r"\s*(?:,|;|\(|\)|—|–|\s--\s|\be\.g\.|\bsuch as\b|\bincluding\b|\band\b|\bor\b|/)\s*",
    re.IGNORECASE,
)


def question_pieces(question: str) -> list[str]:
    """The pieces of a question that lists what it asks about ("Which papers are motivated by
    protecting users' private data, e.g. private inference, differential privacy, or ..."): each
    of at least two content words; none when the question is one piece."""
    pieces = [
        piece.strip(" ?.!")
        for piece in _PIECE_SPLIT.split(question)
        if piece and len(content_tokens(piece)) >= 2
    ]
    return pieces if len(pieces) > 1 else []


# "WideNet (going wider instead of deeper), randomized parameter sharing, and FreezeNet: how does
# each ...": the things a comparison names, before what it asks of them
_COMPARE_FRAME = re.compile(
    r"^\s*(?:(?:compare|contrast)\s+(?:how\s+|what\s+)?|(?:how|in what ways?)\s+(?:do|does|did)\s+)"
    r"|\s+(?:differ|compare)\b.*$",
    re.IGNORECASE,
)
_COMPARED_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bvs\.?|\bversus\b)\s*", re.IGNORECASE)


# the axes a comparison names inside its first clause: "differ in where memories are stored"
_DIFFER_IN = re.compile(r"\bdiffer\s+(?:in|on)\s+(?P<axis>(?:what|where|how|which|when|why)\b.+)$")
# the question mark (or full stop) an axis ends on: a column heading is no sentence
_AXIS_NOISE = re.compile(r"[?.!\s]+$")
MAX_AXES = 3  # a table of more named axes than this reads as a wall of cells


def question_heading(text: str) -> str:
    """A question as a table column is found by it: case, spacing and the closing mark aside
    ("How does each close it?" heads the column "how does each close it"). The table and the
    eval's question cells match columns by this one reading."""
    return " ".join(text.casefold().rstrip(" ?.!").split())


def compared_axes(request: str) -> list[str]:
    """The questions a comparison asks of each paper beyond its topic, in its own words ("how
    does each decide how long a step to take", "what guarantees do they offer"; "differ in
    where memories are stored, how they are retrieved, and how learning happens" names three):
    each is a column of the comparison table. None when the request only names a topic."""
    clauses = split_clauses(request)
    if len(clauses) < 2 and not _done_by_each(request):
        return []
    axes = []
    differ = _DIFFER_IN.search(clauses[0].text)
    if differ is not None:
        axes.append(differ.group("axis"))
    done = _done_by_each(clauses[0].text)
    if done:
        axes.append(f"How they {done}")
    # (not the sentence asking to compare after one setting the question up: "Do language
    # models need a tokenizer? Compare the theory paper ... against the byte-level model ...:
    # what each trains on, ..." names what it compares, and asks nothing of each; review82)
    axes += [clause.text for clause in clauses[1:] if clause_axis(clause)]
    named = []
    for axis in axes:
        heading = _as_axis(axis)
        if heading and heading not in named:
            named.append(heading)
    return named[:MAX_AXES]


def clause_axis(clause: Clause) -> str:
    """The question a clause after a comparison's topic asks of each paper, as its table column
    heads it ("How does each decide how long a step to take"); "" for a clause that asks none,
    or asks to compare (the sentence naming what is compared, after one setting it up)."""
    return _as_axis(clause.text) if clause.asks and not _COMPARE_VERB.match(clause.text) else ""


def _as_axis(text: str) -> str:
    axis = _AXIS_NOISE.sub("", re.sub(r"^(?:and|or)\s+", "", text.strip()))
    return sentence_case(axis) if content_tokens(axis) else ""


_COMPARE_HOW = re.compile(r"^\s*(?:compare|contrast)\s+how\s+", re.IGNORECASE)
_LIST_JOIN = re.compile(r",|\band\b", re.IGNORECASE)


def _done_by_each(clause: str) -> str:
    """What "Compare how A, B and C <verb> ..." asks of each of the things it lists: the verb
    (lexicon/comparison_verbs.txt) after the last of them and what follows it ("avoid collapsed
    or trivial representations"); "" for any other clause."""
    frame = _COMPARE_HOW.match(clause)
    if frame is None:
        return ""
    joins = list(_LIST_JOIN.finditer(clause, frame.end()))
    if not joins:
        return ""
    verbs = set(words("comparison_verbs"))
    tail = clause[joins[-1].end() :]
    for found in re.finditer(r"[A-Za-z-]+", tail):
        if found.group(0).lower() in verbs and found.start() > 0:
            return _AXIS_NOISE.sub("", tail[found.start() :].strip())
    return ""


@cache
def _goal_words() -> frozenset[str]:
    return frozenset(token for word in words("goal_words") for token in content_tokens(word))


@cache
def _flaw_words() -> tuple[frozenset[str], frozenset[str]]:
    return (
        frozenset(token for word in words("flaw_nouns") for token in content_tokens(word)),
        frozenset(token for word in words("flaw_verbs") for token in content_tokens(word)),
    )


def asks_goal(clause: str) -> bool:
    """Whether a question asked of each compared paper asks what it sets out to fix or achieve
    ("what is each aiming to get right", "what problem is each trying to fix";
    lexicon/goal_words.txt), which the problem its abstract states answers; so does a flaw of
    earlier work it targets ("what limitation of earlier drafters each one targets": review64,
    CORAL's remedy stood under it; lexicon/flaw_nouns.txt, flaw_verbs.txt)."""
    tokens = set(content_tokens(clause))
    nouns, verbs = _flaw_words()
    return bool(tokens & _goal_words()) or bool(tokens & nouns and tokens & verbs)


# a question asking each for its figures: "what FID or quality numbers do they report", "by how
# much", "what speedups"
_FIGURES_ASKED = re.compile(
    r"\b(?:numbers|figures|how\s+much|how\s+many\s+times|speed-?ups?|"
    # a size asked of what each reports: "how big are the savings they report" (the note said
    # no sentence was matched to it beside a result column stating the savings; u012)
    r"how\s+(?:big|large|small|fast)\s+(?:is|are|was|were)\b)",
    re.IGNORECASE,
)


def asks_figures(clause: str) -> bool:
    """Whether a question asked of each compared paper asks for the figures it reports: only a
    sentence stating one answers it (review62: "What FID or quality numbers do they report" was
    answered "Diffusion models require a large number of sampling steps")."""
    return _FIGURES_ASKED.search(clause) is not None


def asks_results(clause: str) -> bool:
    """Whether a question asked of each compared paper asks what it reports: its figures, or its
    results, gains or improvements in so many words ("What results do they report", "What
    improvements does each claim"); the reported result answers it."""
    return asks_figures(clause) or _RESULTS_ASKED.search(clause) is not None


# ("what does it gain" asks what a method buys, not what it reports; "what does each claim
# about accuracy", "what do they report on ..." ask what it reports of a measure)
_RESULTS_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:[\w-]+\s+)?(?:results?|gains?|improvements?)\s+(?:do|does|did|each|they)\b"
    r"|\bwhat\s+(?:do|does|did)\s+(?:each|they|both|it)(?:\s+one)?\s+(?:claims?|reports?)\s+(?:about|on|for)\b",
    re.IGNORECASE,
)


def compared_topic(request: str) -> str:
    """What a comparison compares, its first clause less any question it asks there of each
    ("... differ in where memories are stored": memories; "Compare how A, B and C avoid
    collapse": A, B and C)."""
    head = split_clauses(request)[0].text
    head = re.split(r"\bdiffer\s+(?:in|on)\b", head)[0]
    done = _done_by_each(head)
    return head[: head.rindex(done)] if done else head


def sole_names(request: str, names: Sequence[str]) -> list[str]:
    """Those of ``names`` (rare capitalised words of the request) it asks about with no
    alternative beside them: not one inside parentheses, an example ("(e.g., SHAP)", "(Hessian
    approximations)"), nor one an "or" or a slash joins to another way of saying what is asked
    ("predictive multiplicity or Rashomon sets", "Rashomon effect / predictive multiplicity")."""
    if re.search(r"\bor\b|/", request, re.IGNORECASE):
        return []
    bracketed = " ".join(_BRACKETED.findall(request))
    return [name for name in names if name not in bracketed]


def asks_to_compare(request: str) -> bool:
    """Whether a request asks in so many words to compare ("Compare ...", "Contrast ...", "How
    do A and B differ ..."), rather than naming a topic to compare papers on."""
    return _ASKS_TO_COMPARE.match(request) is not None


_COMPARE_VERB = re.compile(r"\s*(?:please\s+)?(?:compare|contrast)\b", re.IGNORECASE)
_ASKS_TO_COMPARE = re.compile(r"\s*(?:compare|contrast|how\s+do(?:es)?)\b", re.IGNORECASE)


def listed_things(request: str) -> list[str]:
    """The things a request lists as what it covers, after a colon, in brackets or after "such
    as", examples or the parts of its topic alike ("LLM-based agents ...: agents that forecast
    the result of an action ..., agents that explore too little ..., LLMs acting as scientists
    ..."), each as its text; none unless it lists two or more. (``listed_items`` reads only
    examples, by their own markers.)"""
    listed = listed_text(request)
    if listed is None:
        return []
    # The list ends with its sentence ("...; and science networks predicting several targets
    # jointly. Leave out merging separately fine-tuned models and learning tasks one after
    # another": what it leaves out is no thread of it; v010). A list set off by semicolons is
    # cut at them only, its items holding commas and "and"s of their own ("one vision backbone
    # jointly doing detection, segmentation and captioning; clinical prediction models ..."),
    # and no list is cut inside brackets ("recommenders that predict auxiliary targets
    # (categories, behaviour types) alongside the next item").
    listed = _LIST_END.split(listed)[0].rstrip(" .?")
    semicolons = len(_split_outside_brackets(listed, _LISTED_SEMICOLON)) > 1
    separator = _LISTED_SEMICOLON if semicolons else _LISTED_SPLIT
    items = [part.strip() for part in _split_outside_brackets(listed, separator)]
    items = [item for item in items if content_tokens(item)]
    return items if len(items) >= 2 else []


def listed_text(request: str) -> str | None:
    """What follows a request's colon, its bracket or "such as": where it lists things."""
    found = (
        _ANNOUNCED_THREADS.search(request)
        or re.search(r":\s*(.+)$", request)
        or re.search(r"\(([^)]+)\)", request)
        or re.search(r"\b(?:such as|e\.g\.,?|including|like)\s+(.+)$", request)
    )
    # ("(for example gradient descent, ridge regression, ...)": the marker is no part of the
    # first thing listed)
    return _EXAMPLE_MARKER.sub("", found.group(1)) if found is not None else None


# a later sentence announcing the list in a few words of its own ("... edits in weight space
# instead of retraining: adding a skill, deleting ... . Threads I need: (1) merging ...; (2)
# ..."): the threads are what it lists, not the examples an earlier colon gave (w001)
_ANNOUNCED_THREADS = re.compile(r"(?<=[.?!])\s+(?:[A-Z][\w-]*)(?:\s+[\w-]+){0,3}:\s+(.+)$")


# the list ends where a new sentence starts ("..., motion flow in video. Which papers ...")
_LIST_END = re.compile(r"(?<=[\w)'\"’”])[.?!]\s+(?=[A-Z'\"‘“])")
# a listed part that asks rather than names ("..., or something else, and in which sense?")
_ASKS_PART = re.compile(
    r"^\s*(?:what|which|how|why|where|when|whether|who|in\s+(?:which|what))\b", re.IGNORECASE
)


_EXAMPLE_INSIDE = re.compile(
    r"^.*?(?:\b(?:such\s+as|including)|\b[ei]\.[eg]\.,?)\s+", re.IGNORECASE
)


def listed_senses(request: str) -> list[str]:
    """The senses or kinds a question lists for the papers to be told apart by, each as its
    text, in its order ("'Universal' is used loosely ...: a pattern that supposedly holds across
    many datasets or models, a learner/approximator that can in principle learn anything, or a
    single model meant to serve every dataset or task" gives three). A part that asks ("in which
    sense") or says only "and more" (lexicon/open_list_ends.txt) is none. None unless two or
    more, and none where a part is a plain word alone."""
    listed = listed_text(request)
    if listed is None:
        return []
    listed = _LIST_END.split(listed)[0].rstrip(" .?!")
    threads = _semicolon_threads(listed)
    if threads:
        return threads
    if _ASKS_PART.match(listed):
        # ("...: how SGD noise, step size and teacher-student training bias what networks end
        # up learning" lists in a clause that asks; "teacher-student training bias what ..." is
        # no sense)
        return []
    # (an aside in brackets is no sense of its own: "continual learners that add a small new
    # component per task (a low-rank update, a mask, ...)")
    listed = re.sub(r"\s*\([^()]*\)?", "", listed)
    # a list's items are what its commas part, and its last "and"/"or" where no comma comes
    # before it ("A, B and C"); an "or" inside an item stays ("a single model meant to serve
    # every dataset or task")
    parts = re.split(r"\s*[,;]\s*", listed)
    closed = len(parts) > 1 and re.match(r"(?:and|or)\s", parts[-1]) is not None
    parts = [re.sub(r"^(?:and|or)\s+", "", part) for part in parts]
    if not closed:
        # (at its last "and", else its last "or": "..., boosting-style training that adds small
        # networks or blocks round by round and continual learners ...")
        last = re.search(r"^(.*)\s+and\s+(.*)$", parts[-1]) or re.search(
            r"^(.*)\s+or\s+(.*)$", parts[-1]
        )
        if last is not None:
            parts[-1:] = [last.group(1), last.group(2)]
    ends = set(words("open_list_ends"))
    senses: list[str] = []
    for part in parts:
        # ("variants such as ImageNet-C": the example is the sense)
        part = _EXAMPLE_INSIDE.sub("", part).strip(" '\"‘’“”")
        elided = _ELIDED_HEAD.match(part)
        if elided is not None and senses:
            # "fine-tuning on feedback or on logged outcomes": the last item shares the head of
            # the one before it ("fine-tuning on logged outcomes"), which "on logged outcomes"
            # alone does not say (review91: the paper fine-tuning on observational data was
            # placed under feedback, and the note said none went under "on logged outcomes")
            head = re.search(rf"^(.+?)\s+{elided.group(1)}\s", senses[-1], re.IGNORECASE)
            if head is not None:
                part = f"{head.group(1)} {part}"
        if content_tokens(part) and not _ASKS_PART.match(part) and part.lower() not in ends:
            senses.append(part)
    if any(len(content_tokens(sense)) == 1 and sense.islower() for sense in senses):
        # a plain word alone is a modifier cut from its noun ("(possibly imperfect or costly)
        # predictions", "CIFAR-10 (including corrupted, sequential or split versions)"), not a
        # sense a heading can stand for
        return []
    return senses if len(senses) >= 2 else []


def _semicolon_threads(listed: str) -> list[str]:
    """The threads of a list set off by semicolons, each whole ("how much of the next several
    tokens is already encoded in a single hidden state; speculative-decoding drafters ... ; and
    having a small model produce an approximate KV cache ..." gives three): its commas and
    "and"s are its items' own, a thread may be said as a question (w007 was read as one clause
    that asks, and no thread was a paragraph), and an enumerator ("(ii)") or an aside in
    brackets is no part of it. A part opening on a preposition ("...; across images, molecules
    and text") says where the others hold, and is none. None unless two or more."""
    parts = _split_outside_brackets(listed, _LISTED_SEMICOLON)
    if len(parts) < 2:
        return []
    threads = []
    for part in parts:
        part = re.sub(r"\s*\([^()]*\)", "", part).strip(" ,.")
        part = re.sub(r"^(?:and|or)\s+", "", part)
        if not content_tokens(part) or _ELIDED_HEAD.match(part):
            continue
        threads.append(part)
    return threads if len(threads) >= 2 else []


# a list item opening on a preposition leaves out the head it shares with the item before it
_ELIDED_HEAD = re.compile(
    r"(on|in|with|from|for|by|via|using|over|under|without|across)\s", re.IGNORECASE
)


def sense_headings(request: str) -> list[str]:
    """The headings a topic answer told sense by sense gives its senses: each in the request's
    words (the writer heads them so, and the lint takes them as the user's, not as topics mined
    from the papers)."""
    return [sentence_case(sense) for sense in listed_senses(request)]


_EXAMPLE_MARKER = re.compile(
    r"^\s*(?:(?:for\s+example|for\s+instance|such\s+as|including|like)\b|e\.g\.),?\s*",
    re.IGNORECASE,
)


_LISTED_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|;\s*|\s+or\s+|\s+and\s+")
_LISTED_SEMICOLON = re.compile(r"\s*;\s*(?:and\s+|or\s+)?")


def compared_items(request: str) -> list[str]:
    """The items a comparison lists, each as its text ("WideNet", "randomized parameter
    sharing", "FreezeNet"); none unless it lists two or more."""
    # (its first sentence: "DEUP and MAQA both try to separate ... . How does each define ...?"
    # names two, and the question after them is no item; i015)
    head = re.split(r"[:?]|\s+[-—–]\s+", split_sentences(request)[0], maxsplit=1)[0]
    announced = _ANNOUNCED_LIST.search(request)
    if announced is not None:
        # "Three papers take a position on emergent abilities in LLMs: the 'mirage' paper, the
        # PassUntil paper, and the observational scaling laws paper. Compare ...": the papers
        # the request counts are listed after its colon (review52: the third was not compared)
        head = announced.group("listed")
    framed = _COMPARE_WITH.match(head) is not None
    # "MEND, IRepair and Single Layer Single Gradient Unlearning all change only part of a
    # trained model": what the items do together is said after the last, and is no item (j015)
    shared = _SHARED_PREDICATE.search(head)
    if shared is not None and _COMPARED_SPLIT.search(head[: shared.start()]):
        head = head[: shared.start()]
    head = _BOTH_OPENING.sub("", head)
    head = _BRACKETED.sub(" ", _COMPARE_FRAME.sub(" ", head))
    items = [item.strip(" .") for item in _COMPARED_SPLIT.split(head) if content_tokens(item)]
    if announced is not None:
        # a list it announced, its items set off by commas, is cut at them only: "the paper
        # arguing that next-token loss is a compression code length and so builds in Occam's
        # razor" is one item
        by_comma = [item.strip() for item in _LISTED_COMMA.split(head) if content_tokens(item)]
        if len(by_comma) >= 2:
            items = by_comma
    if len(items) < 2 and framed:
        # "Compare Distilled Decoding with consistency models": one item set against another
        items = [
            item.strip(" .")
            for item in _COMPARED_WITH.split(head, maxsplit=1)
            if content_tokens(item)
        ]
    return distributed(items) if len(items) >= 2 else []


def describes_a_paper(item: str) -> bool:
    """Whether a compared item picks its paper out by what it does ("the paper analysing token
    dynamics in a pretrained Mamba model", "one removes individual outlier weights") rather
    than by a name ("the PassUntil paper", "HiPPO-Prophecy"): a name it writes is what the
    paper studies or works on, not the paper."""
    return _DESCRIBED_ITEM.match(item) is not None


# "Both EvoPress and ...": the word before the first item
_BOTH_OPENING = re.compile(r"^\s*both\s+", re.IGNORECASE)
# "... and ReLoop2 both feed past errors back": what the items do together, after the last one
_SHARED_PREDICATE = re.compile(r"\s+(?:both|all|each)\s+(?=[a-z])")


# a request opening on a count of papers ("Three papers ...", "Both papers ...", "Two works ...")
# and listing them after a colon, up to the sentence's end
# ... or a later sentence doing so, a comparison itself ("I keep seeing the claim that ... .
# Compare three takes on this: the study of ..., the work that ..., and the paper arguing ...":
# the first of the three was not compared; review69)
# ... whatever it calls them ("Three routes to handling NLP tasks ...: ZeroPrompt, ...",
# "Compare four fixes: ...", "How do three recipes for ... differ: ..."; k011 took "two attempts"
# for an item), but not a question after the colon ("Contrast the two ... papers (...): what
# learner does each use ...?")
_ANNOUNCED_LIST = re.compile(
    r"(?:^|(?<=[.?!])\s+)\s*(?:(?:two|three|four|five|both|these|the)\s+(?:\w+\s+){0,2}?"
    r"(?:papers|works|methods|approaches)|(?:(?:compare|contrast|how\s+do)\s+(?:the\s+)?)?"
    r"(?:two|three|four|five)\s+(?:[\w-]+\s+){0,2}?(?:[\w-]+s|lines\s+of\s+work))\b"
    r"[^:.?]*:\s*(?!\s*(?:what|how|which|who|where|when|why|does|do|is|are|can)\b)"
    r"(?P<listed>[^.?:]+)",
    re.IGNORECASE,
)
# an item saying what its paper does: a head noun ("the paper", "the study", "one", "the other")
# and then a relative word, a preposition of topic or a verb ("analysing", "that proves",
# "on attacks that ...", "removes"); at most one word before the head ("the Gaussian-process
# paper on ..."), so "the muP-based loss prediction paper" names its paper
_DESCRIBED_ITEM = re.compile(
    r"^\s*(?:(?:the|a|an)\s+(?:[\w'-]+\s+)?(?:paper|study|work|analysis|article|method|approach|"
    r"one|model|framework)\s+(?:that|which|who|whose|where|on|about|[a-z]+ing)\b"
    r"|(?:the\s+)?(?:one|other)\s+(?:that|which|who|on|about|[a-z]+(?:s|ing))\b)"
)
_COMPARE_WITH = re.compile(r"\s*(?:compare|contrast)\s", re.IGNORECASE)
_LISTED_COMMA = re.compile(r",\s*(?:(?:and|or)\s+)?", re.IGNORECASE)
_COMPARED_WITH = re.compile(r"\s+(?:with|to|against)\s+", re.IGNORECASE)


# "quantization of LLMs, vision-language models and state space models": a head and its
# preposition before the first item, which the bare items after it share
_SHARED_HEAD = re.compile(
    r"^\s*(?P<head>[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}?)\s+(?P<preposition>of|for)\s+\S",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"\b(?:of|for|in|on|with|by|to|from)\b", re.IGNORECASE)


def distributed(items: list[str]) -> list[str]:
    """Items after a first one of the form "<head> of <item>" share its head when they have no
    preposition of their own: "quantization of state space models", not any "state space
    models"."""
    found = _SHARED_HEAD.match(items[0]) if len(items) >= 2 else None
    if found is None or any(_PREPOSITION.search(item) for item in items[1:]):
        return items
    shared = f"{found.group('head').strip()} {found.group('preposition').lower()}"
    return [items[0], *(f"{shared} {item.strip()}" for item in items[1:])]


def acronym_parts(query: str) -> frozenset[str]:
    """The tokens of the words a request writes as acronyms ("LSTMs" -> "lstms"): each names a
    thing on its own, as a phrase of two words does."""
    return frozenset(
        token for word in _ACRONYM_WORD.findall(query) for token in tokenize(word) if token
    )


def coordinated(text: str) -> list[str]:
    """The pieces of ``text`` joined by "and", "or", commas, semicolons or slashes, as written
    ("the eigenvalues or singular values of a matrix" -> "the eigenvalues", "singular values of
    a matrix")."""
    return _PART_SPLIT.split(text)


def topic_parts(query: str) -> list[list[str]]:
    """The content tokens of each part of a topic joined by "and", "or" or commas; one part for
    a question or a topic without them."""
    texts = [text for text in coordinated(query) if subject_tokens(text)]
    whole = subject_tokens(query)
    if not _ASKS.match(query) and sum(len(text.split()) > _ITEM_WORDS for text in texts) > 1:
        # "tricks that cut the compute or memory of language model training": two long pieces
        # of a topic phrase coordinate the words beside the "or", not two topics
        return [whole]
    parts = [subject_tokens(text) for text in distributed(texts)]
    if len(parts) >= 2 and len(whole) <= SHORT_FOCUS:
        # One word coordinated with a phrase shares the phrase's other word: "hyperparameter
        # optimization and tuning" is hyperparameter tuning, not any "tuning"; "image, video and
        # audio compression" is image compression, video compression and audio compression.
        # (A short topic phrase only: in a question, "such as S4 and Mamba" lists examples.)
        # The field's own words are no modifier to share ("neural network pruning and sparsity"
        # is about sparsity, however its papers name the network) ...
        field = _field_tokens()
        first, last = parts[0], parts[-1]
        modifiers = [token for token in first[:-1] if token not in field]
        # ... and an acronym is a whole name: "recurrent neural networks and LSTMs" is not
        # about "recurrent LSTMs"
        named = [_ACRONYM_WORD.fullmatch(text.strip()) is not None for text in texts]
        if len(first) >= 2 and modifiers and all(len(part) == 1 for part in parts[1:]):
            parts = [first] + [
                part if whole_name else [*modifiers, part[0]]
                for part, whole_name in zip(parts[1:], named[1:], strict=True)
            ]
        elif (
            len(last) >= 2 and last[-1] not in field and all(len(part) == 1 for part in parts[:-1])
        ):
            parts = [
                part if whole_name else [part[0], last[-1]]
                for part, whole_name in zip(parts[:-1], named[:-1], strict=True)
            ] + [last]
    return parts if len(parts) > 1 and len(whole) <= 3 * SHORT_FOCUS else [whole]


@cache
def axis_frame() -> frozenset[str]:
    """The words a question frames what it asks of each paper with ("how does each get ...",
    "in each case"): no sentence answers them."""
    return frozenset(token for word in words("axis_frame_words") for token in tokenize(word))


@cache
def _field_tokens() -> frozenset[str]:
    return frozenset(tokenize(" ".join(words("field_phrases"))))


def distinctive_name(word: str) -> bool:
    """A name no sentence writes by chance: in capitals ("MNIST"), with a capital inside
    ("LLaMA") or letters and digits ("CUB-200", "GPT-4"); not a capitalised word ("Vision"),
    nor a quantity ("3D", "65B")."""
    if quantity(word):
        return False
    return any(character.isupper() for character in word[1:]) or (
        any(character.isdigit() for character in word)
        and any(character.isalpha() for character in word)
    )


_QUANTITY = re.compile(r"\d+(?:\.\d+)?[A-Za-z]")


def quantity(word: str) -> bool:
    """A number with a one-letter unit: a dimension or a size ("3D", "65B", "1.3B", "4K"), which
    any paper may write and no paper is named by."""
    return _QUANTITY.fullmatch(word) is not None


def named_in_question(question: str) -> list[str]:
    """The distinctive names a question writes ("MNIST", "Dempster-Shafer", "CUB-200"), whole."""
    # (a metric at a cut-off is one name: "recall@10", "pass@1", "nDCG@10"; w008 read "recall"
    # and "10" apart, named nothing, and abstained though two papers report recall@10)
    found = re.findall(r"[A-Za-z0-9][A-Za-z0-9+.]*(?:[-@][A-Za-z0-9+.]+)*", question)
    return [word.strip(".") for word in dict.fromkeys(found) if distinctive_name(word.strip("."))]


@cache
def _field_acronyms() -> frozenset[str]:
    """The field's acronyms that name no dataset nor one model: "LLMs" name the field, while
    MMLU and GSM8K, or BERT and CLIP, acronyms a paper uses without naming its method by them,
    are what a question about the papers reporting on them asks for."""
    named = frozenset(word for line in words("named_models") for word in line.split())
    return common_acronyms() - frozenset(words("lint_datasets")) - named


def field_acronym(word: str) -> bool:
    """Whether a word is one of the field's acronyms that name no dataset nor model ("LLM",
    "KV", "SSMs"), as against "MMLU", "BERT" or "CLIP"."""
    return word in _field_acronyms()


def asked_names(question: str) -> list[str]:
    """The distinctive parts of the names a question writes, not the field's acronyms:
    "Fashion-MNIST" -> "MNIST", "CUB-200" -> "CUB", "LLaMA-family" -> "LLaMA"; "LLMs" and "GPT"
    name the field, not what is asked, but a version of one is a model ("GPT-2")."""
    field = _field_acronyms()
    # the examples a question lists ("state space models such as S4 and Mamba") are not its
    # subject, unless the question also names them outside the list ("experiments on ImageNet
    # (including variants such as ImageNet-C ... or downsampled ImageNet)")
    listed = listed_examples(question)
    rest = question
    for example in listed:
        rest = rest.replace(example, " ")
    examples = {name for example in listed for name in named_in_question(example)}
    # ... nor what it asks to leave out ("Apart from LoRA-style adapters, where does low-rank
    # structure show up?")
    for match in _SET_ASIDE.finditer(question):
        phrase = match.group("phrase") or match.group("aside")
        rest = rest.replace(phrase, " ")
        examples |= set(named_in_question(phrase))
    subjects = set(named_in_question(rest))
    parts = [
        part.strip(".")
        for name in named_in_question(question)
        if name not in examples or name in subjects
        for part in _name_parts(name, field)
        if distinctive_name(part.strip("."))
    ]
    # "The term 'one-shot' seems to mean different things ...": a term the question quotes as
    # a term is asked for by name, however common its words
    termed = quoted_terms(question)
    return [
        part
        for part in dict.fromkeys([*parts, *termed])
        if part not in field and part.removesuffix("s") not in field
    ]


def quoted_terms(question: str) -> list[str]:
    """The terms a question quotes as terms, asking for the papers that use them ("The word
    'interpolation' seems to mean ...", "Which papers describe something as a 'proxy' ...")."""
    terms = []
    for match in _QUOTED_TERM.finditer(question):
        term = next(group for group in match.groups() if group).strip()
        if match.start() == 0 and term[1:].islower():
            # ("'Bootstrapping' can mean ...": capitalised as the request's first word, not as
            # a name; papers write "bootstrapping")
            term = term.lower()
        terms.append(term)
    # several words quoted together and asked of the same way ("'Fidelity' and 'faithful' get
    # used for very different things", "what does 'smooth' / 'smoothness' / 'smoothing' refer
    # to in each paper that uses it?"): each is a term
    for match in _QUOTED_TERMS.finditer(question):
        group = "terms" if match.group("terms") else "asked"
        for position, found in enumerate(re.finditer(_A_QUOTED, match.group(group))):
            term = found.group(1).strip()
            at_start = match.start(group) == 0 and position == 0
            terms.append(term.lower() if at_start and term[1:].islower() else term)
    return list(dict.fromkeys(terms))


_QUOTED_TERM = re.compile(
    r"\bthe (?:term|word|phrase|expression|notion)\s+['\"‘“]([^'\"’”]{2,40})['\"’”]|"
    # "papers here call their model or method 'hierarchical'", "describe their method as
    # 'one-shot'"
    r"\b(?:call|calls|called|describe|describes|described|label|labels|labelled|labeled|dub|"
    r"dubs|dubbed|"
    # "Several papers mention an 'oracle'", "discuss something 'greedy'", "talk about
    # 'circuits'": what the papers say, asked by the word they say it with
    r"mention|mentions|discuss|discusses|talk about|talks about|refer to|refers to|"
    # "Which papers involve 'energy' in some form", "use the 'free lunch' idea"
    r"involve|involves|use|uses)"
    r"\b[^'\"‘“?.;]{0,40}?\s['\"‘“]([^'\"’”]{2,40})['\"’”]"
    r"|"
    # "'Markov' turns up in quite different roles", "'Concept' means different things across
    # these papers", "'Bootstrapping' can mean resampling data ... or ...": the word opening the
    # request, and its senses asked for (not "'Distillation' usually means ...; which papers use
    # the word for something else", below)
    r"^\s*['\"‘“]([^'\"’”]{2,40})['\"’”]\s+(?:turns up|shows up|appears|is used|gets used|"
    r"means (?:quite |very )?different|can mean|may mean|seems? to mean|has (?:quite |very )?"
    r"different)|"
    # ... or unquoted, as a word that turns up in many forms ("Trees turn up in lots of forms in
    # this collection - decision-tree ensembles, search trees, ...")
    r"^\s*([A-Za-z][\w-]{2,30})\s+(?:turns?|shows?|crops?) up\s+in\s+(?:lots of|many|several|"
    r"quite different|different|various|all sorts of)\s+(?:forms|roles|senses|guises|ways|places)|"
    # ... or said to mean different things ("Residual seems to mean something different in
    # nearly every paper that uses the word"; p009 cited 1 of its 16)
    r"^\s*([A-Za-z][\w-]{2,30})\s+(?:seems? to mean|means (?:quite |very )?different|can mean|"
    r"may mean|(?:is|gets) used (?:very |quite )?(?:loosely|differently|in (?:quite |very )?"
    r"different))|"
    # ... or asked for in any sense ("Which papers rely on a mask of some kind (inputs hidden
    # for ..., learned pruning masks, ...)", "deal with collisions of some kind"; p010, e018)
    r"\b([a-z][\w-]{2,30})\s+(?:of\s+some|of\s+any|in\s+some|in\s+any)\s+(?:kind|sort|form)\b|"
    r"\b(?:some|any)\s+(?:kind|sort|form)\s+of\s+([a-z][\w-]{2,30})\b|"
    # ... or by the kind it is in each paper ("Which papers work with an explicit budget, and
    # what kind of budget is it in each case (compute or FLOPs, sampling steps, frames, ...)?";
    # p012 cited 3 of the 16 papers writing it)
    r"\bwhat\s+(?:kind|sort|type)s?\s+of\s+([a-z][\w-]{2,30})\s+(?:is\s+it|are\s+they)\s+in\s+"
    r"each\b",
    re.IGNORECASE,
)
_A_QUOTED = r"['\"‘“]([^'\"’”]{2,40})['\"’”]"
# quoted words in a row, joined by "and", "or", "/" or commas
_QUOTED_RUN = rf"{_A_QUOTED}(?:\s*(?:,|/|\band\b|\bor\b)\s*{_A_QUOTED})+"
_QUOTED_TERMS = re.compile(
    rf"^\s*(?P<terms>{_QUOTED_RUN})\s+(?:turns? up|shows? up|appears?|(?:is|are) used|gets? used|"
    r"means? (?:quite |very )?different|can mean|may mean|seems? to mean|ha(?:s|ve) (?:quite |very )?"
    r"different)"
    # (a word asked of each paper using it, not of one paper: "what does 'X' mean in DoG")
    rf"|\bwhat\s+(?:does|do)\s+(?P<asked>{_QUOTED_RUN}|{_A_QUOTED})\s+(?:mean|refer to|stand for|"
    r"denote)\s+(?:in each|across|from paper|in (?:these|the|this) (?:papers|collection)|in every)",
    re.IGNORECASE,
)
# ("'Distillation' usually means training a small student ...; which papers use the word for
# something else?" asks for the papers using it in another sense, which no rule tells apart:
# asked as a name it cited every distillation paper, 1 in 9 of them right)


# a capitalised word of its own, not part of a CamelCase or hyphenated name ("SirLLM", "ViT",
# "Fashion-MNIST"); one before a hyphen and a lower-case word is ("Chinese-language data")
_CAPITALISED_WORD = re.compile(r"(?<![\w'-])([A-Z][a-z]+)(?:'s)?(?!\w|-[A-Z0-9])")


def rare_names(question: str, document_frequency: Callable[[str], int], most: int) -> list[str]:
    """Capitalised words of the question, past its first, that at most ``most`` papers of the
    collection write: "Chinese", "Riemann", "Alzheimer". No capital inside, so ``asked_names``
    passes them by ("Vision" is any title's), yet a word this rare is a name the question asks
    about, not a word any paper writes by chance."""
    found = []
    for match in _CAPITALISED_WORD.finditer(question):
        word = match.group(1)
        if match.start() == 0 or re.search(r"[.?!]\s+$", question[: match.start()]):
            continue  # a sentence's first word is capitalised for the sentence
        tokens = tokenize(word)
        if len(tokens) == 1 and 1 <= document_frequency(tokens[0]) <= most:
            found.append(word)
    return list(dict.fromkeys(found))


def listed_names(question: str) -> list[str]:
    """The distinctive names of the examples a question lists ("such as T5 or BART",
    "ImageNet-C, ImageNet-R"), whole, not the field's acronyms."""
    field = _field_acronyms()
    return [
        name
        for example in listed_examples(question)
        for name in named_in_question(example)
        if name not in field and name.removesuffix("s") not in field
    ]


# A word after a hyphen that makes a name a modifier ("PAC-style", "LLM-written", "BERT-based"):
# the name is the part before it.
MODIFIER_SUFFIXES = (
    "style",
    "like",
    "based",
    "type",
    "inspired",
    "written",
    "generated",
    "aware",
    "free",
    "guided",
    "level",
    "wise",
)


def _name_parts(name: str, field: frozenset[str]) -> list[str]:
    """A name's parts as asked_names reads them: "Fashion-MNIST" -> "Fashion", "MNIST", and the
    name whole ("BIG-Bench": no part of it alone names the benchmark); a field acronym with a
    version ("GPT-2", "LLM-7B") stays whole; a name used as a modifier is the name alone
    ("BERT-style encoders" ask about BERT, and no paper writes "BERT-style")."""
    head, _, version = name.partition("-")
    if head in field and version[:1].isdigit():
        return [name]
    named, _, tail = name.rpartition("-")
    if named and tail.lower() in MODIFIER_SUFFIXES:
        return _name_parts(named, field)
    return [*name.split("-"), name] if "-" in name else [name]


# a name in lower-case words only is a quoted term, not a model's or a dataset's name
_TERM = re.compile(r"[a-z]+(?:[\s-][a-z]+){0,3}")


def contains_run(run: Sequence[str], tokens: Sequence[str]) -> bool:
    """Whether ``run`` (two or more tokens) occurs contiguously in ``tokens``: a scan that looks
    further only where the run's first token stands (the token lists differ per question, so a
    set of every n-gram would be built for one lookup)."""
    size = len(run)
    if size < 2 or size > len(tokens):
        return False
    # (the sequence's own index() finds each place the first token stands: this is on every
    # question's path, thousands of times an answer)
    scanned = tokens if isinstance(tokens, (list, tuple)) else list(tokens)
    wanted = tuple(run)
    first, last = wanted[0], len(scanned) - size
    start = -1
    while True:
        try:
            start = scanned.index(first, start + 1, last + 1)
        except ValueError:
            return False
        if tuple(scanned[start : start + size]) == wanted:
            return True


def _writes_run(run: Sequence[str], tokens: Sequence[str]) -> bool:
    return contains_run(run, tokens) if len(run) > 1 else bool(run) and run[0] in tokens


def writes_name(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` as a word or a version of it ("LLaMA-2", "Llama 2"), not
    as part of another name ("SLAM" in "SLAM-Omni", a speech model). A versioned name may drop
    its hyphen ("GPT2-small" writes "GPT-2") and has sizes of its own ("GPT-2-L")."""
    if _TERM.fullmatch(name):
        # a term the question quotes ("'interpolation'", "'greedy'") is written in any of its
        # forms: a paper that interpolates, or is greedily selecting, uses the word the
        # question asks about
        return _writes_run(tokenize(name), tokenize(text))
    versioned = re.fullmatch(r"(.*[A-Za-z])-(\d[\w.]*)", name)
    if versioned is not None:
        pattern = rf"{re.escape(versioned.group(1))}[-\s]?{re.escape(versioned.group(2))}(?!\w)"
    else:
        # ... and its versions written on to it ("Qwen2.5-32B", "Phi3", "llama2")
        pattern = rf"{re.escape(name)}(?:\d[\d.]*(?![A-Za-z]))?(?!\w|-(?!\d))"
    # a name in capitals is written so: "BIG" (of "BIG-Bench") is not "big data"
    flags = 0 if re.fullmatch(r"[A-Z]{2,}", name) else re.IGNORECASE
    return compiled(rf"(?<!\w){pattern}", flags).search(text) is not None


# a verb saying a paper writes a word: "which papers use it", "papers talk about a 'horizon'"
_WRITES_VERB = (
    r"(?:use|uses|using|write|writes|mention|mentions|say|says|talk\s+about|talks\s+about)"
)
# "Which papers use the word (it, this term) ...": the quoted word of the question; and "Which
# papers use the idea" after "'Stationary' turns up in a handful of abstracts in very different
# roles" (x012 cited one of seven)
_USE_THE_WORD = re.compile(
    rf"\b(?:papers?|abstracts?|ones|which)\b[^.?!]{{0,30}}?\b{_WRITES_VERB}\s+"
    r"(?:(?:the|this|that)\s+(?:word|term|idea|notion|concept)|it)\b",
    re.IGNORECASE,
)


# "Where does clustering show up / come up / appear in these papers": one word, where it turns up
_TURNS_UP = re.compile(
    r"\bwhere\s+(?:does|do|did)\s+(?P<word>[a-z][a-z-]+)\s+(?:show\s+up|come\s+up|turn\s+up|"
    r"crop\s+up|appear)\b",
    re.IGNORECASE,
)


def used_word(question: str) -> str | None:
    """The one word a question quotes and asks which papers write, in whatever sense ("'Resolution'
    seems to mean something different in almost every abstract ... Which papers use the word,
    and in which sense?", "Several papers talk about a 'horizon'. Which ones ...?"); None when it
    quotes no single word or does not ask which papers write it."""
    for found in _QUOTED_WORDS.finditer(question):
        word = found.group(1).strip()
        if not re.fullmatch(r"[A-Za-z][\w-]*", word):
            continue
        talked = re.search(
            rf"\b{_WRITES_VERB}\s+(?:an?\s+|the\s+)?['‘\"“]{re.escape(word)}['’\"”]",
            question,
            re.IGNORECASE,
        )
        if talked is not None or _USE_THE_WORD.search(question):
            return word
    turns_up = _TURNS_UP.search(question)
    if turns_up is not None and not left_out(question, disowned=True):
        # "Where does clustering show up in these papers, and what is being clustered in each?"
        # asks for every paper writing it, as a quoted word does (u024 cited two of six); not
        # one leaving a sense out ("Where does chaos show up inside the training ... (rather
        # than in chaotic data)": not every writer is wanted)
        return turns_up.group("word")
    return None
