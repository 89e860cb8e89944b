"""Claims: an abstract analysed once into what the paper names, proposes, does and reports.

Every field is a span of one abstract sentence (``sentence`` indexes ``abstract_sentences``,
``start``/``end`` are offsets into that sentence) and its ``text`` is the span made printable by
edits that cannot change a claim: leading discourse openers dropped ("To address these issues,",
"Second,"), first person resolved ("we propose X" -> "proposes X", "our method" -> the name),
listing-page artefacts fixed ("\\%", "5times", "~("). Negations, hedges, numbers and their units
stay as written. A span whose meaning hangs on a sentence it does not contain ("these issues",
"such models") is not used; a field nothing clean fills is ``None``.

Pure text analysis: no index, no model, no network; word lists live in ``assistant/text/lexicon``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from assistant.text.lexicon import words
from assistant.text.sentences import abstract_sentences

__all__ = ["PaperClaims", "Result", "Span", "analyse", "fix_artefacts", "paper_name"]

# --- types ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    sentence: int  # index into abstract_sentences(abstract)
    start: int  # offsets of the span within that sentence's text
    end: int
    text: str  # the span as a writer may print it


@dataclass(frozen=True)
class Result(Span):
    figure: str | None  # "2.04x", "49.4%", "up to 4.30 percentage points"
    metric: str | None  # "throughput", "accuracy"
    compared_with: str | None  # "Medusa decoding"


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


# --- tuning --------------------------------------------------------------------------------------

MAX_SPAN_CHARS = 260  # a span longer than this is cut at a clause boundary
MIN_SPAN_WORDS = 3  # a shorter span says too little to print
LONG_RESULT_CHARS = 200  # a result clause longer than this yields to the figure's relative clause
MIN_MECHANISM_WORDS = 5  # "trains a network" says nothing about how
MAX_OPENER_CHARS = 140  # a leading adverbial clause ("Building upon these findings,") up to this
MAX_TITLE_NAME_CHARS = 28  # "Quamba2: ..." - a title prefix longer than this is not a name
MAX_SETTING_CHARS = 140

# --- lexicon -------------------------------------------------------------------------------------


def _lexicon(name: str) -> tuple[str, ...]:
    return words(name)


def _alternation(entries: tuple[str, ...]) -> str:
    ordered = sorted(set(entries), key=len, reverse=True)
    return "|".join(re.escape(entry).replace(r"\ ", r"\s+") for entry in ordered)


@cache
def _common_acronyms() -> frozenset[str]:
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


_ADVERBS = (
    r"(?:(?:also|further|furthermore|moreover|then|first|here|now|instead|additionally|therefore|"
    r"thus|hence|finally|next|subsequently|newly|\w+ly)\s+)*"
)


@cache
def _contribution_pattern() -> re.Pattern[str]:
    verbs = _alternation(tuple(_verb_forms()))
    return re.compile(
        r"\b(?P<subject>[Ww]e|(?:[Tt]his|[Tt]he\s+present|[Tt]he|[Oo]ur)\s+(?:paper|work|study|article|"
        r"thesis|dissertation|chapter|survey|note|letter|report|position paper))\s+"
        + _ADVERBS
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
        r"Because|For|From|Under|After|Before|Within|Beyond|Against|Among|Across|Upon|When|If|"
        r"Inspired|Observing|Noting|Recognizing|Recognising|Combining|Starting|Going|On)\s)"
        rf"[^,;]{{1,{MAX_OPENER_CHARS}}}?,\s*"
    )
    # any short leading clause before "we": the subject is dropped with it in any case
    before_we = (
        rf"(?:[^,;]{{1,{MAX_OPENER_CHARS}}}?,\s*){{1,3}}?(?=[Ww]e\s)|"
        r"(?:In|On|For|Across|Under|With|Through|Here)\s[^,;]{1,80}?\s(?=we\s)"
    )
    return re.compile(
        rf"(?:(?:{words})(?:\s*,\s*|\s+(?=[Ww]e\b))|{adverbial}|{before_we})", re.IGNORECASE
    )


# --- small text helpers --------------------------------------------------------------------------

_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]urs|[Oo]urselves|I)\b")
_OUR = re.compile(
    r"\b([Oo]ur)\s+((?:(?:proposed|new|novel|own|overall|resulting|final)\s+)?)"
    r"(method|approach|framework|model|technique|algorithm|system|architecture|scheme|solution|"
    r"pipeline|strategy|network|estimator|metric|benchmark|dataset|tool|library|design)\b"
)
_DANGLING_START = re.compile(
    r"^(?:this|these|those|such|they|them|it|its|their|theirs|that|both|the latter|the former|"
    r"the above|the same|he|she|former|latter)\b",
    re.IGNORECASE,
)
_CLAUSE_BOUNDARY = re.compile(
    r";\s|\s[—–]\s|,?\s\((?:[ivx]{1,4}|\d{1,2})\)\s|,\s(?=(?:which|where|while|whereas|allowing|enabling|thereby|leading|resulting|"
    r"making|yielding|and\s+(?:we|our|it|they|this|thus|therefore|thereby|then|show|demonstrate|"
    r"achiev\w*|outperform\w*|evaluat\w*)|but|although|though|as\s+well\s+as|so\s+that)\b)"
)
_TRAILING_JUNK = re.compile(r"(?:\s*\[[\d,\s\-–]+\]|\s*\((?:see|cf\.?)\s[^)]*\)|\s*https?://\S+)$")
_URL = re.compile(
    r"https?://|github\.com|\bcode\b.{0,40}\bavailable\b|\bproject page\b|"
    r"\b(?:share|release|open-source)\w*\s+(?:the\s+|our\s+|all\s+)?(?:code|data|models|weights)",
    re.I,
)


def fix_artefacts(text: str) -> str:
    """Listing-page leftovers of LaTeX: "\\%" -> "%", "5times" -> "5×", "models~(LLMs)" -> "models (LLMs)"."""
    text = text.replace("\\%", "%").replace("\\&", "&").replace("\\_", "_")
    text = re.sub(r"(\d)\s?times\s?(?=\d)", r"\1×", text)
    text = re.sub(r"(\d)times\b", r"\1×", text)
    text = re.sub(r"(?<=[A-Za-z)])~(?=[(A-Za-z])", " ", text)
    text = re.sub(r"\\(?:sim|approx)\s?", "~", text)
    text = re.sub(r"\\([A-Za-z]{2,})\b(?!\s*[({])", r"\1", text)  # "\ladder" -> "ladder"
    # a LaTeX size or font command whose backslash the listing page lost: "scriptsizeFLaws"
    text = re.sub(r"\b(?:scriptsize|footnotesize|textsc|textbf|textit|mathrm)(?=[A-Z])", "", text)
    return text


_ENUMERATOR = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}|[ivx]{1,4}|[a-h])\)")


def _balanced(text: str) -> bool:
    """Brackets paired, counting "1)" and "ii)" enumerators as no bracket at all."""
    text = _ENUMERATOR.sub("", text)
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


_MID_LIST = re.compile(r"(?:[\w\-]+(?:\s[\w\-]+)?,|(?:and|or|but|nor)\b)")


def _strip_openers(sentence: str, start: int) -> int:
    """Offset after the discourse openers that begin ``sentence[start:]`` (repeatedly)."""
    pattern = _opener_pattern()
    for _ in range(4):
        match = pattern.match(sentence, start)
        if not match or not _balanced(match.group(0)):
            break
        if _MID_LIST.match(sentence, match.end()):
            break  # "Although RNNs, CNNs, and Transformers ...": the comma was inside a list
        start = match.end()
        relative = re.match(r"(?:which|who|that|where|whose)\b[^,;]{0,140}?,\s*", sentence[start:])
        if relative and _balanced(relative.group(0)):
            start += relative.end()  # "Compared to X, which requires Y, DD enables ..."
    return start


def _cut_to_clause(text: str, limit: int = MAX_SPAN_CHARS) -> str:
    """``text`` itself when short enough, else its longest prefix ending at a clause boundary."""
    if len(text) <= limit:
        return text
    best = None
    for match in _CLAUSE_BOUNDARY.finditer(text):
        if match.start() > limit:
            break
        if match.start() >= 40 and _balanced(text[: match.start()]):
            best = match.start()
    return text[:best] if best else text


def _tidy_end(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"(?:,\s*|\s+)(?:and|or|but)$", "", text.rstrip(" .,;:")).rstrip(" .,;:")
        if text.endswith(("]", ")")) or "http" in text[-80:]:
            text = _TRAILING_JUNK.sub("", text)
    return text


@cache
def _vague_nouns() -> re.Pattern[str]:
    nouns = _alternation(_lexicon("dangling"))
    return re.compile(rf"^(?:{nouns})(?:s|es)?\b", re.IGNORECASE)


_ANAPHORIC_PHRASE = re.compile(
    r"\b(?:(?:the|both)\s+(?:two|three|four|above|aforementioned|mentioned|said|former|latter|"
    r"following)|"
    r"aforementioned|above-mentioned|said\s+(?:method|model|problem)s?)\b",
    re.IGNORECASE,
)
# "these lack guarantees": the demonstrative stands alone as the subject of this verb
_PRONOUN_VERB = re.compile(
    r"(?:is|are|was|were|can|could|may|might|will|would|should|must|has|have|had|do|does|did|"
    r"lacks?|suffers?|fails?|requires?|rel(?:y|ies)|struggles?|remains?|becomes?|tends?|allows?|"
    r"enables?|leads?|makes?|shows?|provides?|achieves?|yields?|offers?|includes?|involves?|"
    r"depends?|limits?|hinders?|ignores?|neglects?|means?|implies|implys?|suggests?|"
    r"\w+ed)\b"
)
_DEMONSTRATIVE = re.compile(r"\b(?:[Tt]hese|[Tt]hose|[Ss]uch|[Tt]his|[Tt]hat)\s+(?=[\w-])")


def _drop_demonstratives(text: str) -> str | int:
    """ "these selective SSMs" -> "the selective SSMs": a demonstrative before a self-describing
    noun phrase becomes "the"; the offset of one whose phrase means nothing without its antecedent
    ("these issues", "such models", "this method")."""
    anaphor = _ANAPHORIC_PHRASE.search(text)
    if anaphor:
        return anaphor.start()
    out = []
    position = 0
    for match in _DEMONSTRATIVE.finditer(text):
        word = match.group(0).strip().lower()
        following = text[match.end() :]
        if word == "that" or (word == "this" and re.match(r"(?:paper|work|study)\b", following)):
            continue
        if word == "such":
            if re.match(r"(?:as|that)\b", following):
                continue
            return match.start()  # "such data": which data, the sentence before said
        phrase = following.split(",")[0].split()[:3]
        if phrase and phrase[0].rstrip("s").lower() in text[: match.start()].lower():
            continue  # the antecedent is inside the span: "a representation ... this representation"
        if (
            len(phrase) < 2
            or any(_vague_nouns().match(word) for word in phrase[:3])
            or re.match(r"(?:two|three|four|both)\b", phrase[0])
            or (word in {"this", "these", "those"} and _PRONOUN_VERB.match(phrase[0]))
        ):
            return match.start()
        out.append(text[position : match.start()])
        out.append("The " if match.group(0)[0].isupper() else "the ")
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _resolve_first_person(text: str, name: str | None) -> str | None:
    """ "our method" -> the name (or "the method"), "our X" -> "the X"; None when a "we"/"us"
    remains that cannot be cut off at a clause boundary."""

    def our(match: re.Match[str]) -> str:
        if name and not match.group(2):
            return name
        article = "The" if match.group(1) == "Our" else "the"
        return f"{article} {match.group(2)}{match.group(3)}"

    text = _OUR.sub(our, text)
    if name:  # "our method CLAMP" -> "CLAMP", not "CLAMP CLAMP"
        text = re.sub(rf"\b{re.escape(name)}\s*,?\s+{re.escape(name)}\b", name, text)
    # "a formula, which we call Distance over Gradients (DoG)" -> "a formula, called ..."
    text = re.sub(
        r",?\s+(?:which|that)\s+we\s+(?:call|dub|name|term|refer\s+to\s+as)\s+", ", called ", text
    )
    text = re.sub(r"\b([Oo])ur\b", lambda m: "The" if m.group(1) == "O" else "the", text)
    person = _FIRST_PERSON.search(text)
    if person:
        cut = _cut_before(text, person.start())
        if cut is None:
            return None
        text = text[:cut]
    return text


_MISSED_BREAK = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\bal)(?<!\bvs)(?<!\bcf)(?<!\bFig)(?<![A-Z])\.\s+(?=\S)"
)


# "to" after "likely", "able", "due" ... belongs to the claim ("are likely to be"), not a purpose
_SOFT_BOUNDARY = re.compile(
    r"(?<!\blikely)(?<!\bunlikely)(?<!\bable)(?<!\bunable)(?<!\bdue)(?<!\bused)(?<!\bup)"
    r"(?<!\bclose)(?<!\bsimilar)(?<!\brelated)(?<!\bcompared)(?<!\brelative)(?<!\bprior)"
    r"(?<!\btend)(?<!\btends)(?<!\bneed)(?<!\bneeds)(?<!\bseem)(?<!\bseems)(?<!\bhas)(?<!\bhave)"
    r"\s(?:to|in\s+order\s+to|so\s+as\s+to|for|by|because|since|as|even\s+(?:in|on|under|for)|"
    r"in|under|across)\s"
)


def _cut_before(text: str, position: int) -> int | None:
    """The last clause boundary (or purpose/means phrase) before ``position`` worth keeping."""
    cut = None
    for pattern in (_CLAUSE_BOUNDARY, _SOFT_BOUNDARY, re.compile(r",\s")):
        for match in pattern.finditer(text, 0, position):
            if len(text[: match.start()].split()) >= MIN_SPAN_WORDS and _balanced(
                text[: match.start()]
            ):
                cut = match.start()
        if cut is not None and re.search(r"\b(?:only|not|never|no|nor|without)$", text[:cut]):
            return None  # cutting here would drop what "only"/"not" applies to
        if cut is not None:
            # "a method inspired | by ...": a participle left hanging goes with what followed it
            hanging = re.search(r"\s+\w{3,}ed$", text[:cut])
            if pattern is _SOFT_BOUNDARY and hanging and len(text[: hanging.start()].split()) >= 3:
                cut = hanging.start()
            return cut
    return None


_SUBORDINATE = re.compile(
    r"(?:while|although|though|whereas|because|since|if|when|unless|despite|as)\b", re.IGNORECASE
)


def _finish(
    text: str, name: str | None, limit: int = MAX_SPAN_CHARS, min_words: int = MIN_SPAN_WORDS
) -> str | None:
    """The printable form of a span's raw text, or None when it cannot stand alone."""
    missed = _MISSED_BREAK.search(text)
    if missed:
        text = text[: missed.start()]
    text = fix_artefacts(text)
    resolved = _resolve_first_person(text, name)
    if resolved is None:
        return None
    cleaned = _drop_demonstratives(resolved)
    if isinstance(cleaned, int):
        # "... between LMs and retrievers to efficiently tackle such problems": keep what stands
        cut = _cut_before(resolved, cleaned)
        if cut is None:
            return None
        cleaned = _drop_demonstratives(resolved[:cut])
        if isinstance(cleaned, int):
            return None
    cleaned = _tidy_end(_cut_to_clause(cleaned, limit))
    if not _balanced(cleaned) or len(cleaned.split()) < min_words:
        return None
    if _SUBORDINATE.match(cleaned) and "," not in cleaned:
        return (
            None  # "while observational outcomes can provide supervision": the main clause was cut
        )
    return cleaned


