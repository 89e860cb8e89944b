"""Evidence selection: which retrieved papers an answer may draw on, and which of their sentences.

A paper's relevance mixes its BM25 score and its best dense chunk similarity, each relative to the
top paper. How many papers an answer uses follows the score distribution: a paper is kept when it
stands at least ``relative_cutoff`` of the way from the background level (the paper at rank
``background_rank``) to the top paper, so a sharp topic keeps few papers and a broad one many.

With hybrid retrieval a relevance model (``relevance``, over the features of ``features``) decides
instead; related work also takes the retrieved papers that sit close in meaning to several chosen
ones (``_neighbours``). Each chosen paper's sentences are then scored against the question
(``sentences``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer import relevance
from assistant.answer.features import (
    coined_papers,
    left_out_papers,
    name_writers,
    naming_the_topic,
    other_sense_papers,
    relevance_features,
    ruled_out_papers,
    unnamed_papers,
)
from assistant.answer.sentences import DocumentFrequency, Weights, local_weights, score_sentences
from assistant.models import Evidence, Paper, Task
from assistant.text.claims import common_acronyms
from assistant.text.patterns import compiled
from assistant.text.query import (
    asks_for_one,
    asks_for_several,
    asks_to_compare,
    compared_items,
    content_tokens,
    describes_a_paper,
    distinctive_name,
    named_in_question,
    question_kind,
    rare_names,
    sole_names,
    split_clauses,
)
from assistant.text.tokens import idf

if TYPE_CHECKING:
    from assistant.retrieve import Retrieval
    from assistant.settings import Settings
    from assistant.tuning import EvidenceSettings

__all__ = [
    "DocumentFrequency",
    "Weights",
    "evidence_for_papers",
    "relevance_features",
    "select_evidence",
]


def paper_relevance(retrieval: Retrieval, config: EvidenceSettings) -> list[tuple[Paper, float]]:
    """Every retrieved paper with a relevance in [0, 1]: 1 for the best, 0 at background rank."""
    hits = retrieval.hits
    if not hits:
        return []
    bm25_top = max(retrieval.bm25_scores.values(), default=0.0)
    dense: dict[str, float] = {}
    for chunk in retrieval.chunk_hits:
        if chunk.similarity > dense.get(chunk.paper_id, 0.0):
            dense[chunk.paper_id] = chunk.similarity
    dense_top = max(dense.values(), default=0.0)
    bm25_share = (
        config.bm25_share if bm25_top > 0 and dense_top > 0 else (1.0 if bm25_top > 0 else 0.0)
    )
    raw: list[tuple[Paper, float]] = []
    for hit in hits:
        lexical = retrieval.bm25_scores.get(hit.paper.id, 0.0) / bm25_top if bm25_top else 0.0
        semantic = dense.get(hit.paper.id, 0.0) / dense_top if dense_top else 0.0
        raw.append((hit.paper, bm25_share * lexical + (1 - bm25_share) * semantic))
    if bm25_share == 0.0 and dense_top == 0.0:  # neither retriever scored: keep the fused order
        raw = [(hit.paper, hit.score) for hit in hits]
    raw.sort(key=lambda item: -item[1])
    top = raw[0][1]
    background = raw[min(config.background_rank, len(raw) - 1)][1] if len(raw) > 1 else 0.0
    span = top - background
    if span <= 1e-9:
        return [(paper, 1.0 if index == 0 else 0.0) for index, (paper, _) in enumerate(raw)]
    return [(paper, max(0.0, (score - background) / span)) for paper, score in raw]


@dataclass(frozen=True)
class Selection:
    """The evidence an answer draws on, and how many more papers the question is about than
    ``max_evidence_papers`` let in (the answer says so rather than look complete)."""

    evidence: list[Evidence]
    left_out: int = 0


def relevant_papers(
    retrieval: Retrieval,
    settings: Settings,
    *,
    task: Task,
    document_frequency: DocumentFrequency | None,
    collection_size: int | None,
    threads: Sequence[Retrieval] = (),
) -> tuple[list[tuple[Paper, float]], int, set[str]]:
    """The papers the question is about, with the model's probability, best first, how many
    more there were than ``max_evidence_papers`` (a comparison's own cap is its design), and
    those of a topic question the topic model is less sure of (below ``sure_probability``, no
    name the question asks about written), which the answer says apart.

    One rule for every task: a paper is in when the relevance model (hybrid retrieval) gives it
    ``relevance_threshold`` or more, the most probable paper always. A compare keeps at least two papers and
    at most ``max_compared_papers``. With one retriever the model lacks half its features, so the
    score-distribution cut-off (``relative_cutoff``) decides instead."""
    fewest, most = (2, settings.evidence.max_compared_papers) if task == "compare" else (1, 10**6)
    most = min(most, settings.max_evidence_papers)
    if (
        retrieval.mode == "hybrid"
        and retrieval.bm25_scores
        and retrieval.paper_similarity
        and document_frequency is not None
        and collection_size
    ):
        features = relevance_features(
            retrieval, document_frequency=document_frequency, collection_size=collection_size
        )

        def ordered_by(model: dict[str, float]) -> list[tuple[Paper, float]]:
            weights = [model.get(name, 0.0) for name in relevance.FEATURES]
            kept = naming_the_topic(features, retrieval, settings, weights, document_frequency)
            scored = [(item.paper, relevance.probability(item, weights)) for item in kept]
            # A paper that uses the question's acronym only in another sense than the
            # collection's usual one (TTA = test-time augmentation, when the question means
            # adaptation) is not about the question, however many words it shares with it.
            elsewhere = other_sense_papers(retrieval, [paper for paper, _ in scored])
            same_sense = [item for item in scored if item[0].id not in elsewhere]
            return sorted(same_sense or scored, key=lambda item: -item[1])

        tuning = settings.evidence
        specific = ordered_by(tuning.relevance_weights)
        # a paper the request leaves out in so many words answers none of it, however close
        # it sits ("... I don't mean weak learners in boosting or weak-to-strong transfer":
        # "Language models are weak learners" was the one paper, and the question refused; k019)
        left = left_out_papers(retrieval.query, [paper for paper, _ in specific], disowned=True)
        specific = [item for item in specific if item[0].id not in left] or specific
        threshold = tuning.topic_relevance_threshold
        topical: list[tuple[Paper, float]] | None = None  # the topic model, scored when needed

        def topic_ordered() -> list[tuple[Paper, float]]:
            nonlocal topical
            if topical is None:
                topical = ordered_by(tuning.topic_relevance_weights)
            return topical

        # A question that asks for papers in the plural ("which papers ...", "how do X differ")
        # and a related-work request want every paper about the topic, judged by the model that
        # leans on meaning (see evals/fit_relevance.py); a comparison, the few papers its topic
        # names; any other question the papers above the first clear break.
        query = retrieval.query
        wants_all = task != "ask" or question_kind(query) == "topic"
        # the retrieved papers writing a name the question asks about ("GPT-2", "Chinese"), read
        # once for the one-paper check and for the papers a plural question asks for
        rare = (
            rare_names(query, document_frequency, tuning.rare_name_papers) if task == "ask" else []
        )
        writers = (
            name_writers(query, [item.paper for item in features], rare) if task == "ask" else set()
        )
        # One paper stands alone: the question is that paper's to answer ("what did they find",
        # "which models did best"), unless it asks for papers in so many words and the topic model
        # finds a second one about it, or it says neither one nor several ("LMs keep producing
        # dull text: what has been tried?", "deep learning for molecules here?") and the topic
        # model finds several papers about it: then the evidence, not the phrasing, decides.
        if task == "ask" and not wants_all and not asks_for_several(query) and len(specific) > 1:
            # "What is the selection mechanism in Mamba?": a question naming one paper by the
            # name it gives its method asks about that paper; S-Mamba and the study of Mamba's
            # token dynamics write the name as another's, however many of its words they share
            # (the paper most about the question: "Which theoretical study of a pre-trained
            # Mamba model's continuous-time limit ...?" asks for another paper about Mamba)
            own = [item for item in specific if relevance.names_the_paper(query, item[0])]
            # ... and one that asks of the named paper without asking which paper, wherever
            # its words rank it ("What problem does SEEDS solve?" was MeLM's, which "solves
            # forward and inverse problems")
            if len(own) == 1 and (own[0] is specific[0] or not _WHICH.search(query)):
                return own, 0, set()
        if task == "ask" and len(specific) > 1 and specific[1][1] < tuning.single_paper_below:
            on_topic = sum(1 for _, probability in topic_ordered() if probability >= threshold)
            # ... or, for a question about what it names ("Which papers describe their method
            # as 'one-shot'?"), a second paper writes the name
            several = asks_for_several(query) and max(on_topic, len(writers)) >= 2
            undecided = not asks_for_one(query) and on_topic >= tuning.topic_several_papers
            if not (several or undecided):
                return specific[:1], 0, set()
            wants_all = True
        broad = wants_all and task != "compare"
        ordered = topic_ordered() if broad else specific
        if task != "compare":
            coined = coined_papers(query, [paper for paper, _ in ordered])
            ordered = [item for item in ordered if item[0].id not in coined] or ordered
        threshold = threshold if broad else tuning.relevance_threshold
        ruled: set[str] = set()
        if wants_all:
            # a set of papers bounded by what it leaves out ("attention-free", "other than
            # images"); a lookup's "without fine-tuning" says how its one paper works instead.
            # When the paper most about the request names the word itself, the word is part of
            # the subject: "gradient-free optimization" estimates gradients ("Low-Variance
            # Gradient Estimation ... with ES-Single", the best match).
            ruled = ruled_out_papers(query, [paper for paper, _ in ordered])
            if ordered and ordered[0][0].id in ruled:
                ruled = set()
            # ... and what it asks to leave out in so many words, whatever the best paper says
            ruled |= left_out_papers(query, [paper for paper, _ in ordered])
            # ... or in meaning: a paper closer to what it disowns than to the request
            # ("Leave recommender item catalogues aside": three recommenders led the answer,
            # none writing "catalogue"; review68)
            ruled |= disowned_papers(retrieval, tuning.left_out_margin)
            if task == "ask":
                # ... and, for a question about what it names ("Which papers report results on
                # HumanEval?"), the papers that never write the name
                # (whether some paper writes the name is judged over every retrieved paper: the
                # writers may be ones the topic model passed over, taken below. "Which papers
                # quote AUC or AUROC figures ...?" kept two papers writing neither name, since
                # no paper of the topic model's wrote one and the rule stood down; w009)
                unnamed = unnamed_papers(
                    query, [item.paper for item in features], sole_names(query, rare)
                )
                ruled |= unnamed
                if writers and all(item[0].id in unnamed for item in ordered):
                    # every paper of the topic model's is one that never writes it: the
                    # papers writing it are the answer (and the fallback below keeps none)
                    ordered = []
            ordered = [item for item in ordered if item[0].id not in ruled] or ordered
        chosen: list[tuple[Paper, float]] = []
        for index, (paper, probability) in enumerate(ordered):
            if index >= fewest and (
                probability < threshold
                or (not wants_all and chosen[-1][1] - probability > settings.evidence.relevance_gap)
            ):
                break
            chosen.append((paper, probability))
        if task == "ask" and wants_all:
            # "Which papers run experiments on GPT-2 models?": every paper that writes a name
            # the question asks about (or one of the examples it lists) is one it asks for,
            # however little else of the question it shares; the topic model judges what a
            # paper is about, and a paper reporting ImageNet accuracy is not about ImageNet
            weights = [tuning.topic_relevance_weights.get(name, 0.0) for name in relevance.FEATURES]
            taken = {paper.id for paper, _ in chosen} | ruled
            candidates = [item for item in features if item.paper.id not in taken]
            chosen = sorted(
                [
                    *chosen,
                    *(
                        (item.paper, relevance.probability(item, weights))
                        for item in candidates
                        if item.paper.id in writers
                    ),
                ],
                key=lambda item: -item[1],
            )
        if task == "compare":
            # "How do SPLADE, Fusion-in-T5 and ... differ": a paper the request names by its
            # method's name is one of those compared, however few of its other words it shares
            taken = {paper.id for paper, _ in chosen}
            listed = compared_items(query)  # parsed once for the rules below
            # (not by a name inside an item that picks its paper out by what it does: "the
            # paper analysing token dynamics in a pretrained Mamba model" is not Mamba's; w014)
            naming_query = query
            for item in listed:
                if describes_a_paper(item):
                    naming_query = naming_query.replace(item, " ")
            named = [
                item
                for item in specific
                if item[0].id not in taken and relevance.names_the_paper(naming_query, item[0])
            ]
            # ... and so is the paper that alone names one of the items it lists ("WideNet,
            # randomized parameter sharing, and FreezeNet": the paper on "randomized
            # parameter-sharing (RPS)"), when no paper already taken names that item
            taken |= {paper.id for paper, _ in named}
            in_hand = [paper for paper, _ in chosen] + [paper for paper, _ in named]
            for item in listed:
                if any(_names_item(item, paper) for paper in in_hand):
                    continue
                found = next(
                    (
                        entry
                        for entry in specific
                        if entry[0].id not in taken and _names_item(item, entry[0])
                    ),
                    None,
                )
                if found is not None:
                    named.append(found)
                    taken.add(found[0].id)
                    in_hand.append(found[0])
            if named:
                keep = most - len(named)
                chosen = sorted([*chosen[: max(keep, fewest)], *named], key=lambda item: -item[1])
            # "How do End-to-End Memory Networks and Sparsey differ ...?": a request that names
            # each thing it compares (each with a capital: "learned image and video compression"
            # is a topic), each written by a paper in hand, compares those papers; a third the
            # topic model also finds ("Incremental Rank Updates", beside Sparsey's memory) is
            # not one it asked for
            # ... or quotes it ("How do GrowNet and the 'sequential training of neural networks
            # with gradient boosting' approach differ": a title, in the user's words)
            quotes = [_QUOTED.search(item) for item in listed]
            items = [
                quote.group(1) if quote is not None else item
                for item, quote in zip(listed, quotes, strict=True)
            ]
            naming = [entry for entry in chosen if any(_names_item(i, entry[0]) for i in items)]
            # ... the others in words a paper in hand writes ("How do Mirostat and locally
            # typical sampling differ": a third paper is about neither)
            if (
                items
                and any(
                    re.search(r"[A-Z]", item) or quote is not None
                    for item, quote in zip(items, quotes, strict=True)
                )
                and len(naming) >= fewest
                and all(any(_names_item(item, paper) for paper, _ in naming) for item in items)
            ):
                chosen = naming
            elif asks_to_compare(query):
                # ... or, a request to compare (not a topic phrase: "one-step generation with
                # diffusion and flow models" lists what the topic spans), describes each in
                # words, most of which one paper in hand writes in its title ("Compare the
                # multi-aspect knowledge distillation method that queries a multimodal LLM with
                # self-supervised label augmentation via input transformations": a
                # dataset-distillation paper sharing "self-supervised" and "distillation" is
                # neither; review43)
                described = [
                    _described(item, [paper for paper, _ in chosen], tuning) for item in items
                ]
                ids = {paper.id for paper in described if paper is not None}
                if len(items) >= fewest and None not in described and len(ids) == len(items):
                    chosen = [entry for entry in chosen if entry[0].id in ids]
            if len(items) > len(chosen) and len(items) <= most:
                # "Three papers choose what to observe one item at a time: letting each
                # individual disclose only a few personal attributes ..., greedy feature
                # selection ..., and choosing MRI-style measurement locations ...": with fewer
                # papers in hand than the things the request describes, the paper best writing
                # an item's words (by idf, title and abstract) is one it asks for (h017 compared
                # two; the data-minimization paper fell below the model's cut)
                chosen = _one_per_item(
                    items, chosen, specific, document_frequency, collection_size, tuning
                )
        sure: set[str] | None = None  # the papers said with the others, whatever the model
        if task == "related-work":
            weights = [tuning.topic_relevance_weights.get(name, 0.0) for name in relevance.FEATURES]
            near = _neighbours(retrieval, chosen, features, weights, tuning)
            near_papers = [paper for paper, _ in near]
            out = ruled_out_papers(query, near_papers) if ruled else set()
            out |= left_out_papers(query, near_papers)
            out |= disowned_papers(retrieval, tuning.left_out_margin)
            chosen += [item for item in near if item[0].id not in out]
            # ... and, for a request listing its threads, the retrieved paper closest to each
            # thread when it is close and the topic model does not rule it out: "a small
            # encoder that drops unneeded prompt tokens" is LLMLingua-2's however little the
            # whole request's words favour it (u009). It is said with the others, and so is
            # the paper in hand closest to a thread before it came (PromptTPP, under
            # "continual learning without storing past events", beside a continual-learning
            # baseline the thread brought in)
            taken = {paper.id for paper, _ in chosen}
            closest = _closest_to_each_item(retrieval, features, weights, taken, tuning)
            out = ruled_out_papers(query, [paper for paper, _ in closest]) if ruled else set()
            out |= left_out_papers(query, [paper for paper, _ in closest])
            out |= disowned_papers(retrieval, tuning.left_out_margin)
            added = [item for item in closest if item[0].id not in out]
            # ... and the paper each thread, asked alone, is most about, when the topic model
            # gives it ``neighbour_floor`` or more for the whole request: "architecture
            # comparisons that are confounded by the training protocol" is a small part of a
            # long request's words, which ranked "Never Train from Scratch", first for the
            # thread alone, sixth and below the model's cut (w003)
            held = taken | {paper.id for paper, _ in added}
            tops = _thread_tops(
                threads, settings, document_frequency, collection_size, held, features, weights
            )
            out = ruled_out_papers(query, [paper for paper, _ in tops]) if ruled else set()
            out |= left_out_papers(query, [paper for paper, _ in tops])
            out |= disowned_papers(retrieval, tuning.left_out_margin)
            out |= other_sense_papers(retrieval, [item.paper for item in features])
            added += [item for item in tops if item[0].id not in out]
            sure = _closest_to_an_item(retrieval, list(taken), tuning)
            sure |= {paper.id for paper, _ in added}
            chosen += added
        left_out = _beyond(len(chosen), most, task)
        chosen = chosen[:most]
        doubtful = (
            {
                paper.id
                for paper, probability in chosen[1:]
                if probability < tuning.sure_probability and paper.id not in writers
            }
            if broad
            else set()
        )
        if sure is None:
            sure = _closest_to_an_item(retrieval, [paper.id for paper, _ in chosen], tuning)
        doubtful -= sure
        return chosen, left_out, doubtful
    ranked = paper_relevance(retrieval, settings.evidence)
    elsewhere = other_sense_papers(retrieval, [paper for paper, _ in ranked])
    if elsewhere:
        ranked = sorted(
            ((paper, share * 0.5 if paper.id in elsewhere else share) for paper, share in ranked),
            key=lambda item: -item[1],
        )
    kept = [
        (paper, score)
        for index, (paper, score) in enumerate(ranked)
        if index < fewest or score >= settings.evidence.relative_cutoff
    ]
    return kept[:most], _beyond(len(kept), most, task), set()


def disowned_papers(retrieval: Retrieval, margin: float) -> set[str]:
    """The papers whose vector is closer, by ``margin`` or more, to what the request says it does
    not want than to the rest of it (``Retrieval.left_out_closeness``)."""
    return {
        paper_id
        for paper_id, closeness in retrieval.left_out_closeness.items()
        if closeness >= margin
    }


def _beyond(found: int, most: int, task: Task) -> int:
    return 0 if task == "compare" else max(0, found - most)


_WHICH = re.compile(r"\bwhich\b", re.IGNORECASE)


# An item names a paper by a word written as a name ("BYOL-style predictors": "BYOL") or by
# all its words in a row ("randomized parameter sharing"); a longer description is no name.
_ITEM_RUN_WORDS = 4


def _item_names(item: str) -> list[str]:
    """The names an item writes, whole ("Q-VLM", "Quamba2") and without a lowercase word
    hyphened to them ("BYOL-style" -> "BYOL"); not the field's acronyms ("SGD", "LLM")."""
    field = common_acronyms()
    names = []
    for word in named_in_question(item):
        head, _, tail = word.partition("-")
        names += [word, head] if tail.islower() else [word]
    return [name for name in names if name not in field and distinctive_name(name)]


# an item a request quotes: "the 'sequential training of neural networks with gradient boosting'
# approach" (straight or curly quotes, at least two words inside)
# (the quote opens after a space, so "GrowNet's ... Hydra's" is no quotation)
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))['\"‘“]([^'\"‘’“”]+\s[^'\"‘’“”]+)['\"’”](?!\w)")


