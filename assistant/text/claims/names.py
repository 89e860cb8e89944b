"""Claims analyser, what a paper calls its contribution."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from assistant.text.claims.base import (
    MAX_TITLE_NAME_CHARS,
    OWN_WORDS,
    _contribution_pattern,
    _verb_forms,
    additive_opener,
    common_acronyms,
)
from assistant.text.lexicon import words
from assistant.text.sentences import abstract_sentences

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


@lru_cache(maxsize=1)
def _borrowed_heads() -> re.Pattern[str]:
    heads = "|".join(re.escape(word) for word in words("borrowed_name_heads"))
    return re.compile(rf"\b(?:{heads})\s+of\b", re.IGNORECASE)


# "... in an unsupervised manner, using Sequence-to-sequence (Seq2seq) models": a tool taken up;
# "the training schemes such as those used in eXtended PINNs (XPINN)": others' work, an example
_TAKEN_UP = re.compile(
    # ("We propose building on You Only Learn One Representation (YOLOR)": the base it extends,
    # and "YOLOR jointly trains ..." gave YOLOR what the paper did; review27n #5)
    r"\b(?:using|leveraging|employing|adopting|based\s+on|built\s+on|building\s+(?:up)?on|"
    r"builds\s+(?:up)?on|extending|[Ww]e\s+(?:use|employ|adopt)|"
    r"such\s+as|used\s+(?:in|by))"
    r"\s+(?:[\w\-]+\s+){0,5}$",
    re.IGNORECASE,
)


_NAMED_EFFECT = re.compile(
    r"\b(?:effect|phenomenon|problem|issue|failure\s+mode|pathology)\s+(?:(?:that\s+|which\s+)?we\s+"
    r"(?:term|call|dub|name)|termed|called|dubbed|named)\s+[^()]{0,80}$",
    re.IGNORECASE,
)


_BUILDS_ON = re.compile(r"\bbuild(?:ing|s)?\s+(?:up)?on\s+(?:[\w\-]+\s+){0,6}\($", re.IGNORECASE)


_ALSO = re.compile(r"\b[Ww]e\s+(?:\w+ly\s+)?also\b")


def _borrowed(lead_in: str) -> bool:
    """ "the first application of prior-data fitted networks (PFNs)", "using sequence-to-sequence
    (Seq2seq) models": the acronym names what the paper applies, not what it contributes."""
    return bool(_borrowed_heads().search(lead_in) or _TAKEN_UP.search(lead_in))


@lru_cache(maxsize=16384)
def _is_name(token: str, abstract: str) -> bool:
    if token in common_acronyms() or len(token) > 24 or len(token) < 2:
        return False
    if token.rstrip("s") in common_acronyms():
        return False
    # "attention with linear biases (ALiBi) [23]": a name the abstract gives a numbered
    # reference is the referenced work's (The Nature of Mathematical Modeling ... went by
    # "ALiBi", and "ALiBi presents staircase adaptive quantization ..." credited ALiBi with it)
    if re.search(rf"(?<![\w-]){re.escape(token)}\)?\s*\[\d", abstract):
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


def _title_initials(title: str, abstract: str) -> str | None:
    """The initials of a title's name before its colon, when the abstract goes by them without
    ever spelling them out: "Video Pre-trained Transformer: ..." is "VPT" in "VPT uses four SOTA
    encoder models ..." (the name itself, too long for a label, made the paper's mechanism
    unknown: it was said by the dataset it also built)."""
    if ":" not in title:
        # ... and a title opening on a compound of capitalised words the abstract goes by:
        # "Similarity-Distance-Magnitude Universal Verification" is "SDM" ("The resulting SDM
        # activation function ...")
        parts = title.split()[0].split("-") if title.split() else []
        compound = "".join(part[:1] for part in parts)
        if (
            len(parts) >= 3
            and all(part[:1].isupper() for part in parts)
            and len(re.findall(rf"(?<![\w-]){compound}(?![\w-])", abstract)) >= 2
            and _is_name(compound, abstract)
        ):
            return compound
        return None
    words = title.split(":", 1)[0].split()
    if not 2 <= len(words) <= 5 or not all(word[:1].isupper() for word in words):
        return None
    initials = "".join(word[0] for word in words)
    if re.search(rf"(?<![\w-]){initials}(?![\w-])", abstract) is None:
        return None
    return initials


