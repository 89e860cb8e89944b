"""The verifier on hand-made drafts and evidence: it never trusts the writer."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import numpy as np
import pytest

from assistant import bm25
from assistant.answer.answerability import check_answerable, missing_names
from assistant.answer.verify import named_terms, numbers_in, verify
from assistant.corpus import citation_key
from assistant.embedding import Embedder
from assistant.models import Draft, DraftSentence, Evidence, Paper
from assistant.retrieve import Retrieval
from assistant.settings import Settings
from assistant.store import ChunkHit

QUAMBA = "quamba2-robust-scalable-7827"
DEYO = "entropy-not-enough-dfa7"
QUAMBA_ABSTRACT = (
    "State Space Models (SSMs) are emerging as a compelling alternative to Transformers. "
    "We present Quamba2, compatible with W8A8, W4A8, and W4A16 for both Mamba1 and Mamba2 backbones. "
    "The experiments show that Quamba2-8B delivers 1.3times and 3times speed-ups in the pre-filling "
    "and generation stages, while offering 4times memory reduction with only a 1.6% average accuracy drop."
)
DEYO_ABSTRACT = (
    "Test-time adaptation (TTA) fine-tunes pre-trained deep neural networks for unseen test data. "
    "We introduce a novel TTA method named Destroy Your Object (DeYO), which leverages a newly proposed "
    "confidence metric named Pseudo-Label Probability Difference (PLPD). "
    "DeYO consists of sample selection and sample weighting, which employ entropy and PLPD concurrently."
)


def paper(paper_id: str, title: str, abstract: str) -> Paper:
    return Paper(id=paper_id, title=title, abstract=abstract, citation_key=citation_key(title))


@pytest.fixture
def evidence() -> list[Evidence]:
    return [
        Evidence(
            paper(
                QUAMBA,
                "Quamba2: A Robust and Scalable Post-training Quantization Framework",
                QUAMBA_ABSTRACT,
            ),
            1.0,
            1,
        ),
        Evidence(
            paper(DEYO, "Entropy is not Enough for Test-Time Adaptation", DEYO_ABSTRACT), 0.8, 2
        ),
    ]


@pytest.fixture
def settings(tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    return Settings(home=tmp_path)


def check(sentences: list[DraftSentence], evidence: list[Evidence], settings: Settings, **kwargs):  # type: ignore[no-untyped-def]
    return verify(Draft(sentences, "test"), evidence, settings, **kwargs)


def test_a_supported_sentence_is_kept_with_its_citation(evidence, settings) -> None:
    result = check(
        [DraftSentence("Quamba2 is compatible with W8A8, W4A8, and W4A16.", [QUAMBA])],
        evidence,
        settings,
    )
    assert [(s.citations, s.supported) for s in result.sentences] == [([QUAMBA], True)]
    assert result.removed_citations == [] and result.dropped == 0


def test_an_invented_id_is_removed_and_the_real_one_kept(evidence, settings) -> None:
    sentence = DraftSentence(
        "Quamba2 is compatible with W8A8 and W4A16.", [QUAMBA, "made-up-paper-0000"]
    )
    result = check([sentence], evidence, settings)
    assert result.removed_citations == ["made-up-paper-0000"]
    assert result.sentences[0].citations == [QUAMBA]


def test_a_sentence_citing_only_an_invented_id_is_re_cited_to_the_paper_that_supports_it(
    evidence, settings
) -> None:
    sentence = DraftSentence(
        "DeYO consists of sample selection and sample weighting.", ["made-up-paper-0000"]
    )
    result = check([sentence], evidence, settings)
    assert result.removed_citations == ["made-up-paper-0000"]
    assert result.sentences[0].citations == [DEYO]
    assert result.sentences[0].note.startswith("re-cited")


def test_a_claim_cited_to_the_wrong_paper_is_re_cited(evidence, settings) -> None:
    sentence = DraftSentence(
        "DeYO leverages a confidence metric named Pseudo-Label Probability Difference (PLPD).",
        [QUAMBA],
    )
    result = check([sentence], evidence, settings)
    assert result.sentences[0].citations == [DEYO]
    assert result.sentences[0].supported


@pytest.mark.parametrize("mode", ["drop", "mark"])
def test_a_claim_no_evidence_supports_is_dropped_or_marked(evidence, settings, mode: str) -> None:
    sentence = DraftSentence(
        "Quamba2 was trained on a billion cooking recipes from medieval monasteries.", [QUAMBA]
    )
    result = check([sentence], evidence, settings.model_copy(update={"unsupported": mode}))
    if mode == "drop":
        assert result.sentences == [] and result.dropped == 1
    else:
        assert len(result.sentences) == 1 and not result.sentences[0].supported
        assert result.sentences[0].note.startswith("unsupported")


def test_a_number_not_in_the_abstract_is_rejected(evidence, settings) -> None:
    # The abstract says a 1.6% drop and 3x generation speed-up; the draft changes both figures.
    changed = DraftSentence(
        "Quamba2 offers 4× memory reduction with only a 2.6% average accuracy drop.", [QUAMBA]
    )
    decimal = DraftSentence(
        "Quamba2-8B delivers 1.9× speed-ups in the generation stages.", [QUAMBA]
    )
    kept = DraftSentence(
        "Quamba2 offers 4× memory reduction with only a 1.6% average accuracy drop.", [QUAMBA]
    )
    result = check([changed, decimal, kept], evidence, settings)
    assert [s.text for s in result.sentences] == [kept.text]
    assert result.dropped == 2 and result.kept == [2]


def test_a_named_method_not_in_the_abstract_is_rejected(evidence, settings) -> None:
    sentence = DraftSentence(
        "Quamba2 is compatible with GPTQ for both Mamba1 and Mamba2 backbones.", [QUAMBA]
    )
    assert check([sentence], evidence, settings).sentences == []


def test_in_a_multi_citation_sentence_a_paper_that_does_not_support_it_loses_its_citation(
    evidence, settings
) -> None:
    sentence = DraftSentence(
        "Quamba2 is compatible with W8A8, W4A8, and W4A16 for Mamba1 and Mamba2 backbones.",
        [QUAMBA, DEYO],
    )
    result = check([sentence], evidence, settings)
    assert result.sentences[0].citations == [QUAMBA]


def test_a_connective_sentence_stays_without_citation_but_an_uncited_claim_does_not(
    evidence, settings
) -> None:
    connective = DraftSentence("Two papers in the collection bear on this question.")
    claim = DraftSentence("Quamba2 delivers a 7× speed-up on every GPU ever built.")
    result = check([connective, claim], evidence, settings, question="which papers quantize models")
    assert [(s.text, s.citations) for s in result.sentences] == [(connective.text, [])]
    assert result.dropped == 1


class WordEmbedder(Embedder):
    """Deterministic bag-of-stems vectors: paraphrases sharing most stems are close."""

    name = "test:words"
    dimension = 256
    max_tokens = 512

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        rows = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in bm25.tokenize(text):
                rows[row, int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dimension] += 1.0
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.maximum(norms, 1e-12)


def test_a_paraphrase_is_settled_by_one_batched_embedding_and_exact_copies_need_none(
    evidence, settings
) -> None:
    embedder = WordEmbedder()
    copy = DraftSentence("DeYO consists of sample selection and sample weighting.", [DEYO])
    paraphrase = DraftSentence(
        "For sample selection and sample weighting, DeYO employs entropy and PLPD together, concurrently.",
        [DEYO],
    )
    result = check([copy, paraphrase], evidence, settings, embedder=embedder)
    assert all(sentence.supported for sentence in result.sentences)
    assert embedder.calls <= 1


# --- numbers and names -------------------------------------------------------------------------


def test_numbers_keep_their_decimals_and_drop_thousands_separators() -> None:
    assert numbers_in("speed-ups of 1.9x and 3.06x, 49.4% and 1,000 tokens") == {
        "1.9",
        "3.06",
        "49.4",
        "1000",
    }
    assert numbers_in("W4A8 and Mamba-3B") == {"3"}


def test_named_terms_are_acronyms_camel_case_and_capitalised_words_inside_a_sentence() -> None:
    names = named_terms("The method uses LLaMA, PLPD and a Fisher regularizer on W4A8.")
    assert {"LLaMA", "PLPD", "Fisher", "W4A8"} <= names
    assert "The" not in names


# --- abstention --------------------------------------------------------------------------------

FREQUENCIES = {
    "mamba": 6,
    "transform": 40,
    "llm": 60,
    "text": 50,
    "written": 5,
    "icu": 0,
    "chess": 0,
    "retnet": 0,
    "pac": 0,
    "vqa": 0,
    "hpo": 0,
    "mixup": 0,
    "optimis": 0,
}


def frequency(token: str) -> int:
    return FREQUENCIES.get(token, 3)


def test_a_name_the_collection_never_mentions_is_missing() -> None:
    assert missing_names(
        "Which paper introduces RetNet as a successor to Transformers?", frequency, []
    ) == ["RetNet"]


def _written_once(token: str) -> int:
    """A document frequency under which every word is written by one paper."""
    return 1


def test_a_name_written_only_inside_another_name_is_missing() -> None:
    """ "How does Chronos turn time series into tokens ...?" was answered from Time-LLM: the
    collection's one writing of the stem is "Chrono-LSTM", another name (n023). A name written
    alone, in the plural, before a word it modifies or the question's own compound, is there."""
    writers = {"chrono": ["... outperforming the Transformer or Chrono-LSTM architectures ..."]}

    def stem_writers(name: str) -> list[str]:
        return writers.get(name.lower().removesuffix("s"), [])

    question = "How does Chronos turn real-valued time series into tokens for forecasting?"
    assert missing_names(question, _written_once, [], stem_writers) == ["Chronos"]
    assert (
        missing_names(question, _written_once, []) == []
    )  # without the writers' texts, not judged
    for written in ("Chronos is a model.", "Chrono models", "a Chronos-based forecaster"):
        writers["chrono"] = [written]
        assert missing_names(question, _written_once, [], stem_writers) == [], written
    writers["chrono"] = ["... the Chrono-LSTM architecture ..."]
    # "Leave" opening a request's second sentence is no name
    assert (
        missing_names("Which forecasters? Leave out Chrono-LSTM.", _written_once, [], stem_writers)
        == []
    )


