"""The verifier's rules of meaning, one behaviour each: what a negation governs, which cited
sentence decides a direction, how a figure pairs with its words, its unit and the order of a
change, and how a sentence comparing several papers is held part by part."""

from __future__ import annotations

import pytest

from assistant.answer.figures import figure_conflict
from assistant.answer.lexical import lexical_check, prepare, sentence_parts
from assistant.answer.meaning import _negation_trace, find_conflict, unfounded_negation
from assistant.answer.parsed import direction_lines, parse
from assistant.answer.scope import inflated_scope
from assistant.answer.semantic import Semantic
from assistant.answer.summary import group_supported, organises, parts_supported, stated_count
from assistant.answer.verify import _unsupported_clause, verify
from assistant.corpus import citation_key
from assistant.models import CheckedSentence, Draft, DraftSentence, Evidence, Paper
from assistant.settings import Settings
from assistant.tuning import VerifySettings


def conflict_of(text: str, sources: list[str]):  # type: ignore[no-untyped-def]
    return find_conflict(text, sources, sources)


def verdict_of(text: str, sources: list[str]) -> str | None:
    conflict = conflict_of(text, sources)
    return None if conflict is None else conflict.verdict


# --- negation: judged against the sentences its clause restates --------------------------------

O3 = [
    "During inference, O3 decides whether to load the unlearning LoRA from the OOD detector.",
    "Notably, the effectiveness of O3 does not rely on any retained data.",
    "O3 achieves the best trade-off between unlearning effectiveness and utility preservation.",
]


def test_a_negated_clause_restating_a_negated_sentence_is_kept() -> None:
    # The whole sentence restates the first and last sources (no negation); its negated clause
    # restates the second, which carries the negation.
    text = (
        "At inference, O3 decides whether to load the unlearning LoRA from the OOD detector, does "
        "not rely on any retained data, and achieves the best trade-off between unlearning "
        "effectiveness and utility preservation."
    )
    assert verdict_of(text, O3) is None


def test_a_negation_added_to_a_restated_clause_is_caught() -> None:
    text = (
        "At inference, O3 does not decide whether to load the unlearning LoRA from the OOD "
        "detector, and achieves the best trade-off between unlearning effectiveness and utility "
        "preservation."
    )
    assert verdict_of(text, O3) == "contradicted_negation"


HELIX = [
    "We show that earlier graph encoders cannot represent long-range interactions between "
    "distant atoms.",
    "We propose HelixNet, which builds message passing on a learned spectral basis and adds a "
    "residual readout and a gated pooling layer for large molecules with many rings.",
    "HelixNet sets new results on three molecular property benchmarks.",
]


def test_an_assertion_in_one_clause_is_judged_against_the_sentence_that_clause_restates() -> None:
    # The whole sentence restates the second source best; its first clause restates the first,
    # which denies what the clause asserts.
    text = (
        "HelixNet argues that graph encoders can represent long-range interactions and instead "
        "builds message passing on a learned spectral basis, adding a residual readout and a gated "
        "pooling layer for large molecules with many rings."
    )
    assert verdict_of(text, HELIX) == "contradicted_negation"
    faithful = text.replace("can represent", "cannot represent")
    assert verdict_of(faithful, HELIX) is None


def test_a_negated_subject_in_the_source_agrees_with_a_negated_predicate() -> None:
    sources = [
        "No amount of inference scaling of small models can enable them to match a strong model "
        "on hard coding problems."
    ]
    text = "Small models cannot match a strong model on hard coding problems, whatever the scaling."
    assert verdict_of(text, sources) is None


def test_impossible_to_negates_what_follows_it() -> None:
    sources = [
        "Each request shows one page of results, making it impossible to obtain paired feedback "
        "for the same request."
    ]
    text = "A ranking system cannot obtain paired feedback for the same request."
    assert verdict_of(text, sources) is None
    assert verdict_of(text.replace("cannot", "can"), sources) == "contradicted_negation"


def test_a_negated_clause_no_source_restates_is_left_to_the_word_checks() -> None:
    # The cited text holds the negated clause's words, scattered: no sentence states (or denies)
    # predicting multiple tokens at once, so the clause sets the paper apart, it flips nothing.
    sources = [
        "MBGen first forecasts the next behavior type and then the next item.",
        "MBGen generates multiple behavior tokens.",
        "Each item is encoded at once.",
    ]
    text = (
        "MBGen first forecasts the next behavior type and then the next item, but it does not "
        "predict multiple tokens at once."
    )
    assert verdict_of(text, sources) is None


