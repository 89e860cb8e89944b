"""The tuning numbers of each stage, one group per stage, each number described where it is defined.

These are the dials the evals were tuned with: ``Settings`` holds one frozen instance of each
group (``settings.retrieval``, ``settings.evidence``, ``settings.writer``, ``settings.verify``,
``settings.lint``), set in config.toml under ``[evidence]`` and the like or in the environment as
``ASSISTANT_EVIDENCE__RELEVANCE_THRESHOLD``; ``assistant eval`` records every one of them, so a
baseline diff says which changed. A stage receives its group (``config=settings.evidence``), never
the whole settings object it does not need.

Numbers that define what a thing *is* rather than how well a stage does (the claims analyser's span
lengths, a citation label's word count, R@10's depth) are not here: they stay beside the code that
defines them, with a comment saying why they are fixed.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class RetrievalSettings(_Group):
    """Retrieve: dense and BM25 rankings fused into one."""

    rrf_k: int = Field(
        default=10,
        ge=1,
        description="Reciprocal rank fusion constant (tuned on evals/: 10-20 is a plateau).",
    )
    bm25_weight: float = Field(
        default=1.0, ge=0, description="Weight of the BM25 ranking in fusion."
    )
    dense_weight: float = Field(
        default=0.4,
        ge=0,
        description="Weight of the dense ranking in fusion (BM25 is the stronger retriever here).",
    )
    fusion_depth: int = Field(
        default=50, ge=5, description="How deep each retriever's ranking goes into fusion."
    )
    dense_chunk_depth: int = Field(
        default=300,
        ge=1,
        description=(
            "Vector-store chunks fetched per question before they are grouped into papers (a "
            "paper has a title chunk and one per sentence, so this covers the top papers' sentences)."
        ),
    )
    centroid_hits: int = Field(
        default=3,
        ge=1,
        description="Leading dense hits whose mean vector stands for what the question is about.",
    )
    papers_per_question: int = Field(
        default=40,
        ge=1,
        description=(
            "Papers retrieved per question (ask, compare, related-work): the relevance model judges "
            "each of them, so this bounds how many an answer can draw on."
        ),
    )


class EvidenceSettings(_Group):
    """Evidence: which retrieved papers an answer may draw on, which sentences, and when to abstain."""

    relevance_weights: dict[str, float] = Field(
        default_factory=lambda: {
            "bias": -5.192,
            "lexical": 2.079,
            "dense_paper": 0.835,
            "dense_sentence": 1.582,
            "dense_gap": 0.581,
            "title": 0.873,
            "core": 0.565,
            "anywhere": 1.308,
            "phrase": 0.066,
            "whole_phrase": 0.405,
            "short_phrase": 0.596,
            "short_whole_phrase": 0.432,
            "rank": 1.352,
            "other_sense": -0.008,
            "centroid": 1.082,
            "lead_lexical": -1.011,
            "lead_dense": -0.363,
            "lead_core": -0.666,
            "not_top": -0.508,
        },
        description=(
            "Logistic weights over the relevance features of assistant/answer/relevance.py (where "
            "the question's words occur, phrases, vector closeness, the best paper's lead) for a "
            "question about a finding (ask, not asking for papers in the plural); fitted by "
            "evals/fit_relevance.py on evals/questions.jsonl and evals/blind-tune.jsonl only."
        ),
    )
    topic_relevance_weights: dict[str, float] = Field(
        default_factory=lambda: {
            "bias": -5.745,
            "lexical": 2.357,
            "dense_paper": 0.973,
            "dense_sentence": 1.926,
            "dense_gap": 0.789,
            "title": 0.723,
            "core": -0.031,
            "anywhere": 0.878,
            "phrase": -0.056,
            "whole_phrase": 0.435,
            "short_phrase": 0.744,
            "short_whole_phrase": 0.544,
            "rank": 1.849,
            "other_sense": 0.0,
            "centroid": 1.619,
            "lead_lexical": -0.145,
            "lead_dense": -0.134,
            "lead_core": -0.217,
            "not_top": -0.112,
        },
        description=(
            "The same model's weights for a request about a topic (ask for papers in the plural, "
            "related-work, compare), which wants every paper about the topic: closeness in "
            "meaning counts more and the best paper's lead less (out of fold on the tuning "
            "questions at 0.45: topic recall 0.76 -> 0.82 at equal precision). Fitted by "
            "evals/fit_relevance.py on the tuning questions only."
        ),
    )
    relevance_threshold: float = Field(
        default=0.45,
        gt=0,
        lt=1,
        description=(
            "A retrieved paper enters the evidence when the relevance model gives it at least this "
            "probability of being about the question (the best paper always does). Held out on "
            "blind-tune (weights fitted on evals/ alone): topic P/R 0.40 0.98/0.80, 0.45 0.98/0.80, "
            "0.50 1.00/0.71; related work 0.92/0.57 at all three."
        ),
    )
    single_paper_below: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description=(
            "ask: when the second most probable paper is below this, the question is one paper's "
            "to answer and the answer cites that paper alone (tuning questions: lookups' second "
            "paper 0.46-0.72 but one at 0.84; topics' 0.77-0.99 but one at 0.55)."
        ),
    )
    relevance_gap: float = Field(
        default=0.25,
        gt=0,
        le=1,
        description=(
            "Evidence stops at the first drop in probability larger than this between one paper "
            "and the next (most probable first): a clear break in the distribution separates the "
            "papers about the question from those that share its words (tuning questions: 0.20 "
            "P/R 0.95/0.88 on evals/, 0.25 0.94/0.89, 0.30 0.94/0.91, none 0.93/0.91)."
        ),
    )
    topic_naming_papers: int = Field(
        default=3,
        ge=1,
        description=(
            "When at least this many retrieved papers name a short topic phrase outright (or the "
            "collection's acronym for it), papers that do not name it leave the evidence (unless "
            "the two exceptions below hold)."
        ),
    )
    topic_dense_exception: float = Field(
        default=0.85,
        ge=0,
        le=1,
        description="A paper not naming the topic stays if its vector's cosine is at least this share of the best paper's ...",
    )
    topic_core_exception: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description="... and the sentences saying what it does hold at least this share (idf) of the topic's words.",
    )
    topic_unnamed_threshold: float = Field(
        default=0.8,
        gt=0,
        le=1,
        description=(
            "... or the relevance model gives it at least this probability (tuning questions: "
            "0.8 keeps the distillation paper that says 'unlike a mixture of experts' (0.76) out "
            "of 'mixture of experts' and raises related-work recall 0.80 -> 0.83 on evals/; "
            "1 switches this way in off)."
        ),
    )
    relative_cutoff: float = Field(
        default=0.45,
        gt=0,
        le=1,
        description=(
            "With one retriever only (--mode bm25 or dense), where the relevance model lacks half "
            "its features: cite a paper only if its relevance is at least this share of the top "
            "paper's (evals/: 0.5 gives P 0.97/R 0.87, 0.45 P 0.97/R 0.90, 0.4 P 0.96/R 0.92)."
        ),
    )
    background_rank: int = Field(
        default=20,
        ge=1,
        description=(
            "With one retriever only: the paper at this rank stands for 'unrelated' when a paper's "
            "score is scaled between it (0) and the top paper (1)."
        ),
    )
    bm25_share: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="With one retriever only: weight of the BM25 ratio in a paper's relevance; the rest is dense similarity.",
    )
    max_compared_papers: int = Field(
        default=6,
        ge=2,
        description="Most papers a comparison draws on: a comparison table wider than this is no longer readable.",
    )
    abstain_threshold: float = Field(
        default=0.47,
        ge=0,
        le=1,
        description=(
            "Dense support (mean cosine of the closest paper and sentence) below which the "
            "assistant abstains. Calibrated on evals/: answerable questions score >= 0.50, the "
            "highest unanswerable one not caught by its absent terms 0.44."
        ),
    )
    abstain_threshold_lexical: float = Field(
        default=0.29,
        ge=0,
        le=1,
        description="The same for --mode bm25 (idf share of the question found in the best paper; calibrated on evals/).",
    )
    # How an abstract sentence is scored against the question (answer/sentences.py).
    sentence_semantic: float = Field(
        default=0.45,
        ge=0,
        description="Weight of a sentence's vector similarity (relative to the paper's closest sentence) in its score.",
    )
    sentence_lexical: float = Field(
        default=0.40,
        ge=0,
        description="Weight of the idf share of the question's words a sentence holds, next to its vector similarity.",
    )
    sentence_lexical_alone: float = Field(
        default=0.85,
        ge=0,
        description="The same weight when no sentence has a vector similarity (bm25 mode, papers named by the user).",
    )
    missing_similarity: float = Field(
        default=0.9,
        ge=0,
        le=1,
        description="A sentence without a similarity of its own counts as this share of the paper's least similar one.",
    )
    named_contribution_bonus: float = Field(
        default=0.08,
        description="Added to a strong contribution sentence's role bonus when it names the paper's method ...",
    )
    contribution_bonus: float = Field(default=0.04, description="... and when it does not.")
    weak_contribution_penalty: float = Field(
        default=0.06,
        description="Taken from a contribution sentence without a strong contribution verb ('we study').",
    )
    clause_base_share: float = Field(
        default=0.5,
        ge=0,
        description="For a question with several clauses: weight of a sentence's own score when choosing the best sentence for one clause.",
    )
    clause_identifies_bonus: float = Field(
        default=0.15,
        description="Added for a strong contribution sentence when the clause asks which work does something.",
    )
    clause_numeric_bonus: float = Field(
        default=0.45,
        description="Added for a result, contribution or method sentence with a figure when the clause asks for one ...",
    )
    clause_numeric_penalty: float = Field(
        default=0.1, description="... and taken from any other sentence then."
    )
    clause_repeat_penalty: float = Field(
        default=0.3,
        description="Taken from a sentence already chosen for an earlier clause, so each clause gets its own.",
    )


class WriterSettings(_Group):
    """Write: how the extractive writer chooses and groups what it says."""

    group_similarity: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="related-work: average-link cosine (tf-idf) at which two groups of papers merge into one paragraph.",
    )
    long_sentence_words: int = Field(
        default=45,
        ge=1,
        description="A sentence longer than this is used only when nothing shorter says the same.",
    )


class VerifySettings(_Group):
    """Verify: when a draft sentence counts as supported by the papers it cites.

    Described here with the values the verifier uses today; answer/verify.py and answer/meaning.py
    still read their module constants of the same values (to be switched over to this group)."""

    lexical_support: float = Field(
        default=0.8,
        ge=0,
        le=1,
        description="Share of a sentence's content words found in its cited abstracts at which it is supported.",
    )
    lexical_floor: float = Field(
        default=0.4, ge=0, le=1, description="Below this share no similarity can save the sentence."
    )
    semantic_support: float = Field(
        default=0.72,
        ge=0,
        le=1,
        description="Cosine to the closest cited sentence that supports a paraphrase.",
    )
    citation_share: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="A paper cited in a multi-citation sentence must hold this share of its words.",
    )
    candidate_sentences: int = Field(
        default=3,
        ge=1,
        description="Abstract sentences per paper compared by embedding (the lexically closest).",
    )
    summary_share: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description=(
            "A sentence citing several papers is a faithful summary when every paper it cites holds "
            "this share of its content words on its own ..."
        ),
    )
    summary_semantic: float = Field(
        default=0.45,
        ge=0,
        le=1,
        description="... or this cosine to that paper's closest sentence or title (MiniLM puts a short summary near 0.5).",
    )
    close_paraphrase: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description=(
            "A sentence restating two abstract sentences at once falls below semantic_support "
            "against either; this similarity is enough ..."
        ),
    )
    close_paraphrase_words: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="... when at least this share of its content words is in the cited abstract.",
    )
    clause_share: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description=(
            "Each clause of a sentence that joins clauses must have this share of its content "
            "words in the cited abstracts (so two papers' claims cannot be merged and cited to one) ..."
        ),
    )
    clause_min_words: int = Field(
        default=3, ge=1, description="... for clauses of at least this many content words."
    )
    anchor_window: int = Field(
        default=4,
        ge=1,
        description="Meaning checks: words either side of a direction word or figure that say what it is about.",
    )
    min_shared: int = Field(
        default=3,
        ge=1,
        description="Meaning checks: content words a source sentence must share with the draft to be about the same thing.",
    )
    close_share: float = Field(
        default=0.35,
        ge=0,
        le=1,
        description="Meaning checks: a negation flip is judged against a source sentence this close to the draft.",
    )
    min_anchors: int = Field(
        default=2,
        ge=1,
        description="Meaning checks: content words near both opposite direction words that make them the same thing reversed.",
    )


class LintSettings(_Group):
    """Lint: the style checks an answer's text must pass (eval counts their findings)."""

    echo_min_words: int = Field(
        default=4,
        ge=1,
        description=(
            "A run of this many content words (stemmed, stopwords out) shared with the question, "
            "written by the writer rather than copied from a cited abstract, is the question echoed back."
        ),
    )
    heading_max_words: int = Field(
        default=8, ge=1, description="A heading longer than this is a sentence, not a topic phrase."
    )
    subject_max_words: int = Field(
        default=8,
        ge=1,
        description="The subject of a sentence ends within this many words ('The S4D paper's final model S4D is').",
    )


GROUPS: dict[str, type[_Group]] = {
    "retrieval": RetrievalSettings,
    "evidence": EvidenceSettings,
    "writer": WriterSettings,
    "verify": VerifySettings,
    "lint": LintSettings,
}


def flatten(groups: dict[str, BaseModel]) -> dict[str, Any]:
    """``{"evidence.relevance_threshold": 0.45, ...}``: every tuning number under its dotted name."""
    return {
        f"{group}.{name}": value
        for group, model in groups.items()
        for name, value in model.model_dump().items()
    }
