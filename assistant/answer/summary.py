"""Sentences that speak of several cited papers at once: a summary ("Several works adapt at test
time ... [a][b]") that each paper states on its own, and a comparison ("the dropout paper focuses
on X, the churn paper on Y [a][b]") whose parts each paper states one of. A good model's
synthesis is a claim about each cited paper, and is checked as one."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.lexical import PaperText, claim_tokens, held_share, sentence_parts
from assistant.answer.semantic import Semantic
from assistant.tuning import VerifySettings


def summary_supported(
    text: str,
    cited: Sequence[PaperText],
    similarities: dict[str, float],
    config: VerifySettings,
) -> bool:
    """A sentence citing several papers, each of which supports it on its own (its words or its
    meaning), with the numbers and names of the sentence in them together."""
    if len(cited) < 2:
        return False
    tokens = claim_tokens(text, cited)
    for paper in cited:
        share = held_share(tokens, paper.tokens)
        similarity = similarities.get(paper.evidence.paper.id, 0.0)
        if share < config.summary_share and similarity < config.summary_semantic:
            return False
    return True


def parts_supported(
    text: str, cited: Sequence[PaperText], index: int, semantic: Semantic, config: VerifySettings
) -> bool:
    """A sentence that compares the papers it cites, a part for each ("the dropout paper focuses
    on X, the churn paper on Y, and the FIS paper on Z"; "either by attaching draft heads or by
    letting the model draft for itself"): every part is held by one cited paper (its words or its
    meaning, as for a summary), and every cited paper holds a part. No paper need hold the
    whole sentence; none is cited for nothing."""
    parts = sentence_parts(text, cited, config.clause_min_words)
    if len(cited) < 2 or len(parts) < 2:
        return False
    holders: set[str] = set()
    for number, part in enumerate(parts):
        tokens = claim_tokens(part, cited)
        similarities = semantic.paper_results.get((index, number), {})
        held = {
            paper.evidence.paper.id
            for paper in cited
            if held_share(tokens, paper.tokens) >= config.summary_share
            or similarities.get(paper.evidence.paper.id, 0.0) >= config.summary_semantic
        }
        if not held:
            return False
        holders |= held
    return len(holders) == len(cited)
