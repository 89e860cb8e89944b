"""Writing from claims: what each paper proposes, how, and what it reports, in a researcher's form.

The extractive engine used to stitch whole abstract sentences, which carry their context with them
("Second,", "To address these issues", "we"). Here each paper is said from its analysed claims
(``assistant.text.claims``): spans of its abstract with openers removed and first person resolved, never
reworded. A paper's first sentence names it and says what it proposes (or, for an analysis, what it
finds); a second says how, when the abstract says so apart from the proposal; a third gives the
reported result with its figure. Every sentence cites the one paper it is drawn from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from assistant.models import DraftSentence, Paper
from assistant.text.analysis import CONTRAST
from assistant.text.claims import (
    PaperClaims,
    Result,
    Span,
    evidence_verb_before,
    fix_artefacts,
    opens_with_subject,
    standalone,
    verb_before,
    without_openers,
)
from assistant.text.claims.spans import (
    EVIDENCE_KIND_STEMS,
    EVIDENCE_NOUNS,
    claim_mode,
    claim_scope,
)
from assistant.text.lexicon import words as lexicon_words
from assistant.text.names import (
    LABEL_MAX_WORDS,
    method_name,
    reads_as_clause,
    title_head,
    writes_label,
)
from assistant.text.patterns import compiled
from assistant.text.sentences import abstract_sentences
from assistant.text.tokens import sentence_case, tokenize
from assistant.writers.rewrite import (
    IRREGULAR_THIRD,
    authors_act,
    names_itself,
    past_tense,
    rewrite,
)


def paper_claims(paper: Paper) -> PaperClaims:
    """The paper's analysed claims (``analyse`` caches them)."""
    return paper.analysis.claims


@dataclass(frozen=True)
class Said:
    """A paper as the writer says it: its prose label and its sentences, first one naming it."""

    paper: Paper
    label: str | None
    sentences: tuple[DraftSentence, ...]
    # the first sentence only names what the paper proposes ("ECBMs proposes Energy-based
    # Concept Bottleneck Models", "proposes a novel loss"): alone, it says nothing of it
    bare: bool = False
    # the claim the first sentence was said from (the proposal, or the mechanism standing in
    # for a proposal that only names it, or the finding)
    source: Span | None = None


def prose_label(paper: Paper, claims: PaperClaims) -> str | None:
    """The name the paper goes by (as its citations show it), else its title when short; never a
    cut title."""
    name = method_name(paper)
    if name:
        return name
    head = fix_artefacts(title_head(paper.title))
    if head and len(head.split()) <= LABEL_MAX_WORDS:
        return head
    return None


# the paper's evidence and its verb before a finding's "that" clause
_EVIDENCE_THAT = re.compile(
    rf"\b{EVIDENCE_NOUNS}\s+(?:\w+ly\s+)?([a-z]+)\s+that\s+$", re.IGNORECASE
)


def _finding_verb(paper: Paper, finding: Span) -> str:
    """ "argues that", "proves that" as the abstract states its finding (lexicon/stance_verbs.txt:
    said "finds that", an argument read as a result); "finds that" else."""
    sentence = abstract_sentences(paper.abstract)[finding.sentence]
    verb = evidence_verb_before(sentence, finding.start)
    if verb is None:
        # "Our results suggest that transcoders can prove effective ...": the hedge is the
        # results' verb (said "It finds that", a suggestion read as a finding; review29b)
        evidence = _EVIDENCE_THAT.search(sentence[: finding.start])
        if evidence is not None:
            # "Our analysis suggests that": a singular noun's verb has its "s" already (it
            # was said "suggestss", no stance verb, and so "finds that"; review67)
            word = evidence.group(1)
            verb = f"{word} that" if word in lexicon_words("stance_verbs") else f"{word}s that"
    if verb is not None and verb.endswith(" that"):
        # "we proved that system reliability could be traded-off ...": the past of a stance
        # verb is that verb ("It proves that"; it was said "finds that", a proof read as a
        # result, as review66 read "we prove")
        verb = f"{_stance_present(verb.split()[0]) or verb.split()[0]} that"
    if not (
        verb is not None
        and verb.endswith(" that")
        and verb.split()[0] in lexicon_words("stance_verbs")
    ):
        verb = "finds that"
    if verb == "indicates that":
        # "The results indicate that O3 consistently achieves ...": what results indicate, a
        # paper reports ("It indicates that ..." read as an odd subject; review61)
        verb = "reports that"
    # "our empirical results demonstrate that ...", "we empirically show that ...": the kind of
    # evidence stays with the finding ("It demonstrates that higher dimensional tasks require
    # greater inductive bias" read as a proof, in an answer about proofs; review47)
    kind = _EVIDENCE_KIND.search(sentence[: finding.start])
    if kind is not None:
        adjective = kind.group(1) or f"{kind.group(2) or kind.group(3)}al"
        verb = f"{verb.removesuffix(' that')} {adjective.lower()}ly that"
    return verb


def _stance_present(verb: str) -> str | None:
    """The stance verb (lexicon/stance_verbs.txt) whose past ``verb`` is ("proved" -> "proves",
    "established" -> "establishes"), or None."""
    stances = lexicon_words("stance_verbs")
    for past, present in (("ed", "es"), ("ed", "s"), ("d", "s")):
        if verb.endswith(past) and f"{verb[: -len(past)]}{present}" in stances:
            return f"{verb[: -len(past)]}{present}"
    return None


def _finding_clause(paper: Paper, finding: Span) -> str:
    """The finding as the paper's: its verb, then the clause, where "our approach" it opens on
    is the paper's own ("It shows that its approach is useful even for models enhanced with
    uncertainty awareness"; "the approach" pointed at none the reader was shown, review59)."""
    text = finding.text
    sentence = abstract_sentences(paper.abstract)[finding.sentence]
    if re.match(r"our\s", sentence[finding.start :], re.IGNORECASE):
        text = re.sub(r"^the\s+(?=[\w-]+\s)", "its ", text)
    return f"{_finding_verb(paper, finding)} {text}"