def _occurrence_ends(text: str, needle: str) -> list[int]:
    ends = []
    position = text.find(needle)
    while position >= 0:
        ends.append(position + len(needle))
        position = text.find(needle, position + 1)
    return ends


def _raw_end(sentence: str, start: int, printed: str) -> int:
    """End offset in the raw sentence of a span whose printed text was derived from
    ``sentence[start:]``. The printed text's last words are found in the raw text (nearest to the
    printed length: edits change it by a few characters); words an edit wrote at the very end
    ("our approach" -> the name) are skipped and the raw span extended by as many words."""
    raw = sentence[start:]
    words = re.findall(r"\S+", printed)
    attempts = [(skipped, size) for skipped in range(4) for size in (3, 2, 1)]
    tolerance = max(24, len(printed) // 4)  # edits change the length by a few words at most
    for skipped, size in attempts:
        if skipped + size > len(words):
            continue
        tail_words = words[len(words) - skipped - size : len(words) - skipped]
        if any("×" in word or "%" in word for word in tail_words):
            continue
        if size == 1 and len(tail_words[0]) < 5:
            continue
        ends = _occurrence_ends(raw, " ".join(tail_words))
        if not ends:
            continue
        end = min(ends, key=lambda position: abs(position - len(printed)))
        if abs(end - len(printed)) > tolerance + 12 * skipped:
            continue  # a tail found far from where the printed text ends is another mention
        extra = re.match(rf"(?:\s+\S+){{{skipped}}}", raw[end:])
        if extra:
            end += extra.end()
            last = re.search(r"\b(?:our|the|its|this)$", raw[:end], re.IGNORECASE)
            following = re.match(r"\s+[\w\-]+", raw[end:])
            if last and following:
                end += following.end()
        return start + len(raw[:end].rstrip(" .,;:"))
    # no tail found verbatim (an artefact was fixed inside it): the raw span of the same word count
    match = re.match(rf"(?:\S+\s+){{{max(len(words) - 1, 0)}}}\S+", raw)
    return start + len((raw[: match.end()] if match else raw).rstrip(" .,;:"))


# --- name ----------------------------------------------------------------------------------------

_NAME_TOKEN = r"[A-Za-zσ][\w+.\-σ]*[\w+]"
_LOOKS_NAMED = re.compile(
    r"^(?=.*[A-Z].*[A-Z0-9+]|.*\d|[A-Z][a-z]{2,})[A-Za-zσ0-9][\w+.\-σ]*[\w+]$"
)
_MIXED = re.compile(r"^(?=\S*(?:[a-z]\S*[A-Z]|[A-Z]\S*[A-Z]|\d|\+))")
_DEFINED_ACRONYM = re.compile(r"\(\s*(" + _NAME_TOKEN + r")\s*\)")
_CALLED = re.compile(
    r"\b(?:called|dubbed|named|termed|coined|denoted(?:\s+as)?|namely|(?:which|that)\s+we\s+call)"
    r"\s+(?:as\s+)?(?:the\s+)?"
    r"(?P<name>" + _NAME_TOKEN + r")"
)


@lru_cache(maxsize=16384)
def _is_name(token: str, abstract: str) -> bool:
    if token in _common_acronyms() or len(token) > 24 or len(token) < 2:
        return False
    if token.rstrip("s") in _common_acronyms():
        return False
    if _MIXED.match(token):
        return True
    # a capitalised word is a name when the abstract keeps using it mid-sentence ("Mamba", "Hydra")
    return bool(re.match(r"^[A-Z][a-z]+\d*$", token)) and (
        len(re.findall(rf"(?<![.!?]\s)(?<!^)\b{re.escape(token)}\b", abstract)) >= 2
    )


def _title_name(title: str, abstract: str) -> str | None:
    if ":" not in title:
        return None
    prefix = title.split(":", 1)[0].strip()
    if not 0 < len(prefix) <= MAX_TITLE_NAME_CHARS:
        return None
    words = prefix.split()
    if len(words) == 1:
        token = words[0]
        # "Attribute-to-Delete:" is a slogan unless the abstract uses it; "Quamba2:" is a name
        plain_words = all(re.fullmatch(r"[A-Z]?[a-z]+", part) for part in token.split("-"))
        own_shape = re.search(r"\d|\+|[a-z][A-Z]", token) or (
            _MIXED.match(token) and not plain_words
        )
        if own_shape or re.search(rf"\b{re.escape(token)}\b", abstract):
            return token
        return None
    if len(words) <= 3:
        bare = re.sub(r"^(?:The|A|An)\s+", "", prefix)
        if re.search(rf"\b{re.escape(bare)}\b", abstract) and any(
            word[:1].isupper() for word in bare.split()[1:]
        ):
            return bare
        first = words[0]
        if re.search(r"\d|[a-z][A-Z]", first) and re.search(rf"\b{re.escape(first)}\b", abstract):
            return first  # "AlphaMath Almost Zero: ..." names AlphaMath
    return None


def strength_of(match: re.Match[str]) -> int:
    """The strength of the contribution verb a ``_contribution_pattern`` match found."""
    return _verb_forms().get(re.sub(r"\s+", " ", match.group("verb")), ("", 1))[1]


def paper_name(title: str, abstract: str) -> str | None:
    """The name the paper gives what it contributes: a title prefix ("Quamba2: ..."), a name its
    contribution sentence gives ("we introduce ... Destroy Your Object (DeYO)", "we propose
    LLM-TTA"), else a name-like token the abstract makes the subject of its results."""
    from_title = _title_name(title, abstract)
    if from_title:
        return from_title
    sentences = abstract_sentences(abstract)
    pattern = _contribution_pattern()
    for sentence in sentences:
        for match in pattern.finditer(sentence):
            after = sentence[match.end() :]
            verb = re.sub(r"\s+", " ", match.group("verb"))
            if _verb_forms().get(verb, ("", 1))[1] < 2:
                continue  # "we observe ... a principle called Occam's razor" names no contribution
            called = _CALLED.search(after)
            if called and _is_name(called.group("name"), abstract):
                defined = _DEFINED_ACRONYM.match(after, called.end() + 1) or re.match(
                    r"[\w\s\-]{0,60}?\((" + _NAME_TOKEN + r")\)", after[called.start() :]
                )
                if defined and _is_name(defined.group(1), abstract):
                    return defined.group(1)
                return called.group("name")
            if called:
                acronym = re.match(
                    r"[\w\s\-]{0,80}?\((" + _NAME_TOKEN + r")\)", after[called.end() :]
                )
                if acronym and _is_name(acronym.group(1), abstract):
                    return acronym.group(1)
            early = re.match(
                r"\s+(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,8}?\((" + _NAME_TOKEN + r")\)", after
            )
            if early and _is_name(early.group(1), abstract):
                return early.group(1)
            appositive = re.match(r"\s+([A-Z][\w\-+]*),\s+(?:a|an)\s", after)
            if (
                appositive
                and strength_of(match) >= 2
                and appositive.group(1) not in _common_acronyms()
            ):
                return appositive.group(1)  # "we describe Sparsey, an unsupervised ... model"
            direct = re.match(r"\s+(" + _NAME_TOKEN + r")\b", after)
            if (
                direct
                and _is_name(direct.group(1), abstract)
                and (
                    direct.group(1)[0].isupper()
                    or (
                        _MIXED.match(direct.group(1))
                        and _verb_forms().get(re.sub(r"\s+", " ", match.group("verb")), ("", 0))[1]
                        == 3
                    )
                )
            ):
                return direct.group(1)
            clause = re.split(r"[;]|, which|, and we", after)[0]
            for defined_match in _DEFINED_ACRONYM.finditer(clause):
                if _is_name(defined_match.group(1), abstract):
                    return defined_match.group(1)
    our_named = re.search(
        r"\b(?:[Oo]ur|[Tt]he proposed)\s+(?:\w+\s+){0,2}?(?:model|method|approach|framework|"
        r"algorithm|architecture|system|technique|benchmark|dataset|tool|library),?\s+\(?("
        + _NAME_TOKEN
        + r")\)?",
        abstract,
    )
    if our_named and _is_name(our_named.group(1), abstract):
        return our_named.group(1)
    subjects = Counter(
        match.group(1)
        for match in re.finditer(
            r"\b(" + _NAME_TOKEN + r")\s+(?:\w+ly\s+)?(?:outperforms|achieves|improves|reduces|"
            r"surpasses|delivers|attains|enables|uses|consists|leverages)\b",
            abstract,
        )
        if _is_name(match.group(1), abstract) and _MIXED.match(match.group(1))
    )
    acronyms = {match.group(1) for match in _DEFINED_ACRONYM.finditer(abstract)}
    for token, _count in subjects.most_common():
        if token in acronyms or abstract.count(token) >= 2:
            return token
    # an acronym the abstract defines and keeps using ("... feedback (RLCF) framework")
    frequent = Counter(
        {token: len(re.findall(rf"\b{re.escape(token)}\b", abstract)) for token in acronyms}
    )
    ranked = [(t, c) for t, c in frequent.most_common() if c >= 3 and _is_name(t, abstract)]
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


# --- proposal ------------------------------------------------------------------------------------

_EVIDENTIAL_THAT = re.compile(r"^(?:that\s+)", re.IGNORECASE)


@dataclass(frozen=True)
class _Candidate:
    sentence: int
    start: int
    strength: int
    text: str


_PASSIVE = re.compile(
    r"(?P<object>(?:[Aa]n?|[Tt]he|[Oo]ur)\s[^;]{3,200}?),?\s+(?:is|are)\s+(?:\w+ly\s+|here\s+|also\s+)?"
    r"(?P<verb>proposed|introduced|presented|developed|designed|devised|described|derived|"
    r"put\s+forward)\b(?:\s+and\s+(?P<second>[a-z]+ed)\b)?"
    r"(?:\s+(?:here|in\s+this\s+(?:paper|work|study|article)))?,?"
)
_BASE_OF_PARTICIPLE = {
    "proposed": "propose",
    "introduced": "introduce",
    "presented": "present",
    "developed": "develop",
    "designed": "design",
    "devised": "devise",
    "described": "describe",
    "derived": "derive",
    "put forward": "put forward",
}


def _passive_candidate(
    sentences: tuple[str, ...], index: int, name: str | None
) -> _Candidate | None:
    """ "A novel gradient boosting framework is proposed where ..." -> "proposes a novel gradient
    boosting framework where ..." (the voice changes, the words and the claim do not)."""
    sentence = sentences[index]
    start = _strip_openers(sentence, 0)
    match = _PASSIVE.match(sentence, start)
    if match is None or not _balanced(match.group("object")):
        return None
    if _DANGLING_START.match(match.group("object")) or _FIRST_PERSON.search(match.group("object")):
        return None
    verb = _BASE_OF_PARTICIPLE[re.sub(r"\s+", " ", match.group("verb"))]
    phrase = match.group("object")
    if re.match(r"(?:The|An|A|Our)\s", phrase):
        phrase = phrase[0].lower() + phrase[1:]
    rest = sentence[match.end() :]
    verb_phrase = _third_person(verb)
    if match.group("second"):  # "is proposed and explored" -> "proposes and explores"
        second = match.group("second")
        base = second[:-1] if second[:-1] in _verb_strength() else second[:-2]
        verb_phrase += " and " + _third_person(base)
    gap = " " if rest and not rest.startswith((" ", ",")) else ""
    text = _finish(f"{verb_phrase} {phrase}{gap}{rest}", name)
    if text is None:
        return None
    strength = _verb_strength().get(verb, 2) - 1 + (1 if name and name in text else 0)
    return _Candidate(index, match.start("object"), strength, text)


_LISTED_VERB = re.compile(
    r"(,?\s+and\s+(?:then\s+|also\s+|further\s+)?)(show|demonstrate|propose|introduce|"
    r"present|evaluate|find|prove|use|apply|develop|provide|release|train|study|"
    r"analy[sz]e|identify|observe|derive|establish|explore|investigate|conduct|"
    r"validate|verify|compare|extend|leverage|employ|reveal|discuss|highlight|argue|"
    r"suggest|outline|test|measure|quantify|characterize|construct|build|curate|"
    r"collect|achieve|obtain|make|integrate|design)\b"
)


def _conjugate_listed(rest: str) -> str:
    """ "... X and show that Y" after "we propose": "and shows"; not in "to study and design X"."""

    def conjugate(match: re.Match[str]) -> str:
        if re.search(r"\bto\s+\w+$", rest[: match.start()]):
            return match.group(0)
        return match.group(1) + _third_person(match.group(2))

    return _LISTED_VERB.sub(conjugate, rest)


def _proposal_candidates(sentences: tuple[str, ...], name: str | None) -> list[_Candidate]:
    forms = _verb_forms()
    candidates = []
    for index in range(len(sentences)):
        passive = _passive_candidate(sentences, index, name)
        if passive is not None:
            candidates.append(passive)
    pattern = _contribution_pattern()
    for index, sentence in enumerate(sentences):
        if _URL.search(sentence):
            continue
        for match in pattern.finditer(sentence):
            verb = re.sub(r"\s+", " ", match.group("verb"))
            printed, strength = forms.get(verb, (verb, 1))
            rest = sentence[match.end("verb") :]
            # "we propose and evaluate X": every coordinated verb in the third person
            rest = re.sub(
                r"^(\s+and\s+)(\w+)\b",
                lambda m: m.group(1) + forms.get(m.group(2), (m.group(2), 0))[0],
                rest,
            )
            rest = _conjugate_coordinated(_conjugate_listed(rest))
            rest = re.sub(r"^\s+here\b", "", rest)
            text = _finish(printed + rest, name)
            if text is None:
                continue
            if name and name in text:
                strength += 1  # "we propose X (Name)" beats "we design Y"; never "we evaluate Name"
            if re.match(
                r"proposes\s+to\s+(?:study|investigate|analy[sz]e|explore|examine|understand)", text
            ) or re.match(
                r"\S+\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:analysis|analyses|study|evaluation|"
                r"investigation|discussion|comparison|overview|characteri[sz]ation)\s+of\b",
                text,
            ):
                strength = 1
            if strength == 1 and re.match(r"\S+\s+that\b", text):
                strength = 0  # "shows that ..." is a finding, not what the paper offers
            candidates.append(_Candidate(index, match.start("verb"), strength, text))
    return candidates


def _span_from(sentences: tuple[str, ...], index: int, start: int, text: str) -> Span:
    sentence = sentences[index]
    return Span(index, start, _raw_end(sentence, start, text), text)


# --- finding -------------------------------------------------------------------------------------


@cache
def _finding_pattern() -> re.Pattern[str]:
    verbs = _alternation(_lexicon("evidential_verbs"))
    return re.compile(
        r"\b(?:[Ww]e|[Oo]ur\s+(?:\w+\s+){0,2}?(?:results?|experiments?|analys[ie]s|findings?|"
        r"study|evaluation|theory)|(?:[Tt]he\s+)?(?:[Ee]xperiments?|[Rr]esults?|[Ee]valuations?|"
        r"[Aa]nalys[ie]s|[Ff]indings?))\s+" + _ADVERBS + rf"(?:{verbs})\s+"
        r"(?:(?:both\s+)?(?:theoretically|empirically|experimentally)\s+(?:and\s+\w+ly\s+)?)?that\s+"
    )


def _finding(sentences: tuple[str, ...], name: str | None) -> Span | None:
    for index, sentence in enumerate(sentences):
        for match in _finding_pattern().finditer(sentence):
            start = match.end()
            if _DANGLING_START.match(sentence[start:]):
                continue
            text = _finish(sentence[start:], name)
            if text:
                return _span_from(sentences, index, start, text)
    return None


# --- mechanism -----------------------------------------------------------------------------------

_NOT_MECHANISM = re.compile(
    r"^(?:\w+ly\s+)?(?:outperform|achiev|surpass|obtain|attain|match|exceed|reach|deliver|yield|"
    r"is\s+(?:publicly\s+)?available|are\s+(?:publicly\s+)?available|will|can\s+be\s+found|"
    r"show|demonstrate|evaluate|conduct|perform|release|make|open-source|validate|verify|test|"
    r"compare|report|find|found|observe|believe|hope|expect|discuss|conclude|note|present|"
    r"propose|introduce|also\s+propose|call|name|term|dub|refer|notice|argue|hypothesi[sz]e|"
    r"has\s+(?:\w+\s+){0,2}(?:achiev|shown|demonstrat|replicat|outperform)|provide\s+(?:\w+\s+)?evidence|"
    r"provides\s+(?:\w+\s+)?evidence|study|studies|analy[sz]e|investigate|explore|examine|"
    r"discover|reveal|observe|confirm|suggest|indicate|ares?\b|is\s+able|are\s+able)",
    re.IGNORECASE,
)
_RESULT_WORDS = re.compile(
    r"\b(?:outperform\w*|state-of-the-art|sota|results|superior|surpass\w*|effectiveness)\b", re.I
)
_EVALUATIVE_PURPOSE = re.compile(r"\bto\s+(?:show|demonstrate|evaluate|validate|verify|test)\b")
_WE_VERB = re.compile(
    r"^(?:[Ww]e)\s+"
    + _ADVERBS
    + r"(?P<verb>(?:[a-z]+-)?(?:[a-z]+(?:ss|us|is)|[a-z]*[a-rt-z]))(?![\w-])"
)


_MECHANISM_PARTICIPLES = frozenset(
    [
        "based",
        "built",
        "trained",
        "designed",
        "composed",
        "implemented",
        "formulated",
        "obtained",
        "derived",
        "inspired",
        "grounded",
        "realized",
        "realised",
        "parameterized",
        "parametrized",
        "constructed",
        "optimized",
        "learned",
    ]
)
_GENERIC_SUBJECT = re.compile(
    r"(?:(?:[Oo]ur|[Tt]he\s+proposed|[Tt]his)\s+(?:\w+\s+){0,2}?(?:method|approach|framework|model|"
    r"technique|algorithm|system|architecture|scheme|pipeline|strategy|design|key\s+idea|"
    r"core\s+idea|idea|module|mechanism)|[Ii]t)\s+"
)
_PREDICATE = re.compile(
    r"(?:\w+ly\s+)?(?:[a-z][a-z\-]*(?:s|ed)\b|(?:can|could|may|might)\s+(?:\w+ly\s+)?"
    r"(?!be\b|also\b)[a-z]+\b)"
)
_OUR_FRAMEWORK = re.compile(
    r"(?:[Oo]ur|[Tt]he\s+proposed)\s+(?:\w+\s+){0,2}?(?:method|approach|framework|model|"
    r"technique|algorithm|system|architecture)"
)
_APPOSITIVE = re.compile(r",\s+(?:dubbed|called|named|termed|coined)\s+[^,]{1,80},\s+")


def _predicate_start(body: str, name: str | None) -> int | None:
    """Offset of the predicate when ``body`` starts with the paper's method as subject."""
    position = None
    if name and body.startswith(name + " "):
        position = len(name) + 1
    else:
        subject = _GENERIC_SUBJECT.match(body)
        if subject:
            position = subject.end()
        else:
            named = _OUR_FRAMEWORK.match(body)
            appositive = _APPOSITIVE.match(body, named.end()) if named else None
            if appositive:
                position = appositive.end()  # "Our proposed framework, dubbed DSEE, aims to ..."
    if position is None or not _PREDICATE.match(body, position):
        return None
    if re.match(r"[\w\-]+\s+(?:is|are|was|were|can|will|have|has)\b", body[position:]):
        return None  # "Hydra heads are ...": the word after the name was a noun
    copula = re.match(r"(?:is|are|was|were)\s+(?P<next>\w+)", body[position:])
    if copula and copula.group("next") not in _MECHANISM_PARTICIPLES:
        return None  # "is agnostic to ...": a property, not how it works
    return position


def _mechanism(
    sentences: tuple[str, ...], name: str | None, after: int, proposal: Span | None
) -> Span | None:
    forms = _verb_forms()
    for index in range(after, len(sentences)):
        sentence = sentences[index]
        if _URL.search(sentence) or _FIGURE.search(sentence):
            continue
        start = _strip_openers(sentence, 0)
        body = sentence[start:]
        if index == after:
            continue
        predicate = _predicate_start(body, name)
        if predicate is not None and not (body.startswith(("It ", "it ")) and index != after + 1):
            rest_start = start + predicate
            if _NOT_MECHANISM.match(sentence[rest_start:]):
                continue
            text = _finish(sentence[rest_start:], name)
            if (
                text
                and len(text.split()) >= MIN_MECHANISM_WORDS
                and not _EVALUATIVE_PURPOSE.search(text)
                and not _RESULT_WORDS.search(text)
            ):
                return _span_from(sentences, index, rest_start, text)
            continue
        we = _WE_VERB.match(body)
        if we:
            verb = we.group("verb")
            # a second "we propose Y" after the main proposal usually says how ("an offline
            # approach to quantize inputs by sorting and clustering")
            second_proposal = verb in {"propose", "introduce", "design", "develop", "devise"}
            if (_NOT_MECHANISM.match(verb) and not second_proposal) or verb in {"also", "further"}:
                continue
            strength = forms.get(verb, (verb, 2))[1]
            if strength == 1:
                continue
            verb_start = start + we.start("verb")
            printed = forms[verb][0] if verb in forms else _present_third(verb)
            text = _finish(
                _conjugate_coordinated(printed + sentence[start + we.end("verb") :]), name
            )
            if (
                text
                and len(text.split()) >= MIN_MECHANISM_WORDS
                and not _EVALUATIVE_PURPOSE.search(text)
                and not _RESULT_WORDS.search(text)
            ):
                return _span_from(sentences, index, verb_start, text)
    if proposal is not None:
        # the proposal sentence's own relative clause: "X, which leverages ..."
        sentence = sentences[proposal.sentence]
        which = re.search(r",\s+(?:which|that)\s+(?P<verb>[a-z]+s)\b", sentence[proposal.start :])
        if which and not _NOT_MECHANISM.match(which.group("verb")):
            start = proposal.start + which.start("verb")
            text = _finish(sentence[start:], name)
            if text:
                return _span_from(sentences, proposal.sentence, start, text)
    return None


# --- problem -------------------------------------------------------------------------------------

_PROBLEM_CUE = re.compile(
    r"\b(?:challeng\w*|limitations?|limited|suffer\w*|fail\w*|struggl\w*|lack\w*|remains?\s+"
    r"(?:unclear|open|challenging|difficult|unknown|elusive|limited)|bottlenecks?|costly|expensive|"
    r"difficult\w*|hinder\w*|vulnerab\w*|degrad\w*|prohibitive\w*|unclear|open\s+(?:question|"
    r"problem)|inefficien\w*|unreliab\w*|poorly|insufficient\w*|impractical|infeasible|"
    r"not\s+(?:well|yet|always)|little\s+is\s+known|underexplored|overlook\w*|neglect\w*|ignor\w*|"
    r"sensitive|brittle|restrict\w*|only\s+work)\b",
    re.IGNORECASE,
)


def _problem(sentences: tuple[str, ...], name: str | None, before: int) -> Span | None:
    best: Span | None = None
    for index in range(min(before, len(sentences))):
        sentence = sentences[index]
        if not _PROBLEM_CUE.search(sentence) or _FIRST_PERSON.search(sentence):
            continue
        start = _strip_openers(sentence, 0)
        if _DANGLING_START.match(sentence[start:]):
            continue
        text = _finish(sentence[start:], name)
        if text and _PROBLEM_CUE.search(text):
            best = _span_from(sentences, index, start, text)  # the last one before the proposal
    return best


# --- setting -------------------------------------------------------------------------------------


@cache
def _setting_pattern() -> re.Pattern[str]:
    nouns = _alternation(_lexicon("setting_nouns"))
    return re.compile(
        r"\b(?:(?:on|across|over)\s+(?!par\b|average\b|the\s+other\b|top\s+of\b|turn\b)"
        r"(?:(?!(?:is|are|was|were|be|been|can|could|may|we|our|which|that|where|while|when|"
        r"achiev\w*|outperform\w*|show\w*|demonstrat\w*|improv\w*|reduc\w*|provid\w*|has|have|"
        r"over|than|against|in|on|across|baselines?|methods?)\b)[\w\-+.'/()]+,?\s+){0,12}?"
        r"|in\s+(?:(?!(?:and|or|of|the|in|on|to|for|with|which|that)\b)[\w\-+.'/()]+\s+){0,4}?)"
        rf"(?:{nouns})\b"
        r"(?:\s*\([A-Z][\w\-]*\))?"
        r"(?:,?\s+(?:such\s+as|including|like|e\.g\.,?)\s+[^.;]{0,100}?(?=[.;]|,\s+(?:while|where|"
        r"which|with|and\s+(?:show|demonstrat|achiev|outperform)|respectively|demonstrat|show)|$))?"
    )


_EVALUATION = re.compile(
    r"\b(?:experiments?|evaluat\w*|benchmark\w*|results?|outperform\w*|achiev\w*|surpass\w*|"
    r"empirical\w*|tested|validat\w*|demonstrat\w*|accuracy|state-of-the-art|improv\w*|"
    r"speed-?ups?)\b",
    re.IGNORECASE,
)
_NAMED_DATA = re.compile(
    r"(?<!based\s)(?<!relies\s)(?<!depends\s)\bon\s+(?:the\s+)?((?:[A-Z][\w\-.]*\d*[\w\-]*)(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?"
    r"[A-Z][\w\-.]*)*)"
)


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
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
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
    ]
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


