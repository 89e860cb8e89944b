"""A group's lead sentence: what its papers do in common, else the ground they work on, named as
the collection's titles name their subjects."""

from __future__ import annotations

import re

from assistant import bm25
from assistant.answer.evidence import evidence_for_papers
from assistant.corpus import citation_key
from assistant.models import Paper
from assistant.writers.leads import (
    AnswerTerms,
    TitleTerms,
    _plural_as_written,
    _usual_case,
    _whole_name,
    group_lead,
)
from assistant.writers.views import _view

VLM_A = Paper(
    id="a",
    title="Reward Feedback for Zero-Shot Classification",
    abstract=(
        "Pre-trained vision-language models generalise zero-shot, yet distribution shifts hurt "
        "them. We propose a reward signal to rectify the model output at test time. The reward "
        "model scores sampled captions against the image."
    ),
    citation_key=citation_key("Reward Feedback for Zero-Shot Classification"),
)
VLM_B = Paper(
    id="b",
    title="Diffusion Augmentation for Prompt Tuning",
    abstract=(
        "Prompt tuning has made pre-trained vision-language models strong on downstream tasks. "
        "We propose to generate new images with a diffusion generator to enlarge each test "
        "batch. A cosine filter keeps the generated images close to the original."
    ),
    citation_key=citation_key("Diffusion Augmentation for Prompt Tuning"),
)
OTHER_TITLES = [
    "Open-Vocabulary Segmentation with Vision-Language Models",
    "Potential Field Planning",
]


def _views(*papers: Paper):  # type: ignore[no-untyped-def]
    return [_view(item, 45) for item in evidence_for_papers(papers)]


def _lead(papers: tuple[Paper, ...], titles: list[str] | None, skip: str = ""):  # type: ignore[no-untyped-def]
    """The lead of ``papers`` under a request whose words are ``skip``."""
    return group_lead(
        _views(*papers),
        set(bm25.tokenize(skip)),
        document_frequency=None,
        collection_size=None,
        common_share=0.15,
        ubiquitous_share=0.6,
        title_terms=None if titles is None else TitleTerms(lambda: titles),
    )


def test_papers_sharing_no_method_are_led_by_the_ground_a_title_names() -> None:
    lead = _lead((VLM_A, VLM_B), [VLM_A.title, VLM_B.title, *OTHER_TITLES])
    assert lead is not None
    # hyphenated words count as words ("vision-language"), the head noun is kept, and the term
    # is the one a title names ("pre-trained vision-language models" is in no title)
    assert lead.sentence.text.endswith("both work on vision-language models")
    assert lead.sentence.citations == ["a", "b"]


def _outside(letter: str, text: str) -> Paper:
    title = f"Study {letter} of Captioning"
    return Paper(id=letter, title=title, abstract=text, citation_key=citation_key(title))


def test_a_ground_more_papers_of_the_answer_write_outside_the_group_leads_nothing() -> None:
    """ "Time series forecasting is common to PatchTST and Time-LLM" led a paragraph of an answer
    in which five other papers forecast time series: a term the answer's papers outside the group
    write as often as those in it sets the group apart from nothing (review25n #1). Below that,
    one outside paper writing it leaves the lead standing."""
    group = _views(VLM_A, VLM_B)
    titles = TitleTerms(lambda: [VLM_A.title, VLM_B.title, *OTHER_TITLES])
    writes = "We caption images with vision-language models. Captions are scored by humans."
    other = "We caption images with a recurrent decoder. Captions are scored by humans."

    def lead(*outside: Paper):  # type: ignore[no-untyped-def]
        answer = AnswerTerms([*group, *_views(*outside)], ground_share=0.8, ground_papers=4)
        return group_lead(
            group,
            set(),
            document_frequency=None,
            collection_size=None,
            common_share=0.15,
            ubiquitous_share=0.6,
            title_terms=titles,
            answer_terms=answer,
        )

    # two outside papers (of three) write it: as many as in the group
    crowded = lead(_outside("c", writes), _outside("d", writes), _outside("e", other))
    assert crowded is None
    # one does: the group still stands apart by it
    kept = lead(_outside("c", writes), _outside("d", other), _outside("e", other))
    assert kept is not None and kept.sentence.text.endswith("both work on vision-language models")


def test_a_ground_no_title_names_leads_nothing() -> None:
    """ "potential conflicts", "average absolute errors": phrases two abstracts happen to share
    are not a subject; without a title naming the ground there is no lead."""
    assert _lead((VLM_A, VLM_B), ["Potential Field Planning", "Reward Feedback"]) is None
    assert _lead((VLM_A, VLM_B), None) is None  # and without the titles, only what they do


