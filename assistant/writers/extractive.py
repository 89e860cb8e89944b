"""The extractive engine: offline, deterministic, every claim an abstract sentence.

It selects and orders evidence sentences, rewrites them only in ways that cannot change a claim
("In this work, we propose X" → "<label> proposes X"; "our" → "its"), groups papers by what they
do, and writes connective sentences that carry no facts of their own (no citation, no number, no
method name beyond the labels of cited papers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from itertools import pairwise

from assistant import bm25
from assistant.answer.table import about_the_study
from assistant.citations import strip_citations
from assistant.models import (
    LESS_CERTAIN_HEADINGS,
    OTHER_SENSES_HEADING,
    Draft,
    DraftSentence,
    Evidence,
    EvidenceSentence,
    Task,
    papers_label,
)
from assistant.text import acronyms
from assistant.text.claims import RESULT_WORDS, common_acronyms, opens_with_subject, standalone
from assistant.text.claims.spans import baseline_opener, scope_opener
from assistant.text.facts import points_at_figures, points_at_proposal, reported_figure
from assistant.text.lexicon import words as lexicon_words
from assistant.text.names import NAMES_IN_WORDS, distinct_labels, reads_as_clause, writes_label
from assistant.text.query import (
    FRAMING_TOKENS,
    SHORT_FOCUS,
    Clause,
    asked_names,
    asks_figures,
    asks_for_one,
    asks_for_several,
    asks_goal,
    axis_frame,
    clause_axis,
    contains_run,
    content_tokens,
    listed_examples,
    listed_groups,
    listed_items,
    listed_names,
    listed_senses,
    named_in_question,
    rare_names,
    sense_headings,
    split_clauses,
    subject_tokens,
    topic_parts,
    writes_name,
)
from assistant.text.roles import questioned_premise, states_the_field
from assistant.text.sentences import FIRST_PERSON_WORD, LIST_MARK
from assistant.text.tokens import idf, sentence_case, tokenize
from assistant.tuning import WriterSettings
from assistant.writers.acronyms import spell_out
from assistant.writers.base import TextSink, Writer
from assistant.writers.grouping import (
    _Weights,
    average_link,
    closest_groups,
    group_papers,
    join_singles,
)
from assistant.writers.leads import AnswerTerms, Lead, TitleTerms, filler_stems, group_lead
from assistant.writers.rewrite import in_frame, rewrite, without_praise
from assistant.writers.symbols import name_symbols
from assistant.writers.synthesis import (
    caveat,
    name_after_another_subject,
    name_the_anonymous,
    names_only,
    overlaps,
    paper_claims,
    say_paper,
    title_description,
)
from assistant.writers.views import _GENERIC, _PaperView, _say, _subject_for, _view

# A figure: a digit, or a count spelled out before what it counts ("limited to one bit only").
_FIGURE = re.compile(
    # a number of its own ("235M", "12x", "82%", "1.4 billion"), not part of a name ("3DGS",
    # "CIFAR-10", "GPT-4"), or a count spelled out before what it counts ("limited to one bit")
    r"(?<![\w-])\d+(?:[.,]\d+)*(?![A-Za-z]{2})|\b(?:"
    + "|".join(
        [*lexicon_words("number_words")[1:], "a single", "half", "double", "twice", "thrice"]
    )
    + r")\s+(?!of\b|or\b|and\b|another\b)[a-z]",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return text.split()


DocumentFrequency = Callable[[str], int]

# A measured figure, as a lookup's lead gives it: a share, a factor, a decimal, or a number of
# two digits or more ("82%", "72-95%", "3.16x", "2.1 perplexity points", "194B tokens"); not a
# spelled count ("two separate value networks") nor a list's "1)".
_MEASURE = re.compile(
    r"(?<![\w-])\d+(?:[.,]\d+)*(?:\s*[-–]\s*\d+(?:[.,]\d+)*)?\s*(?:%|x\b|×|times\b|-fold\b)"
    r"|(?<![\w.-])\d+\.\d+(?![\w-])"
    r"|(?<![\w.-])\d{2,}(?:[.,]\d+)*(?:[KMB]\b)?(?![\w)-])",
    re.IGNORECASE,
)

# --- the writer ----------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.sentences: list[DraftSentence] = []
        self.paragraphs: list[list[int]] = []
        self.headings: list[str] = []
        # a paper without a name was introduced as "One paper" in this paragraph: the next is
        # "Another paper", not a second "One paper"
        self.anonymous_said = False
        # which of the answer's papers write a term (stems in a row)
        self.answer_terms: AnswerTerms | None = None
        # the stems of the terms that have led a group: a second "Time series forecasting is
        # common to ..." further down tells the reader nothing the first did not
        self.led: set[str] = set()
        # the leads worked out for groups of this answer, by papers and the words set aside
        # (a group's lead is weighed when groups are formed and again when it is said)
        self.leads: dict[tuple[object, ...], Lead | None] = {}
        # what the reader is told beside the answer (Draft.warnings)
        self.notes: list[str] = []

    def paragraph(self, heading: str = "") -> None:
        self.anonymous_said = False
        if self.paragraphs and not self.paragraphs[-1]:
            self.headings[-1] = heading
            return
        self.paragraphs.append([])
        self.headings.append(heading)

    def add(self, sentence: DraftSentence | None) -> None:
        if sentence is None or not sentence.text:
            return
        if not self.paragraphs:
            self.paragraph()
        # A reference marker an abstract carries ("[27]", or one shaped like a citation of ours)
        # is the abstract's text, not a citation: it never reaches the answer looking verified.
        # ... and the authors' praise of what they put forward is theirs, not the answer's
        text = without_praise(strip_citations(sentence.text).rstrip())
        if not text:
            return
        if not text.endswith((".", "!", "?")):
            text += "."
        self.paragraphs[-1].append(len(self.sentences))
        self.sentences.append(
            DraftSentence(text, list(dict.fromkeys(sentence.citations)), sentence.kind)
        )

    def join_short(self, least: int) -> None:
        """Each paragraph under no heading of fewer than ``least`` sentences joined to the one
        before it (the first to the one after it), where neither introduces a paper as "One
        paper" (a paragraph says that once)."""

        def anonymous(paragraph: list[int]) -> bool:
            return any(self.sentences[index].text.startswith("One paper ") for index in paragraph)

        position = 0
        while position < len(self.paragraphs) and len(self.paragraphs) > 1:
            paragraph = self.paragraphs[position]
            if not paragraph or len(paragraph) >= least or self.headings[position]:
                position += 1
                continue
            other = position - 1 if position > 0 else position + 1
            if self.headings[max(position, other)] or (
                anonymous(paragraph) and anonymous(self.paragraphs[other])
            ):
                position += 1
                continue
            first, second = sorted((position, other))
            self.paragraphs[first] = self.paragraphs[first] + self.paragraphs[second]
            del self.paragraphs[second]
            del self.headings[second]
            position = first

    def withdraw_last(self, sentence: DraftSentence) -> None:
        """Take back the last sentence added, when it is ``sentence`` (same text)."""
        if self.sentences and self.paragraphs and self.paragraphs[-1]:
            last = self.paragraphs[-1][-1]
            if last == len(self.sentences) - 1 and self.sentences[last].text.startswith(
                without_praise(sentence.text.rstrip("."))
            ):
                self.paragraphs[-1].pop()
                self.sentences.pop()

    def draft(self, engine: str, *, repeat_share: float = 1.0) -> Draft:
        """The answer as drafted, without a sentence that says again what an earlier sentence
        citing the same one paper said (``repeat_share`` of its words or more)."""
        again = _repeated(self.sentences, repeat_share)
        kept = [index for index in range(len(self.sentences)) if index not in again]
        number = {index: position for position, index in enumerate(kept)}  # renumbered
        keep = [
            ([number[index] for index in paragraph if index in number], heading)
            for paragraph, heading in zip(self.paragraphs, self.headings, strict=True)
        ]
        keep = [(paragraph, heading) for paragraph, heading in keep if paragraph]
        return Draft(
            sentences=[self.sentences[index] for index in kept],
            engine=engine,
            paragraphs=[paragraph for paragraph, _ in keep],
            headings=[heading for _, heading in keep],
            warnings=list(self.notes),
        )


def _repeated(sentences: Sequence[DraftSentence], share: float) -> set[int]:
    """The sentences citing one paper whose words (``share`` of them or more) an earlier
    sentence citing that paper alone already wrote: Hydra's "It improves decoding throughput by
    1.31x and 2.71x ..." after the sentence ending "... Hydra++, that improves decoding
    throughput by 1.31x and 2.71x ..."; a comparison's "What each does" saying again the
    sentence it said under a question (review73: "the same claim twice")."""
    said: dict[str, list[set[str]]] = {}
    again: set[int] = set()
    for index, sentence in enumerate(sentences):
        if len(sentence.citations) != 1:
            continue
        tokens = set(tokenize(sentence.text))
        earlier = said.setdefault(sentence.citations[0], [])
        if len(tokens) >= _REPEAT_MIN_WORDS and any(
            len(tokens & before) >= share * len(tokens) for before in earlier
        ):
            again.add(index)
            continue
        earlier.append(tokens)
    return again


# a sentence of fewer words than this repeats nothing worth taking out ("It is fast.")
_REPEAT_MIN_WORDS = 4


def _antecedents_first(
    picks: list[tuple[EvidenceSentence, str]], sentences: Sequence[str]
) -> list[tuple[EvidenceSentence, str]]:
    """The picks with a sentence that opens by pointing at the one before it in the abstract
    ("This collection serves as a new benchmark ...") right after that one when it is picked
    too: OptMATH's answer said "The collection serves as a new benchmark ..." two sentences
    before "Then a collection of rejected pairs is identified and further filtered" (review72:
    "a reader could take 'the collection' to mean the whole OptMATH dataset"). The lead stays."""
    ordered = list(picks)
    for pair in picks[1:]:
        index = pair[0].index
        if index == 0 or not _POINTS_AT_PREVIOUS.match(sentences[index]):
            continue
        before = next((other for other in ordered if other[0].index == index - 1), None)
        if before is None or before is ordered[0]:
            continue
        ordered.remove(before)
        ordered.insert(ordered.index(pair), before)
    return ordered


# a sentence opening on a demonstrative and its noun: what it names, the sentence before said
_POINTS_AT_PREVIOUS = re.compile(r"(?:This|These|Such)\s+[a-z][\w-]*\b(?!\s+(?:paper|work)\b)")


def _share(asked: dict[str, float], text: str) -> float:
    """How much of a question's words (by weight) a sentence writes."""
    tokens = set(bm25.tokenize(text))
    return sum(weight for token, weight in asked.items() if token in tokens)


def _covers(view: _PaperView, spellings: list[frozenset[str]]) -> bool:
    """Whether the paper uses one of the spellings of a topic term (an acronym or its long form)."""
    tokens = set(view.tokens) | set(bm25.tokenize(f"{view.paper.title} {view.paper.abstract}"))
    return any(spelling <= tokens for spelling in spellings)


# A proposal span starting within this many characters of its sentence is that sentence's own
# statement ("We present ...", "In this paper, we propose ..."), not a clause after a preamble.
_LEAD_AT_START = 24
# The share (by idf) of what a question asks beyond its topic that a paper's sentence must hold to
# be said as the answer to it; fixed, as "most of it".
_CLAUSE_SHARE = 0.5
# what a sentence going on from the last one said must add of what was asked (``_going_on``)
_GOING_ON_SHARE = 0.1
# "We observe that ...", "our method", "we've reproduced": first person the rewrite did not resolve
_OURS = re.compile(r"\b(?:[Ww]e|[Oo]urs?|[Uu]s)\b")
# Below this many papers, a term most of them write may still set some apart (fixed: of three,
# two is most)
_GROUND_PAPERS = 4
# ... or words after the lead's span by which a sentence says more than the lead
_SAYS_MORE_WORDS = 6


# A paper is about one of the examples a question lists when it writes this share (by idf) of
# the example's words; fixed, as "most of it"
_EXAMPLE_SHARE = 0.5


def _by_sense(
    question: str,
    views: Sequence[_PaperView],
    hold: frozenset[str],
    *,
    related_work: bool = False,
) -> list[tuple[str, list[int]]]:
    """The papers of a topic answer under the senses or kinds its question lists, each sense its
    heading in the question's words, in the question's order, then the papers under none of
    them; none where fewer than two senses hold a paper, or the question asks for one paper
    (answer.senses decides which sense is a paper's). A related-work request asks for the
    papers of each thread, however it names the user's own work ("For a method where ..., I
    need related work on: ..." read as asking for one; w007)."""
    if not related_work and asks_for_one(question):
        return []
    placed = [index for index, view in enumerate(views) if view.paper.id not in hold]
    if len({views[index].evidence.sense for index in placed} - {None}) < 2:
        return []
    sections = [
        (heading, [index for index in placed if views[index].evidence.sense == number])
        for number, heading in enumerate(sense_headings(question))
    ]
    rest = [index for index in placed if views[index].evidence.sense is None]
    return [section for section in [*sections, (OTHER_SENSES_HEADING, rest)] if section[1]]


def _senses_unplaced(question: str, sections: Sequence[tuple[str, list[int]]]) -> list[str]:
    """A note naming the senses or threads the request lists that no paper went under (review89:
    "when no paper was found for a thread, the answer drops that thread without saying so")."""
    if not sections:
        return []
    placed = {heading for heading, _ in sections}
    missing = [
        sense
        for sense, heading in zip(listed_senses(question), sense_headings(question), strict=True)
        if heading not in placed
    ]
    if not missing:
        return []
    quoted = [f"'{sense}'" for sense in missing]
    named = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    # (not "the collection may hold none": it may hold a paper this answer did not draw on;
    # review90 found three for d008's threads)
    return [
        f"no paper of this answer was placed under {named}, which the request lists; a paper "
        f"under '{OTHER_SENSES_HEADING}' or said apart may fit, and the collection may hold "
        "others: ask about each on its own to search for them"
    ]


def _in_the_order_asked(
    groups: list[list[int]], views: Sequence[_PaperView], question: str, weights: _Weights
) -> list[list[int]]:
    """The groups in the order of the examples the question lists (where it lists none and
    asks for one paper, the best-ranked paper's group first): under "newer variants of
    gradient boosting, e.g. with neural nets or LLMs as the weak learners, or for probabilistic
    outputs", the neural-network learners first, then the LLM ones, then probabilistic boosting
    (a blind reader, review24b A6: "not grouped by the user's three categories"); a group
    about none of them after the rest, each keeping its place otherwise."""
    # (a word most of the answer's papers write, "neural" under boosting variants, tells none
    # of them apart)
    ground = {
        token
        for token in content_tokens(question)
        if 2 * sum(1 for view in views if token in view.tokens) >= len(views)
    }
    items = [
        {
            token: weights.idf(token)
            for token in content_tokens(item)
            if token not in _GENERIC and token not in ground
        }
        for item in listed_items(question)
    ]
    items = [item for item in items if item]
    if len(items) < 2:
        if asks_for_one(question):
            # "Which paper finds that removing a single parameter can destroy an LLM ...?": the
            # paper the evidence ranks first answers it and is said first, not after a larger
            # group of papers that share the question's words (Mirostat's "perplexity increases
            # with generated text length" led, the Super Weight paper came fourth)
            return sorted(groups, key=lambda group: 0 not in group)
        return groups

    def example_of(view: _PaperView) -> int:
        shares = [
            sum(weight for token, weight in item.items() if token in view.tokens)
            / sum(item.values())
            for item in items
        ]
        best = max(range(len(items)), key=lambda position: (shares[position], -position))
        return best if shares[best] >= _EXAMPLE_SHARE else len(items)

    return sorted(groups, key=lambda group: min(example_of(views[index]) for index in group))


