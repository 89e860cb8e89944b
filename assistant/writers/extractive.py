"""The extractive engine: offline, deterministic, every claim an abstract sentence.

It selects and orders evidence sentences, rewrites them only in ways that cannot change a claim
("In this work, we propose X" → "<label> proposes X"; "our" → "its"), groups papers by what they
do, and writes connective sentences that carry no facts of their own (no citation, no number, no
method name beyond the labels of cited papers).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from assistant import bm25
from assistant.models import Draft, DraftSentence, Evidence, EvidenceSentence, Paper, Task
from assistant.text import acronyms
from assistant.text.claims import standalone
from assistant.text.names import method_name, short_label
from assistant.text.query import FRAMING_TOKENS, content_tokens, split_clauses
from assistant.text.roles import sentence_roles, states_contribution
from assistant.text.sentences import abstract_sentences, clean_sentence
from assistant.text.tokens import STOPWORDS
from assistant.writers.base import TextSink, Writer
from assistant.writers.synthesis import count_phrase, paper_claims, say_paper


def _words(text: str) -> list[str]:
    return text.split()


DocumentFrequency = Callable[[str], int]

_NUMBER_WORDS = (
    "No",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
)
_MAX_GROUPS = 4
_THEME_LENGTH = {1: 0.8, 2: 1.0, 3: 1.0}
_RARE_IDF = 4.0  # a single ordinary word is distinctive only if few papers of the collection use it
_LONG_SENTENCE = 45  # words; longer sentences are used only when nothing shorter says the same
_GROUP_SIMILARITY = 0.25  # average-link cosine (tf-idf) at which two groups of papers merge

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
_GENERIC_HEADS = frozenset(
    _words(
        "method approach framework model technique algorithm criterion strategy scheme paradigm "
        "pipeline mechanism module procedure system architecture network task problem setting"
    )
)
_BREAK_WORDS = frozenset(
    _words(
        "is are was were be been being can could may might will would shall should must which "
        "that who whose where when while whereas we our us it its they their this these those and "
        "or but of for with by on in into onto to from as at than via under over without within "
        "between among through across the a an both either neither each such not no also only "
        "then so very more most less has have had do does did using based show shows propose "
        "proposes introduce introduces present presents achieve achieves outperform outperforms "
        "demonstrate demonstrates improve improves enable enables allow allows called named "
        "dubbed termed per up out off versus vs i.e e.g use uses used leverage leverages employ "
        "employs require requires provide provides make makes made yield yields inspired "
        "motivated designed trained learned obtained derived given known proposed compared"
    )
)
_PHRASE_TOKEN = re.compile(r"[\w'’+\-σ.]*[\w+σ]|[^\w\s]")
_OPENER = re.compile(
    r"^(?:(?:in this (?:paper|work|study|article)|here|to this end|to address (?:this|these|"
    r"the above)"
    r"(?: \w+){0,3}|to (?:overcome|mitigate|tackle|solve|alleviate|remedy|fill) (?:this|these|it|"
    r"them)"
    r"(?: \w+){0,2}|motivated by (?:this|these)(?: \w+){0,2}|building (?:up)?on (?:this|"
    r"these)(?: \w+){0,2}|"
    r"based on (?:this|these|such)(?: \w+){0,2}|inspired by (?:this|these)(?: \w+){0,2}|"
    r"specifically|"
    r"moreover|furthermore|additionally|in addition|finally|first|firstly|second|secondly|third|"
    r"thirdly|thus|therefore|concretely|in particular|accordingly|hence|next|then|besides|overall|"
    r"consequently|as a result|in summary|in short|to be more specific|more specifically|"
    r"in response),\s+)",
    re.IGNORECASE,
)
_WE_VERB = re.compile(
    r"^[Ww]e\s+((?:(?:also|further|then|first|next|thus|therefore|instead|now|here|still|then|both|"
    r"\w+ly)\s+)*)([a-z]+)\b"
)
_OUR_SUBJECT = re.compile(
    r"^(?:Our|The proposed|This|Our proposed)\s+(method|approach|framework|model|technique|"
    r"algorithm|"
    r"system|paradigm|architecture|scheme|strategy)\b"
)
_THIS_WORK = re.compile(r"^(?:This|The present|The current) (?:paper|work|study|article)\b")
_AND_VERB = re.compile(
    r"(\b(?:and|, and|then|and then|and also) )(show|demonstrate|find|prove|propose|introduce|"
    r"present|"
    r"evaluate|analyze|analyse|provide|derive|observe|obtain|apply|study|discuss|release|develop|"
    r"design|test|validate|verify|compare|establish|identify|conduct|perform|report|explain|"
    r"characterize|characterise|construct|build|train|use|achieve|outperform|argue|examine|"
    r"explore)\b"
)
_IRREGULAR = {"are": "is", "have": "has", "do": "does", "go": "goes", "were": "was"}


# --- rewriting that cannot change a claim ----------------------------------------------------


def _third_person(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ed") or verb in {
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "should",
        "must",
        "also",
    }:
        return verb
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def rewrite(sentence: str, subject: str, *, authors: str = "the authors") -> str:
    """Third person instead of the authors' "we"/"our"; discourse openers that only point back
    ("To this end,", "In this paper,") dropped. Everything else is left as the abstract says it."""
    text = clean_sentence(sentence)
    stripped = _OPENER.sub("", text, count=1)
    if stripped != text and re.match(r"^[Ww]e\b", stripped):
        text = stripped
    text = re.sub(r",\s+however,\s+", ", ", text)
    text = re.sub(
        r"\b([Tt]o the best of) our (knowledge|understanding)\b", r"\1 the authors' \2", text
    )
    this_work = _THIS_WORK.match(text)
    if this_work:
        text = f"{subject}{text[this_work.end() :]}"
    match = _WE_VERB.match(text)
    if match:
        adverb = match.group(1) or ""
        rest = text[match.end() :]
        clause_end = min(
            (rest.find(mark) for mark in (";", ":") if mark in rest), default=len(rest)
        )
        rest = (
            _AND_VERB.sub(
                lambda verb: f"{verb.group(1)}{_third_person(verb.group(2))}", rest[:clause_end]
            )
            + rest[clause_end:]
        )
        text = f"{subject} {adverb}{_third_person(match.group(2))}{rest}"
        authors = "the authors"
    else:
        ours = _OUR_SUBJECT.match(text)
        if ours:
            text = f"{_possessive(subject)} {ours.group(1)}{text[ours.end() :]}"
        elif re.match(r"^Our\b", text):
            text = f"{_possessive(subject)}{text[3:]}"
        elif re.match(r"^It\s", text) and subject != "It":
            text = f"{subject}{text[2:]}"
    text = re.sub(r"(?<=[\s(,;:])[Ww]e\s+(?=[a-z])", f"{authors} ", text, count=1)
    text = re.sub(r"(?<=[\s(,;:])[Ww]e\s+(?=[a-z])", "the authors ", text)
    text = re.sub(r"\b[Oo]ur\b", "the", text)
    text = re.sub(r"\bus\b", authors, text)
    return text[0].upper() + text[1:] if text else text


def _possessive(subject: str) -> str:
    if subject == "It":
        return "Its"
    return f"{subject}'" if subject.endswith("s") else f"{subject}'s"


# --- picking sentences ---------------------------------------------------------------------


@dataclass
class _PaperView:
    evidence: Evidence
    label: str
    roles: list[str]
    sentences: tuple[str, ...]
    tokens: Counter[str] = field(default_factory=Counter)
    _phrase_keys: dict[str, str] | None = None

    @property
    def paper(self) -> Paper:
        return self.evidence.paper

    def phrase_keys(self) -> dict[str, str]:
        """Every candidate phrase of the title and abstract: stemmed key -> first surface form."""
        if self._phrase_keys is None:
            keys: dict[str, str] = {}
            for sentence in (self.paper.title, *self.sentences):
                for phrase, key in _phrases(sentence):
                    keys.setdefault(key, phrase)
            self._phrase_keys = keys
        return self._phrase_keys

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
        name = method_name(self.paper.title, self.paper.abstract)
        naming = [item for item in strong if name and name in self.sentences[item.index]]
        short = [
            item
            for item in (naming or strong)
            if len(self.sentences[item.index].split()) <= _LONG_SENTENCE
        ]
        pool = short or naming or strong
        if pool:
            return pool[0]
        weak = [
            item for item in self.evidence.sentences if self.roles[item.index] == "contribution"
        ]
        weak.sort(key=lambda item: len(self.sentences[item.index].split()) > _LONG_SENTENCE)
        return weak[0] if weak else None


def _view(evidence: Evidence) -> _PaperView:
    sentences = abstract_sentences(evidence.paper.abstract)
    view = _PaperView(
        evidence, short_label(evidence.paper), list(sentence_roles(sentences)), sentences
    )
    view.tokens = Counter(
        token
        for token in bm25.tokenize(f"{evidence.paper.title} {evidence.paper.abstract}")
        if token not in _GENERIC
    )
    return view


def _subject_for(view: _PaperView, text: str) -> str:
    """The label, unless the sentence names the method itself ("we present Quamba2, ...")."""
    if view.label in text and method_name(view.paper.title, view.paper.abstract) == view.label:
        return f"The {view.label} paper"
    return view.label


def _say(view: _PaperView, item: EvidenceSentence, *, subject: str | None = None) -> DraftSentence:
    """One evidence sentence in third person; the paper's first sentence names it."""
    raw = view.sentences[item.index]
    if subject is None:
        return DraftSentence(
            rewrite(raw, _subject_for(view, raw), authors=f"the authors of {view.label}"),
            [view.paper.id],
        )
    return DraftSentence(rewrite(raw, subject), [view.paper.id])


