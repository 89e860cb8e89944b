"""The name a paper gives its method, and the label prose and citations use for a paper."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from assistant.text.claims import fix_artefacts
from assistant.text.claims.base import MAX_TITLE_NAME_CHARS
from assistant.text.lexicon import words as lexicon_words
from assistant.text.patterns import compiled
from assistant.text.tokens import sentence_case

if TYPE_CHECKING:
    from assistant.text.analysis import PaperAnalysis


def _words(text: str) -> list[str]:
    return text.split()


# --- labels --------------------------------------------------------------------------------


# One name detector for the whole pipeline: the claims analyser's (it knows field acronyms such
# as "CE" or "MLLMs" are no names, and finds names the contribution sentence gives).
def method_name(paper: Titled) -> str | None:
    """The name the paper goes by, or None: a short title prefix ("Zoology: ...", "Quamba2: ..."),
    which is how readers cite it, else the name its abstract gives what it contributes (as the
    analysis stored at index time found it: not looked for again on the question path)."""
    return _title_name(paper.title) or paper.analysis.claims.name


@lru_cache(maxsize=8192)
def _title_name(title: str) -> str | None:
    if ":" in title:
        prefix = fix_artefacts(title.split(":", 1)[0].strip())
        if 0 < len(prefix) <= MAX_TITLE_NAME_CHARS and len(prefix.split()) <= 2:
            return prefix
        # "Gradient Boosting Neural Networks: GrowNet": a coined word after the colon (a capital
        # inside it) is the name; the description before it was the label, and a request naming
        # GrowNet met "Gradient Boosting Neural Networks" (review70)
        suffix = fix_artefacts(title.rsplit(":", 1)[1].strip())
        if re.fullmatch(r"[A-Za-z][\w-]*", suffix) and any(c.isupper() for c in suffix[1:]):
            return suffix
    # "MeLM, a generative pretrained language modeling framework that ...": an appositive names
    # what the name before it is
    appositive = re.match(r"([^,:]+),\s+(?:a|an|the)\s", title, re.IGNORECASE)
    if appositive:
        prefix = fix_artefacts(appositive.group(1).strip())
        if len(prefix) <= MAX_TITLE_NAME_CHARS and len(prefix.split()) <= 2:
            return prefix
    return None


# What a citation label is (fixed, like the claims' lengths: labels are part of the analysis stored
# at index time, versioned with this package's code; see text/analysis.py).
LABEL_MAX_WORDS = 8  # a title head longer than this is shortened for citations in prose
_SHORT_LABEL_WORDS = 4  # ... to at most this many words
_ARTICLES = frozenset(("a", "an", "the"))
_LABEL_OPENERS = re.compile(r"^(?:(?:towards|toward|on|a|an|the)\s+)+(?=\S+\s+\S+)", re.IGNORECASE)
# A label never ends on a function word, nor on a verb or negation that leaves it mid-phrase.
_LABEL_STOPS = frozenset(lexicon_words("title_function_words")) | frozenset(
    ["from", "as", "at", "is", "are", "can", "do", "does", "not", "without"]
)


# Endings of a word that modifies the noun after it ("Neural", "Recurrent"): no label ends on one.
_MODIFIER_END = re.compile(r"(?:al|ent|ive|ous|ic)$", re.IGNORECASE)
# ... nor on a participle before its agent or noun ("Interference Induced | by Data Training ...")
_PARTICIPLE_END = re.compile(r"(?<!e)ed$", re.IGNORECASE)


_LABEL_BREAKS = frozenset(
    (
        "for",
        "with",
        "via",
        "in",
        "on",
        "of",
        "from",
        "by",
        "through",
        "using",
        "to",
        "and",
        "beyond",
        # a relative clause: "A Simple Baseline that Questions the Use of ..." is "Simple
        # Baseline", not "Simple Baseline that Questions"
        "that",
        "which",
    )
)


# A title that is a question starts with one of these; it stands whole up to this many words.
_QUESTION_OPENERS = frozenset(
    [
        "are",
        "is",
        "can",
        "could",
        "do",
        "does",
        "did",
        "should",
        "will",
        "why",
        "how",
        "what",
        "when",
        "which",
        "where",
    ]
)
_QUESTION_LABEL_WORDS = 12


def _breaks(words: list[str], within: int) -> list[int]:
    """Positions (from the third word, among the first ``within``) of words a label may end before."""
    return [
        index
        for index, word in enumerate(words[:within])
        if index >= 2 and word.lower() in _LABEL_BREAKS
    ]


def _short_head(head: str) -> str:
    """A long title head shortened to its first words, ending on a content word, without an
    ellipsis ("Towards Open-Set Test-Time Adaptation Utilizing the Wisdom of Crowds ..." ->
    "Open-Set Test-Time Adaptation"); the full title stands in the references."""
    if len(head.split()) <= LABEL_MAX_WORDS:
        return head
    words = _LABEL_OPENERS.sub("", head).split()
    # End at the first preposition when that leaves a phrase of its own ("Recurrent Drafter for
    # Fast Speculative Decoding" -> "Recurrent Drafter", not "Recurrent Drafter for Fast").
    breaks = _breaks(words, _SHORT_LABEL_WORDS + 2)
    if words and words[0].lower() in _QUESTION_OPENERS:
        # "Are Emergent Abilities of Large Language Models a Mirage?": a question cut short
        # ("Are Emergent Abilities") asks nothing; it is its own name whole, when it is short
        whole = " ".join(words)
        if len(words) <= _QUESTION_LABEL_WORDS:
            return sentence_case(whole)
    verb = next(
        (index for index, word in enumerate(words[: LABEL_MAX_WORDS + 1]) if word in ("is", "are")),
        None,
    )
    if verb is not None and verb >= 3:
        # "One Step of Gradient Descent is Provably the Optimal ...": a title that is a sentence
        # is named by its subject, not cut at its first preposition ("One Step")
        subject = " ".join(words[:verb])
        return sentence_case(subject)
    last = words[_SHORT_LABEL_WORDS - 1] if len(words) >= _SHORT_LABEL_WORDS else ""
    coordinated = any(word.lower() in ("&", "and") for word in words[1:_SHORT_LABEL_WORDS])
    if not breaks and (_MODIFIER_END.search(last) or coordinated):
        # "Study of Bayesian Neural | Network Surrogates for ...": four words would stop on a
        # modifier inside a compound; "Better & Faster Large | Language Models via ...": the
        # coordination takes a word of the four, and the phrase it opens goes on; the first
        # break further on ends it
        breaks = _breaks(words, LABEL_MAX_WORDS)
    cut = words[: breaks[0]] if breaks else words[:_SHORT_LABEL_WORDS]
    # "Self-supervised learning", "Neural networks": a field's name, not this paper's; the label
    # runs on to the next break like a gerund's below
    generic = len(cut) <= 2 and bool(cut) and cut[-1].lower() in _FIELD_HEADS
    if cut and (generic or (cut[0].lower().endswith("ing") and len(cut) <= 3)):
        # "Scaling Laws", "Dissecting the Effects": a gerund and its object name no work (two
        # papers may share them); the label runs on to the next break ("Scaling Laws for
        # Downstream Task Performance"), or a few words when a short cut says nothing at all
        longest = _SHORT_LABEL_WORDS + 2
        later = [index for index in _breaks(words, longest + 1) if index > len(cut)]
        if later:
            cut = words[: later[0]]
        elif len(cut) <= 2:
            cut = words[:longest]
    # "Theoretical Guarantees | of Learning Ensembling Strategies ...", "Statistical theory | of
    # self-gravitating ... flow": a kind of work before "of" says what the paper gives, not of
    # what; the label takes the "of" phrase up to the next break (review62: "Theoretical
    # Guarantees proves a novel result", and two papers were both "Statistical theory")
    of_phrase = len(cut) < len(words) and words[len(cut)].lower() == "of"
    if of_phrase and len([word for word in cut if word.lower() not in _ARTICLES]) <= 2:
        later = [index for index in _breaks(words, LABEL_MAX_WORDS) if index > len(cut) + 1]
        end = later[0] if later else min(len(words), LABEL_MAX_WORDS)
        # ... which a participle ends as a break does ("Active Ranking of Experts | Based on")
        cut = words[
            : next(
                (
                    index
                    for index in range(len(cut) + 2, end)
                    if _PARTICIPLE_END.search(words[index]) and "-" not in words[index]
                ),
                end,
            )
        ]
    # "RL on Incorrect Synthetic | Data ...", "Tackling Interference Induced | by Data Training
    # Loops in ...": a cut on a modifier runs on to the next break, or to the noun it modifies
    while (
        cut
        and len(cut) < min(len(words), LABEL_MAX_WORDS)
        and (_MODIFIER_END.search(cut[-1]) or _PARTICIPLE_END.search(cut[-1]))
        and "-" not in cut[-1]
    ):
        later = [index for index in _breaks(words, LABEL_MAX_WORDS) if index > len(cut)]
        cut = words[: later[0]] if later else words[: len(cut) + 1]
    # "Dirichlet Flow Matching | with Applications ...": a word the label ends on before a break
    # heads its noun phrase, "-ing" or not
    ends_a_phrase = len(cut) < len(words) and words[len(cut)].lower() in _LABEL_BREAKS
    words = cut
    # a trailing function word or participle goes ("Simple Baseline that", "Models Using"); a
    # gerund after a preposition is the object ("Algorithms for Caching", not "Algorithms for")
    while len(words) > 2 and (
        words[-1].lower() in _LABEL_STOPS
        # ... but a hyphenated one is a noun ("Adaptive Time-Stepping", "Instruction Fine-Tuning")
        or (
            words[-1].lower().endswith("ing")
            and "-" not in words[-1]
            and words[-2].lower() not in _LABEL_STOPS
            # ... nor one an adjective modifies ("Liquid Neural Network-based Adaptive Learning
            # vs. ...": "Adaptive" alone named nothing; review59)
            and not _MODIFIER_END.search(words[-2])
            and not ends_a_phrase
        )
    ):
        ends_a_phrase = False
        words.pop()
    label = " ".join(words)
    return sentence_case(label)


# A sentence that names something in words: "we refer to the modified RPS ... as STABLE-RPS",
# "a method called X", "dubbed X", or a term defined after a dash ("We reduce negative flips --
# instances where a prior model version was correct, but a new model incorrect -- by up to 40%").
_NAMING_WORDS = (
    r"\b(?:called|named|dubbed|termed|coined|we call|refer(?:red)? to\b[^.]{0,120}?\bas)\b|"
    r"\w\s+(?:--|—|–)\s+(?:i\.e\.|that is|namely|instances|cases|examples|samples|situations)\b"
)
NAMES_IN_WORDS = re.compile(_NAMING_WORDS)
# ... or by an acronym defined in brackets, which a sentence also does in passing ("the
# challenging Open-Vocabulary Segmentation (OVS) task"): enough to prefer it as evidence for a
# question asking a name, not to lead the answer with it
GIVES_NAME = re.compile(rf"{_NAMING_WORDS}|\((?:[A-Z][\w-]*[A-Z0-9][\w-]*)\)")


_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\s*(?:\{([^{}]*)\})?")


# Head nouns that make a two-word title opening a field's name ("Self-supervised learning").
_FIELD_HEADS = frozenset((*lexicon_words("generic_heads"), "learning", "networks", "network"))


class Titled(Protocol):
    """Anything with a title, an abstract and their analysis (a Paper)."""

    @property
    def title(self) -> str: ...

    @property
    def abstract(self) -> str: ...

    @property
    def analysis(self) -> PaperAnalysis: ...


def title_head(title: str) -> str:
    """The title before its colon or question mark, as prose names a paper by it; a question
    keeps its mark ("Are Emergent Abilities of Large Language Models a Mirage?"): without it
    the label reads as a sentence the writer left unfinished."""
    question = re.match(r"\s*([^:?]+\?)", title)
    if question is not None:
        return question.group(1).strip()
    return re.split(r"[:?]", title)[0].strip() or title


def display_title(title: str) -> str:
    """The title as a reader sees it: without what LaTeX markup left in it ("Inference Scaling
    scriptsizeFLaws", from the page's "\\scriptsize{F}Laws", is "Inference Scaling FLaws";
    review82 met it in a reference list)."""
    return fix_artefacts(_LATEX_COMMAND.sub(lambda match: match.group(1) or "", title))


def short_label(paper: Titled) -> str:
    """The paper's name in prose and citations: the method's name, else its title before any
    colon, whole (a cut title reads as a typo and says less than the full one)."""
    name = method_name(paper)
    if name:
        return fix_artefacts(_LATEX_COMMAND.sub(lambda match: match.group(1) or "", name))
    head = title_head(display_title(paper.title))
    if head.endswith("?"):
        # a question is quoted whole: cut short ("Why Has Predicting Downstream Capabilities")
        # it misleads, and unquoted it runs into the sentence naming it ("the authors of How
        # predictable is language model benchmark performance? observe ...")
        return f"“{head}”"
    label = _short_head(head)
    cut = head[len(label) :] if head.startswith(label) else ""
    if _NEGATED_CLAIM.search(cut):
        # a title that states a negative finding, cut before it, names what the paper found
        # wanting as if it were the paper's proposal: "Allowing humans to interactively guide
        # machines" for "... where to look does not always improve a human-AI team's
        # classification accuracy" (review55: the cut "hides" the finding); quoted whole, as a
        # question is. (A title's positive claim cut off, "Spatiotemporal Entropy Model | is All
        # You Need ...", still names what the paper proposes.)
        return f"“{head}”"
    return label


def writes_label(label: str, text: str) -> bool:
    """Whether a sentence writes the paper's label, whatever its case: "we develop Dirichlet flow
    matching" names Dirichlet Flow Matching, so "Dirichlet Flow Matching develops Dirichlet flow
    matching" would name it twice; "Physics-Informed Gaussians (PIGs)" names PIG."""
    if not label or label.lower() not in text.lower():
        return False  # (no pattern built for a label the text does not hold)
    pattern = rf"(?<!\w){re.escape(label)}s?(?!\w)"
    return compiled(pattern, re.I).search(text) is not None