def test_title_terms_count_titles_holding_a_run_of_stems() -> None:
    terms = TitleTerms(lambda: [*OTHER_TITLES, "Vision-Language Models are Few-Shot Learners"])

    assert terms(tuple(bm25.tokenize("vision-language models"))) == 2
    assert terms(tuple(bm25.tokenize("language vision"))) == 0


def test_the_ground_may_come_from_the_titles_in_lower_case_ending_on_its_noun() -> None:
    """Two abstracts that share no term share the ground their titles name; the lead
    writes it in lower case (title case is no capital of its own), keeps the noun that ends the
    title's term, and never takes a stop word for that noun."""
    first = Paper(
        id="m",
        title="Linear-Time Sequence Modeling with Selective State Space Models",
        abstract="We make the recurrence depend on the input. The design scales linearly.",
        citation_key=citation_key("Linear-Time Sequence Modeling"),
    )
    second = Paper(
        id="q",
        title="Post-Training Quantization for Selective State Space Models with Rotations",
        abstract="We quantize Mamba weights to four bits. Rotations remove outliers.",
        citation_key=citation_key("Post-Training Quantization"),
    )
    lead = _lead((first, second), [first.title, second.title, "Potential Field Planning"])
    assert lead is not None
    assert lead.sentence.text.endswith("both work on selective state space models")
    assert lead.sentence.citations == ["m", "q"]


def test_a_run_every_paper_continues_is_no_term() -> None:
    """ "Specify any is common to ...": both papers write "specify any similarity function", so
    "specify any" is part of a longer phrase and names nothing; "sample selection" followed by a
    generic head ("sample selection strategy") still ends its phrase."""
    papers = [
        Paper(id=paper_id, title=title, abstract=abstract, citation_key=citation_key(title))
        for paper_id, title, abstract in (
            (
                "f",
                "A Diversity Metric",
                "We propose a metric that lets users specify any similarity function. "
                "We use a sample selection strategy for efficiency.",
            ),
            (
                "s",
                "Forecasting Foundation Models",
                "We introduce a model whose users specify any quantile level. "
                "We adopt sample selection to filter noisy series.",
            ),
        )
    ]
    lead = _lead(tuple(papers), None)
    assert lead is not None
    assert lead.sentence.text.startswith("Sample selection is common to")


def test_a_group_of_long_titles_is_counted_not_listed() -> None:
    """Two labels of four words come to eight: listed at a bound of 12, counted at one of 6, and
    the citations still name both papers."""
    views = _views(VLM_A, VLM_B)
    titles = TitleTerms(lambda: [VLM_A.title, VLM_B.title, *OTHER_TITLES])
    arguments = dict(
        document_frequency=None,
        collection_size=None,
        common_share=0.15,
        ubiquitous_share=0.6,
        title_terms=titles,
    )
    listed = group_lead(views, set(), label_words=12, **arguments)  # type: ignore[arg-type]
    counted = group_lead(views, set(), label_words=6, **arguments)  # type: ignore[arg-type]
    assert listed is not None and counted is not None
    assert listed.sentence.text.startswith(views[0].label)
    assert counted.sentence.text == "Two papers work on vision-language models"
    assert counted.sentence.citations == listed.sentence.citations == ["a", "b"]


def test_a_term_capitalised_only_for_its_acronym_is_said_in_lower_case() -> None:
    texts = [
        "We present Model Error Discovery with Interpretability (MEDIDA), a framework.",
        "It learns model errors with equation-discovery techniques and a Fisher regularizer.",
    ]
    assert _usual_case("Error Discovery", texts) == "error discovery"
    assert _usual_case("Fisher regularizer", texts) == "Fisher regularizer"
    assert _usual_case("Bayesian optimization", texts) == "Bayesian optimization"
    quantization = ["We study Post-Training Quantization (PTQ).", "Our post-training method ..."]
    assert _usual_case("Post-Training quantization", quantization) == "post-training quantization"
    assert _usual_case("Post-Training quantization", texts) == "Post-Training quantization"


def test_a_term_spelling_out_its_acronym_keeps_its_capitals() -> None:
    """ "SHAP (SHapley Additive exPlanations)": "additive manufacturing" in another abstract made
    the lead "SHapley additive exPlanations are common to ...", neither the acronym's spelling
    nor lower case."""
    texts = [
        "We employed SHAP (SHapley Additive exPlanations) on additive manufacturing data.",
        "SHAP (SHapley Additive exPlanations) unifies six methods.",
    ]
    assert _usual_case("SHapley Additive exPlanations", texts) == "SHapley Additive exPlanations"