_ITEM_FRAME = re.compile(
    r"^\s*(?:the|a|an)\s+|\s+(?:paper|papers|work|study|approach|method)\s*$", re.IGNORECASE
)


def _names_item(item: str, paper: Paper) -> bool:
    """Whether the paper writes the item of a comparison: its name-like word in the title, or
    its content words in a row in the title or abstract (any number of them for a title the
    request quotes)."""
    described = describes_a_paper(item)
    # ("the observational scaling laws paper": the paper is what the words name, not a word of
    # its title; review52, the third paper of three named was not compared)
    item = _ITEM_FRAME.sub("", item) or item
    title = relevance.token_sequence(paper.title)
    quoted = content_tokens(item)
    if len(quoted) > _ITEM_RUN_WORDS and relevance.contains_run(quoted, title):
        return True
    if described:
        # "the paper analysing token dynamics in a pretrained Mamba model": the name is what
        # the paper studies, and the paper is another (w014 compared Mamba itself)
        return False
    # a name as the title writes it, in its case ("STEP" is no "Large Step Sizes") and whole
    # ("Q-VLM", not a title's "VLM"), a plural or not; or the name the paper gives its method
    # ("PatchTST", whose title is "A Time Series is Worth 64 Words"; "the time series foundation
    # models Sundial"), or its short title
    names = _item_names(item)
    if relevance.names_the_paper(item, paper) or any(
        compiled(rf"(?<![\w-]){re.escape(name.removesuffix('s'))}s?(?![\w-])").search(paper.title)
        for name in names
    ):
        return True
    # (every word of it, as a title writes it: "typical" is no question word in "locally typical
    # sampling")
    run = relevance.token_sequence(item)
    if len(run) == 1 and re.fullmatch(r"[A-Z][a-z0-9]+", item.strip()):
        # one capitalised word ("Sparsey", "Mamba"): a name, which the paper writes as one
        text = f"{paper.title}. {paper.abstract}"
        return re.search(rf"(?<![\w-]){re.escape(item.strip())}(?![\w-])", text) is not None
    if not 2 <= len(run) <= _ITEM_RUN_WORDS:
        return False
    return relevance.contains_run(run, title) or relevance.contains_run(
        run, relevance.token_sequence(paper.abstract)
    )


