"""Labels: the short name a paper goes by in prose and citations, distinct within an answer."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.models import Evidence, Paper
from assistant.text.names import distinct_labels, short_label
from assistant.writers.extractive import ExtractiveWriter


def paper(paper_id: str, title: str, abstract: str = "We study things.") -> Paper:
    return Paper(id=paper_id, title=title, abstract=abstract, citation_key=paper_id)


@pytest.mark.parametrize(
    ("title", "label"),
    [
        # a question cut short asks nothing: whole, quoted (test_a_question_title_is_quoted_whole)
        (
            "Are Emergent Abilities of Large Language Models a Mirage?",
            "“Are Emergent Abilities of Large Language Models a Mirage?”",
        ),
        # a gerund and its object run on to the next break: two "Scaling Laws" papers differ
        (
            "Scaling Laws for Downstream Task Performance of Large Language Models",
            "Scaling Laws for Downstream Task Performance",
        ),
        # ... but a title's negative finding is not cut off: what it found wanting would read
        # as what it proposes (review55); whole, quoted, as a question is
        (
            "Allowing humans to interactively guide machines where to look does not always "
            "improve a human-AI team's classification accuracy",
            "“Allowing humans to interactively guide machines where to look does not always "
            "improve a human-AI team's classification accuracy”",
        ),
        # (a positive claim cut off still names what the paper proposes)
        (
            "Spatiotemporal Entropy Model is All You Need for Learned Video Compression",
            "Spatiotemporal Entropy Model",
        ),
        # a coined name after the colon is the name the paper goes by, not the description
        # before it (a request naming GrowNet met "Gradient Boosting Neural Networks"; review70)
        ("Gradient Boosting Neural Networks: GrowNet", "GrowNet"),
        # ... not a plain word after it
        ("Spectral Methods for Sequences: Theory", "Spectral Methods for Sequences"),
        # a noun phrase before the first break is a name already
        (
            "Recurrent Drafter for Fast Speculative Decoding in Large Language Models",
            "Recurrent Drafter",
        ),
        # ... and a relative clause ends it, not a verb cut from its object
        (
            "A Simple Baseline that Questions the Use of Pretrained-Models in Continual Learning",
            "Simple Baseline",
        ),
        # a gerund after a preposition is its object, not a participle to drop
        (
            "Algorithms for Caching and MTS with reduced number of predictions",
            "Algorithms for Caching",
        ),
        # a hyphenated -ing word is a noun, not a participle to drop
        (
            "Reinforcement Learning for Adaptive Time-Stepping in the Chaotic Gravitational "
            "Three-Body Problem",
            "Reinforcement Learning for Adaptive Time-Stepping",
        ),
        # four words that would stop on a modifier run on to the next break
        (
            "A Study of Bayesian Neural Network Surrogates for Bayesian Optimization",
            "Study of Bayesian Neural Network Surrogates",
        ),
        # a coordination takes a word of the four; "Better & Faster Large" cut a compound
        (
            "Better & Faster Large Language Models via Multi-token Prediction",
            "Better & Faster Large Language Models",
        ),
        # ... and a cut on a modifier or participle runs on to its noun or the next break
        (
            "RL on Incorrect Synthetic Data Scales the Efficiency of LLM Math Reasoning by "
            "Eight-Fold",
            "RL on Incorrect Synthetic Data",
        ),
        (
            "Tackling Interference Induced by Data Training Loops in A/B Tests: A Weighted "
            "Training Approach",
            "Tackling Interference Induced by Data Training Loops",
        ),
        # a title that is a sentence is named by its subject, not cut at its first preposition
        (
            "One Step of Gradient Descent is Provably the Optimal In-Context Learner with One "
            "Layer of Linear Self-Attention",
            "One Step of Gradient Descent",
        ),
        # a name before its appositive is the name ("MeLM, a generative pretrained" was cut)
        (
            "MeLM, a generative pretrained language modeling framework that solves forward and "
            "inverse mechanics problems",
            "MeLM",
        ),
        # the noun a label ends on before a break stays, "-ing" or not ("Compact 3D Gaussian")
        (
            "Compact 3D Gaussian Splatting for Static and Dynamic Radiance Fields",
            "Compact 3D Gaussian Splatting",
        ),
        # a noun in "-ing" an adjective modifies stays (review59: "Liquid Neural Network-based
        # Adaptive compares ...")
        (
            "Liquid Neural Network-based Adaptive Learning vs. Incremental Learning for Link "
            "Load Prediction amid Concept Drift due to Network Failures",
            "Liquid Neural Network-based Adaptive Learning",
        ),
        # a kind of work before "of" says of what with its "of" phrase (review62: "Theoretical
        # Guarantees proves a novel result"; two papers were both "Statistical theory")
        (
            "Theoretical Guarantees of Learning Ensembling Strategies with Applications to Time "
            "Series Forecasting",
            "Theoretical Guarantees of Learning Ensembling Strategies",
        ),
        (
            "On the statistical theory of self-gravitating collisionless dark matter flow: Scale "
            "and redshift variation of velocity and density distributions",
            "Statistical theory of self-gravitating collisionless dark matter flow",
        ),
        # ... which a participle ends
        (
            "Active Ranking of Experts Based on their Performances in Many Tasks",
            "Active Ranking of Experts",
        ),
        # a field's name is not the paper's: the label runs on to the next break
        (
            "Self-supervised learning of object pose estimation using keypoint prediction",
            "Self-supervised learning of object pose estimation",
        ),
    ],
)
def test_long_titles_shorten_to_a_phrase_that_names_the_work(title: str, label: str) -> None:
    assert short_label(paper("p", title)) == label


@pytest.mark.parametrize(
    ("title", "label"),
    [
        # a question is its own label, whole and quoted: cut, "Why Has Predicting Downstream
        # Capabilities" misled a blind reader; unquoted, "What learning algorithm is in-context
        # learning" read as half a sentence in "Weight vectors are common to What ..."
        (
            "Why Has Predicting Downstream Capabilities of Frontier AI Models with Scale "
            "Remained Elusive?",
            "“Why Has Predicting Downstream Capabilities of Frontier AI Models with Scale "
            "Remained Elusive?”",
        ),
        (
            "What learning algorithm is in-context learning? Investigations with linear models",
            "“What learning algorithm is in-context learning?”",
        ),
        # a question mark after a colon belongs to the subtitle, not the label
        (
            "The Remarkable Robustness of LLMs: Stages of Inference?",
            "The Remarkable Robustness of LLMs",
        ),
    ],
)
def test_a_question_title_is_quoted_whole(title: str, label: str) -> None:
    assert short_label(paper("p", title)) == label


def test_two_papers_by_one_name_go_by_their_titles_in_prose_and_citations() -> None:
    first = paper(
        "pfn",
        "Transformers Can Do Bayesian Inference",
        "We present Prior-Data Fitted Networks (PFNs). PFNs approximate Bayesian inference.",
    )
    second = paper(
        "pfn-theory",
        "Statistical Foundations of Prior-Data Fitted Networks",
        "We establish a theoretical foundation for Prior-Data Fitted Networks (PFNs).",
    )
    labels = distinct_labels({first.id: first, second.id: second})
    assert len(set(labels.values())) == 2 and "PFNs" not in labels.values()
    draft = ExtractiveWriter().write(
        "compare",
        "prior-data fitted networks",
        [Evidence(first, 1.0, 1, ()), Evidence(second, 0.9, 2, ())],
    )
    prose = " ".join(sentence.text for sentence in draft.sentences)
    assert not prose.startswith("PFNs") and " PFNs presents" not in prose


def test_two_papers_by_one_name_with_short_subtitles_go_by_name_and_subtitle() -> None:
    """The two MEDIDA papers went by titles of 14 and 12 words, as sentence subjects and in every
    citation (review47); their subtitles tell them apart in a few words."""
    first = paper(
        "ks",
        "Discovery of interpretable structural model errors by combining Bayesian sparse "
        "regression and data assimilation: A chaotic Kuramoto-Sivashinsky test case",
        "We introduce MEDIDA, a framework for model error discovery. MEDIDA works.",
    )
    second = paper(
        "qg",
        "Interpretable structural model error discovery from sparse assimilation increments using "
        "spectral bias-reduced neural networks: A quasi-geostrophic turbulence test case",
        "We present MEDIDA, a framework for model error discovery. MEDIDA works.",
    )
    assert distinct_labels({first.id: first, second.id: second}) == {
        "ks": "MEDIDA (chaotic Kuramoto-Sivashinsky test case)",
        "qg": "MEDIDA (quasi-geostrophic turbulence test case)",
    }


def test_a_field_acronym_the_abstract_defines_is_not_the_papers_name() -> None:
    """ "will learn to implement one step of gradient descent (GD) [von Oswald et al.]": gradient
    descent is the field's, so the paper was cited as [GD]."""
    title = (
        "One Step of Gradient Descent is Provably the Optimal In-Context Learner with One Layer "
        "of Linear Self-Attention"
    )
    abstract = (
        "One-layer transformers with linear self-attention will learn to implement one step of "
        "gradient descent (GD) on a least-squares objective. We theoretically study such "
        "transformers and show that the minimizer implements a single step of GD."
    )
    assert short_label(paper("gd", title, abstract)) == "One Step of Gradient Descent"


