"""Whether the collection answers a question: names it never mentions, and how close the
closest evidence is (``abstain_threshold``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant import bm25
from assistant.answer import relevance
from assistant.answer.kinds import names_a_kind
from assistant.answer.relevance import contains_run
from assistant.models import Evidence, Paper, Task
from assistant.text.lexicon import words as lexicon_words
from assistant.text.query import (
    SHORT_FOCUS,
    content_tokens,
    coordinated,
    distinctive_name,
    focus_phrase,
    is_question,
    listed_examples,
    quantity,
    question_pieces,
    quoted_terms,
    subject_tokens,
    topic_parts,
    writes_name,
)
from assistant.text.tokens import idf, tokenize

if TYPE_CHECKING:
    from assistant.retrieve import Retrieval
    from assistant.settings import Settings


from assistant.answer.verify import (
    _MODIFIER_SUFFIXES,
    _SENTENCE_START_WORDS,
    DocumentFrequency,
    _paper_text,
)

# --- abstention ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Answerability:
    """Whether the evidence can answer the question, and why not when it cannot."""

    answerable: bool
    support: float
    missing_terms: tuple[str, ...] = ()
    reason: str = ""
    # whether any paper is close enough to show the user as the nearest: under "No paper in the
    # collection is about this" a list of the nearest ("Random Teachers are Good
    # Teachers" for student dropout) contradicts the line above it (two blind readers' notes)
    near: bool = True


def _question_names(question: str) -> list[str]:
    """Names the question uses: acronyms, CamelCase, letter-digit mixes, capitalised words after
    the first; a hyphenated modifier ("PAC-style", "LLM-written") does not count as a name."""
    names: list[str] = []
    found = list(re.finditer(r"[A-Za-z0-9][A-Za-z0-9+.]*(?:-[A-Za-z0-9+.]+)*", question))
    for position, match in enumerate(found):
        word = match.group(0)
        # a plain capitalised word opening a sentence of the request is capitalised for that
        # ("... single gradient computation. Threads I need: editing ..."; r001 and r007 were
        # refused, "the collection never mentions 'Threads'")
        opens = _SENTENCE_END.search(question, 0, match.start()) is not None
        parts = [part.strip(".") for part in word.split("-")]
        for part_index, part in enumerate(parts):
            if not part or len(part) < 2 or part.isdigit() or quantity(part):
                continue
            following = parts[part_index + 1].lower() if part_index + 1 < len(parts) else ""
            if following in _MODIFIER_SUFFIXES:
                continue
            inner_capital = any(character.isupper() for character in part[1:])
            has_digit = any(character.isdigit() for character in part) and any(
                character.isalpha() for character in part
            )
            capitalised = (
                part[0].isupper()
                and position > 0
                and part not in _SENTENCE_START_WORDS
                and not (opens and part_index == 0 and part[1:].islower())
            )
            if inner_capital or has_digit or capitalised:
                names.append(part)
    return list(dict.fromkeys(names))


# where a sentence of the request ends, right before a word
_SENTENCE_END = re.compile(r"[.?!]\s+$")
# a lowercase word joined to one lowercase letter: "min-p", "top-k" (not "big-O", "Path-X")
_LETTER_TERM = re.compile(r"(?<![\w-])[a-z]{2,}-[a-z](?![\w-])")
# a hyphenated term in quotes: "'heavy-hitter' tokens" (not a quoted phrase of several words,
# which users write to paraphrase: "the two 'train once, prune once' papers")
_QUOTED_COMPOUND = re.compile(r"['‘\"“]([A-Za-z]+(?:-[A-Za-z]+)+)['’\"”]")


def _spelled_out(acronym: str, texts: Sequence[str]) -> bool:
    """Whether an acronym the collection never writes is spelled out by initials ("ICU" in
    "intensive care unit")."""
    letters = acronym.lower()
    if not acronym.isupper() or not 2 <= len(letters) <= 5:
        return False
    for text in texts:
        words = re.findall(r"[A-Za-z]+", text.lower())
        initials = "".join(word[0] for word in words)
        start = initials.find(letters)
        while start != -1:
            if all(len(word) > 1 for word in words[start : start + len(letters)]):
                return True
            start = initials.find(letters, start + 1)
        # "hyperparameter optimization": a closed compound gives its parts' initials too
        parted = "".join(_compound_initials(word) for word in words)
        if letters in parted and letters not in initials:
            return True
    return False


@lru_cache(maxsize=16_384)
def _compound_initials(word: str) -> str:
    """ "hyperparameter" -> "hp", "optimization" -> "o"."""
    for prefix in lexicon_words("compound_prefixes"):
        if word.startswith(prefix) and len(word) >= len(prefix) + 4:
            return prefix[0] + word[len(prefix)]
    return word[0]


def missing_names(
    question: str,
    document_frequency: DocumentFrequency,
    evidence_texts: Sequence[str],
    stem_writers: Callable[[str], Sequence[str]] | None = None,
) -> list[str]:
    """The question's names that no paper of the collection mentions. A name among the examples
    the question lists ("... token by token (ordinal grades, sets, VQA answers)") is not what it
    asks about: the rest of the question is, and the closeness check judges it."""
    examples = set(_question_names(" , ".join(listed_examples(question))))
    missing = []
    for name in _question_names(question):
        if name in examples or names_a_kind(name):
            continue
        tokens = bm25.tokenize(name)
        if not tokens:
            continue
        # (a name the question itself joins to another by a hyphen, "Kolmogorov" of
        # "Kolmogorov-Arnold", is written as the collection writes it; and only a word of
        # letters inside a sentence is one: "Leave out ..." opening a request's second sentence
        # is no name, "256x256" is a size)
        alone = name.isalpha() and any(
            not re.search(r"[.?!:;]\s*$", question[: match.start()])
            for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", question)
        )
        if any(document_frequency(token) > 0 for token in tokens) and not (
            stem_writers is not None
            and alone
            and _only_in_other_names(name, tokens, document_frequency, stem_writers)
        ):
            continue
        if _spelled_out(name, evidence_texts) or _inside_a_name(name, evidence_texts):
            continue
        if _aliased(name, question, evidence_texts):
            continue
        missing.append(name)
    # "Mixture-of-Depths", "the Segment Anything Model": a name of several capitalised words
    # is one name; the collection that writes "mixture of experts" and "depths" apart, or
    # "segment" and "anything" in other sentences, does not write it
    for match in _COMPOUND_NAME.finditer(question):
        name = match.group(0)
        if match.start() == 0 or any(part in missing for part in re.split(r"[\s-]+", name)):
            continue
        run = bm25.tokenize(name)
        if len(run) >= 2 and not any(
            contains_run(run, bm25.tokenize(text)) for text in evidence_texts
        ):
            missing.append(name)
    # "Does mixup (training on convex blends of image pairs ...) help?": a term the question
    # explains in brackets names a method as surely as a capital does; the collection that
    # never writes it (in any spelling) does not answer it, however close "mixing" sits
    for match in _DEFINED_TERM.finditer(question):
        term = match.group(1)
        if _LISTED_OPTIONS.match(question, match.end()):
            # "which incoming test samples to trust (filter, weight, or exclude)": options the
            # bracket lists, not a term it explains (the question abstained on "trust")
            continue
        if _never_written(term, document_frequency) and term not in missing:
            missing.append(term)
    # "token merging (ToMe-style token merging)": a name the collection never writes, used as a
    # modifier, asks for what it modifies in that name's manner; a collection that writes neither
    # the name nor what it modifies (as a run of words) does not answer it
    for match in _STYLED_TERM.finditer(question):
        name, term = match.group("name"), match.group("term")
        phrase = bm25.tokenize(term)
        if (
            len(phrase) >= 2
            and all(document_frequency(token) == 0 for token in bm25.tokenize(name))
            and not any(contains_run(phrase, bm25.tokenize(text)) for text in evidence_texts)
        ):
            missing.append(match.group(0).strip())
    # "predicting where people look in an image, i.e. visual saliency or gaze prediction": the
    # name a question restates its subject by, when each of its alternatives has a word no paper
    # writes, is one the collection never names (it was answered by the paper on attention
    # entropy, nearest to "where people look" in meaning)
    for word in _unwritten_restatement(question, document_frequency):
        if word not in missing:
            missing.append(word)
    # "min-p sampling": a term a word and one letter make ("top-k", "top-p") is a name whole;
    # the collection writing "min" elsewhere and "p" as a symbol does not write it (o023 was
    # answered from Mirostat and locally typical sampling)
    # ... and so is a hyphenated term the question quotes ("keeps only the 'heavy-hitter'
    # tokens in the KV cache" was answered from a paper sharing "KV"; k023, review78)
    terms = [*_LETTER_TERM.findall(question), *_QUOTED_COMPOUND.findall(question)]
    for term in dict.fromkeys(terms):
        texts = stem_writers(term) if stem_writers is not None else evidence_texts
        joined = r"[-\s]?".join(re.escape(part) for part in term.split("-"))
        written = re.compile(rf"(?<![\w-]){joined}(?![\w-])", re.IGNORECASE)
        if term not in missing and not any(written.search(text) for text in texts):
            missing.append(term)
    # "uses copulas to capture the dependence between variables": the instrument a question asks
    # about, a word of which no paper writes, is what it asks for; the papers that write what it
    # is used to do share the purpose, not the method (u007 was answered from Timer-XL)
    for word in _unwritten_instrument(question, document_frequency):
        if word not in missing:
            missing.append(word)
    # "LLM hallucinations": a short topic a word of which no paper writes, in any spelling, in
    # each of its parts, is one the collection never names; the papers that write the rest of
    # it ("LLM") share a word with it, not its subject
    for word in _unwritten_topic_words(question, document_frequency):
        if word not in missing:
            missing.append(word)
    return missing


def other_sense_of_a_name(
    question: str, document_frequency: DocumentFrequency, papers: Sequence[Paper], most: int
) -> str | None:
    """Why the collection does not answer a question that writes as a common word ("recognising
    orchid or other flower species") what the collection writes only as a method's name
    ("evaluates Orchid across ..."), when the question also asks for words no paper writes
    ("flower", "species"): the name shares the word, not the subject. None otherwise. A
    question asking about the name itself in lower case ("mamba for genomics") writes nothing
    the collection lacks. ``papers``: those retrieved; a word is judged only when they hold
    every paper of the collection that writes it, and at most ``most`` do (a name is one
    paper's, or a few citing it: ``evidence.rare_name_papers``)."""
    unwritten = [
        word
        for word in dict.fromkeys(re.findall(r"[A-Za-z][a-z-]+", question))
        if _never_written(word, document_frequency)
    ]
    if not unwritten:
        return None
    for word in dict.fromkeys(re.findall(r"(?<![\w-])[a-z][a-z]+(?![\w-])", question)):
        tokens = bm25.tokenize(word)
        if len(tokens) != 1 or not 0 < document_frequency(tokens[0]) <= most:
            continue
        # the papers writing any form of it ("spiked" beside "spiking": both "spike"), found by
        # the stem's letters rather than by tokenizing every abstract
        stem = tokens[0].removesuffix("e")
        forms = re.compile(rf"(?<![\w-]){re.escape(stem)}\w*", re.IGNORECASE)
        writers = [paper for paper in papers if forms.search(f"{paper.title} {paper.abstract}")]
        if len(writers) < document_frequency(tokens[0]):
            continue  # a paper writing it (or a form of it) was not seen: its case is unknown
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
        found = [(p.abstract, match) for p in writers for match in pattern.finditer(p.abstract)]
        if (
            found
            and all(match.group(0)[0].isupper() for _, match in found)
            # a name inside a sentence ("evaluates Orchid across"), not a sentence's first word
            and any(re.search(r"[a-z,]\s$", text[: match.start()]) for text, match in found)
        ):
            # the whole name the word is part of ("Spiking Heidelberg Digits")
            text, match = found[0]
            whole = _CAPITALISED_RUN.search(text, max(0, match.start() - 40))
            while whole is not None and whole.end() <= match.start():
                whole = _CAPITALISED_RUN.search(text, whole.end())
            name = whole.group(0) if whole is not None else match.group(0)
            quoted = ", ".join(f"'{item}'" for item in unwritten)
            return (
                f"the collection writes '{word}' only as the name '{name}' and never mentions "
                f"{quoted}"
            )
    return None


_CAPITALISED_RUN = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")


# what a question says is used to do something: "uses copulas to", "using a learned prior for"
# (lower case: a capitalised name is the rule for names'), up to a participle ("a deep net meant
# to": what it is meant to do is said, not used)
_INSTRUMENT = re.compile(
    r"\b(?:uses?|using|employs?|employing|appl(?:y|ies|ying)|leverag(?:e|es|ing))\s+"
    r"((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:to|for|in\s+order\s+to)\s+[a-z]"
)


def _unwritten_instrument(question: str, document_frequency: DocumentFrequency) -> list[str]:
    """The words no paper writes of what the question says is used (see ``_INSTRUMENT``)."""
    past = set(lexicon_words("irregular_past"))
    unwritten: list[str] = []
    for match in _INSTRUMENT.finditer(question):
        for word in match.group(1).split():
            if word.endswith("ed") or word in past:
                break
            if _never_written(word, document_frequency):
                unwritten.append(word)
    return list(dict.fromkeys(unwritten))


def _unwritten_topic_words(question: str, document_frequency: DocumentFrequency) -> list[str]:
    """The words of a short topic that no paper of the collection writes, when every part of
    the topic ("cross-validation and holdout reuse": two parts) has one; none otherwise."""
    focus = focus_phrase(question)
    if not focus or len(subject_tokens(focus)) > SHORT_FOCUS:
        return []
    names = set(_question_names(question))  # the rule for names judges those
    unwritten = [
        word
        for word in dict.fromkeys(re.findall(r"[A-Za-z][\w-]*", focus))
        if word not in names and _never_written(word, document_frequency)
    ]
    tokens = {token for word in unwritten for token in bm25.tokenize(word)}
    parts = topic_parts(focus)
    if not unwritten or not parts or not all(set(part) & tokens for part in parts):
        return []
    return unwritten


def _unwritten_restatement(question: str, document_frequency: DocumentFrequency) -> list[str]:
    """The words no paper writes of what the question says its subject is in other words ("...,
    i.e. visual saliency or gaze prediction ..."), when each alternative it gives has one; none
    otherwise."""
    words: list[str] = []
    for match in _RESTATED.finditer(question):
        # (up to a dash or a sentence's end: "i.e. a bound - and what it costs")
        restated = re.split(r"\s+[-\u2013\u2014]\s+|\.\s", match.group(1))[0]
        # each alternative's name, not what the question goes on to say of it ("gaze
        # prediction | trained on eye-tracking data"); a description ("splitting a recording
        # into who spoke when") names nothing, and "spoke" is no term the collection lacks
        alternatives = [
            _NAME_END.split(part.strip(), maxsplit=1)[0]
            for part in _ALTERNATIVES.split(restated)
            if part.strip()
        ]
        if any(not part or len(part.split()) > _RESTATED_NAME_WORDS for part in alternatives):
            continue
        unwritten = [
            [
                word
                for word in re.findall(r"[A-Za-z][\w-]*", part)
                if _never_written(word, document_frequency)
            ]
            for part in alternatives
        ]
        if alternatives and all(unwritten):
            words += [found[0] for found in unwritten]
    return list(dict.fromkeys(words))


# what follows "i.e.", "that is," or "namely", to a bracket, a question mark or a colon
_RESTATED = re.compile(r"\b(?:i\.e\.,?|that is,|namely)\s+([^?;:()]+)", re.IGNORECASE)
# the alternatives of a restatement: "visual saliency or gaze prediction", "A, B, or C"
_ALTERNATIVES = re.compile(r",\s*(?:or\s+)?|\s+or\s+")
# where a name stops and what is said of it begins: a function word or a participle
_NAME_END = re.compile(
    r"\s*\b(?:a|an|the|on|in|of|for|with|by|into|from|to|that|which|where|when|who|whose|as|at)\b"
    r"|\s+[a-z]+ed\b"
)
# the most words a name has (more is a description)
_RESTATED_NAME_WORDS = 3


# Two or more capitalised words in a row, or joined by hyphens around a function word
# ("Mixture-of-Depths", "Segment Anything Model"); words in capitals alone ("LLM") are acronyms
_COMPOUND_NAME = re.compile(
    r"(?<![\w-])[A-Z][a-z]+(?:(?:-(?:[a-z]{1,3}-)?|\s+)[A-Z][a-z]+)+(?![\w-])"
)


# "ToMe-style token merging": a name, its modifier suffix and up to three words it modifies
_STYLED_TERM = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z0-9]*[A-Z][A-Za-z0-9]*)-(?:style|like|type)\s+"
    r"(?P<term>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})"
)