def test_a_plain_word_opening_a_sentence_of_the_request_is_no_name() -> None:
    """r001, r007: "... a single gradient computation. Threads I need: editing a big model ..."
    was refused, "the collection never mentions 'Threads'": a word capitalised because it opens
    a sentence names nothing. One capitalised inside a sentence, or written as names are
    (inner capitals), still is."""
    from assistant.answer.answerability import _question_names

    request = (
        "I'm writing related work for a method that edits a model with one gradient step. "
        "Threads I need: editing from one example, and unlearning in one step on one layer."
    )
    assert "Threads" not in _question_names(request)
    assert _question_names("Which papers? Compare it with Hyena.") == ["Hyena"]
    assert _question_names("Which papers? RetNet does it.") == ["RetNet"]


def test_a_term_of_a_word_and_one_letter_is_a_name() -> None:
    """ "Which paper introduces min-p sampling ...?" was answered from Mirostat and locally
    typical sampling (o023): "min" is written elsewhere and "p" is no word. A lowercase word
    joined to one letter ("min-p", "top-k") is a name, written only as itself (with a hyphen, a
    space or neither, in any case); "big-O" and "Path-X" are not such terms."""
    texts = ["Unlike top-k and nucleus (Top-P) sampling, Mirostat controls perplexity."]

    def stem_writers(term: str) -> list[str]:
        return texts

    question = "Which paper introduces min-p sampling, and how does it compare with Mirostat?"
    assert missing_names(question, _written_once, [], stem_writers) == ["min-p"]
    assert missing_names("How does top-k sampling compare?", _written_once, [], stem_writers) == []
    assert missing_names("Is top-p better than nucleus?", _written_once, [], stem_writers) == []
    assert (
        missing_names(
            "Which papers cut the asymptotic (big-O) cost?", _written_once, [], stem_writers
        )
        == []
    )
    texts.append("We study min p sampling at high temperatures.")
    assert missing_names(question, _written_once, [], stem_writers) == []


