"""Evidence selection: which retrieved papers an answer may draw on, and which of their sentences.

A paper's relevance mixes its BM25 score and its best dense chunk similarity, each relative to the
top paper. How many papers an answer uses follows the score distribution: a paper is kept when it
stands at least ``relative_cutoff`` of the way from the background level (the paper at rank
``BACKGROUND_RANK``) to the top paper, so a sharp topic keeps few papers and a broad one many.

Each abstract sentence is scored against the question (dense similarity of its sentence chunk plus
the overlap of stemmed query tokens, acronyms expanded) and by its role: a sentence naming the
method, saying what it does or reporting a result beats the background sentence that opens most
abstracts. A question with several clauses ("which work does X, and what speed-up does it report?")
gets the best sentence for each clause first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from assistant import bm25, relevance
from assistant.corpus import split_sentences
from assistant.models import ComparisonTable, Evidence, EvidenceSentence, Paper, TableCell, Task

if TYPE_CHECKING:
    from assistant.retrieve import Retrieval
    from assistant.settings import Settings


def _words(text: str) -> list[str]:
    return text.split()


QuestionKind = Literal["lookup", "topic"]
DocumentFrequency = Callable[[str], int]

BACKGROUND_RANK = 20  # the paper whose score stands for "unrelated" when scaling relevance
BM25_SHARE = 0.5  # weight of the BM25 ratio in a paper's relevance; the rest is dense similarity
MAX_COMPARED_PAPERS = 6  # a comparison table wider than this is no longer readable

# Words that frame a question rather than say what it is about; stemmed like the index.
_FRAMING_WORDS = (
    "which what how why who whom whose where when paper papers work works method methods approach "
    "approaches study studies research researcher propose proposes proposed introduce introduces "
    "does do did report reports reported differ differs difference differences compare compared "
    "comparison between there such e.g. i.e. exist existing kind kinds type types other others "
    "tell me about give describe explain summarise summarize overview literature collection "
    "recent main key mostly typically much many based"
)
FRAMING_TOKENS = frozenset(bm25.tokenize(_FRAMING_WORDS))

_CONTRIBUTION_VERBS = (
    r"propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|"
    r"devise|"
    r"devises|formulate|formulates|establish|establishes|build|builds|construct|constructs|"
    r"put forward|puts forward|offer|offers|provide|provides|describe|describes|derive|derives|"
    r"show|"
    r"shows|demonstrate|demonstrates|find|finds|found|prove|proves|identify|identifies|observe|"
    r"observed|reveal|reveals|revealed|argue|argues|study|studies|investigate|investigates|"
    r"analy[sz]e|"
    r"analy[sz]es|explore|explores|examine|examines|report|reports|point out|points out|"
    r"release|releases|create|creates|address|addresses|tackle|tackles|focus|focuses|extend|"
    r"extends|frame|frames|cast|casts|reformulate|reformulates"
)
_CONTRIBUTION = re.compile(
    rf"\b(?:we|this (?:paper|work|study|article|thesis)|the (?:present|current) (?:paper|work|"
    rf"study))"
    rf"\s+(?:(?:also|further|then|first|here|now|instead|additionally|therefore|thus|empirically|"
    rf"theoretically|experimentally|systematically|carefully|explicitly|formally|newly|"
    rf"\w+ly)\s+)*(?:{_CONTRIBUTION_VERBS})\b",
    re.IGNORECASE,
)
_OUR_NAMED = re.compile(
    r"\b(?:[Oo]ur|[Tt]he proposed)\s+(?:\w+\s+){0,2}?(?:model|method|approach|framework|algorithm|"
    r"architecture|system|technique|estimator|metric|benchmark|dataset|tool|library)\s*,?\s+"
    r"\(?([A-Za-zσ][\w+.\-σ]*[\w+])\)?"
)
_NAMING = re.compile(r"\b(?:called|dubbed|named|termed|coined)\b", re.IGNORECASE)
_SELF_REFERENCE = re.compile(
    r"\b(?:we|our|this (?:paper|work|study|article)|the proposed|here)\b", re.IGNORECASE
)
_QUANTITY = re.compile(
    r"\d+(?:\.\d+)?\s?(?:%|×|x\b|times\b|-?fold\b|points?\b|pp\b|dB\b|ms\b|GB\b|MB\b|bits?\b|"
    r"BLEU\b)"
    r"|\b\d+\.\d+\b|\b\d{2,}\b"
)
_RESULT = re.compile(
    r"(?<!to )(?<!to further )\b(?:outperform\w*|surpass\w*|achiev\w*|improv\w*|reduc\w*|"
    r"speed-?ups?|accelerat\w*|gains?|"
    r"reach\w*|attain\w*|state-of-the-art|sota|faster|better|boost\w*|match\w*|exceed\w*|"
    r"(?:experiments?|results?|evaluations?|analys[ie]s) (?:show|demonstrate|indicate|reveal|"
    r"confirm|verify))\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
_SETTING = re.compile(
    r"\b(?:on|across|using|with) (?:[\w-]+ ){0,4}(?:benchmarks?|datasets?|tasks|domains|corpora|"
    r"settings|scenarios)\b|\bexperiments? (?:on|with|across)\b|\bevaluat\w+ (?:on|across)\b|"
    r"\bwe (?:evaluate|test|validate|benchmark)\b",
    re.IGNORECASE,
)
_PROBLEM = re.compile(
    r"\b(?:however|challeng\w*|limitations?|suffer\w*|fail\w*|struggl\w*|lack\w*|remains?|"
    r"problems?|issues?|bottlenecks?|costly|expensive|difficult\w*|hinder\w*|vulnerab\w*|"
    r"degrad\w*|prohibitive|unclear|open question)\b",
    re.IGNORECASE,
)
_METHOD = re.compile(
    r"\b(?:we|our|it|the (?:method|model|approach|framework|algorithm))\b[^.;]{0,60}?\b(?:use|uses|"
    r"leverag\w*|employ\w*|combin\w*|learn\w*|train\w*|optimi[sz]\w*|updat\w*|minimi[sz]\w*|"
    r"maximi[sz]\w*|filter\w*|select\w*|appl(?:y|ies)|adopt\w*|exploit\w*|incorporat\w*|"
    r"integrat\w*|replac\w*|model\w*|estimat\w*|comput\w*|generat\w*)\b",
    re.IGNORECASE,
)
_PRIOR_WORK = re.compile(
    r"\b(?:previous|prior|existing|conventional|traditional|recent|current|most|many|typical|"
    r"standard|"
    r"popular|classical)\s+(?:[\w-]+\s+){0,3}?(?:methods|approaches|works|studies|models|"
    r"techniques|"
    r"solutions|efforts|attempts|systems|algorithms)\b|\b(?:methods|approaches|works|studies|"
    r"models) "
    r"(?:have|has) (?:been )?(?:utilized|used|relied|focused|shown|explored|adopted|employed|"
    r"proposed)\b",
    re.IGNORECASE,
)
STRONG_CONTRIBUTION = re.compile(
    r"\b(?:propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|"
    r"devise|devises|formulate|formulates|establish|establishes|called|dubbed|named|termed|"
    r"coined)\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"\b(?:promising|interesting|new|exciting) directions? for future\b|\bfuture (?:research|work|"
    r"studies)\b|"
    r"\bwe (?:share|release|open-source|publish|make)\b[^.]{0,40}\b(?:code|data|models?)\b|"
    r"\b(?:code|data|models?|implementation|project page)\b[^.]{0,40}\b(?:available|released|"
    r"open-sourced|public)\b|https?://|github\.com",
    re.IGNORECASE,
)

Role = Literal[
    "contribution", "method", "result", "setting", "problem", "background", "boilerplate"
]
ROLE_BONUS: dict[Role, float] = {
    "contribution": 0.16,
    "result": 0.10,
    "method": 0.08,
    "setting": 0.02,
    "problem": -0.04,
    "background": -0.10,
    "boilerplate": -0.60,
}

_NUMERIC_CLAUSE = re.compile(
    r"\b(?:how (?:much|many|fast|large|small|closely|well|often)|by what|what (?:[\w-]+ ){0,4}?"
    r"(?:speed-?ups?|accuracy|error|errors|score|rate|reduction|improvement|gain|percentage|share|"
    r"fraction|perplexity|wer|latency|throughput|factor|increment|time|size|precision|recall|"
    r"margin|number|cost|memory)|at what|to what (?:extent|degree))",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(
    r",?\s+and\s+(?=(?:what|how|which|by how|by what|at what|on which|for which|whose|where|when|"
    r"in which|to what)\b)|,\s+(?=(?:what|how|which|by how|by what|at what|on which|for which|"
    r"in which|from which|with which|whose|where|when|to what)\b)|;\s+|\?\s+(?=\S)",
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
        "analysis theory strategy scheme procedure article publication one"
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


def question_kind(question: str) -> QuestionKind:
    """A lookup asks for one paper ("which work does X?"); a topic asks about several."""
    text = question.strip()
    opening = re.match(r"^\s*(?:which|what)\s+((?:[\w-]+\s+){0,6})", text, re.IGNORECASE)
    if opening:
        for word in opening.group(1).lower().split():
            if word in _PLURAL_HEADS:
                return "topic"
            if word in _SINGULAR_HEADS:
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
    return [token for token in bm25.tokenize(text) if token not in FRAMING_TOKENS]


def split_clauses(question: str) -> list[Clause]:
    """The question's clauses: "which work does X, and what speed-up does it report?" has two."""
    parts = [
        part.strip(" ,?") for part in _CLAUSE_SPLIT.split(question) if part and part.strip(" ,?")
    ]
    clauses = [
        Clause(
            part,
            frozenset(content_tokens(part)),
            bool(_NUMERIC_CLAUSE.search(part)),
            identifies=bool(re.match(r"^\s*(?:which|what)\b", part, re.IGNORECASE)) and index == 0,
        )
        for index, part in enumerate(parts)
    ]
    return [clause for clause in clauses if clause.tokens or clause.numeric] or [
        Clause(
            question, frozenset(content_tokens(question)), bool(_NUMERIC_CLAUSE.search(question))
        )
    ]


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


