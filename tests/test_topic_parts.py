"""The parts of a topic joined by "and"/"or": each is a topic phrase a paper may name."""

from __future__ import annotations

from assistant.text.query import (
    compared_items,
    question_pieces,
    ruled_out,
    split_clauses,
    topic_parts,
)
from assistant.text.tokens import tokenize


def _parts(*phrases: str) -> list[list[str]]:
    return [tokenize(phrase) for phrase in phrases]


def test_one_word_coordinated_with_a_phrase_shares_its_other_word() -> None:
    # "tuning" alone named every fine-tuning and prompt-tuning paper
    assert topic_parts("hyperparameter optimization and tuning") == _parts(
        "hyperparameter optimization", "hyperparameter tuning"
    )
    assert topic_parts("image and video compression") == _parts(
        "image compression", "video compression"
    )


def test_parts_that_stand_alone_or_the_fields_words_are_not_shared() -> None:
    assert topic_parts("speech recognition and speech synthesis") == _parts(
        "speech recognition", "speech synthesis"
    )
    # "neural network" is the field's word, no modifier of "sparsity"
    assert topic_parts("neural network pruning and sparsity") == _parts(
        "neural network pruning", "sparsity"
    )
    # a question listing examples is not a topic phrase
    assert topic_parts("What research is there on state space models such as S4 and Mamba?")[
        -1
    ] == tokenize("Mamba")


def test_a_hyphenated_and_is_one_word() -> None:
    """ "mask-and-reconstruct style pretraining" is one topic, not "mask" and "reconstruct style
    pretraining"; "otherwise" frames ("edge or otherwise resource-limited devices")."""
    assert topic_parts("mask-and-reconstruct style pretraining") == _parts(
        "mask reconstruct style pretraining"
    )
    assert topic_parts("edge devices or otherwise resource-limited devices") == _parts(
        "edge devices", "resource-limited devices"
    )


def test_a_question_listing_examples_has_them_as_pieces() -> None:
    question = (
        "Which papers are motivated by protecting users' private data, e.g. private inference, "
        "differential privacy, or limiting the sensitive information a model needs?"
    )
    assert question_pieces(question) == [
        "Which papers are motivated by protecting users' private data",
        "private inference",
        "differential privacy",
        "limiting the sensitive information a model needs",
    ]
    assert question_pieces("Which papers study exposure bias?") == []


def test_an_aside_between_dashes_lists_examples_as_a_bracket_does() -> None:
    """ "Which papers work with medical imaging data — X-rays, MRI, histopathology slides or
    biomarkers derived from scans — and what do they do with it?" abstained, "The collection
    never mentions 'MRI'" (one of its four examples), then, with the examples read, as too far
    from every paper: the dashes set the examples apart, and the question's own subject is a
    piece (m014)."""
    from assistant.text.query import listed_examples

    question = (
        "Which papers work with medical imaging data — X-rays, MRI, histopathology slides or "
        "biomarkers derived from scans — and what do they do with it?"
    )
    assert listed_examples(question) == [
        "X-rays, MRI, histopathology slides or biomarkers derived from scans"
    ]
    assert "Which papers work with medical imaging data" in question_pieces(question)


def test_a_question_listing_kinds_of_data_between_dashes_is_answered(corpus_assistant) -> None:
    answer = corpus_assistant.ask(
        "Which papers work with medical imaging data — X-rays, MRI, histopathology slides or "
        "biomarkers derived from scans — and what do they do with it?"
    )
    assert not answer.abstained
    assert "improving-anatomical-948a" in {paper.id for paper in answer.references}


def test_what_a_request_rules_out() -> None:
    assert ruled_out("attention-free language model architectures") == [("attention", "attent")]
    assert ruled_out("diffusion models for data other than images, e.g. audio") == [
        ("images", "imag")
    ]
    # a single word closing its clause is what is left out ...
    assert ruled_out("cut the parameters a network stores without pruning it, e.g. sharing") == [
        ("pruning", "prune")
    ]
    # ... while "without fine-tuning by ..." says how a method works
    assert ruled_out("keeps long-term memory without fine-tuning by filtering key phrases") == []