class ExtractiveWriter(Writer):
    """Writes from the evidence sentences alone; the same evidence always gives the same draft."""

    name = "extractive"

    def __init__(
        self,
        *,
        document_frequency: DocumentFrequency | None = None,
        collection_size: int | None = None,
        config: WriterSettings | None = None,
        title_terms: TitleTerms | None = None,
        rare_name_papers: int = 0,
    ) -> None:
        self.document_frequency = document_frequency
        # a capitalised word at most this many papers write is a name the question asks about
        # (evidence.rare_name_papers: the papers it chose for it are said by that word)
        self.rare_name_papers = rare_name_papers
        self.collection_size = collection_size
        self.title_terms = title_terms
        self.config = config or WriterSettings()

    def write(
        self,
        task: Task,
        question: str,
        evidence: Sequence[Evidence],
        *,
        on_text: TextSink | None = None,
    ) -> Draft:
        views = [_view(item, self.config.long_sentence_words) for item in evidence]
        labels = distinct_labels({view.paper.id: view.paper for view in views})
        for view in views:
            if labels[view.paper.id] != view.label:
                view.label, view.renamed = labels[view.paper.id], True
        builder = _Builder()
        builder.answer_terms = AnswerTerms(
            views, ground_share=self.config.lead_ground_share, ground_papers=_GROUND_PAPERS
        )
        if views:
            if task == "ask" and len(views) == 1:
                self._lookup(builder, question, views[0])
            elif task == "compare":
                # papers compared by id with no topic are headed by their titles, which are no
                # topic: what the titles share ("post-training quantization") is the ground the
                # papers stand on, said as such, not the request repeated
                by_papers = question == papers_label([view.paper for view in views])
                self._compare(builder, question, views, by_papers=by_papers)
            else:
                # the papers the relevance model is less sure of go last, apart; the others are
                # grouped among all of them, as they would be without the split (a line of work
                # does not lose a paper to another because a third left)
                doubtful = [view for view in views if view.evidence.doubtful]
                if len(doubtful) == len(views):
                    doubtful = []
                hold = frozenset(view.paper.id for view in doubtful)
                if task == "related-work":
                    self._related_work(builder, question, views, hold=hold)
                    builder.join_short(self.config.related_work_paragraph_sentences)
                    if doubtful:
                        self._less_certain(builder, question, doubtful)
                else:
                    self._topic(builder, question, views, hold=hold)
        # an acronym a quoted sentence uses, defined only in a sentence of the abstract the
        # reader is not shown, is spelled out where the answer first uses it
        builder.sentences = spell_out(
            builder.sentences,
            {view.paper.id: view.paper for view in views},
            labels.values(),
            question,
        )
        # ... and so is a one-letter symbol ("conditioning A" -> "conditioning the state
        # matrix A")
        builder.sentences = name_symbols(
            builder.sentences, {view.paper.id: view.paper for view in views}, question
        )
        builder.sentences = name_the_anonymous(
            builder.sentences,
            {view.paper.id: view.paper for view in views},
            {view.paper.id: view.label for view in views},
            self.config.quoted_title_words,
            builder.paragraphs,
        )
        _say_caveats(builder, {view.paper.id: view for view in views})
        _grounds_first(builder, {view.paper.id: view for view in views})
        _without_unled_then(builder, {view.paper.id: view for view in views})
        builder.sentences = name_after_another_subject(
            builder.sentences, {view.paper.id: view.label for view in views}, builder.paragraphs
        )
        draft = builder.draft(self.name, repeat_share=self.config.repeat_share)
        if on_text is not None:
            on_text(" ".join(sentence.text for sentence in draft.sentences))
        return draft

    # --- ask: one paper and the figure ------------------------------------------------------

    def _lookup(self, builder: _Builder, question: str, view: _PaperView) -> None:
        """One paper answers: it, named, with what it proposes; then the abstract sentence that
        answers each further clause (the figure, the name asked for), lead first. A figure asked
        for, in a sentence of the paper's own that names it, comes before the proposal."""
        clauses = split_clauses(question)
        # (what the paper makes available, "Code is available at ...", answers a question
        # asking for it; otherwise it is no claim to quote)
        releases = any(clause.releases for clause in clauses)
        usable = [
            item
            for item in view.evidence.sentences
            if (view.roles[item.index] != "boilerplate" or releases)
            # (a view the paper sets up to question is not what it says)
            and not questioned_premise(view.sentences, item.index)
        ]
        # The best sentences (each clause's best first) that stand on their own: one that leans
        # on a sentence the reader is not shown gives way to the next.
        standing = [
            (item, text)
            for item in usable
            if (
                text := standalone(
                    view.sentences[item.index],
                    view.paper.title,
                    after_contribution=item.index > 0
                    and view.roles[item.index - 1] == "contribution",
                )
            )
            is not None
        ]
        wanted = max(3, len(clauses) + 1)
        said = say_paper(
            view.paper,
            most=1,
            wanted=content_tokens(question),
            label=view.label if view.renamed else None,
        )
        builder.paragraph()
        claims = paper_claims(view.paper)
        # the span the lead was said from: the proposal, or the finding of a paper without one
        # ("One paper finds that using the Variance Horizon reduced computational usage by more
        # than 50%" was followed by its own sentence, "Results indicate that using the Variance
        # Horizon reduced ...", in a blind lookup)
        led_from = said.source if said is not None else None
        # what the paper puts forward: its proposal, or the mechanism said for a proposal that
        # only names it ("presents Video Pre-trained Transformer" -> "builds on the YT-20M
        # dataset, ... adding 25,000 ... videos", which the figure lead then said again)
        put_forward = led_from is not None and led_from is not claims.finding
        if put_forward and led_from is not None:
            # the sentence the lead was drawn from, unless it says more than the lead does; and
            # a proposal that only names what the lead said ("It introduces an innovative
            # technique called Adaptive Model Merging (AdaMerging)" after "AdaMerging aims to ...")
            said_from = [led_from]
            if claims.proposal is not None and led_from is not claims.proposal:
                said_from.append(claims.proposal)
            standing = [
                (item, text)
                for item, text in standing
                if not any(
                    item.index == span.sentence and len(span.text) >= 0.8 * len(text)
                    for span in said_from
                )
            ]
        numeric = any(clause.numeric for clause in clauses)
        asked = frozenset().union(*(clause.tokens for clause in clauses if clause.numeric))
        # the sentences answering the clauses that ask, each clause's best in the question's
        # order (``score_sentences``); and those answering a detail asked of the paper
        asking = [clause for clause in clauses if clause.asks]
        answering = {item.index for item in view.evidence.sentences[: len(asking)]}
        answering_detail = {
            item.index
            for item, clause in zip(view.evidence.sentences, asking, strict=False)
            if _asks_detail(clause)
        }
        if numeric:
            # A question asking for a figure is answered by sentences that state one: among the
            # best few, those come before background and problem statements without any.
            # ... but not before the sentences answering the question's other clauses ("what
            # units are the plans built from": the EDU sentence, pushed out by two sentences
            # that merely hold a number)
            head = standing[: self.config.lookup_figure_reach]
            head.sort(
                key=lambda pair: pair[0].index not in answering and _FIGURE.search(pair[1]) is None
            )
            standing = head + standing[len(head) :]
            if not any(_FIGURE.search(text) for _, text in head):
                # "How much training compute did it need?": no sentence near the top states a
                # figure, and the one that does ("requiring only 15 hours of training on 4
                # GPUs") scores low against the whole question; the first that measures
                # something the figure's clause names comes up to answer it
                measured = next(
                    (
                        pair
                        for pair in standing
                        if _MEASURE.search(pair[1]) and asked & set(bm25.tokenize(pair[1]))
                    ),
                    None,
                )
                if measured is not None:
                    standing.remove(measured)
                    standing.insert(0, measured)
        chosen = standing[: min(wanted, 4)]
        # The sentence that best answers comes first, then those answering the question's other
        # clauses; the rest follow in the abstract's order ("..., and on which two clinical
        # datasets is it demonstrated?" was answered last, after three sentences not asked for;
        # review43)
        # (not one pointing back at what the abstract said before it: "Mirostat avoids both
        # traps" stays after the sentence naming them)
        picks = chosen[:1] + sorted(
            chosen[1:],
            key=lambda pair: (
                pair[0].index not in answering or _REFERS_BACK.search(pair[1]) is not None,
                pair[0].index,
            ),
        )
        detail = [
            item.index
            for item, clause in zip(view.evidence.sentences, asking, strict=False)
            # (a background sentence best for a clause is no answer to it: "Pre-trained
            # vision-language models, e.g. CLIP, have been increasingly used ...")
            if not clause.identifies and view.roles[item.index] != "background"
        ]
        if (
            said is not None
            and led_from is not None
            and not any(pair[0].index == led_from.sentence for pair in picks)
            and any(clause.identifies for clause in asking)
        ):
            # The lead names the paper, which answers "which paper ...?": what the question asks
            # of it next comes right after ("Which image dataset is it trained on, and which
            # video datasets are used ...?" was answered fourth, after the sentences matching
            # how the question described the paper), in the question's order; not one pointing
            # back at a sentence before it. (Not when the lead's own sentence is picked, to be
            # said whole in its place: it names the paper, and a detail before it would not.)
            picks.sort(
                key=lambda pair: (
                    detail.index(pair[0].index)
                    if pair[0].index in detail and _REFERS_BACK.search(pair[1]) is None
                    else len(detail)
                )
            )
        if numeric:
            # The figure asked for comes right after the paper is named, not where the abstract
            # happens to put it: the best-scored pick that states a number.
            # ... the one naming what is measured ("What accuracy did they reach?": the 86%
            # accuracy, not the 18500 songs of the dataset), else the best-scored
            figure = max(
                (pair for pair in standing[: len(picks)] if _FIGURE.search(pair[1])),
                key=lambda pair: len(asked & set(bm25.tokenize(pair[1]))),
                default=None,
            )
            if figure is not None and figure in picks:
                picks.remove(figure)
                picks.insert(0, figure)
        naming = [clause for clause in clauses if clause.names]
        if naming and not numeric:
            # A question asking for a name ("Which compression method is it?") is answered by
            # the sentence that gives it, right after the paper is named, as a figure is: "It
            # shows that the next-token prediction loss ... is directly equivalent to a data
            # compression technique called prequential coding" came after the paper's finding
            # about Occam's razor (a blind lookup, b726).
            named = next(
                (
                    pair
                    for pair in picks
                    if (
                        NAMES_IN_WORDS.search(pair[1])
                        and any(clause.tokens & set(bm25.tokenize(pair[1])) for clause in naming)
                    )
                    or any(_coins_name(pair[1], clause.tokens) for clause in naming)
                ),
                None,
            )
            if named is not None:
                picks.remove(named)
                picks.insert(0, named)
        if claims.problem is not None and _ASKS_PROBLEM.search(question):
            # "What problem does DeYO address?": the sentence stating the problem its analysis
            # found comes right after the paper is named, as a figure asked for does (the answer
            # said what DeYO is and how well it does, not "The primary challenge of TTA is ...")
            problem = next(
                (pair for pair in standing if pair[0].index == claims.problem.sentence), None
            )
            if problem is not None:
                picks = [problem, *(pair for pair in picks if pair is not problem)][: len(picks)]
        if led_from is not None and any(item.index == led_from.sentence for item, _ in picks):
            sentence = view.sentences[led_from.sentence]
            beyond = len(re.findall(r"[A-Za-z0-9]\S*", sentence[led_from.end :]))
            if put_forward and (led_from.start <= _LEAD_AT_START or beyond >= _SAYS_MORE_WORDS):
                # The lead's own sentence is picked whole ("We present the findings of the
                # TADPOLE Challenge, which compared 92 algorithms from 33 teams"), or one that
                # goes on past it ("..., and we improve the best SSM result on PathX-256 by 20
                # absolute points"): it says what the lead would and more, so the lead goes
                # rather than say it twice.
                said = None
            elif put_forward or beyond < _SAYS_MORE_WORDS:
                # ... but one that opens on something else ("While existing methods ..., such
                # as ..., this paper proposes AEM") is the lead with a preamble: it goes. So
                # does a finding's own sentence that says no more than the lead finding it (the
                # lead names the paper; the sentence goes on only where it adds to it).
                picks = [pair for pair in picks if pair[0].index != led_from.sentence]
        picks = _antecedents_first(picks, view.sentences)
        first_pick = picks[0][1] if picks else ""
        figure_lead = (
            _opened_rewrite(picks[0][1], _subject_for(view, picks[0][1]))
            if said is not None
            and picks
            and (
                (numeric and _MEASURE.search(picks[0][1]))
                or (
                    naming
                    and not numeric
                    and (
                        NAMES_IN_WORDS.search(picks[0][1])
                        or any(_coins_name(picks[0][1], clause.tokens) for clause in naming)
                    )
                )
                # ... and so does the answer to a detail asked beyond which paper it is ("...,
                # and what kind of regulariser does it use?": "It introduces a Fisher regularizer
                # ...", said after the paper's sample selection; review36a: "the answer is in
                # sentence 2, not 1")
                or (
                    not numeric
                    and not naming
                    # (of the one paper asked for: "How do the segmentation papers here deal
                    # with the background?" is answered by what the paper proposes first)
                    and asks_for_one(question)
                    and picks[0][0].index in answering_detail
                    # ... unless the lead's own sentence answers one, no clause asking which
                    # paper it is ("What new network architecture did it introduce, and in
                    # which library were the models released?": the residual LSTM embedding it
                    # introduces comes first)
                    and not (
                        led_from is not None
                        and led_from.sentence in answering
                        and not any(clause.identifies for clause in clauses)
                    )
                )
            )
            and (
                _BY_THE_PAPER.match(picks[0][1])
                # ("Compared to a conventionally trained 7B model using 300B tokens, our G_stack
                # model converges ...": what the figure is measured against, however long)
                or _BY_THE_PAPER.match(_after_kept_opener(picks[0][1]))
                # "IMM surpasses diffusion models on ImageNet-256x256 with 1.99 FID ...": the
                # paper's own name is the subject
                or (
                    claims.name is not None
                    and re.match(rf"{re.escape(claims.name)}\b", picks[0][1])
                )
                # ... after where it holds: "On MNIST, FreezeNet achieves 99.2% performance of
                # the baseline ..., while compressing ... by a factor of x 157"; "Taking the
                # Gemma 2 (2B) model as an example, CCE reduces the memory footprint ..."
                or any(
                    re.match(rf"[^,;]{{0,80}},\s+{re.escape(own)}\s+[a-z]+s\b", picks[0][1])
                    for own in (claims.name, view.label)
                    if own
                )
            )
            else None
        )
        figure_index: int | None = None  # the sentence said first, as the figure lead
        framed = (
            figure_lead is None
            and said is not None
            and numeric
            and bool(picks)
            and _MEASURE.search(picks[0][1]) is not None
            and view.roles[picks[0][0].index] in ("result", "method", "contribution", "setting")
            and not view.label.startswith(("One paper", "Another paper"))
        )
        if framed:
            # a figure whose sentence has a subject of its own ("The results show a substantial
            # increase in the token acceptance rate ..., which translates into 1.22x to 3.06x
            # latency reduction") leads framed by the paper: "In OSD, the results show ..."
            # (it followed the proposal; 58 of the 174 tuning lookups had no key fact in their
            # first sentence)
            figure_lead = _framed_by(view.label, rewrite(picks[0][1], "It"))
        if (
            figure_lead is not None
            and view.label in figure_lead
            and not figure_lead.startswith("One paper's ")
        ):
            # The figure asked for leads, with the paper as its subject ("Zoology finds 82% of
            # the gap is explained by ..."), and what the paper proposes follows. Not one with
            # a subject of its own ("the approach achieves ..." would point at nothing; "On
            # ImageNet-1K, the best model outperforms ViT" names no paper), nor one naming the
            # paper's method ("One paper's experiments ... demonstrate that DiffTPT improves
            # ..."): those follow the proposal.
            figure_index = picks.pop(0)[0].index
            builder.add(DraftSentence(figure_lead, [view.paper.id]))
            if framed or _BY_THE_PAPER.match(_after_kept_opener(first_pick)):
                again = say_paper(
                    view.paper,
                    most=1,
                    subject="It",
                    wanted=content_tokens(question),
                    label=view.label if view.renamed else None,
                )
                # (not one naming the paper again: "It introduces AutoCast++, a zero-shot
                # ranking-based context retrieval system" after "In AutoCast++, empirical results
                # underscore ..." has AutoCast++ introduce itself (review56); the lead's own,
                # "AutoCast++ is a zero-shot ...", says it)
                if again is not None and (
                    not writes_label(view.label, again.sentences[0].text)
                    or said is None
                    or said.sentences[0].text.startswith(("One paper", "Another paper"))
                ):
                    said = again
            # ... but after "TabRepo contains the predictions of 1310 models ...", "It introduces
            # TabRepo, a new dataset ..." has the name introduce itself: the lead keeps its own
            # subject ("TabRepo is a new dataset ...")
        # A sentence that answers but leans on the one before it ("Our proposed approach solves
        # this problem through a switching framework ... -- agreement filtering and entropy
        # weighting --"), said right after that sentence when that one is said: what it points
        # at is then the sentence the reader has just read
        shown = [item.index for item, _ in picks]
        led_index = led_from.sentence if said is not None and led_from is not None else None
        said_from_sentences = {
            span.sentence for span in (led_from, claims.proposal) if span is not None
        }
        alone = {item.index for item, _ in standing}
        # ... or right after the figure lead when that is what it points at ("These results rely
        # on a novel Hölder style inequality for the Dudley integral" after "... shows that, when
        # the class F is 'simpler' than G, the predictor is more resilient ...": the asked
        # inequality was left out of v022, review97)
        after_figure: list[DraftSentence] = []
        for item in usable[:wanted]:
            if (
                len(picks) + len(after_figure) >= _LOOKUP_MOST
                or item.index in alone
                or item.index in shown
                # (nor the sentence the lead, or the proposal, was said from: it was left out
                # so as not to say that twice)
                or (said is not None and item.index in said_from_sentences)
                or FIRST_PERSON_WORD.search(rewrite(view.sentences[item.index], "It"))
            ):
                continue
            if (
                figure_index is not None
                and figure_index == item.index - 1
                and _points_at(view.sentences[item.index], view.sentences[figure_index])
            ):
                text = sentence_case(_SEQUENCE_OPENER.sub("", view.sentences[item.index], count=1))
                after_figure.append(DraftSentence(rewrite(text, "It"), [view.paper.id]))
                continue
            # ... the sentence before it, or the nearest before it the reader is shown that
            # holds what it points at ("No single submission was best at predicting all three
            # outcomes": the three outcomes were named two sentences before, and the answer to
            # "what kind of submission did best?" was left out; review47)
            before = next(
                (
                    earlier
                    for earlier in range(item.index - 1, -1, -1)
                    if (earlier in shown or earlier == led_index)
                    and _points_at(
                        view.sentences[item.index],
                        # what the reader was shown of it: the lead may be part of its sentence
                        said.sentences[0].text
                        if said is not None and earlier == led_index
                        else view.sentences[earlier],
                    )
                ),
                None,
            )
            if before is None:
                continue
            at = shown.index(before) + 1 if before in shown else 0
            picks.insert(at, (item, view.sentences[item.index]))
            shown.insert(at, item.index)
        if any(clause.explains for clause in clauses):
            picks = _with_cause(view, picks, usable, standing, led_index)
        picks = _context_last(view, picks, answering)
        for pointing in after_figure:
            builder.add(pointing)
        if said is not None:
            builder.add(said.sentences[0])
        for position, (_, text) in enumerate(picks):
            # (a sentence said after the one it leans on is said as the abstract has it, but
            # for where it stood in the abstract's sequence: "Finally we present a 'Future Lens'
            # visualization that uses these methods ..." came second; review58)
            text = sentence_case(_SEQUENCE_OPENER.sub("", text, count=1))
            subject = "It" if said or position else _subject_for(view, text)
            builder.add(DraftSentence(rewrite(text, subject), [view.paper.id]))

    # --- ask: every relevant paper, grouped by what it does ---------------------------------

    def _skip_tokens(self, question: str, views: Sequence[_PaperView]) -> set[str]:
        """The question's own terms (acronyms spelled out as the evidence defines them): they say
        what all the papers share, so they can neither group papers nor set one apart."""
        defined = acronyms.mine(view.paper.abstract for view in views)
        skip = set(content_tokens(acronyms.expand(question, defined))) | set(FRAMING_TOKENS)
        for acronym, long_forms in defined.items():
            if any(set(bm25.tokenize(form)) <= skip for form in long_forms):
                skip.update(bm25.tokenize(f"{acronym} {acronym}s"))
        return skip

    def _focus(self, question: str, views: Sequence[_PaperView]) -> list[list[frozenset[str]]]:
        """The question's content words, each with the spellings that count as the same term
        (an acronym and the long forms the evidence defines for it)."""
        defined = acronyms.mine(view.paper.abstract for view in views)
        by_token = {
            token: acronym
            for acronym in defined
            for token in bm25.tokenize(f"{acronym} {acronym}s")
        }
        groups: list[list[frozenset[str]]] = []
        for token in dict.fromkeys(content_tokens(question)):
            spellings = [frozenset([token])]
            if token in by_token:
                spellings += [frozenset(bm25.tokenize(form)) for form in defined[by_token[token]]]
            # ... and the acronym of a long form the word is part of: "state" is said by "SSM"
            # (a sentence says all of "state space models" when it says "SSMs")
            spellings += [
                frozenset([spelling])
                for acronym, forms in defined.items()
                if any(token in bm25.tokenize(form) for form in forms)
                for spelling in bm25.tokenize(f"{acronym} {acronym}s")
            ]
            groups.append(list(dict.fromkeys(spellings)))
        return groups

    def _topic(
        self,
        builder: _Builder,
        question: str,
        views: list[_PaperView],
        *,
        hold: frozenset[str] = frozenset(),
    ) -> None:
        """Every paper the question is about, papers that do alike side by side; each said from
        its claims (what it proposes, how, what it reports). The papers in ``hold`` are grouped
        with the others and not said (they are said apart)."""
        weights = _Weights(views, self.document_frequency, self.collection_size)
        skip = self._skip_tokens(question, views)
        groups = group_papers(views, weights, skip, self.config.group_similarity)
        # No opening count ("Five papers in the collection bear on this."): three blind readers
        # called it filler, and over a paper that is only near the question it certifies that
        # paper ("15 papers in the collection bear on this", seven of them never mentioning the
        # asked models); the references list the papers, the first group's lead opens
        focus_groups = self._focus(question, views)
        asked = self._asked_after_topic(question, weights)
        # What the question is about: the words it shares with most of its papers ("machine
        # translation") and the names it writes ("Dempster-Shafer", "CUB-200", however few
        # papers write them), not the field's acronyms ("LLMs"). A paper said without them
        # ("sigmaReparam ... prevents entropy collapse") is also said by its sentence that has
        # them ("... experiments with sigmaReparam on ..., machine translation"): why it is here.
        # ... and a dataset or model it asks about by name ("GPT-2", "ImageNet"), which its
        # words cannot tell from another ("GPT-4"): each paper is said by its sentence writing
        # the name, where nothing said of it does
        # ... and a capitalised word few papers write ("Chinese-language data")
        rare = (
            rare_names(question, self.document_frequency, self.rare_name_papers)
            if self.document_frequency is not None
            else []
        )
        examples = " ".join(listed_examples(question))
        named_in = asked_names(question)
        subjects = [*named_in, *(word for word in rare if word not in examples)]
        # the datasets and models it asks which papers use ("MNIST", "GPT-2"), not a term it
        # quotes ("'one-shot'") nor a rare word it is about ("Rashomon sets")
        used = [name for name in named_in if any(c.isupper() or c.isdigit() for c in name)]
        names = [*subjects, *listed_names(question), *(word for word in rare if word in examples)]
        field = _field_acronym_tokens()
        named = {
            token for name in [*named_in_question(question), *rare] for token in bm25.tokenize(name)
        }
        shared = {
            token: weights.idf(token)
            for token in dict.fromkeys(content_tokens(question))
            if token not in _GENERIC
            and token not in field
            and (
                token in named or 2 * sum(1 for view in views if token in view.tokens) >= len(views)
            )
        }

        # the question's words few papers write ("DNA", "genomic"): a paper that writes one is
        # said by a sentence writing it
        rare_words = (
            [
                token
                for token in dict.fromkeys(content_tokens(question))
                if token not in _GENERIC
                and 0 < self.document_frequency(token) <= self.rare_name_papers
            ]
            if self.document_frequency is not None
            else []
        )

        # the question's two-word terms few papers write ("normalization layers", "mixtures of
        # regressions"): a paper writing one is said by a sentence writing it, where nothing
        # said of it does (review34b: CEMA was said by its cloud-edge paradigm and its sample
        # filter, not by "we update ... the affine parameters of normalization layers")
        phrases = self._asked_phrases(question)

        base: dict[str, list[DraftSentence]] = {}  # what its claims say, before the rules below

        def said(view: _PaperView) -> list[DraftSentence]:
            sentences = self._paper_sentences(builder, view, focus_groups, question)
            base[view.paper.id] = list(sentences)
            lead = sentences[0] if sentences else None  # names the paper, wherever it ends up
            answer = self._clause_answer(view, asked, sentences) if asked else None
            sentences = [*sentences, answer] if answer is not None else sentences
            going_on = self._going_on(view, asked, sentences) if asked else None
            sentences = [*sentences, going_on] if going_on is not None else sentences
            on_item = (
                self._clause_item(view, shared, sentences, own=frozenset(named)) if shared else None
            )
            if on_item is not None:
                on_topic = _say(view, on_item, subject="It")
                # the setting the paper starts from ("The performance of a transformer model
                # trained on tasks (say addition) up to a certain length ... drops sharply"),
                # stated before what it proposes, is said before it as the abstract does, not
                # after the paper's result; one that needs the paper as its subject ("It ...")
                # stays after the sentence naming the paper
                before = _sets_the_scene(view, on_item) and not on_topic.text.startswith("It ")
                sentences = [on_topic, *sentences] if before else [*sentences, on_topic]
            else:
                problem = self._problem_on_topic(view, shared, sentences) if shared else None
                sentences = [problem, *sentences] if problem is not None else sentences
            # the name asked about before an example it lists: SpecDec++ said by its "2.04x
            # speedup on the Alpaca dataset" is still said by "apply it to the llama-2-chat 7B &
            # 70B model pair" under "Which papers run experiments on LLaMA-family models (...,
            # fine-tunes such as Alpaca and Vicuna)?"
            found = self._name_sentence(view, subjects, sentences) if subjects else None
            if found is None and len(names) > len(subjects):
                found = self._name_sentence(view, names, sentences)
            if found is None and rare_words:
                # "Does anything here model DNA or genomic sequences?": Mamba said by its
                # selective SSMs and Dirichlet flow matching by its probability paths never say
                # why they are here; the sentence writing the question's rare word does
                # ("... across several modalities such as language, audio, and genomics")
                found = self._name_sentence(
                    view, [], sentences, words=frozenset(rare_words) & view.tokens.keys()
                )
            phrased = self._phrase_sentence(view, phrases, sentences) if phrases else None
            if phrased is not None:
                sentences = [sentences[0], phrased, *sentences[1:]]
            told = sentences
            if found is not None:
                # one said already that the sentence writing the name goes on from ("It
                # applies transcoders to ... in the model" and "..., and the authors obtain
                # novel insights regarding the greater-than circuit in GPT2-small") gives way
                item, writing = found
                inside = [
                    sentence for sentence in sentences if overlaps(sentence.text, writing.text)
                ]
                if not inside:
                    told = [*sentences, writing]
                else:
                    if inside[0] is sentences[0]:
                        writing = _say(view, item)  # the paper's first sentence names it
                    kept = [sentence for sentence in sentences if sentence not in inside[1:]]
                    told = [writing if sentence is inside[0] else sentence for sentence in kept]
            # A question about the papers that use a dataset or model ("Which papers run
            # experiments on GPT-2 models, and what role does GPT-2 play in each?") asks what
            # each paper is and how it uses it: its lead, what the question asks of it, and its
            # sentences writing the name, not also its mechanism and other results (IRepair
            # was said in four sentences, the one about GPT2 last)
            figured = _figures_after(view, told)
            figure = None
            if figured is not None:
                vague, figure = figured
                told = [sentence for sentence in told if sentence is not figure]
                told = [*told[: told.index(vague) + 1], figure, *told[told.index(vague) + 1 :]]
            writing_name = [
                sentence
                for sentence in told
                if any(writes_name(name, sentence.text) for name in used)
            ]
            if not writing_name:
                return told
            return [
                sentence
                for position, sentence in enumerate(told)
                if position == 0
                or sentence is lead
                or sentence in writing_name
                or sentence is answer
                or sentence is going_on
                or sentence is figure
            ]

        sections = _by_sense(question, views, hold)
        builder.notes += _senses_unplaced(question, sections)
        if sections:
            # sense by sense, each sense's papers by line of work under its heading
            for heading, placed in sections:
                within = group_papers(
                    [views[index] for index in placed], weights, skip, self.config.group_similarity
                )
                for position, group in enumerate(within):
                    members = [views[placed[index]] for index in group]
                    builder.paragraph(heading if position == 0 else "")
                    self._say_group(builder, members, skip, said, lead=len(members) > 1)
        for group in [] if sections else _in_the_order_asked(groups, views, question, weights):
            members = [views[index] for index in group if views[index].paper.id not in hold]
            if not members:
                continue
            builder.paragraph()
            self._say_group(builder, members, skip, said, lead=len(members) > 1)
        apart = [view for view in views if view.paper.id in hold]
        if not apart:
            return
        # Said apart: what each is and why it is here (the sentence writing the name or term
        # asked about, what a later clause asks of it) before more of what it does
        builder.paragraph(LESS_CERTAIN_HEADINGS["ask"])
        for view in apart:
            told = said(view)
            claims = base.get(view.paper.id, [])
            lead = claims[0] if claims else None
            why = [sentence for sentence in told if sentence not in claims]
            kept = [sentence for sentence in told if sentence is lead or sentence in why]
            if len(kept) < self.config.less_certain_sentences:
                kept = [
                    sentence
                    for sentence in told
                    if sentence in kept or told.index(sentence) < self.config.less_certain_sentences
                ]
            for sentence in kept[: self.config.less_certain_sentences]:
                builder.add(sentence)

    def _less_certain(self, builder: _Builder, topic: str, views: list[_PaperView]) -> None:
        """Related work's papers the relevance model is less sure are about the topic, after the
        others in a paragraph of their own under a heading that says so, each in its one
        sentence, by line of work: a blind reader of every round found papers "included on
        keyword overlap" said as if they belonged (KNN-LM under faster speech decoding); about
        40% of them are papers the topic is about (evidence.sure_probability)."""
        self._by_group(
            builder,
            topic,
            views,
            self._skip_tokens(topic, views),
            most=self.config.related_work_sentences,
            paragraphs=1,
            heading=LESS_CERTAIN_HEADINGS["related-work"],
        )

    def _asked_phrases(self, question: str) -> list[tuple[str, str]]:
        """The question's two-word terms few papers write ("normalization layers", "entropy
        minimization"), as stem pairs."""
        asked_words = set(content_tokens(question))
        frequency, size = self.document_frequency, self.collection_size or 0
        field = _field_acronym_tokens()
        return [
            pair
            for tokens in (bm25.tokenize(piece) for piece in re.split(r"[,;:()/?]", question))
            for pair in pairwise(tokens)
            if frequency is not None
            and pair[0] != pair[1]
            and set(pair) <= asked_words
            and not set(pair) & (_GENERIC | field | set(FRAMING_TOKENS) | filler_stems())
            and min(map(frequency, pair)) <= self.config.phrase_word_share * size
        ]

    def _why_compared(
        self, view: _PaperView, topic: dict[str, float], sentences: Sequence[DraftSentence]
    ) -> DraftSentence | None:
        """A compared paper's sentence writing most of the topic's words (by idf), when none said
        of it writes one: what it does that the comparison is about."""
        if not sentences or any(
            set(bm25.tokenize(sentence.text)) & topic.keys() for sentence in sentences
        ):
            return None
        best: tuple[float, EvidenceSentence] | None = None
        contribution = view.contribution()
        for item in view.ranked(exclude_roles=("boilerplate", "background", "problem")):
            text = view.sentences[item.index]
            share = sum(topic.get(token, 0.0) for token in set(bm25.tokenize(text)))
            if (
                share > 0
                and (best is None or share > best[0])
                and _own_claim(view, item, contribution, sentences)
                and standalone(text, view.paper.title) is not None
            ):
                best = (share, item)
        return _say(view, best[1], subject="It") if best is not None else None

    def _why_cited(
        self,
        view: _PaperView,
        topic: str,
        focus: list[list[frozenset[str]]],
        sentences: Sequence[DraftSentence],
    ) -> DraftSentence | None:
        """A related-work paper's own sentence saying the topic, when none said of it does: the
        reason it is cited ("Two ensemble methods based on taking the mean and median over all
        predictions, obtained top scores on almost all tasks" is why related work on ensemble
        methods cites the TADPOLE challenge, whose findings on Alzheimer's trials it was said by;
        review91). What the paper does or reports, from its contribution on, read alone."""
        if not sentences:
            return None
        # (a request listing its threads is said by each: "..., i.e. depth/normal estimation and
        # semantic or open-vocabulary segmentation" as a whole is written by no sentence, and
        # Lotus was never said by its "zero-shot depth and normal estimation"; l002)
        threads = [(topic, focus)] + [
            (thread, self._focus(thread, [view])) for thread in listed_senses(topic)
        ]
        if (
            # (a paper whose title names the topic is cited for it where it is said: "The authors
            # propose Online ensembling Network (OneNet)" added nothing to OneNet's combining of
            # two models)
            self._on_topic(view.paper.title, topic, focus)
            or any(
                self._on_topic(_without_label(sentence.text, view.label), thread, thread_focus)
                for sentence in sentences
                for thread, thread_focus in threads
            )
        ):
            return None
        before = set(bm25.tokenize(sentences[-1].text))
        contribution = view.contribution()
        for item in view.ranked(exclude_roles=("boilerplate", "background", "problem")):
            text = view.sentences[item.index]
            if any(
                self._on_topic(text, thread, thread_focus) and _says_together(text, thread)
                for thread, thread_focus in threads
            ) and _own_claim(view, item, contribution, sentences):
                quoted = standalone(text, view.paper.title)
                if quoted is None or _opens_unresolved(quoted, referents=True):
                    continue
                # "The weak learners are ensembled using the AdaBoost algorithm" after a
                # sentence that names no weak learners: which ones
                definite = re.match(r"The\s+([\w-]+)", quoted)
                if definite is not None and not set(bm25.tokenize(definite.group(1))) <= before:
                    continue
                said = _say(view, item, subject="It")
                # the topic's words must survive the quoting, and the quote read alone
                if (
                    any(
                        self._on_topic(said.text, thread, thread_focus)
                        for thread, thread_focus in threads
                    )
                    and not _leans_back(said.text)
                    # (nor naming what a sentence not shown said: "It also applies the same
                    # methodology to developing a diffusion model for generative
                    # post-processing", added to SEEDS under "bias correction")
                    and _THE_SAME.search(said.text) is None
                ):
                    return said
        return None

    def _phrase_sentence(
        self,
        view: _PaperView,
        phrases: Sequence[tuple[str, str]],
        sentences: Sequence[DraftSentence],
    ) -> DraftSentence | None:
        """The paper's best-ranked sentence writing one of the question's two-word terms, when
        none said of it does."""
        if not sentences or any(
            contains_run(pair, bm25.tokenize(sentence.text))
            for sentence in sentences
            for pair in phrases
        ):
            return None
        for item in view.ranked(exclude_roles=("boilerplate", "background", "problem")):
            text = view.sentences[item.index]
            tokens = bm25.tokenize(text)
            if (
                any(contains_run(pair, tokens) for pair in phrases)
                # what the paper does or reports, not its motivation, outlook or a question
                and (
                    _BY_THE_PAPER.match(text) is not None
                    or view.roles[item.index] in ("result", "setting")
                )
                and _OUTLOOK.search(text) is None
                and not text.rstrip().endswith("?")
                and _OTHERS_WORK.search(text) is None
                and len(text.split()) <= view.long_words
                and standalone(text, view.paper.title) is not None
                and not any(overlaps(text, sentence.text) for sentence in sentences)
            ):
                return _say(view, item, subject="It")
        return None

    def _asked_after_topic(self, question: str, weights: _Weights) -> dict[str, float]:
        """What a question asks beyond its topic, by weight: "is there a learning-rate-free step
        size rule for SGD? what quantities does it use to set the step?" asks for quantities."""
        clauses = split_clauses(question)
        if len(clauses) < 2:
            return {}
        topic = set(content_tokens(clauses[0].text))
        later = content_tokens(" ".join(clause.text for clause in clauses[1:]))
        # ... and the topic's word a later clause asks of each paper: "Which forecasting papers
        # contribute a new training loss ..., and what does each loss target?" asks for each
        # paper's loss (CARD was said by its attention structure, its robust loss left out)
        # the question's frame ("target") says no more of it than any sentence can
        # ... but "in each case" is each paper, and asks nothing of it (axis_frame_words)
        of_each = {
            token
            for clause in clauses[1:]
            for found in _OF_EACH.finditer(clause.text)
            for token in content_tokens(found.group(1))
            if token not in _GENERIC
        }
        # ("each" itself with it: "what is greedy in each case" asks what is greedy)
        framing = of_each & axis_frame()
        framing |= _EACH_TOKENS if framing else frozenset()
        if of_each - framing:
            return {token: weights.idf(token) for token in of_each - framing}
        return {
            token: weights.idf(token)
            for token in later
            if token not in topic and token not in _GENERIC and token not in framing
        }

    def _asked_each(self, question: str, weights: _Weights) -> list[dict[str, float]]:
        """What a comparison asks of each paper, item by item (``_asked_by_clause``)."""
        return [wanted for _, wanted in self._asked_by_clause(question, weights)]

    def _asked_by_clause(
        self, question: str, weights: _Weights
    ) -> list[tuple[int, dict[str, float]]]:
        """What a comparison asks of each paper, clause by clause after its topic ("how does
        each make a neural PDE model respect conservation laws", "what does each buy in
        accuracy, uncertainty and cost"), by weight; a word no paper writes ("buy") is the
        question's frame, which no sentence can answer. Each with the position of its clause
        after the topic."""
        clauses = split_clauses(question)
        topic = set(content_tokens(clauses[0].text)) if clauses else set()

        def wanted(tokens: Sequence[str]) -> dict[str, float]:
            return {
                token: weights.idf(token)
                for token in tokens
                if token not in topic
                and token not in _GENERIC
                and (self.document_frequency is None or self.document_frequency(token) > 0)
            }

        asked = []
        for position, clause in enumerate(clauses[1:]):
            parts = topic_parts(clause.text)
            # a clause listing what it asks ("in accuracy, uncertainty and cost"): each item
            # on its own, answered by the sentence saying it (ProbConserv's "maintains
            # probabilistic uncertainty quantification"), not by one saying all of them
            listed = len(parts) >= 2 and all(len(part) <= 2 for part in parts[1:])
            items = [wanted(part[-1:]) for part in parts] if listed else []
            asked += [
                (position, item)
                for item in (
                    [item for item in items if item] or [wanted(content_tokens(clause.text))]
                )
            ]
        return [(position, item) for position, item in asked if item]

    def _clause_answer(
        self,
        view: _PaperView,
        asked: dict[str, float],
        sentences: Sequence[DraftSentence],
        *,
        own: frozenset[str] | None = None,
        named: bool = False,
    ) -> DraftSentence | None:
        """The paper's sentence that answers what the question asks beyond its topic, when what
        was said of it does not: "The DoG step sizes depend on simple empirical quantities
        (distance from the initial point and norms of gradients)". ``own``: only one that says
        what the paper itself does or reports ("We conduct experiments ... on machine
        translation"), not a claim about the field ("A recommendation system typically has
        only one opportunity ..."), unless it writes one of these names ("Dempster-Shafer
        theory ... is employed to model ...")."""
        best = self._clause_item(view, asked, sentences, own=own)
        if best is None:
            return None
        # ("named": after a sentence about several papers, "It" would be any of them)
        return _say(view, best) if named else _say(view, best, subject="It")

    def _clause_meanings(
        self, view: _PaperView, sentences: Sequence[DraftSentence]
    ) -> list[DraftSentence]:
        """For each clause a comparison asks after its topic, the paper's sentence closest to it
        in meaning, when none said of the paper is as close and it is close enough
        (``clause_meaning_min``): "Compare DoG and SMB: how does each avoid hand-tuning the step
        size, and what information does each use to set it?" said DoG by its formula's name and
        SMB by its model building, and neither by the information it uses (two blind readers:
        "the two answers to the question are never given"); "The DoG step sizes depend on simple
        empirical quantities (distance from the initial point and norms of gradients)" shares
        no word with it. At most one sentence a clause, up to ``_MEANT_MOST`` for the paper."""
        items = view.ranked(exclude_roles=("boilerplate", "background", "problem"))
        clauses = max((len(item.asked) for item in view.evidence.sentences), default=0)
        said_at = {item.index for item in _said_items(view, sentences)}
        added: list[DraftSentence] = []
        for clause in range(clauses):
            if len(sentences) + len(added) >= _MEANT_MOST:
                break
            best = self._meaning_item(view, clause, items, said_at, added)
            if best is not None:
                said_at.add(best.index)
                added.append(_say(view, best, subject="It"))
        return added

    def _meaning_item(
        self,
        view: _PaperView,
        clause: int,
        items: Sequence[EvidenceSentence],
        said_at: set[int],
        added: Sequence[DraftSentence],
    ) -> EvidenceSentence | None:
        """The paper's sentence closest in meaning to one clause asked of each (by its position
        after the topic), closer than any sentence said of it (``said_at``) and than
        ``clause_meaning_min``; None when no sentence not said is."""
        floor = max(
            [self.config.clause_meaning_min]
            + [
                item.asked[clause]
                for item in view.evidence.sentences
                if item.index in said_at and len(item.asked) > clause
            ]
        )
        best = None
        for item in items:
            if len(item.asked) <= clause or item.asked[clause] < floor:
                continue
            text = view.sentences[item.index]
            if (
                item.index in said_at
                or _OTHERS_WORK.search(text)
                # "Extensive experiments are conducted on two widely used datasets", "The
                # first is ...": close to a clause in meaning, and saying nothing of it
                or _SAYS_NOTHING.search(text)
                or standalone(text, view.paper.title) is None
                or any(overlaps(text, other.text) for other in added)
            ):
                continue
            best, floor = item, item.asked[clause]
        return best

    def _going_on(
        self, view: _PaperView, asked: dict[str, float], sentences: Sequence[DraftSentence]
    ) -> DraftSentence | None:
        """The abstract sentence right after the one said last of the paper, when it points back
        at it and says what the question asks that nothing said did: "For a 7.8B-size model
        ..., each sequence is generated at an average speed of 5.8ms per token" was said and
        "These results represent state-of-the-art latency and a 2.15X speed-up over optimized
        regular decoding", the speed-up asked for, was not (a blind reader: "half the question
        goes unanswered while the number sits in the cited abstract"). Said next, its "these
        results" reads as the abstract's does."""
        total = sum(asked.values())
        if not sentences or total <= 0:
            return None
        said = set(bm25.tokenize(" ".join(sentence.text for sentence in sentences)))
        for item in view.ranked(exclude_roles=("boilerplate", "background")):
            if item.index == 0:
                continue
            text, before = view.sentences[item.index], view.sentences[item.index - 1]
            if not (overlaps(before, sentences[-1].text) and _points_at(text, before)):
                continue
            tokens = set(bm25.tokenize(text))
            new = sum(weight for token, weight in asked.items() if token in tokens - said)
            # a figure, and a word of what was asked that nothing said writes: the question's
            # words of setting ("roughly 8B", "A100") weigh most and were said already, so a
            # share of the rest is what counts
            if _MEASURE.search(text) and new >= _GOING_ON_SHARE * total:
                return _say(view, item, subject="It")
        return None

    def _clause_item(
        self,
        view: _PaperView,
        asked: dict[str, float],
        sentences: Sequence[DraftSentence],
        *,
        own: frozenset[str] | None = None,
    ) -> EvidenceSentence | None:
        """The abstract sentence ``_clause_answer`` says, or None."""
        total = sum(asked.values())
        said = " ".join(sentence.text for sentence in sentences)
        if total <= 0 or _share(asked, said) >= _CLAUSE_SHARE * total:
            return None
        best, best_share = None, _CLAUSE_SHARE
        for item in view.ranked(exclude_roles=("boilerplate", "background", "problem")):
            text = view.sentences[item.index]
            if _OTHERS_WORK.search(text):
                continue  # "Recently, Ainsworth et al. showed ...": not this paper's claim
            tokens = set(bm25.tokenize(text))
            if (
                own is not None
                and not (
                    _BY_THE_PAPER.match(text) or view.roles[item.index] in ("result", "setting")
                )
                and not own & tokens
            ):
                continue
            if any(
                overlaps(text, sentence.text) or overlaps(sentence.text, text)
                for sentence in sentences
            ):
                # says again what was said ("24 methods on 135 systems" twice), or goes on from
                # it ("It trains and compresses full models ..., and achieves ... on ImageNet"
                # after "It trains and compresses full models ...")
                continue
            if _share(asked, text) < best_share * total:
                continue  # the quote says no more than the sentence: it cannot do better
            quote = standalone(text, view.paper.title)
            if quote is None:
                continue
            # what the quote says, not what its dropped opener did ("To ensure compute-
            # invariance in the SSM output, we rearrange weights ..." answers no "SSMs" once
            # its opener goes)
            share = _share(asked, quote) / total
            # (an equal share keeps the sentence ranked closer to the question: "downstream
            # forecasters trained on synthetic samples from TSDiff" over "enables conditioning
            # TSDiff for downstream tasks" when asked what each downstream model is; review33b)
            if share > best_share or (best is None and share >= best_share):
                best, best_share = item, share
        return best

    def _name_sentence(
        self,
        view: _PaperView,
        names: Sequence[str],
        sentences: Sequence[DraftSentence],
        *,
        words: frozenset[str] = frozenset(),
    ) -> tuple[EvidenceSentence, DraftSentence] | None:
        """The paper's first sentence that writes one of ``names`` (as a name: "GPT-2", not
        "GPT-4") or of the stemmed ``words``, when none said of it does and one stands alone:
        under "Which papers run experiments on GPT-2 models?", IRepair was said by what it
        repairs and never by "three models from the GPT2 and GPT-Neo families"."""

        def writes(text: str) -> bool:
            return any(writes_name(name, text) for name in names) or bool(
                words and words & set(bm25.tokenize(text))
            )

        # (a word, unlike a name, says why the paper is here only in what it does or finds:
        # "Data of sequential nature arise ... e.g. DNA sequences" is its field's lore)
        lore = ("boilerplate", "background", "problem") if words and not names else ("boilerplate",)

        if not names and not words:
            return None
        if any(writes(sentence.text) for sentence in sentences):
            return None
        for item in sorted(view.ranked(exclude_roles=lore), key=lambda item: item.index):
            text = view.sentences[item.index]
            if not writes(text) or _OTHERS_WORK.search(text):
                continue
            if view.roles[item.index] == "background" and states_the_field(text):
                # "recent years have witnessed the promising performance of pre-trained
                # vision-language models, e.g., CLIP": the field's, not what the paper does
                # with CLIP (DiffTPT under "what job does CLIP do in each?")
                continue
            quoted = standalone(text, view.paper.title)
            if quoted is None or _leans_back(quoted):
                continue
            said = _say(view, item, subject="It")
            if _OURS.search(said.text):
                continue  # "we've reproduced Amber and OpenLLaMA": first person left over
            if any(overlaps(said.text, sentence.text) for sentence in sentences):
                return None
            return item, said
        return None

    def _problem_on_topic(
        self, view: _PaperView, shared: dict[str, float], sentences: Sequence[DraftSentence]
    ) -> DraftSentence | None:
        """The problem the paper takes on, said before what it does, when that is where it says
        what the question is about and nothing said of it does: under "how do entropy-based TTA
        methods differ", RLCF's "Previous TTA methods for VLMs ... rely on minimizing the entropy
        of model outputs, tending to be stuck in incorrect model predictions" is how it differs
        (it replaces entropy with a CLIP reward), and "RLCF proposes TTA with feedback ..."
        alone never says entropy. Quoted whole, as the abstract states it and cited to the
        paper; not one in the first person, which is the paper's finding rather than its
        problem."""
        problem = paper_claims(view.paper).problem
        total = sum(shared.values())
        said = set(bm25.tokenize(" ".join(sentence.text for sentence in sentences)))
        if (
            problem is None
            or total <= 0
            or sum(w for t, w in shared.items() if t in said) >= _CLAUSE_SHARE * total
        ):
            return None
        text = standalone(view.sentences[problem.sentence], view.paper.title)
        if text is None or _OURS.search(text):
            return None
        # said first, before what the paper does, a bare turn ("Yet results to date have tended
        # to be constrained by low sample rates ...") turns on nothing the reader was shown: the
        # field's promise in the sentence before it (the lint's dangling connective, e019)
        turn = _BARE_TURN_OPENING.match(text)
        if turn is not None:
            text = sentence_case(text[turn.end() :])
        tokens = set(bm25.tokenize(text))
        if sum(w for t, w in shared.items() if t in tokens) < _CLAUSE_SHARE * total:
            return None
        if any(overlaps(text, sentence.text) for sentence in sentences):
            return None
        return DraftSentence(
            text if text.endswith((".", "?", "!")) else f"{text}.", [view.paper.id]
        )

    def _paper_sentences(
        self,
        builder: _Builder,
        view: _PaperView,
        focus: list[list[frozenset[str]]],
        question: str,
        *,
        most: int = 3,
        subject: str | None = None,
        headline: bool = False,
    ) -> list[DraftSentence]:
        """The paper said from its claims; from its best evidence sentences when it has none.
        ``headline``: a paper given one sentence also gets what it reports (its figure, else its
        finding) after it, whatever the first says."""
        said = say_paper(
            view.paper,
            most=most,
            subject=subject,
            wanted=content_tokens(question),
            label=view.label if view.renamed else None,
            known_as=view.label,
            anonymous="Another paper" if builder.anonymous_said else "One paper",
        )
        if said is not None:
            sentences = list(said.sentences)
            if most == 1 and said.bare:
                # "ECBMs proposes Energy-based Concept Bottleneck Models": the one sentence a
                # paper gets must say what it is; the sentence that best says what it does does
                proposal = paper_claims(view.paper).proposal
                skip = proposal.sentence if proposal is not None else None
                better = self._topic_sentence(view, question, focus, skip=skip) or next(
                    (
                        _say(view, item)
                        for item in view.ranked(
                            exclude_roles=("boilerplate", "background", "problem", "setting")
                        )
                        if view.roles[item.index] != "result"
                        and item.index != skip
                        and _BY_THE_PAPER.match(view.sentences[item.index]) is not None
                        and standalone(view.sentences[item.index], view.paper.title) is not None
                        and len(view.sentences[item.index].split()) <= view.long_words
                    ),
                    None,
                )
                if better is None:
                    better = _title_says(view)
                if better is not None:
                    sentences = [better]
            elif most == 1 and (
                not self._on_topic(
                    # what the sentence says, not the label it opens on: "Distilling the
                    # Knowledge in a Neural Network introduces a new type of ensemble ..." says
                    # nothing of knowledge distillation but its title does
                    _without_label(sentences[0].text, view.label),
                    question,
                    focus,
                )
                # ... nor does one that only names the problem the paper studies
                or _STUDIES_A_PROBLEM.search(sentences[0].text) is not None
            ):
                # One sentence a paper (related work): "OneRec replaces the cascaded learning
                # framework with a unified generative model" under "mixture of experts" hides why
                # it is cited; the sentence saying what it does with the topic is the one to say.
                topical = (
                    self._topic_sentence(view, question, focus)
                    or self._telling_sentence(builder, view, question, sentences[0])
                    or self._rarest_word_sentence(view, question, sentences[0])
                )
                if topical is not None:
                    sentences = [topical]
            elif most == 1:
                # an on-topic sentence can still miss what a long request asks: NGBoost's "an
                # algorithm for generic probabilistic prediction via gradient boosting" for a
                # request on regressing several parameters of the outcome distribution, where
                # its "treating the parameters of the conditional distribution as targets for a
                # multiparameter boosting algorithm" is why it is cited (review37a)
                sentences = [
                    self._telling_sentence(builder, view, question, sentences[0]) or sentences[0]
                ]
            if sentences[0].text.startswith("One paper "):
                builder.anonymous_said = True
            if most == 1 and len(sentences) == 1:
                figure = _figure_after_a_bare_claim(view, sentences[0], bare=not headline)
                if figure is None and (headline or _only_what_it_studies(view, sentences[0])):
                    # "studies the generation quality of ...": what it finds is why it is
                    # cited, said as the paper's finding is said where it has room for two
                    finding = paper_claims(view.paper).finding
                    more = say_paper(
                        view.paper,
                        most=2,
                        subject=subject,
                        wanted=content_tokens(question),
                        label=view.label if view.renamed else None,
                        known_as=view.label,
                    )
                    figure = next(
                        (
                            sentence
                            for sentence in (more.sentences[1:] if more is not None else ())
                            if finding is not None
                            and overlaps(finding.text, sentence.text)
                            # ("It suggests that with further development, MEDIDA could be
                            # scaled up ...": what the authors expect, not what they report)
                            and not (headline and _OUTLOOK.search(finding.text))
                            # (nor the finding the one sentence already says: "... first shows
                            # that larger models are well-calibrated ..." was said twice)
                            and not overlaps(finding.text, sentences[0].text)
                        ),
                        None,
                    )
                if figure is not None:
                    sentences = [*sentences, figure]
            return sentences
        sentences = self._what_it_does(view, focus, most=2)
        if not sentences and most == 1:
            # related work gives each paper one sentence and nothing else says it
            found = _finding_after_contribution(view)
            return [_say(view, found)] if found is not None else []
        return sentences

    def _on_topic(self, text: str, topic: str, focus: list[list[frozenset[str]]]) -> bool:
        """Whether a sentence says the topic, or one of its parts ("optimal transport",
        "Wasserstein distances"): each of the part's words but generic ones ("models"), an
        acronym counting for the words it stands for ("MoE")."""
        tokens = set(bm25.tokenize(text))
        spellings = {group[0]: group for group in focus if group}

        def said(token: str) -> bool:
            return any(
                spelling <= tokens for spelling in spellings.get(frozenset([token]), [{token}])
            )

        for part in _parts_of(topic):
            wanted = [token for token in part if token not in _GENERIC]
            if wanted and all(said(token) for token in wanted):
                return True
        return False

    def _topic_sentence(
        self,
        view: _PaperView,
        topic: str,
        focus: list[list[frozenset[str]]],
        *,
        skip: int | None = None,
    ) -> DraftSentence | None:
        """The best sentence in which the paper says what it does or finds (not its background,
        nor how well it did: "validate the effectiveness ... a new SOTA in speculative decoding")
        that says the topic's own words and stands alone, with the paper as its subject; a
        longer one (``topic_sentence_words``) where no shorter one does: the sentence in which a
        document-similarity paper matches aspects "with an Optimal Transport mechanism" is why
        related work on optimal transport cites it."""
        candidates = [
            item
            for item in view.ranked(exclude_roles=("boilerplate", "background", "problem"))
            if item.index != skip
            and self._on_topic(view.sentences[item.index], topic, focus)
            and _BY_THE_PAPER.match(view.sentences[item.index]) is not None
            # "Instead of ..., we ...": sets itself against the sentence before
            and view.sentences[item.index].split(" ", 1)[0].strip(",").lower() not in _connectives()
            and standalone(view.sentences[item.index], view.paper.title) is not None
        ]
        # how well it did is not what it does ... unless only a result says the topic: "we show
        # that we can significantly improve the acoustic model ... by distilling the knowledge in
        # an ensemble of models into a single model" is why related work on knowledge
        # distillation cites Hinton et al., whose proposal introduces specialist ensembles
        # (the authors' own "we show ...", not "our contributions lead to state-of-the-art
        # results", whose contributions the reader was not shown)
        doing = [
            item for item in candidates if RESULT_WORDS.search(view.sentences[item.index]) is None
        ]
        shown = [item for item in candidates if _WE_FIRST.match(view.sentences[item.index])]
        for most_words in (view.long_words, self.config.topic_sentence_words):
            for item in doing or shown:
                if len(view.sentences[item.index].split()) <= most_words:
                    return _say(view, item)
        return None

    def _rarest_word_sentence(
        self, view: _PaperView, topic: str, current: DraftSentence
    ) -> DraftSentence | None:
        """For a topic phrase no sentence of the paper says whole: its sentence writing the
        phrase's rarest word, where the one it would get does not ("A Time Series is Worth 64
        Words" under "patch-based time series transformers" said by "an efficient design of
        Transformer-based models", never by its patches). Only a word few papers write
        (``rare_topic_word_papers``: "speculative" or "evaluating" is written in passing), and
        a claim of the paper's own, the paper or its name as subject first ("Our
        channel-independent patch time series Transformer (PatchTST) can improve ...")."""
        field = _field_acronym_tokens()  # "LLMs" is no topic of "benchmarks for evaluating LLMs"
        words = [
            token for token in content_tokens(topic) if token not in _GENERIC and token not in field
        ]
        if self.document_frequency is None or not words or len(words) > SHORT_FOCUS:
            return None
        # (of those the paper writes: no sentence of a paper on "positional encoding schemes"
        # writes "schemes", and its positional encoding is what it is cited for)
        written = [token for token in words if token in view.tokens]
        if not written:
            return None
        rarest = min(written, key=self.document_frequency)
        if (
            self.document_frequency(rarest) > self.config.rare_topic_word_papers
            or rarest in set(bm25.tokenize(current.text))
            or (
                rarest in set(bm25.tokenize(view.paper.title))
                # ... unless what it proposes only names a problem it studies ("Oracle Efficient
                # Algorithms for Groupwise Regret studies the problem of online prediction",
                # under "online learning and regret guarantees"; a blind reader: "says nothing
                # about regret")
                and not _STUDIES_A_PROBLEM.search(current.text)
            )
        ):
            # (a paper whose title writes the word is about it, and what it proposes says why
            # it is cited better than a sentence that happens to write the word: Jakiro's
            # mixture of experts, not "a new SOTA in speculative decoding")
            return None
        name = paper_claims(view.paper).name
        if any(
            re.match(rf"{re.escape(own)}(?:\s+\([^)]*\))?\s+(?:is|are)\s+(?:a|an)\s", current.text)
            for own in (view.label, name)
            if own
        ):
            # "COLEP is a certifiably robust learning-reasoning conformal prediction framework":
            # what the method is, which a sentence writing the word in passing never says (a
            # blind reader preferred it to "One paper provides end-to-end certification ... for
            # COLEP in the presence of bounded adversarial perturbations")
            return None

        def named(text: str) -> bool:
            return _BY_THE_PAPER.match(text) is not None or (name is not None and name in text)

        found: list[tuple[tuple[bool, bool], DraftSentence]] = []
        for item in view.ranked(exclude_roles=("boilerplate", "background", "problem")):
            text = view.sentences[item.index]
            role = view.roles[item.index]
            if (
                _OTHERS_WORK.search(text) is not None
                or len(text.split()) > self.config.topic_sentence_words
                # a claim of its own ("we", its name, what it proposes and how), not an example
                # or a fragment of its results ("For example, semantic segmentation (83.9 mIoU
                # on Cityscapes), ...")
                or not (named(text) or role in ("contribution", "method"))
                or re.match(r"(?:for example|for instance|e\.g\.)", text, re.IGNORECASE)
            ):
                continue
            quoted = standalone(text, view.paper.title)
            if quoted is None or _leans_back(quoted) or re.match(r"(?:It|Its)\b", quoted):
                continue
            said = _say(view, item)
            # the word must survive the quoting ("By mitigating mode collapse ..., we pre-train
            # ..." loses its opening), and the quote must read alone
            if rarest not in set(bm25.tokenize(said.text)) or _opens_unresolved(
                said.text, referents=True
            ):
                continue
            found.append(((not named(text), role == "result"), said))
        return min(found, key=lambda pair: pair[0])[1] if found else None

    def _telling_sentence(
        self, builder: _Builder, view: _PaperView, request: str, current: DraftSentence
    ) -> DraftSentence | None:
        """For a request longer than a topic phrase, which no sentence says whole: the paper's
        sentence that says a good part (``_KEEP_SHARE``) of what the request asks, when the one
        it would get says none of it ("Language Models (Mostly) Know What They Know" cited on the
        multiple-choice format by its sentence on calibration "on diverse multiple choice and
        true/false questions", not its opening on self-evaluation). What the request asks is
        its words by rarity, without those nearly every paper of the answer writes."""
        if (
            self.document_frequency is None
            or not self.collection_size
            or len(content_tokens(request)) <= SHORT_FOCUS
        ):
            return None  # a topic phrase is said whole or not at all (``_on_topic``)
        terms = builder.answer_terms
        frequency = self.document_frequency
        size = self.collection_size

        def wanted(text: str) -> list[str]:
            return [
                token
                for token in dict.fromkeys(content_tokens(text))
                if token not in _GENERIC and not (terms is not None and terms.everywhere((token,)))
            ]

        # A list of examples ("(companion, diagonal, Householder products, Tucker cores)") asks
        # for any one of them: a sentence writing "Tucker decomposition"
        # says that much of the request, as much as its rarest item weighs, not one ninth of it.
        examples = [
            items
            for group in listed_groups(request)
            if len(items := [wanted(item) for item in group]) >= 2
            and all(items)
            # "(not data selection, not adapter-style PEFT)" lists what is not asked
            and not any(item.split()[0].lower() in _negations() for item in group)
        ]
        listed = {token for items in examples for item in items for token in item}
        telling = {
            token: idf(frequency(token), size) for token in wanted(request) if token not in listed
        }
        weights = [
            max(idf(frequency(token), size) for item in items for token in item)
            for items in examples
        ]
        total = sum(telling.values()) + sum(weights)
        if total <= 0:
            return None

        def writes_item(item: list[str], tokens: set[str]) -> bool:
            # all its words, or its rarest where few papers write it: "Householder products" is
            # written by "Householder reflections", "mean-field theory" not by "theory-grounded"
            rarest = min(item, key=frequency)
            return set(item) <= tokens or (
                rarest in tokens and frequency(rarest) <= self.config.rare_topic_word_papers
            )

        def writes_example(tokens: set[str]) -> list[float]:
            return [
                weight
                for items, weight in zip(examples, weights, strict=True)
                if any(writes_item(item, tokens) for item in items)
            ]

        def said(text: str) -> float:
            tokens = set(bm25.tokenize(text))
            found = [weight for token, weight in telling.items() if token in tokens]
            found += writes_example(tokens)
            # one word alone may be another sense of it ("free lunch" under "attention-free")
            return sum(found) / total if len(found) >= 2 else 0.0

        def sayable(text: str, *, by_name: bool = False) -> bool:
            name = paper_claims(view.paper).name
            return (
                # what the paper does, not its field's lore
                (
                    _BY_THE_PAPER.match(text) is not None
                    or (by_name and name is not None and name in text)
                )
                and _OUTLOOK.search(text) is None
                and RESULT_WORDS.search(text) is None
                and _OTHERS_WORK.search(text) is None
                and len(text.split()) <= view.long_words
                and standalone(text, view.paper.title) is not None
            )

        if examples and not writes_example(set(bm25.tokenize(current.text))):
            # A paper cited under a request that lists examples is cited for the one it writes:
            # FLoRA for its Tucker decomposition, not as "a generalized parameter-efficient
            # fine-tuning framework" (a blind reader: "Tucker is missing")
            for item in view.ranked(exclude_roles=("boilerplate", "background", "problem")):
                if sayable(view.sentences[item.index], by_name=True):
                    quoted = _say(view, item)
                    if writes_example(set(bm25.tokenize(quoted.text))):
                        return quoted
        kept = said(current.text)
        if kept >= _KEEP_SHARE:
            return None
        # most of what is asked, and more than the sentence it replaces
        best, best_share = None, max(_TELLING_SHARE, kept + _KEEP_SHARE)
        # ... or, where the long request is worded so that no sentence says half of it, a
        # good deal more of it than the sentence it replaces, from a sentence the evidence
        # ranks as high (words and meaning): not one the words alone favour
        gain = max(_TELLING_GAIN * kept, kept + _TELLING_MARGIN)

        @cache
        def current_score() -> float | None:
            # (found once, and only for a sentence that says that much more)
            return max(
                (
                    item.score
                    for item in view.ranked()
                    if overlaps(view.sentences[item.index], current.text)
                ),
                default=None,
            )

        for item in view.ranked(exclude_roles=("boilerplate", "background", "problem")):
            # (the paper's name as subject is the paper's claim too: "CARD introduces a
            # channel-aligned attention structure that allows it to capture ... dynamical
            # dependence among multiple variables" under channel dependence)
            if not sayable(view.sentences[item.index], by_name=True):
                continue
            share = said(view.sentences[item.index])
            if share >= best_share or (
                best is None
                and share >= gain
                and (score := current_score()) is not None
                and item.score >= score - _TELLING_SCORE_SLACK
                # what the paper does, not where it was tried: "GPHT conducts sufficient
                # experiments on eight datasets ..." says the request's words, not why
                and view.roles[item.index] != "setting"
                # said alone, not after the sentence it leans on: "uses the analysis to design
                # ...", "applies the same methodology to ...", "Instead of ..."
                and _stands_alone(_say(view, item).text)
            ):
                best, best_share = item, max(share, best_share)
        if best is None:
            return None
        told = _say(view, best)
        # "we present an analysis of the intermediate weights arising from ReGENN, showing ...":
        # with the name made the subject, what is left of the sentence is not one
        return None if _STRANDED_PREPOSITION.search(told.text) else told

    def _what_it_does(
        self,
        view: _PaperView,
        focus: list[list[frozenset[str]]],
        *,
        most: int = 2,
        context: bool = False,
    ) -> list[DraftSentence]:
        """The paper's contribution, then the sentence that best meets the question's focus."""

        def unmet(covered: set[str]) -> list[list[frozenset[str]]]:
            return [group for group in focus if not any(spelling <= covered for spelling in group)]

        contribution = view.contribution()
        if (
            contribution is not None
            and standalone(view.sentences[contribution.index], view.paper.title) is None
        ):
            contribution = None  # "This allows us to ...": it leans on a sentence not shown
        chosen: list[EvidenceSentence] = [contribution] if contribution is not None else []
        covered = set(bm25.tokenize(view.sentences[contribution.index])) if contribution else set()
        quoted = {
            item.index: standalone(view.sentences[item.index], view.paper.title)
            for item in view.ranked(exclude_roles=("boilerplate", "background", "problem"))
        }
        candidates = [
            item
            for item in view.ranked(exclude_roles=("boilerplate", "background", "problem"))
            if quoted[item.index] is not None
        ]
        candidates.sort(key=lambda item: len(view.sentences[item.index].split()) > view.long_words)
        for item in candidates:
            if len(chosen) >= most:
                break
            if item in chosen:
                continue
            if not chosen and _opens_unresolved(quoted[item.index] or "", referents=True):
                # the first sentence said of a paper has none about it before it: "The approach
                # is simple to implement, ..." or "In addition to providing ..." points at one
                continue
            tokens = set(bm25.tokenize(view.sentences[item.index]))
            adds_focus = len(unmet(covered | tokens)) < len(unmet(covered))
            if adds_focus or not chosen or view.roles[item.index] == "result":
                chosen.append(item)
                covered |= tokens
        missing = unmet(covered)
        if context and missing and len(chosen) < most + 1:
            # What the paper does with the question's focus may only show in how it positions
            # itself ("previous methods minimise entropy; ..."): one such sentence is worth having.
            for item in view.ranked(exclude_roles=("boilerplate",)):
                tokens = set(bm25.tokenize(view.sentences[item.index]))
                if (
                    item not in chosen
                    and len(unmet(covered | tokens)) < len(missing)
                    and len(view.sentences[item.index].split()) <= view.long_words
                    # "the viability of these model growth methods remains underexplored":
                    # which methods, the sentence before said
                    and standalone(view.sentences[item.index], view.paper.title) is not None
                ):
                    chosen.append(item)
                    break
        if len(chosen) > 1:
            chosen = [chosen[0], *sorted(chosen[1:], key=lambda item: item.index)]
        return [
            _say(view, item, subject=None if position == 0 else "It")
            for position, item in enumerate(chosen)
        ]

    def _lead(
        self, builder: _Builder, group: list[_PaperView], skip: set[str]
    ) -> tuple[list[_PaperView], Lead | None]:
        """What the papers of a group have in common, before what each does; the group's papers
        in the order to say them: those the lead names first, as it names them, so the paragraph
        goes on with the papers its first sentence announced."""
        lead = self._group_lead(
            group,
            skip | builder.led,
            label_words=self.config.lead_label_words,
            answer_terms=builder.answer_terms,
            memo=builder.leads,
        )
        if lead is None:
            return group, None
        builder.add(lead.sentence)
        builder.led.update(lead.stems)
        named = {paper_id: order for order, paper_id in enumerate(lead.sentence.citations)}
        return sorted(group, key=lambda view: named.get(view.paper.id, len(named))), lead

    def _say_group(
        self,
        builder: _Builder,
        group: list[_PaperView],
        skip: set[str],
        say: Callable[[_PaperView], list[DraftSentence]],
        *,
        lead: bool = True,
        arrange: Callable[[list[_PaperView]], list[_PaperView]] | None = None,
        asked: dict[str, float] | None = None,
        grounded: bool = False,
    ) -> None:
        """The group's lead, then (after ``arrange``, which may say some of them together and
        returns those left to say) each paper said. A paper with no sentence that stands alone
        stays named by the lead: "Measuring the Intrinsic Dimension of Objective Landscapes",
        the founding paper of its topic, is cited nowhere else (a blind reader preferred the
        lead that names it to an answer without it)."""
        members, led = self._lead(builder, group, skip) if lead else (group, None)
        if arrange is not None and (led is not None or grounded):
            # side by side only under the ground a lead names (its own, or ``grounded``: one
            # said above the group): "Lagrangian PINNs proposes reformulating PINNs ...;
            # ProbConserv combines the integral form of a conservation law ..." set two
            # unrelated facts in one sentence as if they were a difference (two blind readers'
            # notes); papers with no ground in common are said each on its own
            members = arrange(members)
        term = _COMMON_TO.match(led.sentence.text) if led is not None else None
        lead_last = (
            led is not None
            and bool(builder.sentences)
            and (
                builder.sentences[-1].text.startswith(without_praise(led.sentence.text.rstrip(".")))
            )
        )
        said_by: dict[str, list[DraftSentence]] = {}
        lead_on_request = (
            term is not None
            and led is not None
            and any(
                set(led.stems) <= tokens and bool(set(asked or {}) & tokens)
                for view in group
                for tokens in (set(bm25.tokenize(sentence)) for sentence in view.sentences)
            )
        )
        for view in members:
            sentences = say(view)
            if (
                term is not None
                and led is not None
                and len(sentences) == 1
                and view.paper.id in led.sentence.citations
                and not set(led.stems) <= set(bm25.tokenize(sentences[0].text))
            ):
                # "Draft heads are common to Recurrent Drafter and Hydra": the one sentence a
                # paper gets says what it does with them, when one of its own does, so the lead
                # announces what follows rather than a word the paragraph never uses again
                phrase = term.group(1)
                following = self._topic_sentence(view, phrase, self._focus(phrase, [view]))
                # ... unless the sentence it replaces says more of what the request asks that
                # not every paper of the group says anyway (DoG's "convergence guarantees" under
                # a request for convergence guarantees; not "speculative decoding" under
                # "speculative decoding", which all of them are about)
                # (a name the paper gives its method; a shortened title as the subject is the
                # answer's, and says no more than "One paper" did)
                defines = (
                    following is not None
                    and paper_claims(view.paper).name is not None
                    and view.label in sentences[0].text
                    and view.label in following.text
                )
                if (
                    following is not None
                    # "COLEP is a certifiably robust ... framework" says what the name the other
                    # sentence uses means ("... certification of prediction coverage for COLEP")
                    and not defines
                    # ... nor a sentence saying every word of the request ("proposes a
                    # multi-aspect knowledge distillation method") for one saying none of it
                    # ("applies cross-entropy loss to class logits", under "Binary
                    # cross-entropy loss is common to ..."): the request is why it is cited,
                    # when no sentence of the group says the lead's term with the request's
                    # words (Hydra's "standard draft heads that significantly improve
                    # speculation accuracy" ties draft heads to speculative decoding)
                    and not (
                        not lead_on_request
                        and _says_all(_without_label(sentences[0].text, view.label), asked)
                        and not _says_all(_without_label(following.text, view.label), asked)
                    )
                    and (
                        names_only(sentences[0].text)  # "One paper presents PFNs" says nothing
                        or _asks_more(following.text, sentences[0].text, asked or {}, group)
                    )
                ):
                    sentences = [following]
            said_by[view.paper.id] = sentences
        if (
            term is not None
            and led is not None
            and lead_last
            and all(said_by.get(paper_id) for paper_id in led.sentence.citations)
            and not any(
                set(led.stems) <= set(bm25.tokenize(sentence.text))
                for sentences in said_by.values()
                for sentence in sentences
            )
        ):
            # "Binary cross-entropy loss is common to ..." before papers each said by what
            # they do with the request's subject (knowledge distillation), none of them by
            # the loss: the lead announces nothing that follows
            builder.withdraw_last(led.sentence)
        for view in members:
            for sentence in said_by.get(view.paper.id, []):
                builder.add(sentence)

    def _group_lead(
        self,
        group: list[_PaperView],
        skip: set[str],
        *,
        label_words: int | None = None,
        answer_terms: AnswerTerms | None = None,
        memo: dict[tuple[object, ...], Lead | None] | None = None,
    ) -> Lead | None:
        key = (
            tuple(view.paper.id for view in group),
            frozenset(skip),
            label_words,
            id(answer_terms),
        )
        if memo is not None and key in memo:
            return memo[key]
        lead = group_lead(
            group,
            skip,
            answer_terms=answer_terms,
            document_frequency=self.document_frequency,
            collection_size=self.collection_size,
            common_share=self.config.lead_common_share,
            ubiquitous_share=self.config.lead_ubiquitous_share,
            title_terms=self.title_terms,
            label_words=label_words,
        )
        if memo is not None:
            memo[key] = lead
        return lead

    # --- related work ---------------------------------------------------------------------

    def _related_work(
        self,
        builder: _Builder,
        topic: str,
        views: list[_PaperView],
        *,
        hold: frozenset[str] = frozenset(),
    ) -> None:
        """A paragraph per group of papers that work alike, largest first, at most
        ``related_work_paragraphs`` of them, each paper said in ``related_work_sentences``
        sentence(s), as a paper's related-work section has them; no headings mined from
        keywords."""
        skip = self._skip_tokens(topic, views)
        # A section on a few papers says what each reports too: "FreezeNet does not sparsify
        # the network's weights but learns just a few key parameters ..." and one sentence of
        # Random Teachers were the whole section (review59: "Two sentences is not a
        # related-work section"; FreezeNet's 99.2% at 157x compression was left out)
        few = len(views) - len(hold) <= self.config.related_work_few_papers
        sections = _by_sense(topic, views, hold, related_work=True)
        builder.notes += _senses_unplaced(topic, sections)
        if sections:
            # a request listing the threads it needs ("... one-step editors, unlearning by
            # gradient ascent, and ...") has a paragraph per thread, headed in its words
            # (review87: "No related-work answer is organised by the threads the user listed"),
            # each paper said by what places it there where its sentence does not
            threads = dict(zip(sense_headings(topic), listed_senses(topic), strict=True))
            for heading, placed in sections:
                self._by_group(
                    builder,
                    topic,
                    [views[index] for index in placed],
                    skip,
                    most=self.config.related_work_sentences,
                    heading=heading,
                    paragraphs=1,
                    headline=few,
                    cited_for=threads.get(heading),
                )
            return
        self._by_group(
            builder,
            topic,
            views,
            skip,
            most=self.config.related_work_sentences,
            paragraphs=self.config.related_work_paragraphs,
            hold=hold,
            headline=few,
        )

    # --- compare --------------------------------------------------------------------------

    def _compare(
        self, builder: _Builder, topic: str, views: list[_PaperView], *, by_papers: bool = False
    ) -> None:
        """What most of the papers share beyond the topic (a term of the trade, cited to those
        that use it), then how they differ: one paragraph per group of papers that work alike,
        led by what that group has in common, then what each paper does. No roster sentence
        ("the papers compared here are ..."): the table and the references list them."""
        skip = self._skip_tokens(topic or "", views)
        # The topic itself is what brought them together; saying "all work on <topic>" would
        # only repeat the request. A term more than half of them share beyond it is common ground.
        # Papers compared by id with no topic are headed by their titles, which are no topic:
        # what the titles share ("post-training quantization") is the ground they stand on,
        # said as such; what each does is then said paper by paper, as before (the comparison
        # mission had no shared ground, and a side-by-side sentence of one detail each lost
        # what each quantizes: selective SSMs, vision-language models)
        shared = self._group_lead(
            views,
            self._skip_tokens("", views) if by_papers else skip,
            label_words=self.config.lead_label_words,
            answer_terms=builder.answer_terms,
        )
        grounded: frozenset[str] = frozenset()
        if shared is not None and len(shared.sentence.citations) * 2 > len(views):
            builder.paragraph("What they share")
            builder.add(shared.sentence)
            skip = skip | set(shared.stems)  # the groups below differ in something else
            grounded = frozenset() if by_papers else frozenset(shared.sentence.citations)
        # what the request asks of each beyond naming them ("...: how does each avoid the cost
        # of fully training every candidate architecture?") is said of each that answers it
        weights = _Weights(views, self.document_frequency, self.collection_size)
        # A request asking questions of each ("... what error is stored, how it is fed back, and
        # what problem each is trying to fix") has them answered first, under each question,
        # paper by paper, then what else each does (blind readers of four rounds: the
        # comparison "stacks summaries" and "skips the questions asked")
        axes = [clause_axis(clause) for clause in split_clauses(topic or "")[1:]]
        answers = self._question_answers(topic or "", views, axes, weights) if any(axes) else []
        if any(axes):
            self._by_question(builder, axes, answers)
        first = len(builder.paragraphs)
        self._by_group(
            builder,
            topic or "",
            views,
            skip,
            most=3,
            heading=_DIFFERS,
            joined=True,
            asked=self._asked_after_topic(topic or "", weights),
            grounded=grounded,
            by_question=[answer for said in answers for answer in said] if any(axes) else None,
            asked_apart=frozenset(position for position, axis in enumerate(axes) if axis),
        )
        # The heading promises a difference: a sentence setting papers side by side ("A filters
        # ...; B adds ...") or a group's lead. Where the papers share no ground to set them on,
        # what follows says what each does, one paper at a time, and is headed so (blind readers
        # of four rounds: '"How each differs" compares nothing').
        section = builder.paragraphs[first:]
        if (
            section
            and not any(
                len(builder.sentences[index].citations) > 1
                for paragraph in section
                for index in paragraph
            )
            and builder.headings[first] == _DIFFERS
        ):
            builder.headings[first] = _EACH_DOES

    def _question_answers(
        self,
        request: str,
        views: list[_PaperView],
        axes: list[str],
        weights: _Weights,
    ) -> list[list[DraftSentence]]:
        """For each question the request asks of each paper (``axes``, "" for a clause asking
        none), each paper's sentence answering it, the paper named: in the question's words
        (``_clause_item``), else in meaning (``_meaning_item``), else, for a question of what
        each aims at, the problem its abstract states. A sentence answers one question of a
        paper at most; a paper whose abstract answers none is not said (the table's "—" says
        so)."""
        # (the question's frame, "where does each get ... from", is no word of its answer)
        frame = axis_frame() | _EACH_TOKENS
        asked = [
            (clause, kept)
            for clause, wanted in self._asked_by_clause(request, weights)
            for kept in [{token: w for token, w in wanted.items() if token not in frame}]
            if kept
        ]
        answers: list[list[DraftSentence]] = [[] for _ in axes]
        focus = self._focus(request, views)
        for view in views:
            items = view.ranked(exclude_roles=("boilerplate", "background", "problem"))
            # what "What each does" would say of the paper: one of those sentences answering a
            # question moves under it (MPNP's "uses the corresponding martingale posteriors as
            # the source of uncertainty", not another sentence with the question's words), its
            # first included (DSEE's "leveraging the sparsity prior in both weight updates and
            # the final model weights" answers what each uses to decide what to update)
            # (each as that part would say it, its claim trimmed as the claims writer trims it:
            # ETP's "an original combination of ..." without "... the three essential
            # properties mentioned above")
            planned = {
                item.index: sentence
                for sentence in self._paper_sentences(_Builder(), view, focus, request, most=3)
                for item in _said_items(view, [sentence])
            }
            used: set[int] = set()
            for position, axis in enumerate(axes):
                wanted_here = [wanted for clause, wanted in asked if clause == position]
                if not axis:
                    continue
                goal = _goal_statement(view, []) if asks_goal(axis) else None
                if goal is not None:
                    # "what problem with event sequences does each target": the problem the
                    # abstract states, before a sentence that only writes the question's words
                    # (PromptTPP's experimental setup "for modeling event streams")
                    answers[position].append(goal)
                    continue
                planned_item = next(
                    (
                        item
                        for wanted in wanted_here
                        for item in view.evidence.sentences
                        if item.index in planned
                        and item.index not in used
                        and self._answered(wanted, [DraftSentence(view.sentences[item.index], [])])
                    ),
                    None,
                )
                # (a planned sentence writing all of the question's words leaves no sentence
                # that writes more: the abstract is not searched again)
                clause = (
                    next(
                        (
                            (item, wanted)
                            for wanted in wanted_here
                            for item in [self._clause_item(view, wanted, [])]
                            if item is not None and item.index not in used
                        ),
                        None,
                    )
                    if planned_item is None
                    or any(
                        _share(wanted, view.sentences[planned_item.index]) < sum(wanted.values())
                        for wanted in wanted_here
                    )
                    else None
                )
                if (
                    planned_item is not None
                    and clause is not None
                    and _share(clause[1], view.sentences[clause[0].index])
                    > _share(clause[1], view.sentences[planned_item.index])
                ):
                    # a sentence the paper says anyway gives way to one writing more of the
                    # question's words: "to train the final layers of a neural network" stood
                    # under "what does the final model end up looking like" over "the T partial
                    # models and bias are integrated as a single NN" (review70)
                    planned_item = None
                found = (
                    planned_item
                    or (clause[0] if clause is not None else None)
                    or self._meaning_item(
                        view,
                        position,
                        # (in meaning, the paper's own analyses are near any question and answer
                        # none: "the theoretical and empirical analyses offer new explanations
                        # towards the effectiveness of attention")
                        # (a sentence answering another question is no candidate, and no
                        # floor either: "an error memory module that directly stores error
                        # samples" is near "how it is fed back" too)
                        [
                            item
                            for item in items
                            if item.index not in used
                            and not about_the_study(standalone(item.text, view.paper.title) or "")
                        ],
                        set(),
                        [],
                    )
                )
                if (
                    found is not None
                    and _ASKS_MEANS.match(axis)
                    and not _MEANS.search(view.sentences[found.index])
                ):
                    # "how does each control whose voice comes out" asks by what means: a
                    # sentence saying it ("achieves zero-shot timbre control by ... decoupling
                    # speaker information to a vocoder") answers it before one only naming the
                    # property ("introduces SLAM-Omni, a timbre-controllable ... system";
                    # review69)
                    found = next(
                        (
                            item
                            for item in items
                            if item.index not in used
                            and _MEANS.search(view.sentences[item.index])
                            and any(
                                self._answered(
                                    wanted, [DraftSentence(view.sentences[item.index], [])]
                                )
                                for wanted in wanted_here
                            )
                        ),
                        found,
                    )
                if asks_figures(axis):
                    # only a sentence stating a figure answers "what FID or quality numbers do
                    # they report" (review62: "Diffusion models require a large number of
                    # sampling steps" stood under it), one writing the question's words first
                    # (SIM's FID of 2.06, not its aesthetic score)
                    stating = [
                        item
                        for item in items
                        if item.index not in used
                        and reported_figure(view.sentences[item.index]) is not None
                    ]
                    if found is not None and reported_figure(view.sentences[found.index]):
                        stating = [found, *(item for item in stating if item != found)]
                    named = set(content_tokens(axis)) - frame
                    found = next(
                        (
                            item
                            for item in stating
                            if set(bm25.tokenize(view.sentences[item.index])) & named
                        ),
                        stating[0] if stating else None,
                    )
                said = _say(view, found) if found is not None else None
                if found is not None and found.index in planned:
                    kept = planned[found.index]
                    said = DraftSentence(_named(kept.text, view.label), kept.citations)
                if (
                    said is not None
                    and said.text.startswith("The ")
                    # ("The paper shows that TSDiff is ...": the paper is its subject)
                    and not said.text.startswith("The paper ")
                    and not _leans_back(said.text)
                    and _opens_unresolved(said.text, referents=True)
                ):
                    # under its question the answer stands apart from the paper's summary:
                    # "The model building step incorporates second-order information ..." is
                    # said "In <paper>, the model building step ..."
                    # ("The authors of EvoPress set ..." is "In EvoPress, the authors set ...",
                    # not "In EvoPress, the authors of EvoPress set ...", review75)
                    text = said.text.replace(f"The authors of {view.label} ", "The authors ", 1)
                    said = DraftSentence(f"In {in_frame(view.label)}, t{text[1:]}", said.citations)
                if said is not None and _POINTING_SUBJECT_AFTER_OPENING.match(said.text):
                    # ... and so is one whose subject, past its opening clause, points at the
                    # paper: "When combined with distillation, the approach achieves minimal
                    # accuracy loss ... [Movement Pruning]" stood under DSEE's sentence, where
                    # "the approach" read as DSEE (review67)
                    framed = _framed_by(view.label, said.text)
                    if framed is not None:
                        said = DraftSentence(framed, said.citations)
                if said is not None and (
                    # ... and one still leaning on a sentence before it is not said there
                    _opens_unresolved(said.text, referents=True) or _leans_back(said.text)
                ):
                    said = None
                if found is not None and said is not None:
                    used.add(found.index)
                    answers[position].append(said)
        return answers

    @staticmethod
    def _answered(asked: dict[str, float], said: Sequence[DraftSentence]) -> bool:
        """Whether what was said of a paper writes most of a question's words (by weight)."""
        total = sum(asked.values())
        return total > 0 and _share(asked, " ".join(sentence.text for sentence in said)) >= (
            _CLAUSE_SHARE * total
        )

    def _by_question(
        self, builder: _Builder, axes: list[str], answers: list[list[DraftSentence]]
    ) -> None:
        """Under each question asked of each paper, headed in the request's words, each paper's
        answer to it not said above (the ground they share)."""
        for axis, said in zip(axes, answers, strict=True):
            fresh = [
                answer
                for answer in said
                if not any(
                    overlaps(answer.text, sentence.text) or overlaps(sentence.text, answer.text)
                    for sentence in builder.sentences
                    if set(answer.citations) & set(sentence.citations)
                )
            ]
            if axis and fresh:
                builder.paragraph(axis)
                for answer in fresh:
                    builder.add(answer)

    def _to_led_groups(
        self,
        views: list[_PaperView],
        groups: list[list[int]],
        weights: _Weights,
        skip: set[str],
        builder: _Builder,
    ) -> list[list[int]]:
        """Groups whose papers share nothing a lead could name give each paper to a group that
        does, when it is as close to that group as groups must be to merge and the lead names
        it too: DeYO ("consists of sample selection and sample weighting") was paired with
        AdaMerging, closer to it by one shared word, in a paragraph with no lead, while "Sample
        selection is common to Open-Set TTA and EATA" led the paragraph before it."""
        if sum(1 for group in groups if len(group) > 1) < 2:
            return groups  # (no group with a lead to give a paper to, or none to take one)

        def lead_of(members: Sequence[int]) -> Lead | None:
            return self._group_lead(
                [views[index] for index in members],
                skip | builder.led,
                label_words=self.config.lead_label_words,
                answer_terms=builder.answer_terms,
                memo=builder.leads,
            )

        leads = {tuple(group): lead_of(group) for group in groups if len(group) > 1}
        unled = [group for group in groups if len(group) > 1 and leads[tuple(group)] is None]
        if not unled or all(lead is None for lead in leads.values()):
            return groups
        moved = [list(group) for group in groups]
        for group in unled:
            for index in group:
                best: tuple[float, list[int]] | None = None
                for other in moved:
                    lead = leads.get(tuple(other))
                    if len(other) < 2 or lead is None or index in other:
                        continue
                    link = average_link(views, weights, skip, index, other)
                    if link < self.config.group_similarity:
                        continue
                    widened = lead_of([*other, index])
                    if widened is None or views[index].paper.id not in widened.sentence.citations:
                        continue
                    if best is None or link > best[0]:
                        best = (link, other)
                if best is not None:
                    current = next(members for members in moved if index in members)
                    current.remove(index)
                    target = best[1]
                    old = tuple(target)
                    target.append(index)
                    leads[tuple(target)] = leads.pop(old)
        return [group for group in moved if group]

    def _by_group(
        self,
        builder: _Builder,
        topic: str,
        views: list[_PaperView],
        skip: set[str],
        *,
        most: int,
        heading: str = "",
        paragraphs: int | None = None,
        joined: bool = False,
        asked: dict[str, float] | None = None,
        grounded: frozenset[str] = frozenset(),
        hold: frozenset[str] = frozenset(),
        by_question: list[DraftSentence] | None = None,
        headline: bool = False,
        asked_apart: frozenset[int] = frozenset(),
        cited_for: str | None = None,
    ) -> None:
        """A paragraph per group of papers that work alike (largest first, the papers alone in
        a last one; a paper whose title names the topic first), each led by what its papers
        share, then what each paper does; with ``paragraphs``, the groups past that many join
        the last paragraph. ``grounded``: the papers a ground said above them shares ("What
        they share: Sample selection is common to ..."), which stand side by side under it.
        ``hold``: papers grouped with the others and not said (they are said apart).
        ``by_question``: what a comparison asks of each, said under its own question
        (``_by_question``), not here; ``asked_apart``: the positions of those questions among
        the clauses after the topic (the others are answered here). ``cited_for``: the thread
        of a related-work request these papers are said under, which a paper's "why cited"
        sentence says (``_why_cited``), rather than the whole request."""
        focus_groups = self._focus(topic, views)
        cited_topic = cited_for or topic
        cited_focus = self._focus(cited_for, views) if cited_for else focus_groups
        weights = _Weights(views, self.document_frequency, self.collection_size)
        groups = self._to_led_groups(
            views,
            group_papers(views, weights, skip, self.config.group_similarity),
            weights,
            skip,
            builder,
        )
        asked_each = self._asked_each(topic, weights) if joined and by_question is None else []
        rest_asked = (
            [
                wanted
                for position, wanted in self._asked_by_clause(topic, weights)
                if position not in asked_apart
            ]
            if joined and by_question is not None
            else []
        )
        # "... and what is each aiming to get right?": what each paper sets out to fix
        goal_asked = joined and any(asks_goal(clause.text) for clause in split_clauses(topic)[1:])
        # What a paper's title names the topic in opens, as its own paragraph or with its group:
        # under "channel dependence in multivariate time series forecasting", "Rethinking Channel
        # Dependence for Multivariate Time Series Forecasting", not the largest group of
        # forecasters that never mention it.
        topic_words = set(subject_tokens(topic))
        named = {
            index
            for index, view in enumerate(views)
            if topic_words and topic_words <= set(bm25.tokenize(view.paper.title))
        }
        followers: dict[tuple[int, ...], list[int]] = {}
        if paragraphs is not None:
            # related work: a paper alone goes on the line of work it is closest to, unless
            # its title names the topic and it opens the answer (no group holds such a paper;
            # under "state space models" most titles name it, and Quamba2 follows Mamba)
            opens = not any(named & set(group) for group in groups if len(group) > 1)
            groups, followers = join_singles(
                views,
                weights,
                skip,
                groups,
                self.config.single_join_similarity,
                keep=named if opens else (),
            )
        led = sorted(
            (group for group in groups if len(group) > 1), key=lambda group: not named & set(group)
        )
        singles = [group[0] for group in groups if len(group) == 1]
        opening = [index for index in singles if index in named]
        if led and named & set(led[0]):
            opening = []  # a group holding one already opens
        rest = [index for index in singles if index not in opening]
        # (members, whether a lead sentence may open them)
        ordered = (
            ([(opening, False)] if opening else [])
            # under "How each differs", what every paper compared has in common is no
            # difference ("Machine translation is common to <both papers compared>")
            + [(group, not (joined and len(group) == len(views))) for group in led]
            + ([(rest, False)] if rest else [])
        )

        # related work: the papers alone past the last paragraph each follow the paragraph they
        # are closest to (HiPPO-Prophecy's weight construction for SSMs after S4's
        # parameterization), not the last line of work they share nothing with
        placed: dict[int, list[int]] = {}
        if paragraphs is not None and len(ordered) > paragraphs and ordered[-1][0] is rest:
            ordered = ordered[:-1]
            shown = ordered[:paragraphs]
            placed = closest_groups(
                views,
                weights,
                skip,
                rest,
                [[*members, *followers.get(tuple(members), [])] for members, _ in shown],
            )

        # a comparison's paper none of whose sentences said writes a word of the topic is also
        # said by the sentence that does, which is why it is compared (AdaMerging was said by its
        # merging coefficients and its 11% alone, under "entropy minimization for test-time
        # adaptation"; its abstract "leverages entropy minimization on unlabeled test samples")
        topic_weights = (
            {token: weights.idf(token) for token in topic_words - _GENERIC} if joined else {}
        )

        def said(view: _PaperView) -> list[DraftSentence]:
            sentences = self._paper_sentences(
                builder, view, focus_groups, topic, most=most, headline=headline
            )
            why = (
                self._why_compared(view, topic_weights, sentences)
                if topic_weights
                else self._why_cited(view, cited_topic, cited_focus, sentences)
                if paragraphs is not None and not joined
                else None
            )
            if why is not None:
                sentences = [sentences[0], why, *sentences[1:]]
            if asked_each:
                # a comparison: what it asks of each paper, clause by clause
                for wanted in asked_each:
                    answer = self._clause_answer(view, wanted, sentences)
                    if answer is not None:
                        sentences = [*sentences, answer]
                goal = _goal_statement(view, sentences) if goal_asked else None
                if goal is not None:
                    sentences = [*sentences, goal]
                return [*sentences, *self._clause_meanings(view, sentences)]
            if by_question is not None:
                # what answers a question asked of each was said under it; the rest follows,
                # its first sentence naming the paper when the one that did went there
                rest = [
                    sentence
                    for sentence in sentences
                    if not any(
                        set(answer.citations) & set(sentence.citations)
                        and (
                            overlaps(answer.text, sentence.text)
                            or overlaps(sentence.text, answer.text)
                        )
                        for answer in by_question
                    )
                ]
                while rest and rest[0] is not sentences[0]:
                    text = rest[0].text
                    if _named(text, view.label) != text:
                        rest[0] = DraftSentence(_named(text, view.label), rest[0].citations)
                        break
                    if not (_opens_unresolved(text, referents=True) or _leans_back(text)):
                        break
                    # ("The authors observe ...", "Instead of ...": whose, instead of what)
                    rest = rest[1:]
                # ... and what the request asks of each that no question heads ("how it is fed
                # back", in a clause read with another) is said here, as it was before
                known = [*[a for a in by_question if view.paper.id in a.citations], *rest]
                for wanted in rest_asked:
                    answer = self._clause_answer(view, wanted, known, named=not rest)
                    if answer is not None:
                        rest.append(answer)
                        known.append(answer)
                if rest:
                    # (a second sentence near a question, nearer than its answer, as before)
                    rest += self._clause_meanings(view, known)
                return rest
            answer = self._clause_answer(view, asked, sentences) if asked else None
            return [*sentences, answer] if answer is not None else sentences

        for number, (group, lead) in enumerate(ordered):
            members = [views[index] for index in group if views[index].paper.id not in hold]
            joining = [
                index
                for index in [*followers.get(tuple(group), []), *placed.get(number, [])]
                if views[index].paper.id not in hold
            ]
            if not members and not joining:
                continue
            if paragraphs is None or number < paragraphs:
                builder.paragraph("" if number else heading)
            if lead and len(members) > 1 and joining:
                # a paper following the group that its lead's term names as well is one of
                # those the lead names ("Quamba2 is a robust and scalable post-training
                # quantization framework for selective state space models" followed "Demystifying
                # the Token Dynamics and Mamba both work on selective state spaces")
                joining = self._named_by_the_lead(builder, members, joining, views, skip)
            # (every paper of the group held apart: only those following it are said)
            if members:
                self._say_group(
                    builder,
                    members,
                    skip,
                    said,
                    lead=lead and len(members) > 1,
                    grounded=bool(grounded) and {view.paper.id for view in members} <= grounded,
                    # How each works, side by side in one sentence ("A filters out ...; B adds a
                    # Fisher regularizer ...; C weights ..."): the difference a comparison asks for
                    # (not under questions asked of each, which set them side by side)
                    arrange=(
                        (lambda members: self._side_by_side(builder, members, asked_each))
                        if joined and by_question is None
                        else None
                    ),
                    asked={token: weights.idf(token) for token in content_tokens(topic)},
                )
            for index in joining:
                for sentence in said(views[index]):
                    builder.add(sentence)

    def _named_by_the_lead(
        self,
        builder: _Builder,
        members: list[_PaperView],
        joining: list[int],
        views: list[_PaperView],
        skip: set[str],
    ) -> list[int]:
        """The papers following a group that its lead, said of them too, names with the same
        term and the same papers: they join ``members`` (in place); the others are returned."""

        def lead_of(group: list[_PaperView]) -> Lead | None:
            return self._group_lead(
                group,
                skip | builder.led,
                label_words=self.config.lead_label_words,
                answer_terms=builder.answer_terms,
                memo=builder.leads,
            )

        base = lead_of(members)
        if base is None:
            return joining
        rest = []
        for index in joining:
            wider = lead_of([*members, views[index]])
            if (
                wider is not None
                and wider.stems == base.stems
                and views[index].paper.id in wider.sentence.citations
                and set(base.sentence.citations) <= set(wider.sentence.citations)
            ):
                members.append(views[index])
            else:
                rest.append(index)
        return rest

    def _side_by_side(
        self,
        builder: _Builder,
        members: list[_PaperView],
        asked: Sequence[dict[str, float]] = (),
    ) -> list[_PaperView]:
        """One sentence setting the group's papers side by side, each by its label and how it
        works (its mechanism, else what it proposes, when short), clauses joined by semicolons,
        then what the request asks of each beyond that (``asked``: "what does each buy in
        accuracy, uncertainty and cost"), each paper named; the papers it could not say so, to
        be said on their own."""
        clauses: list[tuple[_PaperView, str]] = []
        for view in members:
            claims = paper_claims(view.paper)
            # each clause has the label as its subject: a span with its own ("a CLIP model is
            # adopted as ...") is not one
            spans = [
                span
                for span in (claims.mechanism, claims.proposal)
                if span is not None and not opens_with_subject(span.text)
            ]
            phrase = next(
                (
                    span.text
                    for span in spans
                    if len(span.text.split()) <= self.config.side_by_side_words
                ),
                None,
            )
            if phrase is None or view.label in phrase or reads_as_clause(view.label):
                continue
            clauses.append((view, f"{view.label} {phrase}"))
        if len(clauses) < 2:
            return members
        joint = DraftSentence(
            "; ".join(text for _, text in clauses), [view.paper.id for view, _ in clauses]
        )
        builder.add(joint)
        for view, _ in clauses:
            said = [joint]
            for wanted in asked:
                answer = self._clause_answer(view, wanted, said, named=True)
                if answer is not None:
                    builder.add(answer)
                    said.append(answer)
        done = {view.paper.id for view, _ in clauses}
        return [view for view in members if view.paper.id not in done]