# --- sentences -----------------------------------------------------------------------------


def clean_sentence(text: str) -> str:
    """Undo listing-page artefacts ("models~(VLMs)", "5.13\\%", "5times"); no claim changes."""
    text = text.replace("~", " ").replace("\\%", "%").replace("\\&", "&").replace("\\_", "_")
    text = re.sub(r"(\d)times\b", r"\1×", text)
    return re.sub(r"\s{2,}", " ", text).strip()


_BOILERPLATE_HINTS = (
    "code",
    "data",
    "model",
    "github",
    "http",
    "future",
    "implementation",
    "project",
    "share",
    "release",
    "publish",
)
_SELF_HINTS = (
    "we",
    "our",
    "this ",
    "the proposed",
    "here",
    "it",
    "the method",
    "the model",
    "the approach",
    "the framework",
    "the algorithm",
)
_NAMING_HINTS = ("called", "dubbed", "named", "termed", "coined")
_PRIOR_HINTS = (
    "previous",
    "prior",
    "existing",
    "conventional",
    "traditional",
    "recent",
    "current",
    "most",
    "many",
    "typical",
    "standard",
    "popular",
    "classical",
    " have ",
    " has ",
)
_RESULT_HINTS = (
    "outperform",
    "surpass",
    "achiev",
    "improv",
    "reduc",
    "speed",
    "accelerat",
    "gain",
    "reach",
    "attain",
    "state-of-the-art",
    "sota",
    "faster",
    "better",
    "boost",
    "match",
    "exceed",
    "show",
    "demonstrat",
    "indicat",
    "reveal",
    "confirm",
    "verif",
)
_PROBLEM_HINTS = (
    "however",
    "challeng",
    "limitation",
    "suffer",
    "fail",
    "struggl",
    "lack",
    "remain",
    "problem",
    "issue",
    "bottleneck",
    "costly",
    "expensive",
    "difficult",
    "hinder",
    "vulnerab",
    "degrad",
    "prohibitive",
    "unclear",
    "open question",
)
_SETTING_HINTS = (
    "benchmark",
    "dataset",
    "task",
    "domain",
    "corpora",
    "setting",
    "scenario",
    "experiment",
    "evaluat",
    "we test",
    "we validate",
)