def test_two_long_pieces_are_one_topic() -> None:
    """ "tricks that cut the compute or memory of language model training itself": the "or" joins
    the words beside it, not two topics ("trick cut compute" matched any efficient method); a
    question's pieces are left to the question's own reading."""
    topic = "tricks that cut the compute or memory of language model training itself"
    assert len(topic_parts(topic)) == 1
    assert len(topic_parts("speech recognition and speech synthesis")) == 2


def test_a_phrase_the_request_asks_to_leave_out_is_its_head() -> None:
    from assistant.text.query import left_out

    assert left_out(
        "letting a small LM help a large one. Please leave out classic draft-then-verify "
        "speculative decoding. What should I cite?"
    ) == [("specul", "decod")]
    assert left_out("scaling laws, excluding language models") == [("languag", "model")]
    assert left_out("language models without fine-tuning") == []


def test_each_item_a_request_leaves_out_is_left_out_and_a_kind_of_work_by_all_its_words() -> None:
    """ "Leave out product/item recommenders and ordinary language modelling" left out only the
    language modelling; "(I don't mean hyperparameter / black-box function optimisation)" left
    out nothing. A kind of work named in a few words is matched by all of them; a description
    of papers ("papers whose only point is ...") by its head in their titles only."""
    from assistant.text.query import left_out, left_out_terms

    request = "Leave out product/item recommenders and ordinary language modelling."
    assert left_out(request) == [("item", "recommend"), ("languag", "model")]
    assert left_out_terms(request) == [
        ("product", "item", "recommend"),
        ("ordinari", "languag", "model"),
    ]
    request = (
        "adaptive data acquisition (I don't mean hyperparameter / black-box function optimisation)"
    )
    assert left_out(request) == [("hyperparamet",), ("function", "optimiz")]
    assert left_out_terms(request) == [("black", "box", "function", "optimiz")]
    request = "Please leave out papers whose only point is that lower perplexity doesn't help."
    assert left_out(request) and left_out_terms(request) == []


def test_what_a_request_is_not_interested_in_is_left_out() -> None:
    """review51: "... I'm not interested in papers that only model dependence among the channels
    of a single multivariate series" cited LIFT ("Rethinking Channel Dependence for Multivariate
    Time Series Forecasting") first; "not interested in" and "not looking for" leave a phrase
    out as "leave out" does."""
    from assistant.text.query import left_out

    assert left_out(
        "forecasting with side information. I'm not interested in papers that only model "
        "dependence among the channels of a single multivariate series."
    ) == [("multivari", "seri")]
    assert left_out("graph learning; we are not looking for graph neural networks") == [
        ("neural", "network")
    ]
    assert left_out("I am interested in graph neural networks") == []


def test_a_paper_whose_claims_are_of_the_kind_left_out_is_not_evidence(corpus_assistant) -> None:
    """ "... Leave out diffusion-type image generators": score-based generative modelling
    through SDEs, whose title names no image generator and whose claims report "unconditional
    image generation", led the answer."""
    asked = "Which papers use stochastic differential equations?"
    kept = [item.paper.id for item in corpus_assistant.ask(asked).evidence]
    assert any(paper_id.startswith("score-based-generative") for paper_id in kept), kept
    answer = corpus_assistant.ask(f"{asked} Leave out diffusion-type image generators.")
    ids = [item.paper.id for item in answer.evidence]
    assert not any(paper_id.startswith("score-based-generative") for paper_id in ids), ids
    assert any(paper_id.startswith("neural-differential") for paper_id in ids), ids


def test_a_paper_titled_by_what_the_request_leaves_out_is_not_evidence(corpus_assistant) -> None:
    answer = corpus_assistant.related_work(
        "a small LM carrying part of the load of a large one at inference time; please leave out "
        "speculative decoding"
    )
    titles = [item.paper.title for item in answer.evidence]
    assert titles and not any("Speculative Decoding" in title for title in titles), titles