# the kind of evidence a finding rests on, said right before it: "our empirical results
# demonstrate that", "we empirically show that", "numerical experiments show that"
_EVIDENCE_KIND = re.compile(
    rf"\b({EVIDENCE_KIND_STEMS}al)\s+(?:[\w-]+\s+)?{EVIDENCE_NOUNS}\s+"
    r"(?:\w+ly\s+)?[a-z]+\s+that\s+$|"
    rf"\b[Ww]e\s+({EVIDENCE_KIND_STEMS})ally\s+[a-z]+\s+that\s+$|"
    # "we prove theoretically that", "we show empirically that"
    rf"\b[Ww]e\s+[a-z]+\s+({EVIDENCE_KIND_STEMS})ally\s+that\s+$",
    re.IGNORECASE,
)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(",;:")
    return text if text.endswith((".", "!", "?")) else text + "."


def _best_result(claims: PaperClaims, wanted: Sequence[str] = ()) -> Result | None:
    """The result with a figure (one that mentions a wanted term first), else the first result;
    not one that hangs off a clause it leaves out ("including (i) 91% accuracy on sequential
    CIFAR-10 ..." was said "It including (i) 91% accuracy ...")."""
    sayable = [
        result
        for result in claims.results
        if not _HANGING.match(result.text) and not _figures_of_a_list(result.text)
    ]
    with_figure = [result for result in sayable if result.figure]
    for result in with_figure:
        if any(term.lower() in result.text.lower() for term in wanted):
            return result
    return with_figure[0] if with_figure else (sayable[0] if sayable else None)


_HANGING = re.compile(r"(?:including|such as|e\.g\.|i\.e\.|namely)\b", re.IGNORECASE)


def _figures_of_a_list(text: str) -> bool:
    """Whether a result is a list of what its bracketed figures measure, with no verb to say
    them ("Semantic segmentation (83.9 mIoU on Cityscapes), BEV map segmentation (70.6 mIoU on
    nuScenes), and depth estimation (0.05 REL on KITTI)", an abstract's "For example, ..."):
    a table cell, not a sentence."""
    outside = re.sub(r"\([^()]*\)", " ", text)
    if re.search(r"\d", outside) or outside == text:
        return False
    items = [
        item
        for item in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", outside.strip(" .;"))
        if item.strip()
    ]
    # every item with its own bracketed figure
    figures = [inside for inside in re.findall(r"\(([^()]*)\)", text) if re.search(r"\d", inside)]
    return 2 <= len(items) <= len(figures) and all(len(item.split()) <= 4 for item in items)


def overlaps(inner: str, outer: str) -> bool:
    """Whether most of ``inner``'s words are in ``outer``: it says nothing ``outer`` does not."""
    inner_words = set(re.findall(r"\w+", inner.lower()))
    outer_words = set(re.findall(r"\w+", outer.lower()))
    return bool(inner_words) and len(inner_words & outer_words) / len(inner_words) > 0.6


_NAMED_APPOSITIVE = re.compile(
    r"^(?:proposes|introduces|presents|develops|describes|proposed|introduced|presented)\s+"
    # a name in capitals, or in camel case ("sigmaReparam", "aTLAS")
    r"(?P<name>(?:[A-Z]|[a-z]+[A-Z])[\w+\-.]*[\w+](?:\s[A-Z][\w+\-.]*[\w+]){0,2})"
    # "LiveSpeech - a fully autoregressive ...": a dash sets the appositive off as a comma does
    # ... or an adjective phrase ("Quamba2, compatible with W8A8 ...")
    r"(?:(?:,|\s+-{1,2}|\s+[—–])\s+"
    r"(?P<rest>(?:a|an|the)\s.+|(?:compatible|capable|applicable|suitable|agnostic)\s.+)|"
    r",?\s+(?:which|that)\s+"
    r"(?P<verb>.+)|"
    # "proposes Jakiro, leveraging Mixture of Experts (MoE), where ...": how it works, in a
    # participle (method_participles)
    r",\s+(?P<participle>[a-z]+ing)\s+(?P<object>.+))$"
)


@cache
def _method_participles() -> dict[str, str]:
    return dict(entry.split() for entry in lexicon_words("method_participles"))


# ... and the paper's name as its abstract writes it, in any case and with a head noun after it
# ("the use of movement pruning, a ...", "Hydra heads, a ...")
_WRITTEN_APPOSITIVE = re.compile(
    r"^(?:proposes|introduces|presents|develops|describes)\s+(?:the\s+use\s+of\s+)?"
    r"(?P<phrase>[^,()]{2,60}?),\s+(?P<rest>(?:a|an)\s.+)$"
)

# ... and the same with the name spelled out before its acronym
_SPELLED_APPOSITIVE = re.compile(
    r"^(?:proposes|introduces|presents|develops|proposed|introduced|presented)\s+(?P<article>the\s+)?"
    # "..., a new class of ..." or "... – a novel attention-based architecture ..."
    # (a capital with an accent too: "À-la-carte Prompt Tuning (APT)")
    # ... or in lower case ("proposes black-box visual prompting (BlackVIP), which ...", "the
    # second generation of Only-Train-Once (OTOv2)"), though not "a"/"an" anything
    r"(?P<spelled>(?!(?:a|an)\s)[A-ZÀ-ÖØ-Þa-z][^,()]{2,80}?)\s+\((?P<name>[^()]+)\)"
    r"(?:(?:,|\s+-{1,2}|\s+[—–])\s+(?P<rest>(?:a|an|the)\s.+)|"
    r",?\s+(?:which|that)\s+(?P<verb>.+)|"
    # "introduces Element to Tuple Prompting (E2TP), employing a two-step architecture"
    r",\s+(?P<participle>[a-z]+ing)\s+(?P<object>.+))$"
)


