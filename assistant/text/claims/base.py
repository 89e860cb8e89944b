"""Claims analyser, the record types, the tuning numbers and the word lists it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.text.lexicon import words

# --- types ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    sentence: int  # index into abstract_sentences(abstract)
    start: int  # offsets of the span within that sentence's text
    end: int
    text: str  # the span as a writer may print it

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share characters of one abstract sentence."""
        return self.sentence == other.sentence and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Result(Span):
    figure: str | None  # "2.04x", "49.4%", "up to 4.30 percentage points"
    metric: str | None  # "throughput", "accuracy"
    compared_with: str | None  # "Medusa decoding"
    # where the result holds, when the sentence opens on it before "we": "On TriviaQA" (a span
    # of the same sentence, from its start); the result's clause follows it
    where: str | None = None


@dataclass(frozen=True)
class PaperClaims:
    name: str | None  # the paper's own name for what it contributes: "DeYO", "Mamba"
    kind: str | None  # method, model, benchmark, dataset, analysis, theory, survey, system
    problem: Span | None  # the problem or limitation it addresses
    proposal: Span | None  # what it proposes, a verb phrase without subject: "proposes X"
    mechanism: Span | None  # how it works, a verb phrase: "filters samples whose ..."
    setting: Span | None  # where it is evaluated: "on ImageNet-C and open-set benchmarks"
    results: tuple[Result, ...]
    finding: Span | None  # the main finding as a clause, for analysis papers


# --- lengths that define a claim ----------------------------------------------------------------
# Fixed here rather than settings: claims are analysed once at index time and stored with the paper,
# and the stored analysis is versioned by a digest of this package's code (text/analysis.py,
# analysis_version). A setting would change what a claim is without re-analysing any paper.

MAX_SPAN_CHARS = 260  # a span longer than this is cut at a clause boundary
MAX_TURN_SPAN_CHARS = 400  # ... unless its only cut would drop the turn ("..., while ...") on it
MIN_SPAN_WORDS = 3  # a shorter span says too little to print
LONG_RESULT_CHARS = 200  # a result clause longer than this yields to the figure's relative clause
MIN_MECHANISM_WORDS = 5  # "trains a network" says nothing about how
MAX_OPENER_CHARS = 140  # a leading adverbial clause ("Building upon these findings,") up to this
MAX_TITLE_NAME_CHARS = 28  # "Quamba2: ..." - a title prefix longer than this is not a name
MAX_SETTING_CHARS = 140
# Where an abstract first speaks of itself: what comes before is its field's, not its own
OWN_WORDS = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]his\s+(?:paper|work|study|article))\b")

# --- lexicon -------------------------------------------------------------------------------------


def _lexicon(name: str) -> tuple[str, ...]:
    return words(name)


def _alternation(entries: tuple[str, ...]) -> str:
    ordered = sorted(set(entries), key=len, reverse=True)
    return "|".join(re.escape(entry).replace(r"\ ", r"\s+") for entry in ordered)


@cache
def additive_opener() -> re.Pattern[str]:
    """ "Finally, ...", "In addition, we ...": a sentence adding a further contribution."""
    return re.compile(rf"(?:{_alternation(_lexicon('additive_openers'))})(?:,|\s+we\b)", re.I)


@cache
def common_acronyms() -> frozenset[str]:
    return frozenset(word for line in _lexicon("common_acronyms") for word in line.split())


@cache
def _verb_strength() -> dict[str, int]:
    strengths: dict[str, int] = {}
    for line in _lexicon("contribution_verbs"):
        verb, strength = line.rsplit(None, 1)
        strengths[verb] = int(strength)
    return strengths


def _third_person(verb: str) -> str:
    """ "propose" -> "proposes", "study" -> "studies", "put forward" -> "puts forward"."""
    head, _, rest = verb.partition(" ")
    if head == "have":
        head = "has"
    elif re.search(r"(?:s|sh|ch|x|z|o)$", head):
        head += "es"
    elif re.search(r"[^aeiou]y$", head):
        head = head[:-1] + "ies"
    else:
        head += "s"
    return f"{head} {rest}" if rest else head


@cache
def _verb_forms() -> dict[str, tuple[str, int]]:
    """Every form a contribution verb takes after "we" or "this paper", to (3rd person, strength)."""
    forms: dict[str, tuple[str, int]] = {}
    for verb, strength in _verb_strength().items():
        third = _third_person(verb)
        head, _, rest = verb.partition(" ")
        past = head + "d" if head.endswith("e") else head + "ed"
        if re.search(r"[^aeiou]y$", head):
            past = head[:-1] + "ied"
        irregular = {"find": "found", "show": "showed", "build": "built", "put": "put"}
        past = irregular.get(head, past)
        for form, printed in ((verb, third), (third, third)):
            forms[form] = (printed, strength)
        past_form = f"{past} {rest}" if rest else past
        forms[past_form] = (past_form, strength)
    return forms