def _setting(sentences: tuple[str, ...], name: str | None) -> Span | None:
    """The best-scored evaluation phrase of the abstract: named data beat "in various settings"."""
    best: tuple[int, int, Span] | None = None
    for index, sentence in enumerate(sentences):
        if not _EVALUATION.search(sentence):
            continue
        found = [(m.start(), m.group(0)) for m in _setting_pattern().finditer(sentence)]
        named = _NAMED_DATA.search(sentence)
        if named and (
            any(character.isdigit() for character in named.group(1))
            or re.search(r"[A-Z].*[A-Z]", named.group(1))
        ):
            found.append((named.start(), named.group(0)))
        for start, raw in found:
            if len(raw) > MAX_SETTING_CHARS + 60 or not _balanced(raw):
                continue
            text = _finish(raw, name, min_words=2)  # "on MS-MARCO"
            if not text or _DANGLING_START.match(text.split(None, 1)[1]):
                continue
            score = _setting_score(text, sentence)
            if best is None or score > best[0]:
                best = (score, -index, _span_from(sentences, index, start, text))
    return best[2] if best else None


# --- results -------------------------------------------------------------------------------------

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_UNIT = (
    r"(?:\s?%|\\%|\s?percent\b|\s+percentage\s+points?\b|\s?pp\b|\s+points?\b|\s?×|x\b|\s?times\b|"
    r"[xX]\b|-?fold\b|\s?dB\b|\s+BLEU\b|\s?ms\b|\s+seconds?\b|\s+hours?\b|\s?GB\b|\s?MB\b|\s?TB\b)"
)
_QUALIFIER = (
    r"(?:(?:up\s+to|over|more\s+than|nearly|almost|about|around|approximately|roughly|at\s+least|"
    r"less\s+than|fewer\s+than|only|an\s+average\s+of|on\s+average|average\s+of|as\s+much\s+as|"
    r"as\s+few\s+as|by|of)\s+)?"
)
_FIGURE = re.compile(
    rf"(?<![\w.])(?P<qualifier>{_QUALIFIER})(?P<value>(?:{_NUMBER}(?:{_UNIT})?\s*(?:to|-|–)\s*)?"
    rf"{_NUMBER}{_UNIT}(?:\+)?(?:\s*(?:to|-|–|and)\s*{_NUMBER}{_UNIT})?)"
)
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


