"""The verifier judges meaning: flips of direction and negation, swapped figures and units,
inflated scope and summarising sentences, on hand-made drafts; every decision a typed verdict."""

from __future__ import annotations

import pytest

from assistant.answer.meaning import find_conflict
from assistant.answer.verify import verify
from assistant.corpus import citation_key
from assistant.models import Draft, DraftSentence, Evidence, Paper
from assistant.settings import Settings

CCE = "cut-your-losses-aaaa"
CCE_ABSTRACT = (
    "We propose Cut Cross-Entropy (CCE), a method that computes the cross-entropy loss without "
    "materializing the logits for all tokens into global memory. "
    "For Gemma 2 (2B), CCE reduces the memory footprint of the loss computation from 24 GB to 1 MB. "
    "CCE can be trained without sacrificing training speed or convergence."
)
WATERMARK = "watermark-bbbb"
WATERMARK_ABSTRACT = (
    "We propose a watermarking framework for large language models. "
    "Anyone who knows the key can detect the watermark from a short span of text. "
    "The watermark has a negligible impact on text quality."
)
TIMELLM = "time-llm-cccc"
TIMELLM_ABSTRACT = (
    "We present Time-LLM, a reprogramming framework that repurposes LLMs for time series "
    "forecasting. "
    "Time-LLM outperforms state-of-the-art specialized forecasting models in comprehensive "
    "evaluations. "
    "It achieves a 4× speedup in inference with 12.5% lower error on long-term forecasting."
)
TENT = "tent-dddd"
TENT_ABSTRACT = (
    "We propose test entropy minimization, which adapts a model at test time by minimizing the "
    "entropy of its predictions on unlabeled test batches. "
    "Adaptation improves robustness to image corruptions and reaches higher accuracy on ImageNet-C."
)
EATA = "eata-eeee"
EATA_ABSTRACT = (
    "Our method selects reliable samples and minimizes the entropy of predictions on test data. "
    "A Fisher regularizer keeps important parameters from drastic changes, which is faster than "
    "full backpropagation on every sample."
)


def paper(paper_id: str, title: str, abstract: str) -> Paper:
    return Paper(id=paper_id, title=title, abstract=abstract, citation_key=citation_key(title))


@pytest.fixture
def evidence() -> list[Evidence]:
    papers = [
        paper(CCE, "Cut Your Losses in Large-Vocabulary Language Models", CCE_ABSTRACT),
        paper(WATERMARK, "A Watermark for Large Language Models", WATERMARK_ABSTRACT),
        paper(TIMELLM, "Time-LLM: Time Series Forecasting by Reprogramming LLMs", TIMELLM_ABSTRACT),
        paper(TENT, "Tent: Fully Test-Time Adaptation by Entropy Minimization", TENT_ABSTRACT),
        paper(EATA, "Efficient Test-Time Model Adaptation without Forgetting", EATA_ABSTRACT),
    ]
    return [Evidence(item, 1.0 / rank, rank) for rank, item in enumerate(papers, start=1)]