def test_the_items_a_comparison_lists() -> None:
    assert compared_items(
        "WideNet (going wider instead of deeper), randomized parameter sharing, and FreezeNet: "
        "how does each reduce the number of trained or stored parameters?"
    ) == ["WideNet", "randomized parameter sharing", "FreezeNet"]
    assert compared_items("How do SPLADE and Fusion-in-T5 differ?") == ["SPLADE", "Fusion-in-T5"]
    assert compared_items("Compare DoG vs SMB: which needs fewer gradients?") == ["DoG", "SMB"]
    # a topic to compare lists nothing
    assert compared_items("conformal prediction methods") == []


def test_an_acronym_is_a_part_of_its_own(corpus_assistant) -> None:
    """ "recurrent neural networks and LSTMs" had become "recurrent neural networks" and
    "recurrent LSTMs", and a one-word part named nothing, so the LSTM papers that never write
    "recurrent" were left out (a blind related-work request cited one paper of eleven). An
    acronym is a whole name: a paper writing "LSTM" names the part "LSTMs"."""
    assert topic_parts("recurrent neural networks and LSTMs") == _parts(
        "recurrent neural networks", "LSTMs"
    )
    assert topic_parts("hyperparameter optimization and tuning") == _parts(
        "hyperparameter optimization", "hyperparameter tuning"
    )
    answer = corpus_assistant.related_work("recurrent neural networks and LSTMs")
    cited = {c for sentence in answer.sentences for c in sentence.citations}
    assert "stock-price-prediction-ea2f" in cited


def test_a_list_of_three_shares_its_modifier_or_its_head() -> None:
    """ "image, video and audio compression" named any paper on audio (one word is no topic);
    each item shares the head, as two items do, and "speech recognition, synthesis and
    translation" shares its modifier. Acronyms stay whole names."""
    assert topic_parts("image, video and audio compression") == _parts(
        "image compression", "video compression", "audio compression"
    )
    assert topic_parts("speech recognition, synthesis and translation") == _parts(
        "speech recognition", "speech synthesis", "speech translation"
    )
    assert topic_parts("CNNs, RNNs and transformers") == _parts("CNNs", "RNNs", "transformers")


def test_bare_items_after_a_head_of_the_first_share_it() -> None:
    """ "quantization of LLMs, vision-language models and state space models" compares
    quantization of each; read as three topics, "vision-language models" took EigenShield (a
    defence for VLMs) and TFUP into the comparison and left EdgeQAT out."""
    request = "quantization of LLMs, vision-language models and state space models"
    assert compared_items(request) == [
        "quantization of LLMs",
        "quantization of vision-language models",
        "quantization of state space models",
    ]
    assert all(part[0] == "quantiz" for part in topic_parts(request))
    # an item with its own preposition keeps its own head
    assert compared_items("pruning of CNNs and distillation for transformers") == [
        "pruning of CNNs",
        "distillation for transformers",
    ]


def test_a_rare_name_asked_with_no_alternative_beside_it_is_sole() -> None:
    from assistant.text.query import sole_names

    assert sole_names("Which papers test on Chinese-language data?", ["Chinese"]) == ["Chinese"]
    # an example in parentheses, or one side of an "or" / a slash, has another way in
    assert (
        sole_names("Which use second-order information (Hessian approximations)?", ["Hessian"])
        == []
    )
    assert sole_names("predictive multiplicity or Rashomon sets", ["Rashomon"]) == []
    assert sole_names("the Rashomon effect / predictive multiplicity", ["Rashomon"]) == []