def test_a_negated_subject_denies_its_auxiliary() -> None:
    sources = [
        "We introduce an approach that bypasses the need for process annotations from human "
        "annotators or GPTs by using Monte Carlo Tree Search."
    ]
    faithful = (
        "It uses Monte Carlo Tree Search, so no process annotations from human annotators or GPTs "
        "are needed."
    )
    assert verdict_of(faithful, sources) is None
    flipped = (
        "It uses Monte Carlo Tree Search, so process annotations from human annotators or GPTs "
        "are needed."
    )
    assert verdict_of(flipped, sources) == "contradicted_negation"


def test_at_all_widens_no_claim() -> None:
    cited = "Teacher-forcing can fail to learn an accurate next-token predictor for some tasks."
    kept = parse("Teacher-forcing can fail to learn an accurate next-token predictor at all.")
    assert inflated_scope(kept, cited) is None
    widened = parse("Teacher-forcing fails to learn an accurate predictor for all tasks.")
    conflict = inflated_scope(widened, cited)
    assert conflict is not None and conflict.verdict == "inflated_scope"


# --- direction: stems, and the cited words most about the same thing ----------------------------


def test_a_direction_word_matches_the_other_forms_of_its_family() -> None:
    line = next(line for line in direction_lines() if line.side("reliable") is not None)
    assert line.side("unreliability") == 1 - line.side("reliable")  # type: ignore[operator]
    # "consists of" is not "consistent", "increasingly" states no increase.
    assert all(line.side("consists") is None for line in direction_lines())
    assert all(line.side("increasingly") is None for line in direction_lines())
    sources = [
        "We observed the unreliability of entropy as a confidence metric under biased scenarios."
    ]
    assert (
        verdict_of("Entropy is a reliable confidence metric under biased scenarios.", sources)
        == "contradicted_direction"
    )
    assert (
        verdict_of("Entropy is an unreliable confidence metric under biased scenarios.", sources)
        is None
    )


EAD = [
    "Our method identifies text regions where a smaller model suffices and switches to a larger "
    "model only when prediction uncertainty exceeds a threshold."
]


def test_the_cited_words_most_about_the_same_thing_decide_a_direction() -> None:
    # "smaller model suffices" shares "model" with the draft; "larger model only when
    # prediction uncertainty exceeds" shares far more.
    text = "It switches to a smaller model only when prediction uncertainty exceeds a threshold."
    assert verdict_of(text, EAD) == "contradicted_direction"
    faithful = "It switches to a larger model only when prediction uncertainty exceeds a threshold."
    assert verdict_of(faithful, EAD) is None


def test_a_source_saying_both_directions_lets_the_draft_take_either() -> None:
    sources = [
        "Interpolating with a retrieval distribution increases perplexity for most tokens, even "
        "though the overall perplexity of the retrieval-augmented model is lower."
    ]
    text = "Retrieval-augmented models lower the overall perplexity."
    assert verdict_of(text, sources) is None


def test_rather_than_names_both_directions_and_claims_neither() -> None:
    sources = [
        "Entropy minimization compels the model to increase the confidence of its predictions.",
        "Noisy samples show decreased confidence values under entropy minimization.",
    ]
    text = (
        "Under entropy minimization noisy samples show decreased rather than increased "
        "confidence values."
    )
    assert verdict_of(text, sources) is None


# --- figures: pairing, units, the order of a change ---------------------------------------------


def figure_verdict(text: str, source: str) -> str | None:
    conflict = figure_conflict(text, parse(text), [(source, parse(source))])
    return None if conflict is None else conflict.verdict


PDVN = (
    "Our PDVN algorithm improves the search success rate, increasing the success rate from "
    "85.79% to 98.95% for Retro*."
)


def test_a_change_told_the_other_way_round_is_caught() -> None:
    assert (
        figure_verdict("PDVN raises the success rate of Retro* from 98.95% to 85.79%.", PDVN)
        == "contradicted_figure"
    )
    assert (
        figure_verdict("PDVN raises the success rate of Retro* from 85.79% to 98.95%.", PDVN)
        is None
    )


