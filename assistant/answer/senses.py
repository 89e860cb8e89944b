"""Which of the senses or kinds a topic question lists each of its papers is an instance of:
"'Universal' is used very loosely ...: a pattern that supposedly holds across many datasets or
models, a learner/approximator that can in principle learn anything, or a single model meant to
serve every dataset or task" is answered sense by sense (a blind reader, review82: 12,700
characters "not sorted into the three senses it asked for")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from assistant.models import Evidence
from assistant.text.query import (
    contains_run,
    content_tokens,
    field_acronym,
    listed_text,
    writes_name,
)
from assistant.text.sentences import abstract_sentences
from assistant.text.tokens import tokenize
from assistant.tuning.evidence import EvidenceSettings

# the cosine of every abstract sentence to each sense, by (paper id, sentence index)
SenseSimilarity = Mapping[tuple[str, int], Sequence[float]]


def assign_senses(
    evidence: Sequence[Evidence],
    question: str,
    senses: Sequence[str],
    similarity: SenseSimilarity,
    config: EvidenceSettings,
    *,
    by_use: bool = True,
) -> list[Evidence]:
    """Each paper with the sense it is clearly closest to (``Evidence.sense``), or none.

    ``by_use``: a paper is read where it uses the question's word: its sentences writing a word
    of the question that half the papers or more write outside the listed senses ("universal",
    "residual"), all of them where none does. Without it (the threads a related-work request
    lists, sub-topics rather than senses of one word), all of them: read only where it writes
    "alignment", DeconfoundLM sat closest to "using already-aligned models as a signal of data
    quality", not to "learning from historical business outcomes" (p002). Its closeness to a
    sense is the best cosine of those sentences to it, plus ``sense_word_weight`` times the share
    of the sense's own words the sentence writes; the closest sense is its when it leads the next
    by ``sense_margin``."""
    if len(senses) < 2 or len(senses) > config.most_senses or not similarity:
        return list(evidence)
    # (the question's words outside its list: "Residual seems to mean something different ...:
    # skip connections, ..., residual frames in video coding" is about "residual" all the same)
    listed = listed_text(question) or ""
    unlisted = question.replace(listed, " ") if listed else question
    sentences = {item.paper.id: abstract_sentences(item.paper.abstract) for item in evidence}
    written = {
        paper_id: [set(tokenize(text)) for text in texts] for paper_id, texts in sentences.items()
    }
    # (each paper's words once, not once per word of the question)
    abstracts = [set().union(*tokens) for tokens in written.values()]
    ground = (
        set()
        if not by_use
        else {
            token
            for token in dict.fromkeys(content_tokens(unlisted))
            if 2 * sum(1 for words in abstracts if token in words) >= len(evidence)
        }
    )
    own = [set(content_tokens(sense)) - ground for sense in senses]
    names = [_names(sense) for sense in senses]
    assigned = []
    for item in evidence:
        tokens = written[item.paper.id]
        using = [index for index, said in enumerate(tokens) if said & ground] or list(
            range(len(tokens))
        )
        closeness: list[float | None] = []
        for position, words in enumerate(own):
            best = None
            for index in using:
                cosines = similarity.get((item.paper.id, index))
                if not cosines:
                    continue
                share = len(words & tokens[index]) / len(words) if words else 0.0
                score = cosines[position] + config.sense_word_weight * share
                best = score if best is None else max(best, score)
            closeness.append(best)
        assigned.append(replace(item, sense=_closest(item, senses, closeness, names, config)))
    return assigned


def _closest(
    item: Evidence,
    senses: Sequence[str],
    closeness: Sequence[float | None],
    names: Sequence[list[str]],
    config: EvidenceSettings,
) -> int | None:
    """The sense a paper is clearly an instance of. A sense naming a dataset or model
    ("ImageNet-R", "GPT-4/GPT-4o", "T5") is a paper's only if it writes the name, and then it is
    (the closest such); no meaning makes "ImageNet-R" of a paper that writes only "ImageNet"
    (b560 put nine papers under it). Another sense is the paper's when it is close
    (``sense_floor``) and closer than the next by ``sense_margin``."""
    if any(value is None for value in closeness):
        return None
    text = f"{item.paper.title}\n{item.paper.abstract}"
    # (the abstract tokenized only where a sense names something)
    tokens = tokenize(text) if any(names) else []
    named = [
        position
        for position, written in enumerate(names)
        if written
        and (
            any(writes_name(name, text) for name in written)
            if set(content_tokens(senses[position])) <= set(tokenize(" ".join(written)))
            # ("downsampled ImageNet": the words with the name are written with it too, or
            # every paper on ImageNet is of it)
            else contains_run(content_tokens(senses[position]), tokens)
        )
    ]
    if named:
        return max(named, key=lambda position: closeness[position] or 0.0)
    meant = sorted(
        (
            (value or 0.0, position)
            for position, value in enumerate(closeness)
            if not names[position]
        ),
        reverse=True,
    )
    if not meant or meant[0][0] < config.sense_floor:
        return None
    if len(meant) > 1 and meant[0][0] - meant[1][0] < config.sense_margin:
        return None
    return meant[0][1]


def _names(sense: str) -> list[str]:
    """The names of datasets or models a sense writes ("GPT-4/GPT-4o": both; "ImageNet-R"; "T5";
    "BART"), by their capitals or digits inside a word."""
    # (not the field's acronyms: "having a small model produce an approximate KV cache ..."
    # names no model, and KV Prediction, closest to it by far, went under none; w007)
    return [
        word
        for word in re.findall(r"[A-Za-z][\w.+-]*\w|[A-Z]\w*", sense)
        if re.search(r"\d|[a-z][A-Z]|^[A-Z]{2,}", word) and not field_acronym(word)
    ]