def test_a_comparison_asking_after_a_context_sentence_has_a_clause_per_question() -> None:
    """ "... . Compare what each trains, which distance it actually optimises, and why each says
    cross-entropy falls short.": three questions asked of each paper; they were one clause, and
    "why" after "and" opened none, so the comparison answered none of them by meaning."""
    request = (
        "EMO and PHUDGE both swap cross-entropy for an earth-mover/Wasserstein-style loss."
        " Compare what each trains, which distance it actually optimises, and why each says"
        " cross-entropy falls short."
    )
    assert [clause.text for clause in split_clauses(request)][1:] == [
        "what each trains",
        "which distance it actually optimises",
        "why each says cross-entropy falls short.",
    ]


def test_a_run_is_found_wherever_its_first_token_stands() -> None:
    """``contains_run`` is on every question's path thousands of times an answer; rewritten to
    jump between the places its first token stands, it must still find a run after a false
    start ("a b a b c"), at the very end, in a tuple or a list, and nothing shorter than two."""
    from assistant.text.query import contains_run

    assert contains_run(["a", "b", "c"], ["a", "b", "a", "b", "c"])
    assert contains_run(("b", "c"), ["x", "b", "c"])
    assert contains_run(["b", "c"], ("x", "b", "c"))
    assert not contains_run(["b", "c"], ["x", "b", "x", "c"])
    assert not contains_run(["c", "d"], ["x", "c"])
    assert not contains_run(["a"], ["a"])
    assert not contains_run(["a", "b"], [])


def test_what_a_request_sets_against_what_it_asks_for_is_left_out() -> None:
    """ "problems other than games, robot control, or LLM alignment/reasoning": the answer cited
    offline RL for LLM multi-step reasoning (review47: "RL-for-LLM-reasoning cited for a request
    that excludes it"); "other than", "rather than", "as opposed to" and "apart from" leave out
    what follows as "leave out" does, a list closed by "or"/"and" item by item, never the clause
    after it."""
    from assistant.text.query import left_out, left_out_terms

    request = (
        "Which papers use reinforcement learning as a tool for problems other than games, robot "
        "control, or LLM alignment/reasoning, e.g. in simulations or chemistry planning?"
    )
    assert left_out(request) == [
        ("game",),
        ("robot", "control"),
        ("llm", "align"),
        ("llm", "reason"),
    ]
    # ("..., and what does each contain" asks; it is not an item)
    request = (
        "Which papers release a new dataset, as opposed to an LLM evaluation benchmark, and what "
        "does each contain?"
    )
    assert left_out_terms(request) == [("llm", "evalu", "benchmark")]
    # what a kind of work is for is not the kind of work
    request = (
        "Apart from LoRA-style adapters for fine-tuning, where does low-rank structure show up?"
    )
    assert left_out(request) == [("lora", "adapt")]
    assert left_out("interpretable predictors rather than post-hoc explanation") == [
        ("hoc", "explan")
    ]


def test_a_title_setting_the_same_thing_aside_is_not_left_out() -> None:
    """Under "transformers made wider rather than deeper", "Go Wider Instead of Deeper" is the
    paper asked about, not one about going deeper."""
    from assistant.answer.features import left_out_papers
    from assistant.corpus.identity import citation_key
    from assistant.models import Paper

    def paper(title: str) -> Paper:
        return Paper(
            id=title,
            title=title,
            abstract="We study transformers.",
            citation_key=citation_key(title),
        )

    papers = [paper("Go Wider Instead of Deeper"), paper("Training Much Deeper Transformers")]
    assert left_out_papers("transformers made wider rather than deeper", papers) == {
        "Training Much Deeper Transformers"
    }


def test_a_request_setting_llm_reasoning_aside_gets_no_llm_reasoning_paper(
    corpus_assistant,
) -> None:
    answer = corpus_assistant.ask(
        "Which papers use reinforcement learning as a tool for problems other than games, robot "
        "control, or LLM alignment/reasoning, e.g. in simulations, lip reading, chemistry "
        "planning or architecture search?"
    )
    ids = [item.paper.id for item in answer.evidence]
    assert not any(paper_id.startswith("offline-reinforcement") for paper_id in ids), ids
    assert any(paper_id.startswith("pseudo-convolutional") for paper_id in ids), ids