def _mentions(lower: str, hints: tuple[str, ...]) -> bool:
    return any(hint in lower for hint in hints)


def sentence_role(text: str, position: int, *, after_contribution: bool | None = None) -> Role:
    """What a sentence does in its abstract; the order of the checks is the order of preference.

    A sentence nothing marks is background before the paper states its contribution and part of
    the method after it (abstracts run background → contribution → method → results)."""
    lower = text.lower()
    if _mentions(lower, _BOILERPLATE_HINTS) and _BOILERPLATE.search(text):
        return "boilerplate"
    self_reference = _mentions(lower, _SELF_HINTS) and bool(_SELF_REFERENCE.search(text))
    result_word = _mentions(lower, _RESULT_HINTS) and bool(_RESULT.search(text))
    if self_reference and (
        _CONTRIBUTION.search(text)
        or (_mentions(lower, _NAMING_HINTS) and _NAMING.search(text))
        or _OUR_NAMED.search(text)
    ):
        # "we show that our method reduces X" reports a result; "we propose X" states a contribution
        if result_word and not STRONG_CONTRIBUTION.search(text) and not _OUR_NAMED.search(text):
            return "result"
        return "contribution"
    if (
        _mentions(lower, _PRIOR_HINTS)
        and _PRIOR_WORK.search(text)
        and not re.search(r"\b(?:we|our)\b", lower)
    ):
        return "background"
    if result_word and any(character.isdigit() for character in text) and _QUANTITY.search(text):
        return "result"
    if (
        _mentions(lower, _PROBLEM_HINTS)
        and _PROBLEM.search(text)
        and re.search(
            r"\b(?:however|challeng\w*|suffer\w*|limitations?|fail\w*|struggl\w*)\b", lower
        )
    ):
        return "problem"
    if result_word and re.search(r"\b(?:our|we|it|the proposed)\b", lower):
        return "result"
    if self_reference and _METHOD.search(text):
        return "method"
    if _mentions(lower, _SETTING_HINTS) and _SETTING.search(text):
        return "setting"
    if _mentions(lower, _PROBLEM_HINTS) and _PROBLEM.search(text):
        return "problem"
    if after_contribution is None:
        return "background" if position <= 1 else "method"
    return "method" if after_contribution else "background"