# a sentence in the authors' own voice: "We achieve ... and we show that ..."
_WE_FIRST = re.compile(r"^(?:[^,.;]{0,60},\s*)?we\b", re.IGNORECASE)
# a lookup says at most this many of its paper's sentences after the lead
_LOOKUP_MOST = 5
# what a sentence says when it only reports that the paper was evaluated, or points at an item
# of a list the reader was not shown
_SAYS_NOTHING = re.compile(
    r"^(?:The|A)\s+(?:first|second|third|fourth|former|latter|last)\s+(?:is|are|was|were|one)\b|"
    r"\b(?:extensive|comprehensive|several|numerous)\s+(?:\w+\s+)?experiments\s+(?:are|were)\s+"
    r"(?:conducted|performed|carried out)\b|"
    r"\b(?:its|their|the)\s+(?:effectiveness|efficacy|superiority)\s+(?:is|are)\s+(?:validated|"
    r"verified|demonstrated|confirmed)\b|"
    r"\b(?:shows?|verif(?:y|ies)|validates?|demonstrates?|confirms?|proves?)\s+(?:the|its|their)\s+"
    r"(?:generali[sz]ability|effectiveness|efficacy|robustness|superiority)\b",
    re.IGNORECASE,
)
# a compared paper's sentences, at most, once the clauses asked are answered in meaning (fixed:
# one more than a comparison says of a paper, so one clause at least is answered)
_MEANT_MOST = 4


