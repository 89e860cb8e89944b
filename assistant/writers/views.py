"""A paper as the extractive writer sees it: its evidence sentences with their roles, its label,
and the one sentence that states what it contributes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant import bm25
from assistant.models import DraftSentence, Evidence, EvidenceSentence, Paper
from assistant.text.claims import standalone
from assistant.text.names import method_name, reads_as_clause, short_label, writes_label
from assistant.text.roles import states_contribution
from assistant.text.tokens import sentence_case
from assistant.writers.rewrite import rewrite
from assistant.writers.synthesis import name_as_subject, named_subject

# Words that say nothing about what a paper does; kept out of themes and key phrases.
_GENERIC = frozenset(
    bm25.tokenize(
        "method methods approach approaches model models propose proposed novel new paper work "
        "show "
        "shows result results performance experiments experiment extensive demonstrate effective "
        "effectiveness state art existing previous based using use uses used task tasks data "
        "framework problem problems however also well various different several significantly "
        "improve improves improved improvement achieve achieves outperform outperforms baseline "
        "baselines benchmark benchmarks study studies propose introduce present provide address "
        "approach simple efficient efficiency challenge challenges key important large small "
        "high low first second two three one can may often many recent recently learning deep "
        "neural network networks code available github https com publicly released release "
        "while whereas thus therefore moreover furthermore specifically including particular "
        "general able ability across wide range lead leads leading terms compared comparison "
        "our we their its it this these those which such"
    )
)

# --- picking sentences ---------------------------------------------------------------------


@dataclass
class _PaperView:
    evidence: Evidence
    label: str
    roles: list[str]
    sentences: tuple[str, ...]
    long_words: int  # a longer sentence is used only when nothing shorter says the same
    tokens: Counter[str] = field(default_factory=Counter)
    # the label is not the paper's own name but its title: another paper of the answer goes by
    # the same name ("PFNs"), so the prose says the title, as the citations do
    renamed: bool = False

    @property
    def paper(self) -> Paper:
        return self.evidence.paper

    def ranked(self, *, exclude_roles: Sequence[str] = ("boilerplate",)) -> list[EvidenceSentence]:
        return [
            item for item in self.evidence.sentences if self.roles[item.index] not in exclude_roles
        ]

    def best(self, roles: Sequence[str], *, exclude: Sequence[int] = ()) -> EvidenceSentence | None:
        for item in self.evidence.sentences:
            if self.roles[item.index] in roles and item.index not in exclude:
                return item
        return None

    def contribution(self) -> EvidenceSentence | None:
        """The best sentence that states what the paper proposes (naming its method if one does),
        else any contribution sentence."""
        strong = [
            item
            for item in self.evidence.sentences
            if self.roles[item.index] == "contribution"
            and states_contribution(self.sentences[item.index])
        ]
        name = method_name(self.paper)
        naming = [item for item in strong if name and name in self.sentences[item.index]]
        short = [
            item
            for item in (naming or strong)
            if len(self.sentences[item.index].split()) <= self.long_words
        ]
        pool = short or naming or strong
        if pool:
            return pool[0]
        weak = [
            item for item in self.evidence.sentences if self.roles[item.index] == "contribution"
        ]
        weak.sort(key=lambda item: len(self.sentences[item.index].split()) > self.long_words)
        return weak[0] if weak else None


def _view(evidence: Evidence, long_words: int) -> _PaperView:
    analysis = evidence.paper.analysis
    view = _PaperView(
        evidence, short_label(evidence.paper), list(analysis.roles), analysis.sentences, long_words
    )
    view.tokens = Counter(
        token
        for token in bm25.tokenize(f"{evidence.paper.title} {evidence.paper.abstract}")
        if token not in _GENERIC
    )
    return view


_ANONYMOUS = "One paper"


def _subject_for(view: _PaperView, text: str) -> str:
    """The label, unless the sentence names it itself ("we present Quamba2, ...", "we propose a
    memory-reduced variant of Best-First Beam Search") or the label is a title that reads as a
    sentence: then "One paper", as the claims writer says it ("Quamba2 presents Quamba2" names it
    twice; the citation says which paper it is)."""
    if writes_label(view.label, text):
        return _ANONYMOUS
    if reads_as_clause(view.label):
        return _ANONYMOUS  # not "Neural networks behave as hash encoders can represent ..."
    return view.label


def _say(view: _PaperView, item: EvidenceSentence, *, subject: str | None = None) -> DraftSentence:
    """One evidence sentence in third person; the paper's first sentence names it."""
    raw = view.sentences[item.index]
    # "Moreover, the algorithms ...": an opener that points back at a sentence the reader is not
    # shown goes (rewrite keeps openers unless "we" follows them)
    raw = standalone(raw, view.paper.title) or raw
    if subject is None:
        said = _subject_for(view, raw)
        # ("For long horizon forecasting, we introduce ..., which enables SpaceTime to ...": a
        # sentence naming the paper needs no "the authors of SpaceTime" as well)
        authors = "the authors" if writes_label(view.label, raw) else f"the authors of {view.label}"
        text = rewrite(raw, said, authors=authors)
        first, by = text.find(view.label), text.find(authors)
        if 0 <= first < by:
            # "In Chaos as an interpretable benchmark, the dataset is annotated ..., and the
            # authors of Chaos as an interpretable benchmark perform ...": named once is enough
            text = f"{text[:by]}the authors{text[by + len(authors) :]}"
        if said == _ANONYMOUS and text.startswith(f"{_ANONYMOUS} "):
            # "One paper proposes HYPRO, a hybridly normalized probabilistic model ...": the
            # name the sentence gives its method is the subject, as the claims writer says it
            named = named_subject(
                text[len(_ANONYMOUS) + 1 :].rstrip("."), view.label, spelled_name=True
            )
            if named is not None:
                text = f"{sentence_case(named)}."
        if said == _ANONYMOUS:
            text = name_as_subject(text, view.label)
        return DraftSentence(text, [view.paper.id])
    return DraftSentence(rewrite(raw, subject, own=(view.label,)), [view.paper.id])
