"""The comparison table: paper × aspect, each cell a short phrase of one analysed claim."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from assistant.models import EMPTY_CELL, ComparisonTable, Evidence, Paper, TableCell
from assistant.text.claims import (
    Span,
    balanced,
    generic_setting,
    row_clause,
    standalone,
    without_openers,
)
from assistant.text.claims.spans import claim_scope
from assistant.text.facts import COMPARED_IN_WORDS, named_dataset, reported_figure
from assistant.text.lexicon import words
from assistant.text.query import (
    asks_goal,
    asks_results,
    axis_frame,
    compared_axes,
    compared_topic,
    content_tokens,
    question_heading,
)
from assistant.text.sentences import (
    FIRST_PERSON_WORD,
    LIST_MARK,
    abstract_sentences,
    clean_sentence,
)
from assistant.text.tokens import idf, running_case, sentence_case, tokenize

# --- the comparison table ------------------------------------------------------------------

TABLE_ASPECTS = ("problem", "approach", "setting", "reported result")
_CELL_WORDS = 20  # a cell is a phrase; longer spans are cut at a clause boundary
_EMPTY_CELL = EMPTY_CELL
_CELL_OVERRUN = 6  # ... or, when no clause ends within it, this many words more
_MIN_CELL_WORDS = 7  # a cut shorter than this ("Test-time adaptation (TTA) methods") says nothing
# ": it repeatedly draws ..." spells out what came before the colon
_CELL_BOUNDARY = re.compile(r",\s|;\s|:\s|\s(?:which|while|whereas|where|by|through|via)\s")
_LEADING_VERB = re.compile(
    r"^(?:proposes|introduces|presents|develops|designs|devises|establishes|builds|provides|"
    r"offers|describes|puts forward)\s+(?=\S)"
    # "builds its model and calculates a new step ...": what follows is no name of the paper's
    # artefact (it lost its verb to "Model and calculates ..."), so the verb stays
    r"(?!(?:its|their)\s)"
    # "proposes and explores the concept of Continual Inference Networks": a second verb, no
    # name of an artefact ("And explores ..." was the cell; r013)
    r"(?!(?:and|or)\s)"
    # "establishes RPS as a superior technique ...": "RPS as a superior technique" is no phrase
    r"(?![\w-]+(?:\s[\w-]+)?\s+as\s)",
    re.IGNORECASE,
)
# "Is defined as the exponential of ...": in a cell, "Defined as ..."
_DEFINED = re.compile(r"^(?:is|are)\s+(?=(?:defined|computed|calculated)\s)", re.IGNORECASE)
_EXAMPLE = re.compile(r"\s*\((?:e\.g\.|i\.e\.|for example|such as)[^()]*\)", re.IGNORECASE)
_ASIDE = re.compile(r",\s+(?:which|where|who)\s[^,;]*,")
_TRAILING_CONJUNCTION = re.compile(r"\s+(?:and|or|but|as well as|and also)$", re.IGNORECASE)
_FIRST_ENUMERATOR = re.compile(r"\s\(?(?:i|1|a)\)\s")
_ARTICLE_AND_WORD = re.compile(r",\s+(?:a|an|the)\s+\S+$", re.IGNORECASE)
_MODIFIER_BEFORE_NOUN = re.compile(r"\b(?:for|of|on|in|with|to|from|by|at)\s+[a-z]+-[a-z]+$")
_OPENING_PHRASE = re.compile(
    r"(?:(?:and|but|or|while|whereas)\s+)?(?:unlike|like|compared|contrary|in contrast|"
    r"beyond|besides|instead of|rather than|"
    # "By preserving the super weight and clipping other weight outliers | , round-to-nearest
    # quantization can scale ...": the means without what it achieves
    r"by\s+\w+ing|through\s+\w+ing|when|if|after|once|since|because|although|though|"
    # "Conventionally trained using the task-specific objective, i.e., cross-entropy loss | ,
    # prompts tend to overfit ...": a participle opening its subject's clause (a Problem cell
    # of the opening alone; review26n #5)
    r"(?:\w+ly\s+)?[a-z]+ed\s+(?:using|with|by|on|in|for|from|via|under|to)|given|based\s+on)\b",
    re.IGNORECASE,
)
_WAITING_CONJUNCTIONS = frozenset(
    ("since", "because", "as", "that", "than", "whether", "if", "when", "while", "although")
)
_LIST_GOES_ON = re.compile(r",\s+[\w-]+,?\s+(?:and|or)\s")
# the second item of a numbered list: ", and (2) grouping codebooks ..."
_NEXT_LIST_ITEM = re.compile(r"[,;]\s*(?:and\s+|or\s+)?\(?(?:ii|2|b)\)\s")
# ... which a cell keeps whole, rather than cut after its first item, up to this many words
_LIST_CELL_WORDS = 32
# a clause that turns on the one before it, on the same subject
_TURN = re.compile(r"[,;]?\s*(?:but|yet|although|though)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[;:]\s|,\s+(?=(?:and|but|or|while|whereas)\b)")


def _since_last_clause(text: str) -> str:
    """What ``text`` says since the last clause began (after a semicolon, a colon or a comma
    before a conjunction)."""
    starts = [match.end() for match in _CLAUSE_START.finditer(text)]
    return text[starts[-1] :] if starts else text


_LEADING_PREPOSITION = re.compile(r"^(?:on|across|over|in|for|using|with)\s+(?=\S)", re.IGNORECASE)


@cache
def _function_words() -> frozenset[str]:
    # a trailing "and" goes with what was cut off (_TRAILING_CONJUNCTION), so a cut may follow it
    return frozenset(words("title_function_words")) - {"and", "or"}


@cache
def _agent_participles() -> frozenset[str]:
    return frozenset(words("agent_participles"))


def _open_parenthesis(text: str, before: int) -> int:
    """Where the innermost parenthesis still open at ``before`` opens, or -1."""
    opened: list[int] = []
    for position, character in enumerate(text[:before]):
        if character == "(":
            opened.append(position)
        elif character == ")" and opened:
            opened.pop()
    return opened[-1] if opened else -1


_MORE_FIGURES = re.compile(
    r"(?:,\s*[+\-−]?\d[\d.]*%?)+(?:,?\s*and\s*[+\-−]?\d[\d.]*%?)?(?:\s+[A-Za-z][\w-]*)?"
)

# the figures of a list before its last one: "+0.5, +2.3, +3.4, +0.4 and +" before "1.1"
_FIGURES_BEFORE = re.compile(
    r"(?:[+\-−]?\d[\d.]*[%x×]?,\s*)+(?:[+\-−]?\d[\d.]*[%x×]?,?\s+and\s+)?[+\-−]?$"
)
_RESPECTIVELY = re.compile(r",?\s+respectively\s+(?:on|in|for|across)\s+[^;()]+$")


@cache
def _counted(listed: bool) -> re.Pattern[str]:
    """A count and what it counts ("two axes") at the end of a text; ``listed``: then a colon
    opening the list of them, not yet closed ("two axes: the verifiers ...")."""
    counts = "|".join(re.escape(word) for word in (*words("number_words")[2:], "both"))
    tail = r":\s[^:;]*$" if listed else "$"
    return re.compile(rf"\b(?:{counts})\s+(?:[\w-]+\s+){{0,2}}?[\w-]+{tail}", re.IGNORECASE)


def _phrase(text: str, *, keep: str = "") -> str:
    """A cell-sized phrase of a claim: at most ``_CELL_WORDS`` words, cut at the last clause
    boundary that keeps ``keep`` (a figure) when the claim is longer; for a figure, the clause or
    parenthesis that holds it when that says enough ("49.4% reduced error rates with TENT")."""
    text = text.strip().rstrip(".")
    if len(text.split()) <= _CELL_WORDS:
        return text
    # Asides go first, as a reader skimming a table would skip them: an example in parentheses
    # ("(e.g., entropy minimization)") and a non-restrictive clause set off by commas (", which
    # generally rely on the model's predictions ...,"); neither changes what the claim says.
    trimmed = _ASIDE.sub("", _EXAMPLE.sub("", text))
    if trimmed != text and (not keep or keep in trimmed):
        trimmed = re.sub(r"\s{2,}", " ", trimmed).strip(" ,")
        if _MIN_CELL_WORDS <= len(trimmed.split()) <= _CELL_WORDS:
            return trimmed
        text = trimmed if len(trimmed.split()) >= _MIN_CELL_WORDS else text
    if (
        keep
        and keep in text
        and re.search(r"\d", text.replace(keep, ""))
        and len(text.split()) <= _CELL_WORDS + _CELL_OVERRUN
    ):
        # "FreezeNet achieves 99.2% performance of the baseline ..., while compressing the
        # number of trained and stored parameters by a factor of x 157": a result's second
        # figure is the result too (a blind reader: storage was what the request asked about)
        return text
    if keep and keep in text:
        after = text.index(keep) + len(keep)
        # "by +0.5, +2.3, +3.4, +0.4 and +1.1 mIoU": a figure that ends a list of figures is
        # said with the whole list ("+0.4 and +1.1 mIoU" was the cell, review73: "the last two
        # of five results with the benchmark names stripped")
        ending = _FIGURES_BEFORE.search(text, 0, text.index(keep))
        at = ending.start() if ending is not None else text.index(keep)
        # a parenthesis closed before the figure ("(p < 0.01) from 35 tokens ... 40-50%") holds
        # another claim: the figure's clause starts after it, not inside it
        start = max(text.rfind(",", 0, at), text.rfind(";", 0, at), _open_parenthesis(text, at))
        start += 1
        ends = [end for end in (text.find(mark, after) for mark in ",;)") if end != -1]
        end = min(ends) if ends else len(text)
        figures = _MORE_FIGURES.match(text, end)
        if figures is not None:
            # "by +0.5, +2.3, +3.4, +0.4 and +1.1 mIoU": the figure is the first of a list of
            # figures, which the cell keeps whole with its unit
            end = figures.end()
        respectively = _RESPECTIVELY.match(text, end)
        if respectively is not None:
            # "..., respectively on, PC-459, PC-59 and PAS-20": what each figure of
            # the list is measured on goes with it
            end = respectively.end()
        if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
            end += 1  # "over 70% accuracy (16k context length)": the figure's own parenthesis
        segment = text[start:end].strip()
        segment = re.sub(r"^(?:e\.g\.,?|i\.e\.,?|and|with|while)\s+", "", segment)
        most = _CELL_WORDS + (_CELL_OVERRUN if respectively is not None else 0)
        if balanced(segment) and 3 <= len(segment.split()) <= most:
            return segment
    cuts = [
        match.start()
        for match in _CELL_BOUNDARY.finditer(text)
        if balanced(text[: match.start()])
        # "using a three-pronged approach by: (a) ...": no cell ends on a preposition
        and text[: match.start()].rsplit(" ", 1)[-1].lower() not in _function_words()
        # ... nor on a participle waiting for its "by" ("..., followed | by training a linear
        # classifier on top": the cell ended "followed"; review68)
        and text[: match.start()].rsplit(" ", 1)[-1].lower() not in _agent_participles()
        # "MEDIDA, a general | , data-efficient framework": an appositive cut before its noun
        and not _ARTICLE_AND_WORD.search(text[: match.start()])
        # ... or a phrase whose first modifier the cut keeps ("for multi-horizon | , short-term
        # forecasting of three variables"; review74: "cut off mid-phrase")
        and not _MODIFIER_BEFORE_NOUN.search(text[: match.start()])
        # "...of two networks; and unlike Consistency Models | , IMM guarantees ...": the cut
        # parts a clause's opening phrase from the clause it opens
        and not _OPENING_PHRASE.match(_since_last_clause(text[: match.start()]))
        # "... may not be trustworthy since | : a well-trained ...": a conjunction that waits
        # for its clause; "offers a simple | , efficient, and highly effective approach": a
        # list cut after its first item (or its last but one: "simple, efficient | , and ...")
        and text[: match.start()].rsplit(" ", 1)[-1].lower() not in _WAITING_CONJUNCTIONS
        and not _LIST_GOES_ON.match(text[match.start() :])
        # "Proposes (1) using adaptive codebook loss weights ... | , and (2) grouping codebooks
        # and processing groups in parallel": a numbered list of a short claim stays whole, its
        # second item the parallel decoding the request asked about (review65)
        and not (
            _NEXT_LIST_ITEM.match(text[match.start() :]) and len(text.split()) <= _LIST_CELL_WORDS
        )
        # "Larger step sizes lead LR+GD to higher logistic losses | , but larger step sizes also
        # lead to faster convergence": the turn is the finding, without it the cell says the
        # opposite of what the paper stresses (review33b)
        and not _TURN.match(text[match.start() :])
        # "Structures the design space along two axes: the verifiers used to provide feedback |
        # , and the algorithms used to find better noise candidates": a list a count announced
        # is cut after all its items or before it, with its announcement (review28n)
        and not _counted(listed=True).search(text[: match.start()])
        and not (
            text[match.start()] == ":" and _counted(listed=False).search(text[: match.start()])
        )
        and not (
            re.match(r",\s+(?:and|or)\s", text[match.start() :])
            and "," in text[: match.start()]
            and len(text[: match.start()].rsplit(",", 1)[-1].split()) <= 2
        )
    ]
    fitting = [
        cut
        for cut in cuts
        if _MIN_CELL_WORDS <= len(text[:cut].split()) <= _CELL_WORDS
        and (not keep or keep in text[:cut])
    ]
    if fitting:
        # "... by 96.4% in single-task scenarios and | by 86.3% in ...": the cut falls inside a
        # coordination, whose conjunction goes with what was cut off
        cell = _TRAILING_CONJUNCTION.sub("", text[: fitting[-1]])
        first = _FIRST_ENUMERATOR.search(cell)
        if first is not None and len(cell[: first.start()].split()) >= _MIN_CELL_WORDS:
            # "... uncertainties i) fits successfully to the target domain data": a list cut
            # after its first item; what announced the list is the cell ...
            announced = cell[: first.start()].rstrip(" ,:;")
            # ... without the word it waits on ("we propose a label dependent attention model
            # LDAM to 1) improve ... 2) extend ...": the cell ended "LDAM to"; review90)
            waiting = announced.rsplit(" ", 1)
            while len(waiting) == 2 and waiting[1].lower() in _function_words() | {"and", "or"}:
                announced = waiting[0].rstrip(" ,:;")
                waiting = announced.rsplit(" ", 1)
            return announced
        # "compresses the memory by 2.78x and increase generate speed | by 1.44x": a second
        # conjunct cut from its figure says nothing; the cell ends with the figure's clause
        if keep:
            conjunct = cell.rfind(" and ", cell.index(keep) + len(keep))
            if conjunct != -1 and not re.search(r"\d", cell[conjunct:]):
                cell = cell[:conjunct]
        return cell
    if keep:  # the clause that holds the figure
        # ... never what follows a colon alone: "FID scores for one-step image generation: 1.20
        # on ImageNet-64x64" needs what the colon spells out
        clauses = [cut for cut in cuts if text[cut] != ":"]
        starts = [0, *(cut + 1 for cut in clauses)]
        ends = [*clauses, len(text)]
        pieces = [
            _with_its_verb(text, start, end)
            for start, end in zip(starts, ends, strict=True)
            if keep in text[start:end]
        ]
        if pieces and len(pieces[0].split()) <= _CELL_WORDS + 10:
            return pieces[0]
    # No clause ends within the cell's length: the first that ends a little after it still
    # reads as a phrase ("Identifies nf4 as displaying greater resilience ... at lower
    # temperature", without ", while fp4 and fp4-dq proves ...").
    over = [
        cut
        for cut in cuts
        if text[cut] in ",;:"  # at punctuation: "predicted | by LLMs" is no clause's end
        and _MIN_CELL_WORDS <= len(text[:cut].split()) <= _CELL_WORDS + _CELL_OVERRUN
        and (not keep or keep in text[:cut])
    ]
    if over:
        return _TRAILING_CONJUNCTION.sub("", text[: over[0]])
    return text


def _with_its_verb(text: str, start: int, end: int) -> str:
    """The clause ``text[start:end]``; one that opens on "by"/"through"/"via" ("by an average of
    5.13% compared to TPT") is a means without its verb, so it takes the words from the last
    "that" (or the previous boundary) before it: "DiffTPT improves the zero-shot accuracy by ..."."""
    piece = text[start:end].strip(" ,;")
    if not re.match(r"(?:by|through|via)\s", piece, re.IGNORECASE):
        return piece
    head = text[:start]
    that = head.rfind(" that ")
    # (not past a boundary after that "that": "outperforms baseline models that utilize domain
    # knowledge ..., improving average AUROC by 1.2%P" gave the cell "Utilize domain knowledge
    # ..., improving ...", the baselines' trait as GenHPF's; review71. The figure's verb is
    # "improving", after the comma)
    boundary = max(head.rfind(mark) for mark in ",;") + 1
    begin = max(that + len(" that "), boundary) if that != -1 else boundary
    return text[begin:end].strip(" ,;")


def _cell(paper: Paper, span: object | None, text: str) -> TableCell:
    index = getattr(span, "sentence", None)
    if span is None or index is None or not text:
        return TableCell(_EMPTY_CELL, paper.id)
    source = clean_sentence(abstract_sentences(paper.abstract)[index])
    return TableCell(_capitalise_first(text), paper.id, index, source)


# the authors as the subject before a figure: "we", "our method", "our proposed model"
_AUTHORS_SUBJECT = re.compile(r"\b(?:[Ww]e|[Oo]ur(?:\s+[\w-]+){1,2}?)\s+(?=[a-z]+\b)")


def _stated(paper: Paper, fact: str | None, *, whole: bool) -> TableCell:
    """A cell from a fact the abstract states outright where the claims are silent: the dataset's
    name itself (``whole``), or the clause that holds the figure."""
    if fact:
        for index, sentence in enumerate(abstract_sentences(paper.abstract)):
            if fact in sentence:
                source = clean_sentence(sentence)
                text = _listed_with(fact, sentence) if whole else _phrase(source, keep=fact)
                if FIRST_PERSON_WORD.search(text):
                    # "..., our method outperforms the previous state-of-the-art approaches by
                    # +0.5, +2.3, ... mIoU": from the verb of the authors' subject before the
                    # figure ("Outperforms the previous ... by +0.5, +2.3, ..."); without one,
                    # from the figure to its clause end (a cell of "0.5" alone said nothing; a
                    # blind reader, review26n #5)
                    at = text.index(fact) if fact in text else 0
                    subjects = list(_AUTHORS_SUBJECT.finditer(text, 0, at))
                    start = subjects[-1].end() if subjects else at
                    text = _phrase(text[start:], keep=fact)
                return TableCell(_capitalise_first(text), paper.id, index, source)
    return TableCell(_EMPTY_CELL, paper.id)


def _listed_with(name: str, sentence: str) -> str:
    """The name with the names the sentence lists after it: "SVHN, CIFAR10, and CIFAR100", not
    "SVHN" alone (review43: the cell "cuts CIFAR10/CIFAR100 from the same sentence")."""
    found = re.compile(_NAMES_BEFORE + re.escape(name) + _NAMES_AFTER).search(sentence)
    # (a list ends on "and" or "or": "On MNIST, FreezeNet achieves ..." lists nothing)
    if found is None or re.search(r"\b(?:and|or)\s+\S+$", found.group(0)) is None:
        return name
    return found.group(0)


# a name of a list: a capital and another capital or a digit ("CIFAR10", "Fashion-MNIST",
# "LongBench", "CIFAR-10/100": review57, the cell said "MNIST and CIFAR-10"); the names before
# it ("MeetingBank, LongBench, ") and after it (", CIFAR10, and CIFAR100", " and MNIST")
_LISTED_NAME = r"[A-Z][\w-]*[A-Z0-9][\w-]*(?:/[\w-]+)*"
_NAMES_BEFORE = rf"(?:{_LISTED_NAME},\s+)*"
_NAMES_AFTER = rf"(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_LISTED_NAME})*"


# what a result is compared with, said before it: "in comparison to nucleus and top-k sampling, "
_AGAINST_FIRST = re.compile(
    r"(?:in\s+comparison|compared)\s+(?:to|with)\s+(?P<other>[^,;()]{1,60}),\s+", re.IGNORECASE
)


@cache
def _evidential_opening() -> re.Pattern[str]:
    """ "We find that", "Our results show that": the evidence before a result's clause (the verbs
    are lexicon/evidential_verbs.txt)."""
    verbs = "|".join(re.escape(verb) for verb in words("evidential_verbs"))
    return re.compile(
        r"^(?P<scope>[A-Z][^,]{0,60},\s+)?"
        # ... or the experiments themselves, where they were run ("Extensive experiments on
        # public datasets demonstrate that MBGen ...", "Experimental results on English-language
        # benchmarks and PatentMIA demonstrate that our proposed method ...")
        r"(?:we|(?:our|the|extensive|comprehensive)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:results|experiments|evaluations?|studies)|experiments|experimental\s+results|"
        # ... or the kind of evaluation said first ("Automatic and human evaluations show that
        # ..., locally typical sampling offers competitive performance ... while consistently
        # reducing degenerate repetitions": review47, its result was "—")
        r"(?:[A-Z][a-z]+(?:\s+and\s+[a-z]+)?|[A-Z][a-z]+\s+[a-z]+)\s+(?:evaluations|experiments))"
        r"(?:\s+(?:on|across|over|with|using|in)\s+[^,;]{1,80}?)?\s+(?:\w+ly\s+)?"
        # ("we show how this approach provably outperforms ...")
        rf"(?:{verbs})s?\s+(?:that,?|how)\s+",
        re.IGNORECASE,
    )


@cache
def _own_subject(name: str | None) -> re.Pattern[str]:
    """The paper's method as the subject of a clause, to be left out in its own row: "our
    proposed HYPRO model | can significantly outperform ...", "MBGen | significantly
    outperforms ...", "this approach | provably outperforms ..."."""
    named = rf"|{re.escape(name)}" if name else ""
    return re.compile(
        r"^(?:(?:our|the|this)\s+(?:proposed\s+)?(?:[\w-]+\s+)?(?:method|model|approach|"
        rf"framework|technique|algorithm|system){named})\s+(?=(?:\w+ly\s+)?[a-z])",
        re.IGNORECASE,
    )