def _paper(paper_id: str, title: str, abstract: str) -> Paper:
    return Paper(id=paper_id, title=title, abstract=abstract, citation_key=citation_key(title))


def test_the_authors_own_words_are_no_shared_term() -> None:
    """Two abstracts that both say "allowing us to tune ..." share their authors' voice, not a
    term: the lead was "Allowing us is common to ..." (the output lint's first person)."""

    allowing = "allowing us to do so."
    first = _paper("a", "Gated Best Responses", f"We propose to gate hidden units, {allowing}")
    second = _paper("b", "Unrolled Hypergradients", f"We propose to unroll the solver, {allowing}")
    lead = _lead((first, second), None)
    assert lead is None or "us" not in lead.sentence.text.lower().split(), lead


def test_an_idiom_the_abstracts_share_is_no_term() -> None:
    """Two abstracts that both "shed light on" something share a turn of phrase: the lead was
    "Shed light is common to Random Teachers are Good Teachers and GVA"."""

    shed = "We shed light on the learning dynamics of deep networks."
    first = _paper("a", "Random Teachers", f"We distill from random teachers. {shed}")
    second = _paper("b", "Butterfly Effects", f"We study gradient variance. {shed}")
    lead = _lead((first, second), None)
    assert lead is None or "shed" not in lead.sentence.text.lower(), lead


def test_a_test_case_the_abstracts_share_is_no_term() -> None:
    """ "Two papers share test case" led two model-error papers whose test cases differ
    (Kuramoto-Sivashinsky, quasi-geostrophic turbulence), both titles ending on "test case": a
    blind reader (review25n #9) called it false. Where a method is tried is no term of the
    trade."""
    first_title = (
        "Discovery of interpretable structural model errors by combining Bayesian sparse "
        "regression and data assimilation: A chaotic Kuramoto-Sivashinsky test case"
    )
    second_title = (
        "Interpretable structural model error discovery from sparse assimilation increments "
        "using spectral bias-reduced neural networks: A quasi-geostrophic turbulence test case"
    )
    first = _paper(
        "a",
        first_title,
        "Models of natural systems are imperfect. We introduce MEDIDA to learn model errors. "
        "Using the chaotic Kuramoto-Sivashinsky system as the test case, we demonstrate it.",
    )
    second = _paper(
        "b",
        second_title,
        "Earth system models suffer from structural errors. We show MEDIDA learns model errors "
        "from analysis increments. Using two-layer turbulence as the test case, it succeeds.",
    )
    lead = _lead((first, second), [first_title, second_title, *OTHER_TITLES])
    assert lead is None or "test case" not in lead.sentence.text.lower(), lead


def test_the_questions_own_words_and_a_generic_head_lead_nothing() -> None:
    """ "Recommender systems are common to ReLoop2 and Monolith" under a request about production
    recommender models says what the reader asked, not why the two stand together."""
    titles = [VLM_A.title, VLM_B.title, *OTHER_TITLES]
    lead = _lead((VLM_A, VLM_B), titles, skip="vision-language adaptation")
    assert lead is None or "vision-language models" not in lead.sentence.text


def test_a_term_nearly_every_paper_of_the_answer_writes_leads_no_group(corpus_assistant) -> None:
    """Every paper of an answer on forecasting with side information forecasts time series:
    "Time series are common to CARD and GPHT" set no group apart (a blind reader's "vacuous
    lead"). A narrower term fewer of them write ("multivariate time series") may still lead.
    With four papers, a term three of them write still leads ("sample selection" of
    entropy-based test-time adaptation)."""
    answer = corpus_assistant.related_work(
        "forecasting a target series with side information: external drivers, static "
        "attributes, calendar dummies, or control inputs known in advance"
    )
    texts = [
        f" {' '.join(bm25.tokenize(f'{item.paper.title} . {item.paper.abstract}'))} "
        for item in answer.evidence
    ]
    assert sum(" time seri " in text for text in texts) == len(texts)  # the premise
    for sentence in answer.sentences:
        lead = re.match(
            r"(?:(.+) (?:is|are) common to .+|.+ (?:both|all) work on (.+))\.$", sentence.text
        )
        if lead is None or len(sentence.citations) < 2:
            continue
        run = f" {' '.join(bm25.tokenize(lead.group(1) or lead.group(2)))} "
        writers = sum(run in text for text in texts)
        assert writers < 0.8 * len(texts), (sentence.text, writers, len(texts))
    answer = corpus_assistant.ask("how do entropy-based TTA methods differ")
    assert any(s.text.startswith("Sample selection is common to") for s in answer.sentences)