# "this problem", "these trade-offs", "such issue": what a sentence points back at
_POINTER = re.compile(r"\b(?:this|these|those|such)\s+([\w-]+)", re.IGNORECASE)


# a lead that only names the problem a paper studies
_STUDIES_A_PROBLEM = re.compile(
    r"\b(?:studies|considers|investigates|examines|explores|revisits|tackles|addresses)\s+the\s+"
    r"(?:\w+\s+)?(?:problem|task|question|setting)\s+of\s+[^,;]{1,60}$"
)


# an opening clause, then a subject pointing at the paper's own method ("When combined with
# distillation, the approach achieves ...")
_POINTING_SUBJECT_AFTER_OPENING = re.compile(
    r"[A-Z][^,.;:]{2,80},\s+(?:the|this)\s+(?:approach|method|model|framework|algorithm|technique|system)"
    r"\s+(?:[a-z]+ly\s+)?[a-z]+s\b"
)


# a question asking by what means each does something ("how does each control ...", "how do
# they cut down ..."), not how much or how well
_ASKS_MEANS = re.compile(
    r"\s*how\s+(?:does|do|did|is|are|can)\s+(?:each|they|both|it)\b(?!\s+(?:compare|fare|perform))",
    re.IGNORECASE,
)
# ... and a sentence saying the means
_MEANS = re.compile(r"\b(?:by|via|through|using)\s+\w", re.IGNORECASE)