def test_a_capitalised_word_opening_a_noun_phrase_is_not_the_papers_name() -> None:
    """ "we develop Dirichlet flow matching on the simplex": the paper went by [Dirichlet]."""
    abstract = (
        "Discrete flow models could enable faster sequence generation. To overcome this, we "
        "develop Dirichlet flow matching on the simplex based on mixtures of Dirichlet "
        "distributions as probability paths. Further, we provide distilled Dirichlet flow "
        "matching, which enables one-step sequence generation."
    )
    title = "Dirichlet Flow Matching with Applications to DNA Sequence Design"
    assert short_label(paper("dfm", title, abstract)) == "Dirichlet Flow Matching"
    # ... while a name followed by what it does or a relative clause is one
    named = (
        "We propose Mamba, which scales. In tests, Mamba is fast and Mamba enjoys fast inference."
    )
    assert short_label(paper("m", "Linear-Time Sequence Modeling", named)) == "Mamba"


def test_a_sentence_writing_the_label_in_lower_case_is_not_given_the_label_as_subject() -> None:
    """ "Locally Typical Sampling proposes ... which we call locally typical sampling" named it
    twice."""
    typical = paper(
        "typical",
        "Locally Typical Sampling",
        "Today's probabilistic language generators fall short when it comes to producing coherent "
        "and fluent text. We formally define the set of strings that meet this criterion. We then "
        "propose a simple and efficient procedure for enforcing this criterion when generating "
        "from probabilistic models, which we call locally typical sampling. Automatic and human "
        "evaluations show that locally typical sampling offers competitive performance while "
        "consistently reducing degenerate repetitions.",
    )
    mirostat = paper(
        "mirostat",
        "Mirostat: A Neural Text Decoding Algorithm that Directly Controls Perplexity",
        "We propose Mirostat, a feedback-based adaptive decoding algorithm. In experiments, "
        "Mirostat avoids repetition and Mirostat controls perplexity.",
    )
    draft = ExtractiveWriter().write(
        "related_work",
        "decoding for text generation",
        [Evidence(mirostat, 1.0, 1, ()), Evidence(typical, 0.9, 2, ())],
    )
    prose = " ".join(sentence.text for sentence in draft.sentences)
    assert "called locally typical sampling" in prose
    assert "Locally Typical Sampling proposes" not in prose