def test_a_hyphenated_term_in_quotes_is_a_name() -> None:
    """ "Which paper keeps only the 'heavy-hitter' tokens in the KV cache ...?" was answered from
    a paper that shares KV states between models (k023, review78). A hyphenated term the question
    quotes is a name, written only as itself; a quoted phrase of several words is the user's
    paraphrase ("the two 'train once, prune once' papers") and no name."""
    texts = ["We share KV states and use one-shot pruning, training-free."]

    def stem_writers(term: str) -> list[str]:
        return texts

    question = "Which paper keeps only the 'heavy-hitter' tokens in the KV cache?"
    assert missing_names(question, _written_once, texts, stem_writers) == ["heavy-hitter"]
    assert (
        missing_names("Which 'one-shot' pruning papers?", _written_once, texts, stem_writers) == []
    )
    assert (
        missing_names(
            "Any 'training free' or 'training-free' ones?", _written_once, texts, stem_writers
        )
        == []
    )
    assert (
        missing_names("the 'train once, prune once' papers", _written_once, texts, stem_writers)
        == []
    )
    texts.append("It keeps the heavy hitter tokens.")
    assert missing_names(question, _written_once, texts, stem_writers) == []


def test_a_name_of_several_capitalised_words_is_one_name() -> None:
    """ "How does Mixture-of-Depths decide which tokens skip ...?" was answered from papers on
    mixtures of experts, and "the Segment Anything Model" from papers that say "segment" and
    "model": each word is in the collection, the name is not. Written as a run of words (in any
    case, hyphens or not), the name is there."""
    texts = ["A sparse mixture of experts routes tokens.", "Deeper models segment scenes."]
    assert missing_names(
        "How does Mixture-of-Depths decide which tokens skip blocks?", frequency, texts
    ) == ["Mixture-of-Depths"]
    assert missing_names(
        "How well does the Segment Anything Model transfer to X-rays?", frequency, texts
    ) == ["Segment Anything Model"]
    texts.append("We adapt the segment anything model to medical images.")
    assert (
        missing_names("How well does the Segment Anything Model transfer?", frequency, texts) == []
    )
    # a question's first words are capitalised as a sentence's are
    assert missing_names("Mixture models for clustering?", frequency, texts) == []