def _told_apart(name: str, title: str) -> str:
    """A paper that shares its name with another, by its name and what its subtitle says
    ("MEDIDA (quasi-geostrophic turbulence test case)", where the two MEDIDA papers went by
    titles of 14 and 12 words: review47 "full 14-word titles as sentence subjects"); by its
    title before the colon when the subtitle is long, absent or the name itself."""
    head, _, subtitle = title.partition(":")
    subtitle = re.sub(r"^(?:an?|the)\s+", "", subtitle.strip(), flags=re.IGNORECASE)
    if (
        head.strip()
        and subtitle
        and len(subtitle.split()) <= _SUBTITLE_WORDS
        and name.lower() not in subtitle.lower()
        and not subtitle.endswith("?")
    ):
        return f"{name} ({subtitle[:1].lower()}{subtitle[1:]})"
    return title_head(title)


_SUBTITLE_WORDS = 6  # a subtitle longer than this is no label


def distinct_labels(papers: Mapping[str, Titled]) -> dict[str, str]:
    """A distinct short label per paper id: two papers by one name ("PFNs", "Less is More") go
    by their titles, and a title said twice gets a number. The prose and the citations of one
    answer use the same labels."""
    labels = {paper_id: short_label(paper) for paper_id, paper in papers.items()}
    counts = Counter(labels.values())
    for paper_id, paper in papers.items():
        if counts[labels[paper_id]] > 1:  # two papers by one name: their titles tell them apart
            labels[paper_id] = _told_apart(labels[paper_id], paper.title)
    taken: dict[str, int] = {}
    for paper_id, label in list(labels.items()):
        taken[label] = taken.get(label, 0) + 1
        labels[paper_id] = label if taken[label] == 1 else f"{label} ({taken[label]})"
    return labels


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    return frozenset(lexicon_words("title_clause_verbs"))


# a verb of a title's claim, negated: "does not always improve", "cannot", "never helps"
_NEGATED_CLAIM = re.compile(
    r"\b(?:(?:does|do|is|are|can|will)\s*n[o']t|cannot|never|fails?\s+to)\b", re.IGNORECASE
)


def reads_as_clause(label: str) -> bool:
    """Whether a label is a title that is itself a sentence ("Random Teachers are Good Teachers",
    "Neural networks behave as hash encoders"): as a sentence's subject it would run into the
    sentence's own verb."""
    tokens = re.findall(r"[A-Za-z]+", label)
    return len(tokens) >= 3 and any(token.lower() in _clause_verbs() for token in tokens)