# "presents the PBSCSR dataset for studying ...", "describes and presents the X model that ..."
_THE_NAMED_KIND = re.compile(
    r"^(?:[a-z]+s\s+and\s+)?(?:proposes|introduces|presents|develops|describes|releases)\s+the\s+"
    r"(?P<name>[A-Z][\w+\-.]*)\s+(?P<kind>dataset|benchmark|corpus|model|framework|method|"
    r"algorithm|architecture|library|toolkit)\s+(?P<rest>(?:for|that|which|to|with|of|in)\s.+)$"
)

_SOLUTION = re.compile(r"(?:a|an)\s+(?:[\w-]+,?\s+){0,4}?(?:solution|remedy|fix)\b")


def written_subject(lead_text: str, name: str | None) -> str | None:
    """ "proposes the use of movement pruning, a simple, deterministic first-order weight pruning
    method ..." (Movement Pruning), "proposes Hydra heads, a sequentially dependent ...
    replacement" (Hydra) -> "Movement pruning is a simple ...", "Hydra heads are a ...": the
    name as the paper writes it, and what it is; None for any other lead."""
    written = _WRITTEN_APPOSITIVE.match(lead_text) if name else None
    if written is None or not re.match(
        rf"{re.escape(name or '')}(?:\s+[a-z]+)?$", written.group("phrase"), re.IGNORECASE
    ):
        return None
    phrase = written.group("phrase")
    verb = "are" if re.search(r"[^su]s$", phrase) else "is"
    return f"{sentence_case(phrase)} {verb} {written.group('rest')}"


def named_subject(lead_text: str, name: str | None, *, spelled_name: bool = False) -> str | None:
    """ "proposes CORAL, a framework that X" -> "CORAL is a framework that X"; "introduces EAGLE-3,
    which abandons Y" (or "presents Chimera that uses Y") -> "EAGLE-3 abandons Y": the paper's name
    as the subject, the abstract's words as the predicate, no claim changed. ``spelled_name``:
    ``name`` may be the spelled-out form before the acronym ("presents Entropy Adaptive Decoding
    (EAD), a novel approach"), for a paper that would otherwise be "One paper"; one whose title
    can be the subject keeps it ("Offline Reinforcement Learning for LLM Multi-Step Reasoning
    proposes OREO ...", which blind readers preferred to "OREO (Offline Reasoning Optimization)
    is ...")."""
    if name and lead_text.endswith(f"({name})"):
        # "integrates selective SSMs into a simplified architecture ... (Mamba)": the name the
        # sentence ends on is its subject
        return f"{name} {lead_text[: -len(name) - 2].rstrip()}"
    match = _NAMED_APPOSITIVE.match(lead_text)
    written = written_subject(lead_text, name) if match is None else None
    if written is not None:
        return written
    spelled = _SPELLED_APPOSITIVE.match(lead_text) if match is None and name else None
    if (
        spelled is not None
        and (spelled.group("name") == name or (spelled_name and spelled.group("spelled") == name))
        # a name spelled in lower case is the subject of its own verb only ("... (MaMs), a new
        # family" would be "Marginalization models (MaMs) is a new family")
        and (spelled.group("spelled")[0].isupper() or spelled.group("verb"))
    ):
        # "proposes Inductive Moment Matching (IMM), a new class of ..." -> "Inductive Moment
        # Matching (IMM) is a new class of ...", not the title before "proposes" its own name
        # "introduces the Temporal Fusion Transformer (TFT) – a novel ..." keeps its article
        article = spelled.group("article") or ""
        subject = sentence_case(f"{article}{spelled.group('spelled')} ({spelled.group('name')})")
        if spelled.group("verb"):
            return f"{subject} {spelled.group('verb')}"
        if spelled.group("participle"):
            third = _method_participles().get(spelled.group("participle"))
            return f"{subject} {third} {spelled.group('object')}" if third else None
        return f"{subject} is {spelled.group('rest')}"
    kind_named = _THE_NAMED_KIND.match(lead_text) if match is None and name else None
    if kind_named is not None and kind_named.group("name") == name:
        # "presents the PBSCSR dataset for studying composer style recognition ..." -> "PBSCSR is
        # a dataset for studying ...": the name is the subject, what it is the predicate
        kind = kind_named.group("kind")
        article = "an" if kind[:1] in "aeiou" else "a"
        return f"{name} is {article} {kind} {kind_named.group('rest')}"
    if match is None and name:
        return _called_subject(lead_text, name)
    if match is None or (name and match.group("name") != name):
        return None
    if match.group("verb"):
        return f"{match.group('name')} {match.group('verb')}"
    if match.group("participle"):
        third = _method_participles().get(match.group("participle"))
        return f"{match.group('name')} {third} {match.group('object')}" if third else None
    if _SOLUTION.match(match.group("rest")):
        # "sigmaReparam is a simple and efficient solution ..." solves a problem the sentence
        # does not name; "Stabilizing Transformer Training ... proposes sigmaReparam" does (a
        # blind reader's preference)
        return None
    return f"{match.group('name')} is {match.group('rest')}"


# What a paper does, said of it in the third person
_PAPER_VERBS = (
    r"(?:proposes|introduces|presents|develops|designs|finds|shows|demonstrates|evaluates|"
    r"studies|identifies|conducts|derives|establishes|investigates|analy[sz]es|argues|proves|"
    r"suggests|hypothesi[sz]es|conjectures|observes|concludes)"
)
# "One paper shows that FreezeNets achieve good results": what the paper reports about its own
# method, with the method as the subject of the reported clause
_REPORTS_THAT = re.compile(
    r"^(?:One|Another) paper (?:\w+ly\s+)?"
    r"(?:finds|shows|demonstrates|observes|argues|reports|confirms|verifies|proves)"
    r"(?:\s+that)?\s+(?P<clause>.+)$"
)
# "..., and demonstrates empirically that ...": the paper does something more
_PAPER_ACT_LATER = re.compile(rf"\band\s+(?:\w+ly\s+)?{_PAPER_VERBS}\b")
# "One paper's framework, AdaPTS, positions adapters as ...": the name set off after the owner
_OWNER_APPOSITIVE = re.compile(
    r"^(?:One|Another) paper's [\w-]+, (?P<name>[^,]+), (?P<rest>[a-z].+)$"
)


