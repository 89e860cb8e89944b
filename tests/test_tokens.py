"""Word tokens: the stems every stage counts words by."""

from __future__ import annotations

from assistant.text.tokens import tokenize


def test_every_form_of_an_ize_word_is_one_stem_apart_from_its_root() -> None:
    """Snowball made "tokenization" "token" and "generalization" "general": "tokenization in
    language models" matched every next-token paper and "domain generalization" every "general
    framework"."""
    assert set(tokenize("tokenization tokenizer tokenize tokenized")) == {"tokeniz"}
    assert tokenize("tokens") == ["token"]
    assert set(tokenize("generalization generalize generalizes generalisation")) == {"generaliz"}
    assert tokenize("general") == ["general"]
    assert tokenize("optimization optimal") == ["optimiz", "optim"]
    assert tokenize("quantization quantized") == ["quantiz", "quantiz"]


def test_words_that_only_end_like_ize_keep_their_stems() -> None:
    # "-ise" verbs are other words ("supervised" is no "-ize"), and a short base is no "-ize" word
    assert tokenize("supervised supervision") == ["supervis", "supervis"]
    assert tokenize("size seize prize") == ["size", "seiz", "prize"]


def test_british_and_american_spellings_are_one_word() -> None:
    """Eleven tuning questions wrote "optimise", "recognising", "initialisation" or "behaviour",
    which Snowball stems apart from the abstracts' "optimize", "recognizing", "behavior": the
    question's word matched no paper. Both spellings are one stem; "-ise" words that are no
    "-ize" word ("supervised", "promise") keep theirs."""
    from assistant.text.tokens import tokenize

    pairs = [
        ("optimised", "optimized"),
        ("recognising", "recognizing"),
        ("initialisation", "initialization"),
        ("behaviour", "behavior"),
        ("neighbouring", "neighboring"),
        ("analysed", "analyzed"),
        ("centre", "center"),
        ("programme", "program"),
    ]
    for british, american in pairs:
        assert tokenize(british) == tokenize(american), (british, american)
    assert tokenize("supervised promise") == ["supervis", "promis"]


def test_words_of_another_sense_keep_a_stem_of_their_own() -> None:
    """Snowball stems "multiplicity" as "multiple", "consistency" as "consists" and "transformer"
    as "transformation": "predictive multiplicity" (equally good models that disagree) read as
    "predicting multiple tokens". Each sense has its stem; the forms of one sense share it."""
    assert tokenize("predictive multiplicity") != tokenize("predicting multiple")
    assert tokenize("self-consistency")[-1] not in tokenize("consists of two parts")
    assert tokenize("transformers") != tokenize("transformations")
    assert tokenize("Rashomon set") != tokenize("Rashomon setting")
    # one sense, one stem
    assert len(set(tokenize("experiment experiments experimental"))) == 1
    assert len(set(tokenize("consistency consistent consistently"))) == 1
    assert len(set(tokenize("continual continually continuously"))) == 1
    # ... which Snowball may stem apart: "taken to infinity" and "infinite-width limits"
    assert len(set(tokenize("infinity infinities infinite infinitely"))) == 1


def test_a_question_on_predictive_multiplicity_is_not_about_multi_token_prediction(
    corpus_assistant,
) -> None:
    """It cited the two multi-token prediction papers ("predicting multiple future tokens")
    beside the three on predictive multiplicity."""
    answer = corpus_assistant.ask("Which papers study predictive multiplicity?")
    cited = {c for sentence in answer.sentences for c in sentence.citations}
    assert "predictive-multiplicity-004a" in cited
    assert not cited & {"better-faster-large-193f", "transformers-can-navigate-a76d"}, cited
