"""The output lint: for each rule, a defect it must flag and a close clean case it must not."""

from __future__ import annotations

import pytest

from assistant.lint import RULES, LintFinding, lint_answer, summarise
from assistant.models import (
    Answer,
    CheckedSentence,
    ComparisonTable,
    Evidence,
    Paper,
    TableCell,
    Task,
)
from assistant.render import to_latex, to_markdown

MAMBA = Paper(
    id="mamba",
    title="Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
    abstract=(
        "We identify that a key weakness of such models is their inability to perform "
        "content-based reasoning. Second, even though this change prevents the use of efficient "
        "convolutions, we design a hardware-aware parallel algorithm in recurrent mode. Mamba "
        "achieves state-of-the-art performance across several modalities such as language, audio, "
        "and genomics."
    ),
    citation_key="gu2023mamba",
)
S4 = Paper(
    id="s4",
    title="Efficiently Modeling Long Sequences with Structured State Spaces",
    abstract=(
        "A central goal of sequence modeling is handling long-range dependencies. We propose the "
        "Structured State Space sequence model (S4) based on a new parameterization for the SSM. "
        "S4 achieves 91% accuracy on sequential CIFAR-10 with no data augmentation."
    ),
    citation_key="gu2021s4",
)
EATA = Paper(
    id="eata",
    title="Efficient Test-Time Model Adaptation without Forgetting",
    abstract=(
        "Test-time adaptation seeks to tackle potential distribution shifts between training and "
        "test data. We propose an active sample selection criterion to identify reliable samples. "
        "Extensive experiments on CIFAR-10-C, ImageNet-C, and ImageNet-R verify the effectiveness "
        "of our method, which reduces the error by 2.5% on ImageNet-C."
    ),
    citation_key="niu2022eata",
)
MLLM_KD = Paper(
    id="mllm-kd",
    title="Multi-aspect Knowledge Distillation with Large Language Model",
    abstract=(
        "We propose a multi-aspect knowledge distillation method using Multimodal Large Language "
        "Models (MLLMs)."
    ),
    citation_key="mllmkd",
)
ELLE = Paper(
    id="elle",
    title="Efficient local linearity regularization to overcome catastrophic overfitting",
    abstract=(
        "Catastrophic overfitting (CO) in single-step adversarial training (AT) results in abrupt "
        "drops in the adversarial test accuracy (even down to 0%). In this work, we introduce a "
        "regularization term, called ELLE, to mitigate CO effectively and efficiently. Our "
        "thorough experimental validation demonstrates that our work does not suffer from CO."
    ),
    citation_key="elle",
)
PAPERS = {paper.id: paper for paper in (MAMBA, S4, EATA, MLLM_KD, ELLE)}


def make_answer(
    sentences: list[tuple[str, list[str]]],
    *,
    task: Task = "related-work",
    question: str = "state space models",
    paragraphs: list[list[int]] | None = None,
    headings: list[str] | None = None,
    table: ComparisonTable | None = None,
    abstained: bool = False,
) -> Answer:
    cited = {paper_id for _, citations in sentences for paper_id in citations}
    if table is not None:
        cited |= set(table.rows)
    papers = [PAPERS[paper_id] for paper_id in PAPERS if paper_id in cited]
    return Answer(
        task=task,
        question=question,
        engine="extractive",
        abstained=abstained,
        sentences=[
            CheckedSentence(text=text, citations=list(citations), supported=True)
            for text, citations in sentences
        ],
        references=papers,
        evidence=[Evidence(paper=paper, score=1.0, rank=rank) for rank, paper in enumerate(papers)],
        paragraphs=paragraphs or [],
        headings=headings or [],
        table=table,
    )


def rules(answer: Answer, **rendered: str) -> list[str]:
    return [finding.rule for finding in lint_answer(answer, **rendered)]


def found(answer: Answer, rule: str) -> list[LintFinding]:
    return [finding for finding in lint_answer(answer) if finding.rule == rule]


CLEAN_MAMBA = "Mamba achieves state-of-the-art performance across several modalities."


# --- dangling_connective -------------------------------------------------------------------