def name_as_subject(text: str, name: str | None) -> str:
    """A sentence that says "One paper" of a paper whose name it goes on to give, with that name
    as the subject: "One paper demonstrates that LC-PFN can approximate ..." -> "LC-PFN can
    approximate ..."; "One paper's framework, AdaPTS, positions ..." -> "AdaPTS positions ...".
    The clause is the abstract's own (the citation says whose); any other sentence is returned
    as it is."""
    if not name:
        return text
    owner = _OWNER_APPOSITIVE.match(text)
    if owner is not None and owner.group("name") == name:
        return f"{name} {owner.group('rest')}"
    reported = _REPORTS_THAT.match(text)
    # the clause opens on the name (a plural "FreezeNets" or a compound "MLM-U training" too),
    # and the paper does nothing else in it: in "shows that ES-Single is unbiased ..., and
    # demonstrates empirically that ..." the paper is what demonstrates
    if (
        reported is not None
        and re.match(rf"{re.escape(name)}(?:s|'s)?(?=[\s,(])", reported.group("clause"))
        and _PAPER_ACT_LATER.search(reported.group("clause")) is None
    ):
        return reported.group("clause")
    return text


def _what_the_title_says(title: str, name: str, named: str, abstract: str = "") -> str:
    """ "Quamba2 is compatible with W8A8, W4A8, and W4A16 for both Mamba1 and Mamba2 backbones"
    says a property of the method, not what it is; a title "Quamba2: A Robust and Scalable
    Post-training Quantization Framework for ..." says what it is, and the abstract's
    property is left to the sentences that follow."""
    if not named.startswith(f"{name} is ") or not compiled(
        rf"{re.escape(name)} is (?!(?:a|an|the)\s)"
    ).match(named):
        return named
    what = title_description(title, name, abstract)
    return f"{name} is {what}" if what is not None else named


def title_description(title: str, name: str, abstract: str) -> str | None:
    """What a title "<name>: A <what it is>" says the paper's method is, in prose case: "a
    robust and scalable post-training quantization framework for selective state space
    models". A word keeps its capital when the abstract writes it so inside a sentence
    ("Gaussian", "Transformer", "MMGP"); a title's capitals are the title's, not the words'."""
    match = re.match(r"^([^:]+):\s+((?:a|an)\s.+)$", title, re.IGNORECASE)
    if match is None or match.group(1).strip() != name:
        return None
    # capitalised after a word in lower case: not a sentence's first word, nor one of a
    # title-cased term that opens one ("State Space Models (SSMs) are ...")
    proper = {
        found.group(1) for found in re.finditer(r"\b[a-z][a-z-]*[,;]? ([A-Z][\w-]*)", abstract)
    }

    def prose(word: str) -> str:
        if word in proper or not re.fullmatch(r"[A-Z][a-z-]*", word):
            return word  # a name, or an acronym ("LLMs", "SSMs")
        return word.lower()

    words = match.group(2).split(" ")
    return " ".join([words[0].lower(), *(prose(word) for word in words[1:])])


_PROPOSES_A = re.compile(
    r"^(?:proposes|introduces|presents|develops|designs|describes|proposed|introduced|presented)"
    r"\s+(?=(?:a|an)\s)"
)
# what joins "a <noun phrase>" to the name: "called", "namely", ..., an appositive comma, or
# nothing ("a novel framework Read-ME that ...")
_JOIN = re.compile(
    r"(?:,?\s*(?:(?:--|–|—)\s*)?\b(?:called|namely|termed|named|dubbed|coined)\s+(?:the\s+)?"
    r"|,\s+(?:i\.e\.,?\s+)?|\s+)$"
)
# a name spelled out before its acronym: "Destroy Your Object (DeYO)", "black-box visual
# prompting (BlackVIP)"; not a noun phrase of its own ("a new method (X)")
_SPELLED_OUT = re.compile(
    r"(?:,?\s*(?:(?:--|–|—)\s*)?\b(?:called|namely|termed|named|dubbed|coined)\s+(?:the\s+)?|,\s+)"
    r"(?P<spelled>(?!(?:a|an|the)\s)[^(),]{3,80}?)\s*$"
)
# what may follow the name: the sentence's end, its own clause, or a purpose
_AFTER_NAME = re.compile(r"^(?:\s*(?:--|–|—))?(?=$|[.,;]|\s+(?:to|that|which|for|via|designed)\b)")


def _called_subject(lead_text: str, name: str) -> str | None:
    """ "proposes an effective method called AutoInt to learn X" -> "AutoInt is an effective
    method to learn X"; "introduces a novel TTA method named Destroy Your Object (DeYO), which
    leverages Y" -> "Destroy Your Object (DeYO) is a novel TTA method, which leverages Y";
    "introduces a ... repair strategy, IRepair." -> "IRepair is a ... repair strategy.": the
    name the paper gives its method as the subject, the abstract's own words as the predicate
    (as for "proposes CORAL, a framework that X")."""
    opening = _PROPOSES_A.match(lead_text)
    if opening is None:
        return None
    found = compiled(rf"(?<![\w-]){re.escape(name)}(?![\w-])").search(lead_text[opening.end() :])
    if found is None:
        return None
    before = lead_text[opening.end() : opening.end() + found.start()]
    rest = lead_text[opening.end() + found.end() :]
    subject = name
    if before.endswith("(") and rest.startswith(")"):
        before, rest = before[:-1].rstrip(), rest[1:]
        spelled = _SPELLED_OUT.search(before)
        if spelled is not None:
            # "a novel TTA method named Destroy Your Object (DeYO)"
            subject = sentence_case(f"{spelled.group('spelled')} ({name})")
            join_text = before[spelled.start() : spelled.start("spelled")]
            before = before[: spelled.start()]
        else:
            # "a temporal-spatial correlation attention network (TSCAN)": the phrase is the
            # name spelled out, and stays the predicate
            join_text = ""
    else:
        join = _JOIN.search(before)
        if join is None:
            return None
        join_text = join.group()
        before = before[: join.start()]
    if len(before.split()) < 2 or before.count("(") != before.count(")") or '"' in before:
        # a quoted name holds commas of its own ('"Pretrain, Personalized Prompt, and ..."')
        return None
    tail = _AFTER_NAME.match(rest)
    if tail is None:
        return None
    rest = rest[tail.end() :]
    if re.match(r",?\s+by\s+\w+ing\b", rest):
        # "proposes a simple yet effective framework, PromptTPP, by integrating the base TPP with
        # ...": how the paper builds it, not what the framework is ("PromptTPP is a ...
        # framework, by integrating ..." is no sentence)
        return None
    if rest.startswith(", that ") or (rest.startswith(", to ") and join_text.startswith(",")):
        # "a unified model, that can" reads "a unified model that can"; "an approach, namely
        # BayesPrompt, to learn" closes its aside: "an approach to learn"
        rest = rest[1:]
    return f"{subject} is {before}{rest}"