def _one_per_item(
    items: Sequence[str],
    chosen: list[tuple[Paper, float]],
    ranked: Sequence[tuple[Paper, float]],
    document_frequency: DocumentFrequency,
    collection_size: int,
    tuning: EvidenceSettings,
) -> list[tuple[Paper, float]]:
    """``chosen`` with, for each described item, the retrieved paper writing the largest idf
    share of its content words in its title and abstract, when that paper is not in hand and
    the relevance model gives it ``compared_item_floor`` or more."""
    taken = {paper.id for paper, _ in chosen}
    added = list(chosen)
    # each paper's words read once, whatever the number of items
    present = {
        paper.id: set(content_tokens(f"{paper.title} {paper.abstract}")) for paper, _ in ranked
    }
    scored: list[list[tuple[float, int]]] = []  # per item: (share, position in ranked), best first
    totals: dict[int, float] = {}  # per item: the idf weight of all its words
    for item in items:
        words = set(content_tokens(_ITEM_FRAME.sub("", item) or item))
        if len(words) < 2:
            scored.append([])
            continue
        weight = {word: idf(document_frequency(word), collection_size) for word in words}
        totals[len(scored)] = sum(weight.values())
        shares = [
            (sum(weight[word] for word in words & present[paper.id]), position)
            for position, (paper, _) in enumerate(ranked)
        ]
        scored.append(sorted(shares, key=lambda share: (-share[0], share[1])))
    # Each item is one paper, none two items': the item a paper writes most of takes it first
    # ("the study of memory-based meta-learning on data whose generating parameters jump ..."
    # wrote as much of the meta-trained transformers' paper, the third item's, as of its own,
    # and that one was in hand already: the study was not compared; review69)
    assigned: set[int] = set()
    for index in sorted(
        (index for index, shares in enumerate(scored) if shares),
        key=lambda index: -scored[index][0][0],
    ):
        best = next(
            (
                position
                for share, position in scored[index]
                if position not in assigned and share > 0
            ),
            None,
        )
        if best is None:
            continue
        assigned.add(best)
        paper, probability = ranked[best]
        share = next(share for share, position in scored[index] if position == best)
        others = max((other for other, position in scored[index] if position != best), default=0)
        # (a paper the item's words pick out, whatever the relevance model makes of the whole
        # request: "the statistical theory of picking a subsample to label with help from a
        # weak surrogate model" was left out of three at relevance 0.25; m007)
        picked_out = share >= tuning.compared_item_lead * others and share >= (
            tuning.compared_item_cover * totals[index]
        )
        if paper.id in taken or (probability < tuning.compared_item_floor and not picked_out):
            continue
        added.append(ranked[best])
        taken.add(paper.id)
    return sorted(added, key=lambda entry: -entry[1])


