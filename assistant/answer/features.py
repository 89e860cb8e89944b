"""What the relevance model sees of each retrieved paper: the sentences saying what it does, the
question's acronyms and their senses, the parts of a topic, and whether a paper names the topic
phrase outright. The model itself (features, weights, probability) is in ``relevance``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from assistant.answer import relevance
from assistant.answer.sentences import DocumentFrequency
from assistant.models import Paper
from assistant.text.analysis import CONTRAST
from assistant.text.lexicon import words
from assistant.text.query import (
    SHORT_FOCUS,
    acronym_parts,
    asked_names,
    left_out,
    left_out_terms,
    listed_names,
    ruled_out,
    subject_tokens,
    topic_parts,
    writes_name,
)
from assistant.text.tokens import tokenize

if TYPE_CHECKING:
    from assistant.retrieve import Retrieval
    from assistant.settings import Settings


def _initials(phrase: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s-]+", phrase.lower()) if word)


# a name written in capitals, whole or after a short prefix ("CLIP", "N-BEATS", "GPT-2")
_CAPITALS_NAME = re.compile(r"(?<![\w-])(?:[A-Z0-9]{1,3}-)?([A-Z]{3,})(?:-[\w.]+)?(?![\w-])")


def other_sense_papers(retrieval: Retrieval, papers: Sequence[Paper]) -> set[str]:
    """Papers that use one of the question's acronyms in another sense than the collection's usual
    one ("TTA" = test-time augmentation, when most papers mean test-time adaptation), and those
    that write the word of a name the question gives in capitals only as a plain word: under
    "N-BEATS style models", a dance generator's "music and motion beat" (a blind reader: "its
    only link to the query is the word 'beat'"), as "clip" is not CLIP."""
    # (not a paper the request names by its method's name: under "Compare FITS, SpaceTime and
    # Chimera ...", SpaceTime's "fitting" is no other sense of FITS; its paper was left out of
    # the comparison that named it; review68)
    by_id = {paper.id: paper for paper in papers}
    found = {
        paper_id
        for paper_id in _plain_word_papers(retrieval.query, papers)
        if not relevance.names_the_paper(retrieval.query, by_id[paper_id])
    }
    if retrieval.expanded_query == retrieval.query:
        return found
    tail = retrieval.expanded_query[len(retrieval.query) :].strip().strip("()")
    alternatives = [
        alternative.strip().lower() for alternative in tail.split(";") if alternative.strip()
    ]
    for acronym in dict.fromkeys(
        re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b", retrieval.query)
    ):
        letters = "".join(
            character for character in acronym.rstrip("s").lower() if character.isalpha()
        )
        senses = [alternative for alternative in alternatives if _initials(alternative) == letters]
        if len(senses) < 2:
            continue
        primary = senses[0].replace("-", " ")
        for paper in papers:
            text = f"{paper.title} {paper.abstract}".lower().replace("-", " ")
            if primary not in text and any(sense.replace("-", " ") in text for sense in senses[1:]):
                found.add(paper.id)
    return found


def _plain_word_papers(query: str, papers: Sequence[Paper]) -> set[str]:
    if sum(character.isupper() for character in query) > sum(
        character.islower() for character in query
    ):
        return set()  # a question typed in capitals writes no name by them
    found: set[str] = set()
    for word in dict.fromkeys(match.group(1) for match in _CAPITALS_NAME.finditer(query)):
        tokens = set(tokenize(word))
        # the name as the question writes it, or capitalised as a name ("ADAM" asked, "Adam"
        # written): only a paper writing the word in lower case uses it as a plain word
        named = re.compile(
            rf"(?<![A-Za-z])(?:{re.escape(word)}|{re.escape(word[0] + word[1:].lower())}\b)"
        )
        # (the stems found as written first: tokenizing every abstract is the slow part)
        plain = re.compile(rf"\b(?:{'|'.join(map(re.escape, tokens))})")
        for paper in papers:
            text = f"{paper.title} {paper.abstract}"
            # (a stem the text does not hold is no plain word of it: a substring test spares
            # the two searches for most papers)
            if not any(token in text for token in tokens):
                continue
            if (
                named.search(text) is None
                and plain.search(text) is not None
                and tokens & set(tokenize(text))
            ):
                found.add(paper.id)
    return found


