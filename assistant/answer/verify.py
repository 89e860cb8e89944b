"""Verification: the verifier never trusts the writer.

Every citation must name a paper of the evidence; every cited sentence must be supported by the
abstracts it cites: its numbers and named methods occur there, most of its content words occur
there, and when the words alone are inconclusive it is semantically close to one of their
sentences (embedded in one batch, only for those sentences). A sentence that fails is re-cited to
the evidence paper that does support it, if one does; otherwise it is dropped or marked.

Abstention is decided before writing: the assistant says ``CANNOT_ANSWER`` when the question names
something the collection never mentions, or when nothing retrieved is close to the question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant import bm25
from assistant.answer.lexical import (
    MODIFIER_SUFFIXES,
    SENTENCE_START_WORDS,
    Check,
    DocumentFrequency,
    PaperText,
    claim_tokens,
    closest_sentences,
    held_share,
    is_connective,
    is_declared_connective,
    lexical_check,
    named_terms,
    numbers_in,
    paper_text,
    prepare,
    sentence_parts,
)
from assistant.answer.meaning import Conflict, find_conflict, unfounded_negation
from assistant.answer.semantic import Semantic
from assistant.answer.summary import (
    group_supported,
    opens_with_several_works,
    organises,
    parts_supported,
    stated_count,
    summary_supported,
)
from assistant.models import CheckedSentence, Draft, Evidence, VerdictKind
from assistant.text.names import short_label
from assistant.text.query import content_tokens
from assistant.text.sentences import clean_sentence
from assistant.tuning import VerifySettings

if TYPE_CHECKING:
    from assistant.embedding import Embedder
    from assistant.settings import Settings

# Kept importable from here: the answerability check and callers use them under these names.
_MODIFIER_SUFFIXES = MODIFIER_SUFFIXES
_SENTENCE_START_WORDS = SENTENCE_START_WORDS
_paper_text = paper_text
__all__ = ["DocumentFrequency", "Verification", "named_terms", "numbers_in", "verify"]

# The thresholds are settings.verify (assistant/tuning/writing.py), each described there.
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:and|while|whereas|but|and it|which also)\s+")


@dataclass
class Verification:
    """What the verifier kept: checked sentences, with the draft index each came from."""

    sentences: list[CheckedSentence]
    removed_citations: list[str]
    dropped: int
    kept: list[int]
    rejected: list[CheckedSentence] = field(default_factory=list)  # dropped, with their verdicts


def verify(
    draft: Draft,
    evidence: Sequence[Evidence],
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    question: str = "",
) -> Verification:
    """Check every draft sentence against the abstracts it cites (see the module docstring).

    Every decision is a typed verdict (``CheckedSentence.verdict``) with its reason in words
    (``note``); the sentences dropped under ``unsupported = drop`` are kept in ``rejected``.
    """
    config = settings.verify
    papers = {item.paper.id: prepare(item) for item in evidence}
    question_tokens = frozenset(content_tokens(question)) | frozenset(bm25.tokenize(question))
    removed: list[str] = []
    semantic = Semantic(embedder)
    plans: list[tuple[int, list[str], Check, str]] = []  # (draft index, citations, check, status)
    group_citations: dict[int, list[str]] = {}  # every valid citation, for a group sentence
    for index, sentence in enumerate(draft.sentences):
        citations = [
            paper_id for paper_id in dict.fromkeys(sentence.citations) if paper_id in papers
        ]
        removed.extend(
            paper_id
            for paper_id in sentence.citations
            if paper_id not in papers and paper_id not in removed
        )
        cited = [papers[paper_id] for paper_id in citations]
        group_citations[index] = citations
        if len(cited) > 1:
            citations = _supporting_citations(sentence.text, citations, papers, config)
            cited = [papers[paper_id] for paper_id in citations]
        check = lexical_check(sentence.text, cited) if cited else Check(0.0, False, False)
        if cited and check.hard_ok and check.lexical >= config.lexical_support:
            plans.append((index, citations, check, "supported"))
            continue
        if (
            cited
            and check.hard_ok
            and organises(sentence.text, config.group_subject_words, len(group_citations[index]))
        ):
            # Every evidence paper, cited or not: the cited ones must be the closest.
            semantic.ask_each(
                ("group", index),
                sentence.text,
                {
                    paper_id: [
                        *closest_sentences(sentence.text, [paper], config.candidate_sentences),
                        clean_sentence(paper.evidence.paper.title),
                    ]
                    for paper_id, paper in papers.items()
                },
            )
        if cited and check.hard_ok and check.lexical >= config.lexical_floor:
            semantic.ask(
                index,
                sentence.text,
                closest_sentences(sentence.text, cited, config.candidate_sentences),
            )
            if len(cited) > 1:
                for key, text in [
                    (index, sentence.text),
                    *(
                        ((index, number), part)
                        for number, part in enumerate(
                            sentence_parts(sentence.text, cited, config.clause_min_words)
                        )
                    ),
                ]:
                    semantic.ask_each(
                        key,
                        text,
                        {
                            paper.evidence.paper.id: closest_sentences(
                                text, [paper], config.candidate_sentences
                            )
                            for paper in cited
                        },
                    )
            plans.append((index, citations, check, "semantic"))
            continue
        if (
            not cited
            and not sentence.citations
            and (
                is_declared_connective(sentence.text, list(papers.values()))
                if sentence.kind == "connective"
                else is_connective(sentence.text, question_tokens, list(papers.values()))
            )
        ):
            plans.append((index, [], check, "connective"))
            continue
        plans.append((index, citations, check, "recite"))
    semantic.run()

    decided: dict[int, CheckedSentence] = {}
    pending: list[tuple[int, list[str], Check]] = []  # what the words and meaning did not settle
    for index, citations, check, status in plans:
        text = draft.sentences[index].text
        cited = [papers[paper_id] for paper_id in citations]
        verdict: CheckedSentence | None = None
        if status == "semantic":
            similarity = semantic.results.get(index)
            if similarity is not None and similarity >= config.semantic_support:
                verdict = CheckedSentence(
                    text,
                    citations,
                    True,
                    round(similarity, 3),
                    "paraphrase of a cited sentence",
                    "paraphrase",
                )
            elif (
                similarity is not None
                and similarity >= config.close_paraphrase
                and check.lexical >= config.close_paraphrase_words
            ):
                verdict = CheckedSentence(
                    text,
                    citations,
                    True,
                    round(similarity, 3),
                    "paraphrase: most of its words and its meaning are in a cited sentence",
                    "paraphrase",
                )
            elif summary_supported(text, cited, semantic.paper_results.get(index, {}), config):
                verdict = CheckedSentence(
                    text,
                    citations,
                    True,
                    round(check.lexical, 3),
                    "summary: every cited paper states what it says of them",
                    "summary",
                )
            elif parts_supported(text, cited, index, semantic, config):
                verdict = CheckedSentence(
                    text,
                    citations,
                    True,
                    round(check.lexical, 3),
                    "comparison: each part is stated by a cited paper, and each paper states a part",
                    "summary",
                )
        elif status == "supported":
            verdict = CheckedSentence(
                text,
                citations,
                True,
                round(check.lexical, 3),
                "words found in the cited abstract",
                "supported",
            )
        elif status == "connective":
            verdict = CheckedSentence(
                text, [], True, 1.0, "connective: states no claim of its own", "connective"
            )
        if verdict is None and cited:
            # A sentence that organises the answer, in the writer's words (see group_supported).
            group = semantic.paper_results.get(("group", index), {})
            if group_supported(group_citations[index], group, config):
                citations = group_citations[index]
                cited = [papers[paper_id] for paper_id in citations]
                verdict = CheckedSentence(
                    text,
                    citations,
                    True,
                    round(min(group[paper_id] for paper_id in citations), 3),
                    "group: each cited paper is the closest in meaning to what it says of them",
                    "summary",
                )
        if verdict is None:
            pending.append((index, citations, check))
            continue
        decided[index] = _unless_conflict(verdict, papers, config)

    # Topic sentences nest ("All four papers start from ..." over "The efficient method keeps
    # entropy but ..." over its details): settle them until none is left to settle.
    unsettled = [index for index, _, _ in pending]
    while True:
        settled = [
            (index, lead)
            for index in unsettled
            if (lead := _lead(index, draft, decided, papers, config)) is not None
        ]
        if not settled:
            break
        for index, lead in settled:
            decided[index] = lead
            unsettled.remove(index)
    for index, citations, check in pending:
        if index in unsettled:
            text = draft.sentences[index].text
            decided[index] = _recite_or_refuse(text, citations, check, papers, config)
    for index, _, _ in pending:
        sentence = draft.sentences[index]
        if not sentence.citations and not decided[index].supported:
            overview = _overview(sentence.text, decided, papers, question_tokens, config)
            decided[index] = overview or decided[index]

    # "Two of them target speech recognition [a]", "Several works pre-train ... [a]": a sentence
    # whose subject is several works says what more than one paper does; one cited abstract,
    # however well it holds the words, cannot be those papers.
    for index, result in decided.items():
        if (
            result.supported
            and len(group_citations[index]) == 1
            and opens_with_several_works(draft.sentences[index].text)
        ):
            decided[index] = CheckedSentence(
                result.text,
                result.citations,
                False,
                result.support_score,
                "unsupported claim: it speaks of several works and cites one",
                "unsupported_claim",
            )

    checked: list[CheckedSentence] = []
    rejected: list[CheckedSentence] = []
    kept: list[int] = []
    for index in sorted(decided):
        result = decided[index]
        if result.supported or settings.unsupported == "mark":
            checked.append(result)
            kept.append(index)
        else:
            rejected.append(result)
    return Verification(checked, removed, len(rejected), kept, rejected)


def _unless_conflict(
    verdict: CheckedSentence,
    papers: dict[str, PaperText],
    config: VerifySettings,
    extra_sources: Sequence[str] = (),
) -> CheckedSentence:
    """``verdict`` unless the sentence reverses or overstates what its cited papers say (or the
    ``extra_sources`` it is judged with); a sentence that contradicts its own cited paper is not
    moved to another one."""
    text = verdict.text
    cited = [papers[paper_id] for paper_id in verdict.citations]
    others = [paper for paper_id, paper in papers.items() if paper_id not in verdict.citations]
    conflict = (
        (
            _conflict(text, cited, config, extra_sources)
            or _unsupported_clause(text, cited, config, extra_sources, others)
        )
        if cited
        else None
    )
    if conflict is None:
        return verdict
    return CheckedSentence(
        text,
        verdict.citations,
        False,
        verdict.support_score,
        f"{conflict.verdict.replace('_', ' ')}: {conflict.reason}",
        conflict.verdict,
    )


def _recite_or_refuse(
    text: str,
    citations: list[str],
    check: Check,
    papers: dict[str, PaperText],
    config: VerifySettings,
) -> CheckedSentence:
    """A sentence its cited papers do not support: re-cited to the evidence paper that does, or
    refused with the sharpest reason."""
    cited = [papers[paper_id] for paper_id in citations]
    backer = _find_supporter(text, papers, config, exclude=citations)
    if backer is not None:
        paper_id, score = backer
        reason = "re-cited: " + (
            f"{', '.join(check.missing)} not in the cited abstract"
            if check.missing
            else "the cited abstract does not support it"
        )
        if not citations:
            reason = "re-cited: it had no valid citation"
        return CheckedSentence(text, [paper_id], True, round(score, 3), reason, "recited")
    why = (
        f"{', '.join(check.missing)} not in any evidence abstract"
        if check.missing
        else "no evidence abstract supports it"
    )
    refused = CheckedSentence(
        text,
        citations,
        False,
        round(check.lexical, 3),
        f"unsupported: {why}",
        _unsupported_kind(text, citations, check),
    )
    # Say the sharper thing when the sentence also reverses or overstates its source.
    conflict = (
        _conflict(text, cited, config) if cited and check.lexical >= config.lexical_floor else None
    )
    if conflict is not None:
        refused.verdict = conflict.verdict
        refused.note = f"{conflict.verdict.replace('_', ' ')}: {conflict.reason}"
    return refused


def _unsupported_kind(text: str, citations: Sequence[str], check: Check) -> VerdictKind:
    if not citations:
        return "uncited"
    if not check.numbers_ok:
        return "unsupported_figure"
    if not check.names_ok:
        return "unsupported_name"
    return "unsupported_claim"


def _conflict(
    text: str,
    cited: Sequence[PaperText],
    config: VerifySettings,
    extra_sources: Sequence[str] = (),
) -> Conflict | None:
    sources = [
        sentence
        for paper in cited
        for sentence in (clean_sentence(paper.evidence.paper.title), *paper.sentences)
    ] + list(extra_sources)
    names = [
        name
        for paper in cited
        for name in (
            paper.evidence.paper.title,
            paper.evidence.paper.title.split(":")[0],  # "No Training, No Problem: Rethinking ..."
            short_label(paper.evidence.paper),
        )
    ]
    cited_texts = [*(paper.text for paper in cited), *extra_sources]
    return find_conflict(text, sources, cited_texts, names, config)


def _unsupported_clause(
    text: str,
    cited: Sequence[PaperText],
    config: VerifySettings,
    extra_sources: Sequence[str] = (),
    others: Sequence[PaperText] = (),
) -> Conflict | None:
    """A clause of ``text`` that another evidence paper states and its cited abstracts do not (a
    claim merged from another paper). A clause no evidence paper holds is the writer's own
    framing ("but they change different parts of the pipeline", "and several works relax its
    assumptions"), which the whole sentence's support already judged, unless it brings a
    negation no cited sentence has."""
    clauses = _CLAUSE_BREAK.split(text)
    if len(clauses) < 2:
        return None
    known = frozenset().union(
        *(paper.tokens for paper in cited), *(bm25.tokenize(source) for source in extra_sources)
    )
    for clause in clauses:
        tokens = claim_tokens(clause, cited)
        if len(tokens) < config.clause_min_words:
            continue
        share = held_share(tokens, known)
        if share >= config.clause_share:
            continue
        elsewhere = max((held_share(tokens, paper.tokens) for paper in others), default=0.0)
        if elsewhere >= config.clause_share and elsewhere > share:
            return Conflict(
                "unsupported_claim",
                f'the clause "{clause.strip()[:100]}" is not in the cited abstract',
            )
        # The writer's framing may not deny what the sources say ("they cannot be grouped").
        if unfounded_negation(
            clause, [*extra_sources, *(line for paper in cited for line in paper.sentences)]
        ):
            return Conflict(
                "contradicted_negation",
                f'the clause "{clause.strip()[:100]}" negates what no cited sentence negates',
            )
    return None


def _lead(
    index: int,
    draft: Draft,
    decided: dict[int, CheckedSentence],
    papers: dict[str, PaperText],
    config: VerifySettings,
) -> CheckedSentence | None:
    """A topic sentence ("Two methods remove the separate draft model altogether [a][b].")
    announces what the sentences after it go on to say of the same papers (a closing one, at the
    end of its paragraph, sums up those before it); its words are the writer's abstraction of
    theirs, and neither its words nor its meaning match one abstract sentence. The same holds for
    a sentence that opens what an answer says of one paper in the writer's own framing ("The O3
    framework targets practical unlearning for LLMs, where ..."): it is read in its context,
    the abstract together with the supported sentences that go on about the paper.

    It is supported when those sentences cite only papers it cites, together all of them, and
    are themselves supported as cited; when it names no figure or name its cited abstracts lack
    and counts as many works as it cites; when those abstracts and those sentences hold
    settings.verify.lead_share of its words; when a negation it states is found in them too (a
    summary does not deny what its details state); and when it contradicts neither. A sentence
    misattributed or about another topic fails the first or the third test."""
    sentence = draft.sentences[index]
    citations = [paper_id for paper_id in dict.fromkeys(sentence.citations) if paper_id in papers]
    if not citations:
        return None
    cited = [papers[paper_id] for paper_id in citations]
    check = lexical_check(sentence.text, cited)
    count = stated_count(sentence.text, config.group_subject_words)
    if not check.hard_ok or (count is not None and count != len(citations)):
        return None
    paragraph = next((members for members in draft.paragraphs if index in members), [index])
    position = paragraph.index(index)
    runs = [paragraph[position + 1 :]]
    if position == len(paragraph) - 1:
        runs.append(paragraph[:position][::-1])
    for run in runs:
        elaboration: list[CheckedSentence] = []
        for other in run:
            found = decided.get(other)
            if (
                found is None
                or not found.supported
                or not found.citations
                or not set(found.citations) <= set(citations)
            ):
                break
            elaboration.append(found)
        if {paper_id for found in elaboration for paper_id in found.citations} != set(citations):
            continue
        texts = [found.text for found in elaboration]
        known = frozenset().union(
            *(paper.tokens for paper in cited), *(bm25.tokenize(text) for text in texts)
        )
        tokens = claim_tokens(sentence.text, cited)
        share = held_share(tokens, known)
        # With two claim words or fewer a share is one word ("This survey proves TTA is solved":
        # "TTA" held, "solved" not, 50%): each of them must be held.
        need = config.lead_share if len(tokens) > config.lead_min_claim_words else 1.0
        if share < need or unfounded_negation(
            sentence.text, [*texts, *(line for paper in cited for line in paper.sentences)]
        ):
            continue
        verdict = CheckedSentence(
            sentence.text,
            citations,
            True,
            round(share, 3),
            "lead: the sentences next to it state it of the papers it cites",
            "summary",
        )
        return _unless_conflict(verdict, papers, config, texts)
    return None


def _overview(
    text: str,
    decided: dict[int, CheckedSentence],
    papers: dict[str, PaperText],
    question_tokens: frozenset[str],
    config: VerifySettings,
) -> CheckedSentence | None:
    """A sentence with no citation that sums up the answer ("The collection covers state space
    models from their foundations through theory, efficiency and applications."): no one paper
    states it, so none can be cited, but the answer's supported sentences, the evidence and the
    question hold settings.verify.lexical_support of its words; it gives no figure but a count,
    no name the evidence lacks, no negation they lack, and contradicts none of them."""
    said = [found.text for found in decided.values() if found.supported and found.citations]
    every = list(papers.values())
    known = frozenset().union(
        question_tokens, *(paper.tokens for paper in every), *(bm25.tokenize(line) for line in said)
    )
    evidence_text = " ".join(paper.lower for paper in every)
    if (
        numbers_in(text) - {str(number) for number in range(13)}
        or any(name.lower() not in evidence_text for name in named_terms(text))
        or held_share(claim_tokens(text, every), known) < config.lexical_support
        or unfounded_negation(text, [*said, *(line for paper in every for line in paper.sentences)])
        or _conflict(text, every, config, said) is not None
    ):
        return None
    return CheckedSentence(
        text,
        [],
        True,
        1.0,
        "overview: the answer's supported sentences and the evidence state what it sums up",
        "connective",
    )


def _supporting_citations(
    text: str, citations: list[str], papers: dict[str, PaperText], config: VerifySettings
) -> list[str]:
    """In a sentence citing several papers, keep those that hold a fair share of its words."""
    tokens = claim_tokens(text, [papers[paper_id] for paper_id in citations])
    if not tokens:
        return citations
    keep = [
        paper_id
        for paper_id in citations
        if held_share(tokens, papers[paper_id].tokens) >= config.citation_share
        or papers[paper_id].label_tokens & set(bm25.tokenize(text))
    ]
    return keep or citations


def _find_supporter(
    text: str, papers: dict[str, PaperText], config: VerifySettings, *, exclude: Sequence[str]
) -> tuple[str, float] | None:
    best: tuple[str, float] | None = None
    for paper_id, paper in papers.items():
        if paper_id in exclude:
            continue
        check = lexical_check(text, [paper])
        if (
            check.hard_ok
            and check.lexical >= config.lexical_support
            and (best is None or check.lexical > best[1])
            and _conflict(text, [paper], config) is None
        ):
            best = (paper_id, check.lexical)
    return best
