"""The parts of a topic joined by "and"/"or": each is a topic phrase a paper may name."""

from __future__ import annotations

from assistant.text.query import question_pieces, topic_parts
from assistant.text.tokens import tokenize


def _parts(*phrases: str) -> list[list[str]]:
    return [tokenize(phrase) for phrase in phrases]


def test_one_word_coordinated_with_a_phrase_shares_its_other_word() -> None:
    # "tuning" alone named every fine-tuning and prompt-tuning paper
    assert topic_parts("hyperparameter optimization and tuning") == _parts(
        "hyperparameter optimization", "hyperparameter tuning"
    )
    assert topic_parts("image and video compression") == _parts(
        "image compression", "video compression"
    )


def test_parts_that_stand_alone_or_the_fields_words_are_not_shared() -> None:
    assert topic_parts("speech recognition and speech synthesis") == _parts(
        "speech recognition", "speech synthesis"
    )
    # "neural network" is the field's word, no modifier of "sparsity"
    assert topic_parts("neural network pruning and sparsity") == _parts(
        "neural network pruning", "sparsity"
    )
    # a question listing examples is not a topic phrase
    assert topic_parts("What research is there on state space models such as S4 and Mamba?")[
        -1
    ] == tokenize("Mamba")


def test_a_question_listing_examples_has_them_as_pieces() -> None:
    question = (
        "Which papers are motivated by protecting users' private data, e.g. private inference, "
        "differential privacy, or limiting the sensitive information a model needs?"
    )
    assert question_pieces(question) == [
        "Which papers are motivated by protecting users' private data",
        "private inference",
        "differential privacy",
        "limiting the sensitive information a model needs",
    ]
    assert question_pieces("Which papers study exposure bias?") == []