# A shortened title serves as the subject from this many words ("Observational Scaling Laws");
# a shorter cut ("Efficient estimation") reads as a common phrase, not as a paper's name.
_KNOWN_AS_WORDS = 3


_RELATIVE = re.compile(r",?\s+(?:which|that)\s+")


def _relative_clause(paper: Paper, proposal: Span, mechanism: Span | None) -> str | None:
    """ ", which " when the mechanism is the relative clause that follows the proposal in its
    sentence ("proposes X, which uses Y"), else None."""
    if mechanism is None or mechanism.sentence != proposal.sentence:
        return None
    between = abstract_sentences(paper.abstract)[proposal.sentence][proposal.end : mechanism.start]
    return between if _RELATIVE.fullmatch(between) else None


def say_paper(
    paper: Paper,
    *,
    subject: str | None = None,
    most: int = 3,
    wanted: Sequence[str] = (),
    anonymous: str = "One paper",
    label: str | None = None,
    known_as: str | None = None,
) -> Said | None:
    """Up to ``most`` sentences about one paper, each citing it; None when its claims are empty.

    ``subject`` replaces the label as the first sentence's subject; ``anonymous`` is the subject
    when the paper has no name to go by ("One paper", "Another paper"). ``known_as`` is the
    short label an answer of several papers already shows the paper by (its lead, its
    references): under "Sample selection is common to DeYO, Open-Set Test-Time Adaptation and
    ...", "One paper proposes ..." leaves the reader to guess which of the three it is.
    """
    claims = paper_claims(paper)
    # ``label``: the name the answer gives it when its own is another paper's too; then its
    # own name ("PFNs") is not made the subject either
    renamed = label is not None
    if known_as is not None and len(known_as.split()) < _KNOWN_AS_WORDS:
        known_as = None  # "Efficient estimation proposes ...": two words of a title name nothing
    label = label or prose_label(paper, claims) or known_as
    own = [name for name in (claims.name, label) if name]
    lead_text = None
    source: Span | None = None
    mechanism = claims.mechanism
    if claims.proposal is not None:
        lead_text, source = claims.proposal.text, claims.proposal
        relative = _relative_clause(paper, claims.proposal, mechanism)
        if (
            relative is not None
            and mechanism is not None
            and claims.name is not None
            and lead_text.endswith(f"({claims.name})")
        ):
            # "proposes Distilled Decoding (DD)" | "uses flow matching ...": the mechanism is the
            # proposal's own relative clause, cut off it; said together, as the abstract does,
            # the name is spelled out where it becomes the subject ("Distilled Decoding (DD)
            # uses flow matching ...")
            lead_text, mechanism = f"{lead_text}{relative}{mechanism.text}", None
        elif (
            mechanism is not None
            and names_only(lead_text)
            and not opens_with_subject(mechanism.text)  # the paper is the lead's subject
        ):
            # "OneNet proposes Online ensembling Network": the proposal only names what the title
            # already says; how it works says what it is
            lead_text, source, mechanism = mechanism.text, mechanism, None
    elif claims.finding is not None:
        lead_text, source = (_finding_clause(paper, claims.finding), claims.finding)
    if lead_text is None:
        return None
    if subject is None and label and lead_text.count(label) == 1 and f"{label}'s " in lead_text:
        # "proposes a new SSM parameterization ... which enables SpaceTime's SSM layers to ...":
        # with the name as the subject, its one mention is "its"
        lead_text = lead_text.replace(f"{label}'s ", "its ")
    # the title before a colon names the paper when it is short and not the label itself
    head = fix_artefacts(title_head(paper.title))
    fits = len(head.split()) <= LABEL_MAX_WORDS and not (label and label in head)
    named = (
        named_subject(lead_text, claims.name, spelled_name=not fits)
        if subject is None and not renamed
        else None
    )
    if named is not None and claims.name:
        named = _what_the_title_says(paper.title, claims.name, named, paper.abstract)
    name = subject or label
    if named is not None:
        sentences = [DraftSentence(_sentence(named), [paper.id])]
        name = None
    elif name is None or (label and writes_label(label, lead_text) and subject is None):
        # "DeYO introduces ... named Destroy Your Object (DeYO)" would name it twice: the title
        # says which paper it is instead, when it is short enough to read as a name.
        name = head if fits else anonymous
    if name is not None and subject is None and reads_as_clause(name):
        # "Random Teachers are Good Teachers investigates ...": a title that is a sentence runs
        # into the sentence's verb; the citation gives the title
        name = anonymous
    if name is not None:
        # "Theoretically, we establish RPS as a superior technique ...": how the claim is known
        # goes with its verb ("... theoretically establishes ..."; review31b: without it the
        # proof "reads like an empirical claim")
        mode = (
            claim_mode(abstract_sentences(paper.abstract)[source.sentence])
            if source is not None
            else None
        )
        said = f"{mode} {lead_text}" if mode is not None else lead_text
        text = _sentence(f"{name} {said}")
        if name == anonymous:
            # "One paper proposes the use of movement pruning, a simple ... method": the label
            # as the paper writes it is the subject, as the evidence writer says it (views._say)
            written = written_subject(said, label)
            text = (
                _sentence(written)
                if written is not None
                else name_as_subject(text, label or claims.name)
            )
        sentences = [DraftSentence(text, [paper.id])]
    again: str | None = None  # the paper's name, where "It" would be another subject's
    if len(sentences) < most and mechanism is not None and not overlaps(mechanism.text, lead_text):
        # a mechanism with its own subject ("a CLIP model is adopted as the reward model ...")
        # is said as it stands
        how = (
            sentence_case(mechanism.text)
            if opens_with_subject(mechanism.text)
            else _said_by(own, named, mechanism.text)
        )
        sentences.append(DraftSentence(_sentence(how), [paper.id]))
        if opens_with_subject(mechanism.text) and (label or claims.name):
            # "It" after "A small auxiliary model is used to process the prompt ..." would be
            # the auxiliary model's: the paper is named again ("On TriviaQA, KV Prediction
            # demonstrates ...")
            again = label or claims.name
    result = _best_result(claims, wanted)
    result_text = result.text if result is not None else ""
    if result is not None and result_text[:1].isupper():
        # "Moreover, X ..." loses its opener; "This allows us to ..." leans on a sentence the
        # reader is not shown and is left out
        result_text = standalone(result_text, paper.title) or ""
        if not result_text:
            result = None
    if result is not None and re.match(r"[a-z]+ing\b", result_text):
        # "ranging from 5.4% to 13.4%, when compared with ...": the tail of a clause whose head
        # was cut; "It ranging from ..." is no sentence
        result = None
    if (
        len(sentences) < most
        and result is not None
        and not overlaps(result.text, " ".join(s.text for s in sentences))
    ):
        # A result span whose subject was the paper ("[We] reduce latency by 3x") starts on its
        # verb: the paper is its subject. One with its own ("the method closes the gap") keeps it.
        said_in = abstract_sentences(paper.abstract)[result.sentence]
        verb = verb_before(said_in, result.start)
        shown = evidence_verb_before(said_in, result.start)
        if (
            shown is not None
            and result_text[:1].islower()
            # a that-clause with its subject up front ("we find that | much of SAE dark matter
            # ... can be predicted") is said as it stands, below
            and not (shown.endswith(" that") and opens_with_subject(result_text))
        ):
            # "The results show | a substantial increase in the token acceptance rate ...": the
            # span is what the paper shows, said with the verb ("It shows a substantial ...")
            text = _said_by(own, named, f"{shown} {result_text}")
        elif (
            not _object_of(verb, said_in[: result.start], result_text)
            and (
                result_text[:1].isupper()
                or opens_with_subject(result_text)
                # "By contrast, | extrapolation for individual BIG-Bench tasks ... yields higher
                # average errors of 18pp": the span is the sentence's own clause, subject and all
                # (it was said "It extrapolation for ...")
                or not without_openers(said_in[: result.start]).strip()
            )
        ):
            # (a name keeps its own case: "bGPT demonstrates ...")
            text = (
                result_text if re.match(r"[a-z]+[A-Z]", result_text) else sentence_case(result_text)
            )
        elif verb is not None and not result_text.startswith(verb):
            # "we find | precision and recall both close to 90%": the span starts on the object
            text = _said_by(own, named, f"{verb} {result_text}")
        else:
            text = _said_by(own, named, result_text)
        if again is not None and text.startswith("It "):
            text = f"{again} {text[3:]}"
        if result.where is not None:
            # "On TriviaQA, it demonstrates relative accuracy improvements of 15%-50%": without
            # where it holds, the figure reads as the paper's whole result
            opening = re.match(r"(?:It|The|This|These|A|An)\b", text)
            # ("Notably, for both the OPT-1.3B and LLaMA-7B models, we find ...": the scope came
            # after an opener, and now opens the sentence)
            where = sentence_case(result.where)
            text = f"{where}, {text[:1].lower() if opening else text[:1]}{text[1:]}"
        sentences.append(DraftSentence(_sentence(text), [paper.id]))
    elif (
        len(sentences) < most
        and claims.finding is not None
        and claims.proposal is not None
        and not overlaps(claims.finding.text, lead_text)
    ):
        found = _said_by(own, named, _finding_clause(paper, claims.finding))
        holds = claim_scope(
            abstract_sentences(paper.abstract)[claims.finding.sentence], claims.finding.start
        )
        if holds is not None:
            # "Similarly, on 1k samples from CNN / DM, we show that prompting GPT-3 ...
            # outperforms sampling-based methods by 1.05 ROUGE-2 F1 points": the finding holds
            # there (a blind reader: "the condition is stripped"); "Using simulation
            # experiments, we demonstrate that DeconfoundLM improves ...": a finding in
            # simulation (review28n: "makes a simulation result read like a general finding")
            opening = re.match(r"(?:It|The|This)\b", found)
            said = f"{found[:1].lower()}{found[1:]}" if opening else found
            found = f"{sentence_case(holds)}, {said}"
        sentences.append(DraftSentence(_sentence(found), [paper.id]))
    if claims.finding is not None and any(
        "finds that" in sentence.text or overlaps(claims.finding.text, sentence.text)
        for sentence in sentences
    ):
        turn = caveat(paper, claims.finding.sentence)
        if turn is not None:
            sentences.append(DraftSentence(turn, [paper.id]))
    bare = claims.proposal is not None and lead_text == claims.proposal.text
    return Said(paper, label, tuple(sentences), bare and names_only(lead_text), source)