@pytest.fixture
def settings(tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    return Settings(home=tmp_path, unsupported="mark")


def judge(text: str, citations: list[str], evidence: list[Evidence], settings: Settings):  # type: ignore[no-untyped-def]
    draft = Draft(sentences=[DraftSentence(text, citations)], engine="llm")
    result = verify(draft, evidence, settings, embedder=None)
    assert len(result.sentences) == 1
    return result.sentences[0]


@pytest.mark.parametrize(
    ("text", "citations"),
    [
        ("CCE reduces the memory footprint of the loss computation from 24 GB to 1 MB.", [CCE]),
        (
            "Anyone who knows the key can detect the watermark from a short span of text.",
            [WATERMARK],
        ),
        ("Time-LLM outperforms state-of-the-art specialized forecasting models.", [TIMELLM]),
        ("Tent adapts a model at test time and improves robustness to image corruptions.", [TENT]),
        ("CCE can be trained without sacrificing training speed or convergence.", [CCE]),
    ],
)
def test_faithful_sentences_are_supported(text, citations, evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge(text, citations, evidence, settings)
    assert checked.supported, checked.note
    assert checked.verdict == "supported"


@pytest.mark.parametrize(
    ("text", "citations", "verdict"),
    [
        # increase / decrease
        (
            "CCE increases the memory footprint of the loss computation from 24 GB to 1 MB.",
            [CCE],
            "contradicted_direction",
        ),
        # outperform / underperform
        (
            "Time-LLM underperforms state-of-the-art specialized forecasting models.",
            [TIMELLM],
            "contradicted_direction",
        ),
        # improves / degrades
        (
            "Tent adapts a model at test time and degrades robustness to image corruptions.",
            [TENT],
            "contradicted_direction",
        ),
        # higher / lower
        ("Tent reaches lower accuracy on ImageNet-C.", [TENT], "contradicted_direction"),
        # faster / slower
        (
            "The Fisher regularizer is slower than full backpropagation on every sample.",
            [EATA],
            "contradicted_direction",
        ),
        # minimize / maximize
        (
            "Tent maximizes the entropy of its predictions on unlabeled test batches.",
            [TENT],
            "contradicted_direction",
        ),
        # can / cannot
        (
            "Anyone who knows the key cannot detect the watermark from a short span of text.",
            [WATERMARK],
            "contradicted_negation",
        ),
        # is / is not (negating what the source asserts)
        (
            "CCE can not be trained without sacrificing training speed or convergence.",
            [CCE],
            "contradicted_negation",
        ),
        # with / without
        (
            "CCE computes the cross-entropy loss by materializing the logits for all tokens into "
            "global memory.",
            [CCE],
            None,  # a dropped "without": not a negation the checks can see; must not crash
        ),
    ],
)
def test_flips_are_contradicted(text, citations, verdict, evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge(text, citations, evidence, settings)
    if verdict is None:
        assert checked.verdict  # some verdict, whatever it is
        return
    assert not checked.supported
    assert checked.verdict == verdict, checked.note
    assert checked.note.startswith(verdict.replace("_", " "))


def test_a_swapped_pair_of_figures_is_contradicted(evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge(
        "CCE reduces the memory footprint of the loss computation from 1 GB to 24 MB.",
        [CCE],
        evidence,
        settings,
    )
    assert not checked.supported
    assert checked.verdict == "contradicted_figure"


def test_a_figure_with_another_unit_is_contradicted(evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge("Time-LLM achieves a 4% speedup in inference.", [TIMELLM], evidence, settings)
    assert not checked.supported
    assert checked.verdict == "contradicted_figure"
    assert "4" in checked.note


def test_an_altered_figure_stays_unsupported(evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge("Time-LLM achieves a 6× speedup in inference.", [TIMELLM], evidence, settings)
    assert not checked.supported
    assert checked.verdict == "unsupported_figure"


@pytest.mark.parametrize(
    "text",
    [
        "Tent always improves robustness to image corruptions.",
        "Tent is the first method that adapts a model at test time by minimizing entropy.",
        "Tent reaches state-of-the-art accuracy on ImageNet-C.",
    ],
)
def test_inflated_scope_is_caught(text, evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge(text, [TENT], evidence, settings)
    assert not checked.supported
    assert checked.verdict == "inflated_scope"


def test_scope_words_the_source_uses_pass(evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge(
        "Time-LLM outperforms state-of-the-art specialized forecasting models in comprehensive "
        "evaluations.",
        [TIMELLM],
        evidence,
        settings,
    )
    assert checked.supported, checked.note


def test_a_summary_citing_papers_that_each_state_it_is_kept(evidence, settings) -> None:  # type: ignore[no-untyped-def]
    # Neither paper holds every word of it ("several", "works" aside), but each states it.
    checked = judge(
        "Several works adapt at test time by minimizing prediction entropy on unlabeled samples.",
        [TENT, EATA],
        evidence,
        settings,
    )
    assert checked.supported, checked.note
    assert set(checked.citations) == {TENT, EATA}


def test_a_summary_one_cited_paper_does_not_state_is_not_kept_as_summary(
    evidence, settings
) -> None:  # type: ignore[no-untyped-def]
    checked = judge(
        "Several works adapt at test time by minimizing prediction entropy on unlabeled samples.",
        [TENT, WATERMARK],
        evidence,
        settings,
    )
    assert checked.verdict != "summary"
    assert WATERMARK not in checked.citations or not checked.supported


def test_dropped_sentences_keep_their_verdicts(evidence, tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft = Draft(
        sentences=[
            DraftSentence(
                "Time-LLM outperforms state-of-the-art specialized forecasting models.", [TIMELLM]
            ),
            DraftSentence(
                "Time-LLM underperforms state-of-the-art specialized forecasting models.", [TIMELLM]
            ),
        ],
        engine="llm",
    )
    result = verify(draft, evidence, Settings(home=tmp_path, unsupported="drop"))
    assert [sentence.verdict for sentence in result.sentences] == ["supported"]
    assert result.dropped == 1
    assert [sentence.verdict for sentence in result.rejected] == ["contradicted_direction"]
    assert "outperforms" in result.rejected[0].note


def test_find_conflict_needs_a_shared_subject() -> None:
    # "reduces" against an unrelated "increases" elsewhere in the abstract is not a flip.
    sources = [
        "The method increases throughput on long sequences.",
        "It reduces the memory footprint of attention.",
    ]
    assert find_conflict("It reduces the memory footprint of attention.", sources, sources) is None
    conflict = find_conflict("It increases the memory footprint of attention.", sources, sources)
    assert conflict is not None and conflict.verdict == "contradicted_direction"


def test_a_negation_inside_a_cited_papers_title_is_not_a_flip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    title = "Large Language Models are not Fair Evaluators"
    item = paper(
        "llm-not-fair-ffff",
        title,
        "We propose a calibration framework with three simple yet effective strategies. "
        "The framework mitigates evaluation bias of large language model judges.",
    )
    checked = judge(
        f"{title} proposes a calibration framework with three simple yet effective strategies.",
        [item.id],
        [Evidence(item, 1.0, 1)],
        Settings(home=tmp_path, unsupported="mark"),
    )
    assert checked.supported, checked.note


CORAL_SOURCES = [
    "To address this, we propose CORAL, a novel framework that improves both accuracy and "
    "efficiency in speculative drafting.",
    "We evaluate CORAL on three LLM families and three benchmark datasets, achieving speedup "
    "ratios of 2.50x-4.07x, outperforming state-of-the-art methods such as EAGLE-2 and HASS.",
]


def test_a_flip_against_the_examples_a_comparison_lists_is_contradicted() -> None:
    """ "outperforming state-of-the-art methods such as EAGLE-2 and HASS" is measured against
    the methods it lists: "degrading EAGLE-2 and HASS" reverses it, however many words stand
    between the verb and the names."""
    conflict = find_conflict(
        "CORAL achieves speedup ratios of 2.50x-4.07x and degrading EAGLE-2 and HASS.",
        CORAL_SOURCES,
        CORAL_SOURCES,
    )
    assert conflict is not None and conflict.verdict == "contradicted_direction"
    assert (
        find_conflict(
            "CORAL achieves speedup ratios of 2.50x-4.07x, outperforming EAGLE-2 and HASS.",
            CORAL_SOURCES,
            CORAL_SOURCES,
        )
        is None
    )


MOE_SOURCES = [
    "The emergence of large-scale Mixture of Experts (MoE) models has marked a significant "
    "advancement, offering enhanced model capacity and computational efficiency.",
    "We adopt sparse Mixture-of-Experts (MoE) to scale model capacity without proportionally "
    "increasing computational FLOPs.",
]


def test_a_negation_is_traced_only_by_a_negation_of_what_it_denies() -> None:
    """ "MoE models are not commonly adopted" denies adopting them; the source's "without
    proportionally increasing" negates something else and is no trace of that denial. A
    negation of the same predicate in other words ("do not significantly reduce" for "does not
    substantially reduce") is one, and a predicate no cited sentence writes ("there is no free
    lunch") denies nothing they assert."""
    flipped = find_conflict(
        "Mixture-of-Experts (MoE) models are not commonly adopted to increase model capacity "
        "without a proportional increase in computation.",
        MOE_SOURCES,
        MOE_SOURCES,
    )
    assert flipped is not None and flipped.verdict == "contradicted_negation"
    wm = (
        "We show that permutations found by WM do not significantly reduce the L_2 distance "
        "between two models."
    )
    assert (
        find_conflict(
            "Weight matching (WM) does not substantially reduce the L_2 distance between models.",
            [wm],
            wm,
        )
        is None
    )
    flaws = (
        "Resampling cannot decrease this probability, so it imposes an upper bound to the "
        "accuracy of resampling-based inference scaling even with an infinite compute budget."
    )
    assert (
        find_conflict(
            "There is no free lunch: resampling imposes an upper bound on the accuracy of "
            "inference scaling even with an infinite compute budget.",
            [flaws],
            flaws,
        )
        is None
    )


HINTING = (
    "For sorting we show that it is possible to train models on data consisting of sequences "
    "having length at most 20, and improve the test accuracy on sequences of length 100 from "
    "less than 1% (for standard training) to more than 92% (via task hinting)."
)


def test_a_bound_on_a_figure_is_no_direction() -> None:
    """ "from less than 1% to more than 92%": "less" bounds the figure after "than", it says
    nothing about which way accuracy went; "raised test accuracy" restates "improve the test
    accuracy" (a model's faithful reply was dropped for 'raised' against 'less'). Reversing
    the verb is still a flip."""
    assert (
        find_conflict(
            "On sorting, training on sequences of length at most 20 with task hinting raised "
            "test accuracy on sequences of length 100 from less than 1% (for standard "
            "training) to more than 92%.",
            [HINTING],
            HINTING,
        )
        is None
    )
    flipped = find_conflict(
        "On sorting, training on sequences of length at most 20 with task hinting degraded "
        "test accuracy on sequences of length 100 from more than 92% to less than 1%.",
        [HINTING],
        HINTING,
    )
    assert flipped is not None and flipped.verdict == "contradicted_direction"


FINE_LINE = (
    "However, this principle only focuses on the model's compression properties on the training "
    "data, resulting in an inconsistency with the ability improvements on the downstream tasks."
)


def test_a_direction_word_a_not_turns_takes_the_other_side() -> None:
    """ "loss-based scaling laws are not inconsistent with downstream ability improvements" (a
    flip planted in a model's faithful "are inconsistent") says they are consistent, against
    "resulting in an inconsistency with the ability improvements": a "not" right before a
    direction word turns it. "not only" restricts, it turns nothing."""
    flipped = find_conflict(
        "The Fine Line notes that loss-based scaling laws are not inconsistent with downstream "
        "ability improvements.",
        [FINE_LINE],
        FINE_LINE,
    )
    assert flipped is not None and flipped.verdict == "contradicted_direction"
    assert (
        find_conflict(
            "The Fine Line notes that loss-based scaling laws are inconsistent with downstream "
            "ability improvements.",
            [FINE_LINE],
            FINE_LINE,
        )
        is None
    )
    knn = (
        "Although the KNN-LM and related methods yield impressive decreases in perplexity, they "
        "show no corresponding improvement in open-ended generation quality, as measured by "
        "MAUVE and human evaluation."
    )
    assert (
        find_conflict(
            "The KNN-LM and related methods do not improve open-ended generation quality as "
            "measured by MAUVE and human evaluation.",
            [knn],
            knn,
        )
        is None
    )