# a term an abstract coins in quotation marks, defining it after a colon ("resulting in \"dark
# matter\": unexplained variance in activations") or naming it so ("what we call \"...\""); a
# term quoted for emphasis ("a \"scratchpad\"") is the usual one
_QUOTED_TERM = re.compile(
    r"(?:\b(?:dubbed|termed|so-called|we\s+call|we\s+term|coined)\s+[\"“]([^\"“”]{3,50})[\"”]"
    r"|[\"“]([^\"“”]{3,50})[\"”](?=\s*:))"
)


def coined_papers(request: str, papers: Sequence[Paper]) -> set[str]:
    """Papers that set a term of the request in quotation marks, coining a sense of their own,
    when another paper writes it plainly: under "dark matter in astrophysics", Decomposing The
    Dark Matter of Sparse Autoencoders ("SAEs fall short ..., resulting in \"dark matter\":
    unexplained variance in activations") beside the galaxy-halo papers (a blind reader: "the
    sparse-autoencoder paper appears in the astrophysics answer"). A run of two to four words;
    when every paper writing it quotes it, it is the collection's term."""
    asked = tokenize(request)
    quoting: dict[str, set[tuple[str, ...]]] = {}
    for paper in papers:
        runs = {
            tuple(tokenize(found.group(1) or found.group(2)))
            for found in _QUOTED_TERM.finditer(paper.abstract)
        }
        runs = {run for run in runs if 2 <= len(run) <= 4 and relevance.contains_run(run, asked)}
        if runs:
            quoting[paper.id] = runs
    if not quoting:
        return set()
    # each other paper read once, whatever number of papers quote
    plain = [
        tokenize(f"{other.title} . {other.abstract}") for other in papers if other.id not in quoting
    ]
    return {
        paper_id
        for paper_id, runs in quoting.items()
        if any(relevance.contains_run(run, tokens) for tokens in plain for run in runs)
    }


def ruled_out_papers(request: str, papers: Sequence[Paper]) -> set[str]:
    """Papers whose title names what the request rules out: under "attention-free language
    model architectures", "Softplus Attention with Re-weighting" is about the very thing left
    out, however close it sits to the rest. A title ruling it out too ("Training-Free
    Guidance", "Learning without Labels") is no such paper."""
    words = ruled_out(request)
    found: set[str] = set()
    for paper in papers:
        title = paper.title.lower()
        stems = set(tokenize(paper.title))
        for word, stem in words:
            if stem in stems and not re.search(
                rf"\b{re.escape(word)}[- ]free\b|\b(?:without|no)\s+{re.escape(word)}", title
            ):
                found.add(paper.id)
    return found


def unnamed_papers(request: str, papers: Sequence[Paper], rare: Sequence[str] = ()) -> set[str]:
    """For a request about what it names ("Which papers still use MNIST ...?", "... on the
    HumanEval coding benchmark"), the papers that never write any of those names, when some
    paper does: a paper on code LLMs that never says HumanEval is not one that reports on it.
    ``rare``: capitalised words few papers write that the request asks about with no
    alternative beside them ("Chinese-language data", ``sole_names``)."""
    names = [*asked_names(request), *rare]
    if not names:
        return set()
    # ... or the examples it lists of them ("ImageNet (including variants such as ImageNet-C
    # ...)": a paper reporting on ImageNet-C reports on a variant the question asks about)
    names += listed_names(request)
    unnamed = {
        paper.id
        for paper in papers
        if not any(writes_name(name, f"{paper.title}. {paper.abstract}") for name in names)
    }
    return unnamed if len(unnamed) < len(papers) else set()


def name_writers(request: str, papers: Sequence[Paper], rare: Sequence[str] = ()) -> set[str]:
    """For a request about what it names ("Which papers run experiments on GPT-2 models?",
    "... encoder-decoder models such as T5 or BART"), the papers that write one of those names
    or the examples it lists: each is one the request asks for, however little else of the
    request it shares (a paper that reports ImageNet accuracy is not about ImageNet). ``rare``:
    its capitalised words few papers write ("Chinese-language data"), names as well."""
    names = [*asked_names(request), *listed_names(request), *rare]
    if not names:
        return set()
    return {
        paper.id
        for paper in papers
        if any(writes_name(name, f"{paper.title}. {paper.abstract}") for name in names)
    }


