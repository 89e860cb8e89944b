"""Typed data that crosses module boundaries: papers, search hits, evidence, drafts and answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

from assistant.text.analysis import PaperAnalysis, analyse_paper
from assistant.text.identity import content_hash

RetrieverName = Literal["dense", "bm25"]
SearchMode = Literal["hybrid", "dense", "bm25"]
SEARCH_MODES: tuple[SearchMode, ...] = get_args(SearchMode)
EngineName = Literal["extractive", "llm"]  # the writers of assistant.writers' registry
ENGINES: tuple[EngineName, ...] = get_args(EngineName)


@dataclass(frozen=True)
class Source:
    """Where a paper was listed: a listing page (with its entry number) or a JSONL file line."""

    file: str
    position: int


@dataclass(frozen=True)
class Paper:
    id: str
    title: str
    abstract: str
    citation_key: str
    sources: tuple[Source, ...] = ()
    authors: tuple[str, ...] = ()
    year: int | None = None
    url: str | None = None
    venue: str | None = None  # journal or proceedings, from an imported bibliography
    doi: str | None = None
    # The abstract analysed at index time (read with the paper from the store); not part of the
    # paper's identity. None for a paper that was never indexed: ``analysis`` computes it then.
    stored_analysis: PaperAnalysis | None = field(
        default=None, compare=False, hash=False, repr=False
    )

    @property
    def content_hash(self) -> str:
        return content_hash(self.title, self.abstract)

    @property
    def analysis(self) -> PaperAnalysis:
        """Sentences, their roles, the text saying what the paper does, and its claims."""
        if self.stored_analysis is not None:
            return self.stored_analysis
        return analyse_paper(self.title, self.abstract)


def papers_label(papers: Sequence[Paper]) -> str:
    """What a comparison of papers chosen by id, asked without a topic, is headed by: their
    titles. A writer handed it knows the request names papers and asks about no topic, so what
    the titles share is the papers' common ground, not the request repeated."""
    return "; ".join(paper.title for paper in papers)


@dataclass(frozen=True)
class RetrieverRank:
    """A retriever that found a paper, the paper's rank there (1-based) and its raw score."""

    retriever: RetrieverName
    rank: int
    score: float


@dataclass(frozen=True)
class SearchHit:
    paper: Paper
    score: float
    rank: int
    found_by: tuple[RetrieverRank, ...] = ()


@dataclass(frozen=True)
class EvidenceSentence:
    """One abstract sentence of a retrieved paper, scored against the query."""

    paper_id: str
    index: int
    text: str
    score: float
    # its cosine to each clause a comparison asks after its topic ("how does each avoid
    # hand-tuning the step size", "what information does each use to set it"), in order; empty
    # where none was asked or the index holds no sentence vectors
    asked: tuple[float, ...] = ()


# A comparison table's cell where the paper's abstract does not say what the column asks.
EMPTY_CELL = "—"
# ... said under the table as what the tool found, not as what the abstract says (the web page's
# tooltip, assistant/static/app.js, says the same)
EMPTY_CELL_MEANS = "no sentence of the abstract was matched to this column"

# The heading under which an answer says the papers the relevance model is less sure of
# (``Evidence.doubtful``), after the others; LaTeX keeps it as a comment, not a heading.
# A topic answer told sense by sense (answer.senses) ends on the papers under none of the senses
# its question lists
OTHER_SENSES_HEADING = "Other papers"
LESS_CERTAIN_HEADINGS = {
    "ask": "Less certainly on the question",
    "related-work": "Less certainly on the topic",
}


@dataclass(frozen=True)
class Evidence:
    """A retrieved paper with the sentences of its abstract that bear on the query, best first."""

    paper: Paper
    score: float
    rank: int
    sentences: tuple[EvidenceSentence, ...] = ()
    # the relevance model is less sure the paper is about the question than about the others
    # (a topic question's paper below ``sure_probability``): said apart, after them
    doubtful: bool = False
    # which of the senses or kinds a topic question lists (text.query.listed_senses) the paper
    # is an instance of, by position; None where none is clearly its (answer.senses)
    sense: int | None = None


SentenceKind = Literal["claim", "connective"]