def test_a_ground_every_paper_goes_on_from_alike_is_cut_from_a_longer_one() -> None:
    """ "both work on interpretable structural model": both titles go on with "error(s)"."""
    first = Paper(
        id="e1",
        title="Interpretable structural model error discovery from assimilation increments",
        abstract=(
            "Earth system models carry interpretable structural model error terms. Neural "
            "networks are hard to interpret. A spectral bias-reduced network learns the terms "
            "from analysis increments of a turbulence test case."
        ),
        citation_key=citation_key("Interpretable structural model error discovery"),
    )
    second = Paper(
        id="e2",
        title="Discovery of interpretable structural model errors by sparse regression",
        abstract=(
            "Missing physics gives interpretable structural model errors in climate codes. A "
            "Bayesian sparse regression recovers them from noisy sporadic observations of a "
            "chaotic test case."
        ),
        citation_key=citation_key("Discovery of interpretable structural model errors"),
    )
    lead = _lead((first, second), [first.title, second.title, *OTHER_TITLES])
    assert lead is None or not lead.sentence.text.endswith("interpretable structural model")


def test_a_term_ends_on_the_head_noun_every_paper_writes_after_it(corpus_assistant) -> None:
    """ "Time-series foundation is common to MOMENT and Sundial": both write "... foundation
    models"."""
    from assistant.writers.leads import _with_head

    assert (
        _with_head("time-series foundation", "model", ["scalable time series foundation models."])
        == "time-series foundation models"
    )
    answer = corpus_assistant.related_work(
        "multi-resolution / hierarchical time series models that deal with several time scales "
        "or sampling frequencies at once"
    )
    leads = [s.text for s in answer.sentences if " common to " in s.text]
    assert not any(lead.lower().startswith("time-series foundation is") for lead in leads), leads


def test_what_any_method_has_or_measures_leads_nothing() -> None:
    """ "Memory usage is common to A Time Series is Worth 64 Words and Informer", "Ground truth is
    common to ...", "Explicit formulas are common to ...": what any method has or measures says
    nothing of why two papers stand together (blind readers called them empty)."""
    for shared in (
        "We reduce the memory usage of attention.",
        "We compare the samples with the ground truth.",
        "We derive explicit formulas for the limit.",
    ):
        first = _paper("a", "Patched Forecasters", f"We propose patch tokens. {shared}")
        second = _paper(
            "b", "Sparse Attention Forecasting", f"We design sparse attention. {shared}"
        )
        lead = _lead((first, second), None)
        term = " ".join(shared.split()[-3:]).rstrip(".").lower()
        assert lead is None or not set(term.split()[-1:]) & set(
            lead.sentence.text.lower().split()
        ), (shared, lead)
    # ... nor how nearly every network is trained
    first = _paper("a", "Wide Networks", "We propose to train wide networks by gradient descent.")
    second = _paper("b", "Permutations", "We propose ensembles trained by gradient descent.")
    lead = _lead((first, second), None)
    assert lead is None or "descent" not in lead.sentence.text.lower(), lead


def _lead_rare(papers: tuple[Paper, ...], frequency: dict[str, int]):  # type: ignore[no-untyped-def]
    """The lead in a collection of 484 abstracts where a stem is in ``frequency`` of them (else 3)."""
    return group_lead(
        _views(*papers),
        set(),
        document_frequency=lambda stem: frequency.get(stem, 3),
        collection_size=484,
        common_share=0.15,
        ubiquitous_share=0.6,
    )


def test_a_run_cut_from_the_longer_term_its_papers_write_gives_way_to_it() -> None:
    """ "Series forecasting is common to A Time Series is Worth 64 Words and CARD": both write
    "time series forecasting", and the cut run, rarer word for word, won. A longer run that opens
    on a qualifier ("effective sample selection") does not displace the term inside it."""
    first = _paper(
        "p", "Patched Forecasters", "We propose patches for multivariate time series forecasting."
    )
    second = _paper(
        "c", "Channel Blend Transformers", "We design a transformer for time series forecasting."
    )
    # "time" is in most of the collection's abstracts, "series" in many
    lead = _lead_rare((first, second), {"time": 150, "seri": 60})
    assert lead is not None
    assert lead.sentence.text.startswith("Time series forecasting is common to"), lead
    first = _paper("d", "Disentangled Entropy", "We use an effective sample selection for updates.")
    second = _paper("o", "Open-Set Adaptation", "We add an effective sample selection to adapt.")
    lead = _lead_rare((first, second), {})
    assert lead is not None
    assert lead.sentence.text.startswith("Sample selection is common to"), lead