def test_a_change_whose_verb_goes_against_its_figures_is_caught() -> None:
    assert (
        figure_verdict("PDVN decreases the success rate of Retro* from 85.79% to 98.95%.", PDVN)
        == "contradicted_direction"
    )
    # A direction word of another clause is not the change's verb.
    scaling = "It uses less memory, scaling from 8 to 64 GPUs."
    assert figure_verdict(scaling, scaling) is None
    # Another unit at each end: the figures alone do not say which way it went.
    memory = "CCE reduces the memory footprint from 24 GB to 1 MB."
    assert figure_verdict(memory, memory) is None


def test_two_figures_that_exchanged_their_units_are_caught() -> None:
    source = "This baseline achieved 88.53% on 10-Split-CIFAR-100."
    assert figure_verdict("This baseline achieved 10% on 88.53-Split-CIFAR-100.", source) == (
        "contradicted_figure"
    )
    assert figure_verdict("This baseline achieved 88.53% on 10-Split-CIFAR-100.", source) is None


@pytest.mark.parametrize(
    ("faithful", "swapped", "source"),
    [
        (
            "ChatGPT-o1 had the best overall accuracy, at 82.5%, and led in rejection accuracy "
            "at 70.0%.",
            "ChatGPT-o1 had the best overall accuracy, at 70.0%, and led in rejection accuracy "
            "at 82.5%.",
            "Our findings reveal ChatGPT-o1 leading in overall accuracy (82.5%) and rejection "
            "accuracy (70.0%), closely followed by Gemini.",
        ),
        (
            "It reports 9.0% WER on AMI-IHM, 4.7% WER on Switchboard and 8.3% WER on CallHome.",
            "It reports 4.7% WER on AMI-IHM, 9.0% WER on Switchboard and 8.3% WER on CallHome.",
            "Our results include 9.0% WER on AMI-IHM, 4.7% WER on Switchboard, 8.3% WER on "
            "CallHome, and 1.3% on WSJ.",
        ),
    ],
)
def test_figures_keep_the_words_before_and_after_them(faithful, swapped, source) -> None:  # type: ignore[no-untyped-def]
    assert figure_verdict(faithful, source) is None
    assert figure_verdict(swapped, source) == "contradicted_figure"


# --- names and comparing sentences ------------------------------------------------------------


def paper(paper_id: str, title: str, abstract: str) -> Paper:
    return Paper(id=paper_id, title=title, abstract=abstract, citation_key=citation_key(title))


def test_a_compound_of_a_name_and_words_is_held_by_its_name() -> None:
    judge = prepare(
        Evidence(
            paper(
                "fair-aaaa",
                "Large Language Models are not Fair Evaluators",
                "We uncover a systematic bias when large language models (LLMs) score responses.",
            ),
            1.0,
            1,
        )
    )
    assert lexical_check("A study of LLM-as-judge bias.", [judge]).names_ok
    assert not lexical_check("A study of GPTX-as-judge bias.", [judge]).names_ok


DROPOUT = paper(
    "dropout-aaaa",
    "Dropout-Based Rashomon Set Exploration",
    "We propose dropout techniques for efficient exploration of the Rashomon set and mitigation "
    "of predictive multiplicity.",
)
CHURN = paper(
    "churn-bbbb",
    "Predictive Churn with the Set of Good Models",
    "Models in deployment are updated over time; we study the stability of predictions across "
    "model updates.",
)
FIS = paper(
    "fis-cccc",
    "Exploring the Cloud of Feature Interaction Scores",
    "We introduce a feature interaction score computed over a set of equally accurate models.",
)
COMPARISON = (
    "The dropout paper focuses on efficient exploration and mitigation of predictive "
    "multiplicity, the churn paper on the stability of predictions across model updates in "
    "deployment, and the FIS paper on a feature interaction score over equally accurate models."
)


def test_a_comparing_sentence_is_held_part_by_part() -> None:
    cited = [prepare(Evidence(item, 1.0, 1)) for item in (DROPOUT, CHURN, FIS)]
    settings = VerifySettings()
    assert len(sentence_parts(COMPARISON, cited, settings.clause_min_words)) == 3
    assert parts_supported(COMPARISON, cited, 0, Semantic(None), settings)