def _described(item: str, papers: Sequence[Paper], tuning: EvidenceSettings) -> Paper | None:
    """The one paper whose title writes at least ``compared_item_share`` of the item's content
    words, more of them than any other paper's by ``compared_item_margin``."""
    words = set(content_tokens(item))
    if len(words) < 2:
        return None
    shares = sorted(
        (
            (len(words & set(content_tokens(paper.title))) / len(words), index)
            for index, paper in enumerate(papers)
        ),
        reverse=True,
    )
    if not shares or shares[0][0] < tuning.compared_item_share:
        return None
    if len(shares) > 1 and shares[0][0] - shares[1][0] < tuning.compared_item_margin:
        return None
    return papers[shares[0][1]]


def _neighbours(
    retrieval: Retrieval,
    chosen: list[tuple[Paper, float]],
    features: list[relevance.PaperFeatures],
    weights: list[float],
    tuning: EvidenceSettings,
) -> list[tuple[Paper, float]]:
    """Retrieved papers that sit close, in meaning, to several of the papers related work has
    chosen: the same field in other words ("universal forecasting transformers" beside "time
    series foundation models"), which the topic phrase's words alone leave out."""
    vectors = retrieval.paper_vectors
    taken = {paper.id for paper, _ in chosen}
    members = [vectors[paper_id] for paper_id in taken if paper_id in vectors]
    if len(members) < tuning.neighbours_needed:
        return []
    elsewhere = other_sense_papers(retrieval, [item.paper for item in features])
    found = []
    for item in features:
        paper = item.paper
        if paper.id in taken or paper.id in elsewhere or paper.id not in vectors:
            continue
        probability = relevance.probability(item, weights)
        if probability < tuning.neighbour_floor:
            continue
        close = sum(
            1 for vector in members if float(vector @ vectors[paper.id]) >= tuning.neighbour_cosine
        )
        if close >= tuning.neighbours_needed:
            found.append((paper, probability))
    return sorted(found, key=lambda pair: -pair[1])