def test_a_term_that_led_one_group_leads_no_other(corpus_assistant) -> None:
    """ "Time series forecasting is common to Timer-XL and ReGENN", then in the same paragraph
    "Time series forecasting is common to A Time Series is Worth 64 Words and CARD" and "GPHT and
    TFT both work on time series forecasting": a lead said once is said."""
    answer = corpus_assistant.related_work("autoregressive image, audio and time-series models")
    leads = [
        s.text.split(" is common to ")[0].split(" are common to ")[0].split(" work on ")[-1]
        for s in answer.sentences
        if " common to " in s.text or " work on " in s.text
    ]
    assert leads, [s.text for s in answer.sentences]
    lowered = [lead.rstrip(".").lower() for lead in leads]
    assert len(lowered) == len(set(lowered)), leads


def test_no_ground_is_the_whole_field_or_a_titles_verb() -> None:
    """ "BoxingGym and Large Language Model Prediction Capabilities both work on artificial
    intelligence" names the whole field; "SpecDec++ and Jakiro both work on boosting speculative
    decoding" names the verb their titles open on, and under a request on speculative decoding
    the rest is the request's own words."""
    field = (
        _paper("x", "Benchmarks for Artificial Intelligence", "Artificial intelligence helps."),
        _paper("y", "Artificial Intelligence Forecasters", "Artificial intelligence predicts."),
    )
    lead = _lead(field, [paper.title for paper in field])
    assert lead is None or "intelligence" not in lead.sentence.text.lower(), lead
    boosting = (
        _paper("s", "SpecDec++: Boosting Speculative Decoding via Length", "It drafts tokens."),
        _paper("j", "Jakiro: Boosting Speculative Decoding with Experts", "Experts draft."),
    )
    lead = _lead(boosting, [paper.title for paper in boosting], skip="speculative decoding")
    assert lead is None or "boosting" not in lead.sentence.text.lower(), lead


def test_a_lead_term_cut_from_a_name_takes_the_name_back() -> None:
    """ "Carlo tree search is common to DeepArchitect and AlphaMath": a term is at most a few
    words, and both papers write "Monte Carlo tree search"; a term the papers also write in lower
    case is no name and takes nothing ("error discovery", not "Model error discovery")."""

    papers = [
        ["We compare random search, Monte Carlo tree search (MCTS), and others."],
        ["AlphaMath utilizes the Monte Carlo Tree Search (MCTS) framework."],
    ]
    assert _whole_name("Carlo tree search", papers) == "Monte Carlo tree search"
    named = [["We learn model errors.", "It uses Model Error Discovery (MEDIDA)."]] * 2
    assert _whole_name("error discovery", named) == "error discovery"
    # the words before differ: no name both write
    assert _whole_name("Carlo tree search", [papers[0], ["A Carlo tree search variant."]]) == (
        "Carlo tree search"
    )


def test_a_lead_term_cut_from_a_name_it_cannot_take_back_leads_nothing() -> None:
    """ "Short-Term memory is common to ...": one paper writes "Bidirectional Long Short-Term
    Memory", the other "long and short term memory networks"; no word before it is theirs both,
    so the tail of the name would lead."""
    lstm_a = Paper(
        id="crypto",
        title="Price Prediction for Cryptocurrencies",
        abstract=(
            "We predict Bitcoin prices. Our model combines a Performer network and BiLSTM "
            "(Bidirectional Long Short-Term Memory) to capture temporal dependencies."
        ),
        citation_key="crypto",
    )
    lstm_b = Paper(
        id="stock",
        title="Stock Price Prediction with Deep Models",
        abstract=(
            "We predict stock prices. We present two convolutional models and three long and "
            "short term memory network based predictive models."
        ),
        citation_key="stock",
    )
    lead = _lead((lstm_a, lstm_b), None, skip="price prediction")
    assert lead is None or "short" not in lead.sentence.text.lower(), lead