def test_a_comparing_sentence_citing_a_paper_for_nothing_is_not_held() -> None:
    unrelated = paper(
        "watermark-dddd",
        "A Watermark for Large Language Models",
        "Anyone who knows the key can detect the watermark from a short span of text.",
    )
    cited = [prepare(Evidence(item, 1.0, 1)) for item in (DROPOUT, CHURN, FIS, unrelated)]
    assert not parts_supported(COMPARISON, cited, 0, Semantic(None), VerifySettings())


# --- a sentence that organises the answer: a group of works as its subject ----------------------


@pytest.mark.parametrize(
    ("text", "cited", "expected"),
    [
        ("Two methods remove the separate draft model altogether.", 2, True),
        ("Three of the papers ask whether emergence can be predicted.", 3, True),
        ("A complementary line of work seeks to understand what makes a model prunable.", 1, True),
        ("Another response replaces entropy with external feedback.", 1, True),
        # The count names more works than it cites: not a statement about these citations.
        ("Two further papers touch on entropy in attention more indirectly.", 1, False),
        ("All six papers build on entropy as a training signal.", 4, False),
        # A plural group cited to one paper.
        ("Several papers instead change how drafts are structured.", 1, False),
        # No group as its subject: the words must hold the sentence, as before.
        ("CCE reduces the memory footprint of the loss computation.", 1, False),
    ],
)
def test_a_group_subject_names_as_many_works_as_it_cites(text, cited, expected) -> None:  # type: ignore[no-untyped-def]
    assert organises(text, VerifySettings().group_subject_words, cited) is expected


def test_a_group_sentence_is_held_when_its_cited_papers_are_the_closest() -> None:
    settings = VerifySettings()
    close = settings.group_semantic + 0.1
    assert group_supported(["a", "b"], {"a": close, "b": close + 0.05, "c": 0.2}, settings)
    # One cited paper far from what the sentence says of it.
    assert not group_supported(
        ["a", "b"], {"a": settings.group_semantic - 0.05, "b": close, "c": 0.2}, settings
    )
    # A paper it does not cite is as close as one it cites: the property is not theirs alone
    # (a group sentence moved to a neighbour of the same topic).
    assert not group_supported(
        ["a"], {"a": close, "c": close - settings.group_margin / 2}, settings
    )
    assert group_supported(["a"], {"a": close, "c": close - 2 * settings.group_margin}, settings)


# --- figures: a number written into a name measures nothing -------------------------------------

DD = [
    "We evaluate DD on state-of-the-art image AR models and present promising results on "
    "ImageNet-256.",
    "For VAR, which requires 10-step generation, DD enables one-step generation (6.3× speed-up), "
    "with an acceptable increase in FID from 4.19 to 9.96.",
    "For LlamaGen, DD reduces generation from 256 steps to 1, achieving an 217.8× speed-up with a "
    "comparable FID increase from 4.11 to 11.35.",
]
CUB = (
    "Our user study with 18 machine learning researchers shows that our interactive approach "
    "does not improve user accuracy on CUB-200 bird image classification."
)


def test_the_number_of_a_name_both_write_is_not_a_swapped_figure() -> None:
    # "ImageNet-256" names a dataset; the paper's other 256 (steps) was never swapped with 6.3.
    text = (
        "On ImageNet-256 it enables one-step generation for VAR (6.3× speed-up, FID from 4.19 to "
        "9.96) and for LlamaGen (217.8× speed-up, FID from 4.11 to 11.35)."
    )
    assert conflict_of(text, DD) is None


def test_a_figure_moved_into_a_name_is_still_swapped() -> None:
    # "CUB-18" is no name the paper writes: its 18 and the researchers' 200 were exchanged.
    text = (
        "In a user study with 200 machine learning researchers, the approach did not improve "
        "user accuracy on CUB-18 bird image classification."
    )
    conflict = figure_conflict(text, parse(text), [(CUB, parse(CUB))], None, CUB)
    assert conflict is not None and conflict.verdict == "contradicted_figure"


# --- negation: another form of the negated word ------------------------------------------------

SPCI = [
    "We specifically account for the nature that time series data are non-exchangeable, and thus "
    "many existing conformal prediction algorithms are not applicable."
]


