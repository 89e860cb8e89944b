"""Questions about what the papers' titles say are answered by the papers whose titles say it
(t008: "For each paper whose title says it is robust, robust against what?" cited one paper, none
of the twelve whose titles say "robust")."""

from __future__ import annotations

import re

import pytest

from assistant.models import Paper


def _cited(answer) -> set[str]:  # type: ignore[no-untyped-def]
    return {paper_id for sentence in answer.sentences for paper_id in sentence.citations}


def _writing(assistant, pattern: str, *, title_only: bool) -> set[str]:  # type: ignore[no-untyped-def]
    """The papers of the collection whose title (or title and abstract) match ``pattern``."""
    return {
        paper.id
        for paper in assistant.retriever.paper_store.all()
        if re.search(
            pattern,
            paper.title if title_only else f"{paper.title} {paper.abstract}",
            re.IGNORECASE,
        )
    }


def _paper(title: str) -> Paper:
    return Paper(
        id=title.lower().replace(" ", "-"), title=title, abstract="An abstract.", citation_key="k"
    )


def test_the_word_a_question_asks_titles_to_say() -> None:
    from assistant.answer.kinds import title_words

    assert title_words("For each paper whose title says it is robust, robust against what?") == [
        "robust"
    ]
    assert title_words("Paper titles here advertise robustness: against what?") == ["robust"]
    assert title_words("Which papers have 'state space' in the title?") == ["state", "space"]
    assert title_words("papers with Transformer in their titles") == ["transformer"]
    # a question about titles as data, or asking nothing of them, asks no title word
    assert title_words("Which papers generate titles for news articles?") == []
    assert title_words("how do entropy-based TTA methods differ") == []


def test_the_papers_whose_titles_say_it() -> None:
    from assistant.answer.kinds import papers_titled

    papers = [
        _paper("Robust Distortion-free Watermarks"),
        _paper("The Remarkable Robustness of LLMs"),
        _paper("Watermarks that survive paraphrase"),
        _paper("Efficiently Modeling Long Sequences with Structured State Spaces"),
        _paper("A State of the Art Space Probe"),
    ]
    robust = papers_titled("Which papers' titles claim they are robust?", papers)
    assert [paper.title for paper in robust] == [
        "Robust Distortion-free Watermarks",
        "The Remarkable Robustness of LLMs",
    ]
    # a phrase is said in order, not word by word
    spaces = papers_titled("Which papers have 'state space' in their titles?", papers)
    assert [paper.title for paper in spaces] == [
        "Efficiently Modeling Long Sequences with Structured State Spaces"
    ]
    assert papers_titled("Which papers study robustness?", papers) == []


def test_every_word_a_question_quotes_for_the_titles_to_say() -> None:
    """x011: "Lots of titles here say a method is 'guided' by something or is about 'guidance'.
    Which papers are these ...?" was refused ("no paper in the collection writes most of what
    the question asks"): the word read after "say" was "a". The words it quotes are what the
    titles say, any of them; "a method is" before the quote is not."""
    from assistant.answer.kinds import asks_of_titles, papers_titled

    question = (
        "Lots of titles here say a method is 'guided' by something or is about 'guidance'. "
        "Which papers are these, and what is doing the guiding in each?"
    )
    assert asks_of_titles(question)
    papers = [
        _paper("Entropy-Guided Attention for Private LLMs"),
        _paper("Multi-Vector Models with Textual Guidance"),
        _paper("Self-Guiding Diffusion Models"),
        _paper("Guidelines for Annotators"),
        _paper("Attention Is All You Need"),
    ]
    assert [paper.title for paper in papers_titled(question, papers)] == [
        "Entropy-Guided Attention for Private LLMs",
        "Multi-Vector Models with Textual Guidance",
        "Self-Guiding Diffusion Models",
    ]


