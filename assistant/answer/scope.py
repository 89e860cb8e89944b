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


def inflated_scope(draft: Text, cited_text: str, text: str = "") -> Conflict | None:
    """A scope word of ``draft`` (parsed from ``text``) that no cited abstract uses; a word the
    raw ``text`` uses only inside a hyphenated term or as a pronoun is no scope word there."""
    lower = cited_text.lower()
    claimed = _claiming(text) if text else None
    found: list[tuple[int, str]] = [
        (i, word) for i, word in enumerate(draft.words) if word in _scope_words()
    ]
    # Hyphenated scope words are split by the word pattern; find them as phrases.
    raw = " ".join(draft.words)
    if re.search(r"\bstate of the art\b", raw):
        found.append((-1, "state-of-the-art"))
    for i, word in found:
        if claimed is not None and i >= 0 and word not in claimed:
            continue
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


# ", all at less than 1/10th of the cost", ", all while ...": "all" after a comma and before a
# preposition stands for what the sentence listed before it; it widens none of them.
_SUMMING_ALL = re.compile(
    r",\s+all\s+(?:at|with|while|within|without|in|on|for|under|using|from|by|through)\b",
    re.IGNORECASE,
)


def _claiming(text: str) -> frozenset[str]:
    """The words ``text`` uses standing on their own: not inside a hyphenated term ("the 1-vs-all
    strategy", "all-to-all communication", "best-of-n sampling" name a thing, they widen no
    claim), and "all" not as a pronoun summing up a list (_SUMMING_ALL)."""
    words = [match.group(0).lower() for match in re.finditer(r"(?<![\w-])[A-Za-z]+(?![\w-])", text)]
    standing = set(words)
    if words.count("all") <= len(_SUMMING_ALL.findall(text)):
        standing.discard("all")
    return frozenset(standing)


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