def test_a_negation_the_source_states_with_another_form_of_its_word_is_kept() -> None:
    # "do not apply" restates "are not applicable": the negation is the source's.
    text = (
        "SPCI addresses time series, where data are non-exchangeable and many existing "
        "conformal algorithms do not apply."
    )
    assert verdict_of(text, SPCI) is None


def test_asserting_another_form_of_a_negated_word_is_caught() -> None:
    text = (
        "SPCI addresses time series, where data are non-exchangeable and many existing "
        "conformal algorithms can apply."
    )
    assert verdict_of(text, SPCI) == "contradicted_negation"


# --- a sentence denying the work it cites --------------------------------------------------------

STEW = ["SpeechStew simply mixes all available speech recognition data to train one model."]
STEW_NAMES = ["SpeechStew: Simply Mix All Available Speech Recognition Data", "SpeechStew"]


def test_denying_being_the_cited_paper_is_caught() -> None:
    text = "The recognizer is not SpeechStew, which simply mixes all available recognition data."
    conflict = find_conflict(text, STEW, STEW[:1], STEW_NAMES)
    assert conflict is not None and conflict.verdict == "contradicted_negation"


def test_naming_the_cited_paper_is_kept() -> None:
    text = "The recognizer is SpeechStew, which simply mixes all available recognition data."
    assert find_conflict(text, STEW, STEW[:1], STEW_NAMES) is None


# --- a topic sentence: held by the sentences that go on to describe its papers ------------------

LEARNED = paper(
    "learned-index-aaaa",
    "The Case for Learned Index Structures",
    "We replace B-tree indexes with neural networks that predict the position of a key in a "
    "sorted array. On real data sets the learned indexes are up to 70% faster than cache-"
    "optimized B-trees and use less memory.",
)
UPDATABLE = paper(
    "updatable-index-bbbb",
    "An Updatable Adaptive Learned Index",
    "We present an updatable learned index that adapts its node layout to the data and to the "
    "workload. It supports inserts and lookups on dynamic key sets.",
)
BLOOM = paper(
    "bloom-filter-cccc",
    "Space-Efficient Membership Filters",
    "Membership filters answer whether an element belongs to a set with a small false positive "
    "rate, using a few bits per element.",
)
TOPIC = "Two papers swap classic tree lookups for neural models that predict where each key sits."
DETAILS = [
    DraftSentence(
        "Learned indexes use neural networks to predict the position of a key in a sorted array "
        "and are up to 70% faster than cache-optimized B-trees.",
        [LEARNED.id],
    ),
    DraftSentence(
        "The updatable variant adapts its node layout to the data and supports inserts.",
        [UPDATABLE.id],
    ),
]


def topic_verdict(topic: DraftSentence, details: list[DraftSentence]) -> CheckedSentence:
    sentences = [topic, *details]
    draft = Draft(
        sentences=sentences, engine="llm", paragraphs=[list(range(len(sentences)))], headings=[""]
    )
    evidence = [Evidence(item, 1.0, 1) for item in (LEARNED, UPDATABLE, BLOOM)]
    checked = verify(draft, evidence, Settings(unsupported="mark"))
    return checked.sentences[0]


def test_a_topic_sentence_is_held_by_the_sentences_describing_its_papers() -> None:
    # Its own words ("swap", "classic", "sits") are the writer's: no abstract sentence holds
    # enough of them, so only the sentences after it can.
    result = topic_verdict(DraftSentence(TOPIC, [LEARNED.id, UPDATABLE.id]), DETAILS)
    assert result.supported
    assert result.note.startswith("lead")
    # Alone, the same sentence is not held.
    assert not topic_verdict(DraftSentence(TOPIC, [LEARNED.id, UPDATABLE.id]), []).supported


def test_a_topic_sentence_whose_details_do_not_cover_its_papers_is_not_held() -> None:
    # Misattributed: the sentences after it describe other papers than the one it cites.
    assert not topic_verdict(DraftSentence(TOPIC, [BLOOM.id]), DETAILS).supported
    # One cited paper the details never describe.
    assert not topic_verdict(
        DraftSentence(TOPIC, [LEARNED.id, UPDATABLE.id, BLOOM.id]), DETAILS
    ).supported


def test_a_topic_sentence_counting_other_works_than_it_cites_is_not_held() -> None:
    counted = TOPIC.replace("Two papers", "Three papers")
    assert not topic_verdict(DraftSentence(counted, [LEARNED.id, UPDATABLE.id]), DETAILS).supported