def test_papers_a_request_counts_are_listed_after_its_colon() -> None:
    """ "Three papers take a position on emergent abilities in LLMs: the 'mirage' paper, the
    PassUntil paper, and the observational scaling laws paper. Compare ..." lists what it
    compares after the colon (review52: the third was not compared)."""
    from assistant.text.query import compared_items

    assert compared_items(
        "Three papers take a position on emergent abilities in LLMs: the 'mirage' paper, the "
        "PassUntil paper, and the observational scaling laws paper. Compare what each says."
    ) == ["the 'mirage' paper", "the PassUntil paper", "the observational scaling laws paper"]
    assert compared_items("Which papers study emergence: what causes it?") == []
    # ... and so does a later sentence that compares a count of them, its items set off by
    # commas (review69: "the study of memory-based meta-learning ..." was not compared), but not
    # "Compare the approaches ...: which parts ..., what it predicts", which asks questions
    assert compared_items(
        "I keep seeing a claim. Compare three takes on this: the study of memory-based "
        "meta-learning, the work that meta-trains black-box transformers, and the paper arguing "
        "that next-token loss is a code length and so builds in Occam's razor. What does each say?"
    ) == [
        "the study of memory-based meta-learning",
        "the work that meta-trains black-box transformers",
        "the paper arguing that next-token loss is a code length and so builds in Occam's razor",
    ]
    assert (
        compared_items(
            "Compare the approaches built on medical records: which parts each uses, what it "
            "predicts, and how it copes with sparse records."
        )
        == []
    )


def test_a_count_of_any_kind_of_thing_announces_the_list_after_its_colon() -> None:
    """ "Compare four fixes: ...", "Three routes to ...: ZeroPrompt, ...", "How do three recipes
    for ... differ: ..." list what they compare after the colon whatever they call the things
    (h015 compared three of four); k011's "Compare two attempts to put a number on
    generalisation: one derives ..., the other estimates ..." took "two attempts" for an item.
    A question after the colon lists nothing."""
    from assistant.text.query import compared_items

    assert compared_items(
        "Classes get confused. Compare four fixes: the replay method that separates direction "
        "and magnitude of the logits, the method that predicts the task with a likelihood ratio, "
        "the rehearsal-free prompt method, and the training-free prototype calibration."
    ) == [
        "the replay method that separates direction and magnitude of the logits",
        "the method that predicts the task with a likelihood ratio",
        "the rehearsal-free prompt method",
        "the training-free prototype calibration",
    ]
    assert compared_items(
        "Three routes to handling unseen NLP tasks: ZeroPrompt, the learner that recasts every "
        "task as multiple choice, and In-BoXBART. How does each share a format?"
    ) == ["ZeroPrompt", "the learner that recasts every task as multiple choice", "In-BoXBART"]
    assert compared_items(
        "How do three recipes for synthetic reasoning data differ: the tree-search sampler, the "
        "bidirectional pipeline, and the study training on wrong steps?"
    ) == [
        "the tree-search sampler",
        "the bidirectional pipeline",
        "the study training on wrong steps",
    ]
    assert compared_items(
        "Compare two attempts to bound generalisation: one derives information-theoretic bounds, "
        "the other estimates inductive bias. What does each need?"
    ) == ["one derives information-theoretic bounds", "the other estimates inductive bias"]
    assert (
        compared_items(
            "Contrast the two model-error papers (the chaotic case and the turbulence case): what "
            "learner does each use, and what do they need?"
        )
        == []
    )


