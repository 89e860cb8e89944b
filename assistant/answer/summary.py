"""Sentences that speak of several cited papers at once: a summary ("Several works adapt at test
time ... [a][b]") that each paper states on its own, and a comparison ("the dropout paper focuses
on X, the churn paper on Y [a][b]") whose parts each paper states one of. A good model's
synthesis is a claim about each cited paper, and is checked as one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from assistant import bm25
from assistant.answer.lexical import PaperText, claim_tokens, held_share, sentence_parts
from assistant.answer.semantic import Semantic
from assistant.text.lexicon import words as lexicon_words
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


@cache
def _group_nouns() -> frozenset[str]:
    return frozenset(bm25.tokenize(" ".join(lexicon_words("group_nouns"))))


def stated_count(text: str, reach: int) -> int | None:
    """How many works ``text`` says it speaks of ("Three of the papers ...", "All six works
    ...", "Five of them ..."): a number before a group noun (``lexicon/group_nouns.txt``) or
    before "of", within its first ``reach`` words, or None."""
    opening = [word.lower() for word in re.findall(r"[A-Za-z0-9][\w'-]*", text)[:reach]]
    counts = lexicon_words("number_words")
    for position, word in enumerate(opening):
        # "Five of them ...": a count that partitions the works is a count of works too.
        if word == "of" and position and opening[position - 1] in counts[2:]:
            return counts.index(opening[position - 1])
        stems = bm25.tokenize(word)
        if not stems or stems[0] not in _group_nouns():
            continue
        said = [
            counts.index(w) if w in counts else int(w)
            for w in opening[:position]
            if w in counts or w.isdigit()
        ]
        return said[-1] if said else None
    return None


def opens_with_several_works(text: str) -> bool:
    """``text``'s subject, its opening words, is several works: a count of them ("Two of them
    ...", "Three papers ...") or a plural group noun after a quantifier ("Several works pre-train
    ...", ``lexicon/quantifiers.txt``). Such a
    sentence speaks of more than one paper; a group noun further in ("Whereas those two papers
    ..., AEM ...") belongs to a clause about others."""
    opening = [word.lower() for word in re.findall(r"[A-Za-z0-9][\w'-]*", text)[:_SUBJECT_WORDS]]
    counts = lexicon_words("number_words")
    if len(opening) > 2 and opening[1] == "of" and opening[0] in counts[2:]:
        return True
    for position, word in enumerate(opening):
        stems = bm25.tokenize(word)
        if stems and stems[0] in _group_nouns():
            # "Several works pre-train ...", not "DiffTPT works in ..." (a verb after a name).
            quantified = position and opening[position - 1] in {
                *lexicon_words("quantifiers"),
                *counts[2:],
            }
            return bool(quantified) and word != stems[0] and word.endswith("s")
    return False


# The words of a sentence's opening subject: a quantifier, a modifier and a noun.
_SUBJECT_WORDS = 3


def organises(text: str, reach: int, cited: int) -> bool:
    """``text`` opens with a group of works as its subject ("Two methods remove ...", "Another
    strand asks ...", "A complementary line of work seeks ...", "Three of the papers ask ..."):
    a group noun (``lexicon/group_nouns.txt``) within its first ``reach`` words, naming as many
    works as it cites (``cited``): a count before the noun is the number of citations ("Four
    papers ... [a][b][c][d]"), and a plural noun needs two or more ("Two further papers ... [a]"
    is not about one paper)."""
    opening = [word.lower() for word in re.findall(r"[A-Za-z0-9][\w'-]*", text)[:reach]]
    counts = lexicon_words("number_words")
    for position, word in enumerate(opening):
        stems = bm25.tokenize(word)
        if not stems or stems[0] not in _group_nouns():
            continue
        before = opening[:position]
        said = [
            counts.index(w) if w in counts else int(w) for w in before if w in counts or w.isdigit()
        ]
        if said and said[-1] != cited:
            return False
        return cited >= 2 or word == stems[0] or not word.endswith("s")
    return False


def group_supported(
    cited: Sequence[str], similarities: dict[str, float], config: VerifySettings
) -> bool:
    """A sentence that organises an answer ascribes, in the writer's own words, one property to
    each work it cites: every cited paper must be close to it in meaning (its closest sentence or
    title, settings.verify.group_semantic), and closer by settings.verify.group_margin than every
    evidence paper it does not cite
    (the property is theirs, not their neighbours': a group sentence re-cited to another paper of
    the same topic fails here)."""
    if not cited or any(paper_id not in similarities for paper_id in cited):
        return False
    weakest = min(similarities[paper_id] for paper_id in cited)
    others = [score for paper_id, score in similarities.items() if paper_id not in cited]
    return weakest >= config.group_semantic and all(
        score <= weakest - config.group_margin for score in others
    )
