"""Related work says why a paper is cited: its own sentence writing the topic, where nothing said
of it does (review91: TADPOLE cited under "ensemble methods" by its findings on Alzheimer's trials
alone, never its "Two ensemble methods ... obtained top scores")."""

from __future__ import annotations

import pytest


def test_a_topic_is_said_by_its_words_together_not_scattered() -> None:
    from assistant.writers.extractive import _says_together

    assert _says_together("We compress with quantization and entropy coding.", "entropy coding")
    assert not _says_together(
        "Models trained on ZIP-FIT-selected data achieve their lowest cross-entropy loss up to "
        "85.1% faster than baselines.",
        "entropy coding and entropy-guided compression",
    )
    assert not _says_together(
        "MaMs achieve orders of magnitude speedup in evaluating marginals.",
        "autoregressive generation in arbitrary or learned orders",
    )
    assert _says_together(
        "The learned value function can be leveraged to guide the tree search for free.",
        "value-guided search",
    )
    assert not _says_together(
        "When explaining the reasons behind model prediction errors, it beats attribution "
        "algorithms.",
        "neural algorithmic reasoning",
    )


def _said_of(answer, paper_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [sentence.text for sentence in answer.sentences if paper_id in sentence.citations]


@pytest.mark.slow
def test_related_work_says_why_each_paper_is_cited(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = corpus_assistant.related_work("ensemble methods")
    tadpole = _said_of(answer, "alzheimer-s-disease-8e3f")
    assert any("Two ensemble methods" in text for text in tadpole), tadpole
    # a paper whose title names the topic is cited for it where it is said
    one_net = _said_of(answer, "onenet-enhancing-time-0eff")
    assert one_net and not any("propose Online ensembling Network" in text for text in one_net)
    # "The weak learners are ensembled ..." has no weak learners before it: not said
    boosting = _said_of(answer, "promptboosting-black-box-edf6")
    assert boosting and not any(text.startswith("The weak learners") for text in boosting)
    assert all(sentence.supported for sentence in answer.sentences)


@pytest.mark.slow
def test_a_paper_under_a_thread_is_said_by_what_places_it_there(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """Under a thread the request lists, the sentence saying the thread, not the whole request:
    Zoology under "sparse or subsampled attention" was said by its perplexity gap alone."""
    answer = corpus_assistant.related_work(
        "changing the attention mechanism itself: sparse or subsampled attention, replacements "
        "for softmax, attention-free gated-convolution layers, single-head attention (leave out "
        "state space models)"
    )
    heading = "Sparse or subsampled attention"
    assert heading in answer.headings
    paragraph = answer.paragraphs[answer.headings.index(heading)]
    zoology = [
        answer.sentences[index].text
        for index in paragraph
        if "zoology-measuring-improving-d225" in answer.sentences[index].citations
    ]
    assert any("sparse attention" in text for text in zoology), zoology


def test_a_paper_is_said_by_the_thread_it_answers_where_none_heads_it(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """Where no heading names a thread the request lists, a paper is still said by its sentence
    saying one: the request as a whole is written by no sentence, so Lotus was said only as "a
    diffusion-based visual foundation model ... for dense prediction", never by its zero-shot
    depth and normal estimation (l002's "depth/normal estimation")."""
    answer = corpus_assistant.related_work(
        "Related work needed: turning diffusion models or CLIP-style vision-language models into "
        "per-pixel predictors, i.e. depth/normal estimation and semantic or open-vocabulary "
        "segmentation. Papers that only generate images don't belong here."
    )
    lotus = [
        sentence.text
        for sentence in answer.sentences
        if any(paper_id.startswith("lotus") for paper_id in sentence.citations)
    ]
    assert any("depth and normal estimation" in text for text in lotus), lotus