def test_the_label_is_the_name_the_stored_analysis_found() -> None:
    """The question path reads the name the index found; it does not search the abstract again
    (an analysis read from the store is the index's, whatever this code would find now)."""
    named = (
        "We propose Mamba, which scales. In tests, Mamba is fast and Mamba enjoys fast inference."
    )
    fresh = paper("m", "Linear-Time Sequence Modeling", named)
    stored = dataclasses.replace(
        fresh.analysis, claims=dataclasses.replace(fresh.analysis.claims, name="Mamba-2")
    )
    indexed = dataclasses.replace(fresh, stored_analysis=stored)
    assert short_label(fresh) == "Mamba"
    assert short_label(indexed) == "Mamba-2"


@pytest.mark.parametrize(
    ("lead", "name", "said"),
    [
        # how it works, in a participle after the spelled-out name
        (
            "introduces Element to Tuple Prompting (E2TP), employing a two-step architecture",
            "E2TP",
            "Element to Tuple Prompting (E2TP) employs a two-step architecture",
        ),
        (
            "proposes Inductive Moment Matching (IMM), a new class of generative models",
            "IMM",
            "Inductive Moment Matching (IMM) is a new class of generative models",
        ),
        # ... spelled in lower case, the subject of its own verb ("One paper proposes
        # black-box visual prompting (BlackVIP), which ...": review77's "One paper" template)
        (
            "proposes black-box visual prompting (BlackVIP), which efficiently adapts the models",
            "BlackVIP",
            "Black-box visual prompting (BlackVIP) efficiently adapts the models",
        ),
        # ... not of an "is" the name's plural would not agree with
        (
            "introduces marginalization models (MaMs), a new family of generative models",
            "MaMs",
            None,
        ),
    ],
)
def test_a_spelled_out_name_is_the_subject_of_what_the_paper_proposes(
    lead: str, name: str, said: str | None
) -> None:
    """ "One paper introduces Element to Tuple Prompting (E2TP), employing a two-step
    architecture": the name was there to be the subject (review48: "'One paper proposes…'
    filler"), as it is before "a ..." or "which ...". (A plural name the paper goes by in the
    singular stays "One paper proposes Physics-Informed Gaussians (PIGs) ...": "PIGs combine
    ... It uses" read wrong.)"""
    from assistant.writers.synthesis import named_subject

    assert named_subject(lead, name) == said