def _counting(unwritten: dict[str, int]) -> Callable[[str], int]:
    """A document frequency: the tokens of ``unwritten`` as given, every other one written."""
    return lambda token: unwritten.get(token, 3)


def test_a_restated_subject_the_collection_never_names_is_missing() -> None:
    """ "... predicting where people look in an image, i.e. visual saliency or gaze prediction
    ...?" was answered by the paper on attention entropy (l024): each way the question names its
    subject has a word no paper writes. A restatement one of whose alternatives is written
    names something the collection may hold."""
    unwritten = {"salienc": 0, "gaze": 0}
    counted = _counting(unwritten)
    question = (
        "Is there any work on predicting where people look in an image, i.e. visual saliency or "
        "gaze prediction trained on eye-tracking data?"
    )
    assert missing_names(question, counted, []) == ["saliency", "gaze"]
    written = question.replace("gaze prediction", "fixation prediction")
    assert missing_names(written, counted, []) == []
    # a description names nothing: "spoke" is not what the collection lacks (k024)
    unwritten["spoke"] = 0
    described = "Anything on diarization, i.e. splitting a meeting recording into who spoke when?"
    assert missing_names(described, counted, []) == []


def test_an_instrument_the_collection_never_names_is_missing() -> None:
    """ "Is there anything here that uses copulas to capture the dependence between variables in
    probabilistic multivariate forecasts?" was answered from Timer-XL (u007): what the question
    says is used is a word no paper writes; the papers writing what it is used for share the
    purpose, not the method. A written instrument, or a participle after it ("a deep net meant
    to"), is no name the collection lacks."""
    counted = _counting({"copula": 0, "meant": 0})
    question = (
        "Is there anything here that uses copulas to capture the dependence between variables "
        "in probabilistic multivariate forecasts?"
    )
    assert missing_names(question, counted, []) == ["copulas"]
    assert missing_names(question.replace("copulas", "attention"), counted, []) == []
    assert missing_names("Which paper uses a deep net meant to denoise?", counted, []) == []