@dataclass
class DraftSentence:
    """A drafted sentence. A writer declares a sentence ``connective`` when it organises the
    answer and states nothing about any paper ("Seven papers in the collection bear on this."); the
    verifier holds such a sentence to having no citation, no figure and no name of its own, and
    checks every other sentence as a claim about the papers it cites."""

    text: str
    citations: list[str] = field(default_factory=list)
    kind: SentenceKind = "claim"


@dataclass
class Draft:
    """What a writer produces: sentences, each with the paper ids it cites, and its sections
    (sentence indices per paragraph, a heading each; one paragraph when a writer gives none)."""

    sentences: list[DraftSentence]
    engine: str
    warnings: list[str] = field(default_factory=list)
    paragraphs: list[list[int]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    usage: dict[str, int] | None = None  # LLM token counts, when the endpoint reports them


Task = Literal["ask", "compare", "related-work"]
TASKS: tuple[Task, ...] = get_args(Task)


# What the verifier decided about a sentence, one closed set for every engine (see verify.py).
VerdictKind = Literal[
    "supported",  # its words, numbers and names are in the abstracts it cites
    "paraphrase",  # close in meaning to a sentence of a cited abstract
    "summary",  # groups several papers, and each one it cites states what it says of them
    "connective",  # organises the answer and states no claim of its own
    "recited",  # moved to the evidence paper that does state it
    "abstention",  # the answer that the collection does not answer the question
    "unsupported_figure",  # a number no cited (or other evidence) abstract gives
    "unsupported_name",  # a name no cited (or other evidence) abstract uses
    "unsupported_claim",  # its words or meaning are not in any evidence abstract
    "uncited",  # a claim with no valid citation and no paper that states it
    "contradicted_direction",  # the opposite direction of its cited sentence (reduces/increases)
    "contradicted_negation",  # negates what the cited sentence asserts, or the reverse
    "contradicted_figure",  # a cited figure with another unit, or two figures swapped
    "inflated_scope",  # "all", "always", "the first", "state-of-the-art" the source never says
]
SUPPORTED_VERDICTS: frozenset[str] = frozenset(
    {"supported", "paraphrase", "summary", "connective", "recited", "abstention"}
)


@dataclass
class CheckedSentence:
    """A sentence after verification: its surviving citations and whether they support it."""

    text: str
    citations: list[str]
    supported: bool
    support_score: float = 0.0
    note: str = ""  # why it was re-cited, marked or kept, for --json and the eval report
    verdict: VerdictKind = "supported"  # the typed decision; ``note`` says why in words


@dataclass(frozen=True)
class TableCell:
    """One cell of a comparison table: a phrase drawn from one abstract sentence ('—' when none)."""

    text: str
    paper_id: str
    sentence_index: int | None = None  # the abstract sentence the cell is drawn from
    source_sentence: str | None = None


@dataclass
class ComparisonTable:
    aspects: list[str]
    rows: dict[str, list[TableCell]]  # paper id -> one cell per aspect
    note: str = ""  # e.g. that the reported results measure different things


@dataclass
class Answer:
    """What every task returns; the CLI renders it as Markdown, JSON or LaTeX."""

    task: Task
    question: str
    engine: str
    abstained: bool
    sentences: list[CheckedSentence]
    references: list[Paper]
    evidence: list[Evidence]
    paragraphs: list[list[int]] = field(default_factory=list)  # sentence indices per paragraph
    headings: list[str] = field(default_factory=list)  # optional heading per paragraph
    table: ComparisonTable | None = None
    warnings: list[str] = field(default_factory=list)
    removed_citations: list[str] = field(default_factory=list)  # ids cited outside the evidence
    dropped_sentences: int = 0
    seconds: float = 0.0
    # Why the engine asked for was not the one that answered ("" when it was).
    fallback: str = ""
    # The sentences verification dropped, each with its verdict and reason.
    rejected: list[CheckedSentence] = field(default_factory=list)
    usage: dict[str, int] | None = None  # LLM token counts, when the endpoint reports them

    @property
    def verified_count(self) -> int:
        return sum(1 for sentence in self.sentences if sentence.supported)

    @property
    def text(self) -> str:
        from assistant.citations import cite

        return " ".join(
            f"{sentence.text} {cite(sentence.citations)}".strip() for sentence in self.sentences
        )