_MODALS = frozenset(
    [
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "should",
        "must",
        "shall",
        "cannot",
        "did",
        "had",
        "was",
    ]
)
_IRREGULAR_PRESENT = {"are": "is", "were": "was", "have": "has", "do": "does"}
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


_DETERMINERS = [
    "a",
    "an",
    "the",
    "each",
    "every",
    "its",
    "their",
    "all",
    "any",
    "both",
    "multiple",
    "several",
    "distinct",
    "new",
    "these",
    "those",
    "it",
    "them",
    "this",
    "that",
]


def _conjugate_coordinated(text: str) -> str:
    """ "grounds X and generate Y" -> "grounds X and generates Y": the second verb of a "we" clause,
    recognised as a bare lowercase word followed by a determiner, takes the third person too."""

    def conjugate(match: re.Match[str]) -> str:
        verb = match.group(2)
        if verb in _DETERMINERS or re.search(r"(?:s|ed|ing|ly)$", verb) or verb in _MODALS:
            return match.group(0)
        if re.search(r"\bto\s+\w+(?:\s+\w+){0,6}$", text[: match.start()]):
            return match.group(0)  # "to study and design X": an infinitive, not our verb
        return match.group(1) + _present_third(verb) + match.group(3)

    pattern = r"(,?\s+and\s+)([a-z]+)(\s+(?:" + "|".join(_DETERMINERS) + r")\b)"
    return re.sub(pattern, conjugate, text)