# "However, in data-limited settings ..., we find that physics-based hybrid methods retain a
# comparative advantage": the abstract turning on the finding it has just stated
_TURNS_ON = re.compile(
    r"^(?:However|But|Yet|Nevertheless|Nonetheless|In contrast|On the other hand|That said|"
    r"Conversely),?\s"
)
_FINDS = re.compile(
    r"\b(?:we|our (?:results|experiments|analysis|analyses))\s+(?:\w+ly\s+)?(?:also\s+)?"
    r"(?:find|found|show|showed|observe|observed|demonstrate|demonstrated|note|see|indicate|"
    r"suggest|reveal)\b"
)
# ... or one reporting how results fall, in no one's voice: TADPOLE's "However, for ADAS-Cog13 no
# single submitted prediction method was significantly better than random guesswork" and
# "However, results call into question the usage of cognitive test scores ..." (review50: "a
# dropped caveat that reverses the take-home"); a turn to a problem ("However, sampling from
# these models involves iterative denoising") reports none of these
_TURN_REPORTS = re.compile(
    r"\b(?:results?|significantly|(?:better|worse) than|outperform\w*|underperform\w*)\b", re.I
)
# how far after the finding the turn may come (fixed: the next sentence, or the one after it
# when the abstract goes on with the finding first)
_CAVEAT_REACH = 2