def states_contribution(sentence: str) -> bool:
    """A sentence in which the paper names or proposes its own method."""
    return bool(
        (STRONG_CONTRIBUTION.search(sentence) and _SELF_REFERENCE.search(sentence))
        or _OUR_NAMED.search(sentence)
    )


def sentence_roles(sentences: Sequence[str]) -> list[Role]:
    """The role of every sentence of one abstract, in order."""
    return list(_sentence_roles(tuple(sentences)))


@lru_cache(maxsize=4096)
def _sentence_roles(sentences: tuple[str, ...]) -> tuple[Role, ...]:
    roles: list[Role] = []
    seen_contribution = False
    for position, sentence in enumerate(sentences):
        role = sentence_role(sentence, position, after_contribution=seen_contribution)
        seen_contribution = seen_contribution or role == "contribution"
        roles.append(role)
    return tuple(roles)


@lru_cache(maxsize=4096)
def abstract_sentences(abstract: str) -> tuple[str, ...]:
    """The abstract split exactly as the index split it (chunk positions are indices into this)."""
    return tuple(split_sentences(abstract))


@lru_cache(maxsize=16384)
def _sentence_tokens(sentence: str) -> frozenset[str]:
    return frozenset(bm25.tokenize(sentence))


# --- labels --------------------------------------------------------------------------------

_NAMED = re.compile(r"^(?=.*[A-Z].*[A-Z0-9+]|.*\d)[A-Za-zσ0-9][\w+.\-σ]*[\w+]$")
_COMMON_ACRONYMS = frozenset(
    _words(
        "AI ML NLP LLM LLMs TTA CLIP GPU GPUs CPU CNN CNNs RNN RNNs SSM SSMs VLM VLMs ViT ViTs "
        "BERT GPT MLP MLPs RL DNN DNNs GNN GNNs API APIs SOTA KV PDE PDEs ODE ODEs ASR TTS NMT QA "
        "IID OOD LM LMs MoE SGD CV MSE KL GAN GANs VAE VAEs AUC ROC SQL IoT HPC CoT RLHF PEFT "
        "LoRA NeRF MIMIC IV EHR ICU US UK EU II III"
    )
)
_NAME_AFTER_VERB = re.compile(
    r"\b(?:called|dubbed|named|termed|coined|propose|proposes|introduce|introduces|present|"
    r"presents|"
    r"develop|develops|establish|establishes)\s+(?:a |an |the )?(?:[\w-]+ ){0,6}?"
    r"\(?([A-Za-zσ][\w+.\-σ]*[\w+])\)?"
)
_DEFINED_ACRONYM = re.compile(r"\(([A-Za-z][\w+\-]*[A-Z0-9][\w+\-]*)\)")


def _is_name(token: str) -> bool:
    return bool(_NAMED.match(token)) and token not in _COMMON_ACRONYMS and len(token) <= 24


@lru_cache(maxsize=4096)
def method_name(title: str, abstract: str) -> str | None:
    """The name the paper gives its method: a title prefix ("Quamba2: ...") or one its abstract
    defines where it speaks for itself ("we introduce ... Destroy Your Object (DeYO)")."""
    if ":" in title:
        prefix = title.split(":", 1)[0].strip()
        if 0 < len(prefix) <= 28 and len(prefix.split()) <= 3:
            return prefix
    for sentence in abstract_sentences(abstract):
        if not _SELF_REFERENCE.search(sentence):
            continue
        if not (STRONG_CONTRIBUTION.search(sentence) or _OUR_NAMED.search(sentence)):
            continue
        for match in _DEFINED_ACRONYM.finditer(sentence):
            if _is_name(match.group(1)):
                return match.group(1)
        for pattern in (_NAME_AFTER_VERB, _OUR_NAMED):
            for match in pattern.finditer(sentence):
                if _is_name(match.group(1)):
                    return match.group(1)
    defined = Counter(
        match.group(1) for match in _DEFINED_ACRONYM.finditer(abstract) if _is_name(match.group(1))
    )
    frequent = [acronym for acronym in defined if abstract.count(acronym) >= 3]
    if len(frequent) == 1:
        return frequent[0]
    title_acronym = _DEFINED_ACRONYM.search(title)
    if title_acronym and _is_name(title_acronym.group(1)):
        return title_acronym.group(1)
    return None