def is_plural_acronym(token: str) -> bool:
    """ "NDEs", "BNNs", "PFNs": an acronym in the plural, usually a family of models."""
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9-]*[A-Z]s", token))


def presents_as_own(abstract: str, name: str) -> bool:
    """The abstract presents ``name`` as its own contribution: actively ("we propose ...
    (CINs)") or passively ("the concept of ... (CINs) is proposed")."""
    return bool(
        re.search(
            r"\b(?:propose|present|introduce|call|name|dub|term)\w*\s+(?:[\w-]+\s+){0,8}?"
            rf"\({re.escape(name)}\)",
            abstract,
            re.IGNORECASE,
        )
        or re.search(
            rf"\({re.escape(name)}\)\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
            r"(?:proposed|presented|introduced)\b",
            abstract,
            re.IGNORECASE,
        )
    )


def _family_not_own(token: str, abstract: str) -> bool:
    # "we study Bayesian neural networks (BNNs)": the family the paper studies, not its name
    return is_plural_acronym(token) and not presents_as_own(abstract, token)


def strength_of(match: re.Match[str]) -> int:
    """The strength of the contribution verb a ``_contribution_pattern`` match found."""
    return _verb_forms().get(re.sub(r"\s+", " ", match.group("verb")), ("", 1))[1]


# Words that may follow a name without continuing its noun phrase: "we propose Mamba, which",
# "we introduce Sparsey as", "we develop Orchid to ...".
_AFTER_A_NAME = frozenset(
    (*words("title_function_words"), "which", "that", "as", "based", "using", "where")
)


def _modifies_a_noun(token: str, rest: str) -> bool:
    """Whether a capitalised word opens a longer noun phrase rather than naming one: "we develop
    Dirichlet flow matching on the simplex" names flow matching after Dirichlet, not a method
    called "Dirichlet"."""
    following = re.match(r"\s+([a-z][\w\-]*)", rest)
    return (
        re.fullmatch(r"[A-Z][a-z]+", token) is not None
        and following is not None
        and following.group(1) not in _AFTER_A_NAME
    )


def _studied(abstract: str) -> set[str]:
    """Acronyms defined before the abstract first speaks of itself and never presented as its
    own: "Recently, Ainsworth et al. showed that ... satisfy linear mode connectivity (LMC)",
    then "This paper provides a theoretical analysis of LMC". What the paper studies or uses,
    not its name (a blind reader: "LMC is the phenomenon both papers study, not this paper's
    contribution"; "we establish RPS as a superior technique" was named RPS, the family of
    methods "More recently, randomized parameter-sharing (RPS) methods have gained traction")."""
    own = OWN_WORDS.search(abstract)
    if own is None:
        return set()
    return {
        match.group(1)
        for match in _DEFINED_ACRONYM.finditer(abstract[: own.start()])
        if not presents_as_own(abstract, match.group(1))
    }


def paper_name(title: str, abstract: str) -> str | None:
    """The name the paper gives what it contributes: a title prefix ("Quamba2: ..."), a name its
    contribution sentence gives ("we introduce ... Destroy Your Object (DeYO)", "we propose
    LLM-TTA"), else a name-like token the abstract makes the subject of its results; never one
    it defines for what it studies (``_studied``)."""
    from_title = _title_name(title, abstract) or _title_initials(title, abstract)
    if from_title:
        return from_title
    name = _name_in_abstract(abstract)
    return None if name in _studied(abstract) else name