def test_a_topic_sentence_denying_what_its_details_state_is_not_held() -> None:
    denied = TOPIC.replace("swap", "do not swap")
    assert not topic_verdict(DraftSentence(denied, [LEARNED.id, UPDATABLE.id]), DETAILS).supported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three of the papers ask whether emergence can be predicted.", 3),
        ("Five of them argue that entropy alone is unreliable.", 5),
        ("All six works build on entropy.", 6),
        ("Another strand asks whether attribution maps help.", None),
        ("The model has two heads.", None),
    ],
)
def test_the_count_of_works_a_sentence_states(text, expected) -> None:  # type: ignore[no-untyped-def]
    assert stated_count(text, VerifySettings().group_subject_words) == expected


def test_a_negation_no_source_negates_is_unfounded() -> None:
    sources = ["The scheduler removes idle workers from the pool after a timeout."]
    assert unfounded_negation("The scheduler does not remove idle workers.", sources)
    assert not unfounded_negation(
        "The scheduler does not remove idle workers.",
        ["Idle workers are never removed from the pool."],
    )
    assert not unfounded_negation("The scheduler removes idle workers.", sources)


# --- figures: a list reworded keeps its order -------------------------------------------------

CACHE = [
    "The cache cuts memory traffic substantially, with reductions in read latency (31X) and "
    "write latency (12X) on the server workload."
]


@pytest.mark.parametrize(
    "text",
    [
        # The words moved from before each figure to after it.
        "The cache reports reductions of 31X in read latency and 12X in write latency.",
        # A "respectively" list: the figures in the order of the things they measure.
        "On read and write latency, the cache reports reductions of 31X and 12X respectively.",
    ],
)
def test_a_list_of_figures_reworded_in_its_source_order_is_kept(text) -> None:  # type: ignore[no-untyped-def]
    assert verdict_of(text, CACHE) is None


def test_two_figures_of_a_list_exchanged_are_still_caught() -> None:
    text = "The cache reports reductions in read latency (12X) and write latency (31X)."
    assert verdict_of(text, CACHE) == "contradicted_figure"


# --- a clause the cited abstract lacks: merged from another paper, or the writer's framing ------


def clause_verdict(text: str, cited: Paper, others: list[Paper]) -> str | None:
    conflict = _unsupported_clause(
        text,
        [prepare(Evidence(cited, 1.0, 1))],
        VerifySettings(),
        others=[prepare(Evidence(item, 1.0, 1)) for item in others],
    )
    return None if conflict is None else conflict.verdict


def test_a_clause_another_evidence_paper_states_is_a_merged_claim() -> None:
    merged = (
        "Learned indexes predict the position of a key in a sorted array, and membership "
        "filters answer whether an element belongs to a set with few bits per element."
    )
    assert clause_verdict(merged, LEARNED, [UPDATABLE, BLOOM]) == "unsupported_claim"


def test_a_framing_clause_no_evidence_paper_states_is_left_to_the_whole_sentence() -> None:
    framed = (
        "Learned indexes predict the position of a key in a sorted array, but the two papers "
        "rethink different parts of the storage engine."
    )
    assert clause_verdict(framed, LEARNED, [UPDATABLE, BLOOM]) is None
    # ... unless it denies what no cited sentence denies.
    denied = framed.replace("rethink", "cannot rethink")
    assert clause_verdict(denied, LEARNED, [UPDATABLE, BLOOM]) == "contradicted_negation"


# --- scope: a scope word inside a term, or a pronoun summing up a list, widens nothing ----------

TRAINING = [
    "Standard boosting uses a one-vs-all strategy, training one tree per class.",
    "The collective step relies on all-to-all communication between workers.",
    "Our model matches the baseline's accuracy and halves its memory at less than a tenth of "
    "its training cost.",
]


@pytest.mark.parametrize(
    "text",
    [
        "Instead of the one-vs-all strategy that trains one tree per class, it fits one model.",
        "The collective step relies on all-to-all communication between workers.",
        "It matches the baseline's accuracy and halves its memory, all at less than a tenth of "
        "its training cost.",
    ],
)
def test_a_scope_word_in_a_term_or_summing_up_a_list_is_kept(text) -> None:  # type: ignore[no-untyped-def]
    assert verdict_of(text, TRAINING) is None