# a coined name: a capitalised word with a capital inside it ("TimeAttention", "PowerSGD")
_COINED = re.compile(r"\b[A-Z][a-z]+[A-Z][\w-]*")


def _coins_name(text: str, asked: frozenset[str]) -> bool:
    """Whether a sentence gives a coined name holding what a question asks the name of: "What's
    the name of the attention mechanism ...?" is answered by "It proposes a universal
    TimeAttention ...", which says no "called" (u021: said third, after two sentences matching
    how the question described the paper)."""
    return any(
        token in found.group(0).lower()
        for found in _COINED.finditer(text)
        for token in asked
        if len(token) >= _COINED_PART_CHARS
    )


# a word of the question found inside a coined name is one this long at least ("attent" in
# "TimeAttention"; not "net" in "ResNet", which every question on networks would share)
_COINED_PART_CHARS = 5


def _framed_by(label: str, sentence: str) -> str | None:
    """``sentence`` framed by the paper it is from ("In OSD, the results show ..."), when it opens
    on a word of lexicon/framed_openings.txt and says no first person; else None."""
    first = sentence.split(" ", 1)[0].rstrip(",")
    if first not in _framed_openings() or FIRST_PERSON_WORD.search(sentence):
        return None
    if re.search(rf"(?:,|\bthat)\s+{re.escape(label)}\s+(?:[a-z]+ly\s+)?[a-z]+s\b", sentence):
        # "Across six real-world sensor datasets, ..., HiSS outperforms ...": the paper is its
        # subject already (also past an adverb: "Using 4 same-sized students, MSD
        # significantly outperforms ..." was framed "In MSD, ...", the lint's doubled subject;
        # and of what the results show: "In OneNet, empirical results show that OneNet reduces
        # ...", in a blind lookup)
        return sentence
    return f"In {in_frame(label)}, {sentence[:1].lower()}{sentence[1:]}"