def _name_in_abstract(abstract: str) -> str | None:
    sentences = abstract_sentences(abstract)
    pattern = _contribution_pattern()
    for sentence in sentences:
        # "We also present a probabilistic FlashAttention (PrFlashAttention) method", "In
        # addition, we propose ...": one of several contributions, not what the paper is called
        if additive_opener().match(sentence) or _ALSO.search(sentence):
            continue
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
            if (
                early
                and _is_name(early.group(1), abstract)
                and not _borrowed(after[: early.start(1)])
                # "We propose building on You Only Learn One Representation (YOLOR)": the base
                # the paper extends (YOLOR-Based Multi-Task Learning was "YOLOR", and "YOLOR
                # jointly trains object detection, ..." said of YOLOR what the paper did; a
                # blind reader, review27n #5)
                and not _BUILDS_ON.search(after[: early.start(1)])
            ):
                return early.group(1)
            appositive = re.match(r"\s+([A-Z][\w\-+]*),\s+(?:a|an)\s", after)
            if (
                appositive
                and strength_of(match) >= 2
                and appositive.group(1) not in common_acronyms()
            ):
                return appositive.group(1)  # "we describe Sparsey, an unsupervised ... model"
            direct = re.match(r"\s+(" + _NAME_TOKEN + r")\b", after)
            if (
                direct
                and _is_name(direct.group(1), abstract)
                and not _modifies_a_noun(direct.group(1), after[direct.end() :])
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
                if _is_name(defined_match.group(1), abstract) and not _borrowed(
                    clause[: defined_match.start()]
                ):
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
    # "Our channel-independent patch time series Transformer (PatchTST) can improve ...": the
    # authors' own thing, described in a run of words with no preposition, and its name
    described = re.search(
        r"\b(?:[Oo]ur|[Tt]he proposed)\s+((?:[\w-]+\s+){1,6}?)[\w-]+\s+\((" + _NAME_TOKEN + r")\)",
        abstract,
    )
    if (
        described
        # a function word ends the description before the name ("our experiments on the Long
        # Range Arena (LRA)": LRA is what the experiments are on, not what the authors made)
        and not set(described.group(1).lower().split()) & set(words("title_function_words"))
        and _is_name(described.group(2), abstract)
        and _MIXED.match(described.group(2))
    ):
        return described.group(2)
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
    # "We use the Eigenvalue-corrected ... Curvature (EK-FAC) approximation": a tool the paper
    # takes up, however often it is the subject of its results afterwards
    borrowed = {
        match.group(1)
        for match in _DEFINED_ACRONYM.finditer(abstract)
        if _borrowed(abstract[max(0, match.start() - 120) : match.start()])
    }
    for token, _count in subjects.most_common():
        if token in borrowed:
            continue
        if (token in acronyms or abstract.count(token) >= 2) and not _family_not_own(
            token, abstract
        ):
            return token
    # an acronym the abstract defines and keeps using ("... feedback (RLCF) framework")
    frequent = Counter(
        {token: len(re.findall(rf"\b{re.escape(token)}\b", abstract)) for token in acronyms}
    )
    # "an effect we term gradient variance amplification (GVA)": the name of what the paper
    # studies, not of what it contributes
    effects = {
        match.group(1)
        for match in _DEFINED_ACRONYM.finditer(abstract)
        if _NAMED_EFFECT.search(abstract[max(0, match.start() - 120) : match.start()])
    }
    # "the challenging Open-Vocabulary Segmentation (OVS) task", "within the OVS field": the
    # name of the task the paper works on (its method was said "OVS achieves superior ...")
    tasks = {
        token
        for token in acronyms
        if re.search(
            rf"\b{re.escape(token)}\)?\s+(?:task|tasks|problem|problems|field|domain)\b", abstract
        )
    }
    ranked = [
        (t, c)
        for t, c in frequent.most_common()
        if c >= 3
        and t not in effects
        and t not in tasks
        # (nor of what it builds on, however often it says it: YOLOR)
        and t not in borrowed
        and _is_name(t, abstract)
        and not _family_not_own(t, abstract)
    ]
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