def test_the_papers_whose_titles_ask_a_question() -> None:
    """x008: "A few papers here pose a question right in their title (things like 'Is X
    effective for...?' or 'Are Y a mirage?'). Which ones are they ...?" was refused ("no paper
    in the collection is about this"): a title asks when it ends, or a part of it ends, on a
    question mark."""
    from assistant.answer.kinds import asks_of_titles, papers_titled

    question = (
        "A few papers here pose a question right in their title (things like 'Is X effective "
        "for...?' or 'Are Y a mirage?'). Which ones are they, and what answer does each "
        "abstract give to its own question?"
    )
    assert asks_of_titles(question)
    assert asks_of_titles("Which titles are phrased as questions?")
    assert not asks_of_titles("Which papers ask what a network learns first?")
    papers = [
        _paper("Are Emergent Abilities of Large Language Models a Mirage?"),
        _paper("Rethinking Few-Shot Image Classification: a Good Embedding Is All You Need?"),
        _paper("Is Mamba Effective for Time Series Forecasting"),
        _paper("Attention Is All You Need"),
    ]
    assert [paper.title for paper in papers_titled(question, papers)] == [
        "Are Emergent Abilities of Large Language Models a Mirage?",
        "Rethinking Few-Shot Image Classification: a Good Embedding Is All You Need?",
    ]


def test_the_idea_a_question_quotes_and_asks_which_papers_use() -> None:
    """x012: "'Stationary' turns up in a handful of abstracts in very different roles: ...
    Which papers use the idea, and what is (or isn't) stationary in each?" cited one of the
    seven papers writing it: "use the idea" was not read as "use the word"."""
    from assistant.text.query import used_word

    assert (
        used_word(
            "'Stationary' turns up in a handful of abstracts in very different roles: "
            "non-stationary data or environments, stationary points of an optimisation "
            "landscape. Which papers use the idea, and what is (or isn't) stationary in each?"
        )
        == "Stationary"
    )
    assert used_word("Which papers use the idea of curriculum learning?") is None


def test_the_word_a_question_asks_which_papers_use() -> None:
    from assistant.text.query import used_word

    assert (
        used_word(
            "'Resolution' seems to mean something different in almost every abstract. Which "
            "papers use the word, and in which sense?"
        )
        == "Resolution"
    )
    assert used_word("Several papers talk about a 'horizon'. Which ones?") == "horizon"
    assert used_word("'Universal' is used loosely here. Which papers use it, and how?") == (
        "Universal"
    )
    # a quoted word the question does not ask papers to write, or a quoted phrase
    assert (
        used_word("'Alignment' also gets used for lining up sequences; I don't want those.") is None
    )
    assert used_word("Which papers quote 'attention is all you need'?") is None
    assert used_word("how do entropy-based TTA methods differ") is None
    # ... or one word the question asks where it turns up (u024), unless it leaves a sense out
    assert used_word("Where does clustering show up in these papers?") == "clustering"
    assert used_word("Where do templates come up in this collection: prompt templates?") == (
        "templates"
    )
    assert (
        used_word("Where does pruning show up? Leave out papers that only prune weights.") is None
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "pattern", "title_only", "least"),
    [
        (
            "Which papers in the collection have the word robust in their title, and robust "
            "to what?",
            r"robust",
            True,
            10,
        ),
        (
            "A few papers talk about a 'manifold'. Which ones, and what does it mean in each?",
            r"\bmanifold",
            False,
            3,
        ),
        (
            "Where does clustering show up in these papers, and what is being clustered in each?",
            r"\bcluster",
            False,
            5,
        ),
    ],
)
def test_a_question_about_a_word_gets_every_paper_writing_it(  # type: ignore[no-untyped-def]
    corpus_assistant, question: str, pattern: str, title_only: bool, least: int
) -> None:
    """In its titles, or anywhere, as the question asks."""
    answer = corpus_assistant.ask(question)
    writing = _writing(corpus_assistant, pattern, title_only=title_only)
    assert len(writing) >= least
    assert _cited(answer) == writing
    # no group is led by a term cut after its preposition ("both work on via random")
    assert not re.search(
        r"both work on (?:via|by|with|of|for)\b", " ".join(s.text for s in answer.sentences)
    )
    assert all(sentence.supported for sentence in answer.sentences)