@pytest.mark.parametrize(
    "text",
    [
        "Instead of the one-vs-all strategy, it fits one model that beats all baselines.",
        "It matches all baselines' accuracy and halves its memory at a tenth of the cost.",
        "The collective step always relies on all-to-all communication between workers.",
    ],
)
def test_a_scope_word_standing_on_its_own_is_still_caught(text) -> None:  # type: ignore[no-untyped-def]
    assert verdict_of(text, TRAINING) == "inflated_scope"


# --- negation: a restriction traces a negation only of what it restricts ------------------------


def trace_of(source: str, focus_words: str) -> bool:
    return _negation_trace(parse(source), parse(focus_words).content)


def test_a_restriction_elsewhere_in_the_source_is_no_trace_of_a_negation() -> None:
    source = (
        "We learn just a few key parameters and keep the other weights fixed at their random "
        "initial values, so they can be stored with a single random seed."
    )
    # "cannot be stored with a single random seed": "just" restricts the parameters learnt.
    assert not trace_of(source, "stored single random seed")
    assert trace_of(source, "learn few key parameters")


def test_a_restriction_traces_the_negation_of_what_it_restricts() -> None:
    source = "The transformer architecture used in current implementations ensures only the former."
    assert trace_of(source, "current transformer implementations ensure")


# --- an uncited overview: held by the answer's supported sentences and the evidence -------------

OVERVIEW = (
    "The collection spans learned indexes that predict key positions, updatable node layouts "
    "and membership filters."
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (OVERVIEW, True),
        # A word neither the answer nor the evidence has: a claim of its own, with no citation.
        (OVERVIEW.replace("membership filters", "filters on mobile hardware"), False),
        # A negation nothing it sums up has.
        (OVERVIEW.replace("that predict", "that do not predict"), False),
    ],
)
def test_an_uncited_overview_is_held_by_what_the_answer_goes_on_to_say(text, kept) -> None:  # type: ignore[no-untyped-def]
    assert topic_verdict(DraftSentence(text), DETAILS).supported is kept


def test_topic_sentences_nest() -> None:
    inner = DraftSentence("One of them learns where keys sit with neural networks.", [LEARNED.id])
    result = topic_verdict(DraftSentence(TOPIC, [LEARNED.id, UPDATABLE.id]), [inner, *DETAILS])
    assert result.supported and result.note.startswith("lead")


def test_a_summary_negation_is_judged_on_what_it_denies() -> None:
    # The source negates "test" ("not all test samples"); the summary denies "fragile".
    sources = ["Not all test samples help adaptation equally."]
    summary = "Relying on entropy alone during test-time adaptation is not fragile."
    assert unfounded_negation(summary, sources)
    assert not unfounded_negation("Adaptation does not help on all test samples.", sources)


def test_a_negated_subject_traces_the_negation_of_its_predicate() -> None:
    source = "No amount of resampling of weaker models can enable them to match a strong model."
    assert trace_of(source, "weaker models match strong model")
    assert not trace_of(
        "Resampling weaker models can enable them to match a strong model.", "match"
    )


def verdict_alone(sentence: DraftSentence) -> CheckedSentence:
    draft = Draft(sentences=[sentence], engine="llm", paragraphs=[[0]], headings=[""])
    evidence = [Evidence(item, 1.0, 1) for item in (LEARNED, UPDATABLE, BLOOM)]
    return verify(draft, evidence, Settings(unsupported="mark")).sentences[0]


@pytest.mark.parametrize("opening", ["Two of them use", "Several works use", "Three papers use"])
def test_a_sentence_about_several_works_is_not_held_by_one_cited_paper(opening: str) -> None:
    # The one cited abstract holds every word, but the sentence speaks of several works.
    text = f"{opening} neural networks to predict the position of a key in a sorted array."
    result = verdict_alone(DraftSentence(text, [LEARNED.id]))
    assert not result.supported and result.verdict == "unsupported_claim"


def test_a_sentence_about_one_work_is_held_by_its_cited_paper() -> None:
    text = (
        "The learned index uses neural networks to predict the position of a key in a sorted array."
    )
    assert verdict_alone(DraftSentence(text, [LEARNED.id])).supported