@cache
def _framed_openings() -> frozenset[str]:
    return frozenset(lexicon_words("framed_openings"))


# a clause asking of one paper, "it" its subject: "which two diseases was it tested on" (not
# "what fixes it", the problem)
_OF_ONE = re.compile(r"\b(?:is|was|does|did|has|had|can|could|will|would)\s+it\b", re.IGNORECASE)


def _asks_detail(clause: Clause) -> bool:
    """A clause asking something of the paper beyond which paper it is, a figure or a name
    ("what kind of regulariser does it use", "what Chinese-language benchmark does it
    introduce")."""
    return (
        clause.asks
        # ("what approaches exist here for combining several separately trained models"; but
        # "which two diseases was it tested on" asks for several things of one paper, "it":
        # review62, "the answer is buried in sentence 2")
        and not (asks_for_several(clause.text) and _OF_ONE.search(clause.text) is None)
        and not clause.identifies
        and not clause.numeric
        and not clause.names
        and not clause.explains
        and not clause.releases
    )


def _figures_after(
    view: _PaperView, told: Sequence[DraftSentence]
) -> tuple[DraftSentence, DraftSentence] | None:
    """A result said without its figure ("Experiments on the MATH benchmark demonstrate
    remarkable efficiency gains across different model families") and the abstract's next
    sentence, which gives it ("Using the LLaMA family, it maintains 96.7% of the 11B model's
    performance ... while using it for only 43% of tokens"): review35a, "'remarkable efficiency
    gains' replaces the numbers"; the one said already, if it is. None when no said sentence is
    such a result or the next sentence has no figure or does not stand alone."""
    vague = _vague_result()
    for sentence in told:
        if re.search(r"\d", sentence.text) or not vague.search(sentence.text):
            continue
        index = max(
            range(len(view.sentences)),
            key=lambda position: (
                overlaps(sentence.text, view.sentences[position])
                + len(set(sentence.text.split()) & set(view.sentences[position].split())) / 1000
            ),
        )
        if not overlaps(sentence.text, view.sentences[index]):
            continue
        after = next((item for item in view.evidence.sentences if item.index == index + 1), None)
        if after is None or view.roles[after.index] not in ("result", "method", "setting"):
            return None
        text = view.sentences[after.index]
        if not re.search(r"\d", text) or standalone(text, view.paper.title) is None:
            return None
        # (said already, elsewhere: it goes right after the result it gives the figure of)
        said = next((other for other in told if overlaps(text, other.text)), None)
        return sentence, said or _say(view, after, subject="It")
    return None