def test_what_a_paper_sets_itself_apart_from_is_no_term_it_shares() -> None:
    """ "Speculative decoding is common to SpecDec++ and Entropy Adaptive Decoding": EAD says
    "Unlike speculative decoding approaches that maintain perfect output fidelity, EAD accepts
    controlled output divergence"; and "Greedy decoding ... outperforms top-p sampling" does not
    use top-p sampling."""
    specdec = Paper(
        id="specdec",
        title="SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Lengths",
        abstract=(
            "Speculative decoding reduces inference latency. We propose SpecDec++, which adapts "
            "the candidate length in speculative decoding with a trained acceptance head."
        ),
        citation_key="specdec",
    )
    ead = Paper(
        id="ead",
        title="Entropy Adaptive Decoding",
        abstract=(
            "We present EAD, which switches between models by prediction entropy. Unlike "
            "speculative decoding approaches that keep fidelity through verification, EAD "
            "accepts controlled output divergence for efficiency."
        ),
        citation_key="ead",
    )
    lead = _lead((specdec, ead), None, skip="inference")
    assert lead is None or "speculative" not in lead.sentence.text.lower(), lead


def test_what_a_paper_finds_it_can_do_without_is_no_term_it_shares() -> None:
    """ "Denoising diffusion process is common to DDP and Lotus" (review29a: "the one statement
    of common ground contradicts the cited abstract"): Lotus writes "the multi-step
    noising/denoising diffusion process is also unnecessary and challenging to optimize"."""
    ddp = Paper(
        id="ddp",
        title="DDP: Diffusion Model for Dense Visual Prediction",
        abstract=(
            "We propose a framework for dense visual predictions. The method, called DDP, "
            "extends the denoising diffusion process into the perception pipeline."
        ),
        citation_key="ddp",
    )
    lotus = Paper(
        id="lotus",
        title="Lotus: Diffusion-based Visual Foundation Model",
        abstract=(
            "We provide an analysis of diffusion for dense prediction. We find that the "
            "multi-step noising/denoising diffusion process is also unnecessary and challenging "
            "to optimize. We introduce Lotus, trained to predict annotations in a single step."
        ),
        citation_key="lotus",
    )
    lead = _lead((ddp, lotus), None, skip="dense prediction")
    assert lead is None or "denoising diffusion" not in lead.sentence.text.lower(), lead


def test_a_lead_term_is_plural_where_its_papers_write_it_so() -> None:
    """ "Step size is common to DoG, ... and LR+GD": a count noun alone read as a slip; each of
    them writes "step sizes". A term one paper writes only in the singular stays, as the lead
    must be in each of them ("draft head", which Recurrent Drafter writes so)."""
    sizes = [["We use large step sizes."], ["Step sizes of SGD matter."]]
    assert _plural_as_written("step size", sizes) == "step sizes"
    heads = [["We add a lightweight draft head."], ["Hydra replaces standard draft heads."]]
    assert _plural_as_written("draft head", heads) == "draft head"
    assert _plural_as_written("sample selection", [["We use sample selection."]]) == (
        "sample selection"
    )


def test_a_lead_term_does_not_open_on_an_adverb(corpus_assistant) -> None:
    """ "Empirically validate is common to Asymptotically free sketched ridge ensembles and ..."
    (under "ridge regression") and "Linearly combines are common to aTLAS and ..." led with a
    verb phrase; "anomaly detection" or "family" open on nouns."""
    from assistant.writers.leads import _opens_on_adverb

    frequency = corpus_assistant.retriever.bm25_index.document_frequency
    assert _opens_on_adverb("Empirically validate", frequency)
    assert not _opens_on_adverb("anomaly detection", frequency)
    said = " ".join(s.text for s in corpus_assistant.related_work("ridge regression").sentences)
    assert "Empirically validate is common" not in said


def test_the_request_in_other_words_leads_nothing() -> None:
    """ "MetaKP and UniKeyphrase both work on keyphrase prediction" under "keyphrase generation"
    (review25n #6: "filler as the only shared point"): a term of the request's own words and a
    word naming what is done to them (prediction, generation, ...) says the request again. A
    term with a word of its own still leads."""
    first = Paper(
        id="k1",
        title="Goal-Driven Keyphrase Prediction Benchmark",
        abstract="We study keyphrase prediction for user goals. We build a benchmark of goals.",
        citation_key=citation_key("Goal-Driven Keyphrase Prediction Benchmark"),
    )
    second = Paper(
        id="k2",
        title="Unified Keyphrase Prediction with Relation Layers",
        abstract="We propose a model for keyphrase prediction. A relation layer links phrases.",
        citation_key=citation_key("Unified Keyphrase Prediction with Relation Layers"),
    )
    titles = [first.title, second.title, "Keyphrase Prediction in the Wild"]
    assert _lead((first, second), titles, skip="keyphrase generation") is None
    kept = _lead((first, second), titles, skip="phrase generation for documents")
    assert kept is not None and kept.stems == tuple(bm25.tokenize("keyphrase prediction"))