def left_out_papers(request: str, papers: Sequence[Paper], *, disowned: bool = False) -> set[str]:
    """Papers whose title names what the request asks to leave out in so many words ("Please
    leave out classic draft-then-verify speculative decoding": "Online Speculative Decoding"),
    however close they sit to the rest of it (``disowned``: only what it says it does not
    want, ``query.left_out``)."""
    phrases = left_out(request, disowned=disowned)
    # (what the paper itself does, not the work it contrasts itself with: "unlike diffusion
    # image generators, ..." is no such paper)
    terms = left_out_terms(request, disowned=disowned)
    return {
        paper.id
        for paper in papers
        # (a title setting the same thing aside is the paper the request describes: "Go Wider
        # Instead of Deeper" under "going wider instead of deeper")
        if not _SETS_ASIDE.search(paper.title)
        and (
            any(set(head) <= set(tokenize(paper.title)) for head in phrases)
            # (two words as one term, as the request joins them: "'data-free'" is not every
            # paper writing "data" and "free lunch"; review82)
            or any(
                relevance.contains_run(head, tokenize(core_text(paper)))
                if len(head) == 2
                else set(head) <= set(tokenize(core_text(paper)))
                for head in terms
            )
            # ... or what the paper itself does writes its head as the words run ("describes
            # the design and training of novel speculative decoding draft models", under "leave
            # out classic draft-then-verify speculative decoding"; review54: every paper cited
            # was one)
            or any(
                len(head) == 2 and relevance.contains_run(head, tokenize(core_text(paper)))
                for head in phrases
            )
        )
    }


_SETS_ASIDE = re.compile(
    r"\b(?:instead of|rather than|other than|as opposed to|apart from|aside from|beyond)\b",
    re.IGNORECASE,
)


def core_text(paper: Paper) -> str:
    """The sentences that say what the paper does (not its background or problem statement),
    without the clauses that contrast it with other work."""
    return paper.analysis.core


def _acronym_aliases(retrieval: Retrieval) -> dict[str, list[tuple[str, ...]]]:
    """Each acronym of the question (stemmed) with the spelled-out senses the expansion added."""
    if retrieval.expanded_query == retrieval.query:
        return {}
    tail = retrieval.expanded_query[len(retrieval.query) :].strip().strip("()")
    senses = [sense.strip() for sense in tail.split(";") if sense.strip()]
    aliases: dict[str, list[tuple[str, ...]]] = {}
    for acronym in dict.fromkeys(
        re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b", retrieval.query)
    ):
        letters = "".join(c for c in acronym.rstrip("s").lower() if c.isalpha())
        tokens = tokenize(acronym)
        matching = [sense for sense in senses if _initials(sense) == letters]
        if tokens and matching:
            aliases[tokens[0]] = [tuple(tokenize(sense)) for sense in matching]
    return aliases


def relevance_features(
    retrieval: Retrieval, *, document_frequency: DocumentFrequency, collection_size: int
) -> list[relevance.PaperFeatures]:
    """The relevance model's features for every retrieved paper, in fused order."""
    papers = [hit.paper for hit in retrieval.hits]
    best_sentence = {
        paper_id: max(values.values())
        for paper_id, values in retrieval.sentence_similarity.items()
        if values
    }

    def features_for(focus: list[str]) -> list[relevance.PaperFeatures]:
        return relevance.paper_features(
            focus_tokens=focus,
            papers=papers,
            core_text=core_text,
            lexical=retrieval.bm25_scores,
            dense_paper=retrieval.paper_similarity,
            dense_sentence=best_sentence,
            centroid=retrieval.centroid_similarity,
            other_sense=other_sense_papers(retrieval, papers),
            aliases=_acronym_aliases(retrieval),
            phrase_acronyms=retrieval.phrase_acronyms,
            document_frequency=document_frequency,
            collection_size=collection_size,
        )

    whole = features_for(subject_tokens(retrieval.query))
    parts = topic_parts(retrieval.query)
    if len(parts) < 2:
        return whole
    # "speech recognition and speech synthesis": a paper about either part is about the topic,
    # so each coverage feature takes the best of the parts.
    by_part = [features_for(part) for part in parts]
    coverage = [relevance.FEATURES.index(name) for name in relevance.COVERAGE_FEATURES]
    combined = []
    for position, item in enumerate(whole):
        values = list(item.values)
        for index in coverage:
            values[index] = max(part[position].values[index] for part in by_part)
        combined.append(relevance.PaperFeatures(item.paper, tuple(values)))
    return combined