# --- grouping papers by what they do ---------------------------------------------------------


class _Weights:
    def __init__(
        self, views: Sequence[_PaperView], frequency: DocumentFrequency | None, size: int | None
    ) -> None:
        self.frequency = frequency
        self.size = size
        self.local: Counter[str] = Counter()
        for view in views:
            self.local.update(set(view.tokens))
        self.count = len(views)

    def idf(self, token: str) -> float:
        if self.frequency is not None and self.size:
            return math.log((self.size + 1) / (self.frequency(token) + 0.5))
        return math.log((self.count + 5) / (self.local[token] + 0.5))


def _vectors(
    views: Sequence[_PaperView], weights: _Weights, skip: set[str]
) -> list[dict[str, float]]:
    # Only terms some but not most of the papers share can split them into groups; a term most of
    # them use is the topic itself.
    most = max(2, len(views) // 2) if len(views) >= 4 else len(views)
    vectors = []
    for view in views:
        vector = {
            token: (1 + math.log(count)) * weights.idf(token)
            for token, count in view.tokens.items()
            if token not in skip and 2 <= weights.local[token] <= most
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({token: value / norm for token, value in vector.items()})
    return vectors


def _cosine(left: dict[str, float], right: dict[str, float]) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(value * right.get(token, 0.0) for token, value in left.items())


def group_papers(views: Sequence[_PaperView], weights: _Weights, skip: set[str]) -> list[list[int]]:
    """Average-link agglomerative grouping on shared distinctive terms; stable, best first."""
    if len(views) <= 2:
        return (
            [list(range(len(views)))]
            if len(views) == 2 and _similar_pair(views, weights, skip)
            else [[index] for index in range(len(views))]
        )
    vectors = _vectors(views, weights, skip)
    similarity = [
        [_cosine(vectors[i], vectors[j]) for j in range(len(views))] for i in range(len(views))
    ]
    groups = [[index] for index in range(len(views))]
    while len(groups) > 1:
        best = (-1.0, 0, 0)
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                pairs = [similarity[i][j] for i in groups[a] for j in groups[b]]
                link = sum(pairs) / len(pairs)
                if link > best[0]:
                    best = (link, a, b)
        link, a, b = best
        if link < _GROUP_SIMILARITY:
            break
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
    groups.sort(key=lambda group: (-len(group), group[0]))
    return groups


def _similar_pair(views: Sequence[_PaperView], weights: _Weights, skip: set[str]) -> bool:
    vectors = _vectors(views, weights, skip)
    return _cosine(vectors[0], vectors[1]) >= _GROUP_SIMILARITY


# --- phrases: themes and what sets a paper apart ---------------------------------------------


@lru_cache(maxsize=8192)
def _word_token(word: str) -> str:
    tokens = bm25.tokenize(word)
    return tokens[0] if len(tokens) == 1 else " ".join(tokens)


def _is_wordlike(word: str) -> bool:
    return word.lower() not in STOPWORDS and any(character.isalpha() for character in word)


@lru_cache(maxsize=8192)
def _phrases(text: str) -> tuple[tuple[str, str], ...]:
    """Candidate noun-ish phrases of a sentence as (surface, stemmed key): the last one to four
    words of each run between function words and punctuation, without digits."""
    found: list[tuple[str, str]] = []
    run: list[str] = []
    for piece in [*_PHRASE_TOKEN.findall(clean_sentence(text)), "."]:
        if piece.lower() not in _BREAK_WORDS and any(character.isalpha() for character in piece):
            run.append(piece)
            continue
        while run and not _is_wordlike(run[0]):
            run.pop(0)
        if run:
            _run_endings(run, found)
        run = []
    return tuple(found)


def _run_endings(words: list[str], found: list[tuple[str, str]]) -> None:
    # English noun phrases end in their head noun: keep the run's endings, not its middles; a
    # generic head ("sample selection method") also yields the phrase before it.
    if len(words) > 2 and words[-1].lower().rstrip("s") in _GENERIC_HEADS:
        _run_endings(words[:-1], found)
    tokens = [_word_token(word) for word in words]
    for start in range(max(0, len(words) - 4), len(words)):
        phrase = " ".join(words[start:])
        key = " ".join(token for token in tokens[start:] if token)
        if key and 3 <= len(phrase) <= 48 and not any(character.isdigit() for character in phrase):
            found.append((phrase, key))


def theme_of(
    members: Sequence[_PaperView],
    others: Sequence[_PaperView],
    weights: _Weights,
    skip: set[str],
    *,
    prefer: frozenset[str] = frozenset(),
) -> str | None:
    """The phrase most of a group's abstracts use and the answer's other papers mostly do not."""
    counts: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = {}
    for view in members:
        for key, phrase in view.phrase_keys().items():
            tokens = key.split()
            if (
                tokens[0] in _GENERIC
                or tokens[-1] in _GENERIC
                or tokens[0] in skip
                or tokens[-1] in skip
            ):
                continue
            if all(token in skip for token in tokens):
                continue
            if len(phrase.split()) < 2:
                continue
            counts[key] += 1
            surface.setdefault(key, Counter())[phrase if _has_name(phrase) else phrase.lower()] += 1
    need = max(2, math.ceil(len(members) * 0.6))
    best: tuple[float, str] | None = None
    for key, count in counts.items():
        if count < min(need, len(members)):
            continue
        tokens = key.split()
        outside = sum(1 for view in others if all(token in view.tokens for token in tokens))
        own = [min(weights.idf(token), 6.0) for token in tokens if token not in skip]
        score = (
            (count / len(members)) ** 2
            * (sum(own) / len(tokens))
            * _THEME_LENGTH.get(len(tokens), 0.6)
        )
        score /= 1 + outside
        if prefer and prefer & set(tokens):
            score *= 1.5
        if best is None or score > best[0]:
            best = (score, key)
    if best is None:
        return None
    key = best[1]
    # "series classification" inside "time series classification": say the whole compound
    longer = [
        other
        for other, count in counts.items()
        if count == counts[key] and other.endswith(f" {key}") and len(other.split()) <= 3
    ]
    if longer:
        key = min(longer, key=len)
    return surface[key].most_common(1)[0][0]


def _has_name(phrase: str) -> bool:
    """A word with a digit, or a capital followed by another capital or digit ("LLaMA", "S4")."""
    for word in phrase.split():
        first = next((index for index, character in enumerate(word) if character.isupper()), None)
        if any(character.isdigit() for character in word):
            return True
        if first is not None and any(
            character.isupper() or character.isdigit() for character in word[first + 1 :]
        ):
            return True
    return False


@lru_cache(maxsize=2048)
def _defined_terms(abstract: str) -> tuple[tuple[str, str], ...]:
    """Terms the abstract defines, as (acronym, "long form (ACRONYM)")."""
    text = clean_sentence(abstract)
    terms = []
    for acronym, long_forms in acronyms.mine([text]).items():
        match = re.search(rf"([^(]{{0,80}})\(({re.escape(acronym)}s?)\)", text)
        if match and long_forms:
            start = match.group(1).lower().rfind(long_forms[0].split()[0].lower())
            if start >= 0:
                terms.append((acronym, f"{match.group(1)[start:].strip()} ({match.group(2)})"))
    return tuple(terms)


def key_phrases(
    view: _PaperView,
    others: Sequence[_PaperView],
    weights: _Weights,
    skip: set[str],
    *,
    most: int = 2,
) -> list[str]:
    """Phrases central to one abstract (in its title, defined by it, or used in two sentences or
    more) that no other paper of the answer uses."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for sentence in (view.paper.title, view.paper.title, *view.sentences):
        seen: set[str] = set()
        for phrase, key in _phrases(sentence):
            if key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            surface.setdefault(key, phrase)
    defined = {
        _word_token(acronym): phrase for acronym, phrase in _defined_terms(view.paper.abstract)
    }
    own_name = set(bm25.tokenize(view.label))
    scored: list[tuple[float, str, str]] = []
    for key, count in counts.items():
        tokens = key.split()
        if key not in defined and count < 2:
            continue
        if set(tokens) <= own_name:
            continue  # the paper's own name sets it apart, but says nothing
        if (
            len(tokens) == 1
            and key not in defined
            and not _has_name(surface[key])
            and weights.idf(key) < _RARE_IDF
        ):
            continue
        if (
            any(token in skip for token in tokens)
            or tokens[0] in _GENERIC
            or tokens[-1] in _GENERIC
        ):
            continue
        if any(all(token in other.tokens for token in tokens) for other in others):
            continue
        score = sum(weights.idf(token) for token in tokens) * (1 + 0.3 * min(count, 4))
        if key in defined:
            score *= 1.5
        scored.append((score, key, defined.get(key, surface[key])))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[str] = []
    used: set[str] = set()
    for _, key, phrase in scored:
        words = set(key.split()) | set(bm25.tokenize(phrase))
        if words & used:
            continue
        chosen.append(phrase)
        used |= words
        if len(chosen) == most:
            break
    return chosen


# --- the writer ----------------------------------------------------------------------------


@dataclass
class SectionedDraft(Draft):
    """A draft with its paragraph structure: sentence indices per paragraph and a heading each."""

    paragraphs: list[list[int]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self) -> None:
        self.sentences: list[DraftSentence] = []
        self.paragraphs: list[list[int]] = []
        self.headings: list[str] = []
        self.anonymous_said = False  # a paper without a name was introduced as "One paper"

    def paragraph(self, heading: str = "") -> None:
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
        text = sentence.text.rstrip()
        if not text.endswith((".", "!", "?")):
            text += "."
        self.paragraphs[-1].append(len(self.sentences))
        self.sentences.append(
            DraftSentence(text, list(dict.fromkeys(sentence.citations)), sentence.kind)
        )

    def draft(self, engine: str) -> SectionedDraft:
        keep = [
            (paragraph, heading)
            for paragraph, heading in zip(self.paragraphs, self.headings, strict=True)
            if paragraph
        ]
        return SectionedDraft(
            sentences=self.sentences,
            engine=engine,
            paragraphs=[paragraph for paragraph, _ in keep],
            headings=[heading for _, heading in keep],
        )


def _covers(view: _PaperView, spellings: list[frozenset[str]]) -> bool:
    """Whether the paper uses one of the spellings of a topic term (an acronym or its long form)."""
    tokens = set(view.tokens) | set(bm25.tokenize(f"{view.paper.title} {view.paper.abstract}"))
    return any(spelling <= tokens for spelling in spellings)


def _count_word(count: int) -> str:
    return _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)


def _join_labels(labels: Sequence[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


class ExtractiveWriter(Writer):
    """Writes from the evidence sentences alone; the same evidence always gives the same draft."""

    name = "extractive"

    def __init__(
        self,
        *,
        document_frequency: DocumentFrequency | None = None,
        collection_size: int | None = None,
    ) -> None:
        self.document_frequency = document_frequency
        self.collection_size = collection_size

    def write(
        self,
        task: Task,
        question: str,
        evidence: Sequence[Evidence],
        *,
        on_text: TextSink | None = None,
    ) -> Draft:
        views = [_view(item) for item in evidence]
        builder = _Builder()
        if views:
            if task == "ask" and len(views) == 1:
                self._lookup(builder, question, views[0])
            elif task == "compare":
                self._compare(builder, question, views)
            elif task == "related-work":
                self._related_work(builder, question, views)
            else:
                self._topic(builder, question, views)
        draft = builder.draft(self.name)
        if on_text is not None:
            on_text(" ".join(sentence.text for sentence in draft.sentences))
        return draft

    # --- ask: one paper and the figure ------------------------------------------------------

    def _lookup(self, builder: _Builder, question: str, view: _PaperView) -> None:
        """One paper answers: it, named, with what it proposes; then the abstract sentence that
        answers each further clause (the figure, the name asked for), lead first."""
        clauses = split_clauses(question)
        usable = [
            item for item in view.evidence.sentences if view.roles[item.index] != "boilerplate"
        ]
        # The best sentences (each clause's best first) that stand on their own: one that leans
        # on a sentence the reader is not shown gives way to the next.
        standing = [
            (item, text)
            for item in usable
            if (text := standalone(view.sentences[item.index])) is not None
        ]
        wanted = max(3, len(clauses) + 1)
        said = say_paper(view.paper, most=1, wanted=content_tokens(question))
        builder.paragraph()
        if said is not None:
            builder.add(said.sentences[0])
            proposal = paper_claims(view.paper).proposal
            if proposal is not None:
                # the sentence the lead was drawn from, unless it says more than the lead does
                standing = [
                    (item, text)
                    for item, text in standing
                    if item.index != proposal.sentence or len(proposal.text) < 0.8 * len(text)
                ]
        picks = sorted(standing[: min(wanted, 4)], key=lambda pair: pair[0].index)
        for position, (_, text) in enumerate(picks):
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
            groups.append(spellings)
        return groups

    def _topic(self, builder: _Builder, question: str, views: list[_PaperView]) -> None:
        """Every paper the question is about, papers that do alike side by side; each said from
        its claims (what it proposes, how, what it reports)."""
        weights = _Weights(views, self.document_frequency, self.collection_size)
        skip = self._skip_tokens(question, views)
        groups = group_papers(views, weights, skip)
        builder.paragraph()
        count = len(views)
        if count > 1:
            grouped = (
                "; below, papers that work alike stand together" if 1 < len(groups) < count else ""
            )
            builder.add(
                DraftSentence(
                    f"{count_phrase(count, 'paper')} in the collection answer this{grouped}",
                    kind="connective",
                )
            )
        focus_groups = self._focus(question, views)
        for group in groups:
            builder.paragraph()
            for index in group:
                for sentence in self._paper_sentences(
                    builder, views[index], focus_groups, question
                ):
                    builder.add(sentence)

    def _paper_sentences(
        self,
        builder: _Builder,
        view: _PaperView,
        focus: list[list[frozenset[str]]],
        question: str,
        *,
        most: int = 3,
        subject: str | None = None,
    ) -> list[DraftSentence]:
        """The paper said from its claims; from its best evidence sentences when it has none."""
        said = say_paper(view.paper, most=most, subject=subject, wanted=content_tokens(question))
        if said is not None:
            return list(said.sentences)
        return self._what_it_does(view, focus, most=2)

    def _themes(
        self, groups: list[list[int]], views: list[_PaperView], weights: _Weights, skip: set[str]
    ) -> list[str | None]:
        themes: list[str | None] = []
        for group in groups:
            if len(group) < 2:
                themes.append(None)
                continue
            members = [views[index] for index in group]
            others = [view for index, view in enumerate(views) if index not in group]
            themes.append(theme_of(members, others, weights, skip))
        return themes

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
        chosen: list[EvidenceSentence] = [contribution] if contribution is not None else []
        covered = set(bm25.tokenize(view.sentences[contribution.index])) if contribution else set()
        candidates = view.ranked(exclude_roles=("boilerplate", "background", "problem"))
        candidates.sort(key=lambda item: len(view.sentences[item.index].split()) > _LONG_SENTENCE)
        for item in candidates:
            if len(chosen) >= most:
                break
            if item in chosen:
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
                    and len(view.sentences[item.index].split()) <= _LONG_SENTENCE
                ):
                    chosen.append(item)
                    break
        if len(chosen) > 1:
            chosen = [chosen[0], *sorted(chosen[1:], key=lambda item: item.index)]
        return [
            _say(view, item, subject=None if position == 0 else "It")
            for position, item in enumerate(chosen)
        ]

    def _differences(
        self, views: list[_PaperView], weights: _Weights, skip: set[str]
    ) -> DraftSentence | None:
        parts: list[str] = []
        cited: list[str] = []
        for view in views:
            others = [other for other in views if other is not view]
            phrases = key_phrases(view, others, weights, skip)
            if not phrases:
                continue
            parts.append(f"{view.label} — {', '.join(phrases)}")
            cited.append(view.paper.id)
        if len(parts) < 2:
            return None
        return DraftSentence("Distinctive to each paper: " + "; ".join(parts), cited)

    # --- related work ---------------------------------------------------------------------

    def _related_work(self, builder: _Builder, topic: str, views: list[_PaperView]) -> None:
        """One paragraph per group of papers that work alike, largest first, as a paper's
        related-work section has them; no headings mined from keywords."""
        weights = _Weights(views, self.document_frequency, self.collection_size)
        skip = self._skip_tokens(topic, views)
        focus_groups = self._focus(topic, views)
        groups = group_papers(views, weights, skip)
        singles = [group[0] for group in groups if len(group) == 1]
        ordered = [group for group in groups if len(group) > 1]
        if singles:
            ordered.append(singles)
        for group in ordered:
            builder.paragraph()
            for view in (views[index] for index in group):
                for sentence in self._paper_sentences(builder, view, focus_groups, topic, most=2):
                    builder.add(sentence)

    # --- compare --------------------------------------------------------------------------

    def _compare(self, builder: _Builder, topic: str, views: list[_PaperView]) -> None:
        focus_groups = self._focus(topic or "", views)
        builder.paragraph("What they share")
        labels = [view.label for view in views]
        shared = [group for group in focus_groups if all(_covers(view, group) for view in views)]
        if topic and focus_groups and len(shared) == len(focus_groups):
            # Every paper uses every term of the topic: the topic itself is their common ground,
            # a claim about each paper that the verifier checks against each abstract.
            builder.add(
                DraftSentence(
                    f"{_join_labels(labels)} all work on {topic.strip()}",
                    [view.paper.id for view in views],
                )
            )
        else:
            builder.add(
                DraftSentence(
                    f"The papers compared here are {_join_labels(labels)}", kind="connective"
                )
            )
        builder.paragraph("How each differs")
        for view in views:
            for sentence in self._paper_sentences(builder, view, focus_groups, topic or "", most=3):
                builder.add(sentence)
