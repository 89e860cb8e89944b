"""Questions that ask for a kind of document ("Are there any surveys, tutorials or theses in the
collection?", "Is there a tutorial on Bayesian optimization?"): the papers of that kind, found by
what they say they are, not by how close their abstracts sit to the question's words (a survey's
abstract is about its field, not about being a survey). So are questions about what the papers'
titles say ("For each paper whose title says it is robust, robust against what?"): the papers
whose titles say it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from assistant.models import Paper
from assistant.text.lexicon import words
from assistant.text.query import content_tokens
from assistant.text.tokens import tokenize

# Of the question's other words, at least this share must be in a paper of the asked kind for it
# to be about what the question asks ("a tutorial on Bayesian optimization"); fixed, as "most".
_TOPIC_SHARE = 0.5


@cache
def _kinds() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in words("document_kinds"):
        kind, *names = line.split()
        table[kind] = tuple(names)
    return table


def names_a_kind(word: str) -> bool:
    """Whether a word of the question names a kind of document ("PhD", "dissertation"): it says
    what the paper is, which no abstract need write ("I remember a PhD dissertation about ..."
    was refused: "the collection never mentions 'PhD'"; r021)."""
    lowered = word.lower()
    return any(lowered in names for kind, names in _kinds().items() if kind != "frame")


def asked_kinds(question: str) -> frozenset[str]:
    """The kinds of document the question names ("survey", "tutorial", "thesis")."""
    said = set(re.findall(r"[a-z]+", question.lower()))
    return frozenset(
        kind for kind, names in _kinds().items() if kind != "frame" and said & set(names)
    )


def _self_description(names: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(
        rf"\b(?:this|our|the present)\s+(?:[a-z-]+\s+)?(?:{alternatives})\b", re.IGNORECASE
    )


def is_of_kind(paper: Paper, kinds: frozenset[str]) -> bool:
    """Whether the paper's title names one of the kinds, or its abstract speaks of itself as one
    ("This doctoral thesis provides ...", "In this tutorial, we ...")."""
    for kind in kinds:
        names = _kinds()[kind]
        if re.search(rf"\b(?:{'|'.join(names)})\b", paper.title, re.IGNORECASE):
            return True
        if _self_description(names).search(paper.abstract):
            return True
    return False


def papers_of_kind(question: str, papers: Sequence[Paper]) -> list[Paper]:
    """The papers of the kinds the question asks for that are about the rest of the question
    (all of them when it names nothing else: "any surveys in this collection?"); empty when the
    question asks for no kind."""
    kinds = asked_kinds(question)
    if not kinds:
        return []
    # what names the kind, and generic heads ("surveys of diffusion models" are about diffusion)
    kind_words = {
        token
        for names in (*_kinds().values(), words("generic_heads"))
        for name in names
        for token in tokenize(name)
    }
    rest = [token for token in dict.fromkeys(content_tokens(question)) if token not in kind_words]
    found = []
    for paper in papers:
        if not is_of_kind(paper, kinds):
            continue
        text = set(tokenize(f"{paper.title} {paper.abstract}"))
        if rest and sum(token in text for token in rest) < _TOPIC_SHARE * len(rest):
            continue
        found.append(paper)
    return found


# "papers whose title says it is robust", "paper titles ... advertise robustness": the word the
# titles are asked to say (after the verb, a pronoun and "is"/"are" or "the word" may come first)
_TITLE_SAYS = re.compile(
    r"\btitles?\b[^.?!;:]{0,40}?\b(?:says?|mentions?|contains?|advertises?|claims?|includes?|"
    r"uses?|features?|carry|carries|names?)\s+(?:that\s+)?(?:(?:it|they)\s+(?:is|are)\s+|"
    r"the\s+(?:word|term)\s+)?[\"'“‘]?([A-Za-z][\w-]*)",
    re.IGNORECASE,
)
# a term in quotes: "say a method is 'guided' by something or is about 'guidance'"
_QUOTED_TERM = re.compile(r"(?<!\w)[\"'“‘]([A-Za-z][\w -]{0,38}?)[\"'”’](?!\w)")
# "papers that pose a question in their title", "titles phrased as questions", "which titles
# ask a question": the papers whose titles are questions
_QUESTION_TITLES = re.compile(
    r"\b(?:pose|poses|posing|ask|asks|asking|phrased\s+as|posed\s+as|framed\s+as|are|is)\s+"
    r"(?:a\s+|as\s+a\s+)?questions?\b[^.?!]{0,30}?\btitles?\b"
    r"|\btitles?\b[^.?!]{0,30}?\b(?:pose|poses|posing|ask|asks|asking|phrased\s+as|posed\s+as|"
    r"framed\s+as|are|is)\s+(?:a\s+|as\s+a\s+)?questions?\b",
    re.IGNORECASE,
)
# "papers with 'transformer' in the title", "which papers have the word Mamba in their titles"
_IN_THE_TITLE = re.compile(
    r"(?:[\"'“‘]([^\"'“”‘’]{2,40})[\"'”’]|\b(?:with|have|has)\s+(?:the\s+(?:word|term)\s+)?([A-Za-z][\w-]*))\s+in\s+"
    r"(?:the|their|its)\s+titles?\b",
    re.IGNORECASE,
)


def title_words(question: str) -> list[str]:
    """The word (or quoted phrase) a question asks the papers' titles to say, as tokens; empty
    when it asks nothing of titles, or what it names is no content word ("whose title says
    something")."""
    phrases = _title_phrases(question)
    return list(phrases[0]) if phrases else []


def asks_of_titles(question: str) -> bool:
    """Whether a question asks for the papers by what their titles say: a word ("whose title
    says it is robust") or a question ("which titles pose a question?")."""
    return bool(_title_phrases(question)) or _QUESTION_TITLES.search(question) is not None


def _title_phrases(question: str) -> list[tuple[str, ...]]:
    """Each word or phrase a question asks the titles to say, as tokens: "Lots of titles here
    say a method is 'guided' by something or is about 'guidance'" gives both quoted words (the
    words before a quote, "a method is", are not what the titles say)."""
    found = _TITLE_SAYS.search(question)
    if found is not None:
        sentence = re.split(r"[.?!](?:\s|$)", question[found.start() :], maxsplit=1)[0]
        quoted = [content_tokens(term) for term in _QUOTED_TERM.findall(sentence)]
        if any(quoted):
            return [tuple(tokens) for tokens in quoted if tokens]
    found = found or _IN_THE_TITLE.search(question)
    if found is None:
        return []
    said = content_tokens(next(group for group in found.groups() if group))
    return [tuple(said)] if said else []


def papers_titled(question: str, papers: Sequence[Paper]) -> list[Paper]:
    """The papers whose titles say what the question asks titles to say (any of the words it
    quotes), or whose titles ask a question when it asks for those, in the collection's order;
    empty when it asks nothing of titles."""
    if _QUESTION_TITLES.search(question) is not None:
        # ("... pose a question right in their title (things like 'Is X effective for...?')":
        # a title asks when it ends, or a part of it ends, on a question mark; x008)
        return [paper for paper in papers if "?" in paper.title]
    phrases = _title_phrases(question)
    return [
        paper
        for paper in papers
        if any(_says_in_order(phrase, tokenize(paper.title)) for phrase in phrases)
    ]


def _says_in_order(wanted: Sequence[str], tokens: Sequence[str]) -> bool:
    if len(wanted) == 1:
        return wanted[0] in tokens
    return any(
        list(tokens[start : start + len(wanted)]) == list(wanted)
        for start in range(len(tokens) - len(wanted) + 1)
    )