# where a sentence stood in the abstract's sequence ("Finally we present ...", "Second, ...")
_SEQUENCE_OPENER = re.compile(
    r"^(?:First|Firstly|Second|Secondly|Third|Thirdly|Finally|Lastly|Next)(?:,\s+|\s+(?=we\s))"
)


# a name a sentence may introduce: a word with a capital past its first letter ("DSS", "SirLLM")
_NAME_TOKEN = re.compile(r"\b[A-Za-z][a-z0-9-]*[A-Z][\w-]*")


def _context_last(
    view: _PaperView, picks: list[tuple[EvidenceSentence, str]], answering: set[int]
) -> list[tuple[EvidenceSentence, str]]:
    """A lookup's background sentences that answer no clause come after what the paper does:
    "Mode collapse remains a critical problem in GANs" stood fourth, between the paper's results
    and its method, and SirLLM's "As Large Language Models (LLMs) become increasingly prevalent
    ..." before the tasks that answered the question (review57: "background dropped
    mid-answer"). A run of them moves whole with the problem statements it runs into, in the
    abstract's order, and only past a sentence of what the paper does. Not a run the
    next sentence leans on ("Such methods ..."), nor one introducing a name a later sentence uses
    ("A recent variant of S4 called DSS showed ..." before "It explains why DSS works")."""

    def context(position: int) -> bool:
        # (the problem the scene leads to goes with it; a figure is an answer wherever it
        # stands: "The tournament ... attracted 843 participants" answers "how many")
        item, text = picks[position]
        return (
            view.roles[item.index] in ("background", "problem")
            and item.index not in answering
            and _MEASURE.search(text) is None
        )

    moved: list[int] = []
    position = 0
    while position < len(picks):
        if not context(position):
            position += 1
            continue
        run = [position]
        while run[-1] + 1 < len(picks) and context(run[-1] + 1):
            run.append(run[-1] + 1)
        position = run[-1] + 1
        after = picks[position:]
        said = " ".join(text for _, text in picks[: run[0]])
        names = {
            name
            for index in run
            for name in _NAME_TOKEN.findall(picks[index][1])
            if name not in said
        }
        if (
            after
            and any(view.roles[picks[index][0].index] == "background" for index in run)
            and any(view.roles[item.index] not in ("background", "problem") for item, _ in after)
            and _REFERS_BACK.search(after[0][1]) is None
            and not _opens_unresolved(after[0][1], referents=True)
            and not any(name in text for _, text in after for name in names)
        ):
            moved.extend(run)
    if not moved:
        return picks
    return [pair for index, pair in enumerate(picks) if index not in moved] + [
        picks[index] for index in moved
    ]


def _stands_alone(text: str) -> bool:
    """Whether a sentence said alone of a paper leans on none before it: no opening that
    does ("Instead of directly optimizing in prompt space, ...") nor a definite phrase naming
    what one said."""
    return not _opens_unresolved(text, referents=True) and not _back_reference().search(text)


def _named(text: str, label: str) -> str:
    """A sentence said of a paper after one naming it ("It equips ...", "The paper proposes
    ..."), said where nothing before names it: the paper's label its subject; "The paper"
    where what it reports opens on the label ("It shows that TSDiff is competitive ..." is not
    "TSDiff shows that TSDiff is ...", the lint's doubled subject)."""
    if re.match(
        rf"(?:It|The paper)\s+(?:\w+ly\s+)?[a-z]+s\s+(?:\w+ly\s+)?that\s+{re.escape(label)}\b",
        text,
    ) or (
        # ... or names it as its verb's object: "It evaluates CORAL on three LLM families" is
        # not "CORAL evaluates CORAL ..." (review56); a later clause naming it is its own
        # ("..., and unlike Consistency Models, IMM guarantees ...")
        re.match(
            rf"(?:It|The paper)\s+(?:\w+ly\s+)?[a-z]+s\s+(?:(?:the|a|an|its)\s+)?"
            rf"{re.escape(label)}(?![\w-])",
            text,
        )
    ):
        return re.sub(r"^It\s", "The paper ", text)
    return re.sub(r"^(?:It|The paper)\s", f"{label} ", text)


# "It then introduces ...", "The weak learners are then ensembled ...": a step after one the
# abstract said just before
_THEN_STEP = re.compile(
    r"^(?P<head>(?:It|They)|[^,;:]*?\b(?:is|are|was|were|can be))\s+then\s+(?=[a-z])"
)


def _source_index(view: _PaperView, text: str) -> int | None:
    """The abstract sentence a said sentence quotes, by its position."""
    return next(
        (number for number, sentence in enumerate(view.sentences) if overlaps(text, sentence)),
        None,
    )


def _grounds_first(builder: _Builder, views: dict[str, _PaperView]) -> None:
    """A paper's sentence its abstract draws a step from ("Like most naive kernel methods, DKMs
    scale cubically in the number of datapoints. We therefore use methods from the Gaussian
    process inducing point literature to develop a sparse DKM that scales linearly"), said after
    that step, moves before it: the reader met the linear fix, then the cubic cost, as if the
    paper contradicted itself (review56). Not before the sentence naming the paper, nor one
    that leans on the sentence before it."""
    # (most abstracts draw no step so: their sentences are never looked up)
    drawing = {
        paper_id
        for paper_id, view in views.items()
        if any(_DRAWN_FROM_BEFORE.match(sentence) for sentence in view.sentences[1:])
    }
    for paragraph in builder.paragraphs:
        position = 0
        while position < len(paragraph):
            sentence = builder.sentences[paragraph[position]]
            view = (
                views[sentence.citations[0]]
                if len(sentence.citations) == 1 and sentence.citations[0] in drawing
                else None
            )
            step = _source_index(view, sentence.text) if view is not None else None
            moved = False
            if (
                view is not None
                and step
                and _DRAWN_FROM_BEFORE.match(view.sentences[step])
                and any(
                    builder.sentences[index].citations == sentence.citations
                    for index in paragraph[:position]
                )
            ):
                for later in range(position + 1, len(paragraph)):
                    ground = builder.sentences[paragraph[later]]
                    if (
                        ground.citations == sentence.citations
                        and _source_index(view, ground.text) == step - 1
                        and not _POINTS_BACK_FIRST.match(ground.text)
                    ):
                        paragraph.insert(position, paragraph.pop(later))
                        moved = True
                        break
            position += 2 if moved else 1


# a step drawn from the sentence before: "We therefore use ...", "Thus, ...", "Hence we ..."
_DRAWN_FROM_BEFORE = re.compile(
    r"^(?:\S+\s+){0,3}?(?:therefore|thus|hence|consequently)\b", re.IGNORECASE
)
# ... and a sentence that itself leans on the one before it
_POINTS_BACK_FIRST = re.compile(r"^(?:It|Its|They|Their|This|These|Such)\b")


def _without_unled_then(builder: _Builder, views: dict[str, _PaperView]) -> None:
    """A sentence saying a step "then" follows, said where the step before it is not (the
    sentence before it in the answer is not the one before it in the abstract), without the
    "then": "The weak learners are then ensembled using the AdaBoost algorithm" after PromptBoosting's
    results pointed at a step the reader never saw (review51)."""
    for paragraph in builder.paragraphs:
        for position, index in enumerate(paragraph):
            sentence = builder.sentences[index]
            found = _THEN_STEP.match(sentence.text)
            view = views.get(sentence.citations[0]) if len(sentence.citations) == 1 else None
            if found is None or view is None:
                continue
            source = _source_index(view, sentence.text)
            before = builder.sentences[paragraph[position - 1]] if position else None
            if (
                source
                and before is not None
                and before.citations == sentence.citations
                and overlaps(before.text, view.sentences[source - 1])
            ):
                continue
            text = f"{found.group('head')} {sentence.text[found.end() :]}"
            builder.sentences[index] = DraftSentence(text, sentence.citations, sentence.kind)


def _say_caveats(builder: _Builder, views: dict[str, _PaperView]) -> None:
    """A claim said of one paper whose abstract turns on it in the very next sentence ("However,
    for ADAS-Cog13 no single submitted prediction method was significantly better than random
    guesswork", after "the best algorithms strongly outperform simple baselines") is followed by
    that turn, wherever it was said (review50: TADPOLE's take-home said without the caveat that
    reverses it). A claim is what the abstract says from its proposal on; a turn before it is
    the problem the paper starts from."""
    sentences, paragraphs = builder.sentences, builder.paragraphs
    said: list[DraftSentence] = []
    placed: list[list[int]] = []
    for paragraph in paragraphs:
        indices = []
        for index in paragraph:
            sentence = sentences[index]
            indices.append(len(said))
            said.append(sentence)
            view = views.get(sentence.citations[0]) if len(sentence.citations) == 1 else None
            if view is None:
                continue
            sources = [
                number
                for number, text in enumerate(view.sentences)
                if overlaps(text, sentence.text) or overlaps(sentence.text, text)
            ]
            proposal = paper_claims(view.paper).proposal
            if not sources or proposal is None or sources[-1] < proposal.sentence:
                continue
            turn = caveat(view.paper, sources[-1], reach=1)
            if turn is None or any(overlaps(turn, other.text) for other in (*sentences, *said)):
                continue
            indices.append(len(said))
            said.append(DraftSentence(turn, list(sentence.citations)))
        placed.append(indices)
    builder.sentences, builder.paragraphs = said, placed


def _said_items(view: _PaperView, sentences: Sequence[DraftSentence]) -> list[EvidenceSentence]:
    """The paper's evidence sentences that ``sentences`` say (either holding the other)."""
    return [
        item
        for sentence in sentences
        for item in view.evidence.sentences
        if overlaps(view.sentences[item.index], sentence.text)
        or overlaps(sentence.text, view.sentences[item.index])
    ]


def _goal_statement(view: _PaperView, sentences: Sequence[DraftSentence]) -> DraftSentence | None:
    """What a compared paper sets out to fix or achieve, for a comparison asking that of each
    ("what is each aiming to get right"): the problem its abstract states, quoted whole, when
    nothing said of it already says it. Evidential Turing Processes was said only by "an
    original combination of Evidential Deep Learning, Neural Processes, and Neural Turing
    Machines", its aim (a classifier that fits the target domain, is calibrated, and rejects
    queries from outside it) left out (review38a, review39a)."""
    problem = paper_claims(view.paper).problem
    if problem is None:
        return None
    text = standalone(view.sentences[problem.sentence], view.paper.title)
    if text is None or _OURS.search(text) or _leans_back(text):
        return None
    if any(overlaps(text, sentence.text) for sentence in sentences):
        return None
    return DraftSentence(text if text.endswith((".", "?", "!")) else f"{text}.", [view.paper.id])


# "the same methodology": what a sentence before it said (not "the same ... as X", which says it)
_THE_SAME = re.compile(r"\bthe\s+same\s+[a-z]+\b(?!\s+(?:[a-z]+\s+){0,2}as\b)", re.IGNORECASE)


@cache
def _back_reference() -> re.Pattern[str]:
    """A definite phrase naming what a sentence before it said: "the same methodology", "the
    analysis", "the method" (not "the method of ...", which says which)."""
    nouns = "|".join(re.escape(word) for word in lexicon_words("dangling"))
    return re.compile(
        # (the vague nouns, and what a sentence before did: "the analysis", "the methodology")
        rf"\bthe\s+(?:same\s+[a-z]+|(?:{nouns}|analysis|analyses|methodology)(?:s|es)?\b(?!['’]|\s+(?:of|that|which|for|in|on|"
        r"with|by|from|where|we)\b))",
        re.IGNORECASE,
    )


