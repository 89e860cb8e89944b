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