def test_each_thing_a_comparison_describes_is_one_paper(corpus_assistant) -> None:
    """ "Compare three takes on this: the study of memory-based meta-learning on data whose
    generating parameters jump at unknown times, the work that meta-trains black-box
    transformers ..., and the paper arguing that next-token loss is a compression code length
    ...": the first item wrote as much of the meta-trained transformers' paper (in hand already)
    as of its own, and its own was not compared (review69). Each item is one paper, none two
    items'."""
    answer = corpus_assistant.compare(
        "I keep seeing the claim that training a sequence model with next-token prediction over "
        "many tasks turns it into a learner in its own right. Compare three takes on this: the "
        "study of memory-based meta-learning on data whose generating parameters jump at unknown "
        "times, the work that meta-trains black-box transformers into general-purpose in-context "
        "learners, and the paper arguing that next-token loss is a compression code length and "
        "so builds in Occam's razor. What does each say the sequential-prediction objective is "
        "really optimising?"
    )
    ids = {item.paper.id for item in answer.evidence}
    assert ids == {
        "memory-based-meta-2b91",
        "general-purpose-context-3d4d",
        "context-learning-occam-6e31",
    }, ids


def test_a_paper_named_by_its_title_words_and_the_word_paper_is_compared(
    corpus_assistant,
) -> None:
    """ "the observational scaling laws paper" names "Observational Scaling Laws and the
    Predictability of Language Model Performance"; "paper" is no word of its title."""
    answer = corpus_assistant.compare(
        "Three papers take a position on emergent abilities in LLMs: the 'mirage' paper, the "
        "PassUntil paper, and the observational scaling laws paper. Compare what each says "
        "causes apparent emergence and whether each thinks it can be predicted from smaller "
        "models."
    )
    ids = [item.paper.id for item in answer.evidence]
    assert any(paper_id.startswith("observational-scaling-laws") for paper_id in ids), ids


def test_what_a_request_sets_apart_is_also_what_it_calls_it_in_brackets() -> None:
    """ "Apart from averaging weights (model merging), what approaches exist ...?" was answered
    by a model-merging paper, the one paper the question asked (b435, review67): what the
    request sets apart goes by its bracketed name too, and "apart from" disowns it, as "I don't
    mean" does (not "rather than", which describes what is asked). "LoRA-style adapters" are
    LoRA's adapters, not anything of a style."""
    from assistant.text.query import left_out, left_out_terms

    request = "Apart from averaging weights (model merging), what approaches exist here?"
    assert left_out(request) == [("averag", "weight"), ("model", "merg")]
    assert left_out(request, disowned=True) == [("averag", "weight"), ("model", "merg")]
    assert left_out_terms("Apart from LoRA-style adapters for fine-tuning, where ...") == [
        ("lora", "adapt")
    ]
    assert left_out("outcomes rather than A/B-test data", disowned=True) == []


def test_a_list_left_out_is_read_to_its_last_item() -> None:
    """ "I don't mean SGD noise, the noise in diffusion samplers, acoustic noise or adversarial
    perturbations." left out "SGD noise" alone: an item had to end at punctuation, and the one
    before the closing "or" ends at the "or" (l010 cited "Intriguing Properties of Adversarial
    Examples"). A clause asking after a comma is no item ("..., where do low-rank structure or
    ... show up?")."""
    from assistant.text.query import left_out

    assert left_out("I don't mean SGD noise, acoustic noise or adversarial perturbations.") == [
        ("sgd", "nois"),
        ("acoust", "nois"),
        ("adversari", "perturb"),
    ]
    assert left_out(
        "Apart from LoRA-style adapters for fine-tuning, where do low-rank structure or "
        "rank-based quantities show up?"
    ) == [("lora", "adapt")]
    assert left_out("problems other than games, robot control, or LLM alignment/reasoning") == [
        ("game",),
        ("robot", "control"),
        ("llm", "align"),
        ("llm", "reason"),
    ]


