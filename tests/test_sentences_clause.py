"""Which abstract sentence answers a clause of the question: its words, and their standing together."""

from __future__ import annotations

import pytest

from assistant.answer.sentences import _together, local_weights, score_sentences
from assistant.models import EvidenceSentence, Paper
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


def _ranked(paper: Paper, question: str) -> list[EvidenceSentence]:
    """The paper's sentences ranked for the question, its clauses answered first."""
    return score_sentences(
        paper,
        question=question,
        expanded_query=question,
        weights=local_weights([paper]),
        clauses=split_clauses(question),
        config=EvidenceSettings(),
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
    ranked = _ranked(VENDI, question)
    # the second clause's answer leads right after the first's: "The Vendi Score is defined as
    # ...", not "... where similarity can be defined", which shares as many of its words
    assert [sentence.index for sentence in ranked[:2]] == [1, 2]


RPS = Paper(
    id="rps",
    title="In defense of parameter sharing for model-compression",
    abstract=(
        "More recently, randomized parameter-sharing (RPS) methods have gained traction for model "
        "compression at start of training. "
        "Our findings demonstrate that RPS consistently outperforms smaller models and pruning. "
        "During our evaluation of RPS, we identified issues in the state-of-the-art RPS technique "
        "ROAST, specifically regarding stability. "
        "We provably address both of these issues. "
        "We refer to the modified RPS, which incorporates our improvements, as STABLE-RPS."
    ),
    citation_key="rps",
)


def test_a_question_after_a_context_sentence_is_its_own_clause() -> None:
    clauses = split_clauses(
        "There is a paper arguing that randomly sharing parameters beats pruning. Which earlier "
        "method did it find unstable, and what is its fixed version called?"
    )
    assert [clause.text for clause in clauses] == [
        "There is a paper arguing that randomly sharing parameters beats pruning",
        "Which earlier method did it find unstable",
        "what is its fixed version called",
    ]
    assert [clause.names for clause in clauses] == [False, False, True]


def test_a_clause_asking_what_something_is_called_is_answered_by_the_sentence_naming_it() -> None:
    """ "what is its fixed version called" shares no word with "We refer to the modified RPS ...
    as STABLE-RPS"; the sentence that gives a name answers it."""
    question = "Which method did it find unstable, and what is its fixed version called?"
    ranked = _ranked(RPS, question)
    assert 4 in [sentence.index for sentence in ranked[:2]]


def test_what_term_or_names_ask_for_a_name() -> None:
    for question in (
        "What term does the MUSCLE paper use for these cases?",
        "What names does it give to the two failure modes?",
        "What is the method called?",
    ):
        assert split_clauses(question)[-1].names, question
    assert not split_clauses("What speed-up does it report?")[-1].names


def test_which_thing_it_is_asks_for_a_name() -> None:
    """ "Which compression method is it?" (a blind lookup, b726) and "What's it called" ask for
    a name as "what is it called" does; a question about the thing ("What kind of model is it
    trained on?") or a figure ("what speedup is that?") does not."""
    for question in (
        "Which paper links ICL to compression? Which compression method is it?",
        "In the paper that forecasts an Indian stock index, which index was it?",
        "What was that paper, and which benchmark was it chasing?",
        "What's it called?",
    ):
        assert split_clauses(question)[-1].names, question
    for question in ("What kind of model is it trained on?", "What speedup is that?"):
        assert not split_clauses(question)[-1].names, question


MUSCLE = Paper(
    id="muscle",
    title="MUSCLE: A Model Update Strategy for Compatible LLM Evolution",
    abstract=(
        "Large Language Models (LLMs) are frequently updated due to data or architecture changes "
        "to improve their performance. "
        "In practice, fine-tuned downstream task adapters rely on pretrained LLM base models. "
        "Our work aims to provide seamless model updates to a user in two ways. "
        "First, we provide evaluation metrics for a notion of compatibility to prior model "
        "versions, specifically for generative tasks but also applicable for discriminative tasks. "
        "We observe regression and inconsistencies between different model versions on a diverse "
        "set of tasks and model updates. "
        "Second, we propose a training strategy to minimize the number of inconsistencies in model "
        "updates, involving training of a compatibility model that can enhance task fine-tuned "
        "language models. "
        "We reduce negative flips -- instances where a prior model version was correct, but a new "
        "model incorrect -- by up to 40% from Llama 1 to Llama 2."
    ),
    citation_key="muscle",
)


def test_a_term_defined_after_a_dash_answers_what_term_a_paper_uses() -> None:
    """ "What term does the MUSCLE paper use for these cases?": "negative flips -- instances
    where a prior model version was correct, but a new model incorrect" gives the name; it
    ranked fifth, below the proposal and the background, and the blind lookup lost it."""
    question = (
        "When an LLM base model gets updated, some examples the old version got right start "
        "failing. What term does the MUSCLE paper use for these cases?"
    )
    ranked = _ranked(MUSCLE, question)
    assert 6 in [sentence.index for sentence in ranked[:2]]


TEXTVQA = Paper(
    id="textvqa",
    title="Iterative Answer Prediction with Pointer-Augmented Multimodal Transformers for TextVQA",
    abstract=(
        "Many visual scenes contain text that carries crucial information. "
        "Recent work has explored the TextVQA task that requires reading and understanding text "
        "in images to answer a question. "
        "In this work, we propose a novel model for the TextVQA task based on a multimodal "
        "transformer architecture. "
        "Our model naturally fuses different modalities homogeneously by embedding them into a "
        "common semantic space. "
        "Furthermore, it enables iterative answer decoding with a dynamic pointer network. "
        "Our model outperforms existing approaches on three benchmark datasets by a large margin."
    ),
    citation_key="textvqa",
)


def test_the_clauses_that_ask_lead_and_a_preposition_may_open_one() -> None:
    """ "For answering questions about text that appears in photos, which model fuses the
    modalities ... with a pointer mechanism, and on how many benchmarks did it win?" (a blind
    lookup) was answered with "Recent work has explored the TextVQA task" and without the pointer
    network: the phrase setting the question up took a leading sentence (the background one), and
    "and on how many" was no clause of its own. The clauses that ask lead; one that only sets the
    question up does not put a background sentence first."""
    question = (
        "For answering questions about text that appears in photos, which model fuses the "
        "modalities in one transformer and builds the answer over several decoding steps with a "
        "pointer mechanism, and on how many benchmarks did it win?"
    )
    clauses = split_clauses(question)
    assert [clause.asks for clause in clauses] == [False, True, True]
    assert clauses[2].text == "on how many benchmarks did it win"
    assert clauses[2].numeric
    # a relative clause of a sentence ending with a full stop describes; it does not ask
    remembered = split_clauses(
        "I remember a paper on deep nets for random events, where you never observe the true "
        "probability. Which three real-world tasks did they test on?"
    )
    assert [clause.asks for clause in remembered] == [False, False, True]
    ranked = _ranked(TEXTVQA, question)
    assert not any(item.text.startswith("Recent") for item in ranked[:3])
    assert any("three benchmark" in item.text for item in ranked[:2])


def test_a_dash_before_a_question_word_opens_a_clause() -> None:
    """ "non-autoregressive ASR that matches AR transformers — how does it predict how many
    output tokens ...?" (a blind lookup) never said Paraformer's integrate-and-fire predictor:
    the question after the dash was one clause with the topic before it, so no sentence was
    chosen for it. A dash before a question word starts a clause, as a colon does."""
    clauses = split_clauses(
        "How do GrowNet and sequential boosting differ — what acts as the weak learner in each, "
        "and what does the final model look like?"
    )
    assert [clause.text for clause in clauses][1:] == [
        "what acts as the weak learner in each",
        "what does the final model look like",
    ]


def test_an_exclamation_is_no_claim() -> None:
    """'When having a coversation, "A sir could forget himself," but SirLLM never does!' was
    quoted in a lookup answer as a claim of the paper."""
    from assistant.text.roles import sentence_role

    assert sentence_role('"A sir could forget himself," but SirLLM never does!', 5) == (
        "boilerplate"
    )
    assert sentence_role("We propose SirLLM, which never forgets.", 2) != "boilerplate"


def test_a_contribution_in_the_past_tense_or_stated_as_an_aim_is_one() -> None:
    """ "we proposed OPT-Tree" and "In this paper we attempt to answer this question by training
    ..." state what the paper does; with no contribution seen, the sentences after them (how it
    works, what it finds) were read as background, and "Measuring the Intrinsic Dimension of
    Objective Landscapes" had no sentence to be said by under "loss landscape geometry"."""
    from assistant.text.roles import sentence_roles

    assert sentence_roles(
        [
            "Speculative decoding uses a draft model.",
            "To alleviate this dilemma, we proposed OPT-Tree, an algorithm to construct adaptive "
            "draft trees.",
            "It searches the optimal tree structure.",
        ]
    ) == ["background", "contribution", "method"]
    roles = sentence_roles(
        [
            "Many recently trained neural networks employ large numbers of parameters.",
            "How many parameters are really needed?",
            "In this paper we attempt to answer this question by training networks in a smaller, "
            "randomly oriented subspace.",
            "We slowly increase the dimension of this subspace and define this to be the "
            "intrinsic dimension of the objective landscape.",
        ]
    )
    assert roles[2] == "contribution" and roles[3] == "method"
    for sentence in (
        "By studying the learning dynamics of networks with one hidden layer, we discovered "
        "that the activation function shapes the representation.",
        "This paper asks whether it is necessary to use all input features at inference time.",
        "In this study, we aim at establishing a principled connection between the two paradigms.",
        # a survey's or an analysis's own contribution (h-calibration's ten limitations)
        "In this study, we summarize and categorize previous works into three general strategies.",
        "Through theoretical and practical analysis, we highlight ten common limitations.",
    ):
        assert sentence_roles(["Deep networks are widely used.", sentence])[1] == "contribution"


def test_what_findings_reveal_is_a_result_and_we_introduced_a_contribution() -> None:
    """ "Our findings reveal that the Infill percentage and Extrusion Temperature have the most
    significant influence ..." read as background and "To achieve this objective, we introduced
    the utilization of XAI ..." as a result, so the 3D-printing lookup said the answer last. A
    past tense is a contribution after "we" only: "the proposed model" states no contribution."""
    from assistant.text.roles import sentence_role

    assert sentence_role("Our findings reveal that infill percentage matters most.", 4) == "result"
    assert (
        sentence_role("To achieve this objective, we introduced the utilization of XAI.", 2)
        == "contribution"
    )
    from assistant.text.roles import STRONG_CONTRIBUTION

    assert STRONG_CONTRIBUTION.search("we introduced the utilization of XAI")
    assert not STRONG_CONTRIBUTION.search("the proposed model reduces error by 5%")


def test_data_a_method_has_available_is_no_boilerplate() -> None:
    """ "... incremental learning techniques that periodically re-fit a learning model leveraging
    newly available data", "Source data may not be available due to privacy ..." and "three
    public real-world datasets" were read as the paper's release note and never quoted; 15 of
    the 16 such sentences of the bundled corpus said something of the paper's own."""
    from assistant.text.roles import sentence_role

    for claim in (
        "Concept drift is usually tackled by re-fitting a learning model on newly available data.",
        "Source data may not be available due to privacy, security, or economic concerns.",
        "We conduct experiments on three public real-world datasets for rating prediction.",
    ):
        assert sentence_role(claim, 3) != "boilerplate", claim
    for release in (
        "Our code is available anonymously at anonymous.4open.science/r/BETT-773F/.",
        "Our code and models are publicly available.",
        "The code will be released.",
    ):
        assert sentence_role(release, 8) == "boilerplate", release


def test_an_abstract_stating_its_contribution_only_weakly_still_has_one() -> None:
    """Five papers had every sentence marked background, so no answer could say them ("The
    Consciousness Prior" under a question naming consciousness; a reader: "missing"; the
    induction-motor paper under "electric motors"). With no contribution found, one stated in
    the passive, after "In this work,", or as the work's goal is the contribution, and what
    follows it is read as coming after one."""
    from assistant.text.roles import sentence_roles

    consciousness = sentence_roles(
        [
            "A new prior is proposed for learning representations of high-level concepts.",
            "This prior can be combined with other priors to help disentangle abstract factors.",
        ]
    )
    assert consciousness[0] == "contribution"
    assert consciousness[1] != "background"
    motors = sentence_roles(
        [
            "In the last decade, the sound quality of electric induction motors is a hot topic.",
            "In this way, the main goal of this work is to evaluate multitask artificial neural "
            "networks for predicting psychoacoustic parameters of induction motors.",
        ]
    )
    assert motors == ["background", "contribution"]
    # an abstract with a contribution keeps its background as it was
    assert (
        sentence_roles(
            [
                "Many methods are proposed for pruning.",
                "We propose SparseX, which prunes in one shot.",
            ]
        )[0]
        != "contribution"
    )


def test_where_the_field_stands_is_background_not_a_setting() -> None:
    """DiffTPT's "Benefiting from prompt tuning, recent years have witnessed the promising
    performance of pre-trained vision-language models, e.g., CLIP, on versatile downstream tasks"
    was its setting (by "on ... tasks") and closed its part of a blind-tune answer as what it
    evaluates on; a difficulty the field has met stays the problem."""
    from assistant.text.roles import sentence_role

    assert (
        sentence_role(
            "Benefiting from prompt tuning, recent years have witnessed the promising performance "
            "of pre-trained vision-language models, e.g., CLIP, on versatile downstream tasks.",
            0,
        )
        == "background"
    )
    assert (
        sentence_role(
            "It has been observed in recent years that transformers have problems with length "
            "generalization for certain types of reasoning and arithmetic tasks.",
            0,
        )
        == "problem"
    )
    assert sentence_role("We evaluate on three benchmark datasets across tasks.", 4) == "setting"


def test_what_the_field_takes_as_known_is_background() -> None:
    """The Hyperfitting paper's "In the setting of open-ended text generation, it is
    well-documented that LLMs tend to generate repetitive and dull sequences" is what the field
    knows, not what the paper does: it was the paper's Approach cell in a comparison of fixes
    for dull text, and a sentence of its own in answers to two topic questions."""
    from assistant.text.roles import sentence_role

    for text in (
        "In the setting of open-ended text generation, it is well-documented that LLMs tend to "
        "generate repetitive and dull sequences.",
        "It is widely believed that larger models memorise more of their training data.",
    ):
        assert sentence_role(text, 1, after_contribution=True) == "background", text
    # ... and what the paper itself finds is not
    assert (
        sentence_role(
            "We find that hyperfitted models rarely fall into repeating sequences.",
            3,
            after_contribution=True,
        )
        != "background"
    )


def test_the_authors_telling_their_story_is_no_claim() -> None:
    """ "We take the reader on a journey of our discovery process" was said of Error Feedback
    Reloaded ("It takes the reader on a journey of the discovery process") and stood as its
    approach in a comparison table (review38a)."""
    from assistant.text.claims import analyse
    from assistant.text.roles import sentence_role

    sentence = "We take the reader on a journey of our discovery process."
    assert sentence_role(sentence, 4) == "boilerplate"
    claims = analyse(
        "Error Feedback Reloaded",
        "In this work we study a modern form of error feedback called EF21 which offers the "
        "best-known theoretical guarantees. " + sentence + " Our approach naturally extends to "
        "more elaborate variants involving stochastic gradients and partial participation.",
    )
    for span in (claims.proposal, claims.mechanism):
        assert span is None or "reader" not in span.text, span


def test_a_claim_in_the_case_the_sentence_before_named_does_not_stand_alone() -> None:
    """ "In such cases, we show that it is possible to predict the downstream BLEU score with good
    accuracy using a log-law": the cases are "with sufficient alignment", in the sentence before;
    quoted without its opener, the log-law held everywhere (review54: a dropped condition)."""
    from assistant.text.claims import standalone

    assert (
        standalone(
            "In such cases, we show that it is possible to predict the downstream BLEU score "
            "with good accuracy using a log-law.",
            "Scaling Laws for Downstream Task Performance",
        )
        is None
    )
    assert standalone("In this scenario, the method fails to converge.", "A title") is None
    # an opener naming its own case stays a claim
    assert standalone("In the noisy case, the method fails to converge.", "A title") is not None


@pytest.mark.parametrize(
    "clause",
    [
        "what's the largest improvement it reports over those baselines",
        "how big a gain over one-step dynamics models does it report",
    ],
)
def test_a_clause_asking_a_size_in_everyday_words_asks_a_figure(clause: str) -> None:
    """ "What is the model called, and what's the largest improvement it reports over those
    baselines?" was answered with the 64.87% last, after the paper's analysis of its weights
    (review71: "opens with side material before the number asked for"): "what's" and "how big"
    ask a figure as "what improvement" and "how large" do."""
    clauses = split_clauses(f"Which paper is it, and {clause}?")
    assert any(item.numeric for item in clauses), clauses