def _present_third(verb: str) -> str:
    if verb in _MODALS or verb.endswith("ed") or verb in {"found", "built", "made", "saw", "took"}:
        return verb
    return _IRREGULAR_PRESENT.get(verb) or _third_person(verb)


def _clause(sentence: str, start: int) -> tuple[int, str]:
    """Where the claim in ``sentence[start:]`` begins and its text: openers dropped, "the results
    show that" and "we find that" dropped, a leading "we achieve X" made "achieves X"."""
    for _ in range(4):
        start = _strip_openers(sentence, start)
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
            if match.start() >= max(figure_end, 40) and _balanced(text[: match.start()]):
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
                )
            )
    return tuple(results)


# --- kind ----------------------------------------------------------------------------------------


@cache
def _kind_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    pairs = []
    for line in _lexicon("kinds"):
        kind, phrase = line.split(None, 1)
        pairs.append((kind, re.compile(rf"\b{re.escape(phrase)}s?\b", re.IGNORECASE)))
    return tuple(pairs)


def _kind(title: str, proposal: Span | None, strength: int, finding: Span | None) -> str | None:
    head = ""
    if proposal is not None:
        # the object of the proposal verb, up to its first clause: "introduces a new benchmark, ..."
        # (an appositive counts: "presents MetaKP, a large-scale benchmark comprising ...")
        head = re.split(
            r"\s(?:that|which|to|for|with|based|by|where|whose|comprising)\s", proposal.text
        )[0]
        head = " ".join(head.split()[:10])
    for kind, pattern in _kind_words():
        if kind == "survey" and (pattern.search(title) or pattern.search(head)):
            return kind
    title_head = re.split(r":", title)[-1] if ":" in title else title
    for kind, pattern in _kind_words():
        if kind in {"benchmark", "dataset"} and (
            pattern.search(head) or pattern.search(title_head)
        ):
            return kind
    if strength <= 1 and (proposal is not None or finding is not None):
        return "analysis"
    for kind, pattern in _kind_words():
        if pattern.search(head):
            return kind
    if proposal is not None:
        return "method"
    return "analysis" if finding is not None else None