def test_ordinary_hyphenated_modifiers_are_not_names() -> None:
    assert (
        missing_names("Which papers detect LLM-written text with PAC-style bounds?", frequency, [])
        == []
    )


def test_a_styled_name_is_missing_with_what_it_modifies_when_neither_is_written() -> None:
    """ "(ToMe-style token merging)": the collection writes neither ToMe nor token merging, and a
    paper on self-attention's pairwise token similarities was given as the answer."""
    unknown = {"tome": 0}

    def styled_frequency(token: str) -> int:
        return unknown.get(token, 3)

    question = "Is there work on merging tokens in ViTs (ToMe-style token merging)?"
    texts = ["Attention makes input tokens interact through pairwise similarities."]
    assert missing_names(question, styled_frequency, texts) == ["ToMe-style token merging"]
    # the collection that writes what the name modifies answers it, without the name
    texts.append("Token merging combines similar tokens between layers.")
    assert missing_names(question, styled_frequency, texts) == []
    # one word modified is no term to look for ("PAC-style bounds")
    assert (
        missing_names("Any Foo-style bounds?", lambda token: 0 if token == "foo" else 3, []) == []
    )


def test_an_acronym_spelled_out_in_the_evidence_is_not_missing() -> None:
    texts = ["A model for intensive care unit outcome prediction on MIMIC-IV."]
    assert missing_names("Which model predicts ICU outcomes?", frequency, texts) == []
    assert missing_names("Which model predicts ICU outcomes?", frequency, ["Unrelated text."]) == [
        "ICU"
    ]


def test_an_example_the_question_lists_is_not_what_it_asks_about() -> None:
    listed = (
        "Which papers recast prediction as generating tokens (ordinal grades, sets, VQA answers)?"
    )
    assert missing_names(listed, frequency, []) == []
    after = "Which papers decode labels as sequences, e.g. RetNet or set prediction?"
    assert missing_names(after, frequency, []) == []
    # an aside naming one thing is what the question asks about
    assert missing_names(
        "Which paper introduces the retentive network (RetNet)?", frequency, []
    ) == ["RetNet"]


def test_a_term_the_question_explains_in_brackets_is_a_name() -> None:
    """ "Does mixup (training on convex blends of image pairs) help calibration?" was answered
    by "Data Mixing Laws": the term is the method asked about, and no paper writes it."""
    question = "Does mixup (training on convex blends of image pairs) help calibration?"
    assert missing_names(question, frequency, []) == ["mixup"]
    # a word the collection spells the other way is no such term
    other = "Which papers optimise (without gradients) a black-box objective?"
    assert missing_names(other, frequency, []) == []
    # a word the collection writes is asked about, not missing
    assert missing_names("Does text (written by people) help?", frequency, []) == []