def test_the_ground_of_others_work_is_no_ground_a_paper_works_on() -> None:
    """ "EISL and Learning to Model Editing Processes both work on machine translation"
    (review43: "false"): Editing Processes writes "neural machine translation" only of others,
    "Recent work has introduced edit-based models for various tasks (such as neural machine
    translation ...)"; it proposes modelling editing processes."""
    eisl = Paper(
        id="eisl",
        title="Edit-Invariant Sequence Loss",
        abstract=(
            "Neural machine translation models are trained with cross-entropy. We propose EISL, "
            "an edit-invariant sequence loss for neural machine translation with noisy targets."
        ),
        citation_key="eisl",
    )
    editing = Paper(
        id="editing",
        title="Learning to Model Editing Processes",
        abstract=(
            "Most sequence generation models produce outputs in one pass. Recent work has "
            "introduced edit-based models for various tasks (such as neural machine translation "
            "and text style transfer). We propose modeling editing processes, the whole process "
            "of iteratively generating sequences."
        ),
        citation_key="editing",
    )
    titles = ["Scaling Laws for Neural Machine Translation", "Neural Machine Translation Today"]
    lead = _lead((eisl, editing), titles, skip="long-form text generation")
    assert lead is None or "translation" not in lead.sentence.text.lower(), lead


def test_the_ground_most_others_work_on_is_no_ground_a_paper_works_on() -> None:
    """ "Algorithm-hardware Co-design for Deformable Convolution and Orchid both work on image
    classification" (review46: "false"; the FPGA paper is on detection): it writes "image
    classification" only of others, "The majority of existing work focuses on accelerating image
    classification", and in a contrast."""
    fpga = Paper(
        id="fpga",
        title="Algorithm-hardware Co-design for Deformable Convolution",
        abstract=(
            "FPGAs provide a flexible and efficient platform to accelerate neural networks. The "
            "majority of existing work focuses on accelerating image classification, while "
            "object detection has not been adequately addressed. Compared with image "
            "classification, detection problems are more sensitive to spatial variance. We build "
            "an efficient object detection network with modified deformable convolutions."
        ),
        citation_key="fpga",
    )
    orchid = Paper(
        id="orchid",
        title="Orchid: Flexible and Data-Dependent Convolution for Sequence Modeling",
        abstract=(
            "We introduce Orchid, a data-dependent convolution for sequence modeling. We "
            "rigorously evaluate Orchid across multiple domains, including language modeling and "
            "image classification, to showcase its performance and generality."
        ),
        citation_key="orchid",
    )
    titles = ["Image Classification at Scale", "Deep Networks for Image Classification"]
    lead = _lead((fpga, orchid), titles, skip="deformable convolution kernels")
    assert lead is None or "classification" not in lead.sentence.text.lower(), lead


def test_a_paper_in_a_group_with_no_lead_joins_the_led_group_that_names_it_too(
    corpus_assistant,
) -> None:
    """ "entropy minimization for test-time adaptation": DeYO, whose abstract says it "consists
    of sample selection and sample weighting", was paired with AdaMerging (one shared word closer)
    in a paragraph with no lead, under "Sample selection is common to Open-Set Test-Time
    Adaptation and EATA"; it is as close to those two as groups must be to merge, and the lead
    names it too."""
    answer = corpus_assistant.compare("entropy minimization for test-time adaptation")
    lead = next(sentence for sentence in answer.sentences if "is common to" in sentence.text)
    assert lead.text.startswith("Sample selection is common to"), lead.text
    assert "entropy-not-enough-dfa7" in lead.citations, lead.citations


def test_a_paper_following_a_group_is_named_by_the_lead_that_names_it_too(
    corpus_assistant,
) -> None:
    """ "state space models": Quamba2, "a robust and scalable post-training quantization
    framework for selective state space models", followed "Demystifying the Token Dynamics and
    Mamba both work on selective state spaces" as if the lead were not about it; the lead names
    it with the same term. HiSS, whose abstract does not say it, still follows unnamed."""
    answer = corpus_assistant.related_work("state space models")
    lead = next(
        sentence for sentence in answer.sentences if "selective state space" in sentence.text
    )
    assert "quamba2-robust-scalable-7827" in lead.citations, lead.text
    assert "mamba-linear-time-298f" in lead.citations, lead.text
    assert not any("hierarchical" in paper_id for paper_id in lead.citations), lead.text


