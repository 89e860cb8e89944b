"""What issue 12's second round taught the verifier: a writer's framing words carry no claim,
forms of one word match, a negation is judged in its own clause, comparatives are compared with
what follows "than", and a choice between directions ("increase or decrease") claims neither."""

from __future__ import annotations

import pytest

from assistant.answer.meaning import find_conflict, framing_stems
from assistant.answer.verify import verify
from assistant.corpus import citation_key
from assistant.models import CheckedSentence, Draft, DraftSentence, Evidence, Paper
from assistant.settings import Settings

EATA = "eata-aaaa"
EATA_ABSTRACT = (
    "Existing methods have to perform backward computation for each test sample, resulting in "
    "unbearable prediction cost. "
    "We propose an active sample selection criterion to identify reliable samples."
)
SCALING = "scaling-bbbb"
SCALING_ABSTRACT = (
    "Our empirical results show power-law generalization error scaling across a breadth of "
    "factors, resulting in power-law exponents yet to be explained by theoretical work. "
    "We also show that model size scales sublinearly with data size."
)
MTP = "multi-token-cccc"
MTP_ABSTRACT = (
    "Large language models are trained with a next-token prediction loss. "
    "Training language models to predict multiple future tokens at once results in higher "
    "sample efficiency."
)
PRUNING = "pruning-dddd"
PRUNING_ABSTRACT = (
    "Depending on a load-like parameter, increasing the value of a temperature-like parameter "
    "in the pre-pruned model may either enhance or impair subsequent pruning performance. "
    "We show how to decide whether to increase or decrease a hyperparameter."
)
RASHOMON = "rashomon-eeee"
RASHOMON_ABSTRACT = (
    "Numerical results show that our technique consistently outperforms baselines in terms of "
    "the effectiveness of predictive multiplicity metric estimation."
)


def paper(paper_id: str, title: str, abstract: str) -> Paper:
    return Paper(id=paper_id, title=title, abstract=abstract, citation_key=citation_key(title))


@pytest.fixture
def evidence() -> list[Evidence]:
    papers = [
        paper(EATA, "Efficient Test-Time Model Adaptation without Forgetting", EATA_ABSTRACT),
        paper(SCALING, "Deep Learning Scaling is Predictable, Empirically", SCALING_ABSTRACT),
        paper(
            MTP, "Better & Faster Large Language Models via Multi-token Prediction", MTP_ABSTRACT
        ),
        paper(PRUNING, "A Three-regime Model of Network Pruning", PRUNING_ABSTRACT),
        paper(RASHOMON, "Dropout-Based Rashomon Set Exploration", RASHOMON_ABSTRACT),
    ]
    return [Evidence(item, 1.0 / rank, rank) for rank, item in enumerate(papers, start=1)]


@pytest.fixture
def settings(tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    return Settings(home=tmp_path, unsupported="mark")


def judge(
    text: str, citations: list[str], evidence: list[Evidence], settings: Settings
) -> CheckedSentence:
    draft = Draft(sentences=[DraftSentence(text, citations)], engine="llm")
    result = verify(draft, evidence, settings, embedder=None)
    assert len(result.sentences) == 1
    return result.sentences[0]


@pytest.mark.parametrize(
    ("text", "citations"),
    [
        # "notes", "also", "must" frame the claim; "existing methods ... backward computation" is it
        (
            "It also notes that existing methods must perform backward computation for each "
            "test sample.",
            [EATA],
        ),
        # "not yet explained" restates "yet to be explained"
        (
            "It reports power-law scaling of generalization error, with exponents not yet "
            "explained by theory.",
            [SCALING],
        ),
        # "LLMs" is written out in the abstract
        ("The paper trains LLMs to predict multiple future tokens at once.", [MTP]),
        # "not merely": the negation adds a claim
        (
            "Training language models to predict multiple future tokens, not merely the next "
            "token, results in higher sample efficiency.",
            [MTP],
        ),
        # the source's own "enhance or impair" claims no direction either way
        (
            "Raising a temperature-like parameter may either enhance or impair pruning "
            "performance.",
            [PRUNING],
        ),
    ],
)
def test_faithful_sentences_are_kept(text, citations, evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge(text, citations, evidence, settings)
    assert checked.supported, checked.note


@pytest.mark.parametrize(
    ("text", "citations", "verdict"),
    [
        # a comparative is compared with what follows "than"
        (
            "It reports slower predictive multiplicity metric estimation than baselines.",
            [RASHOMON],
            "contradicted_direction",
        ),
        # "increase or decrease" in the source is no support for "decreasing"
        (
            "Decreasing a temperature-like parameter in the pre-pruned model may either enhance "
            "or impair pruning.",
            [PRUNING],
            "contradicted_direction",
        ),
        # a negated framing word is the claim
        (
            "Backward computation for each test sample is not the subject of the paper.",
            [EATA],
            None,
        ),
    ],
)
def test_reversals_are_caught(text, citations, verdict, evidence, settings) -> None:  # type: ignore[no-untyped-def]
    checked = judge(text, citations, evidence, settings)
    assert not checked.supported, checked.note
    if verdict is not None:
        assert checked.verdict == verdict


def test_a_negation_outside_the_restated_clause_is_not_a_flip() -> None:
    sources = ["We can approximate a model's output with more than 48% accuracy."]
    assert (
        find_conflict(
            "Future Lens does not change training but finds it can approximate a model's "
            "output with more than 48% accuracy.",
            sources,
            sources,
        )
        is None
    )
    assert find_conflict(
        "It cannot approximate a model's output with more than 48% accuracy.",
        sources,
        sources,
    )


def test_framing_words_are_data() -> None:
    stems = framing_stems()
    assert {"note", "propos", "studi", "anoth", "main"} <= stems
    # content words stay content: "large" must not ride in with "largely"
    assert "larg" not in stems and "model" not in stems