# ... not one a bracket goes on about in a phrase of its own ("analog studio processors (with
# their knob settings)"): a preposition or a relative word opens no definition
_DEFINED_TERM = re.compile(
    r"(?<![\w-])([a-z][a-z-]{3,})\s+\((?!e\.g|i\.e|(?:not|or|and|see|with|without|in|on|at|"
    r"for|from|by|to|of|via|including|especially|like|such|which|that|where|when|as|e\.?g)\b)"
)


# a bracket listing options or examples: "(filter, weight, or exclude)", "(rotation or flips)"
_OPTION = r"[\w-]+(?:\s+[\w-]+){0,2}"
_LISTED_OPTIONS = re.compile(
    rf"\s*{_OPTION}(?:\s*,\s*{_OPTION})*,?\s+(?:or|and)\s+{_OPTION}\s*\)|"
    rf"\s*{_OPTION}(?:\s*,\s*{_OPTION})+\s*\)"
)


def _aliased(name: str, question: str, evidence_texts: Sequence[str]) -> bool:
    """Whether the question gives the name as another for words the evidence writes: "the
    Recurrent Drafter (ReDrafter) paper" asks about the paper writing "Recurrent Drafter", which
    never writes the short form (the question abstained: "the collection never mentions
    'ReDrafter'")."""
    found = re.search(rf"((?:[\w-]+\s+){{1,4}})\(\s*{re.escape(name)}\s*\)", question)
    if found is None:
        return False
    words = bm25.tokenize(found.group(1))
    # the words right before the bracket, two or more, as a run some evidence writes
    return any(
        len(run) >= 2 and any(contains_run(run, bm25.tokenize(text)) for text in evidence_texts)
        for run in (words[start:] for start in range(len(words) - 1))
    )