def _shares_only_the_commoner_word(
    present: set[str], parts: list[list[str]], document_frequency: DocumentFrequency
) -> bool:
    """Whether a paper has, of every part of the topic, other words but not the rarest: it is
    about the broader subject ("time series forecasting" under "probabilistic time series
    forecasting"), another term with the same head ("inductive bias" under "exposure bias") or
    another thing sharing a word ("zero-shot generalization" under "zero-shot text-to-speech":
    ZeroPrompt and RLCF, which never write "speech")."""
    # Several parts of three words or more are fragments of a description ("frameworks unifying
    # diffusion", "flow-based generative models"), not terms a paper either names or not.
    if not parts or (len(parts) > 1 and any(len(part) > 2 for part in parts)):
        return False
    for part in parts:
        rarest, *others = sorted(dict.fromkeys(part), key=document_frequency)
        if not others or rarest in present or not any(word in present for word in others):
            return False
    return True


def _without_generic_head(part: list[str]) -> list[str]:
    """One word and a generic head ("recommender systems") is named by that word; a longer
    phrase ("state space models") is a fixed term, named only as a whole."""
    if len(part) == 2 and part[1] in _generic_heads():
        return part[:1]
    return part


@cache
def _generic_heads() -> frozenset[str]:
    return frozenset(token for word in words("generic_heads") for token in tokenize(word))


@cache
def _framing_nouns() -> frozenset[str]:
    return _generic_heads() | frozenset(
        token for word in words("framing_nouns") for token in tokenize(word)
    )


def _only_as_a_verb(part: Sequence[str], text: str, request: str) -> bool:
    """Whether a paper writes a topic's words in a row only with a verb form for the last
    ("domain knowledge distilled from scientific literature" under "knowledge distillation"):
    the stems match, but the text says what was done to the knowledge, not the technique. False
    when the words are not found as written (the stems say enough then), or when the request
    ends the term on a verb form itself ("model merging", "self-supervised learning")."""
    pattern = re.compile(
        r"\b" + r"[\s-]+".join(rf"{re.escape(stem)}\w*" for stem in part) + r"\b", re.IGNORECASE
    )

    def verbal(run: str) -> bool:
        return re.search(r"(?:ed|ing)$", run, re.IGNORECASE) is not None

    if any(verbal(match.group(0)) for match in pattern.finditer(request)):
        return False
    runs = [match.group(0) for match in pattern.finditer(text)]
    return bool(runs) and all(verbal(run) for run in runs)


# A name made of words in CamelCase ("CodeGen2", "AlphaMath", "TimeGPT"), split where a capital
# or a digit follows a lower-case letter.
_COMPOUND_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][A-Za-z]*|\d)[A-Za-z0-9]*\b")
_NAME_SEAM = re.compile(r"(?<=[a-z])(?=[A-Z0-9])")


def _name_parts(text: str) -> set[str]:
    """The words a paper's compound names are built from ("CodeGen2": code, gen), tokenized as
    the rest of its text is; a part shorter than three letters is no word of its own."""
    parts = {
        part
        for name in _COMPOUND_NAME.findall(text)
        for part in _NAME_SEAM.split(name)
        if len(re.sub(r"[^A-Za-z]", "", part)) >= 3
    }
    return set(relevance.token_sequence(" ".join(sorted(parts)))) if parts else set()


@lru_cache(maxsize=8192)  # a paper's, whatever the request: tokenized once per process
def said_tokens(paper: Paper) -> tuple[str, ...]:
    """What a paper says, tokenized: its title and every sentence but its boilerplate ("Code is
    available at ..." names no topic: "code LLMs" is not every LLM paper that publishes its
    code), its contrasts left out."""
    analysis = paper.analysis
    said = " ".join(
        sentence
        for sentence, role in zip(analysis.sentences, analysis.roles, strict=True)
        if role != "boilerplate"
    )
    return relevance.token_sequence(f"{paper.title} . {CONTRAST.sub(' ', said)}")


