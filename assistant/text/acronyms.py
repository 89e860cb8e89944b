"""Acronyms the collection defines itself ("test-time adaptation (TTA)"), used to expand queries.

Abstracts define their abbreviations once and then use only the short form, so a user's "TTA" must
be matched to the long form by both retrievers. The map is mined at index time from every abstract.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from assistant.text.lexicon import words as lexicon_words
from assistant.text.patterns import compiled

_DEFINITION = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9}?)s?\)")
_WORD = re.compile(r"[A-Za-z0-9]+")
_COMPOUND = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
# Words an acronym usually skips ("Quality of Service (QoS)" has no letter for "of").
_SKIPPABLE = frozenset(lexicon_words("title_function_words"))


def _letters(acronym: str) -> str:
    return "".join(character for character in acronym.lower() if character.isalpha())


def _match_long_form(words: list[str], letters: str) -> list[str] | None:
    """The shortest run of trailing words whose initials spell the acronym's letters."""
    for count in range(1, min(len(words), len(letters) + 3) + 1):
        candidate = words[-count:]
        if candidate[0].lower() in _SKIPPABLE:
            continue
        all_initials = "".join(word[0].lower() for word in candidate)
        content_initials = "".join(
            word[0].lower() for word in candidate if word.lower() not in _SKIPPABLE
        )
        if letters in (all_initials, content_initials):
            return candidate
    return None


def _defined(text: str) -> Iterator[tuple[re.Match[str], str, str]]:
    """Each "long form (ACRONYM)" in a text: the parenthesis, the text before it, and the long
    form whose initials spell the acronym, as written."""
    for match in _DEFINITION.finditer(text):
        acronym = match.group(1)
        letters = _letters(acronym)
        if len(letters) < 2 or sum(c.isupper() for c in acronym) < 2:
            continue
        before = text[max(0, match.start() - 120) : match.start()]
        # hyphenated compounds contribute one initial per part (test-time prompt tuning, TPT),
        # else one for the whole compound (long sequence time-series forecasting, LSTF)
        clause = before.split(";")[-1].split(":")[-1]
        long_form = _match_long_form(_WORD.findall(clause), letters)
        if long_form is None:
            long_form = _match_long_form(_COMPOUND.findall(clause), letters)
        if long_form is not None:
            yield match, before, _long_form_text(before, long_form)


def mine(texts: Iterable[str]) -> dict[str, list[str]]:
    """``{"TTA": ["test-time adaptation", "test-time augmentation"], ...}``, most used first."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for match, _, phrase in _defined(text):
            found[match.group(1)][phrase.lower()] += 1
    return {acronym: _distinct(counts) for acronym, counts in found.items()}


def definitions(text: str) -> dict[str, str]:
    """The acronyms one text defines, each with its long form as written there, first
    definition first: "PaRIS particle Gibbs (PPG)" -> {"PPG": "PaRIS particle Gibbs"}. A long
    form keeps the whole hyphenated compound it starts inside ("test-time prompt tuning (TPT)",
    not "time prompt tuning"): the initials match either way, the words do not."""
    found: dict[str, str] = {}
    for match, before, phrase in _defined(text):
        acronym = match.group(0)[1:-1]
        if acronym in found:
            continue
        at = before.rfind(phrase)
        compound = re.search(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-$", before[:at]) if at > 0 else None
        found[acronym] = (compound.group(0) if compound else "") + phrase
    return found


def _distinct(counts: Counter[str]) -> list[str]:
    """Most used first, folding spelling variants ("state-space model" = "state space models")."""
    seen: set[str] = set()
    phrases: list[str] = []
    for phrase, _ in counts.most_common():
        key = phrase.replace("-", " ").rstrip("s")
        if key not in seen:
            seen.add(key)
            phrases.append(phrase)
    return phrases


def _long_form_text(before: str, words: list[str]) -> str:
    """Recover the phrase as written (with its hyphens) from the text before the parenthesis."""
    if not words or words[0] not in before:
        return " ".join(words)
    pattern = r"[\s-]+".join(re.escape(word) for word in words)
    matches = list(compiled(pattern).finditer(before))
    return matches[-1].group(0) if matches else " ".join(words)


def expand(query: str, acronyms: dict[str, list[str]], *, most: int = 2) -> str:
    """The query with the long forms of any acronym it uses appended (no-op when none match)."""
    additions: list[str] = []
    # in order of appearance: the expansion (and so the embedded query) must not depend on the
    # hash seed
    for token in dict.fromkeys(re.findall(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]", query)):
        for candidate in (token, token.rstrip("s")):
            long_forms = acronyms.get(candidate)
            if long_forms:
                additions.extend(form for form in long_forms[:most] if form not in query.lower())
                break
    return f"{query} ({'; '.join(additions)})" if additions else query


def spelled_out_forms(
    query: str, acronyms: dict[str, list[str]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each acronym whose long form the query spells out, with the stemmed long form it stands
    for: in "quantization of large language models", LLM stands for "large language models"
    only, so a paper saying "LLM" has not said the whole phrase."""
    from assistant.text.tokens import tokenize

    words = tokenize(query)
    runs = {
        tuple(words[start:end])
        for start in range(len(words))
        for end in range(start + 2, len(words) + 1)
    }
    found: list[tuple[str, tuple[str, ...]]] = []
    for acronym, long_forms in acronyms.items():
        form = next((_form_tokens(form) for form in long_forms if _form_tokens(form) in runs), None)
        if form is not None:
            found.extend((token, form) for token in tokenize(acronym))
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=8192)
def _form_tokens(form: str) -> tuple[str, ...]:
    from assistant.text.tokens import tokenize

    return tuple(tokenize(form))