def _never_written(word: str, document_frequency: DocumentFrequency) -> bool:
    """Whether no paper of the collection writes a word (one with tokens) in any spelling."""
    tokens = bm25.tokenize(word)
    return bool(tokens) and not any(
        document_frequency(token) > 0
        for spelling in (word, *_other_spellings(word))
        for token in bm25.tokenize(spelling)
    )


def _other_spellings(term: str) -> list[str]:
    """British and American spellings of a word ("optimise" and "optimize"), and its parts
    apart ("mix-up"): the collection may write it either way."""
    swaps = [
        (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"),  # "optimise" -> "optimize"
        (r"our", "or"),  # "behaviour" -> "behavior"
        (r"ll(ed|ing)$", r"l\1"),  # "modelling" -> "modeling"
        (r"([^aeiou])re$", r"\1er"),  # "centre" -> "center"
    ]
    spellings = [re.sub(old, new, term) for old, new in swaps if re.search(old, term)]
    return [*spellings, term.replace("-", " ")]


def _only_in_other_names(
    name: str,
    tokens: Sequence[str],
    document_frequency: DocumentFrequency,
    stem_writers: Callable[[str], Sequence[str]],
) -> bool:
    """Whether every paper writing a name's stem writes it only as a part of another name joined
    by a hyphen: "Chronos" stems to the "Chrono" of "Chrono-LSTM", the collection's one
    writing of it, and a question about Chronos was answered from time-series papers (n023).
    Judged for a name of one word whose stem few papers write (``_FEW_WRITERS``: a name is one
    paper's, or a few citing it), from their texts (``stem_writers``); a name written alone, in
    the plural or singular ("LLMs", "Transformer"), or before a word it modifies
    ("Mamba-based"), is written."""
    if len(tokens) != 1 or not 0 < document_frequency(tokens[0]) <= _FEW_WRITERS:
        return False
    writers = stem_writers(name)
    if not writers:
        return False
    forms = {name, name.removesuffix("s"), f"{name}s", f"{name}es"}
    pattern = re.compile(
        rf"(?<!\w)(?:{'|'.join(re.escape(form) for form in forms if form)})(?!\w)",
        re.IGNORECASE,
    )
    for text in writers:
        for match in pattern.finditer(text):
            after = text[match.end() :]
            before = text[: match.start()]
            # "Chrono-LSTM", "S-Chronos": joined to a part that is a name of its own
            joined_after = re.match(r"-[A-Z]", after) is not None
            joined_before = re.search(r"[A-Z][\w]*-$", before) is not None
            if not joined_after and not joined_before:
                return False
    return True


# how many papers may write a name's stem for the name to be read in each of them
_FEW_WRITERS = 5


def _inside_a_name(acronym: str, texts: Sequence[str]) -> bool:
    """Whether an acronym is part of a name the evidence writes as one word ("VQA" in
    "TextVQA", "VQAv2"): the tokenizer keeps such a name whole, so its count says nothing."""
    if not acronym.isupper() or len(acronym) < 2:
        return False
    inside = re.compile(rf"(?<=[a-z]){re.escape(acronym)}|{re.escape(acronym)}(?=[a-z0-9])")
    return any(inside.search(text) for text in texts)


def dense_support(retrieval: Retrieval) -> float | None:
    """How close the closest paper and the closest sentence are to the question (mean cosine)."""
    papers = [chunk.similarity for chunk in retrieval.chunk_hits if chunk.kind == "paper"]
    sentences = [chunk.similarity for chunk in retrieval.chunk_hits if chunk.kind == "sentence"]
    if not papers and not sentences:
        return None
    best_paper = max(papers, default=max(sentences, default=0.0))
    best_sentence = max(sentences, default=best_paper)
    return (best_paper + best_sentence) / 2


def lexical_support(
    question: str, evidence: Sequence[Evidence], document_frequency: DocumentFrequency, size: int
) -> float:
    """Share (by idf) of the question's content words that the best evidence paper contains."""

    tokens = list(dict.fromkeys(content_tokens(question)))
    if not tokens or not evidence:
        return 0.0
    weights = {token: idf(document_frequency(token), size) for token in tokens}
    total = sum(weights.values()) or 1.0
    best = 0.0
    for item in evidence[:3]:
        _, paper_tokens, _ = _paper_text(item.paper.title, item.paper.abstract)
        best = max(
            best, sum(weight for token, weight in weights.items() if token in paper_tokens) / total
        )
    return best


def names_the_topic(question: str, evidence: Sequence[Evidence]) -> bool:
    """Whether a short topic ("exposure bias", "graph transformers") is named by the evidence:
    every word of it in one sentence (or the title) of one paper. A two- or three-word request
    sits further from any abstract in the embedding than a question does (tuning topics the
    collection plainly covers score 0.42-0.45), so the dense threshold alone would refuse it;
    a topic the collection never names ("3D point cloud segmentation", "protein folding")
    still has to clear that threshold."""
    # "Which papers in the collection report results on the Long Range Arena benchmark?": a
    # name of several capitalised words the question asks about, written as a run by a paper
    # of the evidence, is named, whatever words of the question's frame ("results") it lacks
    for match in _COMPOUND_NAME.finditer(question):
        run = bm25.tokenize(match.group(0))
        if match.start() > 0 and len(run) >= 2:
            for item in evidence:
                texts = (item.paper.title, *item.paper.analysis.sentences)
                if any(contains_run(run, bm25.tokenize(text)) for text in texts):
                    return True
    focus = focus_phrase(question)
    topic = set(subject_tokens(focus))
    # a topic in parts ("interacting agents or particles", "copy and pointer mechanisms") is
    # named where one of its parts is
    parts = [set(part) for part in topic_parts(focus)]
    if len(topic) > SHORT_FOCUS:
        # ... and so is a longer topic whose parts are each a term ("plug-and-play modules and
        # drop-in replacements": the title "A Versatile Plug-and-Play Module" names it), by a
        # part of two words or more: one word alone is no term
        # (a question's "or" lists what it asks about: its closest piece is judged instead)
        # ... but what it asks about before its examples ("the eigenvalues or singular values
        # of a matrix - a score, a defence, a normalisation - or ..."; "the geometric shape of
        # objects - an object's outline ...") is a topic, named where a part of it of two words
        # or more is (n010 and n012 were refused: each piece of them sits far from every
        # abstract, as a short topic does)
        head = _BEFORE_EXAMPLES.split(focus, maxsplit=1)[0]
        if is_question(question) and head != focus:
            parts = [set(subject_tokens(part)) for part in coordinated(head)]
            parts = [part for part in parts if len(part) >= 2]
            if not parts or any(len(part) > SHORT_FOCUS for part in parts):
                return False
        elif is_question(question) or len(parts) < 2 or any(len(p) > SHORT_FOCUS for p in parts):
            return False
        else:
            parts = [part for part in parts if len(part) >= 2]
    if not topic:
        return False
    # A term of three words or more with a word at either end added ("loss landscape geometry",
    # "exponential moving average of weights") is named where the term without that word is
    # written as such ("the loss landscape", "an exponential moving average (EMA) of iterates").
    ordered = subject_tokens(focus)
    cores = [ordered[1:], ordered[:-1]] if len(parts) == 1 and len(ordered) >= 3 else []
    for item in evidence:
        # the sentences the index split once, not the abstract split again per question
        for text in (item.paper.title, *item.paper.analysis.sentences):
            tokens = tokenize(text)
            if any(part <= set(tokens) for part in parts):
                return True
            if any(contains_run(core, tokens) for core in cores):
                return True
    return False


# where a question's topic gives way to its examples: a dash, a bracket, a colon
_BEFORE_EXAMPLES = re.compile(r"\s[-–—]\s|\s?\(|:\s")


def _writes(name: str, item: Evidence) -> bool:
    return any(
        writes_name(name, text) for text in (item.paper.title, *item.paper.analysis.sentences)
    )


def writes_the_terms(question: str, evidence: Sequence[Evidence]) -> bool:
    """Whether the question asks for the papers using a term it quotes ("The word
    'interpolation' seems to mean something different in every paper ...: which papers talk
    about interpolating something?") and a paper of the evidence writes each such term. The
    question is about the word, so how much of the rest of it (the senses it lists) one paper
    writes, or how close its embedding sits, does not decide."""
    terms = quoted_terms(question)
    return bool(terms) and all(any(_writes(term, item) for item in evidence) for term in terms)


def names_what_it_asks(
    question: str, evidence: Sequence[Evidence], document_frequency: DocumentFrequency
) -> bool:
    """Whether the question asks about what it names ("Which papers still use MNIST (or
    Fashion-MNIST)?", "... the CUB-200 bird dataset") and the evidence writes it: every such
    name (of the examples it lists, "LLaMA-family models (LLaMA, Llama 2, ... OpenLLaMA)", one
    is enough) as the question writes it, in a paper of the evidence. The question's frame
    ("still use ... in their experiments") sits far from any abstract, so the dense threshold
    alone refused these. Not when the question also asks for something the collection never
    writes ("Does any paper fine-tune LLaMA to play chess?"): the name is then the neighbour
    that shares a word, not the subject."""
    names = [name for name in _question_names(question) if distinctive_name(name)]
    examples = set(_question_names(" , ".join(listed_examples(question))))
    written = {name for name in names if any(_writes(name, item) for item in evidence)}
    if not written or any(name not in written for name in names if name not in examples):
        return False
    listed = {token for example in listed_examples(question) for token in tokenize(example)}
    return all(
        document_frequency(token) > 0 for token in content_tokens(question) if token not in listed
    )


# content words past which a question is long enough for the share of them a paper writes to
# say what it is about (twice a topic phrase's)
_LONG_QUESTION = 2 * SHORT_FOCUS


def check_answerable(
    question: str,
    retrieval: Retrieval,
    evidence: Sequence[Evidence],
    settings: Settings,
    *,
    document_frequency: DocumentFrequency,
    collection_size: int,
    piece_support: Callable[[str], float | None] | None = None,
    stem_writers: Callable[[str], Sequence[str]] | None = None,
    task: Task = "ask",
) -> Answerability:
    """Abstain when the question names what the collection never mentions, or when the closest
    evidence is too far from it (``abstain_threshold``, calibrated on the canned questions).

    A question listing what it asks about ("protecting users' private data, e.g. private
    inference, differential privacy, or limiting what a model memorizes") sits, whole, further
    from every abstract than any of its pieces: ``piece_support`` gives the dense support of one
    piece, and the closest piece counts (on the tuning questions, no unanswerable question
    without an absent name has a piece above the threshold; two answerable ones do).
    ``stem_writers`` gives the texts of the papers writing a name's words, to tell a name
    written only inside another ("Chrono-LSTM" for "Chronos") from one written."""
    if not evidence:
        return Answerability(False, 0.0, (), "nothing in the collection matches the question")
    # where the collection may spell out an acronym: the evidence, and the rest of what was
    # retrieved ("HPO/NAS" beside a paper on "hyperparameter and neural architecture search",
    # when other retrieved papers write "hyperparameter optimization")
    papers = {item.paper.id: item.paper for item in evidence[:5]}
    papers.update((hit.paper.id, hit.paper) for hit in retrieval.hits if hit.paper.id not in papers)
    texts = [f"{paper.title}. {paper.abstract}" for paper in papers.values()]
    absent = missing_names(question, document_frequency, texts, stem_writers)
    support = dense_support(retrieval)
    dense = support is not None
    threshold = settings.evidence.abstain_threshold
    if support is None:  # BM25 alone: how much of the question the best paper covers
        support = lexical_support(question, evidence, document_frequency, collection_size)
        threshold = settings.evidence.abstain_threshold_lexical
    if absent:
        quoted = ", ".join(f"'{name}'" for name in absent)
        return Answerability(
            False,
            support,
            tuple(absent),
            f"the collection never mentions {quoted}",
            # papers about the rest of the question are worth showing ("RetNet": other
            # sequence architectures); ones only nearest to "Who won the 2018 FIFA World
            # Cup?" are not
            near=support >= threshold,
        )
    sense = other_sense_of_a_name(
        question, document_frequency, list(papers.values()), settings.evidence.rare_name_papers
    )
    if sense is not None:
        return Answerability(False, support, (), sense)
    if task == "ask" and writes_the_terms(question, evidence):
        return Answerability(True, support)
    if (
        task == "ask"
        and dense
        and lexical_support(question, evidence, document_frequency, collection_size)
        < settings.evidence.abstain_cover
    ):
        return Answerability(
            False, support, (), "no paper in the collection writes most of what the question asks"
        )
    if dense and support < threshold and piece_support is not None:
        for piece in question_pieces(question):
            support = max(support, piece_support(piece) or 0.0)
    if (
        support < threshold
        and not names_the_topic(question, evidence)
        and not names_what_it_asks(question, evidence, document_frequency)
        # "What problem does SEEDS solve?": a question naming the best paper by the name it
        # gives its method is about that paper, however little of its abstract it shares
        and not relevance.names_the_paper(question, evidence[0].paper)
        # ... nor is a long question most of whose words the evidence writes, however far the
        # embedding puts it (n019: an everyday paraphrase of an active-matter abstract); a
        # short one ("protein folding", "quantization entropy") is half written by a paper
        # writing one of its words
        and not (
            task == "ask"
            and dense
            and len(set(content_tokens(question))) > _LONG_QUESTION
            and lexical_support(question, evidence, document_frequency, collection_size)
            >= settings.evidence.answer_cover
        )
    ):
        # (not "close to the question": under "curriculum learning schedules" a blind reader
        # named two papers that touch it, an easy-to-hard recipe and curriculum regularization;
        # what none is, is about it)
        return Answerability(
            False, support, (), "no paper in the collection is about this", near=False
        )
    return Answerability(True, support)
