"""Scope widened beyond the cited abstract: "all", "always", "the first", "state-of-the-art"
(``lexicon/scope.txt``) where no cited abstract says it."""

from __future__ import annotations

import re
from functools import cache

from assistant.answer.parsed import Conflict, Text
from assistant.text.lexicon import words as lexicon_words


@cache
def _scope_words() -> frozenset[str]:
    return frozenset(lexicon_words("scope"))


def inflated_scope(draft: Text, cited_text: str) -> Conflict | None:
    lower = cited_text.lower()
    found: list[tuple[int, str]] = [
        (i, word) for i, word in enumerate(draft.words) if word in _scope_words()
    ]
    # Hyphenated scope words are split by the word pattern; find them as phrases.
    raw = " ".join(draft.words)
    if re.search(r"\bstate of the art\b", raw):
        found.append((-1, "state-of-the-art"))
    for i, word in found:
        following = draft.words[i + 1 : i + 3] if i >= 0 else ()
        # "All three papers ...", "all of these" organise the answer, not a claim.
        if word in ("all", "every") and following[:1] and following[0] in _COUNTING:
            continue
        # "fail to learn ... at all": "at all" strengthens a negation, it widens no claim.
        if word == "all" and i > 0 and draft.words[i - 1] == "at":
            continue
        # "X, Y and Z all work on ...": "all" gathers the papers named before it.
        if word == "all" and following[:1] and following[0] in _GATHERING_VERBS:
            continue
        # "First, ...", "The first presents ...": an ordinal that orders the answer.
        if word == "first" and (i <= 1 or draft.words[i + 1 : i + 2] == ("order",)):
            continue
        forms = _SCOPE_FORMS.get(word, (word,))
        if not any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", lower) for form in forms):
            return Conflict(
                "inflated_scope",
                f"'{word}' claims more than the cited abstract, which never says it",
            )
    return None


_GATHERING_VERBS = frozenset(
    [
        "work",
        "works",
        "use",
        "study",
        "propose",
        "address",
        "focus",
        "share",
        "build",
        "rely",
        "adapt",
        "aim",
        "target",
        "consider",
        "tackle",
        "apply",
        "improve",
        "show",
        "reduce",
        "learn",
        "treat",
    ]
)
# What an abstract may say instead of the scope word and mean the same.
_SCOPE_FORMS = {
    "sota": ("sota", "state-of-the-art", "state of the art"),
    "state-of-the-art": ("sota", "state-of-the-art", "state of the art"),
    "best": ("best", "highest", "top", "leading", "outperform", "outperforms"),
}
_COUNTING = frozenset(
    ["of", "these", "those", "papers", "works", "studies", *lexicon_words("number_words")[2:]]
)
