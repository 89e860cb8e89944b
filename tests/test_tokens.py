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