def test_an_acronym_of_a_closed_compound_is_spelled_out_by_its_parts() -> None:
    """ "HPO" is "hyperparameter optimization": "hyper" and "parameter" give a letter each."""
    question = "How do HPO methods avoid training every candidate?"
    texts = ["Model-based asynchronous hyperparameter optimization and architecture search."]
    assert missing_names(question, frequency, texts) == []
    assert missing_names(question, frequency, ["Hyperbolic optimization of parameters."]) == ["HPO"]


def test_an_acronym_inside_a_name_the_evidence_writes_is_not_missing() -> None:
    question = "Which papers answer VQA questions about text in images?"
    texts = ["Pointer-augmented multimodal transformers for TextVQA."]
    assert missing_names(question, frequency, texts) == []
    assert missing_names(question, frequency, ["Reading text in images."]) == ["VQA"]
    # a capitalised word that merely starts with the letters is no such name
    assert missing_names(question, frequency, ["VQAS are a thing."]) == ["VQA"]


def retrieval(similarity: float, evidence: list[Evidence], question: str) -> Retrieval:
    hits = [ChunkHit(item.paper.id, "paper", -1, similarity) for item in evidence]
    hits += [ChunkHit(item.paper.id, "sentence", 0, similarity) for item in evidence]
    return Retrieval(
        query=question, expanded_query=question, mode="hybrid", hits=[], chunk_hits=hits
    )


@pytest.mark.parametrize(("similarity", "answerable"), [(0.30, False), (0.60, True)])
def test_abstention_follows_the_calibrated_threshold(
    evidence, settings, similarity: float, answerable: bool
) -> None:
    question = "how is quantization of state space models done"
    verdict = check_answerable(
        question,
        retrieval(similarity, evidence, question),
        evidence,
        settings,
        document_frequency=frequency,
        collection_size=484,
    )
    assert verdict.answerable is answerable
    assert settings.evidence.abstain_threshold == pytest.approx(0.485)


@pytest.mark.parametrize(
    ("request_text", "answerable"),
    [
        ("post-training quantization", True),  # the title names it
        ("sample weighting", True),  # one abstract sentence names it
        ("entropy weighting", True),  # both words in one sentence, in another order
        ("quantization entropy", False),  # the two words only in different papers
        ("protein folding", False),  # never named
        # a question is held to the dense threshold however many of its words are named ...
        ("which paper does post-training quantization of state space models", False),
        # ... unless it asks about a name the evidence writes (Quamba2's "Mamba2") ...
        ("which paper does post-training quantization of state space models for Mamba2", True),
        # ... and nothing the collection never writes ("chess")
        ("which paper does post-training quantization of Mamba2 for chess engines", False),
    ],
)
def test_a_short_topic_the_evidence_names_is_answered_below_the_dense_threshold(
    evidence, settings, request_text: str, answerable: bool
) -> None:
    # A two- or three-word request sits further from any abstract than a question does.
    verdict = check_answerable(
        request_text,
        retrieval(0.40, evidence, request_text),
        evidence,
        settings,
        document_frequency=frequency,
        collection_size=484,
    )
    assert verdict.answerable is answerable


def test_a_question_listing_what_it_asks_about_counts_its_closest_piece(evidence, settings) -> None:
    question = "Which papers cut memory, e.g. post-training quantization or sample weighting?"
    supports = {"post-training quantization": 0.7}

    def verdict(question: str, pieces: dict[str, float]):  # type: ignore[no-untyped-def]
        return check_answerable(
            question,
            retrieval(0.40, evidence, question),
            evidence,
            settings,
            document_frequency=frequency,
            collection_size=484,
            piece_support=lambda piece: pieces.get(piece, 0.1),
        )

    assert verdict(question, supports).answerable
    assert not verdict(question, {}).answerable  # no piece close either
    # one piece only: the question as a whole is what is judged
    single = "Which papers cut the memory of state space models by quantizing them?"
    assert not verdict(single, {single.rstrip("?"): 0.9}).answerable