def short_label(paper: Paper) -> str:
    """The paper's name in prose and citations: the method's name, else its title before any
    colon, whole (a cut title reads as a typo and says less than the full one)."""
    name = method_name(paper.title, paper.abstract)
    if name:
        return name
    return re.split(r"[:?]", paper.title)[0].strip() or paper.title


# --- scoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Weights:
    """Inverse document frequency of stemmed tokens, from the collection when known."""

    frequency: DocumentFrequency
    size: int

    def idf(self, token: str) -> float:
        return math.log((self.size + 1) / (self.frequency(token) + 0.5))


def _local_weights(papers: Sequence[Paper]) -> Weights:
    counts: dict[str, int] = {}
    for paper in papers:
        for token in set(bm25.tokenize(f"{paper.title} {paper.abstract}")):
            counts[token] = counts.get(token, 0) + 1
    # A few pseudo-documents keep a token found in every retrieved paper from weighing zero.
    return Weights(lambda token: counts.get(token, 0), len(papers) + 4)


def paper_relevance(retrieval: Retrieval) -> list[tuple[Paper, float]]:
    """Every retrieved paper with a relevance in [0, 1]: 1 for the best, 0 at background rank."""
    hits = retrieval.hits
    if not hits:
        return []
    bm25_top = max(retrieval.bm25_scores.values(), default=0.0)
    dense: dict[str, float] = {}
    for chunk in retrieval.chunk_hits:
        if chunk.similarity > dense.get(chunk.paper_id, 0.0):
            dense[chunk.paper_id] = chunk.similarity
    dense_top = max(dense.values(), default=0.0)
    bm25_share = BM25_SHARE if bm25_top > 0 and dense_top > 0 else (1.0 if bm25_top > 0 else 0.0)
    raw: list[tuple[Paper, float]] = []
    for hit in hits:
        lexical = retrieval.bm25_scores.get(hit.paper.id, 0.0) / bm25_top if bm25_top else 0.0
        semantic = dense.get(hit.paper.id, 0.0) / dense_top if dense_top else 0.0
        raw.append((hit.paper, bm25_share * lexical + (1 - bm25_share) * semantic))
    if bm25_share == 0.0 and dense_top == 0.0:  # neither retriever scored: keep the fused order
        raw = [(hit.paper, hit.score) for hit in hits]
    raw.sort(key=lambda item: -item[1])
    top = raw[0][1]
    background = raw[min(BACKGROUND_RANK, len(raw) - 1)][1] if len(raw) > 1 else 0.0
    span = top - background
    if span <= 1e-9:
        return [(paper, 1.0 if index == 0 else 0.0) for index, (paper, _) in enumerate(raw)]
    return [(paper, max(0.0, (score - background) / span)) for paper, score in raw]


def _initials(phrase: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s-]+", phrase.lower()) if word)