def _result_in_words(paper: Paper, after: int) -> TableCell:
    """A result the abstract states with no figure, after what the paper proposes: its first
    sentence in the role of a result that compares it with something, from what the evidence
    shows ("We find that | EMO demonstrates a consistently better ... than MLE ...")."""
    analysis = paper.analysis
    for index, (sentence, role) in enumerate(zip(analysis.sentences, analysis.roles, strict=True)):
        # (the evidence it opens on makes it a result whatever role the sentence was given:
        # "Extensive experiments on public datasets demonstrate that MBGen significantly
        # outperforms ..." read as background, HYPRO's as a contribution; review44: "—")
        if index <= after or role in ("boilerplate", "problem"):
            continue
        source = clean_sentence(sentence)
        opening = _evidential_opening().match(source)
        if opening is None:
            continue
        claim = source[opening.end() :]
        scope = opening.group("scope")
        against = _AGAINST_FIRST.match(claim)
        if against is not None:
            # "in comparison to nucleus and top-k sampling, locally typical sampling offers ...":
            # a cell is cut at its first clause, so what it is compared with goes after it
            claim = f"{claim[against.end() :].rstrip(' .')} (vs. {against.group('other')})"
        own = _own_subject(analysis.claims.name).match(claim)
        if own is not None:
            claim = claim[own.end() :]
        if FIRST_PERSON_WORD.search(claim) or not (
            against is not None or COMPARED_IN_WORDS.search(claim)
        ):
            continue
        if scope is not None and _SCOPE_OPENING.match(scope):
            # "In a simple convex setting, we show how this approach provably outperforms ...":
            # where the result holds stays with it (review49: the cell said "Provably
            # outperforms ..." beside "Non-convex settings")
            claim = f"{scope}{claim}"
        return TableCell(_capitalise_first(_phrase(claim)), paper.id, index, source)
    return _method_achieves(paper, after)