def _closest_to_each_item(
    retrieval: Retrieval,
    features: list[relevance.PaperFeatures],
    weights: list[float],
    taken: set[str],
    tuning: EvidenceSettings,
) -> list[tuple[Paper, float]]:
    """The retrieved papers not in ``taken`` that are each the closest of all retrieved to one
    thing the request lists, at least ``listed_item_closeness`` close (cosine of the paper vector),
    with the topic model's probability ``neighbour_floor`` or more; best first."""
    similarity = retrieval.item_similarity
    candidates = [item for item in features if item.paper.id in similarity]
    if not candidates:
        return []
    elsewhere = other_sense_papers(retrieval, [item.paper for item in features])
    found: dict[str, tuple[Paper, float]] = {}
    for index in range(max(len(values) for values in similarity.values())):
        best = max(candidates, key=lambda item: similarity[item.paper.id][index])
        paper = best.paper
        if (
            paper.id in taken
            or paper.id in elsewhere
            or similarity[paper.id][index] < tuning.listed_item_closeness
        ):
            continue
        probability = relevance.probability(best, weights)
        if probability >= tuning.neighbour_floor:
            found[paper.id] = (paper, probability)
    return sorted(found.values(), key=lambda pair: -pair[1])


def _thread_tops(
    threads: Sequence[Retrieval],
    settings: Settings,
    document_frequency: DocumentFrequency,
    collection_size: int,
    taken: set[str],
    features: list[relevance.PaperFeatures],
    weights: list[float],
) -> list[tuple[Paper, float]]:
    """The paper each of ``threads`` (the retrieval for one thing a related-work request lists)
    is most about, as that thread's own related-work request would put it first (with
    ``topic_relevance_threshold`` or more for the thread), when it is not in ``taken`` and the
    topic model gives it ``neighbour_floor`` or more for the whole request (``features``); with
    that probability, best first."""
    whole = {item.paper.id: item for item in features}
    found: dict[str, tuple[Paper, float]] = {}
    for thread in threads:
        chosen, _, _ = relevant_papers(
            thread,
            settings,
            task="related-work",
            document_frequency=document_frequency,
            collection_size=collection_size,
        )
        if (
            not chosen
            or chosen[0][1] < settings.evidence.topic_relevance_threshold
            or chosen[0][0].id in taken
            or chosen[0][0].id not in whole
        ):
            continue
        paper = chosen[0][0]
        probability = relevance.probability(whole[paper.id], weights)
        if probability >= settings.evidence.neighbour_floor:
            found[paper.id] = (paper, probability)
    return sorted(found.values(), key=lambda pair: -pair[1])