# "We train and compress full models": a word joined straight to the verb just said is a verb
# too, whether or not a verb list knows it (read at the start of what follows that verb)
JOINED_VERB = re.compile(r"^(\s+(?:and|or)\s+)([a-z]+(?:-[a-z]+)*)\b(?=\s)")
# An adverb in -ly; "we then apply X": a verb ending in -ly is none
LY_ADVERB = rf"(?!(?:{'|'.join(words('ly_verbs'))})\b)\w+ly"
_ADVERBS = (
    r"(?:(?:also|further|furthermore|moreover|then|first|here|now|instead|additionally|therefore|"
    r"thus|hence|finally|next|subsequently|newly|"
    rf"{LY_ADVERB})\s+)*"
)


@cache
def _contribution_pattern() -> re.Pattern[str]:
    verbs = _alternation(tuple(_verb_forms()))
    return re.compile(
        r"\b(?P<subject>[Ww]e|(?:[Tt]his|[Tt]he\s+present|[Tt]he|[Oo]ur)\s+(?:paper|work|study|article|"
        r"thesis|dissertation|chapter|survey|note|letter|report|position paper)|"
        # "Our first contribution is to design a novel additive smoothing algorithm ..."
        r"[Oo]ur\s+(?:(?:first|second|third|main|key|primary|central|core)\s+)?contribution\s+"
        r"is\s+to)\s+"
        + _ADVERBS
        # ... after verbs listed before it that the verb list does not know ("This article
        # motivates, describes, and presents the PBSCSR dataset ...")
        + rf"(?:(?!(?:{verbs})\b)[a-z]+,\s+){{0,3}}(?:(?!(?:{verbs})\b)[a-z]+,?\s+and\s+)?"
        + rf"(?P<verb>{verbs})\b"
    )


@cache
def _opener_pattern() -> re.Pattern[str]:
    words = _alternation(_lexicon("openers"))
    adverbial = (
        r"(?:(?:To|In order to)\s|(?:Motivated|Inspired|Driven|Guided|Informed|Encouraged)\s+by\s|"
        r"(?:Building|Based|Drawing|Relying|Capitalizing|Focusing|Leaning)\s+(?:up)?on\s|"
        r"(?:Through|By|Via|With|Using|Leveraging|Unlike|Different from|In contrast to|"
        r"Compared (?:to|with)|Given|Following|Toward|Towards|Despite|Although|Though|While|As|Since|"
        r"Because|For|From|After|Before|Within|Beyond|Against|Among|Across|Upon|"
        r"Inspired|Observing|Noting|Recognizing|Recognising|Combining|Starting|Going|"
        # "On MNIST, FreezeNet achieves 99.2% ...": where a result holds is part of it
        r"On(?![^,;]{0,40}?(?-i:\b(?=[\w-]*[A-Z][\w-]*[A-Z0-9])[\w-]+)))\s)"
        # ... a phrase, not a clause: "Within our tutorial material we provide X, beyond Y" is
        # the claim itself, not an opener before "beyond"
        rf"(?:(?!\s[Ww]e\s)[^,;]){{1,{MAX_OPENER_CHARS}}}?,\s*"
    )
    # any short leading clause before "we": the subject is dropped with it in any case; not a
    # condition or an assumption ("If the data are noisy, ...", "Under standard assumptions,
    # ..."), which bounds the claim that follows
    condition = r"(?!(?:If|When|Whenever|Unless|Under|Assuming|Provided|Once|Only)\b)"
    before_we = (
        rf"{condition}(?:[^,;]{{1,{MAX_OPENER_CHARS}}}?,\s*){{1,3}}?(?=[Ww]e\s)|"
        r"(?:In|On|For|Across|With|Within|Through|Here)\s[^,;]{1,80}?\s(?=we\s)|"
        # "To address this we explore transcoders ...": the purpose pointing back, without its
        # comma (it was said "To address the the authors explore ..."; review81)
        r"To\s+[a-z]+\s+(?:this|these|that|it|them)(?:\s+[a-z-]+){0,2}?\s(?=we\s)"
    )
    return re.compile(
        rf"(?:(?:{words})(?:\s*,\s*|\s+(?=[Ww]e\b))|{adverbial}|{before_we})", re.IGNORECASE
    )
