"""Claims analyser, the entry point: a paper's abstract analysed into its claims, once."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from assistant.text.claims.base import MIN_SPAN_WORDS, PaperClaims, Span, _lexicon
from assistant.text.claims.context import _problem, _setting
from assistant.text.claims.fields import (
    _finding,
    _mechanism,
    _proposal_candidates,
    _span_from,
)
from assistant.text.claims.names import paper_name
from assistant.text.claims.results import _results
from assistant.text.claims.spans import (
    _drop_demonstratives,
    _strip_openers,
    fix_artefacts,
    without_praise,
)
from assistant.text.sentences import abstract_sentences
from assistant.text.tokens import sentence_case

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
    if proposal is not None and best.strength < 0 and finding is not None:
        proposal = None  # only what the paper reports or takes on; its finding says what it did
    proposal_index = proposal.sentence if proposal is not None else len(sentences)
    mechanism = _mechanism(sentences, name, proposal_index, proposal, title) if proposal else None
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


_OPENING_CAUSAL = re.compile(
    r"^((?:\S+\s+){1,3}?)(?:thus|therefore|hence|consequently),?\s+(?=[a-z])", re.IGNORECASE
)


# "we" as people at large, not the authors: said in third person it credits the authors ("of
# the kind the authors of The Consciousness Prior manipulate with language")
_GENERIC_WE = re.compile(
    r"\b(?:(?:kind|kinds|sort|sorts|type|types)\s+(?:of\s+[\w-]+\s+)?we|the\s+ways?\s+we|"
    r"we\s+humans|as\s+we\s+know)\b",
    re.IGNORECASE,
)


def standalone(sentence: str, known: str = "", *, after_contribution: bool = False) -> str | None:
    """An abstract sentence as prose can quote it: leading discourse openers ("To address these
    issues,", "Second,") removed, a demonstrative before a self-describing phrase made "the"; None
    when what is left leans on an antecedent it does not contain ("these limitations") and the
    reader was not given in ``known`` (the paper's title). ``after_contribution``: the sentence
    follows the one saying what the paper proposes, so a bare "This" before a verb is that
    contribution ("This utilizes a continuous integrate-and-fire based predictor ...")."""
    if _CASE_BEFORE.match(sentence):
        # "In such cases, we show that it is possible to predict the downstream BLEU score ...":
        # the claim holds in the case the sentence before named ("With sufficient alignment"),
        # and without it reads as holding everywhere (review54: a dropped condition)
        return None
    start = _strip_openers(sentence, 0, keep_scope=True)
    text = fix_artefacts(sentence[start:])
    if _GENERIC_WE.search(text):
        return None  # "concepts of the kind we manipulate with language": we people, no authors
    if text.rstrip().endswith("?"):
        # "These findings invite the question: can we explicitly steer the models ...?" asks
        # and claims nothing (it was said "Findings invite the question can the authors
        # explicitly steer ...", review41)
        return None
    second = _SECOND_ITEM.search(text)
    if second is not None and re.search(r"\bfirst(?:ly)?\s*,\s*$", sentence[:start], re.I):
        # "Our contributions are manifold: first, we crafted ...; second, we provide ...;
        # finally, ...": with its "first" gone, the list is its first item
        text = f"{text[: second.start()].rstrip(' ,')}."
    text = sentence_case(text)
    # "We can therefore represent ...": a causal adverb by the subject draws on a sentence the
    # reader is not shown; the claim stands without it, as it does without an opening "Thus,".
    text = _OPENING_CAUSAL.sub(r"\1", text, count=1)
    if after_contribution:
        text = re.sub(
            # (a word ending in "ss" is a noun: "This process allows ...")
            r"^This\s+(?=(?:\w+ly\s+)?(?:[a-z]*[a-rt-z]s|[a-z]+sses)\b(?!\s+(?:is|are|was|were)\b))",
            "It ",
            text,
        )
    first = re.search(r":\s*\((?:i|1|a)\)\s", text)
    if first and not re.search(r"\((?:ii|2|b)\)\s", text[first.end() :]):
        # "we design ... Informer, with three distinctive characteristics: (i) a ProbSparse ...":
        # the abstract put the other items in sentences of their own; the one item said is one
        # of those announced ("..., including a ProbSparse ...")
        head = text[: first.start()].rstrip(" ,;")
        copula = re.search(r"\s(are|were|is|was)$", head)
        if copula is not None:
            # "our central results are: (i) obtaining phase diagrams ...": one of them, "are,
            # including ..." no sentence
            verb = "include" if copula.group(1) in ("are", "were") else "includes"
            text = f"{head[: copula.start()]} {verb} {text[first.end() :]}"
        else:
            text = f"{head}, including {text[first.end() :]}"
    later = _LATER_ITEM.search(text)
    if later is not None and not re.search(r"\((?:1|i|a)\)\s", text):
        # "We can therefore represent almost every training example by a unique activation
        # pattern ...; and (2) categorization: ...": the list's first item was in the sentence
        # before, so its second reads as an item of nothing (review48: "a numbered list split
        # across sentences"); the sentence is what it says before it
        head = text[: later.start()].rstrip(" ,;")
        if len(head.split()) >= _MIN_HEAD_WORDS:
            text = f"{head}."
    if re.match(r"\(?(?:[ivx]{1,4}|\d{1,2})\)\s", text):
        # "(iii) the generative style decoder ...": an item of a list the reader was not shown
        return None
    if re.match(r"(?:They|Their|Them)\b|(?:[A-Z][\w-]*(?:\s+[\w-]+){0,3}),\s+they\b", text):
        # An abstract's authors say "we": "They involve an autoregressive decoder ..." speaks of
        # the models of the sentence before, and under the paper's name would say it of the paper
        # (also after a short opener the quote keeps: "In general, they are more reliable ...")
        return None
    if _SUBJECT_VERB_PRO_FORM.match(text):
        # "We expand it to other tasks", "PV-RNN does both by ...": the object was named in a
        # sentence the reader is not shown
        return None
    cleaned = _drop_demonstratives(text, known)
    if isinstance(cleaned, int):
        return None
    # "..., thereby promoting their wider adoption in real-world applications.": the authors'
    # verdict on their work goes (a blind reader: "self-praise repeated as findings")
    praised = without_praise(cleaned)
    return f"{praised}." if praised != cleaned and cleaned.endswith(".") else praised


# a case the sentence before named: "In such cases,", "In this scenario,"
_CASE_BEFORE = re.compile(
    r"(?:In|Under|For)\s+(?:such|this|these|those)\s+(?:cases?|settings?|situations?|regimes?|"
    r"scenarios?|conditions?)\s*,",
    re.IGNORECASE,
)

# a later item of a list, set off inside a sentence: "; and (2) categorization: ..."
_LATER_ITEM = re.compile(r"(?:[;,]\s*|\s)(?:and\s+|or\s+)?\((?:[2-9]|ii|iii|iv|b|c)\)\s", re.I)
_MIN_HEAD_WORDS = 6

_SECOND_ITEM = re.compile(r"[;,]\s*(?:and\s+)?second(?:ly)?\s*,", re.IGNORECASE)

_SUBJECT_VERB_PRO_FORM = re.compile(
    r"^\S+(?:\s+\S+){0,2}?\s+(?:\w+ly\s+)?[a-z]+\s+(?:both|so|this|these|those|them|it)\s*"
    r"(?:[,.;]|$|(?:by|through|via|with|using|in|to|into|for|as|on)\b)"
)
