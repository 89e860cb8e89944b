"""Which abstract sentence answers a clause of the question: its words, and their standing together."""

from __future__ import annotations

from assistant.answer.sentences import _together, local_weights, score_sentences
from assistant.models import Paper
from assistant.text.query import split_clauses
from assistant.tuning import EvidenceSettings

VENDI = Paper(
    id="vendi",
    title="The Vendi Score: A Diversity Evaluation Metric for Machine Learning",
    abstract=(
        "Diversity is an important criterion for many areas of machine learning. "
        "In this paper, we propose the Vendi Score, which connects ideas from ecology to ML. "
        "The Vendi Score is defined as the exponential of the Shannon entropy of the eigenvalues "
        "of a similarity matrix. "
        "Importantly, the Vendi Score does not require a reference dataset, so it applies to any "
        "domain where similarity can be defined."
    ),
    citation_key="vendi",
)


def test_words_together_are_within_the_window() -> None:
    wanted = frozenset({"score", "defin"})
    assert _together("The Vendi Score is defined as the exponential", wanted, 4)
    assert not _together("the Vendi Score applies wherever similarity can be defined", wanted, 4)


def test_the_definition_answers_how_a_score_is_defined() -> None:
    question = (
        "Which paper proposes a diversity metric from ecology that needs no reference dataset, "
        "and how is the score defined?"
    )
    ranked = score_sentences(
        VENDI,
        question=question,
        expanded_query=question,
        weights=local_weights([VENDI]),
        clauses=split_clauses(question),
        config=EvidenceSettings(),
    )
    # the second clause's answer leads right after the first's: "The Vendi Score is defined as
    # ...", not "... where similarity can be defined", which shares as many of its words
    assert [sentence.index for sentence in ranked[:2]] == [1, 2]