# an opening that bounds where a result holds: "In a simple convex setting, ", "Under mild
# assumptions, ", "On ImageNet, " (not "Moreover, " or "Empirically, ")
_SCOPE_OPENING = re.compile(
    r"(?:In|Under|For|On|With|When|If|At|Across|Given)\s+\S+(?:\s+\S+)*,\s+$"
)


# "our method achieves comparable or superior performance than ...", "where PromptTPP
# consistently achieves state-of-the-art performance across ...": the paper's method (or its
# ``name``) as the subject of a result stated in words
@cache
def _achieves(name: str | None) -> re.Pattern[str]:
    named = re.escape(name) if name else "(?!)"
    # (... or "it" after an opener, "In each case, it achieves superior predictive performance";
    # or what experiments show without a "that": "Extensive experiments on two benchmarks, i.e.,
    # Split-CIFAR-100 and CUB-to-Sketches, show our method achieves state-of-the-art ...")
    return re.compile(
        r"(?:^|,\s+(?:where\s+)?|\bwhere\s+|\b(?:show|demonstrate|confirm|indicate)s?\s+)"
        r"(?P<subject>(?:our|the proposed)\s+(?:method|"
        rf"approach|framework|model|technique|algorithm)|{named}|(?<=,\s)it)\s+(?P<claim>(?:\w+ly\s+)?"
        r"(?:achieves|outperforms|surpasses|performs|matches|improves|yields|attains)\b[^.;]+)",
        re.IGNORECASE,
    )


_IMPROVES_ON = re.compile(
    r"(?:\w+ly\s+)?improves\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:performance|accuracy|results?)\b",
    re.IGNORECASE,
)
_STATE_OF_THE_ART = re.compile(
    r"\bstate[- ]of[- ]the[- ]art\b|\bcomparable or (?:superior|better)\b|\bsuperior\b",
    re.IGNORECASE,
)


def _method_achieves(paper: Paper, after: int) -> TableCell:
    """A result in words whose subject is the paper's method, after what it proposes, in a
    sentence that may say something else first ("Across a variety of non-iid graph datasets
    ..., our method achieves comparable or superior performance than both tabular and graph
    neural network models"; a blind reader: "'—' although the abstract reports comparable or
    superior performance"): the claim from its verb, "—" when there is none."""
    analysis = paper.analysis
    pattern = _achieves(analysis.claims.name)
    for index, (sentence, role) in enumerate(zip(analysis.sentences, analysis.roles, strict=True)):
        if index <= after or role not in ("result", "contribution"):
            continue
        source = clean_sentence(sentence)
        found = pattern.search(source)
        if found is None:
            continue
        claim = found.group("claim")
        if not (
            COMPARED_IN_WORDS.search(claim)
            or _STATE_OF_THE_ART.search(claim)
            # "In all experimental results, our method improves the performance of the
            # baselines" (review43: Multi-aspect KD's result cell was "—")
            or _IMPROVES_ON.match(claim)
        ):
            continue
        if FIRST_PERSON_WORD.search(claim):
            continue
        return TableCell(_capitalise_first(_phrase(claim)), paper.id, index, source)
    return TableCell(_EMPTY_CELL, paper.id)


@cache
def _argument_verbs() -> re.Pattern[str]:
    verbs = "|".join(re.escape(verb) for verb in words("argument_verbs"))
    return re.compile(rf"\bwe\s+(?:\w+ly\s+)?(?:{verbs})\w*\s+(?:that\s+)?$", re.IGNORECASE)


def _argued(paper: Paper, finding: Span) -> bool:
    """Whether the authors argue ``finding`` ("we argue that ...") rather than report it."""
    sentence = paper.analysis.sentences[finding.sentence]
    return _argument_verbs().search(sentence[: finding.start]) is not None


@cache
def _result_claim_cues() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:" + "|".join(re.escape(cue) for cue in words("result_claim_cues")) + ")",
        re.IGNORECASE,
    )


