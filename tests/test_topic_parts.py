"""The parts of a topic joined by "and"/"or": each is a topic phrase a paper may name."""

from __future__ import annotations

from assistant.text.query import question_pieces, ruled_out, subject_of_topic, topic_parts
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


def test_coordinated_items_take_the_words_they_share() -> None:
    """A list after a preposition shares the phrase before it, a list before a preposition the
    phrase after it: "time series" alone named every forecasting paper under masked pretraining
    for video, motion trajectories and time series (12 of 15 cited papers were off-topic)."""
    assert topic_parts(
        "mask-and-reconstruct style self-supervised pretraining for video, motion trajectories "
        "and time series"
    ) == _parts(
        "mask reconstruct style self-supervised pretraining video",
        "mask reconstruct style self-supervised pretraining motion trajectories",
        "mask reconstruct style self-supervised pretraining time series",
    )
    assert topic_parts("one-step and few-step sampling for diffusion models") == _parts(
        "one-step sampling diffusion models", "few-step sampling diffusion models"
    )
    assert topic_parts("quantization of LLMs, vision-language models and state space models") == (
        _parts(
            "quantization LLMs",
            "quantization vision-language models",
            "quantization state space models",
        )
    )
    assert topic_parts("autoregressive generation in arbitrary or learned orders") == _parts(
        "autoregressive generation arbitrary orders", "autoregressive generation learned orders"
    )
    assert topic_parts("running neural networks on edge or otherwise resource-limited devices") == (
        _parts(
            "running neural networks edge devices",
            "running neural networks resource-limited devices",
        )
    )
    # after a colon, examples: each its own item ("design experiments" found BoxingGym)
    examples = topic_parts(
        "language models as research assistants in the natural sciences: pulling data out of "
        "papers, proposing molecules or materials, designing experiments"
    )
    assert tokenize("designing experiments") in examples
    # a whole phrase coordinated with another is its own item
    assert topic_parts("emergent abilities and the predictability of LLM performance") == (
        _parts("emergent abilities", "predictability LLM performance")
    )
    # a question's pieces are clauses and examples, not items of one phrase
    assert topic_parts("How are people trying to improve or get rid of classifier guidance?") == (
        _parts("people trying improve", "get rid classifier guidance")
    )


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


def test_what_a_request_rules_out() -> None:
    assert ruled_out("attention-free language model architectures") == [("attention", "attent")]
    assert ruled_out("diffusion models for data other than images, e.g. audio") == [
        ("images", "imag")
    ]
    # a single word closing its clause is what is left out ...
    assert ruled_out("cut the parameters a network stores without pruning it, e.g. sharing") == [
        ("pruning", "prune")
    ]
    # ... while "without fine-tuning by ..." says how a method works
    assert ruled_out("keeps long-term memory without fine-tuning by filtering key phrases") == []


def test_what_a_topic_sets_itself_against_is_not_its_subject() -> None:
    """ "... instead of a separate small draft model", "(not data selection, not adapter-style
    PEFT)": the words of what is left out brought the papers about it; a question keeps them (a
    lookup's "instead of convolutions" is in the paper's own words)."""
    assert (
        subject_of_topic(
            "speculative decoding where the target LLM drafts for itself instead of a separate "
            "small draft model"
        )
        == "speculative decoding where the target LLM drafts for itself"
    )
    assert "post-hoc" not in subject_of_topic(
        "interpretable-by-design predictors rather than post-hoc explanation"
    )
    assert "selection" not in subject_of_topic(
        "tricks that cut the memory of language model training (not data selection, not PEFT)"
    )
    question = "Which architecture uses a recurrent scan instead of convolutions?"
    assert subject_of_topic(question) == question


def test_two_long_pieces_are_one_topic() -> None:
    """ "tricks that cut the compute or memory of language model training itself": the "or" joins
    the words beside it, not two topics ("trick cut compute" named any efficient paper)."""
    assert len(topic_parts("tricks that cut the compute or memory of language model training")) == 1
