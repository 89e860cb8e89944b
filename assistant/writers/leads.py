"""A group's lead sentence: what the papers of one group have in common, in their own words.

Papers grouped because they work alike share a term of their trade that the rest of the evidence
does not ("sample selection", "speculation heads", "prompt tuning"). The lead names it and the
papers that use it, each cited, before the paragraph says what each one does:

    "Sample selection is common to DeYO, Open-Set TTA and EATA [a][b][c]."

The term is taken verbatim from the sentences in which each paper says what it does (never from
its background), must occur in every paper the lead cites, must say more than the question
already does, and must be rare in the collection (a term most abstracts use is no common thread).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from assistant import bm25
from assistant.models import DraftSentence, Paper
from assistant.text.analysis import CONTRAST
from assistant.text.lexicon import words
from assistant.text.names import reads_as_clause
from assistant.text.tokens import STOPWORDS, idf, sentence_case
from assistant.writers.synthesis import count_phrase
from assistant.writers.views import _GENERIC, _PaperView

DocumentFrequency = Callable[[str], int]


class TitleTerms:
    """How many of the collection's titles hold a run of stems: where the collection names its
    subjects ("vision-language models", "sequential recommendation"), as opposed to phrases an
    abstract happens to use ("potential conflicts", "average absolute errors"). The titles are
    read and tokenized on first use only, since most answers never need them."""

    def __init__(self, titles: Callable[[], Sequence[str]]) -> None:
        self._titles = titles
        self._runs: dict[tuple[str, ...], int] | None = None

    def __call__(self, stems: tuple[str, ...]) -> int:
        if self._runs is None:
            runs: dict[tuple[str, ...], int] = {}
            for title in self._titles():
                tokens = bm25.tokenize(title)
                seen = {
                    tuple(tokens[start : start + length])
                    for length in range(1, len(tokens) + 1)
                    for start in range(len(tokens) - length + 1)
                    if length <= _LONGEST_STEMS
                }
                for run in seen:
                    runs[run] = runs.get(run, 0) + 1
            self._runs = runs
        return self._runs.get(stems, 0)


class AnswerTerms:
    """Which of an answer's papers write a term (stems in a row, in the title or the abstract).

    A term nearly every paper of the answer writes ("time series" under a request on forecasting
    with side information) is the ground they all stand on: like the request's own words, it sets
    no group apart. Nor does one that more papers of the answer write outside a group than in
    it: "Time series forecasting is common to PatchTST and Time-LLM" led a paragraph of an
    answer in which five other papers forecast time series (a blind reader: "empty as a
    finding")."""

    def __init__(self, views: Sequence[_PaperView], *, ground_share: float, ground_papers: int):
        # each paper's stems, spaced, so a run of stems is a substring between spaces
        self._texts = {
            view.paper.id: f" {' '.join(bm25.tokenize(f'{view.paper.title} . {view.paper.abstract}'))} "
            for view in views
        }
        self._ground_share = ground_share
        self._ground_papers = ground_papers

    def writers(self, stems: tuple[str, ...]) -> frozenset[str]:
        run = f" {' '.join(stems)} "
        return frozenset(paper_id for paper_id, text in self._texts.items() if run in text)

    def everywhere(self, stems: tuple[str, ...]) -> bool:
        """Whether nearly every paper of the answer writes it (never below ``ground_papers``)."""
        if len(self._texts) < self._ground_papers:
            return False
        return len(self.writers(stems)) >= self._ground_share * len(self._texts)

    def sets_apart(self, stems: tuple[str, ...], group: Sequence[_PaperView]) -> bool:
        """Whether more of the group's papers write it than the answer's papers outside it."""
        writers = self.writers(stems)
        inside = {view.paper.id for view in group} & writers
        return len(writers - inside) < len(inside)


_LEAD_ROLES = frozenset(("contribution", "method"))
_GROUND_ROLES = frozenset(("background", "problem", "setting", "contribution", "method"))
# Endings of a word that modifies rather than names (past participles, adverbs, adjectives).
_MODIFIER_END = re.compile(r"(?:ed|ly|ble|ous|ful|ive)$", re.IGNORECASE)
_ADJECTIVE_END = re.compile(r"(?:ic|al|ary|ant)$", re.IGNORECASE)
# A title's verb opening a run ("Boosting Speculative Decoding", "Accelerating Large Language
# Models"): the words after it name the ground.
_GERUND = re.compile(r"^[a-z]{3,}ing\s", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*")
# A term of the trade: two or three words (a single word is rarely specific, four is a clause);
# fixed, as what a "term" is.
_SHORTEST, _LONGEST = 2, 3
# ... in stems: three words of which some are hyphenated ("pre-trained vision-language models")
_LONGEST_STEMS = 6
# How rare a term's words must be: settings.writer.lead_common_share / lead_ubiquitous_share.


@dataclass(frozen=True)
class _Term:
    stems: tuple[str, ...]
    surface: str  # as a paper writes it, mid-sentence where one does (so its case is its own)
    members: tuple[int, ...]  # indices into the group's views that use it
    weight: float
    # some paper's use of it ends a phrase (punctuation or a function word follows); a run every
    # paper continues is part of a longer one ("structural parametric | model errors", "specify
    # any | distribution") and names nothing on its own
    whole: bool = False
    # the words that follow it in every paper that uses it (a run all continue alike)
    continued: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lead:
    """A lead sentence and the stems of the term it names (so what follows need not repeat it)."""

    sentence: DraftSentence
    stems: tuple[str, ...]


def group_lead(
    views: Sequence[_PaperView],
    skip: set[str],
    *,
    document_frequency: DocumentFrequency | None,
    collection_size: int | None,
    common_share: float,
    ubiquitous_share: float,
    title_terms: Callable[[tuple[str, ...]], int] | None = None,
    label_words: int | None = None,
    answer_terms: AnswerTerms | None = None,
) -> Lead | None:
    """The lead sentence for one group of two or more papers, or None when they share no term
    that would tell the reader something. Without ``title_terms`` only what they do can lead.
    With ``label_words``, a group whose labels come to more words than that is counted, not
    listed."""
    if len(views) < 2:
        return None

    # What they do comes first; when they share nothing there, the ground they work on (RLCF
    # and DiffTPT: "vision-language models", said in their background and named by titles of
    # the collection) still tells the reader why they stand together.
    def best_in(
        roles: frozenset[str], *, titled: Callable[[tuple[str, ...]], int] | None = None
    ) -> _Term | None:
        return _best_term(
            views,
            skip,
            roles,
            titled=titled,
            document_frequency=document_frequency,
            collection_size=collection_size,
            common_share=common_share,
            ubiquitous_share=ubiquitous_share,
            answer_terms=answer_terms,
        )

    best, on_ground = best_in(_LEAD_ROLES), False
    if best is None and title_terms is not None:
        best, on_ground = best_in(_GROUND_ROLES, titled=title_terms), True
        if best is not None and len(best.members) < len(views):
            # a ground only some of them work on says nothing of why the group stands together
            best = None
    if best is None:
        return None
    cited = [views[index] for index in sorted(best.members)]
    labels = [view.label for view in cited]
    joined = joined_labels(labels)
    texts = [text for view in cited for text in view.sentences]
    surface = _usual_case(_own_case(best.surface), texts)
    # "Time-series foundation is common to MOMENT and Sundial": each of them writes "... foundation
    # models", so the term ends on its head noun as they do
    head = next((stem for stem in sorted(best.continued) if stem in _heads()), None)
    if head is not None:
        surface = _with_head(surface, head, texts)
    papers = [view.sentences for view in cited]
    surface = _plural_as_written(_whole_name(surface, papers), papers, every=not on_ground)
    if on_ground:
        surface = _without_lone_artefact(surface)
    if label_words is not None and sum(len(label.split()) for label in labels) > label_words:
        counted = count_phrase(len(cited), "paper")
        text = f"{counted} {'work on' if on_ground else 'share'} {surface}"
    elif on_ground:
        text = f"{joined[:1].upper()}{joined[1:]} {'both' if len(cited) == 2 else 'all'} work on {surface}"
    else:
        # "draft heads are", "BLEU score is"
        verb = "are" if re.search(r"[^su]s$", surface) else "is"
        text = f"{sentence_case(surface)} {verb} common to {joined}"
    return Lead(DraftSentence(text, [view.paper.id for view in cited]), best.stems)


# a label told apart from another paper's by what its title adds: "MEDIDA (quasi-geostrophic
# turbulence test case)"
_TOLD_APART = re.compile(r"^(?P<name>.+?) \((?P<apart>[^()]+)\)$")


def joined_labels(labels: Sequence[str]) -> str:
    """Labels listed in a sentence ("A, B and C"), the papers that share one name said once, by
    it: "Error discovery is common to the two MEDIDA papers" where it was "common to MEDIDA
    (chaotic Kuramoto-Sivashinsky test case) and MEDIDA (quasi-geostrophic turbulence test
    case)" (review82); the citation after the sentence still tells them apart."""
    names = [
        match.group("name") if (match := _TOLD_APART.match(label)) else None for label in labels
    ]
    listed: list[str] = []
    said: set[str] = set()
    for label, name in zip(labels, names, strict=True):
        if name is None or names.count(name) < 2:
            # a title that is itself a clause is quoted: "Weak learners are common to
            # PromptBoosting and Language models are weak learners" ran it into the sentence
            # (review83)
            quoted = reads_as_clause(label) and not label.startswith(("“", '"'))
            listed.append(f"“{label}”" if quoted else label)
        elif name not in said:
            said.add(name)
            number = count_phrase(names.count(name), "paper").split()[0].lower()
            listed.append(f"the {number} {name} papers")
    if len(listed) == 1:
        return listed[0]
    return f"{', '.join(listed[:-1])} and {listed[-1]}"


def _best_term(
    views: Sequence[_PaperView],
    skip: set[str],
    roles: frozenset[str],
    *,
    document_frequency: DocumentFrequency | None,
    collection_size: int | None,
    common_share: float,
    ubiquitous_share: float,
    titled: Callable[[tuple[str, ...]], int] | None = None,
    answer_terms: AnswerTerms | None = None,
) -> _Term | None:
    """The rarest term most of the group's papers use in sentences of the given roles. With
    ``titled`` (the ground they work on) it must be a subject some title of the collection names,
    it may end on a generic head ("vision-language models": the ground is a kind of model, where
    what a paper does is never just "a model"), and the longest such term wins ("time series
    forecasting" over "series forecasting")."""
    found: dict[tuple[str, ...], _Term] = {}
    for position, view in enumerate(views):
        # The ground a paper works on is named by its title as much as by its background
        # ("Selective State Space Models" in two titles whose abstracts say "selective SSMs").
        following: dict[tuple[str, ...], set[str]] = {}
        for stems, surface, whole, after in _terms(view, roles, title=titled is not None):
            following.setdefault(stems, set()).update(after)
            term = found.get(stems)
            if term is None:
                found[stems] = _Term(stems, surface, (position,), 0.0, whole)
                continue
            members = term.members if position in term.members else (*term.members, position)
            # a sentence-initial "Sample selection" gives way to a mid-sentence spelling
            kept = surface if term.surface.startswith("^") else term.surface
            found[stems] = _Term(stems, kept, members, 0.0, term.whole or whole, term.continued)
        for stems, nexts in following.items():
            term = found[stems]
            alike = frozenset(nexts) if term.members == (position,) else term.continued & nexts
            found[stems] = _Term(stems, term.surface, term.members, term.weight, term.whole, alike)
    candidates = []
    for term in found.values():
        # "recommender systems" under "production recommender models": the question's own words
        # and a generic head say nothing it did not
        if len(term.members) < 2 or all(stem in skip or stem in _heads() for stem in term.stems):
            continue
        if any(stem in skip for stem in term.stems) and all(
            stem in skip or stem in _heads() or stem in _task_nouns() for stem in term.stems
        ):
            # "MetaKP and UniKeyphrase both work on keyphrase prediction" under "keyphrase
            # generation": the request again in other words (review25n #6: "filler as the only
            # shared point")
            continue
        if titled is not None and not titled(term.stems):
            continue
        if answer_terms is not None and (
            answer_terms.everywhere(term.stems) or not answer_terms.sets_apart(term.stems, views)
        ):
            continue  # what the answer's other papers write as much sets no group apart
        named = term.stems[:-1] if titled is not None and term.stems[-1] in _heads() else term.stems
        if len(named) < 2 or any(
            stem in _GENERIC or stem in _fluff() for stem in (named[0], named[-1])
        ):
            continue
        if term.surface.rsplit(" ", 1)[-1].lower() in _end_words():
            continue  # "correlation between": cut before its object
        if term.surface.lstrip("^").split(" ", 1)[0].lower() in _end_words():
            continue  # "both work on via random": cut after its preposition (t008)
        if _MODIFIER_END.search(term.surface):
            continue  # "carried out", "widely applicable": a term of the trade ends on a noun
        if _opens_on_adverb(term.surface, document_frequency):
            continue  # "Empirically validate is common to ...": a verb phrase, no term
        if titled is None and not term.whole:
            continue
        if _cut_from_a_name(term.surface, [views[index].sentences for index in term.members]):
            continue  # "Short-Term memory is common to ...": of "Long Short-Term Memory"
        if named in _field_runs() or term.stems in _field_runs():
            continue  # "both work on artificial intelligence": the whole field, no ground
        if term.stems in _subfields() and any(stem in skip for stem in term.stems):
            continue  # "Computer vision is common to ..." under "vision transformers"
        if (
            titled is not None
            and _GERUND.match(_own_case(term.surface))
            and any(
                re.search(rf"(?:^|:\s*){re.escape(term.surface.lstrip('^').split()[0])}\s", title)
                for title in (views[index].paper.title for index in term.members)
            )
        ):
            # "both work on boosting speculative decoding": the verb a title opens on
            # ("SpecDec++: Boosting Speculative Decoding via ..."); the ground is what it boosts
            continue
        if titled is not None and not term.whole and term.continued:
            # a ground every paper goes on with the same word is cut from a longer one: "both
            # work on interpretable structural model" (of "... model error discovery" and
            # "... model errors")
            continue
        rarity = [_idf(stem, document_frequency, collection_size) for stem in named]
        if collection_size and (
            max(rarity) < math.log(1 / common_share) or min(rarity) < math.log(1 / ubiquitous_share)
        ):
            continue
        weight = len(term.members) * 10 + sum(rarity) / len(rarity)
        if titled is not None:
            weight = len(term.members) * 10 + len(term.stems)
        candidates.append(replace(term, weight=weight))
    if not candidates:
        return None
    # "series forecasting" within "time series forecasting", used by the same papers: the cut
    # run is rarer word for word, so it would win, and the reader gets half a term; the whole
    # one leads unless it opens on a word that only qualifies ("effective sample selection")
    whole_terms = [term for term in candidates if not _qualifies(term.surface.lstrip("^"))]
    candidates = [
        term
        for term in candidates
        if not any(
            len(other.stems) > len(term.stems)
            and other.members == term.members
            and _within(term.stems, other.stems)
            for other in whole_terms
        )
    ]
    return max(candidates, key=lambda term: (term.weight, len(term.stems)))


def _without_lone_artefact(surface: str) -> str:
    """A ground said without the singular artefact noun each paper closes it on: "Quamba2 and
    Q-VLM both work on post-training quantization framework" (each writes "a ... post-training
    quantization framework") reads as a word missing; what they work on is "post-training
    quantization". A plural ("vision-language models") names the subject and stays."""
    head, _, last = surface.rpartition(" ")
    if len(head.split()) >= 2 and last.lower() in _artefacts():
        return head
    return surface


def _opens_on_adverb(surface: str, document_frequency: DocumentFrequency | None) -> bool:
    """Whether a term's first word is an adverb: it ends in "ly" and, without it, is a word the
    collection writes ("empirically" -> "empirical", "jointly", "easily" -> "easy"); "anomaly",
    "family" or "assembly" are nouns, whose stems no paper writes."""
    first = surface.split(" ", 1)[0].lower()
    if document_frequency is None or len(first) <= 4 or not first.endswith("ly"):
        return False
    bases = [first[:-2]]
    if first.endswith("ily"):
        bases.append(f"{first[:-3]}y")
    return any(
        (tokens := bm25.tokenize(base)) and document_frequency(tokens[0]) > 0
        for base in bases
        if len(base) > 2
    )


def _qualifies(surface: str) -> bool:
    """Whether a term opens on a word that qualifies rather than names ("effective",
    "proposed", "recently"): a modifier's or an adjective's ending on a part of its first word."""
    first = surface.split(" ", 1)[0]
    return any(
        _MODIFIER_END.search(part) or _ADJECTIVE_END.search(part)
        for part in re.findall(r"\w+", first)
    )


def _within(inner: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    size = len(inner)
    return any(outer[start : start + size] == inner for start in range(len(outer) - size + 1))


# a sentence about others' work, by its opening
_OTHERS_OPENING = re.compile(
    # ("The majority of existing work focuses on accelerating image classification": "... both
    # work on image classification" was said of an FPGA paper on detection; review46)
    r"\W*(?:(?:the\s+)?(?:majority|most|many|much)\s+of\s+(?:the\s+)?)?"
    r"(?:much|some|recent|prior|previous|earlier|existing|related|past|current)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:work|works|studies|research|methods|approaches|literature|efforts)\b",
    re.IGNORECASE,
)


def _terms(
    view: _PaperView, roles: frozenset[str], *, title: bool = False
) -> tuple[tuple[tuple[str, ...], str, bool, tuple[str, ...]], ...]:
    return _paper_terms(view.paper, roles, title)


@lru_cache(maxsize=8192)  # a paper's, whatever the answer: found once per process
def _paper_terms(
    paper: Paper, roles: frozenset[str], title: bool
) -> tuple[tuple[tuple[str, ...], str, bool, tuple[str, ...]], ...]:
    """Every run of two or three words of the sentences of the given roles (and of the title,
    with ``title``), as (stems, surface); runs across punctuation or starting/ending on a stop
    word are no terms. A run that opens its sentence is marked with a leading "^" (its capital may
    not be its own), one from the title with "^^" (title case: no capital need be its own)."""
    out: list[tuple[tuple[str, ...], str, bool, tuple[str, ...]]] = []
    analysis = paper.analysis
    texts = [
        (sentence, False)
        for sentence, role in zip(analysis.sentences, analysis.roles, strict=True)
        if role in roles
    ]
    if title:
        texts.append((paper.title, True))
    first_person, heads = _first_person(), _heads()
    generic_or_heads = _GENERIC | heads
    for sentence, titled in texts:
        # "Unlike speculative decoding approaches that ..., EAD accepts ...": what a paper sets
        # itself apart from is no term it shares ("Speculative decoding is common to SpecDec++
        # and EAD" was said of a paper that contrasts itself with it)
        sentence = sentence if titled else CONTRAST.sub(" ", sentence)
        if not titled and _OTHERS_OPENING.match(sentence):
            # "Recent work has introduced edit-based models for various tasks (such as neural
            # machine translation ...)": the ground of others' work, not the paper's ("EISL and
            # Learning to Model Editing Processes both work on machine translation"; review43)
            continue
        for number, piece in enumerate(re.split(r"[,.;:()\[\]\"']", sentence)):
            tokens = _WORD.findall(piece)
            lowered = [token.lower() for token in tokens]
            # each word's stems once, not once per run it is in
            word_stems = [bm25.tokenize(token) for token in tokens]
            for length in range(_SHORTEST, _LONGEST + 1):
                for start in range(len(tokens) - length + 1):
                    end = start + length
                    if lowered[start] in STOPWORDS or lowered[end - 1] in STOPWORDS:
                        continue
                    if not first_person.isdisjoint(lowered[start:end]):
                        continue  # "Allowing us": the abstract's authors, no shared term
                    # A word may give more than one stem ("zero-shot", "vision-language"); a
                    # word that gives none is a stop word inside ("test of time"): no term.
                    per_word = word_stems[start:end]
                    if not all(per_word):
                        continue
                    run = tokens[start:end]
                    stems = tuple(stem for word in per_word for stem in word)
                    initial = "^^" if titled else "^" if number == 0 and start == 0 else ""
                    surface = " ".join(run)
                    following = tokens[end : end + 1]
                    after_stems = word_stems[end] if following else []
                    head = set(after_stems) if titled else set()
                    if head and head <= heads:
                        # "Selective State Space | Models": a title's term ends on its noun
                        surface = f"{surface} {following[0]}"
                    # the run ends its phrase: nothing follows, a function word does, or a
                    # generic head ("sample selection | strategy", "denoising diffusion | process")
                    # ... unless the run ends on a word that reads as an adjective ("structural
                    # parametric | model errors"): then only a function word or punctuation
                    whole = (
                        not after_stems
                        # "cold collisionless dark matter | do not reproduce": a verb ends it
                        or lowered[end] in _AUXILIARIES
                        or (
                            set(after_stems) <= generic_or_heads
                            and not _ADJECTIVE_END.search(run[-1])
                        )
                    )
                    out.append((stems, initial + surface, whole, tuple(after_stems[:1])))
    return tuple(out)


def _with_head(surface: str, head: str, texts: Sequence[str]) -> str:
    """The term with the head noun (of stem ``head``) its papers write after it, as they
    write it ("models", "model")."""
    spaced = _spaced(surface)
    for text in texts:
        for match in re.finditer(rf"\b{spaced}[\s-]+([A-Za-z]+)\b", text, re.IGNORECASE):
            if bm25.tokenize(match.group(1)) == [head]:
                return f"{surface} {match.group(1).lower()}"
    return surface


def _spaced(surface: str) -> str:
    """A pattern for ``surface`` as its papers may write it, spaces and hyphens alike."""
    return r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", surface))


def _whole_name(surface: str, papers: Sequence[Sequence[str]]) -> str:
    """The term with the word every paper writes right before it, when that word and the term
    are a name some paper capitalises: "Carlo tree search" -> "Monte Carlo tree search",
    "Short-Term memory" -> "Long Short-Term memory" (a term is at most a few words, a name may be
    longer)."""
    for _ in range(_NAME_WORDS_BEFORE):
        # (a term in lower case is cut from a name only where some paper capitalises it
        # whole: "differential equation" of "Partial Differential Equations", review57's
        # "both work on differential equation"; "error discovery" is used as no name)
        lower = not surface[:1].isupper()
        spaced = _spaced(surface)
        pattern = re.compile(rf"(?<=\s)([A-Za-z][\w-]*)\s+({spaced})(?:e?s)?\b", re.IGNORECASE)
        before: set[str] | None = None
        named: dict[str, str] = {}
        common: set[str] = set()  # words some paper writes before it in lower case
        for sentences in papers:
            found = set()
            for sentence in sentences:
                for match in pattern.finditer(sentence):
                    word = match.group(1)
                    found.add(word.lower())
                    if word[:1].isupper() and match.group(2)[:1].isupper():
                        named[word.lower()] = word
                    elif word[:1].islower():
                        common.add(word)
            before = found if before is None else before & found
        if not before or len(before) != 1:
            return surface
        word = next(iter(before))
        if word not in named or (lower and word not in common):
            # "the transformer architecture": words before a term, no name; "error discovery"
            # of "Model Error Discovery" alone: the name's, never written as a term
            return surface
        surface = f"{word if lower else named[word]} {surface}"
    return surface


def _cut_from_a_name(surface: str, papers: Sequence[Sequence[str]]) -> bool:
    """Whether a capitalised term is the tail of a longer name some paper writes ("Short-Term
    Memory" of "Bidirectional Long Short-Term Memory") that ``_whole_name`` cannot restore, the
    papers writing different words before it ("long and short term memory" in the other)."""
    if surface.startswith("^") or not surface[:1].isupper():
        return False
    if _whole_name(surface, papers) != surface:
        return False
    pattern = re.compile(rf"(?<=[\w,] )[A-Z][\w-]*\s+{_spaced(surface)}\b")
    return any(pattern.search(sentence) for sentences in papers for sentence in sentences)


def _plural_as_written(surface: str, papers: Sequence[Sequence[str]], *, every: bool = True) -> str:
    """The term in the plural where every paper of the group writes it so ("Step sizes are common
    to ...", not "Step size is ..." with a count noun alone); a term one of them writes only in
    the singular ("draft head") stays as the papers write it, since the lead must be in each.
    A ground they work on (``every`` False) is plural where any of them writes it so: "both work
    on partial differential equations", not "... on partial differential equation" of a paper
    writing "partial differential equation (PDE)-constrained optimization"."""
    if re.search(r"(?:s|ing)$", surface) or not re.search(r"[a-z]$", surface) or not papers:
        return surface
    spaced = _spaced(surface)
    plural = re.compile(rf"\b{spaced}(e?s)\b", re.IGNORECASE)
    endings = set()
    for sentences in papers:
        found = [match.group(1).lower() for text in sentences for match in plural.finditer(text)]
        if not found and every:
            return surface
        endings.update(found[:1])
    return f"{surface}{sorted(endings)[0]}" if endings else surface


_NAME_WORDS_BEFORE = 2  # "Long Short-Term Memory" from "Short-Term memory"


def _idf(stem: str, frequency: DocumentFrequency | None, size: int | None) -> float:
    if frequency is None or not size:
        return 1.0
    return idf(frequency(stem), size)


def _own_case(surface: str) -> str:
    """ "^Sample selection" (sentence-initial) -> "sample selection"; "^^Selective State Spaces"
    (from a title) -> "selective state spaces", "^^Post-Training Quantization" -> "post-training
    quantization"; "CLIP reward", "Fisher regularizer" met mid-sentence keep their capitals, as do
    "LLMs", "ImageNet-C" and "DeYO" anywhere."""
    if surface.startswith("^^"):
        return " ".join(_uncapitalised(word) for word in surface[2:].split(" "))
    if not surface.startswith("^"):
        return surface
    first, _, rest = surface[1:].partition(" ")
    first = _uncapitalised(first)
    return f"{first} {rest}" if rest else first


def _usual_case(surface: str, texts: Sequence[str]) -> str:
    """A capitalised word of a term in lower case where its papers also write it so: "Model
    Error Discovery with Interpretability (MEDIDA)" capitalises for its acronym, while the same
    abstracts say "model errors" and "equation-discovery" (and "Post-Training Quantization (PTQ)"
    beside "post-training"); "Fisher regularizer" and "Bayesian" keep their capitals, never
    written in lower case."""
    if any(
        any(character.isupper() for character in part[1:])
        for word in surface.split(" ")
        for part in word.split("-")
    ):
        # a term spelling out its acronym ("SHapley Additive exPlanations"): its capitals are
        # the acronym's letters, which "additive manufacturing" elsewhere does not make lower
        return surface
    joined = " ".join(texts)
    said = []
    for word in surface.split(" "):
        # each part of a hyphenated word capitalised on its own ("Post-Training")
        parts = word.split("-")
        if all(
            part[:1].isupper() and (part[1:].islower() or not part[1:]) for part in parts
        ) and re.search(rf"\b{re.escape(word.lower())}s?\b", joined):
            word = word.lower()
        said.append(word)
    return " ".join(said)


def _uncapitalised(word: str) -> str:
    """A word whose only capital is the one title case or a sentence start gave it, in lower case;
    each part of a hyphenated word on its own ("Post-Training", "ImageNet-C")."""
    parts = word.split("-")
    if any(sum(character.isupper() for character in part) >= 2 for part in parts):
        return word  # a name ("ImageNet-C", "Transformer-XL")
    return "-".join(part.lower() if part[1:].islower() else part for part in parts)


_AUXILIARIES = frozenset(
    ("do", "does", "did", "is", "are", "was", "were", "has", "have", "had", *words("modals"))
)


@cache
def _first_person() -> frozenset[str]:
    return frozenset(words("first_person"))


@cache
def _end_words() -> frozenset[str]:
    return frozenset(words("lint_heading_end_words"))


@cache
def _task_nouns() -> frozenset[str]:
    return frozenset(stem for entry in words("task_nouns") for stem in bm25.tokenize(entry))


@cache
def _artefacts() -> frozenset[str]:
    return frozenset(words("artefact_nouns"))


@cache
def _heads() -> frozenset[str]:
    return frozenset(bm25.tokenize(" ".join(words("generic_heads"))))


@cache
def _field_runs() -> frozenset[tuple[str, ...]]:
    """The stems of each phrase naming the collection's whole field ("artificial intelligence",
    "deep neural networks")."""
    return frozenset(tuple(bm25.tokenize(phrase)) for phrase in words("field_phrases"))


@cache
def _subfields() -> frozenset[tuple[str, ...]]:
    """The stems of each area of the field named by what it works on ("computer vision")."""
    return frozenset(tuple(bm25.tokenize(phrase)) for phrase in words("subfields"))


@cache
def _fluff() -> frozenset[str]:
    return frozenset(bm25.tokenize(" ".join(words("lead_fluff"))))


def filler_stems() -> frozenset[str]:
    """The stems of the words no term of the trade starts or ends on ("novel", "rather")."""
    return _fluff()