# "Our experimental evaluation shows | the superior performance of Chimera ...", "We show | STEP
# mitigates ...", "we demonstrate | a significant reduction in interval width of SPCI ...": the
# evidence before a result said without "that" (what ``_evidential_opening`` requires), or with
# it where the claim is none ``_result_in_words`` reads (no comparison in so many words)
_SHOWS_RESULT = re.compile(
    r"^(?P<scope>[A-Z][^,]{0,80},\s+)?"
    r"(?:we|(?:our|the|extensive|comprehensive)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:results|experiments|evaluations?|studies|study)|experiments|experimental\s+results)"
    r"(?:\s+(?:on|across|over|with|using|in)\s+(?:[^,;]|,(?=\d)){1,80}?)?\s+(?:\w+ly\s+)?"
    # ("Our user study with 18 machine learning researchers ... shows that our interactive
    # approach does not improve user accuracy ...": a "that" whose claim no other reading took)
    r"(?:show|demonstrate|prove|confirm|verify|validate)s?\s+(?:that\s+)?(?!how\b)",
    re.IGNORECASE,
)
# "..., we train and compress full models simultaneously ... | and achieve state-of-the-art
# results on VGG16 for CIFAR10, ...": the authors' result as the second verb of their sentence
_AND_WE_ACHIEVE = re.compile(r"^(?:[^.;]*?,\s+)?[Ww]e\s[^.;]*?,?\s+and\s+(?=achieve\s)")


@cache
def _own_method(name: str | None) -> re.Pattern[str]:
    """The paper's method (or its ``name``) as the subject of a result, with an adjective of its
    own ("our scalable approach | achieves greater accuracy ...")."""
    named = re.escape(name) if name else "(?!)"
    return re.compile(
        r"(?:^|,\s+)(?:(?:our|the proposed)\s+(?:[\w-]+\s+)?(?:method|approach|framework|model|"
        rf"technique|algorithm)|{named})\s+(?P<claim>(?:\w+ly\s+)?(?:achieves?|outperforms?|"
        r"surpass(?:es)?|matches|improves?|yields?|attains?|maintains?|mitigates?|reduces?|"
        # ("TEEN demonstrates remarkable performance and consistent improvements over baseline
        # methods": review60, its result cell held the observation it set out from)
        r"demonstrates?|shows?)\b[^.;]+)",
        re.IGNORECASE,
    )


_OF_THIS_METHOD = re.compile(
    r"(?<=^the\s)((?:[a-z-]+\s+){1,4}?)of\s+(?:this|the\s+proposed)\s+(?:method|approach|model|"
    r"framework|technique|algorithm)\s+",
    re.IGNORECASE,
)


def _result_claimed(paper: Paper, after: int) -> TableCell:
    """A result the abstract states in words the other fallbacks do not read, after what the
    paper proposes: said without "that" ("We show STEP mitigates the accuracy drop of baseline
    recipes and is robust to aggressive structured sparsity ratios"), as the authors' second verb
    ("..., and achieve state-of-the-art results on VGG16 for CIFAR10, ..."), or with the method
    as the subject in a sentence read as its setting ("MaMs achieve orders of magnitude speedup
    ..."). Only a claim that says how well against something or some bar (lexicon
    result_claim_cues): review57 found OTO's and STEP's result cells "—" beside such sentences."""
    analysis = paper.analysis
    name = analysis.claims.name
    cues = _result_claim_cues()
    for index, (sentence, role) in enumerate(zip(analysis.sentences, analysis.roles, strict=True)):
        if index <= after or role in ("boilerplate", "background", "problem"):
            continue
        source = clean_sentence(sentence)
        for claim in _claims_said(source, name):
            if not cues.search(claim) or FIRST_PERSON_WORD.search(claim):
                continue
            # "the effectiveness and efficiency | of this method | on various models ...": the
            # row is the method's; "this" would point at no sentence
            claim = _OF_THIS_METHOD.sub(r"\1", claim, count=1)
            cell = _capitalise_first(_phrase(claim))
            if not _CELL_ANAPHOR.match(cell):
                return TableCell(cell, paper.id, index, source)
    return TableCell(_EMPTY_CELL, paper.id)


def _claims_said(source: str, name: str | None) -> list[str]:
    """The ways ``_result_claimed`` reads a sentence's claim, in order: after the evidence for
    it, as the authors' second verb, from the method as its subject. ("..., demonstrate that
    even without GPT-4 ..., our AlphaMath framework achieves comparable or superior results":
    after the evidence the claim is in the authors' voice; from its subject it is not.)"""
    claims = []
    shows = _SHOWS_RESULT.match(source)
    if shows is not None:
        claim = source[shows.end() :]
        subject = _own_subject(name).match(claim)
        claim = claim[subject.end() :] if subject is not None else claim
        scope = shows.group("scope")
        if scope is not None and _SCOPE_OPENING.match(scope):
            # "On complex DNA sequence generation tasks, we demonstrate superior performance
            # ...": where it holds stays with it, as in ``_result_in_words``
            claim = f"{scope}{claim}"
        claims.append(claim)
    achieve = _AND_WE_ACHIEVE.match(source)
    if achieve is not None:
        claims.append("achieves " + source[achieve.end() :].removeprefix("achieve "))
    found = _own_method(name).search(source)
    if found is not None:
        claim = found.group("claim")
        against = _AGAINST_FIRST.match(source)
        if against is not None and against.end() <= found.start() + 2:
            # "Compared to standard differentiable optimization, our scalable approach achieves
            # greater accuracy ...": what it is compared with stays with it
            claim = f"{claim.rstrip(' .')} (vs. {against.group('other')})"
        claims.append(claim)
    return claims


# "In an X-ray classification task, we find that ...", "On complex DNA sequence generation tasks,
# ...": where the paper's claim was tried, said as the sentence's opening
_SETTING_OPENING = re.compile(
    r"^(?:In|On|For|Across)\s+(?:an?\s+|the\s+)?(?P<setting>[^,;]{3,70}?\b(?:tasks?|benchmarks?|"
    r"settings?|datasets?|domains?|simulations?)),\s"
)


def _opening_setting(paper: Paper) -> TableCell:
    """A setting the abstract names only as where a sentence's claim holds (review58: "Setting:
    —" beside "In an X-ray classification task, we find that this subset constitutes nearly 30%
    of the patient population"); "—" when none does, or only "various tasks"."""
    for index, sentence in enumerate(paper.analysis.sentences):
        found = _SETTING_OPENING.match(clean_sentence(sentence))
        if found is None or generic_setting(found.group("setting")):
            continue
        text = _capitalise_first(found.group("setting"))
        return TableCell(text, paper.id, index, clean_sentence(sentence))
    return TableCell(_EMPTY_CELL, paper.id)


def _capitalise_first(text: str) -> str:
    # "3) speeds up training by 73%": an item of the abstract's list, without its number; a cut
    # before "which" leaves no dash of an aside open ("the companion matrix -- a canonical ... --")
    text = LIST_MARK.sub("", text).rstrip(" -–—,;:")
    # "The method closes the gap by 96.4%": in the paper's own row the method needs no subject
    # pointing back at it ("Closes the gap by 96.4%")
    # "Specifically, a formal definition ...", "However for graph data ...", "Chaotic systems
    # thus pose ...": a cell follows no sentence to connect to
    text = _CELL_CONNECTIVE.sub("", without_openers(text))
    text = _INNER_CONNECTIVE.sub(r"\1", text, count=1)
    # "This baseline achieved 88.53%": in the paper's own row, its baseline
    text = _ROW_DEMONSTRATIVE.sub("The ", text)
    text = _GENERIC_SUBJECT.sub("", text)
    # "The proposed model: 1) outperforms ...": the row's method and the list's first item
    text = LIST_MARK.sub("", _GENERIC_LIST_SUBJECT.sub("", text))
    # "Its estimated values on the test set ...", "It is more than 20 times faster": in the
    # paper's own row, "it" is the row's paper
    text = _ROW_POSSESSIVE.sub("", text)
    text = _ROW_PRONOUN.sub("", text)
    return sentence_case(text)