def test_connective_after_another_paper_is_dangling() -> None:
    answer = make_answer(
        [
            ("S4 proposes a new parameterization for the SSM.", ["s4"]),
            ("Second, even though this change prevents convolutions, Mamba is fast.", ["mamba"]),
            ("More importantly, the authors of S4 reach 91% accuracy.", ["s4"]),
        ]
    )
    findings = found(answer, "dangling_connective")
    assert [finding.sentence for finding in findings] == [1, 2]
    assert findings[0].text.startswith("Second, even")


def test_these_results_after_the_sentence_stating_them_is_not_dangling() -> None:
    """ "These results represent ... a 2.15X speed-up" right after "each sequence is generated at
    an average speed of 5.8ms per token" points at the figures just read, though that sentence
    never writes "results"; after a sentence with no figure it points at nothing shown."""
    figures = "For a 7.8B model, each sequence is generated at 5.8ms per token."
    these = "These results represent a 2.15X speed-up over regular decoding."
    answer = make_answer([(figures, ["bass"]), (these, ["bass"])])
    assert found(answer, "dangling_connective") == []
    answer = make_answer(
        [("BASS describes a system of batched decoding.", ["bass"]), (these, ["bass"])]
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [1]


def test_a_later_item_of_a_list_not_shown_is_dangling() -> None:
    answer = make_answer(
        [
            ("Informer is an efficient transformer for long sequences.", ["informer"]),
            ("(iii) the generative style decoder predicts the sequence at once.", ["informer"]),
        ]
    )
    findings = found(answer, "dangling_connective")
    assert [finding.sentence for finding in findings] == [1]


def test_a_sentence_ending_on_the_following_points_at_nothing_shown() -> None:
    answer = make_answer(
        [
            ("S4 proposes a method inspired by the following crucial empirical finding.", ["s4"]),
            ("Mamba predicts the following tokens using selective state spaces.", ["mamba"]),
        ]
    )
    findings = found(answer, "dangling_connective")
    assert [finding.sentence for finding in findings] == [0]


def test_pronoun_continuing_the_same_paper_is_not_dangling() -> None:
    answer = make_answer(
        [
            (CLEAN_MAMBA, ["mamba"]),
            ("It also designs a hardware-aware parallel algorithm.", ["mamba"]),
            ("However, it cannot use efficient convolutions.", ["mamba"]),
        ]
    )
    assert found(answer, "dangling_connective") == []


def test_pronoun_after_a_different_paper_or_opening_a_paragraph_is_dangling() -> None:
    answer = make_answer(
        [
            ("It designs a hardware-aware parallel algorithm.", ["mamba"]),
            ("They propose a new parameterization.", ["s4"]),
            ("S4 achieves 91% accuracy on sequential CIFAR-10.", ["s4"]),
            ("These methods scale linearly.", ["s4"]),
        ],
        paragraphs=[[0, 1], [2], [3]],
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [0, 1, 3]


def test_the_authors_of_a_named_paper_point_at_nothing_before() -> None:
    """ "The authors of EvoPress set new state-of-the-art results ...": the sentence says whose
    authors; a bare "The authors ..." opening a paragraph does not."""
    answer = make_answer(
        [
            ("The authors of EvoPress set new state-of-the-art results.", ["evopress"]),
            ("The authors set new state-of-the-art results.", ["s4"]),
        ],
        paragraphs=[[0], [1]],
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [1]


def test_compounds_and_uncited_framing_are_not_connectives() -> None:
    answer = make_answer(
        [
            ("Second-order methods are costly for S4.", ["s4"]),
            ("These papers study state spaces.", []),
        ]
    )
    assert found(answer, "dangling_connective") == []


def test_both_joining_two_named_things_points_at_nothing_before() -> None:
    answer = make_answer(
        [
            ("Both supervised and unsupervised methods are compared for S4.", ["s4"]),
            ("Both achieve 91% accuracy.", ["mamba"]),
        ],
        paragraphs=[[0], [1]],
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [1]


def test_back_reference_inside_the_opening_clause_is_dangling() -> None:
    answer = make_answer(
        [
            (CLEAN_MAMBA, ["mamba"]),
            ("To address these issues, the authors of S4 propose a new parameterization.", ["s4"]),
            ("The S4 paper thus introduces a new parameterization.", ["s4"]),
        ],
        paragraphs=[[0, 1], [2]],
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [1, 2]


def test_this_approach_after_the_sentence_introducing_it_is_not_dangling() -> None:
    """ "This approach maintains ..." right after "BASS introduces a batched decoding
    mechanism" speaks of that mechanism, though the sentence never writes "approach"; after a
    sentence that introduces nothing it points at nothing shown, and "this subset" is no kind
    of artefact, so it needs its own noun before it."""
    this = "This approach maintains a nearly constant latency at 16 times the batch size."
    answer = make_answer(
        [
            ("BASS introduces a batched decoding mechanism for many sequences.", ["bass"]),
            (this, ["bass"]),
        ]
    )
    assert found(answer, "dangling_connective") == []
    answer = make_answer(
        [("BASS measures decoding latency on many sequences.", ["bass"]), (this, ["bass"])]
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [1]
    answer = make_answer(
        [
            ("BASS introduces a batched decoding mechanism for many sequences.", ["bass"]),
            ("This subset holds 30% of the sequences.", ["bass"]),
        ]
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [1]


def test_noun_the_previous_sentence_never_mentions_is_dangling() -> None:
    answer = make_answer(
        [
            ("The closest match is S4.", ["s4"]),
            ("To measure such improvements, the authors of S4 use sequential CIFAR-10.", ["s4"]),
            ("S4 proposes a new parameterization for the SSM.", ["s4"]),
            ("This parameterization allows fast computation.", ["s4"]),
            ("This allows S4 to model long sequences.", ["s4"]),
        ]
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [1]


def test_those_standing_for_a_noun_of_the_sentence_is_not_dangling() -> None:
    """ "For neural networks, prior methods, including those based on ell_1 regularization, ...":
    "those" is the prior methods, named before it; "those models" in the opening still points
    back at a sentence not shown."""
    answer = make_answer(
        [
            (
                "For neural networks, prior methods, including those based on attention, select "
                "the entire feature subset at once.",
                ["s4"],
            ),
            ("Those models fail badly on new data.", ["mamba"]),
        ],
        paragraphs=[[0], [1]],
    )
    assert [finding.sentence for finding in found(answer, "dangling_connective")] == [1]


def test_table_cell_opening_with_a_connective_is_dangling() -> None:
    cells = {"eata": ["However, this ability is hindered by shifts", "ImageNet-C", "—"]}
    answer = make_answer(
        [("EATA proposes sample selection.", ["eata"])], task="compare", table=table(cells)
    )
    findings = found(answer, "dangling_connective")
    assert [(finding.sentence, finding.text) for finding in findings] == [
        (None, "eata / approach: However, this ability is hindered by …")
    ]
    cells["eata"][0] = "Active sample selection of reliable samples"
    clean = make_answer(
        [("EATA proposes sample selection.", ["eata"])], task="compare", table=table(cells)
    )
    assert found(clean, "dangling_connective") == []


# --- first_person --------------------------------------------------------------------------


def test_first_person_leftovers_are_flagged() -> None:
    answer = make_answer(
        [
            ("In this work, the authors of Mamba design a parallel algorithm.", ["mamba"]),
            ("Mamba helps big data applications like ours.", ["mamba"]),
            ("S4 shows we can model long sequences.", ["s4"]),
        ]
    )
    assert [finding.sentence for finding in found(answer, "first_person")] == [0, 1, 2]


def test_quotes_roman_numerals_and_us_are_not_first_person() -> None:
    answer = make_answer(
        [
            ('S4 is described as "what we call a structured state space".', ["s4"]),
            ("S4 reaches (i) 91% accuracy and handles Type I errors on US data.", ["s4"]),
            ("S4 proves that the type I and type II errors decrease.", ["s4"]),
            ("The authors of Mamba design a parallel algorithm.", ["mamba"]),
        ]
    )
    assert found(answer, "first_person") == []


# --- doubled_subject -----------------------------------------------------------------------


def test_name_said_twice_is_a_doubled_subject() -> None:
    answer = make_answer(
        [
            ("The S4 paper proposes the Structured State Space sequence model (S4).", ["s4"]),
            (
                "Mamba works well and the authors show that the authors can scale it.",
                ["mamba"],
            ),
        ]
    )
    assert [finding.sentence for finding in found(answer, "doubled_subject")] == [0, 1]


def test_a_pronoun_before_a_clause_with_its_own_subject_is_doubled() -> None:
    answer = make_answer(
        [
            ("It the method closes the performance gap by 96.4%.", ["mamba"]),
            ("It achieves 91% accuracy on sequential CIFAR-10.", ["s4"]),
            ("It these days is common.", ["s4"]),
        ]
    )
    assert [finding.sentence for finding in found(answer, "doubled_subject")] == [0, 2]


def test_name_once_or_another_paper_named_is_not_doubled() -> None:
    answer = make_answer(
        [
            ("S4 proposes a new parameterization for the SSM.", ["s4"]),
            ("Mamba outperforms sequence models such as S4 and Transformers.", ["mamba"]),
            ("The authors of Mamba design a hardware-aware parallel algorithm.", ["mamba"]),
            # the name is the subject of what is shown, twice, as the abstract says it
            (
                "Experiments show that Mamba outperforms S4 and that Mamba scales linearly.",
                ["mamba"],
            ),
        ]
    )
    assert found(answer, "doubled_subject") == []


# --- question_echo -------------------------------------------------------------------------


def test_question_pasted_into_a_framing_sentence_is_an_echo() -> None:
    question = "how do entropy-based test-time adaptation methods differ"
    answer = make_answer(
        [
            (
                "Two papers in the collection bear on entropy-based test-time adaptation methods.",
                [],
            ),
            ("EATA proposes an active sample selection criterion.", ["eata"]),
        ],
        task="ask",
        question=question,
    )
    assert [finding.sentence for finding in found(answer, "question_echo")] == [0]


def test_wording_from_the_cited_abstract_is_not_an_echo() -> None:
    # The question shares four content words in a row with EATA's abstract: the paper speaks.
    question = "which paper tackles potential distribution shifts between training and test data"
    answer = make_answer(
        [
            (
                "Test-time adaptation seeks to tackle potential distribution shifts between "
                "training and test data.",
                ["eata"],
            ),
            ("Two papers bear on entropy-based methods.", []),
        ],
        task="ask",
        question=question,
    )
    assert found(answer, "question_echo") == []


def test_words_either_side_of_a_label_are_no_run_of_the_question() -> None:
    """ "Diffusion World Model (DWM) is a conditional diffusion model ..." was an echo of "replaces
    a one-step dynamics model with a conditional diffusion model": with "DWM" taken out, "model
    conditional diffusion model" ran across it, a run its abstract does not write (m003)."""
    question = "which paper builds a long sequence model based on a new parameterization"
    answer = make_answer(
        [
            (
                "The Structured State Space sequence model (S4) based on a new parameterization.",
                ["s4"],
            )
        ],
        task="ask",
        question=question,
    )
    assert found(answer, "question_echo") == []


# --- bad_label -----------------------------------------------------------------------------


def test_truncated_title_and_generic_word_labels_are_bad(monkeypatch: pytest.MonkeyPatch) -> None:
    """The renderer no longer makes such labels (names come from one detector that knows field
    acronyms, titles are never cut with an ellipsis); the rule still catches them if one does."""
    from assistant import render

    answer = make_answer(
        [
            ("The authors of MLLMs propose a distillation method.", ["mllm-kd"]),
            ("An active sample selection criterion identifies reliable samples.", ["eata"]),
        ]
    )
    assert {finding.text for finding in found(answer, "bad_label")} == set()
    monkeypatch.setattr(
        render,
        "citation_labels",
        lambda _answer: {"mllm-kd": "MLLMs", "eata": "Efficient Test-Time Model Adaptation…"},
    )
    labels = {finding.text: finding.sentence for finding in found(answer, "bad_label")}
    assert labels == {"MLLMs": 0, "Efficient Test-Time Model Adaptation…": 1}
    # a title cut after a function word ("Algorithms for Caching ..." -> "Algorithms for")
    monkeypatch.setattr(
        render,
        "citation_labels",
        lambda _answer: {"mllm-kd": "Knowledge Distillation", "eata": "Algorithms for"},
    )
    assert [finding.text for finding in found(answer, "bad_label")] == ["Algorithms for"]
    # a title cut inside its appositive ("MeLM, a generative pretrained language modeling ...")
    monkeypatch.setattr(
        render,
        "citation_labels",
        lambda _answer: {"mllm-kd": "MeLM, a generative pretrained", "eata": "EATA"},
    )
    assert [finding.text for finding in found(answer, "bad_label")] == [
        "MeLM, a generative pretrained"
    ]


def test_label_with_latex_residue_is_cleaned_upstream_and_caught_if_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant import render

    laws = Paper(
        id="laws",
        title=r"Inference Scaling \scriptsize{F}Laws: The Limits of LLM Resampling",
        abstract="Resampling cannot decrease this probability.",
        citation_key="laws",
    )
    PAPERS["laws"] = laws
    try:
        answer = make_answer([("Resampling cannot decrease the false positive rate.", ["laws"])])
        assert render.citation_labels(answer)["laws"] == "Inference Scaling FLaws"
        assert not found(answer, "bad_label")
        monkeypatch.setattr(
            render, "citation_labels", lambda _answer: {"laws": "Inference Scaling scriptsizeFLaws"}
        )
        labels = [finding.text for finding in found(answer, "bad_label")]
    finally:
        del PAPERS["laws"]
    assert len(labels) == 1 and "scriptsize" in labels[0]


def test_method_names_are_good_labels() -> None:
    answer = make_answer([(CLEAN_MAMBA, ["mamba"]), ("S4 achieves 91% accuracy.", ["s4"])])
    assert found(answer, "bad_label") == []


# --- latex_truncated_label -----------------------------------------------------------------


def test_truncated_label_in_latex_prose_is_flagged() -> None:
    answer = make_answer(
        [("Efficient Test-Time Model Adaptation… proposes sample selection.", ["eata"])]
    )
    latex = to_latex(answer)[0]
    assert r"Adaptation\ldots{}" in latex
    findings = [f for f in lint_answer(answer, latex=latex) if f.rule == "latex_truncated_label"]
    assert len(findings) == 1 and findings[0].sentence is None
    assert "Adaptation" in findings[0].text


def test_ellipsis_in_a_list_and_named_papers_are_clean_latex() -> None:
    answer = make_answer(
        [("S4 maps inputs $x_1, \\ldots, x_n$ to outputs.", ["s4"]), (CLEAN_MAMBA, ["mamba"])]
    )
    latex = r"S4 maps inputs $x_1, \ldots, x_n$ to outputs~\cite{gu2021s4}. " + CLEAN_MAMBA
    assert "latex_truncated_label" not in rules(answer, latex=latex)
    # rendered here when the caller has no LaTeX: still nothing truncated
    assert "latex_truncated_label" not in rules(answer)


# --- heading_not_topic ---------------------------------------------------------------------


def test_generic_cut_and_unsourced_headings_are_not_topics() -> None:
    sentences = [(CLEAN_MAMBA, ["mamba"]), ("S4 achieves 91% accuracy.", ["s4"])]
    for heading in ("Other work", "Models for", "Cross-entropy loss", "Quantum chemistry"):
        answer = make_answer(sentences, paragraphs=[[0, 1]], headings=[heading])
        assert [finding.text for finding in found(answer, "heading_not_topic")] == [heading]


def test_heading_in_the_cited_abstracts_is_a_topic() -> None:
    answer = make_answer(
        [(CLEAN_MAMBA, ["mamba"]), ("S4 proposes a new parameterization.", ["s4"])],
        paragraphs=[[0], [1]],
        headings=["Long-range dependencies", ""],
    )
    assert found(answer, "heading_not_topic") == []
    # the structural headings of ask/compare are not topics and are not checked
    compare = make_answer(
        [(CLEAN_MAMBA, ["mamba"])], task="compare", paragraphs=[[0]], headings=["How each differs"]
    )
    assert found(compare, "heading_not_topic") == []


# --- table cells ---------------------------------------------------------------------------


def table(cells: dict[str, list[str]]) -> ComparisonTable:
    aspects = ["approach", "setting", "reported result"]
    return ComparisonTable(
        aspects=aspects,
        rows={
            paper_id: [TableCell(text=text, paper_id=paper_id) for text in texts]
            for paper_id, texts in cells.items()
        },
    )


def test_dash_where_the_abstract_states_the_fact_is_flagged() -> None:
    answer = make_answer(
        [("EATA proposes sample selection.", ["eata"])],
        task="compare",
        table=table({"eata": ["Active sample selection", "—", "—"]}),
    )
    texts = [finding.text for finding in found(answer, "empty_cell_with_fact")]
    assert texts == [
        "eata / setting: abstract names 'CIFAR-10-C'",
        "eata / reported result: abstract gives '2.5%'",
    ]


def test_dash_for_a_result_another_cell_of_the_row_states_is_fine() -> None:
    """A question's column holding the result sentence leaves the result column "—" (a row
    says a sentence once): the figure is in the row."""
    answer = make_answer(
        [("EATA proposes sample selection.", ["eata"])],
        task="compare",
        table=table({"eata": ["Active sample selection", "Gains 2.5% on CIFAR-10-C", "—"]}),
    )
    assert found(answer, "empty_cell_with_fact") == []


def test_dash_for_a_result_beside_a_figure_the_paper_sets_out_from_is_fine() -> None:
    """r016: ELLE's "—" was flagged for "even down to 0%", the accuracy catastrophic
    overfitting drops to, said before the paper proposes anything: what it sets out from,
    which the table does not report as its result either."""
    answer = make_answer(
        [("ELLE is a regularization term.", ["elle"])],
        task="compare",
        table=table({"elle": ["A regularization term", "—", "—"]}),
    )
    assert found(answer, "empty_cell_with_fact") == []


def test_dash_where_the_abstract_has_no_figure_or_dataset_is_fine() -> None:
    answer = make_answer(
        [("The authors of MLLMs propose distillation.", ["mllm-kd"])],
        task="compare",
        table=table({"mllm-kd": ["Multi-aspect distillation", "—", "—"]}),
    )
    assert found(answer, "empty_cell_with_fact") == []


def test_cut_or_first_person_cells_are_truncated() -> None:
    answer = make_answer(
        [("EATA proposes sample selection.", ["eata"])],
        task="compare",
        table=table(
            {
                "eata": [
                    "We propose an active sample selection criterion",
                    "Extensive experiments on CIFAR-10-C, ImageNet-C, and …",
                    "Reduces the error by 2.5% on ImageNet-C",
                ],
                "elm": ["A leaky memory neuron", "LRA", "Over 70% accuracy (16k context length"],
            }
        ),
    )
    assert len(found(answer, "truncated_cell")) == 3


def test_short_phrase_cells_are_not_truncated() -> None:
    answer = make_answer(
        [("EATA proposes sample selection.", ["eata"])],
        task="compare",
        table=table(
            {"eata": ["Active sample selection", "ImageNet-C (corrupted)", "2.5% lower error"]}
        ),
    )
    assert found(answer, "truncated_cell") == []
    assert found(answer, "first_person") == []


# --- the whole answer ----------------------------------------------------------------------


def test_abstained_answer_has_no_findings() -> None:
    answer = make_answer(
        [("Second, we propose the S4 paper's S4.", ["s4"])], task="ask", abstained=True
    )
    assert lint_answer(answer) == []


def test_clean_answer_rendered_both_ways_has_no_findings() -> None:
    answer = make_answer(
        [
            ("S4 proposes a new parameterization for the SSM.", ["s4"]),
            ("It achieves 91% accuracy on sequential CIFAR-10.", ["s4"]),
            (CLEAN_MAMBA, ["mamba"]),
        ],
        paragraphs=[[0, 1, 2]],
        headings=["Long-range dependencies"],
    )
    assert lint_answer(answer, markdown=to_markdown(answer), latex=to_latex(answer)[0]) == []


def test_summarise_counts_every_rule() -> None:
    findings = [
        LintFinding("first_person", 0, "we"),
        LintFinding("first_person", 2, "our"),
        LintFinding("bad_label", 1, "MLLMs"),
    ]
    counts = summarise(findings)
    assert list(counts) == list(RULES)
    assert counts["first_person"] == 2 and counts["bad_label"] == 1
    assert sum(counts.values()) == 3