def _closest_to_an_item(
    retrieval: Retrieval, paper_ids: Sequence[str], tuning: EvidenceSettings
) -> set[str]:
    """The papers in hand each the closest to one thing the request lists, close enough
    (``listed_item_closeness``): "agents that forecast the result of an action before taking
    it" is PreAct's, which a reader found said apart as less certainly on the topic with the
    other exact matches of the request's list (review56)."""
    closest: set[str] = set()
    similarity = retrieval.item_similarity
    items = max((len(values) for values in similarity.values()), default=0)
    for item in range(items):
        best = max(
            (paper_id for paper_id in paper_ids if paper_id in similarity),
            key=lambda paper_id: similarity[paper_id][item],
            default=None,
        )
        if best is not None and similarity[best][item] >= tuning.listed_item_closeness:
            closest.add(best)
    return closest


def select_evidence(
    retrieval: Retrieval,
    settings: Settings,
    *,
    task: Task,
    document_frequency: DocumentFrequency | None = None,
    collection_size: int | None = None,
    threads: Sequence[Retrieval] = (),
) -> Selection:
    """The papers an answer may cite (those the question is about), each with its abstract
    sentences scored against the question, best first; ``threads`` are a related-work
    request's retrievals for each thing it lists."""
    if not retrieval.hits:
        return Selection([])
    chosen, left_out, doubtful = relevant_papers(
        retrieval,
        settings,
        task=task,
        document_frequency=document_frequency,
        collection_size=collection_size,
        threads=threads,
    )
    if document_frequency is not None and collection_size:
        weights = Weights(document_frequency, collection_size)
    else:
        weights = local_weights([hit.paper for hit in retrieval.hits])
    similarities = retrieval.sentence_similarity
    clauses = split_clauses(retrieval.query) if task == "ask" else []
    evidence = [
        Evidence(
            paper=paper,
            score=round(probability, 4),
            rank=rank,
            doubtful=paper.id in doubtful,
            sentences=tuple(
                score_sentences(
                    paper,
                    config=settings.evidence,
                    question=retrieval.query,
                    expanded_query=retrieval.expanded_query,
                    weights=weights,
                    similarities=similarities.get(paper.id),
                    clauses=clauses,
                )
            ),
        )
        for rank, (paper, probability) in enumerate(chosen, start=1)
    ]
    return Selection(evidence, left_out)


def evidence_for_papers(
    papers: Sequence[Paper],
    *,
    topic: str | None = None,
    weights: Weights | None = None,
    config: EvidenceSettings | None = None,
) -> list[Evidence]:
    """Evidence for papers the user named (compare --papers): every sentence, scored by role and,
    when a topic is given, by its overlap with the topic."""
    weights = weights or local_weights(papers)
    query = topic or ""
    return [
        Evidence(
            paper=paper,
            score=1.0,
            rank=rank,
            sentences=tuple(
                score_sentences(
                    paper, question=query, expanded_query=query, weights=weights, config=config
                )
            ),
        )
        for rank, paper in enumerate(papers, start=1)
    ]