# the connectives the output lint reads as pointing back (one list: lexicon/lint_connectives.txt)
_CELL_CONNECTIVE = re.compile(
    r"^(?:"
    + "|".join(re.escape(word) for word in sorted(words("lint_connectives"), key=len, reverse=True))
    + r")\b,?\s+",
    re.IGNORECASE,
)
# ... and the openings it reads as pointing back ("The model", "These methods"; one list:
# lexicon/lint_anaphors.txt)
_CELL_ANAPHOR = re.compile(
    r"^(?:"
    + "|".join(
        re.escape(phrase).replace(r"\ ", r"\s+")
        for phrase in sorted(words("lint_anaphors"), key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)
_INNER_CONNECTIVE = re.compile(r"^((?:\S+\s+){1,3}?)(?:thus|therefore|hence|consequently)\s+")
_ROW_DEMONSTRATIVE = re.compile(r"^(?:this|these)\s+(?=[a-z])", re.IGNORECASE)
_ROW_POSSESSIVE = re.compile(r"^(?:its|their)\s+(?=\S)", re.IGNORECASE)
_ROW_PRONOUN = re.compile(r"^(?:it|they)\s+(?:(?:is|are)\s+)?(?=[a-z0-9])", re.IGNORECASE)


_ARTEFACT = "|".join(words("artefact_nouns"))  # one list with the writers' (lexicon)
_GENERIC_SUBJECT = re.compile(
    rf"^(?:the|this|our|its|their)\s+(?:proposed\s+|new\s+|resulting\s+)?(?:{_ARTEFACT})\s+"
    # followed by its verb ("closes"), not by a plural noun with its own ("weights are")
    r"(?=[a-z]+s\s+(?!(?:are|is|were|was|can|could|will|would|have|has|do|does|may|might|must|"
    r"should)\b))",
    re.IGNORECASE,
)
_GENERIC_LIST_SUBJECT = re.compile(
    rf"^(?:the|this|our)\s+(?:proposed\s+|new\s+)?(?:{_ARTEFACT})\s*:\s*",
    re.IGNORECASE,
)


# a claim whose subject is a bare kind of thing ("An approach with three basic steps ...")
_UNNAMED_HEAD = re.compile(
    rf"(?:an?|the)\s+(?:{'|'.join(words('generic_heads'))})\b(?!\s*,|\s+called|\s+named)",
    re.IGNORECASE,
)


def distinct_measures(metrics: Sequence[str]) -> list[str]:
    """The different measures among ``metrics``: "speed-ups" and "speedup" are one, compared
    without hyphens, spaces or a plural s."""
    by_measure: dict[str, str] = {}
    for metric in metrics:
        by_measure.setdefault(re.sub(r"[-\s]", "", metric).rstrip("s"), metric)
    return sorted(by_measure.values())


# An asked axis is answered by the sentence holding at least this share (by idf) of its words.
_AXIS_SHARE = 0.5
# ... and a word more than this share of the collection writes ("learning", "data") is no
# evidence that a sentence answers it
_AXIS_WORD_MAX_SHARE = 0.25
# (a problem statement answers "what problem does each target"; the field's background and
# boilerplate answer nothing asked of the paper)
_AXIS_ROLES = frozenset(("problem", "contribution", "method", "result", "setting", "other"))


def _axis_cell(
    paper: Paper,
    asked: dict[str, float],
    approach: int | None,
    approach_text: str = "",
    meaning: _AxisMeaning | None = None,
    *,
    asks_goal: bool = False,
    asks_means: bool = False,
) -> TableCell:
    """The paper's answer to one question the request asks of each ("how does each decide how
    long a step to take"): its sentence holding most of the question's words (by idf, at least
    ``_AXIS_SHARE`` of them), said in the paper's row ("Uses the distance from the initial
    point ..."); else, given its ``meaning``, the sentence closest to the question in meaning;
    "—" when no sentence does."""
    total = sum(asked.values())
    if total <= 0:
        return _goal_cell(paper, asks_goal) or _meant_cell(paper, approach, approach_text, meaning)
    analysis = paper.analysis
    ranked = []
    in_approach = 0.0
    for index, sentence in enumerate(analysis.sentences):
        tokens = set(tokenize(sentence))
        share = sum(weight for token, weight in asked.items() if token in tokens) / total
        if index == approach:
            in_approach = share
        elif (
            share >= _AXIS_SHARE
            and analysis.roles[index] in _AXIS_ROLES
            # (ETP's "A probabilistic classifier with reliable predictive uncertainties i) fits
            # ..." says what it wants, not where its uncertainty comes from: review39a)
            and not (asks_means and analysis.roles[index] == "problem")
            and not (not asks_goal and _others_shortcoming(analysis.roles[index], sentence))
        ):
            ranked.append((-share, index))
    shown = set(tokenize(approach_text))
    in_cell = sum(weight for token, weight in asked.items() if token in shown) / total
    approach_says = in_approach >= _AXIS_SHARE and in_cell >= _AXIS_SHARE
    if approach_says and (not ranked or in_approach > -ranked[0][0]):
        # the approach cell's own sentence says it best ("uses the corresponding martingale
        # posteriors as the source of uncertainty"): "—" would tell the reader the abstract is
        # silent, so the part of it that answers
        return _approach_part(paper, approach, approach_text, asked)
    ranked.sort()
    name = analysis.claims.name
    for _, index in ranked:
        quoted = standalone(analysis.sentences[index], paper.title)
        said = row_clause(quoted, name) if quoted is not None else None
        if said is None or FIRST_PERSON_WORD.search(said):
            continue
        # the sentence whole when it is short enough, else its first clause if that still
        # says an asked word: a clause cut around the word reads as a fragment ("If
        # observations are noisy", "Resulting in scalable ... memory growth")
        text = said if len(said.split()) <= _CELL_WORDS + _CELL_OVERRUN else _phrase(said)
        # "... stored in superposition and because similarity is preserved": a cut inside a
        # subordinate clause leaves its opening behind
        tail = _SUBORDINATE_TAIL.search(text)
        if tail is not None and tail.start() > 0 and tail.group(0).count(",") == 0:
            text = text[: tail.start()]
        text = text.rstrip(" .")
        if not set(tokenize(text)) & set(asked) or _fragment(text, said):
            continue
        cell = _cell(paper, Span(index, 0, len(analysis.sentences[index]), text), text)
        if _CELL_ANAPHOR.match(cell.text):
            continue  # "The model building step ...": a cell has no sentence before it
        return cell
    # ... and where no sentence saying it more fully can stand in a cell ("Under specific
    # conditions ..., it can be shown that the uncertainty ...": review30b, "leaves that column
    # blank"), the approach cell still says it
    if approach_says:
        return _approach_part(paper, approach, approach_text, asked)
    return _goal_cell(paper, asks_goal) or _meant_cell(paper, approach, approach_text, meaning)


# the prose's sentence is a quote of the abstract sentence holding at least this share of its
# words (the paper's title words aside)
_SAID_SHARE = 0.8


def _said_cell(paper: Paper, text: str | None) -> TableCell | None:
    """The cell for what the prose says of the paper under a question: the abstract sentence
    it quotes, said in the paper's row as any answering sentence is; None when there is none,
    or it cannot stand in a cell."""
    if not text:
        return None
    words = set(tokenize(text)) - set(tokenize(paper.title))
    analysis = paper.analysis
    best, best_share = None, _SAID_SHARE
    for index, sentence in enumerate(analysis.sentences):
        share = len(words & set(tokenize(sentence))) / max(1, len(words))
        if share >= best_share:
            best, best_share = index, share
    if best is None:
        return None
    quoted = standalone(analysis.sentences[best], paper.title)
    shown = row_clause(quoted, analysis.claims.name) if quoted is not None else None
    if shown is None or FIRST_PERSON_WORD.search(shown):
        return None
    cut = shown if len(shown.split()) <= _CELL_WORDS + _CELL_OVERRUN else _phrase(shown)
    cut = cut.rstrip(" .")
    if len(cut.split()) < _MIN_CELL_WORDS or _fragment(cut, shown):
        return None
    cell = _cell(paper, Span(best, 0, len(analysis.sentences[best]), cut), cut)
    return None if _CELL_ANAPHOR.match(cell.text) else cell


def _approach_part(
    paper: Paper, approach: int | None, approach_text: str, asked: Mapping[str, float]
) -> TableCell:
    """The approach cell's sentence answering a question asked of each: the part of it, when
    it joins two doings, that holds most of the question's words ("Equips a NP with a
    predictive distribution ... and uses the corresponding martingale posteriors as the source
    of uncertainty": "Uses the corresponding martingale posteriors as the source of
    uncertainty"); the whole of it otherwise. It said "As in its approach" (review38a: "reads
    circular")."""
    parts = [part for part in _JOINED_DOINGS.split(approach_text) if part.strip()]

    def share(part: str) -> float:
        tokens = set(tokenize(part))
        return sum(weight for token, weight in asked.items() if token in tokens)

    best = max(parts, key=share, default=approach_text)
    if len(parts) < 2 or not share(best) or len(best.split()) < _MIN_CELL_WORDS:
        best = approach_text
    span = Span(approach, 0, 0, best) if approach is not None else None
    return _cell(paper, span, best.strip(" ,.;"))


# two doings of one subject: "equips a NP with ... and uses the corresponding martingale
# posteriors ...", "...; it also ..."
_JOINED_DOINGS = re.compile(r",?\s+and\s+(?=(?:then\s+|also\s+)?[a-z]+s\s)|;\s+")


def _goal_cell(paper: Paper, asks_goal: bool) -> TableCell | None:
    """What the paper sets out to fix, for a question asking what each aims at ("what is each
    aiming to get right", "what problem is each trying to fix"), whose words no sentence
    writes: the problem its abstract states (review38a: the column was missing)."""
    problem = paper.analysis.claims.problem
    if not asks_goal or problem is None:
        return None
    quoted = standalone(paper.analysis.sentences[problem.sentence], paper.title)
    if quoted is None or FIRST_PERSON_WORD.search(problem.text):
        return None
    text = _phrase(problem.text).rstrip(" .")
    if len(text.split()) < _MIN_CELL_WORDS or _FRAGMENT_START.match(text):
        return None
    cell = _cell(paper, problem, text)
    return None if _CELL_ANAPHOR.match(cell.text) else cell


@dataclass(frozen=True)
class _AxisMeaning:
    """How close each sentence of a paper is in meaning to one question asked of each paper
    (by sentence index), and how close a sentence must be to answer it."""

    closeness: Mapping[int, float]
    floor: float
    # "how does each ..." asks for a means, which a statement of the problem is not; "what
    # mismatch ... does each identify" is answered by one that says a word of it
    asks_means: bool
    words: frozenset[str] = frozenset()
    # what each sets out to fix, which a shortcoming of earlier work it states answers
    asks_goal: bool = False


def _meant_cell(
    paper: Paper, approach: int | None, approach_text: str, meaning: _AxisMeaning | None
) -> TableCell:
    """The paper's sentence closest in meaning to a question asked of each, at least
    ``meaning.floor`` close, when no sentence answers it in its words: "Compare DoG and SMB:
    how does each avoid hand-tuning the step size?" shares no word with DoG's "The DoG step
    sizes depend on simple empirical quantities (distance from the initial point and norms of
    gradients)" (review36a: the tables kept generic columns where the question names its own;
    7 of the 31 tuning compares asking something of each paper had its columns, 14 then). The
    approach cell's words again when that is its sentence; "—" when no sentence is close
    enough."""
    if meaning is None:
        return TableCell(_EMPTY_CELL, paper.id)
    analysis = paper.analysis
    ranked = sorted(
        (
            (-closeness, index)
            for index, closeness in meaning.closeness.items()
            if closeness >= meaning.floor and index < len(analysis.sentences)
        ),
    )
    for _, index in ranked:
        if index == approach:
            return _approach_part(paper, approach, approach_text, {})
        role = analysis.roles[index]
        if (
            role not in _AXIS_ROLES
            # a means is neither the problem nor the setting ("Task incremental learning aims to
            # enable a system to maintain its performance ..." is near "how does each keep
            # memory growth under control as tasks accumulate")
            or (meaning.asks_means and role in ("problem", "setting"))
            # (CogDPM's "these models do not show the enhancement of prediction skills" is near
            # "what kind of data does each one predict", and says what others lack)
            or (role == "problem" and not meaning.words & set(tokenize(analysis.sentences[index])))
            or (not meaning.asks_goal and _others_shortcoming(role, analysis.sentences[index]))
        ):
            continue
        cell = _sentence_cell(paper, index, of_the_study=False)
        if cell is not None:
            return cell
    return TableCell(_EMPTY_CELL, paper.id)


# "However, these regularization terms considerably slow down training ...": an abstract turning
# on the work before the paper, which its row would say as the paper's own
_TURN_ON_OTHERS = re.compile(
    r"^(?:However|But|Yet|Unfortunately|Nevertheless|Nonetheless),?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:these|those|such|existing|previous|prior|current|conventional|traditional|most)\b",
    re.IGNORECASE,
)


def _others_shortcoming(role: str, sentence: str) -> bool:
    """Whether an abstract sentence states a shortcoming of earlier work (a problem opening on
    a turn to it: "However, these regularization terms considerably slow down training due to
    Double Backpropagation"): in the paper's row it reads as the paper's own (review84: ELLE,
    which "is computationally cheaper than previous methods by avoiding Double
    Backpropagation", was said to slow training down)."""
    return role == "problem" and _TURN_ON_OTHERS.match(sentence) is not None


def _sentence_cell(paper: Paper, index: int, *, of_the_study: bool) -> TableCell | None:
    """One abstract sentence said in the paper's row (its subject the row's), whole when short
    enough, else its first clause; None when it cannot stand in a cell: first person left, a
    fragment, an opening that points back, or (unless ``of_the_study``) a sentence about the
    paper's own analyses, which answer no question asked of each."""
    analysis = paper.analysis
    quoted = standalone(analysis.sentences[index], paper.title)
    said = row_clause(quoted, analysis.claims.name) if quoted is not None else None
    if said is None or FIRST_PERSON_WORD.search(said):
        return None
    if not of_the_study and about_the_study(said):
        return None
    # ("It also drastically reduces the compute needs ...": the row's subject gone, its "also"
    # would add to a cell the reader was not shown)
    said = _capitalise_first(re.sub(r"^also\s+", "", said, flags=re.IGNORECASE))
    whole = len(said.split()) <= _CELL_WORDS + _CELL_OVERRUN
    text = (said if whole else _phrase(said)).rstrip(" .")
    # ("To the best of the knowledge": a clause that kept only the sentence's opening)
    if len(text.split()) < _MIN_CELL_WORDS or _fragment(text, said):
        return None
    cell = _cell(paper, Span(index, 0, len(analysis.sentences[index]), text), text)
    return None if _CELL_ANAPHOR.match(cell.text) else cell


# a sentence is about the paper's study when its first this many words name it
_STUDY_REACH = 6


# a question asking how each is tested ("how does each check it empirically", "on what problems
# is each tested"), and a sentence saying a paper's experiments
_TESTING_WORDS = (
    r"evaluat(?:e|es|ed|ion)|tested|tests?\s+on|empirically|experiments?|validat(?:e|es|ed|ion)"
)
_ASKS_TESTING = re.compile(rf"\b(?:{_TESTING_WORDS})\b", re.IGNORECASE)
# (not "empirical": "The theoretical and empirical analyses offer new explanations ..." says no
# experiment)
_EXPERIMENTS = re.compile(
    r"\b(?:experiment(?:s|al|ally)?|evaluat(?:e|es|ed|ion|ions)|benchmarks?|datasets?)\b",
    re.IGNORECASE,
)


def _experiments_cell(paper: Paper, row: Sequence[TableCell]) -> TableCell:
    """The first sentence of the abstract saying what the paper's experiments were, as a row
    says a sentence; not one another cell of the row says, nor one opening on what it refers
    back to; "—" when none does."""
    analysis = paper.analysis
    taken = {cell.sentence_index for cell in row if cell.sentence_index is not None}
    for index, sentence in enumerate(analysis.sentences):
        if index in taken or not _EXPERIMENTS.search(sentence):
            continue
        if analysis.roles[index] not in ("result", "setting", "method", "contribution"):
            continue
        cell = _sentence_cell(paper, index, of_the_study=True)
        if cell is not None:
            return cell
    return TableCell(_EMPTY_CELL, paper.id)


# a cell whose words another cell of its row holds, this share of them or more, says it again
# (two parts of one sentence do not: N-HiTS's experiments and its 20% accuracy improvement)
_SAID_AGAIN_SHARE = 0.8


def _says_again(cell: TableCell, other: TableCell) -> bool:
    """Whether ``other``, a cell of the same row drawn from the same sentence, holds most of
    ``cell``'s words."""
    if other.sentence_index != cell.sentence_index or other.text == _EMPTY_CELL:
        return False
    said = set(tokenize(cell.text))
    return bool(said) and len(said & set(tokenize(other.text))) >= _SAID_AGAIN_SHARE * len(said)


def _figure_cell(paper: Paper, row: Sequence[TableCell]) -> TableCell:
    """The first sentence of the abstract reporting a figure (``reported_figure``) that no other
    cell of the row says, as a row says a sentence; "—" when none does."""
    analysis = paper.analysis
    taken = {cell.sentence_index for cell in row if cell.sentence_index is not None}
    for index, sentence in enumerate(analysis.sentences):
        if index in taken or analysis.roles[index] in ("background", "problem", "boilerplate"):
            continue
        if reported_figure(sentence) is None:
            continue
        cell = _sentence_cell(paper, index, of_the_study=True)
        if cell is not None:
            return cell
    return TableCell(_EMPTY_CELL, paper.id)


# a question asked of each about where it works: "what setting does each target", "on which
# datasets/benchmarks is each evaluated"
# ... or how each is evaluated: "how does each check it empirically", "on what problems is each
# tested", "how each is evaluated" (review77: "no abstract sentence was matched" where both
# abstracts name their experiments)
_ASKS_SETTING = re.compile(
    rf"\b(?:settings?|datasets?|benchmark(?:s|ed)?|{_TESTING_WORDS})\b", re.IGNORECASE
)

_MAKES = re.compile(r"\b(?:to|and)\s+(?:design|propose|introduce|build|develop|derive)\b")


def _one_column_a_sentence(
    cells: list[TableCell], answered: Sequence[int], axes: Sequence[str]
) -> None:
    """One sentence answers one question of a row: where it fills several question columns
    (GrowNet's "a novel gradient boosting framework where shallow neural networks are employed as
    weak learners" under what plays the weak learner and under how it compares with tree-based
    boosting; review51: one sentence in three columns), it stays under the question most of whose
    words it writes (the earlier on a tie) and the others say "—"."""
    by_sentence: dict[int, list[int]] = {}
    for position in answered:
        index = cells[position].sentence_index
        if index is not None and cells[position].text != _EMPTY_CELL:
            by_sentence.setdefault(index, []).append(position)
    for positions in by_sentence.values():
        if len(positions) < 2:
            continue

        def share(position: int) -> int:
            asked = set(content_tokens(axes[position - 1])) - axis_frame()
            return len(asked & set(tokenize(cells[position].text)))

        keep = max(positions, key=lambda position: (share(position), -position))
        for position in positions:
            if position != keep:
                cells[position] = TableCell(_EMPTY_CELL, cells[position].paper_id)


def _repeats(cell: TableCell, approach: TableCell) -> bool:
    """Whether a question's cell says what the approach cell says (the same text or sentence)."""
    return cell.text != _EMPTY_CELL and (
        cell.text == approach.text
        or (cell.sentence_index is not None and cell.sentence_index == approach.sentence_index)
    )


def about_the_study(text: str) -> bool:
    """Whether a sentence's first words name the paper's own analyses or experiments."""
    return bool(set(tokenize(" ".join(text.split()[:_STUDY_REACH]))) & _study_words())


@cache
def _study_words() -> frozenset[str]:
    return frozenset(token for word in words("study_words") for token in tokenize(word))


# a question asking for a means: "how does each ...", "where does each get its predictive
# uncertainty from" (a statement of what the paper wants is no answer to either)
_HOW = re.compile(r"how\b|where\b.*\b(?:from|come\s+from)\s*$", re.IGNORECASE)
_SUBORDINATE_TAIL = re.compile(
    r"\s+(?:and|but|or)\s+(?:because|since|as|while|if|when|so)\b[^,;]*$", re.IGNORECASE
)
# a cell opening on a subordinator or a bare verb is a piece of a sentence, not a claim
_FRAGMENT_START = re.compile(
    r"(?:if|when|where|while|because|since|which|that|and|or|but|resulting|leading|are|is|"
    r"were|was)\b",
    re.IGNORECASE,
)
# ... unless it is the whole sentence, opening on the condition its main clause holds under:
# "When a PLM's scale grows up to tens of billions of parameters, all PET methods achieve almost
# the same performance ..." (review91: APET's shortcoming was said above its table and "—" in it)
_CONDITION_FIRST = re.compile(r"(?:if|when|where|while|because|since)\b[^,]{3,},\s", re.IGNORECASE)


def _fragment(text: str, sentence: str) -> bool:
    """Whether a cell's text reads as a fragment: opening on a subordinate or joining word,
    where it is not its sentence whole with a condition before its main clause; or ending on a
    word that waits for what was cut off ("Rests upon the fact that", x014)."""
    whole = text.rstrip(" .") == sentence.rstrip(" .")
    # (whole or not: the row's clause of "The method rests upon the fact that, although ...,
    # under certain conditions we can ..." is already cut before its first person)
    last = text.rstrip(" .,;:").rsplit(" ", 1)[-1].lower()
    if last in _WAITING_CONJUNCTIONS | _function_words() | {"and", "or"}:
        return True
    return _FRAGMENT_START.match(text) is not None and not (
        whole and _CONDITION_FIRST.match(text) is not None
    )


def _with_every_question(
    table: ComparisonTable, asked: Sequence[str], answered_above: Collection[str] = ()
) -> ComparisonTable:
    """A question with no column of its own that asks what each reports ("which baselines do
    they say they beat", "how much faster") heads the reported result, when that column says
    something; the others are named in the table's note as matched to no abstract sentence
    (not as unanswered: an abstract may say it in words no rule matched)."""
    aspects = list(table.aspects)
    shown = {question_heading(aspect) for aspect in aspects}
    unmatched: list[str] = []
    # the question asking what each reports heads the result before one the result merely
    # touches ("What is each trying to save or gain" took it from "What results do they report",
    # which the note then called unmatched; k009)
    for question in sorted(asked, key=lambda question: not asks_results(question)):
        if question_heading(question) in shown:
            continue
        # ("how much faster", "how well": a result; "how does each improve accuracy": a means,
        # and the approach cell is no answer to one: of the 11 labelled cells of tuning
        # comparisons whose approach column a "how ..."/"where ... from" question would head,
        # 7 hold a sentence that does not answer it)
        usual = (
            "reported result"
            if _HOW_MUCH.match(question)
            or asks_results(question)
            or (_HOW.match(question) is None and _RESULT_QUESTION.search(question))
            else None
        )
        if usual in aspects and any(
            cells[aspects.index(usual)].text != _EMPTY_CELL for cells in table.rows.values()
        ):
            aspects[aspects.index(usual)] = question
            shown.add(question_heading(question))
        elif question_heading(question) not in answered_above:
            # (not one the prose answers under its own heading: "No column for 'What does the
            # final model end up looking like?': no abstract sentence was matched to it" sat
            # below a section so headed; review70: "the footnote contradicts the answer")
            unmatched.append(question)
    if not unmatched:
        return replace(table, aspects=aspects)
    quoted = [f"“{question}{'?' if _ASKS.match(question) else ''}”" for question in unmatched]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    them = "them" if len(quoted) > 1 else "it"
    # (the tool's limit, not the abstracts' silence: review46 read "No sentence of these
    # abstracts was matched to ..." as saying no abstract answers, where OTOv2's does)
    said = (
        f"No column for {listed}: no abstract sentence was matched to {them}, though an "
        f"abstract may still answer {them}."
    )
    note = f"{table.note} {said}".strip()
    return replace(table, aspects=aspects, note=note)


# a question asking what each reports: its results, the baselines it beats
_RESULT_QUESTION = re.compile(
    r"\b(?:beat|beats|outperform\w*|baselines?|results?|gains?|improvements?|speed-?ups?|"
    r"accuracy|perform(?:s|ance)?)\b",
    re.IGNORECASE,
)
# a question as asked ("What does each give up"), not a clause of the request's ("What they
# claim about more elaborate methods")
_ASKS = re.compile(
    r"(?:(?:what|which)\s+(?:[\w-]+\s+)?|(?:how|where|why|who|when)\s+)(?:is|are|does|do|did|can|"
    r"was|were|has|have|much|well|many)\b",
    re.IGNORECASE,
)
_HOW_MUCH = re.compile(r"how\s+(?:much|well|many\s+times)\b", re.IGNORECASE)


def build_comparison_table(
    evidence: Sequence[Evidence],
    request: str = "",
    document_frequency: Callable[[str], int] | None = None,
    collection_size: int = 0,
    meaning: Mapping[tuple[str, int], tuple[float, ...]] | None = None,
    meaning_min: float = 1.0,
    said: Mapping[tuple[str, str], str] | None = None,
) -> ComparisonTable:
    """Paper × aspect, each cell a short phrase of one analysed claim (linked to the abstract
    sentence it comes from), "—" only where the abstract says nothing of it.

    The questions the request asks of each paper ("how does each decide how long a step to
    take", ``compared_axes``) are the table's columns after the approach, in place of the
    problem and setting, each cell the paper's sentence answering it. Their words are weighed
    by the collection's ``document_frequency``, the topic's own words aside, and a word more
    than ``_AXIS_WORD_MAX_SHARE`` of the collection writes ("learning", "data") says too
    little to tell which sentence answers. ``meaning``: each abstract sentence's cosine to each
    of ``compared_axes(request)``, by (paper id, sentence index), for the questions no sentence
    answers in words; a sentence answers in meaning when at least ``meaning_min`` close.
    ``said``: what the answer's prose says of a paper under each question (by question and
    paper id), which the question's cell then says too (the prose answered BigNAS's "how does
    each avoid the cost of fully training every candidate architecture" by "train a single set
    of shared weights", and the cell beside it was "—": review41)."""
    rows: dict[str, list[TableCell]] = {}
    # each row's paper, its approach cell's sentence and words (for a column kept for others)
    approaches: dict[str, tuple[Paper, int | None, str]] = {}
    # ... and the other of its proposal and mechanism, for an approach cell a question's column
    # says again
    alternatives: dict[str, TableCell] = {}
    metrics: list[str] = []
    axes = compared_axes(request) if request else []
    # the topic is what the first clause names before any axis it holds ("... differ in where
    # memories are stored": memories are the topic, storing them the axis)
    topic = set(content_tokens(compared_topic(request))) if axes else set()

    def weight(token: str) -> float:
        if document_frequency is None or not collection_size:
            return 1.0
        frequency = document_frequency(token)
        return (
            idf(frequency, collection_size)
            if frequency <= _AXIS_WORD_MAX_SHARE * collection_size
            else 0.0
        )

    asked = [
        {
            token: weight(token)
            for token in content_tokens(axis)
            if token not in topic and token not in axis_frame() and weight(token) > 0
        }
        for axis in axes
    ]
    # a question with no word of its own to look for ("what is each aiming to get right") is
    # still asked when sentences can answer it in meaning
    # ... and one asking for the figures each reports ("what FID or quality numbers do they
    # report") heads the reported result, not a column of its own beside it (review62: its cells
    # were the result cells again, or a sentence with no figure)
    kept = [
        position
        for position, words_of_axis in enumerate(asked)
        if (words_of_axis or meaning) and not asks_results(axes[position])
    ]
    means = [_HOW.match(axes[position]) is not None for position in kept]
    goals = [asks_goal(axes[position]) for position in kept]
    axes = [axes[position] for position in kept]
    asked = [asked[position] for position in kept]

    def meant(paper_id: str, axis: int) -> _AxisMeaning | None:
        if not meaning:
            return None
        position = kept[axis]
        closeness = {
            index: values[position]
            for (owner, index), values in meaning.items()
            if owner == paper_id and len(values) > position
        }
        return _AxisMeaning(
            closeness, meaning_min, means[axis], frozenset(asked[axis]), asks_goal=goals[axis]
        )

    for item in evidence:
        paper = item.paper
        claims = paper.analysis.claims
        idea = claims.mechanism or claims.proposal
        if (
            claims.mechanism is not None
            and claims.proposal is not None
            and about_the_study(claims.mechanism.text)
            # (Mirostat "uses the analysis to design a feedback-based adaptive top-k text
            # decoding algorithm": what the study led to is the method)
            and not _MAKES.search(claims.mechanism.text)
        ):
            # "Gives mathematical foundations to the method and compares it to existing ...
            # pruning methods" is what Movement Pruning's paper does with its method, not how
            # the method works: the proposal says that
            idea = claims.proposal
        approach = _DEFINED.sub("", _LEADING_VERB.sub("", idea.text)) if idea else ""
        setting = _LEADING_PREPOSITION.sub("", claims.setting.text) if claims.setting else ""
        result = next((found for found in claims.results if found.figure), None)
        if result is not None and result.metric:
            metrics.append(running_case(result.metric))
        setting_cell = _cell(paper, claims.setting, _phrase(setting))
        if setting_cell.sentence_index is None or (
            claims.setting is not None and generic_setting(claims.setting.text)
        ):
            # "Test datasets", "various tasks" say nothing a reader can look up: a dataset the
            # abstract names does, and without one the cell is empty
            setting_cell = _stated(paper, named_dataset(paper.abstract), whole=True)
        if setting_cell.sentence_index is None:
            setting_cell = _opening_setting(paper)
        result_text = _phrase(result.text, keep=result.figure or "") if result is not None else ""
        if (
            result is not None
            and result.where
            and len(f"{result.where} {result_text}".split()) <= _CELL_WORDS + _CELL_OVERRUN
        ):
            # where the figure holds, as the prose says it: "At some layers, can approximate a
            # model's output with more than 48% accuracy" (review32a: the cell "drops 'at some
            # layers'", which the sentence above it kept)
            result_text = f"{result.where}, {result_text}"
        result_cell = _cell(paper, result, result_text)
        if result_cell.sentence_index is None:
            result_cell = _stated(paper, reported_figure(paper.abstract), whole=False)
            if (
                result_cell.sentence_index is not None
                and claims.proposal is not None
                and result_cell.sentence_index < claims.proposal.sentence
            ):
                # a figure before what the paper proposes is what it sets out from ("its softmax
                # score on the ground truth class is around 0.4"), not what it reports
                result_cell = TableCell(_EMPTY_CELL, paper.id)
        # a finding stated before what the paper proposes may be what it sets out from rather
        # than what it reports, so a comparison it states in words after it goes first: EMO's
        # "the forward cross-entropy is suboptimal as a distance metric ..." was its result
        # cell, and "EMO demonstrates a consistently better language modeling performance than
        # MLE across domains" was nowhere (review28n #4)
        motivating = (
            claims.finding is not None
            and claims.proposal is not None
            and claims.finding.sentence < claims.proposal.sentence
        )
        if result_cell.sentence_index is None and (claims.finding is None or motivating):
            after = claims.proposal.sentence if claims.proposal is not None else -1
            result_cell = _result_in_words(paper, after)
            if result_cell.sentence_index is None and motivating:
                # ... and so does one claimed without a comparison in so many words: Dirichlet
                # FM's cell was its motivation, "naive linear flow matching on the simplex is
                # insufficient toward the goal", beside "On complex DNA sequence generation
                # tasks, we demonstrate superior performance compared to all baselines ..."
                # (review59)
                result_cell = _result_claimed(paper, after)
        if (
            result_cell.sentence_index is None
            and claims.finding is not None
            # (not the approach's own span again: HRA's "shows that the orthogonality of the
            # reflection planes ... impacts the model capacity" is both)
            and not (idea is not None and idea.overlaps(claims.finding))
            # (nor what the authors argue before they propose anything: why they set out)
            and not (motivating and _argued(paper, claims.finding))
        ):
            # no figure, but a result stated in words: "RPS ... consistently outperforms/matches
            # smaller models and all moderately informed pruning strategies ... across the
            # entire compression range" was "—" (a blind reader: "the abstract reports results
            # across the whole compression range")
            finding_text = _phrase(claims.finding.text)
            holds = claim_scope(
                abstract_sentences(paper.abstract)[claims.finding.sentence], claims.finding.start
            )
            if holds is not None:
                # "With the addition of tokenization, transformers break through the barrier
                # ...": where or with what the finding holds, as the prose says it (review58),
                # before the finding as it would be cut alone ("For weight quantization, by
                # preserving the super weight and clipping other weight outliers" was cut there)
                first = finding_text.split(" ", 1)[0]
                # ("ADS outperforms ..." keeps its name's capitals)
                named = any(character.isupper() for character in first[1:])
                finding_text = (
                    f"{holds}, {finding_text}"
                    if named
                    else f"{holds}, {finding_text[:1].lower()}{finding_text[1:]}"
                )
            found = _cell(paper, claims.finding, finding_text)
            if not _CELL_ANAPHOR.match(found.text):
                # ("The proposed reparameterization prevents ...": a cell has no sentence
                # before it to say which)
                result_cell = found
        if result_cell.sentence_index is None and not motivating and claims.finding is not None:
            # ... and when the finding cannot be the cell, a comparison stated in words can
            # ("In all experimental results, our method improves the performance of the
            # baselines", after a finding opening "the method can transfer ..."; review43:
            # Multi-aspect KD's result was "—")
            after = claims.proposal.sentence if claims.proposal is not None else -1
            result_cell = _result_in_words(paper, after)
        if result_cell.sentence_index is None:
            after = claims.proposal.sentence if claims.proposal is not None else -1
            result_cell = _result_claimed(paper, after)
        if axes:
            approaches[paper.id] = (paper, idea.sentence if idea else None, _phrase(approach))
            other = claims.proposal if idea is claims.mechanism else claims.mechanism
            if other is not None and idea is not None and other.sentence != idea.sentence:
                other_text = _DEFINED.sub("", _LEADING_VERB.sub("", other.text))
                # ("An approach with three basic steps that is conceptually much simpler" names
                # no approach: the cell said twice says more)
                if not _UNNAMED_HEAD.match(other_text):
                    alternatives[paper.id] = _cell(paper, other, _phrase(other_text))
            rows[paper.id] = [
                _cell(paper, idea, _phrase(approach)),
                *(
                    _said_cell(paper, (said or {}).get((axes[axis], paper.id)))
                    or _axis_cell(
                        paper,
                        words_of_axis,
                        idea.sentence if idea else None,
                        _phrase(approach),
                        meant(paper.id, axis),
                        asks_goal=goals[axis],
                        asks_means=means[axis],
                    )
                    for axis, words_of_axis in enumerate(asked)
                ),
                result_cell,
            ]
            if result_cell.sentence_index is not None and any(
                _says_again(result_cell, cell) for cell in rows[paper.id][:-1]
            ):
                # a question's column already says it ("Achieves greater accuracy ..." twice;
                # PoFT's "can be integrated with existing SFT data filtering methods ..., and
                # further improved by following preference optimization procedures, such as
                # DPO" under how it relates to DPO and again as its result; review80): another
                # sentence reporting a figure, else "—"
                rows[paper.id][-1] = _figure_cell(paper, rows[paper.id][:-1])
            for axis in range(len(axes)):
                if rows[paper.id][axis + 1].text == _EMPTY_CELL and _ASKS_SETTING.search(
                    axes[axis]
                ):
                    # "what setting does each target (time series, federated, ...)": where the
                    # paper works, as the Setting column says it ("—" beside an abstract naming
                    # CIFAR-10; the lint's empty cell with a fact)
                    # ... and, asked how each is tested, the sentence saying its experiments
                    # when it names no setting ("We confirm these results experimentally in
                    # wide but finite DGPs"; review77)
                    rows[paper.id][axis + 1] = (
                        setting_cell
                        if setting_cell.text != _EMPTY_CELL or not _ASKS_TESTING.search(axes[axis])
                        else _experiments_cell(paper, rows[paper.id])
                    )
            continue
        rows[paper.id] = [
            _cell(paper, claims.problem, _phrase(claims.problem.text) if claims.problem else ""),
            _cell(paper, idea, _phrase(approach)),
            setting_cell,
            result_cell,
        ]
    # A column no row fills ("Problem" when no abstract states the one it starts from) tells
    # the reader nothing; the approach stays, as what the table compares.
    aspects = ["approach", *axes, "reported result"] if axes else list(TABLE_ASPECTS)
    if axes:
        # a question the user asked keeps its column when one abstract answers it: "what
        # guarantees do they offer", answered by two of five, was dropped for the usual columns,
        # and the "—" beside the others is itself an answer (only two state one)
        answered = [
            position
            for position in range(1, len(axes) + 1)
            if any(cells[position].text != _EMPTY_CELL for cells in rows.values())
        ]
        if not answered:
            # no question asked of each is answered in so many words: the usual columns
            return _with_every_question(
                build_comparison_table(evidence),
                compared_axes(request),
                {question_heading(heading) for heading, _ in (said or {})},
            )
        for position in answered:
            # (the topic's words count here: "preference" of a comparison of preference
            # optimisers is what the question asks about each)
            wanted = {
                token: 1.0
                for token in content_tokens(axes[position - 1])
                if token not in axis_frame()
            }
            for paper_id, cells in rows.items():
                paper, sentence, text = approaches[paper_id]
                if cells[position].text == _EMPTY_CELL and set(tokenize(text)) & set(wanted):
                    # a column kept for the others: "—" says the abstract is silent, and SPO's
                    # approach, "a self-supervised preference degree loss", says something of
                    # how strongly one response is preferred (review40a: "marks it not stated
                    # while the cell next to it holds the answer")
                    cells[position] = _approach_part(paper, sentence, text, wanted)
        for cells in rows.values():
            _one_column_a_sentence(cells, answered, axes)
        for paper_id, cells in rows.items():
            if paper_id in alternatives and any(
                _repeats(cells[position], cells[0]) for position in answered
            ):
                # the question's column says what the approach cell did ("Calculates a new step
                # for each parameter group" twice side by side): the approach says the paper's
                # other claim of how it works ("an alternative approach to stochastic line
                # search ... based on forward step model building")
                cells[0] = alternatives[paper_id]
        # When every row's question column holds the sentence its approach cell would say again
        # (review42: "the Approach cell and the trade-off cell hold the same sentence", in all
        # three rows), the approach column says nothing the table does not and goes. One row's
        # alone keeps it: a pointer there ("Said under the question beside it") read as
        # template text (review44).
        said_beside = bool(rows) and all(
            any(_repeats(cells[position], cells[0]) for position in answered)
            for cells in rows.values()
        )
        keep = [*([] if said_beside else [0]), *answered, len(axes) + 1]
        aspects = [aspects[position] for position in keep]
        rows = {
            paper_id: [cells[position] for position in keep] for paper_id, cells in rows.items()
        }
    empty = [
        position
        for position, aspect in enumerate(aspects)
        if aspect != "approach"
        and rows
        and all(cells[position].text == _EMPTY_CELL for cells in rows.values())
    ]
    if empty:
        aspects = [aspect for position, aspect in enumerate(aspects) if position not in empty]
        rows = {
            paper_id: [cell for position, cell in enumerate(cells) if position not in empty]
            for paper_id, cells in rows.items()
        }
    distinct = distinct_measures(metrics)
    note = (
        "The reported results measure different things ("
        + ", ".join(distinct)
        + "); read them within each row, not across rows."
        if len(distinct) > 1
        else ""
    )
    # every question the request asks of each paper is shown: as its own column, as the heading
    # of the result column when it asks for results, or named under the table as matched to no
    # sentence (15 of 32 tuning comparisons asking questions dropped one silently; blind
    # readers: "drops half the question", "no 'how it closes it' column")
    return _with_every_question(
        ComparisonTable(aspects=aspects, rows=rows, note=note),
        compared_axes(request) if request else [],
        {question_heading(heading) for heading, _ in (said or {})},
    )