def test_a_not_opening_a_sentence_or_an_aside_leaves_a_phrase_out() -> None:
    """review76: "Which papers use or analyse Gaussian processes ...? Not 3D Gaussian
    splatting-style representations or results about Gaussian-distributed data." cited the 3DGS
    paper first. A "not" opening a sentence, a bracket, a dash's aside or a clause after a comma
    disowns what follows; "not only", "not what I need" and a "not" inside a clause do not."""
    from assistant.text.query import asked_part, left_out, left_out_phrases

    request = (
        "Which papers use Gaussian processes? Not 3D Gaussian splatting-style representations "
        "or results about Gaussian-distributed data."
    )
    assert left_out_phrases(request)[0] == [
        "3D Gaussian splatting-style representations or results about Gaussian-distributed data"
    ]
    assert asked_part(request) == "Which papers use Gaussian processes? ."
    assert left_out("aerospace applications (not astrophysics)", disowned=True) == [("astrophys",)]
    assert left_out("sampler schedules, not learning-rate or job scheduling", disowned=True) == [
        ("learn", "rate"),
        ("job", "schedul"),
    ]
    assert left_out("Not only images but audio too.", disowned=True) == []
    assert left_out("models that do not use attention", disowned=True) == []
    assert left_out("Speculative decoding is only a contrast, not what I need.", disowned=True) == [
        ("specul", "decod")
    ]
    # a request disowning nothing is asked whole
    assert asked_part("How do recommenders rank items?") == "How do recommenders rank items?"


def test_what_a_request_disowns_is_not_searched_for(corpus_assistant) -> None:
    """The words a request disowns fetched the papers it disowns: the splatting paper ranked
    first for the Gaussian-process question, and the processes' own papers (the Bayesian
    optimisation tutorial, GP double descent) fell below it. The search reads the request without
    them; the request whole is still what the answer parses."""
    question = (
        "Which papers use or analyse Gaussian processes - as surrogate models, latent "
        "components, priors to imitate, or limiting objects in theory? Not 3D Gaussian "
        "splatting-style representations or results about Gaussian-distributed data."
    )
    retrieval = corpus_assistant.retriever.retrieve(question, k=10)
    ranked = [hit.paper.id for hit in retrieval.hits]
    assert retrieval.query == question
    assert "compact-3d-gaussian-128b" not in ranked[:3], ranked
    answer = corpus_assistant.ask(question)
    cited = {c for sentence in answer.sentences for c in sentence.citations}
    assert "compact-3d-gaussian-128b" not in cited, cited
    assert {"tutorial-bayesian-9159", "monotonicity-double-descent-b733"} <= cited, cited


def test_the_papers_a_request_names_before_what_they_both_do_are_compared(
    corpus_assistant,
) -> None:
    """ "DEUP and MAQA both try to separate ... . How does each define ...?" compared a third
    paper (i015): the items ran on into the question after the full stop, so no rule read two
    names. The items are those of the first sentence, up to what they do together ("both",
    "all"); and the question after a closing quote and full stop is a column."""
    from assistant.text.query import compared_axes, compared_items

    assert compared_items(
        "MEND, IRepair and Single Layer Single Gradient Unlearning all change only part of a "
        "trained model to fix or remove a behaviour. Which part does each touch?"
    ) == ["MEND", "IRepair", "Single Layer Single Gradient Unlearning"]
    assert compared_items("Both EMO and PHUDGE swap cross-entropy for another loss.")[0] == "EMO"
    # ("both" inside an item, before the items are listed, is the item's)
    assert compared_items(
        "Compare generative transformers that do both forward prediction and inverse design"
    ) == ["generative transformers that do both forward prediction", "inverse design"]
    request = (
        "DEUP and MAQA both try to separate 'the model doesn't know' from 'the question has no "
        "single right answer'. How does each define and measure these two kinds of uncertainty, "
        "and on what models and data?"
    )
    assert compared_items(request) == ["DEUP", "MAQA"]
    assert compared_axes(request)[0] == (
        "How does each define and measure these two kinds of uncertainty"
    )
    answer = corpus_assistant.compare(request)
    assert {item.paper.id for item in answer.evidence} == {
        "deup-direct-epistemic-1330",
        "maqa-evaluating-uncertainty-4949",
    }
