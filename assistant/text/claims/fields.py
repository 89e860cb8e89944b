"""Claims analyser, what a paper proposes, finds and how its method works (its problem and setting
are in ``context``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from assistant.text.claims.base import (
    _ADVERBS,
    JOINED_VERB,
    MIN_MECHANISM_WORDS,
    Span,
    _alternation,
    _contribution_pattern,
    _lexicon,
    _third_person,
    _verb_forms,
    _verb_strength,
    additive_opener,
)
from assistant.text.claims.spans import (
    _DANGLING_START,
    _FIGURE,
    _FIRST_PERSON,
    _URL,
    _conjugate_coordinated,
    _finish,
    _present_third,
    _raw_end,
    _strip_openers,
    balanced,
    verbless,
)
from assistant.text.lexicon import words
from assistant.text.tokens import tokenize

# --- proposal ------------------------------------------------------------------------------------

_EVIDENTIAL_THAT = re.compile(r"^(?:that\s+)", re.IGNORECASE)


@dataclass(frozen=True)
class _Candidate:
    sentence: int
    start: int
    strength: int
    text: str


_PASSIVE = re.compile(
    r"(?P<object>(?:[Aa]n?|[Tt]he|[Oo]ur)\s[^;]{3,200}?),?\s+(?:is|are)\s+(?:\w+ly\s+|here\s+|also\s+)?"
    r"(?P<verb>proposed|introduced|presented|developed|designed|devised|described|derived|"
    r"put\s+forward)\b(?:\s+and\s+(?P<second>[a-z]+ed)\b)?"
    r"(?:\s+(?:here|in\s+this\s+(?:paper|work|study|article)))?,?"
)
_BASE_OF_PARTICIPLE = {
    "proposed": "propose",
    "introduced": "introduce",
    "presented": "present",
    "developed": "develop",
    "designed": "design",
    "devised": "devise",
    "described": "describe",
    "derived": "derive",
    "put forward": "put forward",
}


@cache
def _own_method_verbs() -> frozenset[str]:
    participles = (line.split()[-1] for line in words("method_participles"))
    return frozenset((*words("own_method_verbs"), *participles))


# "Our method, called Predicting Operators and Symbolic Expressions (PROSE), learns maps ...":
# the method the subject, what it is called in commas
_OUR_METHOD = re.compile(
    r"(?:[A-Z]\w+,\s+)?Our\s+(?:proposed\s+)?(?:method|approach|model|framework|algorithm|"
    r"technique|architecture|scheme)(?:,\s+(?:called|named|dubbed|termed)\s+[^,;]+,)?\s+"
    r"(?P<adverb>(?:\w+ly\s+)?)(?P<verb>[a-z]+s)\b"
)


def _own_method_candidate(sentence: str, index: int, name: str | None) -> _Candidate | None:
    """What a paper's method does, said with the method as the subject, for an abstract that
    states no contribution with a verb of its own: PROSE had no proposal ("Our method, called
    ... (PROSE), learns maps from multimodal inputs to multimodal outputs, capable of generating
    both numerical predictions and mathematical equations"), its table row "—" (review50).
    Strength 0: below every proposal, above what the paper only reports."""
    found = _OUR_METHOD.match(sentence)
    if found is None or found.group("verb") not in _own_method_verbs():
        return None
    text = _finish(found.group("adverb") + sentence[found.start("verb") :], name)
    if text is None:
        return None
    return _Candidate(index, found.start("adverb"), 0, text)


def _passive_candidate(
    sentences: tuple[str, ...], index: int, name: str | None
) -> _Candidate | None:
    """ "A novel gradient boosting framework is proposed where ..." -> "proposes a novel gradient
    boosting framework where ..." (the voice changes, the words and the claim do not)."""
    sentence = sentences[index]
    start = _strip_openers(sentence, 0)
    match = _PASSIVE.match(sentence, start)
    if match is None or not balanced(match.group("object")):
        return None
    if _DANGLING_START.match(match.group("object")) or _FIRST_PERSON.search(match.group("object")):
        return None
    verb = _BASE_OF_PARTICIPLE[re.sub(r"\s+", " ", match.group("verb"))]
    phrase = match.group("object")
    if re.match(r"(?:The|An|A|Our)\s", phrase):
        phrase = phrase[0].lower() + phrase[1:]
    rest = sentence[match.end() :]
    verb_phrase = _third_person(verb)
    if match.group("second"):  # "is proposed and explored" -> "proposes and explores"
        second = match.group("second")
        base = second[:-1] if second[:-1] in _verb_strength() else second[:-2]
        verb_phrase += " and " + _third_person(base)
    gap = " " if rest and not rest.startswith((" ", ",")) else ""
    text = _finish(f"{verb_phrase} {phrase}{gap}{rest}", name)
    if text is None:
        return None
    strength = _verb_strength().get(verb, 2) - 1 + (1 if name and name in text else 0)
    return _Candidate(index, match.start("object"), strength, text)


_LISTED_VERB = re.compile(
    # "introduces the basics of X, describe Y, and organize Z": a comma lists verbs too
    r"(,?\s+and\s+(?:then\s+|also\s+|further\s+)?|,\s+)(show|demonstrate|propose|introduce|"
    r"describe|organize|organise|summarize|summarise|categorize|categorise|"
    r"present|evaluate|find|prove|use|apply|develop|provide|release|train|study|"
    r"analy[sz]e|identify|observe|derive|establish|explore|investigate|conduct|"
    r"validate|verify|compare|extend|leverage|employ|reveal|discuss|highlight|argue|"
    r"suggest|outline|test|measure|quantify|characterize|construct|build|curate|"
    r"collect|achieve|obtain|make|integrate|design)\b"
)


def _conjugate_listed(rest: str) -> str:
    """ "... X and show that Y" after "we propose": "and shows"; not in "to study and design X"."""

    def conjugate(match: re.Match[str]) -> str:
        if re.search(r"\bto\s+\w+$", rest[: match.start()]):
            return match.group(0)
        return match.group(1) + _third_person(match.group(2))

    return _LISTED_VERB.sub(conjugate, rest)


_RESULTS_OFFERED = re.compile(
    r"(?:presents|reports|provides|gives|includes|conducts|performs|carries\s+out)\s+"
    r"(?:(?:some|our|the|several|preliminary|experimental|empirical|extensive|numerical|"
    r"simulation|comprehensive|promising|encouraging|in-depth|detailed|thorough|and)\s+){0,4}"
    # ... or its discussion of them ("provides in-depth discussions and comprehensive ablation
    # studies of G_stack" was Stacking Your Transformers' proposal; a blind reader: "says nothing")
    r"(?:results|experiments|evaluations?|simulations|discussions?|ablations?|ablation\s+studies|"
    # ... or bounds on what it proposed ("We also present lower bounds establishing that our
    # algorithms are essentially best possible" was Paging with Succinct Predictions' proposal, and
    # the one-bit setups it develops were never said; review47)
    r"(?:lower|upper|matching|tight)\s+bounds?)\b"
)


# "proposes efficient training and inference algorithms": that a method can be trained and run
_ONLY_ALGORITHMS = re.compile(
    r"\S+\s+(?:an?\s+|the\s+)?(?:(?:efficient|effective|scalable|fast|new|novel|practical|"
    r"simple|corresponding|dedicated|tailored)\s+)*(?:(?:training|inference|learning|"
    r"optimi[sz]ation|sampling|decoding|estimation)\s+(?:and\s+|or\s+)?)+"
    r"(?:algorithms?|procedures?|schemes?|methods?|strategies|strategy|techniques?)$"
)
_NOT_AN_OFFER = -1  # below every proposal; the analysis prefers a finding to it
_NEW_ARTEFACT = 3  # the strength of a verb naming a new artefact (contribution_verbs.txt)
# "addresses O3 (lack of empirical guidelines) by ...": a label the abstract coined for one of
# its questions ("T1", a name, is no such label: it is not addressed)
_COINED_LABEL = re.compile(r"(?:addresses|tackles|answers)\s+(?:[A-Z]{1,2}\d|RQ\d)\b")

# "identifies three critical obstacles", "highlights two key challenges of ...": difficulties
# named, by a verb that only points at them
_NAMES_DIFFICULTIES = re.compile(
    r"(?:identifies|highlights|pinpoints|points\s+out|outlines|raises)\s+"
    r"(?:(?:the|three|two|four|five|several|some|a\s+few|a\s+number\s+of|many|various|"
    r"key|critical|crucial|major|main|fundamental|important|common|core|central|open|"
    r"practical|significant|unique|new)\s+){0,3}"
    r"(?:obstacles|challenges|limitations|issues|problems|gaps|bottlenecks|pitfalls|"
    r"shortcomings|weaknesses|drawbacks|barriers|difficulties|questions|concerns)\b"
)


# "The main difference to pruning is that we do not sparsify the network's weights but learn
# just a few key parameters ...", "The key idea is to introduce a soft selection layer ...": what
# the paper does, said as its idea or its difference
_KEY_IDEA = re.compile(
    r"(?:The|Our)\s+(?:main|key|core|central|basic)\s+(?:idea|difference|insight|novelty)\b"
    r"[^,.;]{0,60}?\s+is\s+(?:that\s+we\s+|to\s+)(?P<adverb>(?:\w+ly\s+)?)(?P<verb>[a-z][\w-]*)\b"
)
# what the paper calls its main idea ranks with a proposal it adds on ("Furthermore, we propose a
# novel knowledge transfer technique": 3, less one for the add-on), the earlier of the two
# winning, and below one it names as its contribution
_KEY_IDEA_STRENGTH = 2
_NOT_BUT = re.compile(r"\bbut\s+((?:just|only|rather|\w+ly)\s+)?([a-z]+)\b")


def _key_idea_candidate(sentence: str, index: int, name: str | None) -> _Candidate | None:
    """The paper's idea said as what it does: "does not sparsify the network's weights but
    learns just a few key parameters and keeps the other ones fixed ..." (strength 1: below a
    proposal the paper names as one, above a finding). Not one that only reports ("Our main
    contribution is to show that ...")."""
    found = _KEY_IDEA.match(sentence)
    if found is None or found.group("verb") in {"show", "demonstrate", "prove", "argue"}:
        return None
    rest = sentence[found.end("verb") :]
    if found.group("verb") == "do" and rest.startswith(" not"):
        # "do not X but learn Y": the verb after "but" is the paper's too
        rest = _NOT_BUT.sub(
            lambda m: f"but {m.group(1) or ''}{_present_third(m.group(2))}", rest, 1
        )
    printed = found.group("adverb") + _present_third(found.group("verb"))
    text = _finish(printed + _conjugate_coordinated(_conjugate_listed(rest)), name)
    if text is None:
        return None
    return _Candidate(index, found.start("adverb"), _KEY_IDEA_STRENGTH, text)


_SHOWN_ON = re.compile(
    r"(?:demonstrates|showcases|evaluates|validates|tests|applies|compares)\s+(?:the|its)\s+"
    r"(?:work|method|approach|framework|model|technique|system|idea)\s+(?:on|in|to|with|for|"
    r"against)\b"
)
# "we relax both of these assumptions by addressing the problem of adapting ...": what the paper
# does, said as the means of a clause that points back
_BY_MEANS = re.compile(
    r"\b[Ww]e\s+(?:\w+ly\s+)?(?P<main>[a-z]+)\b(?P<object>[^.;:()]{0,80}?)"
    # (not what comes after it: "via an empirical study, followed by building a conceptual ...")
    r"(?<!followed)(?<!accompanied)(?<!preceded),?\s+by\s+(?P<verb>[a-z]+ing)\b"
)


def _by_means_candidate(sentence: str, index: int, name: str | None) -> _Candidate | None:
    """The paper's proposal said as how it does what the sentence points back to: "relax both of
    these assumptions by addressing the problem of adapting a set of models ..." gives
    "addresses the problem of adapting ..." (SUMMIT was said by where it was shown to work, its
    proposal sentence pointing at assumptions the reader is not shown). One below the verb's
    strength: a means, where the paper states a contribution of its own elsewhere."""
    found = _BY_MEANS.search(sentence)
    if (
        found is None
        or _INNER_CLAUSE.search(found.group("object"))
        # "we address the diversity evaluation problem by proposing the Vendi Score": a verb
        # of contribution says it whole, means and all
        or found.group("main") in _verb_forms()
    ):
        return None
    base = _gerund_bases().get(found.group("verb"))
    if base is None:
        return None
    printed, strength = _verb_forms()[base]
    rest = _conjugate_coordinated(_conjugate_listed(sentence[found.end("verb") :]))
    text = _finish(printed + rest, name)
    if text is None:
        return None
    return _Candidate(index, found.start("verb"), strength - 1, text)


@cache
def _gerund_bases() -> dict[str, str]:
    """ "addressing" -> "address", "introducing" -> "introduce": the contribution verbs'
    -ing forms."""
    bases = {}
    for verb in _verb_strength():
        if " " in verb:
            continue
        stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
        bases[f"{stem}ing"] = verb
    return bases


# a proposal that is only an unnamed artefact and its adjectives ("proposes a novel loss")
_BARE_ARTEFACT = re.compile(
    r"\S+\s+(?:an?|the)\s+(?:[\w-]+,?\s+){0,3}?(?:"
    + "|".join(words("artefact_nouns"))
    + r"|loss|objective)s?\.?$"
)


def _proposal_candidates(sentences: tuple[str, ...], name: str | None) -> list[_Candidate]:
    forms = _verb_forms()
    candidates = []
    for index in range(len(sentences)):
        passive = _passive_candidate(sentences, index, name)
        if passive is not None:
            candidates.append(passive)
        idea = _key_idea_candidate(sentences[index], index, name)
        if idea is not None:
            candidates.append(idea)
        means = _by_means_candidate(sentences[index], index, name)
        if means is not None:
            candidates.append(means)
        own = _own_method_candidate(sentences[index], index, name)
        if own is not None:
            candidates.append(own)
    pattern = _contribution_pattern()
    for index, sentence in enumerate(sentences):
        if _URL.search(sentence):
            continue
        for match in pattern.finditer(sentence):
            verb = re.sub(r"\s+", " ", match.group("verb"))
            printed, strength = forms.get(verb, (verb, 1))
            # ("describes, and presents the PBSCSR dataset": the list's comma before its last
            # verb goes with the verbs before it)
            rest = re.sub(r"^,(\s+(?:and|or)\s)", r"\1", sentence[match.end("verb") :])
            # "we propose and evaluate X", "we train and compress X": every coordinated verb in
            # the third person, known to the verb list or not
            rest = JOINED_VERB.sub(
                lambda m: m.group(1) + forms.get(m.group(2), (_third_person(m.group(2)), 0))[0],
                rest,
            )
            rest = _conjugate_coordinated(_conjugate_listed(rest))
            rest = re.sub(r"^\s+here\b", "", rest)
            text = _finish(printed + rest, name)
            if text is None:
                # "we address this challenge for the problem of traffic forecasting and propose
                # an approach that exploits ... liquid neural networks": the clause the first
                # verb opens points back and cannot stand alone; the proposal coordinated after
                # it can
                second = _coordinated_proposal(sentence, match.end("verb"), name)
                if second is not None:
                    candidates.append(_Candidate(index, second[0], second[1], second[2]))
            if text is None:
                continue
            reports = strength == 1 and re.match(r"\S+\s+that\b", text) is not None
            if name and name in text:
                strength += 1  # "we propose X (Name)" beats "we design Y"; never "we evaluate Name"
            if re.match(
                r"proposes\s+to\s+(?:study|investigate|analy[sz]e|explore|examine|understand)", text
            ) or re.match(
                r"\S+\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:analysis|analyses|study|evaluation|"
                r"investigation|discussion|comparison|overview|characteri[sz]ation)\s+of\b",
                text,
            ):
                strength = 1
            if (
                _RESULTS_OFFERED.match(text)
                or _NAMES_DIFFICULTIES.match(text)
                # ... or where it was shown to work, or against what ("demonstrates the work on
                # the semantic segmentation problem" was SUMMIT's proposal, review25n #1;
                # "compares the approach to various neural image and feature compression
                # baselines ..." Supervised Compression's, #3)
                or _SHOWN_ON.match(text)
                # ... or takes on a label the reader is never shown ("addresses O3 (...)")
                or _COINED_LABEL.match(text)
                # ... or where others may go next ("provides a promising direction for future
                # research to explore advanced machine learning techniques")
                or _FUTURE_WORK.search(text)
            ):
                # "presents preliminary experimental results to support ...": how the paper
                # backs its claims; "identifies three critical obstacles: (O1) lack of ...": the
                # problem it takes on. None is what it offers, and a finding says more
                # (Stacking Your Transformers was said by its obstacles; a blind reader wanted
                # its G_stack finding)
                strength = _NOT_AN_OFFER
            if reports:
                # "shows that ..." is a finding, not what the paper offers, whether or not it
                # names the method ("shows that FreezeNets achieve good results" was FreezeNet's
                # proposal, over "does not sparsify the network's weights but learns ...")
                strength = 0
            if "the authors" in text:
                # "describes a simple experiment where the authors consider ...": a step the
                # authors take, said of them, is less what the paper offers than a proposal
                # naming it ("proposes sigmaReparam, a solution where the authors ...")
                strength -= 1
            if re.match(r"\S+\s+(?:the\s+)?readers?\b", text):
                strength = 0  # "takes the reader on a journey ...": the paper about itself
            if _BARE_ARTEFACT.match(text) and not (name and name in sentence):
                # "proposes a novel loss", "presents a simple solution": an artefact with
                # nothing said of it was CLIMATv2's whole proposal (review50: "a stub"), over
                # "predict prognosis with two transformer-based components"; one whose sentence
                # goes on to name it ("a simple solution to this problem using ... that we call
                # Magnitude Invariant Parametrizations (MIP)") is the proposal still
                strength = min(strength, 0)
            candidates.append(_Candidate(index, match.start("verb"), strength, text))
    # what a sentence adds to the contribution already stated ("Finally, we provide theoretical
    # vignettes that highlight the benefits of EMA ..." was Butterfly Effects of SGD Noise's
    # proposal in every answer, over what it studies and finds; review25n #12) ranks below it;
    # not a new artefact ("Finally, we propose a new method for probability estimation ..." is
    # where an abstract builds up to its method)
    adding = additive_opener()
    return [
        replace(candidate, strength=candidate.strength - 1)
        if adding.match(sentences[candidate.sentence])
        and (
            candidate.strength < _NEW_ARTEFACT
            # ... nor a new artefact added on ("Furthermore, we propose a novel knowledge transfer
            # technique, which we refer to as self-distillation" was Self-supervised Label
            # Augmentation's proposal, over its main idea; review48), where "Finally" may be
            # the artefact the abstract built up to
            or not _LAST_OPENER.match(sentences[candidate.sentence])
        )
        else candidate
        for candidate in candidates
    ]


_LAST_OPENER = re.compile(r"(?:finally|lastly)\b", re.IGNORECASE)
_INNER_CLAUSE = re.compile(r"\b(?:which|that|who|whose|where|to|by|while|when)\b")


@cache
def _coordinated_verb_pattern() -> re.Pattern[str]:
    # only a verb naming a new artefact (strength 3): "we explore these initial results and
    # describe next steps" describes no proposal
    strong = _alternation(
        tuple(verb for verb, (_, strength) in _verb_forms().items() if strength >= 3)
    )
    return re.compile(rf",?\s+and\s+{_ADVERBS}(?P<verb>{strong})\b")


def _coordinated_proposal(
    sentence: str, after: int, name: str | None
) -> tuple[int, int, str] | None:
    """The proposal a "we ... and propose Y" sentence coordinates after its first verb, as
    (start, strength, text); None when there is none or it cannot stand alone."""
    found = _coordinated_verb_pattern().search(sentence, after)
    if found is None:
        return None
    between = sentence[after : found.start()]
    # coordinated with the first verb, not inside a clause of its object ("proposing the Vendi
    # Score, which connects and extends ideas from ecology")
    if not balanced(between) or _INNER_CLAUSE.search(between):
        return None
    printed, strength = _verb_forms()[found.group("verb")]
    rest = _conjugate_coordinated(_conjugate_listed(sentence[found.end("verb") :]))
    text = _finish(printed + rest, name)
    if text is None:
        return None
    return found.start("verb"), strength + (1 if name and name in text else 0), text


def _span_from(sentences: tuple[str, ...], index: int, start: int, text: str) -> Span:
    sentence = sentences[index]
    return Span(index, start, _raw_end(sentence, start, text), text)


# --- finding -------------------------------------------------------------------------------------


@cache
def _finding_pattern() -> re.Pattern[str]:
    verbs = _alternation(_lexicon("evidential_verbs"))
    return re.compile(
        r"\b(?:[Ww]e|[Oo]ur\s+(?:\w+\s+){0,2}?(?:results?|experiments?|analys[ie]s|findings?|"
        r"study|evaluation|theory)|(?:[Tt]he\s+)?(?:[Ee]xperiments?|[Rr]esults?|[Ee]valuations?|"
        # (a singular subject takes the verb's -s: "Our key result shows that ...")
        r"[Aa]nalys[ie]s|[Ff]indings?))\s+" + _ADVERBS + rf"(?:{verbs})(?:e?s)?\s+"
        r"(?:(?:both\s+)?(?:theoretically|empirically|experimentally)\s+(?:and\s+\w+ly\s+)?)?that\s+"
    )


# "we show that ADS outperforms fixed sampling strategies, and study an application of ADS":
# the second verb is the authors', not the finding's ("It finds that ADS ..., and study ...")
_AUTHORS_NEXT_VERB = re.compile(r",\s+and\s+(?P<verb>[a-z]+)\b")


def _finding_end(text: str) -> int:
    """Where the finding of a "we show that ..." clause ends: before a verb coordinated with
    "show" (the base form, which no subject of the finding takes), else at the sentence's end."""
    for match in _AUTHORS_NEXT_VERB.finditer(text):
        verb = match.group("verb")
        if verb in _verb_strength() and not re.search(r"(?:s|ed|ing)$", verb):
            return match.start()
    return len(text)


@cache
def _coordinated_finding_pattern() -> re.Pattern[str]:
    verbs = _alternation(_lexicon("evidential_verbs"))
    return re.compile(
        rf"\b[Ww]e\s+{_ADVERBS}(?P<first>[a-z]+)\b(?P<between>[^.;:]{{0,160}}?),?\s+and\s+"
        + _ADVERBS
        + rf"(?:{verbs})(?:e?s)?\s+that\s+"
    )


def _finding(sentences: tuple[str, ...], name: str | None) -> Span | None:
    found = _finding_from(sentences, name, _finding_pattern())
    if found is not None:
        return found
    # "we challenge this assumption and show that by simply adding a positional encoding for the
    # output, this order can be modulated on-the-fly" (sigma-GPTs): the finding is the second
    # of the authors' verbs. Read only when no sentence says it the plain way, so a paper whose
    # finding was found keeps it; the first verb's object must not hold a clause of its own
    # ("we use a model that ... and show that" would join the wrong verbs).
    return _finding_from(sentences, name, _coordinated_finding_pattern(), coordinated=True)


def _finding_from(
    sentences: tuple[str, ...],
    name: str | None,
    pattern: re.Pattern[str],
    *,
    coordinated: bool = False,
) -> Span | None:
    for index, sentence in enumerate(sentences):
        for match in pattern.finditer(sentence):
            if coordinated and (
                match.group("first") in _lexicon("evidential_verbs")
                or not balanced(match.group("between"))
                or _INNER_CLAUSE.search(match.group("between"))
                or re.search(r"\b[Ww]e\b", match.group("between"))
            ):
                continue
            start = match.end()
            if _DANGLING_START.match(sentence[start:]):
                continue
            end = start + _finding_end(sentence[start:])
            text = _finish(sentence[start:end], name)
            # a finding cut short of its verb ("a general remedy, adding a random Fourier
            # feature layer", whose "resolves this issue" pointed back) says nothing
            cut = len(text.split()) < len(sentence[start:end].split()) if text else False
            if text and not (cut and (verbless(text) or _NOUN_PHRASE.fullmatch(text))):
                return _span_from(sentences, index, start, text)
    return None


# ... nor a subject alone ("the likely reasons | for this outperformance are strong interaction
# and non-linear effects": "It finds that the likely reasons" in related work), whose last word
# in -s is its plural noun, not a verb
_NOUN_PHRASE = re.compile(r"(?:the|an?|its|their)\s+(?:[\w-]+\s+){0,3}[\w-]+", re.IGNORECASE)


# --- mechanism -----------------------------------------------------------------------------------

_NOT_MECHANISM = re.compile(
    r"^(?:\w+ly\s+)?(?:outperform|achiev|surpass|obtain|attain|match|exceed|reach|deliver|yield|"
    r"is\s+(?:publicly\s+)?available|are\s+(?:publicly\s+)?available|will|can\s+be\s+found|"
    r"show|demonstrate|evaluate|conduct|perform|release|make|open[- ]?source|open\b|validate|verify|test|"
    r"compare|report|find|found|observe|expect|discuss|conclude|note|present|"
    # what the authors believe, hope or envision is an outlook, not how the method works
    rf"{'|'.join(_lexicon('mental_verbs'))}|"
    r"propose|introduce|also\s+propose|call|name|term|dub|refer|notice|argue|hypothesi[sz]e|"
    r"has\s+(?:\w+\s+){0,2}(?:achiev|shown|demonstrat|replicat|outperform)|provide\s+(?:\w+\s+)?evidence|"
    r"provides\s+(?:\w+\s+)?evidence|study|studies|analy[sz]e|investigate|explore|examine|"
    r"discover|reveal|observe|confirm|suggest|indicate|ares?\b|is\s+able|are\s+able|"
    # "DD challenges the prevailing notion that AR models are inherently slow", "TTM marks the
    # first success in ...": where the work stands, not how it works
    r"challenges?\s+the\b|marks?\s+the\s+first\b|opens?\s+up\b|"
    # "This approach offers both mathematical rigor and practical expressivity": a quality the
    # method is credited with, not how it works
    r"(?:offers|provides|enjoys|boasts|exhibits|possesses)\s+(?:both|several|many|significant|"
    r"strong|better|improved|superior|greater|higher|remarkable|(?:the\s+)?(?:advantages?|"
    r"benefits?|flexibility|guarantees?)\b))",
    re.IGNORECASE,
)
# How well a method did, not how it works (the writers' topic sentences skip these too)
RESULT_WORDS = re.compile(
    r"\b(?:outperform\w*|results|superior|surpass\w*|effectiveness|"
    # ... not the parts a method is built from ("VPT uses four SOTA encoder models from prior
    # work to convert a video ...": how it works, which was passed over for the dataset it built)
    r"(?:state-of-the-art|sota)(?!\s+(?:[\w-]+\s+)?(?:models?|encoders?|decoders?|backbones?|"
    r"networks?|architectures?|components?|modules?|LLMs?)\b))\b",
    re.I,
)
_PART_INTRODUCED = re.compile(r"(?:introduces|proposes|designs|develops|devises)\s+(?!a\s+novel\b)")
_EVALUATIVE_PURPOSE = re.compile(r"\bto\s+(?:show|demonstrate|evaluate|validate|verify|test)\b")
_WE_VERB = re.compile(
    r"^(?:[Ww]e)\s+"
    + _ADVERBS
    + r"(?P<verb>(?:[a-z]+-)?(?:[a-z]+(?:ss|us|is)|[a-z]*[a-rt-z]))(?![\w-])"
)


_MECHANISM_PARTICIPLES = frozenset(
    [
        "based",
        "built",
        "trained",
        "designed",
        "composed",
        "implemented",
        "formulated",
        # "The Vendi Score is defined as the exponential of the Shannon entropy of ...": what
        # a metric is, the way it works (a blind reader: "the Vendi definition is missing")
        "defined",
        "computed",
        "calculated",
        "obtained",
        "derived",
        "inspired",
        "grounded",
        "realized",
        "realised",
        "parameterized",
        "parametrized",
        "constructed",
        "optimized",
        "learned",
    ]
)
_METHOD_NOUN = (
    r"(?:method|approach|framework|model|technique|algorithm|system|architecture|scheme|pipeline|"
    r"strategy|design|key\s+idea|core\s+idea|idea|module|mechanism)"
)
_GENERIC_SUBJECT = re.compile(
    rf"(?:(?:[Oo]ur|[Tt]he\s+proposed|[Tt]his)\s+(?:\w+\s+){{0,2}}?{_METHOD_NOUN}|[Ii]t)\s+"
)
# A contribution about where others may go next is no proposal
_FUTURE_WORK = re.compile(
    r"\bfuture\s+(?:research|work|studies|directions?|investigations?)\b", re.I
)
# The authors bringing in something of their own ("we propose a", "we advocate for constructing")
_WE_BRING = re.compile(r"\b[Ww]e\s+(?:\w+ly\s+)?[a-z]+\s+(?:for\s+)?(?:a|an|to|\w+ing)\b")
# "This strategy translates in that one tree per class ... has to be trained" after "Standard
# gradient boosting uses a 1-vs-all strategy": the strategy is the one the sentence before
# names, not the paper's (it was said "It translates in that ...", the cost of the method the
# paper replaces said of the paper; a blind reader)
_THIS_NOUN = re.compile(rf"[Tt]h(?:is|ese)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{_METHOD_NOUN})")


def _names_anothers(body: str, previous: str) -> bool:
    """Whether ``body`` opens on "this <method noun>" whose noun the sentence before it writes
    of something other than the paper (no "we", "our", "this paper" there)."""
    this = _THIS_NOUN.match(body)
    return (
        this is not None
        and re.search(rf"\b{re.escape(this.group('noun'))}", previous, re.IGNORECASE) is not None
        and _FIRST_PERSON.search(previous) is None
        and re.search(r"\b(?:this|the)\s+(?:paper|work|study)\b", previous, re.I) is None
    )


_PREDICATE = re.compile(
    r"(?:\w+ly\s+)?(?:[a-z][a-z\-]*(?:s|ed)\b|(?:can|could|may|might)\s+(?:\w+ly\s+)?"
    r"(?!be\b|also\b)[a-z]+\b)"
)
_OUR_FRAMEWORK = re.compile(
    r"(?:[Oo]ur|[Tt]he\s+proposed)\s+(?:\w+\s+){0,2}?(?:method|approach|framework|model|"
    r"technique|algorithm|system|architecture)"
)
_APPOSITIVE = re.compile(r",\s+(?:dubbed|called|named|termed|coined)\s+[^,]{1,80},\s+")


def _predicate_start(body: str, name: str | None) -> int | None:
    """Offset of the predicate when ``body`` starts with the paper's method as subject."""
    position = None
    named_kind = (
        re.match(
            rf"[Tt]he\s+{re.escape(name)}\s+(?:method|approach|framework|model|technique|"
            r"algorithm|system|architecture)\s+",
            body,
        )
        if name
        else None
    )
    if name and body.startswith(name + " "):
        position = len(name) + 1
    elif named_kind is not None:
        position = named_kind.end()  # "The O3 framework includes an OOD detector ..."
    elif name and body.startswith(f"The {name} "):
        position = len(name) + 5  # "The Vendi Score is defined as ..."
    else:
        subject = _GENERIC_SUBJECT.match(body)
        if subject:
            position = subject.end()
        else:
            named = _OUR_FRAMEWORK.match(body)
            appositive = _APPOSITIVE.match(body, named.end()) if named else None
            if appositive:
                position = appositive.end()  # "Our proposed framework, dubbed DSEE, aims to ..."
    if position is None or not _PREDICATE.match(body, position):
        return None
    if re.match(r"[\w\-]+\s+(?:is|are|was|were|can|will|have|has)\b", body[position:]):
        return None  # "Hydra heads are ...": the word after the name was a noun
    copula = re.match(r"(?:is|are|was|were|ha(?:s|ve)\s+been)\s+(?P<next>\w+)", body[position:])
    if copula and copula.group("next") not in _MECHANISM_PARTICIPLES:
        # "is agnostic to ...": a property, not how it works; "Our design has been driven by
        # observations of our application workloads": how it came about (Monolith's mechanism
        # was that, a blind reader: "a dangling subject")
        return None
    return position


# "Specifically, a CLIP model is adopted as ...", "Concretely, an Activation Map Constraint (AMC)
# module is designed to ...": a part of the method, introduced by an article, and a passive verb
_SAYS_HOW_PASSIVELY = re.compile(
    r"^(?:Specifically|Concretely|More specifically|In particular|To be specific|"
    # ("In our method, a small auxiliary model is used to process the prompt ...": the method
    # a proposal only named, "a novel method called KV Prediction", said in the passive)
    r"(?P<ours>In\s+our\s+(?:method|approach|framework))),\s+"
    r"(?P<body>(?:an?)\s[^,;]{1,80}?\s(?:is|are)\s+(?:\w+ly\s+)?"
    r"(?:adopted|designed|used|employed|introduced|developed|trained|built|constructed|"
    r"proposed|applied|learned|leveraged|utilized|incorporated)\b)"
)


_PROPOSAL_SAYS_WORDS = 10
_CONTRAST_OPENING = re.compile(r"(?:Instead\s+of|Rather\s+than|Unlike)\s[^,;.]{1,80},\s+(?=\S)")


# what a title says the method works by: "AutoInt: Automatic Feature Interaction Learning via
# Self-Attentive Neural Networks"
_TITLE_MEANS = re.compile(r"\b(?:via|using|through|with|by)\s+(?P<means>[^:;,()]{3,80})$", re.I)
_PASSIVE_PART = re.compile(
    # ("Afterwards, a multi-head ... is proposed to ...": an opener of sequence goes)
    r"^(?:[A-Z][a-z]+(?:\s[a-z]+){0,2},\s+)?(?P<body>(?:an?|the)\s[^,;]{1,80}?\s(?:is|are)\s+(?:\w+ly\s+)?"
    r"(?:adopted|designed|used|employed|introduced|developed|trained|built|constructed|"
    r"proposed|applied|learned|leveraged|utilized|incorporated)\b)"
)


def _titled_mechanism(
    title: str, sentences: tuple[str, ...], name: str | None, after: int
) -> Span | None:
    """The sentence after the proposal that writes what the title says the method works by,
    said as a mechanism: AutoInt ("... via Self-Attentive Neural Networks") was said by
    "maps both the numerical and categorical features into the same low-dimensional space",
    the step before its attention ("a multi-head self-attentive neural network with residual
    connections is proposed to explicitly model the feature interactions"; a blind reader: "the
    attention is never mentioned"). Only a means of two content words or more."""
    found = _TITLE_MEANS.search(title.split(":", 1)[-1].strip())
    if found is None:
        return None
    means = set(tokenize(found.group("means")))
    if len(means) < 2:
        return None
    for index in range(after + 1, len(sentences)):
        sentence = sentences[index]
        if (
            _URL.search(sentence)
            or _FIGURE.search(sentence)
            or not means <= set(tokenize(sentence))
        ):
            continue
        start = _strip_openers(sentence, 0)
        passive = _PASSIVE_PART.match(sentence[start:])
        if passive is None:
            return None  # the loop below says it as any other, in its turn
        begin = start + passive.start("body")
        text = _finish(sentence[begin:], name)
        if text and len(text.split()) >= MIN_MECHANISM_WORDS:
            return _span_from(sentences, index, begin, text)
        return None
    return None


def _mechanism(
    sentences: tuple[str, ...],
    name: str | None,
    after: int,
    proposal: Span | None,
    title: str = "",
) -> Span | None:
    titled = _titled_mechanism(title, sentences, name, after) if title else None
    if titled is not None:
        return titled
    forms = _verb_forms()
    for index in range(after, len(sentences)):
        sentence = sentences[index]
        if _URL.search(sentence) or _FIGURE.search(sentence):
            continue
        start = _strip_openers(sentence, 0)
        contrast = _CONTRAST_OPENING.match(sentence[start:])
        if contrast is not None:
            # "Instead of training the network as a whole, the proposed algorithm trains the
            # network sequentially in T steps": what the method does, after what it does not
            start += contrast.end()
        body = sentence[start:]
        if index == after:
            continue
        idea = _key_idea_candidate(sentence, index, name)
        if idea is not None and len(idea.text.split()) >= MIN_MECHANISM_WORDS:
            # "The main idea is to continually update (multiple) draft model(s) on observed
            # user query data ...": how the method works, in so many words (OSD was said by
            # "develops a prototype ... and evaluates it", three sentences on)
            return _span_from(sentences, index, idea.start, idea.text)
        # after a proposal that says what the method does; after one that names it ("proposes a
        # Background Activation Suppression (BAS) method") a later sentence saying what the method
        # achieves ("can learn the whole region of the object") told blind readers more
        says_what = proposal is not None and len(proposal.text.split()) >= _PROPOSAL_SAYS_WORDS
        specific = _SAYS_HOW_PASSIVELY.match(sentence) if index == after + 1 else None
        if specific is not None and (says_what or specific.group("ours")):
            # "Specifically, a CLIP model is adopted as the reward model during TTA and
            # provides feedback for the VLM": right after the proposal, its part named and
            # what is done with it, in the passive; the sentence keeps its own subject
            text = _finish(sentence[specific.start("body") :], name)
            if text and len(text.split()) >= MIN_MECHANISM_WORDS:
                return _span_from(sentences, index, specific.start("body"), text)
        predicate = _predicate_start(body, name)
        if predicate is not None and index > 0 and _names_anothers(body, sentences[index - 1]):
            continue
        # "It"/"This approach" as subject is the paper's method right after its proposal; past a
        # sentence in which the authors bring in something else ("On the one hand, we advocate
        # for constructing a mixed dataset ..."), "This approach significantly expands the scale
        # of training data" is that thing's (review31b: credited to GPHT, was its dataset's)
        leaning = body.startswith(("It ", "it ")) or (
            _THIS_NOUN.match(body) is not None
            and any(_WE_BRING.search(sentences[between]) for between in range(after + 1, index))
        )
        if predicate is not None and not (leaning and index != after + 1):
            rest_start = start + predicate
            # "CORAL introduces Cross-Step Representation Alignment, a method that ..." right
            # after the proposal is the part that does the work, as "we introduce" there is
            if _NOT_MECHANISM.match(sentence[rest_start:]) and not (
                index == after + 1 and _PART_INTRODUCED.match(sentence[rest_start:])
            ):
                continue
            text = _finish(sentence[rest_start:], name)
            if (
                text
                and len(text.split()) >= MIN_MECHANISM_WORDS
                and not _EVALUATIVE_PURPOSE.search(text)
                and not RESULT_WORDS.search(text)
            ):
                return _span_from(sentences, index, rest_start, text)
            continue
        we = _WE_VERB.match(body)
        if we:
            verb = we.group("verb")
            # a second "we propose Y" after the main proposal usually says how ("an offline
            # approach to quantize inputs by sorting and clustering")
            second_proposal = verb in {"propose", "introduce", "design", "develop", "devise"}
            if (_NOT_MECHANISM.match(verb) and not second_proposal) or verb in {"also", "further"}:
                continue
            if verb == "have" and not re.match(
                r"\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|lt|ne)\b", body[we.end("verb") :]
            ):
                continue  # "In industry, we have large amounts of data": the world, not the method
            strength = forms.get(verb, (verb, 2))[1]
            if strength == 1:
                continue
            verb_start = start + we.start("verb")
            printed = forms[verb][0] if verb in forms else _present_third(verb)
            joined = JOINED_VERB.sub(  # "we train and compress full models"
                lambda m: m.group(1) + _present_third(m.group(2)),
                sentence[start + we.end("verb") :],
            )
            text = _finish(_conjugate_coordinated(printed + joined), name)
            if (
                text
                and len(text.split()) >= MIN_MECHANISM_WORDS
                and not _EVALUATIVE_PURPOSE.search(text)
                and not RESULT_WORDS.search(text)
                # "provides in-depth discussions and comprehensive ablation studies of G_stack":
                # how the paper backs its method, not how the method works
                and not _RESULTS_OFFERED.match(text)
                # "We also propose efficient training and inference algorithms": that the method
                # can be trained and run, not how it works (HYPRO's table cell "Approach" was it;
                # a blind reader: "misstates what HYPRO adds on top of the base model")
                and not _ONLY_ALGORITHMS.match(text)
            ):
                return _span_from(sentences, index, verb_start, text)
    if proposal is not None:
        # the proposal sentence's own relative clause: "X, which leverages ..."
        sentence = sentences[proposal.sentence]
        which = re.search(r",\s+(?:which|that)\s+(?P<verb>[a-z]+s)\b", sentence[proposal.start :])
        if which and not _NOT_MECHANISM.match(which.group("verb")):
            start = proposal.start + which.start("verb")
            text = _finish(sentence[start:], name)
            if text:
                return _span_from(sentences, proposal.sentence, start, text)
    return None
