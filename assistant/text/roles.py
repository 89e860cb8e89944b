"""What each sentence of an abstract does: background, problem, contribution, method, setting, result."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from assistant.text.lexicon import words as lexicon_words

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
    r"extends|frame|frames|cast|casts|reformulate|reformulates|"
    # past tenses ("we proposed OPT-Tree") and the verbs an abstract states its aim with ("In
    # this paper we attempt to answer ...", "we discover", "This paper asks whether ...")
    r"proposed|introduced|presented|developed|designed|devised|formulated|established|built|"
    r"constructed|described|derived|showed|demonstrated|proved|identified|studied|"
    r"investigated|analy[sz]ed|explored|examined|reported|created|addressed|tackled|focused|"
    r"extended|discover|discovers|discovered|suggest|suggests|illustrate|illustrates|"
    r"attempt|attempts|aim|aims|seek|seeks|ask|asks|question|questions|"
    # "we summarize and categorize previous works into three general strategies", "we highlight
    # ten common limitations": a survey's or an analysis's own contribution
    r"summari[sz]e|summari[sz]es|categori[sz]e|categori[sz]es|highlight|highlights|survey|"
    r"surveys|review|reviews"
)
# ("This doctoral thesis provides an in-depth survey of the field")
_THIS_WORK = (
    r"this (?:(?:doctoral|short|brief|comprehensive|systematic)\s+)?(?:paper|work|study|article|"
    r"thesis|survey|review|tutorial|dissertation)"
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
    r"(?:experiments?|results?|evaluations?|analys[ie]s|findings) (?:show|demonstrate|indicate|reveal|"
    r"confirm|verify))\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
_COMPARED = re.compile(
    r"\b(?:performance|accuracy|error|compared (?:to|with)|than)\b", re.IGNORECASE
)
_SETTING = re.compile(
    r"\b(?:on|across|using|with) (?:[\w-]+ ){0,4}(?:benchmarks?|datasets?|tasks|domains|corpora|"
    r"settings|scenarios)\b|\bexperiments? (?:on|with|across)\b|\bevaluat\w+ (?:on|across)\b|"
    r"\bwe (?:evaluate|test|validate|benchmark)\b",
    re.IGNORECASE,
)
# What a field is for, its name the subject: "Task incremental learning aims to enable a system
# to ...", "Online continual learning aims to continuously train ..."
_DEFINES_FIELD = re.compile(
    r"^[A-Z][\w-]*(?:\s+[a-z][\w-]*){0,5}\s+(?:aims|seeks|attempts|strives|refers)\s+to\b"
)
# Where a field stands: "recent years have witnessed ...", "has attracted increasing attention"
_FIELD_STATE = re.compile(
    r"\brecent years have (?:seen|witnessed)\b|\bin recent years\b|"
    r"\b(?:has|have) (?:recently )?(?:attracted|gained|drawn|received) (?:[\w-]+ ){0,2}?"
    r"(?:attention|interest|traction|popularity)\b|"
    r"\b(?:has|have) become (?:increasingly |very )?(?:popular|prevalent|ubiquitous)\b|"
    # what the field takes as known ("it is well-documented that LLMs tend to generate
    # repetitive and dull sequences"), not what the paper finds
    r"\bit is (?:well[- ](?:documented|known|established)|widely (?:known|believed|accepted)|"
    r"(?:commonly|generally) (?:believed|accepted))\b",
    re.IGNORECASE,
)


def states_the_field(text: str) -> bool:
    """Whether the sentence says where the field stands ("recent years have witnessed ...")."""
    return _FIELD_STATE.search(text) is not None


_PROBLEM = re.compile(
    r"\b(?:however|challeng\w*|limitations?|suffer\w*|fail\w*|struggl\w*|lack\w*|remains?|"
    r"problems?|issues?|bottlenecks?|costly|expensive|difficult\w*|hinder\w*|vulnerab\w*|"
    r"degrad\w*|prohibitive|unclear|open question)\b",
    re.IGNORECASE,
)
# a question the field has left open, which the paper takes up
_OPEN_QUESTION = re.compile(
    r"\b(?:open|unexplored|unanswered|unresolved|understudied)\s+(?:research\s+)?question\b|"
    r"\b(?:it\s+)?remains?\s+(?:unclear|unknown|an\s+open\s+question)\s+(?:whether|how|why|if)\b",
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
    r"coined)\b"
    # "we introduced the utilization of XAI ...", not "the proposed method outperforms ...": a
    # past tense states the contribution after "we" only
    r"|\bwe\s+(?:\w+ly\s+)?(?:proposed|introduced|presented|developed|designed|devised|"
    r"formulated|established)\b",
    re.IGNORECASE,
)
# the authors telling their story, no claim: "We take the reader on a journey of our discovery
# process" (review38a: said as "It takes the reader on a journey ..." and as an approach cell)
NARRATION = r"\b(?:take|takes|guide|guides|walk|walks|invite|invites|lead|leads)\s+the\s+readers?\b"
_BOILERPLATE = re.compile(
    r"\b(?:promising|interesting|new|exciting) directions? for future\b|\bfuture (?:research|work|"
    r"studies)\b|"
    r"\bwe (?:share|release|open-source|publish|make)\b[^.]{0,40}\b(?:code|data|models?)\b|"
    # what the paper makes available: "Code is available at ...", "is publicly available", "will
    # be released"; not a claim about data the method has ("when limited offline data are
    # available", "the source data is available during adaptation", "three public datasets")
    r"\b(?:code|data|models?|implementation|project page)\b[^.]{0,40}(?:\b(?:publicly|freely|"
    r"openly)\s+available\b|\bavailable\s+(?:\w+ly\s+)?(?:at|online|on\s+github|from|via|here)\b|"
    r"\bmade\s+"
    r"available\b|\b(?:is|are|will\s+be)\s+available\s*[.)]?\s*$|\b(?:released|open-sourced)\b)"
    r"|https?://|github\.com|" + NARRATION,
    re.IGNORECASE,
)

Role = Literal[
    "contribution", "method", "result", "setting", "problem", "background", "boilerplate"
]


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
    "reader",
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


@lru_cache(maxsize=1)
def _outlook() -> re.Pattern[str]:
    verbs = "|".join(re.escape(verb) for verb in lexicon_words("outlook_verbs"))
    return re.compile(
        # (after a fronted clause too: "Given the diversity and practicality of GUIDE, we
        # believe that it can be used as a better benchmark ..."; review63: "filler"; not "In
        # this work, we envision a novel type of activity prediction model", CLAMP's proposal)
        r"(?:[^,;]{0,120},\s+we\s+(?:hope|believe)\b|"
        r"we\s+(?:hope|believe|envision|expect)\b|(?:our|this)\s+(?:[\w-]+\s+){0,3}"
        rf"(?:will|could|may|might|can)\s+(?:\w+ly\s+)?(?:{verbs}))",
        re.IGNORECASE,
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
    if _outlook().match(text):
        # "Our technique will shed light on advancing scalable and efficient image generation",
        # "We hope that our study provides new insights ...": what the authors expect of their
        # work, quoted as the paper's claim; it stood third in a lookup in place of the sentence
        # asked for (review60)
        return "boilerplate"
    if text.rstrip().rstrip("\"')”’").endswith("!"):
        # 'When having a coversation, "A sir could forget himself," but SirLLM never does!': a
        # flourish, no claim to quote
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
    if _OPEN_QUESTION.search(text):
        # "It is an interesting but unexplored question whether allowing users to edit the
        # importance scores ... would improve the human-AI team's accuracy": what the paper asks,
        # which its finding answers (it does not), read as a result for "improve" (review38a)
        return "problem"
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
    if result_word and after_contribution is not False and position > 1 and _COMPARED.search(text):
        # "Even though the random forest yielded better SMAPE, LSTM and 1D CNN showed similar
        # performance compared to RF": after the contribution, how the methods it ran compare
        # is a result, with or without "we"
        return "result"
    if self_reference and _METHOD.search(text):
        return "method"
    if (
        _FIELD_STATE.search(text)
        and not re.search(r"\b(?:we|our)\b", lower)
        and not (_mentions(lower, _PROBLEM_HINTS) and _PROBLEM.search(text))
    ):
        # "Benefiting from prompt tuning, recent years have witnessed the promising performance
        # of pre-trained vision-language models ... on versatile downstream tasks": where the
        # field stands, not what the paper evaluates on (DiffTPT said it last, as its setting)
        return "background"
    if (
        after_contribution is not True
        and not self_reference
        and _DEFINES_FIELD.match(text)
        and not re.search(r"\b(?:we|our)\b", lower)
    ):
        # "Task incremental learning aims to enable a system to maintain its performance on
        # previously learned tasks ...": what the field is for, before the paper says what it
        # does; read as a setting, it answered "how does each keep memory growth under
        # control" for Neural Weight Search (review48)
        return "background"
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


# An abstract that states its contribution in none of the ways above may still state it: in the
# passive ("A new prior is proposed for learning representations of high-level concepts"), after
# "In this work," ("..., we take a different approach based on the martingale posterior"), or
# as the work's goal ("the main goal of this work is to evaluate ...", "this dissertation is
# dedicated to ...")
_WEAK_CONTRIBUTION = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:proposed|introduced|presented|developed)\b(?!\s+(?:by|in)\b)|"
    r"\bin this (?:work|paper|study|dissertation|thesis),\s+we\b|"
    rf"\b{_THIS_WORK}\s+(?:is|provides|presents|offers|aims)\b|"
    r"\b(?:goal|aim|objective|purpose) of this (?:work|paper|study)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _sentence_roles(sentences: tuple[str, ...]) -> tuple[Role, ...]:
    roles: list[Role] = []
    seen_contribution = False
    for position, sentence in enumerate(sentences):
        role = sentence_role(sentence, position, after_contribution=seen_contribution)
        seen_contribution = seen_contribution or role == "contribution"
        roles.append(role)
    if not seen_contribution:
        # (five papers of the collection had every sentence background, so no answer could say
        # them: "The Consciousness Prior", under a question naming consciousness, among them)
        stated = next(
            (index for index, text in enumerate(sentences) if _WEAK_CONTRIBUTION.search(text)),
            None,
        )
        if stated is not None and roles[stated] in ("background", "problem", "setting"):
            roles[stated] = "contribution"
            for position in range(stated + 1, len(sentences)):
                roles[position] = sentence_role(
                    sentences[position], position, after_contribution=True
                )
    return tuple(roles)


# "One may intuitively use the number of parameters as a rough gauge ...", "It is widely believed
# that growing training sets ... should improve accuracy": a view the abstract sets up to test
_PREMISE = re.compile(
    r"^(?:One\s+(?:may|might|could|would|can)\b|It\s+is\s+(?:commonly|widely|often|generally|"
    r"usually|intuitively)\s+(?:believed|assumed|thought|held|expected)\b)"
)
# "But how accurate are such notions?": a question turning on the sentence before it
_DOUBTING_QUESTION = re.compile(r"^(?:But|Yet|However|Is|Are|Does|Do|Can)\b.*\?\s*$")


def questioned_premise(sentences: Sequence[str], index: int) -> bool:
    """Whether the sentence is a view the paper questions rather than claims: a common belief
    or what "one may" think, or a sentence the abstract follows with a question doubting it
    ("One may intuitively use the number of parameters required as a rough gauge of the
    difficulty of a problem. But how accurate are such notions?"). Quoted as the paper's, it
    says the opposite of what the paper goes on to find (review25n #10)."""
    sentence = sentences[index].strip()
    if sentence.endswith("?"):
        return False
    following = sentences[index + 1].strip() if index + 1 < len(sentences) else ""
    return bool(_PREMISE.match(sentence) or _DOUBTING_QUESTION.match(following))