def test_a_missing_name_abstains_even_when_the_evidence_is_close(evidence, settings) -> None:
    question = "How does RetNet compare with Mamba?"
    verdict = check_answerable(
        question,
        retrieval(0.9, evidence, question),
        evidence,
        settings,
        document_frequency=frequency,
        collection_size=484,
    )
    assert not verdict.answerable and verdict.missing_terms == ("RetNet",)
    assert "RetNet" in verdict.reason


def _many_papers(count: int) -> list[Evidence]:
    return [
        Evidence(
            paper(
                f"paper-{number:02d}",
                f"Study {number} of sparse attention",
                f"We study sparse attention variant {number} and report its accuracy.",
            ),
            1.0,
            number,
        )
        for number in range(1, count + 1)
    ]


def test_a_declared_connective_may_count_thirteen_papers() -> None:
    """Regression: the verifier once accepted only the numbers 0-12 in a connective sentence
    (the writer's number words stopped at twelve), so with 13 evidence papers the opening
    "13 papers ..." was dropped as unsupported."""
    evidence = _many_papers(13)
    draft = Draft(
        [
            DraftSentence("13 papers in the collection bear on this.", kind="connective"),
            DraftSentence(
                "Study 1 of sparse attention studies sparse attention variant 1.", ["paper-01"]
            ),
        ],
        engine="extractive",
    )
    checked = verify(draft, evidence, Settings())
    assert checked.sentences[0].text.startswith("13 papers")
    assert checked.sentences[0].supported and checked.sentences[0].citations == []
    assert checked.dropped == 0


def test_a_declared_connective_cannot_carry_a_figure_or_an_unknown_name() -> None:
    evidence = _many_papers(3)
    for text in (
        "3 papers bear on this, with a 40% gain.",  # a figure that is not the paper count
        "3 papers bear on this, all building on RetNet.",  # a name no evidence paper uses
    ):
        draft = Draft([DraftSentence(text, kind="connective")], engine="extractive")
        checked = verify(draft, evidence, Settings())
        assert checked.dropped == 1, text


def test_the_verify_settings_group_is_what_the_verifier_reads(evidence, tmp_path) -> None:
    """settings.verify is no description of constants elsewhere: raising the share of a sentence's
    words its cited abstract must hold changes the verdict."""
    sentence = DraftSentence(
        "Quamba2 is compatible with W8A8, W4A8 and W4A16 for Mamba1 and Mamba2 backbones in practice.",
        [QUAMBA],
    )
    default = check([sentence], evidence, Settings(home=tmp_path, unsupported="mark"))
    strict = check(
        [sentence],
        evidence,
        Settings(
            home=tmp_path,
            unsupported="mark",
            verify={"lexical_support": 1.0, "lexical_floor": 0.99},
        ),
    )
    assert default.sentences[0].supported
    assert not strict.sentences[0].supported


def test_a_bracket_that_goes_on_about_a_word_does_not_define_it() -> None:
    """ "emulating analog studio processors (with their knob settings)": the bracket adds to the
    request, it does not name a method; the collection that never writes "processors" still
    answers it (the parameterized neural audio effects paper), where "mixup (training on convex
    blends ...)" names a method the collection never writes."""
    never = {"processor": 0, "mixup": 0}

    def counted(token: str) -> int:
        return never.get(token, 3)

    question = "Any work emulating analog studio processors (with their knob settings)?"
    assert missing_names(question, counted, []) == []
    assert missing_names("Does mixup (training on convex blends) help?", counted, []) == ["mixup"]