def test_a_measure_the_request_names_is_no_shared_ground(corpus_assistant) -> None:
    """ "BLEU score is common to Scaling Laws for Neural Machine Translation and ..." under a
    request on when BLEU stops tracking the loss (review50): the request's own term and a word
    for a measure ("score") is the request again, not what the papers share."""
    answer = corpus_assistant.compare(
        "The scaling-law paper on encoder-decoder translation models and the paper on scaling "
        "laws for downstream translation after pretraining both relate cross-entropy to BLEU. "
        "Compare when each finds BLEU stops tracking the loss and which property of the data "
        "they blame."
    )
    texts = [sentence.text for sentence in answer.sentences]
    assert not any(text.startswith("BLEU score is common") for text in texts), texts


def test_a_ground_is_the_whole_term_some_paper_capitalises_and_plural_where_one_writes_it_so() -> (
    None
):
    """review57: "Lagrangian PINNs and PIG both work on differential equation" (of "partial
    differential equation (PDE)-constrained" and "Partial Differential Equations (PDEs)"): the
    word every paper writes before a lower-case term joins it where some paper capitalises the
    whole, and a ground is plural where any paper writes it so."""
    from assistant.writers.leads import _plural_as_written, _whole_name

    papers = [
        ["PINNs find solutions of partial differential equation (PDE)-constrained problems."],
        ["The approximation of Partial Differential Equations (PDEs) using neural networks."],
    ]
    whole = _whole_name("differential equation", papers)
    assert whole == "partial differential equation"
    assert _plural_as_written(whole, papers, every=False) == "partial differential equations"
    assert _plural_as_written(whole, papers) == "partial differential equation"
    # a lower-case term no paper capitalises with the word before it stays as it is
    assert _whole_name(
        "error discovery", [["the model error discovery"], ["model error discovery"]]
    ) == ("error discovery")


def test_papers_sharing_one_name_are_said_once_by_it_in_a_lead() -> None:
    """review82: "Error discovery is common to MEDIDA (chaotic Kuramoto-Sivashinsky test case)
    and MEDIDA (quasi-geostrophic turbulence test case)": two papers by one name, each label
    told apart by its title, listed as if two methods. The lead says "the two MEDIDA papers";
    its citation tells them apart."""
    from dataclasses import replace

    from assistant.writers.leads import joined_labels

    first = _paper(
        "a",
        "Error discovery: A chaotic test case",
        "We introduce MEDIDA for model error discovery. Model error discovery uses sparse "
        "regression on a chaotic system.",
    )
    second = _paper(
        "b",
        "Error discovery: A turbulence test case",
        "We show MEDIDA for model error discovery from increments. Model error discovery works "
        "on turbulence.",
    )
    views = _views(first, second)
    views = [
        replace(views[0], label="MEDIDA (chaotic test case)"),
        replace(views[1], label="MEDIDA (turbulence test case)"),
    ]
    lead = group_lead(
        views,
        set(),
        document_frequency=None,
        collection_size=None,
        common_share=0.15,
        ubiquitous_share=0.6,
    )
    assert lead is not None
    assert "the two MEDIDA papers" in lead.sentence.text, lead.sentence.text
    assert "MEDIDA (" not in lead.sentence.text
    assert lead.sentence.citations == ["a", "b"]
    # ... and beside a paper of another name; a lone numbered label stays as it is
    assert joined_labels(["PROSE", "MEDIDA (a)", "MEDIDA (b)"]) == "PROSE and the two MEDIDA papers"
    assert joined_labels(["PROSE", "Mamba (2)"]) == "PROSE and Mamba (2)"
    # a title that is itself a clause is quoted (review83: "Weak learners are common to
    # PromptBoosting and Language models are weak learners")
    assert joined_labels(["PromptBoosting", "Language models are weak learners"]) == (
        "PromptBoosting and “Language models are weak learners”"
    )


def test_these_results_follow_the_finding_said_first(corpus_assistant) -> None:  # type: ignore[no-untyped-def]
    """v022 (review97 #5): "... and what new technical inequality does the analysis rest on?"
    was answered without "These results rely on a novel Hölder style inequality for the Dudley
    integral": its "these results" points at the finding "We show that, when the class F is
    'simpler' than G ..., our predictor is more resilient ...", which led the answer, and a
    sentence pointing back was said only after a sentence picked later. It is said right after
    the finding it points at."""
    answer = corpus_assistant.ask(
        "A theory paper predicts z from x and y with an additive f(x)+g(y) and finds the "
        "predictor holds up under covariate shift when one function class is simpler. Which "
        "class should be simpler, and what new inequality do its results rely on?"
    )
    texts = [sentence.text for sentence in answer.sentences]
    relied = next(index for index, text in enumerate(texts) if "Dudley integral" in text)
    assert texts[relied].startswith("These results rely on"), texts
    assert "shows that" in texts[relied - 1], texts