def caveat(paper: Paper, finding: int, reach: int = _CAVEAT_REACH) -> str | None:
    """The abstract's turn on a finding it has just stated, said after it with its "However":
    Model scale versus domain knowledge was said by "large-scale, domain-agnostic forecasting
    methods consistently produce predictions that remain accurate up to two dozen Lyapunov times"
    without "However, in data-limited settings outside the long-horizon regime, we find that
    physics-based hybrid methods retain a comparative advantage" (two blind readers: "a key
    condition is dropped"). Only one the paper finds itself, and that stands alone."""
    sentences = abstract_sentences(paper.abstract)
    for index in range(finding + 1, min(finding + 1 + reach, len(sentences))):
        sentence = sentences[index]
        if not _TURNS_ON.match(sentence) or not (
            _FINDS.search(sentence) or _TURN_REPORTS.search(sentence)
        ):
            continue
        if standalone(sentence, paper.title) is None:
            return None
        return rewrite(sentence, "It")
    return None


def _object_of(verb: str | None, before: str, span: str) -> bool:
    """Whether a result span opening on "a"/"an" is the object of the verb right before it ("we
    observed | a 100%+ performance advantage compared with XGBoost"), not a clause with its
    own subject: said alone it had no verb (review82)."""
    return (
        verb is not None
        and before.rstrip().endswith(verb)
        and span.split(maxsplit=1)[0] in ("a", "an")
    )


# What a paper does, not its method: after "PoFT is a novel ... approach", "It finds that PoFT
# can be integrated ..." would have the method find things about itself
_PAPER_ACT = re.compile(rf"^(?:\w+ly\s+)?{_PAPER_VERBS}\b")


def _said_by(own: Sequence[str], named: str | None, text: str) -> str:
    """A verb phrase said of the paper with the subject ``_pronoun`` gives it; "The authors"
    take the verb's plural ("The authors see over 9.1% gains", not "sees"). ``own``: the names
    the paper goes by."""
    subject = _pronoun(own, named, text)
    if subject == "The authors":
        verb, _, rest = text.partition(" ")
        if not past_tense(verb):
            text = f"{_base_verb(verb)} {rest}" if rest else _base_verb(verb)
    return f"{subject} {text}"


def _pronoun(own: Sequence[str], named: str | None, text: str) -> str:
    """ "It", or "The paper" where the sentence before made the method its subject (``named``)
    and this one says what the paper does."""
    verb, _, rest = text.partition(" ")
    if authors_act(verb) or _base_verb(verb) in lexicon_words("mental_verbs"):
        # "[we] observed improvements ...", "[we] measure increased downstream capabilities":
        # not the paper, its authors
        return "The authors"
    if named is not None and _PAPER_ACT.match(text):
        return "The paper"
    return "The authors" if names_itself(own, _base_verb(verb), rest) else "It"


# "is" -> "are", "does" -> "do": the third person's irregular forms, read backwards
_BASE_OF = {third: base for base, third in IRREGULAR_THIRD.items()}


def _base_verb(verb: str) -> str:
    """ "measures" -> "measure", "sees" -> "see": the form the lexicon lists."""
    verb = verb.lower()
    if verb in _BASE_OF:
        return _BASE_OF[verb]
    if verb.endswith(("sses", "shes", "ches", "xes")):
        return verb[:-2]  # "witnesses", "pushes"
    return re.sub(r"(?<=[^s])s$", "", verb)


def names_only(proposal: str) -> bool:
    """Whether a proposal says no more than a name: "introduces Energy-Based World Models",
    "introduces an innovative technique called Adaptive Model Merging"."""
    # a name is in capitals ("Online ensembling Network (OneNet)") or spelled out by its
    # acronym's letters ("online speculative decoding (OSD)"); what describes it is not
    proposal = _SPELLED_ACRONYM.sub(_without_spelled_name, proposal)
    # "a machine learning method that do not rely on graph neural networks" says what it is not
    proposal = CONTRAST.sub(" ", proposal)
    described = " ".join(word for word in proposal.split() if not word.lstrip("(\"'")[:1].isupper())
    return len(set(tokenize(described)) - _naming_words()) < _NAMES_ONLY_WORDS


_NAMES_ONLY_WORDS = 2  # fewer lowercase content words than this is a bare name
_SPELLED_ACRONYM = re.compile(r"((?:[\w-]+\s+){1,6})\(([A-Z][\w-]*)\)")


def _without_spelled_name(match: re.Match[str]) -> str:
    """ "online speculative decoding (OSD)" -> "(OSD)": the words whose initials spell the
    acronym are its name."""
    words, acronym = match.group(1).split(), match.group(2)
    letters = "".join(character for character in acronym if character.isupper()).lower()
    if len(letters) < 2 or len(letters) > len(words):
        return match.group()
    initials = "".join(word[0] for word in words[-len(letters) :]).lower()
    if initials != letters:
        return match.group()
    return " ".join([*words[: -len(letters)], f"({acronym})"])


@lru_cache(maxsize=1)
def _naming_words() -> frozenset[str]:
    """Words that frame a name without describing it: the proposal verbs, "called", the
    generic heads ("method", "framework"), fluff ("novel", "innovative") and the field's own
    name ("machine learning")."""
    text = " ".join(
        [
            *lexicon_words("contribution_verbs"),
            *lexicon_words("generic_heads"),
            *lexicon_words("lead_fluff"),
            *lexicon_words("field_phrases"),  # "a machine learning method" names no method
            "called named dubbed termed new network networks",
        ]
    )
    return frozenset(tokenize(text))


