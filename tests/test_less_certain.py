"""A topic answer says apart, after the others, the papers the relevance model is less sure of."""

from __future__ import annotations

import pytest

from assistant.models import Evidence, Paper

LESS_CERTAIN = "Less certainly on the question"


def _cited_in(answer, paragraph: list[int]) -> set[str]:  # type: ignore[no-untyped-def]
    return {paper for index in paragraph for paper in answer.sentences[index].citations}


@pytest.mark.slow
def test_papers_sharing_the_words_of_a_topic_are_said_apart(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """review35a: "On Neural Differential Equations is off topic" under statistical-physics
    approaches to training, said among the three papers that are about it; the relevance model
    gives it 0.62 and them 0.85-0.93."""
    answer = corpus_assistant.ask(
        "statistical-physics approaches to understanding how neural networks train "
        "(temperature-like noise, phase transitions, mean-field theory)"
    )
    assert LESS_CERTAIN in answer.headings
    apart = answer.paragraphs[answer.headings.index(LESS_CERTAIN)]
    before = [
        index
        for paragraph, heading in zip(answer.paragraphs, answer.headings, strict=True)
        if heading != LESS_CERTAIN
        for index in paragraph
    ]
    sure = {"statistical-mechanics-fb36", "dissecting-effects-sgd-7123", "three-regime-model-f34a"}
    assert "neural-differential-7c89" in _cited_in(answer, apart)
    assert sure <= _cited_in(answer, before)
    assert not sure & _cited_in(answer, apart)
    assert max(before) < min(apart)
    doubtful = {item.paper.id for item in answer.evidence if item.doubtful}
    assert doubtful == _cited_in(answer, apart)
    from assistant.render import verification_summary

    # the footer says which of its checks bear on relevance, in the words of the heading
    footer = verification_summary(answer)
    assert f"{len(doubtful)} papers less certainly on the question are said apart" in footer
    assert "relevance model" not in footer


@pytest.mark.slow
def test_a_paper_writing_the_name_asked_about_is_not_said_apart(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """ "Which papers run experiments on GPT-2 models?": IRepair and the others writing GPT-2
    score low on the topic model, which judges what a paper is about; the name is why they are
    asked for. A lookup has one paper and nothing apart."""
    answer = corpus_assistant.ask("Which papers run experiments on GPT-2 models?")
    assert not any(item.doubtful for item in answer.evidence)
    assert LESS_CERTAIN not in answer.headings
    lookup = corpus_assistant.ask("Which paper introduces Mirostat?")
    assert LESS_CERTAIN not in lookup.headings


def test_the_writer_says_doubtful_papers_last_under_their_heading() -> None:
    from assistant.writers.extractive import ExtractiveWriter

    def paper(key: str, abstract: str) -> Paper:
        return Paper(id=key, title=key.title(), abstract=abstract, citation_key=key)

    sure = [
        Evidence(
            paper(f"sure{n}", f"We propose Method{n}, which prunes attention heads by entropy."),
            0.9,
            n,
        )
        for n in (1, 2)
    ]
    doubtful = Evidence(
        paper("maybe", "We study entropy of gas molecules in a box with a new estimator."),
        0.6,
        3,
        doubtful=True,
    )
    draft = ExtractiveWriter().write(
        "ask", "Which papers prune attention heads by entropy?", [*sure, doubtful]
    )
    assert draft.headings[-1] == LESS_CERTAIN
    last = draft.paragraphs[-1]
    assert {c for index in last for c in draft.sentences[index].citations} == {"maybe"}
    earlier = {
        c
        for paragraph in draft.paragraphs[:-1]
        for i in paragraph
        for c in draft.sentences[i].citations
    }
    assert earlier == {"sure1", "sure2"}
    # with every paper doubtful there is nothing to set them apart from
    other = Evidence(
        paper("other", "We estimate entropy of heads in a coin toss."), 0.55, 4, doubtful=True
    )
    alone = ExtractiveWriter().write(
        "ask", "Which papers prune attention heads by entropy?", [doubtful, other]
    )
    assert LESS_CERTAIN not in alone.headings


@pytest.mark.slow
def test_related_work_says_them_last_and_latex_keeps_the_heading_as_a_comment(
    corpus_assistant,
) -> None:  # type: ignore[no-untyped-def]
    """Under "state space models", the PaRIS particle Gibbs sampler (state-space models of
    statistics, not the SSM layers) was said between Mamba's line of work and HiPPO-Prophecy.
    A related-work section is pasted into a paper: the LaTeX says why the last paragraph is
    there in a comment, not in a heading the author would have to delete."""
    from assistant.render import to_latex

    answer = corpus_assistant.related_work("state space models")
    heading = "Less certainly on the topic"
    assert answer.headings[-1] == heading
    last = answer.paragraphs[-1]
    assert _cited_in(answer, last) == {"state-parameter-learning-7147"}
    assert "mamba-linear-time-298f" not in _cited_in(answer, last)
    body, _ = to_latex(answer)
    assert f"% {heading}: these papers may not be about it" in body
    assert "relevance model" not in body  # the tool's word, not the author's (review76)
    assert "\\paragraph{Less certainly" not in body


def test_the_things_a_request_lists_are_read_apart() -> None:
    """The request's list, after a colon, in brackets or after "such as", item by item."""
    from assistant.text.query import listed_things

    assert listed_things(
        "LLM agents: agents that forecast an action's result, and LLMs acting as scientists."
    ) == ["agents that forecast an action's result", "LLMs acting as scientists"]
    assert listed_things("privacy work (private inference, differential privacy)") == [
        "private inference",
        "differential privacy",
    ]
    assert listed_things("test-time adaptation of vision models") == []
    assert listed_things("LLM agents: agents that plan") == []  # one thing, no list


def test_the_closest_paper_to_a_listed_thing_is_not_said_apart(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """review56: PreAct, BoxingGym and OREO, each the exact match of one thing the request
    listed, were all said under "Less certainly on the topic". A paper the topic model is less
    sure of that is the closest in hand to a listed thing (``listed_item_closeness``) is said
    with the others; one close to none stays apart."""
    answer = corpus_assistant.related_work(
        "Related work on LLM agents acting over many steps: agents that predict what an action "
        "will lead to before acting, and LLMs acting as scientists who design experiments and "
        "revise their models."
    )
    titles = {item.paper.title.split(":")[0]: item.doubtful for item in answer.evidence}
    assert titles.get("BoxingGym") is False, titles


def test_a_list_of_threads_ends_with_its_sentence_and_keeps_its_brackets_whole() -> None:
    """v010: "Sub-threads: one vision backbone jointly doing detection, segmentation and
    captioning; recommenders that predict auxiliary targets (categories, behaviour types)
    alongside the next item; ... jointly. Leave out merging ... and learning tasks one after
    another." was read as fourteen things, one of them "learning tasks one after another", which
    the request leaves out. A semicolon list is cut at its semicolons, no list inside brackets,
    and the list ends with its sentence."""
    from assistant.text.query import listed_things

    assert listed_things(
        "Related work on multi-task learning. Sub-threads: one vision backbone jointly doing "
        "detection, segmentation and captioning; recommenders that predict auxiliary targets "
        "(categories, behaviour types) alongside the next item; networks predicting several "
        "target quantities jointly. Leave out merging fine-tuned models and learning tasks one "
        "after another."
    ) == [
        "one vision backbone jointly doing detection, segmentation and captioning",
        "recommenders that predict auxiliary targets (categories, behaviour types) alongside "
        "the next item",
        "networks predicting several target quantities jointly",
    ]
    assert listed_things(
        "Related work on interpretable forecasting: attention maps, decomposable designs (trend, "
        "seasonality) and post-hoc explanations. Not benchmark papers, please."
    ) == ["attention maps", "decomposable designs (trend, seasonality)", "post-hoc explanations"]


def test_a_listed_thing_is_said_without_the_marker_that_announces_the_list() -> None:
    """ "(for example gradient descent, ridge regression, the perceptron)": the first thing
    listed is "gradient descent", not "for example gradient descent" (embedded, the marker's
    words weigh on which paper it is closest to)."""
    from assistant.text.query import listed_things

    assert listed_things(
        "Which papers reduce a network to a classical algorithm (for example gradient descent, "
        "ridge regression, the perceptron)?"
    ) == ["gradient descent", "ridge regression", "the perceptron"]
    assert listed_things("Related work on agents: e.g. agents that plan, agents that act") == [
        "agents that plan",
        "agents that act",
    ]


def test_related_work_takes_the_paper_closest_to_a_listed_thread(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """u009: "a small encoder that drops unneeded prompt tokens" is LLMLingua-2's, which the topic
    model scored below its threshold on the whole request; the retrieved paper closest to a
    thread the request lists (``listed_item_closeness``) is taken when the topic model gives it
    ``neighbour_floor`` or more, and said with the others, not apart."""
    answer = corpus_assistant.related_work(
        "Related work on cutting the cost of processing a long prompt before the first token: a "
        "small encoder that drops unneeded prompt tokens, a helper model that predicts the big "
        "model's KV cache, and passing hidden states instead of text between chained models."
    )
    doubtful = {item.paper.id: item.doubtful for item in answer.evidence}
    assert doubtful.get("llmlingua-2-data-b003") is False, doubtful
    assert {"kv-prediction-improved-ab16", "streamlining-collaborative-367a"} <= set(doubtful)


def test_related_work_takes_the_paper_each_listed_thread_is_most_about(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """w003: "... prior work on how ML evaluations end up misleading ... Specifically: reusing
    one holdout set ...; judging a model by its success rate over many random seeds ...; and
    architecture comparisons that are confounded by the training protocol (...)" cited two
    papers. "Never Train from Scratch" (S4 and Transformers compared once pretrained alike) is
    what the third thread, searched alone, puts first, yet the whole request's words rank it
    sixth, below the topic model's cut. Each thread a related-work request lists is searched
    alone, and the paper it is most about is taken when the topic model gives it
    ``neighbour_floor`` or more for the whole request; it is said with the others, under its
    thread."""
    request = (
        "My methods section is about experimental hygiene and I need prior work on how ML "
        "evaluations end up misleading and how to guard against it. Specifically: reusing one "
        "holdout set for many analyses that were chosen after looking at earlier results; "
        "judging a model by its success rate over many random seeds with confidence intervals "
        "instead of a single run's error; and architecture comparisons that are confounded by "
        "the training protocol (training from random init vs pretraining on the task data, or "
        "comparing at equal parameter count rather than equal compute)."
    )
    answer = corpus_assistant.related_work(request)
    doubtful = {item.paper.id: item.doubtful for item in answer.evidence}
    assert doubtful.get("never-train-from-41f8") is False, doubtful
    heading = "Architecture comparisons that are confounded by the training protocol"
    assert heading in answer.headings, answer.headings
    under = answer.paragraphs[answer.headings.index(heading)]
    assert "never-train-from-41f8" in _cited_in(answer, under)