def test_a_name_the_writer_cleans_of_latex_is_the_abstracts_name(settings) -> None:
    """PFGM++'s "embedding paths in N{+}D dimensional space" is "N+D" as the writer shows it; the
    faithful sentence was refused ("N+D not in any evidence abstract"). A name found only in
    neither form is still refused."""
    pfgm = Evidence(
        paper(
            "pfgm-0001",
            "PFGM++: Unlocking the Potential of Physics-Inspired Generative Models",
            "We introduce a new family of physics-inspired generative models termed PFGM++. These "
            "models realize generative trajectories for N dimensional data by embedding paths in "
            "N{+}D dimensional space while still controlling the progression with a simple scalar "
            "norm of the D additional variables.",
        ),
        1.0,
        1,
    )
    faithful = DraftSentence(
        "The models realize generative trajectories for N dimensional data by embedding paths in "
        "N+D dimensional space while still controlling the progression with a simple scalar norm "
        "of the D additional variables.",
        ["pfgm-0001"],
    )
    result = check([faithful], [pfgm], settings)
    assert [s.supported for s in result.sentences] == [True], result.rejected
    invented = DraftSentence(
        "The models realize generative trajectories by embedding paths in NK+D dimensional space.",
        ["pfgm-0001"],
    )
    assert not check([invented], [pfgm], settings).sentences


def test_a_name_the_question_gives_for_words_a_paper_writes_is_not_missing() -> None:
    """ "Compare Hydra and the Recurrent Drafter (ReDrafter) paper ...": the collection writes
    "Recurrent Drafter", never "ReDrafter", and the request abstained (a blind compare, c009).
    The question gives the short form for words the evidence writes; a name it gives for words
    no paper writes is still missing."""
    texts = ["Recurrent Drafter uses a single lightweight draft head with a recurrent design."]

    def df(token: str) -> int:
        return 0 if token.startswith(("redraft", "retnet")) else 3

    assert (
        missing_names("Compare Hydra and the Recurrent Drafter (ReDrafter) paper.", df, texts) == []
    )
    assert "RetNet" in missing_names(
        "Compare Hydra and the Retentive Network (RetNet) paper.", df, texts
    )


def test_a_word_before_a_bracket_of_options_is_no_term_it_explains() -> None:
    """ "... decide which incoming test samples to trust (filter, weight, or exclude) before
    updating the model" abstained: "the collection never mentions 'trust'", read as a term the
    bracket explains, like "mixup (training on convex blends of image pairs and their labels)",
    which stays missing."""
    df = {"trust": 0, "mixup": 0}.get

    def frequency_of(token: str) -> int:
        value = df(token)
        return 3 if value is None else value

    assert (
        missing_names(
            "Which papers decide which test samples to trust (filter, weight, or exclude)?",
            frequency_of,
            [],
        )
        == []
    )
    assert missing_names(
        "Does mixup (training on convex blends of image pairs and their labels) help?",
        frequency_of,
        [],
    ) == ["mixup"]


def test_a_question_naming_its_topic_before_its_examples_is_answered(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """ "Which papers build something from the eigenvalues or singular values of a matrix - a
    score, a defence, a normalisation - or analyse how those values behave?" was refused as
    about nothing the collection holds (n012): the question and each of its pieces sit far from
    every abstract in the embedding, as a short topic does. What it asks about, before its
    examples, is written by the evidence ("the singular values of the weight matrices")."""
    answer = corpus_assistant.ask(
        "Which papers build something from the eigenvalues or singular values of a matrix - a "
        "score, a defence, a normalisation - or analyse how those values behave?"
    )
    assert not answer.abstained
    cited = {paper_id for sentence in answer.sentences for paper_id in sentence.citations}
    assert {"vendi-score-diversity-9518", "eigenshield-causal-subspace-1616"} <= cited, cited


def test_a_question_the_evidence_writes_most_of_is_answered(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """An everyday paraphrase of the active-matter abstract sat at 0.46 in the embedding, below
    the 0.485 threshold, and was refused as about nothing the collection holds (n019, i018);
    the paper writes 61% of its words (by idf). A question the evidence writes most of
    (``answer_cover``) is answered."""
    answer = corpus_assistant.ask(
        "Someone used a learned score model to measure how far a system of self-propelled "
        "particles is from equilibrium. How many particles was the network trained on, and how "
        "large a system could it then handle?"
    )
    assert not answer.abstained
    text = " ".join(sentence.text for sentence in answer.sentences)
    assert "4096 particles" in text and "32768 particles" in text, text
