"""Acronyms an answer uses before saying what they stand for.

An abstract defines its abbreviations once ("test-time prompt tuning (TPT)") and uses only the
short form afterwards; the one sentence an answer quotes may be one of those afterwards ("DiffTPT
is a novel TPT method"), and the reader never learns what TPT is. The first use in the answer gets
the long form as the cited abstract writes it, "test-time prompt tuning (TPT)": the abstract's own
words, so the claim is unchanged and the sentence still checks. An acronym the abstract never
defines in brackets ("the Parisian particle Gibbs PPG sampler") is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from assistant.models import DraftSentence, Paper
from assistant.text.acronyms import definitions
from assistant.text.claims import common_acronyms
from assistant.text.patterns import compiled
from assistant.text.tokens import sentence_case

# a word with two capitals or more ("PPG", "SNNKs", "E2TP"), not inside a longer word
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)(?![\w-])")


def spell_out(
    sentences: list[DraftSentence],
    papers: Mapping[str, Paper],
    labels: Iterable[str],
    question: str,
) -> list[DraftSentence]:
    """The answer's sentences, each acronym a cited abstract defines spelled out at its first
    use in the answer. Left as they are: the field's own acronyms ("LLM", "SGD"), a paper's
    label or a word of one (the references say what it is), an acronym the answer defines
    itself somewhere or spells out in the request, and sentences citing several papers (whose
    definition would it be?)."""
    field = common_acronyms()

    def of_field(acronym: str) -> bool:  # "SSM", and its plural "SSMs"
        return acronym in field or acronym.rstrip("s") in field

    labels = list(labels)
    named = {word for label in labels for word in re.findall(r"[\w-]+", label)}
    titled = {label.lower() for label in labels}
    said = " ".join(sentence.text for sentence in sentences)
    done: set[str] = set()
    result = []
    for sentence in sentences:
        text = sentence.text
        if len(sentence.citations) == 1 and sentence.citations[0] in papers:
            defined = definitions(papers[sentence.citations[0]].abstract)
            # one definition a sentence: a paper's own coinage before the field's ("gradient
            # variance amplification (GVA)" before "EMA", which a blind reader knew already)
            matches = sorted(
                _ACRONYM.finditer(text),
                key=lambda found: of_field(found.group(1)),
            )
            for match in matches:
                acronym = match.group(1)
                long_form = defined.get(acronym)
                if (
                    long_form is None
                    or acronym in done
                    # the field's acronyms the reader used ("SSMs" under a request on SSMs)
                    or (
                        of_field(acronym)
                        and compiled(rf"\b{re.escape(acronym.rstrip('s'))}s?\b").search(question)
                    )
                    or acronym in named
                    or f"({acronym})" in said
                    or long_form.lower() in titled  # "One for All trains the OFA ..."
                    # "time series foundation models (FMs)" under that very request: the reader
                    # wrote it, and it would read as the request echoed
                    or long_form.lower() in question.lower()
                ):
                    done.add(acronym)
                    continue
                done.add(acronym)
                words = long_form.split(" ")
                first = words[0][:1].lower() + words[0][1:]
                if (
                    len(words) > 1
                    and words[0][1:].islower()
                    and all(word.islower() for word in words[1:])
                    and any(
                        compiled(rf"(?<![\w-]){re.escape(first)}(?![\w-])").search(other.abstract)
                        for other in papers.values()
                    )
                ):
                    # "Long sequence time-series forecasting (LSTF) demands ...": the capital
                    # was the abstract's sentence start, where it or another abstract of the
                    # answer writes "long" ("Bayesian neural networks (BNNs)" keeps its capital)
                    long_form = f"{first} {' '.join(words[1:])}"
                at = text.find(acronym, match.start())
                if at == 0:
                    # "MU typically assumes ..." opens the sentence, and so does its long form
                    long_form = sentence_case(long_form)
                text = f"{text[:at]}{long_form} ({acronym}){text[at + len(acronym) :]}"
                break  # one definition a sentence: offsets of later matches have moved
        done.update(_ACRONYM.findall(text))
        result.append(
            sentence
            if text == sentence.text
            else DraftSentence(text, sentence.citations, sentence.kind)
        )
    return result