def other_sense_papers(retrieval: Retrieval, papers: Sequence[Paper]) -> set[str]:
    """Papers that use one of the question's acronyms in another sense than the collection's usual
    one ("TTA" = test-time augmentation, when most papers mean test-time adaptation)."""
    if retrieval.expanded_query == retrieval.query:
        return set()
    tail = retrieval.expanded_query[len(retrieval.query) :].strip().strip("()")
    alternatives = [
        alternative.strip().lower() for alternative in tail.split(";") if alternative.strip()
    ]
    found: set[str] = set()
    for acronym in set(re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b", retrieval.query)):
        letters = "".join(
            character for character in acronym.rstrip("s").lower() if character.isalpha()
        )
        senses = [alternative for alternative in alternatives if _initials(alternative) == letters]
        if len(senses) < 2:
            continue
        primary = senses[0].replace("-", " ")
        for paper in papers:
            text = f"{paper.title} {paper.abstract}".lower().replace("-", " ")
            if primary not in text and any(sense.replace("-", " ") in text for sense in senses[1:]):
                found.add(paper.id)
    return found


def _paper_limit(task: Task, kind: QuestionKind, settings: Settings) -> tuple[int, int]:
    """(fewest, most) papers for a task."""
    if task == "ask" and kind == "lookup":
        return 1, 1
    if task == "compare":
        return 2, min(settings.max_evidence_papers, MAX_COMPARED_PAPERS)
    return 1, settings.max_evidence_papers


@dataclass(frozen=True)
class _QueryTerms:
    weights: dict[str, float]
    total: float

    def overlap(self, tokens: frozenset[str]) -> float:
        if self.total <= 0:
            return 0.0
        return min(
            1.0,
            sum(weight for token, weight in self.weights.items() if token in tokens) / self.total,
        )


def _query_terms(question: str, expanded: str, weights: Weights) -> _QueryTerms:
    own = content_tokens(question)
    expansion = [token for token in content_tokens(expanded) if token not in own]
    scored = {token: weights.idf(token) for token in [*own, *expansion]}
    # The expansion spells out an acronym the question already has: it may match, not add weight.
    total = sum(scored[token] for token in dict.fromkeys(own))
    return _QueryTerms(scored, total or sum(scored.values()))


def score_sentences(
    paper: Paper,
    *,
    question: str,
    expanded_query: str,
    weights: Weights,
    similarities: dict[int, float] | None = None,
    clauses: Sequence[Clause] = (),
) -> list[EvidenceSentence]:
    """The paper's abstract sentences, best first (the best sentence per clause leading)."""
    sentences = abstract_sentences(paper.abstract)
    if not sentences:
        return []
    terms = _query_terms(question, expanded_query, weights)
    similarities = similarities or {}
    known = [value for value in similarities.values() if value > 0]
    floor = min(known) if known else 0.0
    top = max(known) if known else 0.0
    scored: list[tuple[float, int]] = []
    roles = sentence_roles(sentences)
    name = method_name(paper.title, paper.abstract)
    for position, sentence in enumerate(sentences):
        role = roles[position]
        if role == "contribution" and STRONG_CONTRIBUTION.search(sentence):
            role_bonus = ROLE_BONUS[role] + (0.08 if name and name in sentence else 0.04)
        else:
            role_bonus = ROLE_BONUS[role] - (0.06 if role == "contribution" else 0.0)
        tokens = _sentence_tokens(sentence)
        lexical = terms.overlap(tokens)
        semantic = similarities.get(position, floor * 0.9) / top if top > 0 else 0.0
        score = (0.45 * semantic + 0.40 * lexical if top > 0 else 0.85 * lexical) + role_bonus
        scored.append((score, position))
    order = [position for _, position in sorted(scored, key=lambda item: (-item[0], item[1]))]
    leading: list[int] = []
    if len(clauses) > 1:
        for clause in clauses:
            best = _best_for_clause(sentences, roles, scored, clause, weights, exclude=leading)
            if best is not None and best not in leading:
                leading.append(best)
    rest = [position for position in order if position not in leading]
    score_of = {position: score for score, position in scored}
    return [
        EvidenceSentence(
            paper.id, position, clean_sentence(sentences[position]), round(score_of[position], 4)
        )
        for position in [*leading, *rest]
    ]


def _best_for_clause(
    sentences: Sequence[str],
    roles: Sequence[Role],
    scored: Sequence[tuple[float, int]],
    clause: Clause,
    weights: Weights,
    *,
    exclude: Sequence[int],
) -> int | None:
    total = sum(weights.idf(token) for token in clause.tokens)
    best: tuple[float, int] | None = None
    for (base, position), role in zip(scored, roles, strict=True):
        if role == "boilerplate":
            continue
        tokens = _sentence_tokens(sentences[position])
        lexical = (
            sum(weights.idf(token) for token in clause.tokens if token in tokens) / total
            if total
            else 0.0
        )
        score = 0.5 * base + lexical + ROLE_BONUS[role]
        if (
            clause.identifies
            and role == "contribution"
            and STRONG_CONTRIBUTION.search(sentences[position])
        ):
            score += 0.15
        if clause.numeric:
            score += (
                0.45
                if _NUMBER.search(sentences[position])
                and role in ("result", "contribution", "method")
                else -0.1
            )
        if position in exclude:
            score -= 0.3
        if best is None or score > best[0]:
            best = (score, position)
    return best[1] if best else None


_CORE_ROLES = frozenset(("contribution", "method", "result", "setting"))


# A clause that names other work to set the paper apart from it ("Unlike a mixture of experts,",
# "outperforms X", "rather than X") says what the paper is *not* about.
_CONTRAST = re.compile(
    r"\b(?:unlike|in contrast to|contrary to|compared (?:to|with)|as opposed to|rather than|"
    r"instead of|outperform\w*|surpass\w*|beat\w*|better than|than)\b[^,.;:]*",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def core_text(paper: Paper) -> str:
    """The sentences that say what the paper does (not its background or problem statement),
    without the clauses that contrast it with other work."""
    sentences = abstract_sentences(paper.abstract)
    roles = sentence_roles(sentences)
    return " ".join(
        _CONTRAST.sub(" ", sentence)
        for sentence, role in zip(sentences, roles, strict=True)
        if role in _CORE_ROLES
    )


def _acronym_aliases(retrieval: Retrieval) -> dict[str, list[tuple[str, ...]]]:
    """Each acronym of the question (stemmed) with the spelled-out senses the expansion added."""
    if retrieval.expanded_query == retrieval.query:
        return {}
    tail = retrieval.expanded_query[len(retrieval.query) :].strip().strip("()")
    senses = [sense.strip() for sense in tail.split(";") if sense.strip()]
    aliases: dict[str, list[tuple[str, ...]]] = {}
    for acronym in set(re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b", retrieval.query)):
        letters = "".join(c for c in acronym.rstrip("s").lower() if c.isalpha())
        tokens = bm25.tokenize(acronym)
        matching = [sense for sense in senses if _initials(sense) == letters]
        if tokens and matching:
            aliases[tokens[0]] = [tuple(bm25.tokenize(sense)) for sense in matching]
    return aliases


def relevance_features(
    retrieval: Retrieval, *, document_frequency: DocumentFrequency, collection_size: int
) -> list[relevance.PaperFeatures]:
    """The relevance model's features for every retrieved paper, in fused order."""
    papers = [hit.paper for hit in retrieval.hits]
    best_sentence = {
        paper_id: max(values.values())
        for paper_id, values in retrieval.sentence_similarity.items()
        if values
    }
    return relevance.paper_features(
        focus_tokens=content_tokens(retrieval.query),
        papers=papers,
        core_text=core_text,
        lexical=retrieval.bm25_scores,
        dense_paper=retrieval.paper_similarity,
        dense_sentence=best_sentence,
        centroid=retrieval.centroid_similarity,
        other_sense=other_sense_papers(retrieval, papers),
        aliases=_acronym_aliases(retrieval),
        document_frequency=document_frequency,
        collection_size=collection_size,
    )


def relevant_papers(
    retrieval: Retrieval,
    settings: Settings,
    *,
    task: Task,
    document_frequency: DocumentFrequency | None,
    collection_size: int | None,
) -> list[tuple[Paper, float]]:
    """The papers the question is about, with the model's probability, best first.

    One rule for every task: a paper is in when the relevance model (hybrid retrieval) gives it
    ``relevance_threshold`` or more, the most probable paper always. A compare keeps at least two papers and
    at most ``MAX_COMPARED_PAPERS``. With one retriever the model lacks half its features, so the
    score-distribution cut-off (``relative_cutoff``) decides instead."""
    fewest, most = (2, MAX_COMPARED_PAPERS) if task == "compare" else (1, 10**6)
    most = min(most, settings.max_evidence_papers)
    if (
        retrieval.mode == "hybrid"
        and retrieval.bm25_scores
        and retrieval.paper_similarity
        and document_frequency is not None
        and collection_size
    ):
        weights = [settings.relevance_weights.get(name, 0.0) for name in relevance.FEATURES]
        scored = [
            (item.paper, relevance.probability(item, weights))
            for item in relevance_features(
                retrieval, document_frequency=document_frequency, collection_size=collection_size
            )
        ]
        # A paper that uses the question's acronym only in another sense than the collection's
        # usual one (TTA = test-time augmentation, when the question means adaptation) is not
        # about the question, however many words it shares with it.
        elsewhere = other_sense_papers(retrieval, [paper for paper, _ in scored])
        same_sense = [item for item in scored if item[0].id not in elsewhere]
        ordered = sorted(same_sense or scored, key=lambda item: -item[1])
        if task == "ask" and len(ordered) > 1 and ordered[1][1] < settings.single_paper_below:
            return ordered[:1]  # one paper stands alone: the question is that paper's to answer
        return [
            (paper, probability)
            for index, (paper, probability) in enumerate(ordered)
            if index < fewest or probability >= settings.relevance_threshold
        ][:most]
    ranked = paper_relevance(retrieval)
    elsewhere = other_sense_papers(retrieval, [paper for paper, _ in ranked])
    if elsewhere:
        ranked = sorted(
            ((paper, share * 0.5 if paper.id in elsewhere else share) for paper, share in ranked),
            key=lambda item: -item[1],
        )
    return [
        (paper, score)
        for index, (paper, score) in enumerate(ranked)
        if index < fewest or score >= settings.relative_cutoff
    ][:most]


def select_evidence(
    retrieval: Retrieval,
    settings: Settings,
    *,
    task: Task,
    document_frequency: DocumentFrequency | None = None,
    collection_size: int | None = None,
) -> list[Evidence]:
    """The papers an answer may cite (those the question is about), each with its abstract
    sentences scored against the question, best first."""
    if not retrieval.hits:
        return []
    chosen = relevant_papers(
        retrieval,
        settings,
        task=task,
        document_frequency=document_frequency,
        collection_size=collection_size,
    )
    if document_frequency is not None and collection_size:
        weights = Weights(document_frequency, collection_size)
    else:
        weights = _local_weights([hit.paper for hit in retrieval.hits])
    similarities = retrieval.sentence_similarity
    clauses = split_clauses(retrieval.query) if task == "ask" else []
    return [
        Evidence(
            paper=paper,
            score=round(probability, 4),
            rank=rank,
            sentences=tuple(
                score_sentences(
                    paper,
                    question=retrieval.query,
                    expanded_query=retrieval.expanded_query,
                    weights=weights,
                    similarities=similarities.get(paper.id),
                    clauses=clauses,
                )
            ),
        )
        for rank, (paper, probability) in enumerate(chosen, start=1)
    ]


def evidence_for_papers(
    papers: Sequence[Paper], *, topic: str | None = None, weights: Weights | None = None
) -> list[Evidence]:
    """Evidence for papers the user named (compare --papers): every sentence, scored by role and,
    when a topic is given, by its overlap with the topic."""
    weights = weights or _local_weights(papers)
    query = topic or ""
    return [
        Evidence(
            paper=paper,
            score=1.0,
            rank=rank,
            sentences=tuple(
                score_sentences(paper, question=query, expanded_query=query, weights=weights)
            ),
        )
        for rank, paper in enumerate(papers, start=1)
    ]


# --- the comparison table ------------------------------------------------------------------

TABLE_ASPECTS = ("problem", "approach", "setting", "reported result")
_CELL_WORDS = 20  # a cell is a phrase; longer spans are cut at a clause boundary
_EMPTY_CELL = "—"
_CELL_BOUNDARY = re.compile(r",\s|;\s|\s(?:which|while|whereas|where|by|through|via)\s")
_LEADING_VERB = re.compile(
    r"^(?:proposes|introduces|presents|develops|designs|devises|establishes|builds|provides|"
    r"offers|describes|puts forward)\s+(?=\S)",
    re.IGNORECASE,
)
_LEADING_PREPOSITION = re.compile(r"^(?:on|across|over|in|using|with)\s+(?=\S)", re.IGNORECASE)


def _phrase(text: str, *, keep: str = "") -> str:
    """A cell-sized phrase of a claim: at most ``_CELL_WORDS`` words, cut at the last clause
    boundary that keeps ``keep`` (a figure) when the claim is longer."""
    text = text.strip().rstrip(".")
    if len(text.split()) <= _CELL_WORDS:
        return text
    cuts = [
        match.start()
        for match in _CELL_BOUNDARY.finditer(text)
        if text[: match.start()].count("(") == text[: match.start()].count(")")
    ]
    fitting = [
        cut
        for cut in cuts
        if 4 <= len(text[:cut].split()) <= _CELL_WORDS and (not keep or keep in text[:cut])
    ]
    if fitting:
        return text[: fitting[-1]]
    if keep:  # the clause that holds the figure
        starts = [0, *(cut + 1 for cut in cuts)]
        ends = [*cuts, len(text)]
        pieces = [
            text[start:end].strip(" ,;")
            for start, end in zip(starts, ends, strict=True)
            if keep in text[start:end]
        ]
        if pieces and len(pieces[0].split()) <= _CELL_WORDS + 10:
            return pieces[0]
    return text


def _cell(paper: Paper, span: object | None, text: str) -> TableCell:
    index = getattr(span, "sentence", None)
    if span is None or index is None or not text:
        return TableCell(_EMPTY_CELL, paper.id)
    source = clean_sentence(abstract_sentences(paper.abstract)[index])
    return TableCell(_capitalise_first(text), paper.id, index, source)


def _capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def build_comparison_table(evidence: Sequence[Evidence]) -> ComparisonTable:
    """Paper × aspect, each cell a short phrase of one analysed claim (linked to the abstract
    sentence it comes from), "—" only where the abstract says nothing of it."""
    from assistant.writers.synthesis import paper_claims

    rows: dict[str, list[TableCell]] = {}
    metrics: list[str] = []
    for item in evidence:
        paper = item.paper
        claims = paper_claims(paper)
        idea = claims.mechanism or claims.proposal
        approach = _LEADING_VERB.sub("", idea.text) if idea else ""
        setting = _LEADING_PREPOSITION.sub("", claims.setting.text) if claims.setting else ""
        result = next((found for found in claims.results if found.figure), None)
        if result is not None and result.metric:
            metrics.append(result.metric.lower())
        rows[paper.id] = [
            _cell(paper, claims.problem, _phrase(claims.problem.text) if claims.problem else ""),
            _cell(paper, idea, _phrase(approach)),
            _cell(paper, claims.setting, _phrase(setting)),
            _cell(
                paper,
                result,
                _phrase(result.text, keep=result.figure or "") if result is not None else "",
            ),
        ]
    distinct = sorted(set(metrics))
    note = (
        "The reported results measure different things ("
        + ", ".join(distinct)
        + "); read them within each row, not across rows."
        if len(distinct) > 1
        else ""
    )
    return ComparisonTable(aspects=list(TABLE_ASPECTS), rows=rows, note=note)