def count_phrase(count: int, noun: str) -> str:
    """ "Seven papers"; numbers past twelve as digits. Declared connective by the caller."""
    words = [word.capitalize() for word in lexicon_words("number_words")]
    number = words[count] if count < len(words) else str(count)
    return f"{number} {noun}{'' if count == 1 else 's'}"


# "One paper investigates ...", "Another paper proposes ...": the subject a paper gets when it
# has no name to go by (a title that reads as a clause, a name the sentence itself gives)
_ANONYMOUS_SUBJECT = re.compile(r"^(?:One|Another) paper(?= (?:\w+ly )?[a-z])")


def quoted_title(paper: Paper, most_words: int) -> str | None:
    """The title as a subject, in quotation marks: its part before a colon when that part is a
    phrase of several words ("“SGD with Large Step Sizes Learns Sparse Features”"), the whole
    title otherwise; None when longer than ``most_words``."""
    title = fix_artefacts(paper.title).strip().rstrip(".")
    head = title_head(title)
    if len(head.split()) >= 3:
        title = head
    if len(title.split()) > most_words:
        return None
    return f"“{title}”"


def name_the_anonymous(
    sentences: Sequence[DraftSentence],
    papers: dict[str, Paper],
    labels: dict[str, str],
    most_words: int,
    paragraphs: Sequence[Sequence[int]] = (),
) -> list[DraftSentence]:
    """ "One paper investigates the implicit regularization ... [Random Teachers are Good
    Teachers]" hides which paper it is until the bracket, and after a lead naming two papers
    leaves the reader to guess which (blind readers, four rounds: "the paper's name is
    hidden", "'One paper' is ambiguous straight after two papers are named"). A sentence whose
    subject is "One paper" or "Another paper" and that cites one paper says it by its title,
    unless it writes the paper's label (``labels``: the citations' own) already; such a one
    left "Another paper" is "One paper" when no "One paper" is left before it in its
    paragraph (``paragraphs``: sentence indices by paragraph)."""
    paragraph_of = {index: number for number, group in enumerate(paragraphs) for index in group}
    anonymous_in: set[int] = set()  # paragraphs where a paper is still "One paper"
    named = []
    for index, sentence in enumerate(sentences):
        subject = _ANONYMOUS_SUBJECT.match(sentence.text)
        paper = papers.get(sentence.citations[0]) if len(sentence.citations) == 1 else None
        title = quoted_title(paper, most_words) if subject and paper is not None else None
        label = labels.get(sentence.citations[0], "").lower() if sentence.citations else ""
        if title is not None and label and label in sentence.text.lower():
            # "One paper proposes Earth Mover Distance Optimization (EMO) ... [EMO]" says which
            # paper it is; "EMO: Earth Mover ..." as its subject would say it twice (and "the
            # use of movement pruning" under [Movement Pruning])
            title = None
        paragraph = paragraph_of.get(index, -1)
        if subject is not None and title is not None:
            sentence = DraftSentence(
                title + sentence.text[subject.end() :], sentence.citations, sentence.kind
            )
        elif subject is not None:
            if sentence.text.startswith("Another") and paragraph not in anonymous_in:
                # "“Recurrent Drafter ...” introduces ... Another paper proposes Jakiro": the
                # one it was another to is named now
                sentence = DraftSentence(
                    "One" + sentence.text[len("Another") :], sentence.citations, sentence.kind
                )
            anonymous_in.add(paragraph)
        named.append(sentence)
    return named


# what a sentence opens on when its subject is the paper it cites ("It", "The paper", "One
# paper", "The authors"): an "It" after it still means that paper
_PAPER_SUBJECT = re.compile(
    r"^(?:It|Its|The paper|This paper|One paper|Another paper|The authors|They|Their)\b"
)


# "It is natural to expect ...", "It remains unclear whether ...": an "it" that stands for no
# paper, and the paper's name in its place reads as nonsense
_EXPLETIVE_IT = re.compile(
    r"^It (?:is|was|has been|remains|seems|appears|becomes|turns out|(?:can|could|may|might|"
    r"would|should|must|will) (?:also |then |thus )?be)\b"
)


def name_after_another_subject(
    sentences: Sequence[DraftSentence],
    labels: dict[str, str],
    paragraphs: Sequence[Sequence[int]],
) -> list[DraftSentence]:
    """ "Cross-entropy builds up a logit matrix ... [CCE]. It implements a custom kernel ...
    [CCE]": the "It" reads as cross-entropy, the last sentence's subject (review50). A sentence
    opening on "It" that follows, in its paragraph, a sentence of another subject (one that
    neither opens on the paper nor writes its label, or cites other papers too) says the
    paper's label instead."""
    out = list(sentences)
    for paragraph in paragraphs:
        for before, index in pairwise(paragraph):
            sentence, previous = out[index], out[before]
            if (
                not sentence.text.startswith("It ")
                or _EXPLETIVE_IT.match(sentence.text)
                or len(sentence.citations) != 1
            ):
                continue
            label = labels.get(sentence.citations[0], "")
            if not label:
                continue
            own = previous.citations == sentence.citations and (
                _PAPER_SUBJECT.match(previous.text) or label.lower() in previous.text.lower()
            )
            if not own:
                rest = sentence.text[len("It ") :]
                # ("It also shows that the same LC-PFN ...": "The paper", not the name twice)
                # (a title that is itself a clause is quoted: "“Neural networks behave as hash
                # encoders” can represent ...", not a sentence running into another)
                quoted = label.startswith(("“", '"'))
                named = f"“{label}”" if reads_as_clause(label) and not quoted else label
                subject = "The paper" if label.lower() in rest.lower() else named
                out[index] = DraftSentence(f"{subject} {rest}", sentence.citations, sentence.kind)
    return out