# a preposition left without its object: the name it had is now the sentence's subject
_STRANDED_PREPOSITION = re.compile(r"\b(?:from|of|by|with|for|to|in|on)\s*[,.;:]")


@cache
def _vague_result() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in lexicon_words("vague_results"))
    return re.compile(
        rf"\b(?:{words})\s+(?:[\w-]+\s+)?(?:gains?|improvements?|enhancements?|speed-?ups?|"
        r"efficiency|performance|results)\b",
        re.IGNORECASE,
    )


def _points_at(sentence: str, before: str) -> bool:
    """Whether every "this/these/such <noun>" of a sentence names something the sentence
    before it says ("solves this problem" after "addressing the problem of adapting ..."): it
    may follow that sentence in an answer. Not an item of a list ("(ii) the self-attention
    ..."), whose first item and opening are elsewhere."""
    if LIST_MARK.match(sentence.lstrip(" \"'“")):
        return False
    said = set(bm25.tokenize(before))
    pointers = list(_POINTER.finditer(sentence))
    counted = list(_COUNTED_POINTER.finditer(sentence))
    return (
        bool(pointers or counted)
        and all(
            bool(head)
            and (
                set(head) <= said
                or points_at_figures(found.group(1), before)
                or points_at_proposal(found.group(1), before)
            )
            for found in pointers
            for head in [bm25.tokenize(found.group(1))]
        )
        and all(_counts_out(found, before) for found in counted)
    )


# "all three outcomes", "the two problems": a count of things named before
_COUNTED_POINTER = re.compile(
    rf"\b(?:all|the|both\s+of\s+the)\s+(?P<count>{'|'.join(lexicon_words('number_words')[2:])})"
    r"\s+(?:\w+\s+)?(?P<noun>[a-z][\w-]*s)\b",
    re.IGNORECASE,
)


def _counts_out(found: re.Match[str], before: str) -> bool:
    """Whether ``before`` names the counted things: the same count with the same noun a few
    words on ("three key outcomes: clinical diagnosis, ...")."""
    count = found.group("count").lower()
    digit = str(lexicon_words("number_words").index(count))
    noun = bm25.tokenize(found.group("noun"))
    return bool(noun) and any(
        bm25.tokenize(match.group(1))[-1:] == noun[-1:]
        for match in re.finditer(
            rf"\b(?:{count}|{digit})\s+((?:[\w-]+\s+){{0,2}}[\w-]+)", before, re.IGNORECASE
        )
    )


@lru_cache(maxsize=1)
def _cause() -> re.Pattern[str]:
    phrases = sorted(lexicon_words("causal_markers"), key=len, reverse=True)
    return re.compile(
        r"\b(?:"
        + "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
        + r")\b",
        re.IGNORECASE,
    )


def _with_cause(
    view: _PaperView,
    picks: list[tuple[EvidenceSentence, str]],
    usable: Sequence[EvidenceSentence],
    standing: Sequence[tuple[EvidenceSentence, str]],
    led_index: int | None,
) -> list[tuple[EvidenceSentence, str]]:
    """A lookup asking why ("Is there a paper explaining why, and what fixes it?") is answered by
    the paper's sentence stating a cause, the best of them by the question: first, or right after
    the sentence it leans on ("... and find them to stem from the chaotic propagation of
    minibatch SGD noise", after the sentence observing the oscillations "them" are), in place
    of the last pick when the answer is full. The answer to review25n #12 said the fix and
    not the why."""
    cause = _cause()
    picked = next((pair for pair in picks if cause.search(pair[1])), None)
    if picked is not None:
        return picks  # already said, where the abstract's order puts it
    alone = {item.index: text for item, text in standing}
    shown = [item.index for item, _ in picks]
    for item in usable:
        sentence = view.sentences[item.index]
        if item.index in shown or not cause.search(sentence):
            continue
        before = item.index - 1
        if item.index in alone:
            found, at = (item, alone[item.index]), 0
        elif (
            (before in shown or before == led_index)
            and not FIRST_PERSON_WORD.search(rewrite(sentence, "It"))
            and _points_at(sentence, view.sentences[before])
        ):
            found, at = (item, sentence), shown.index(before) + 1 if before in shown else 0
        else:
            continue
        if len(picks) >= _LOOKUP_MOST:
            # the last pick gives way, unless it is the sentence the cause leans on
            last = len(picks) - 1
            if shown[last] == before:
                last -= 1
            del picks[last]
            at = min(at, len(picks))
        return [*picks[:at], found, *picks[at:]]
    return picks


def _says_all(text: str, asked: dict[str, float] | None) -> bool:
    """Whether a sentence writes every word of the request (stems)."""
    if not asked:
        return False
    tokens = set(bm25.tokenize(text))
    return all(token in tokens for token in asked)


def _without_label(text: str, label: str | None) -> str:
    """A sentence without the label it opens on ("<label> introduces ..." -> "introduces ...")."""
    if label and text.startswith(label):
        return text[len(label) :]
    return text


def _sets_the_scene(view: _PaperView, item: EvidenceSentence) -> bool:
    """Whether an abstract sentence states the setting the paper starts from: a setting
    sentence before the paper first says what it does, in no one's voice ("In particular, the
    performance of a transformer model trained on tasks (say addition) ... drops sharply"), not
    the paper's own set-up ("We evaluate on ...")."""
    began = next((index for index, role in enumerate(view.roles) if role == "contribution"), None)
    return (
        began is not None
        and item.index < began
        and view.roles[item.index] == "setting"
        and not FIRST_PERSON_WORD.search(view.sentences[item.index])
    )


def _figure_after_a_bare_claim(
    view: _PaperView, said: DraftSentence, *, bare: bool = True
) -> DraftSentence | None:
    """The paper's headline figure after the one sentence related work gives it, when that
    sentence only names what the paper is in a few words: "Paraformer is a fast and accurate
    parallel transformer" says nothing a reader can weigh, its "comparable performance to the
    state-of-the-art AR transformer, with more than 10x speedup" does (review38a, review39a).
    None when the sentence says more than ``_BARE_CLAIM_WORDS`` words or the paper reports no
    figure in a sentence that stands alone. ``bare``: only after such a sentence."""
    if bare and len(strip_citations(said.text).split()) > _BARE_CLAIM_WORDS:
        return None
    results = [found for found in paper_claims(view.paper).results if found.figure]
    for found in results:
        item = next((it for it in view.evidence.sentences if it.index == found.sentence), None)
        if item is None or view.roles[item.index] != "result":
            continue
        quoted = standalone(view.sentences[item.index], view.paper.title)
        if quoted is None or _opens_unresolved(quoted, referents=True):
            continue
        if len(view.sentences[item.index].split()) > view.long_words or overlaps(
            view.sentences[item.index], said.text
        ):
            continue
        told = _say(view, item, subject="It")
        if not _OURS.search(told.text):
            return told
    return None


# a sentence of at most this many words says what a paper is, not what it does or finds
_BARE_CLAIM_WORDS = 12


def _only_what_it_studies(view: _PaperView, said: DraftSentence) -> bool:
    """Whether the one sentence related work gives a paper is its proposal saying only what the
    paper looks at ("studies the generation quality of interpolation-based retrieval-augmented
    language models", lexicon/study_verbs.txt) while the paper states a finding elsewhere
    (review53: KNN-LM "given only 'studies the generation quality of ...'; the negative finding
    is left out")."""
    claims = paper_claims(view.paper)
    proposal, finding = claims.proposal, claims.finding
    return (
        proposal is not None
        and finding is not None
        and finding.sentence != proposal.sentence
        and _study_verbs().match(proposal.text) is not None
        and overlaps(proposal.text, said.text)
    )


@cache
def _study_verbs() -> re.Pattern[str]:
    return re.compile(
        r"(?:" + "|".join(re.escape(verb) for verb in lexicon_words("study_verbs")) + r")\b",
        re.IGNORECASE,
    )


def _finding_after_contribution(view: _PaperView) -> EvidenceSentence | None:
    """For a paper with nothing of its own that stands alone ("In this paper we attempt to
    answer this question by ...", "We slowly increase the dimension of this subspace ..."): what
    it finds after saying what it does, though a word in it reads as a problem's ("Many problems
    have smaller intrinsic dimensions than one might suspect"); a paper in the evidence of a
    related-work paragraph is not left out unsaid."""
    began = next((index for index, role in enumerate(view.roles) if role == "contribution"), None)
    if began is None:
        return None
    for item in view.ranked(exclude_roles=("boilerplate", "background")):
        if item.index <= began or view.roles[item.index] != "problem":
            continue
        quote = standalone(view.sentences[item.index], view.paper.title)
        if (
            quote
            and not _opens_unresolved(quote, referents=True)
            and len(view.sentences[item.index].split()) <= view.long_words
        ):
            return item
    return None


def _title_says(view: _PaperView) -> DraftSentence | None:
    """ "MMGP is a Mesh Morphing Gaussian Process-based machine learning method for regression
    ...": a title of the form "<label>: a <what it is>" says what a paper is when its proposal
    says only what it is not ("a machine learning method that do not rely on graph neural
    networks") and no other sentence of its own says more."""
    what = title_description(view.paper.title, view.label, view.paper.abstract)
    if what is None:
        return None
    return DraftSentence(f"{view.label} is {what}.", [view.paper.id])


def _asks_more(
    candidate: str, current: str, asked: dict[str, float], group: Sequence[_PaperView]
) -> bool:
    """Whether ``candidate`` may replace ``current``: unless ``current`` says a good part
    (``_KEEP_SHARE``) of what the request asks and more of it than ``candidate``, counting only
    the request's words that not every paper of the group uses."""
    telling = {
        token: weight
        for token, weight in asked.items()
        if not all(token in view.tokens for view in group)
    }

    def said(text: str) -> float:
        tokens = set(bm25.tokenize(text))
        return sum(weight for token, weight in telling.items() if token in tokens)

    kept = said(current)
    return not (kept > said(candidate) and kept >= _KEEP_SHARE * sum(telling.values()))


# A sentence said instead of a paper's usual one for what a long request asks holds at least
# half of it (by idf): "explores the claim of a 'free lunch' hypothesis" holds only the "free" of
# "attention-free language model architectures"
_TELLING_SHARE = 0.5

# ... a third, fixed: "convergence guarantees ... stochastic gradients" of a request for
# "convergence and concentration guarantees for stochastic gradient methods and stochastic
# approximation" is such a part; "neural networks" of one on Bayesian neural networks is not
_KEEP_SHARE = 1 / 3

# ... or twice what the sentence it replaces holds and a tenth of the request more: NGBoost's
# mechanism holds 0.21 of a long request on distributional regression, its opening 0.07
_TELLING_GAIN = 2.0
_TELLING_MARGIN = 0.1
# ... "as high" within what the embedding's arithmetic moves between machines: on an AVX2
# machine NGBoost's mechanism scored 0.487 and its opening 0.489, on another the other way
# round, and the opening was said
_TELLING_SCORE_SLACK = 0.01


# a sentence reporting other authors' work ("Ainsworth et al. showed ..."), not one citing it
# beside the paper's own ("a modern form of error feedback called EF21 (Richtarik et al., 2021)")
_OTHERS_WORK = re.compile(
    r"\bet al\.?(?:\s+\(\d{4}\))?\s+(?:\w+ly\s+)?"
    r"(?:show|showed|shown|propose|proposed|find|found|introduce|introduced|demonstrate|"
    r"demonstrated|observe|observed|argue|argued|conjecture|conjectured)\b"
)

# what the authors say of things named in a sentence before ("we argue they lack biological
# plausibility")
_SAID_OF_UNSHOWN = re.compile(
    r"^(?:we|the authors)\s+(?:\w+\s+){0,2}?(?:argue|show|find|believe|note|claim|observe|"
    r"demonstrate|suggest|conjecture|hypothesi[sz]e)s?\s+(?:that\s+)?(?:they|these|those|such)\b",
    re.IGNORECASE,
)


# a phrase pointing at something an earlier sentence named ("both traps", "these results")
_REFERS_BACK = re.compile(
    r"\b(?:both|these|those|such|the\s+two|the\s+above|aforementioned)\s+[a-z]", re.IGNORECASE
)


def _leans_back(text: str) -> bool:
    """A sentence still leaning on one before it: a connective left on ("Thus, SM, i.e., ...",
    whose comma reads as a list's, so no opener was taken off), or what the authors say of things
    named before."""
    return _opens_unresolved(text, referents=False) or _SAID_OF_UNSHOWN.match(text) is not None


@lru_cache(maxsize=2)
def _unresolved_opening(referents: bool) -> re.Pattern[str]:
    """An opening that points at a sentence the reader is not shown: a connective ("But",
    "Moreover") or, with ``referents``, a referent no sentence before introduced ("The method,
    called DDP, ...", "The authors ..."); the lint's own lists (lexicon/lint_connectives.txt,
    lint_anaphors.txt)."""
    names = ("lint_connectives", "lint_anaphors") if referents else ("lint_connectives",)
    phrases = sorted((phrase for name in names for phrase in lexicon_words(name)), key=len)
    alternation = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases[::-1])
    return re.compile(rf"^\W*(?:{alternation})(?![\w-])", re.IGNORECASE)


def _opens_unresolved(text: str, *, referents: bool) -> bool:
    """Whether a quoted sentence leans on one before it: an unresolved opening, or a causal
    adverb among its first words ("A variational Bayesian learning setting is thus proposed").
    ``referents``: the sentence is all the answer says of the paper, so "The model ..." has no
    sentence about the paper before it to point at."""
    return bool(
        _unresolved_opening(referents).match(text)
        or re.search(r"\b(?:thus|therefore|hence|consequently)\b", " ".join(text.split()[:8]), re.I)
    )


# a turn with no comma after it, before a word in lower case: "Yet results to date ..."
_BARE_TURN_OPENING = re.compile(r"(?:Yet|But|Still)\s+(?=[a-z])")

# what the authors expect or hope ("will revolutionize ...", "should be an initial step toward
# ..."), not what the paper does
_OUTLOOK = re.compile(r"\b(?:will|would|should|could|might|hope|believe|envision)\b", re.I)

# a lead naming a term its papers share ("Draft heads are common to A and B")
_COMMON_TO = re.compile(r"^(.+?) (?:is|are) common to ")

# A comparison's section below its ground: what sets the papers apart, or, where nothing does,
# what each does
_DIFFERS = "How each differs"
_EACH_DOES = "What each does"

# A sentence whose subject is the paper ("We adopt ...", "In this work, we ...", "Our method
# ...", "This paper ..."), as opposed to one about its experiments ("Extensive experiments
# validate ... a new SOTA in speculative decoding").
_BY_THE_PAPER = re.compile(
    r"^(?:[^,.;]{0,60},\s*)?(?:we|our|this (?:paper|work|study)|here,? we)\b", re.IGNORECASE
)


# a question asking for the problem a paper takes on ("What problem does X address?", "What
# limitation of existing methods does X tackle?", "Why was X needed?")
_ASKS_PROBLEM = re.compile(
    r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?:problems?|limitations?|challenges?|gaps?|issues?|"
    r"shortcomings?|bottlenecks?|difficult(?:y|ies))\b|"
    r"\bwhy\s+(?:was|is|were|are)\b.*\b(?:needed|necessary)\b",
    re.IGNORECASE,
)

# "what does each loss target", "how does every method ...": the noun a clause asks of each paper
_OF_EACH = re.compile(r"\b(?:each|every)\s+([A-Za-z][\w-]*)")
_EACH_TOKENS = frozenset(bm25.tokenize("each every"))


def _opened_rewrite(text: str, subject: str) -> str:
    """``rewrite`` of a sentence whose opener it keeps ("With model compression techniques such
    as quantization and entropy coding, we consistently show over 25x reduced storage ..."):
    the authors' clause after it takes the subject, as it would opening the sentence ("...,
    Compact 3D Gaussian Splatting consistently shows ..."), where a mid-sentence "we" would be
    "the authors" and the figure would lead without the paper's name."""
    rest = _after_kept_opener(text)
    if rest == text or subject in ("It", "They") or not re.match(r"we\s", rest):
        return rewrite(text, subject)
    return f"{text[: len(text) - len(rest)]}{rewrite(sentence_case(rest), subject)}"


def _after_kept_opener(text: str) -> str:
    """A sentence after the opener a quote keeps (where its claim holds, what its figure is
    measured against, what it holds with: "With model compression techniques such as
    quantization and entropy coding, we consistently show over 25x reduced storage ...")."""
    opener = scope_opener(text, before_we=False, using=True) or baseline_opener(text)
    return text[len(opener) :].lstrip(" ,") if opener else text


@lru_cache(maxsize=1)
def _field_acronym_tokens() -> frozenset[str]:
    """The field's acronyms as tokens, read once rather than on every topic question."""
    return frozenset(token for word in common_acronyms() for token in bm25.tokenize(word))


def _own_claim(
    view: _PaperView,
    item: EvidenceSentence,
    contribution: EvidenceSentence | None,
    said: Sequence[DraftSentence],
) -> bool:
    """Whether a sentence says what the paper itself does or reports, as a sentence added to say
    why it is compared or cited must: from its contribution on (or, where none is marked, by the
    paper or as a result or setting), not the field it starts from ("It has recently been
    conjectured that ...", "Generative models have made significant impacts ..."), its outlook,
    a question or others' work; no longer than the paper's long sentences, and not what is
    already said of it."""
    text = view.sentences[item.index]
    return (
        (
            item.index >= contribution.index
            if contribution is not None
            else _BY_THE_PAPER.match(text) is not None
            or view.roles[item.index] in ("result", "setting")
        )
        and _OUTLOOK.search(text) is None
        and not states_the_field(text)
        and not text.rstrip().endswith("?")
        and _OTHERS_WORK.search(text) is None
        and len(text.split()) <= view.long_words
        and not any(overlaps(text, sentence.text) for sentence in said)
    )


def _says_together(text: str, topic: str) -> bool:
    """Whether a sentence writes some part of the topic whole, generic words too, its words near
    one another (at most two words between two of them), not scattered: "MaMs achieve orders of
    magnitude speedup" does not say "learned orders", "cross-entropy loss" does not say "entropy
    coding", nor "the reasons behind model prediction errors ... attribution algorithms" "neural
    algorithmic reasoning"; "the learned value function can be leveraged to guide the tree
    search" says "value-guided search"."""
    tokens = bm25.tokenize(text)
    for part in _parts_of(topic):
        wanted = list(dict.fromkeys(part))
        places = [[at for at, token in enumerate(tokens) if token == word] for word in wanted]
        if not wanted or not all(places):
            continue
        # every word of the part within a window as long as the part and two words per gap
        span = 3 * len(wanted) - 2
        starts = {
            start for anchor in places[0] for start in range(max(0, anchor - span + 1), anchor + 1)
        }
        if any(
            all(any(start <= spot < start + span for spot in spots) for spots in places)
            for start in starts
        ):
            return True
    return False


@lru_cache(maxsize=64)
def _parts_of(topic: str) -> tuple[tuple[str, ...], ...]:
    """The topic's parts, parsed once per request rather than once per sentence checked."""
    return tuple(tuple(part) for part in topic_parts(topic))


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    return frozenset(lexicon_words("negations"))


@lru_cache(maxsize=1)
def _connectives() -> frozenset[str]:
    """Words that open a sentence by pointing at the one before it (the output lint's list)."""
    return frozenset(word.lower() for word in lexicon_words("lint_connectives"))
