"""Questions that ask for a kind of document: surveys, tutorials, theses."""

from __future__ import annotations

from assistant.answer.kinds import asked_kinds, is_of_kind, papers_of_kind
from assistant.models import Paper


def _paper(paper_id: str, title: str, abstract: str) -> Paper:
    return Paper(id=paper_id, title=title, abstract=abstract, citation_key=paper_id)


THESIS = _paper(
    "nde",
    "On Neural Differential Equations",
    "Neural differential equations join dynamical systems and deep learning. This doctoral "
    "thesis provides an in-depth survey of the field.",
)
TUTORIAL = _paper(
    "bo",
    "A Tutorial on Bayesian Optimization",
    "Bayesian optimization optimizes expensive objective functions with a Gaussian process.",
)
METHOD = _paper(
    "dog",
    "DoG is SGD's Best Friend",
    "We propose a tuning-free step size for SGD. We survey the noise of the gradient in "
    "survey data from a national census.",
)


def test_a_question_names_the_kinds_it_asks_for() -> None:
    question = "Are there any survey, tutorial or thesis-style overview documents here?"
    assert asked_kinds(question) == {"survey", "tutorial", "thesis"}
    assert asked_kinds("Which papers tune step sizes for SGD?") == frozenset()


def test_a_paper_is_of_a_kind_by_its_title_or_what_it_calls_itself() -> None:
    kinds = frozenset({"survey", "tutorial", "thesis"})
    assert is_of_kind(THESIS, kinds)  # "This doctoral thesis provides ..."
    assert is_of_kind(TUTORIAL, kinds)  # the title
    assert not is_of_kind(METHOD, kinds)  # "we survey the noise", "survey data": no survey


def test_the_rest_of_the_question_narrows_the_kind() -> None:
    papers = [THESIS, TUTORIAL, METHOD]
    every = papers_of_kind("Are there any surveys, tutorials or theses in the collection?", papers)
    assert [paper.id for paper in every] == ["nde", "bo"]
    narrowed = papers_of_kind("Is there a tutorial on Bayesian optimization?", papers)
    assert [paper.id for paper in narrowed] == ["bo"]
    # no tutorial on what is asked: the question is answered the usual way
    assert papers_of_kind("Is there a tutorial on diffusion models?", papers) == []


def test_asking_for_surveys_gets_the_collections_surveys_not_an_abstention(
    corpus_assistant,
) -> None:
    """It abstained ("no paper in the collection is close to the question") above a list of
    closest papers holding a survey, a tutorial and a thesis."""
    answer = corpus_assistant.ask(
        "Are there any survey, tutorial or thesis-style overview documents in this collection?"
    )
    assert not answer.abstained
    titles = {paper.title for paper in answer.references}
    assert "A Tutorial on Bayesian Optimization" in titles
    assert len(titles) >= 4


def test_a_word_naming_the_kind_of_document_is_no_name_the_collection_must_write() -> None:
    """r021: "I remember a PhD dissertation about making deep networks efficient when they must
    process data step by step ..." was refused, "the collection never mentions 'PhD'": the
    dissertation says "this dissertation is dedicated to ...", and no abstract need write the
    degree. "PhD" and "doctoral" name the kind as "thesis" and "dissertation" do."""
    from assistant.answer.answerability import missing_names

    question = "I remember a PhD dissertation on RetNet. What name did it give its networks?"
    assert missing_names(question, lambda token: 0 if token in ("phd", "retnet") else 3, []) == [
        "RetNet"
    ]
    assert asked_kinds("Is there a PhD thesis on streaming inference?") == {"thesis"}
    assert is_of_kind(THESIS, frozenset({"thesis"}))