def naming_the_topic(
    features: list[relevance.PaperFeatures],
    retrieval: Retrieval,
    settings: Settings,
    weights: Sequence[float],
    document_frequency: DocumentFrequency | None = None,
) -> list[relevance.PaperFeatures]:
    """For a topic phrase ("mixture of experts", "state space models") that several retrieved
    papers name outright, the papers that do not name it are out, unless their own vector is as
    close to the topic as the best paper's and the sentences saying what they do use its words,
    or the relevance model is confident on its own (a paper about "pre-trained forecasters for
    time series" is about time series foundation models without saying the phrase).

    A topic phrase names a thing: "mixture" is not "mixture of experts", and a paper that says
    "unlike a mixture of experts" in passing, or models the "state space" of a bank's cash
    withdrawals, is not about it however many of its words it shares. Where few papers write a
    two-word phrase as one run, using both words stands for naming it; "code is available" uses
    neither."""
    phrases = topic_parts(retrieval.query)
    acronyms = acronym_parts(retrieval.query)
    # Only a request that is itself a list of topic phrases names things; the fragments of a
    # sentence split at "and"/"or" ("apply machine learning to chemistry", "reactions") do not,
    # and a paper about retrosynthesis need not say "drug discovery molecules" in that order.
    # An acronym is a phrase of its own ("recurrent neural networks and LSTMs").
    if not phrases or not all(
        2 <= len(part) <= SHORT_FOCUS or (len(part) == 1 and part[0] in acronyms)
        for part in phrases
    ):
        return features
    # The subject of the phrase names it, not its generic head: a paper on "sequential
    # recommendation" is about recommender systems.
    parts = [_without_generic_head(part) for part in phrases]

    def names(paper: Paper, parts: list[list[str]] = parts) -> bool:
        tokens = said_tokens(paper)
        present = set(tokens)
        return any(
            (
                relevance.contains_run(part, tokens)
                and not _only_as_a_verb(part, f"{paper.title} . {paper.abstract}", retrieval.query)
            )
            # a part that is one acronym ("LSTMs") is named by the paper writing it ("LSTM")
            or (
                len(part) == 1
                and part[0] in acronyms
                and (part[0] in present or part[0].removesuffix("s") in present)
            )
            or any(
                (acronym in present or f"{acronym}s" in present)  # "LLMs" keeps its s
                and set(part) - set(form) <= present
                for acronym, form in retrieval.phrase_acronym_forms
                if set(form) & set(part)
            )
            for part in parts
        )

    aliases = _acronym_aliases(retrieval)

    def uses(token: str, present: set[str]) -> bool:
        return (
            token in present
            or (token.endswith("s") and token[:-1] in present)  # "LLMs" is also "LLM"
            or any(set(sense) <= present for sense in aliases.get(token, ()))
        )

    def uses_every_word(paper: Paper) -> bool:
        # a name the paper builds from a word says that word: "CodeGen2" says "code"
        present = set(said_tokens(paper)) | _name_parts(f"{paper.title} {paper.abstract}")
        return any(len(part) == 2 and all(uses(token, present) for token in part) for part in parts)

    naming = {item.paper.id for item in features if names(item.paper)}
    if not naming and len(parts) == 1 and len(parts[0]) >= 3:
        # No paper writes "role of activation functions", "data augmentation techniques" or
        # "maximum entropy principle" as one run; the term inside it, without a word at an end
        # that frames it, is what papers write ("the activation function", "data augmentation")
        # (only a framing word goes: "prompting methods for pretrained language models" is
        # not about "pretrained language models", and "token importance scoring" not about
        # "token importance")
        part = parts[0]
        trimmed = [
            [variant]
            for variant, dropped in ((part[1:], part[0]), (part[:-1], part[-1]))
            if dropped in _framing_nouns()
        ]
        named_by = [
            {item.paper.id for item in features if names(item.paper, variant)}
            for variant in trimmed
        ]
        best = max(range(len(trimmed)), key=lambda position: len(named_by[position]), default=0)
        if trimmed and len(named_by[best]) >= settings.evidence.topic_naming_papers:
            parts, naming = trimmed[best], named_by[best]
    named_as_run = frozenset(naming)
    if len(naming) < settings.evidence.topic_naming_papers:
        # Few papers write the phrase as one run ("code LLMs"); those about it still use both
        # of its words ("large language models of code", "LLMs ... code generation"), where the
        # papers that share only its commonest word ("LLMs") do not. Only two words: a longer
        # phrase holds words its papers leave out ("neural" in "neural scaling laws").
        naming = {item.paper.id for item in features if uses_every_word(item.paper)}
        if len(naming) < settings.evidence.topic_naming_papers:
            if document_frequency is None:
                return features
            if not named_as_run:
                # No paper writes a longer topic in a row ("token importance scoring", "multi-
                # task recommendation"): one that shares only one of its words, and a word many
                # papers write, is about another term (next-token prediction; recommender
                # systems at large); one sharing none is judged on its meaning
                rare = settings.evidence.topic_one_word_papers
                long_parts = [part for part in parts if len(part) >= 3]

                def one_common_word(paper: Paper) -> bool:
                    # (an acronym is written spelled out too: DiffTPT's "test-time prompt
                    # tuning ... adapt" says "TTA" under "entropy minimisation for TTA")
                    present = set(said_tokens(paper))
                    for part in long_parts:
                        shared = [token for token in part if uses(token, present)]
                        if len(shared) != 1 or document_frequency(shared[0]) <= rare:
                            return False
                    return bool(long_parts)

                return [item for item in features if not one_common_word(item.paper)] or features
            # Too few papers name the term to leave out those that do not, but it is a term
            # of the collection: a paper with only its commoner word is about another term
            # ("inductive bias" under "exposure bias"), while one with neither word is judged on
            # its meaning.
            # (every sentence counts here: "Kolmogorov-Arnold Networks for High-Entropy Alloys
            # Design" writes "materials" only where it points to future work, and is about
            # materials design)
            return [
                item
                for item in features
                if item.paper.id in named_as_run
                or not _shares_only_the_commoner_word(
                    set(
                        relevance.token_sequence(
                            f"{item.paper.title} . {CONTRAST.sub(' ', item.paper.abstract)}"
                        )
                    ),
                    parts,
                    document_frequency,
                )
            ]
    # "Gaussian process models": where the retrieved papers write the term more often without
    # its framing word ("Gaussian processes") than with it, the framing word is no part of the
    # term, and a paper writing it bare names it: it is judged on the model like one writing
    # the whole phrase, not held to the bar of a paper naming nothing. Where the whole phrase
    # is the usual form ("state space models", and "the state space" of a bank's withdrawals),
    # the bare words mean something else.
    framed = [
        variant
        for part in parts
        if len(part) >= 3
        for variant, dropped in ((part[1:], part[0]), (part[:-1], part[-1]))
        if dropped in _framing_nouns()
    ]
    bare = {
        item.paper.id
        for item in features
        if item.paper.id not in naming and any(names(item.paper, [variant]) for variant in framed)
    }
    if len(bare) > len(naming):
        naming |= bare
    value = {name: position for position, name in enumerate(relevance.FEATURES)}
    # the papers writing the term's words in a row only as a verb ("knowledge distilled from
    # scientific literature"): its stems make the model sure of them, and they are about
    # something else
    verbal = {
        item.paper.id
        for item in features
        if item.paper.id not in naming
        and any(
            relevance.contains_run(part, said_tokens(item.paper))
            and _only_as_a_verb(
                part, f"{item.paper.title} . {item.paper.abstract}", retrieval.query
            )
            for part in parts
        )
    }
    return [
        item
        for item in features
        if item.paper.id in naming
        or (
            item.paper.id not in verbal
            and (
                (
                    item.values[value["dense_paper"]] >= settings.evidence.topic_dense_exception
                    and item.values[value["core"]] >= settings.evidence.topic_core_exception
                )
                or relevance.probability(item, weights) >= settings.evidence.topic_unnamed_threshold
            )
        )
    ]