def test_a_finding_on_our_approach_says_it_is_the_papers_own() -> None:
    """review59: "It shows that the approach is useful even for models enhanced with uncertainty
    awareness": "our approach" in the abstract, and "the approach" pointed at none the reader
    was shown."""
    churn = paper(
        "churn",
        "Predictive Churn with the Set of Good Models",
        "Machine learning models are often updated over time. We present theoretical results on "
        "the expected churn between models within the Rashomon set. Further, we show that our "
        "approach is useful even for models enhanced with uncertainty awareness.",
    )
    draft = ExtractiveWriter().write(
        "related_work", "predictive churn", [Evidence(churn, 1.0, 1, ())]
    )
    prose = " ".join(sentence.text for sentence in draft.sentences)
    assert "shows that its approach is useful" in prose


def test_what_results_indicate_the_paper_reports() -> None:
    """review61: "It indicates that O3 consistently achieves the best trade-off ..." (the
    abstract: "The results indicate that ..."), an odd subject for what results indicate."""
    from assistant.writers.synthesis import _finding_verb, paper_claims

    o3 = paper(
        "o3",
        "Practical Unlearning for Large Language Models",
        "We propose the O3 framework for unlearning. The results indicate that O3 consistently "
        "achieves the best trade-off between unlearning effectiveness and utility preservation.",
    )
    finding = paper_claims(o3).finding
    assert finding is not None
    assert _finding_verb(o3, finding) == "reports that"