def _without_overlap(
    sentences: tuple[str, ...], proposal: Span, mechanism: Span
) -> tuple[Span, Span | None]:
    """A mechanism read from the proposal's own relative clause ("X, which uses Y") is cut off the
    proposal, so a writer never says it twice; when too little proposal would remain, the
    mechanism goes instead."""
    if (
        mechanism.sentence != proposal.sentence
        or not proposal.start < mechanism.start < proposal.end
    ):
        return proposal, mechanism
    position = proposal.text.find(mechanism.text[:40])
    head = (
        re.sub(r",?\s+(?:which|that)$", "", proposal.text[:position].rstrip())
        if position > 0
        else ""
    )
    if len(head.split()) < MIN_SPAN_WORDS:
        return proposal, None
    return _span_from(sentences, proposal.sentence, proposal.start, head), mechanism


# --- entry point ---------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def analyse(title: str, abstract: str) -> PaperClaims:
    """The claims of one paper, every field a clean span of one abstract sentence or None."""
    sentences = abstract_sentences(abstract)
    name = paper_name(title, abstract)
    candidates = _proposal_candidates(sentences, name)
    proposal: Span | None = None
    strength = 0
    if candidates:
        best = max(candidates, key=lambda candidate: (candidate.strength, -candidate.sentence))
        proposal = _span_from(sentences, best.sentence, best.start, best.text)
        strength = best.strength - (1 if name and name in best.text else 0)
    finding = _finding(sentences, name)
    proposal_index = proposal.sentence if proposal is not None else len(sentences)
    mechanism = _mechanism(sentences, name, proposal_index, proposal) if proposal else None
    if proposal is not None and mechanism is not None:
        proposal, mechanism = _without_overlap(sentences, proposal, mechanism)
    return PaperClaims(
        name=name,
        kind=_kind(title, proposal, strength, finding),
        problem=_problem(sentences, name, proposal_index),
        proposal=proposal,
        mechanism=mechanism,
        setting=_setting(sentences, name),
        results=_results(sentences, name, proposal_index),
        finding=finding,
    )


def standalone(sentence: str) -> str | None:
    """An abstract sentence as prose can quote it: leading discourse openers ("To address these
    issues,", "Second,") removed, a demonstrative before a self-describing phrase made "the"; None
    when what is left leans on an antecedent it does not contain ("these limitations")."""
    text = fix_artefacts(sentence[_strip_openers(sentence, 0) :])
    text = text[:1].upper() + text[1:]
    cleaned = _drop_demonstratives(text)
    return None if isinstance(cleaned, int) else cleaned
