"""An output lint: the defects a researcher objects to when reading an answer, counted per answer.

Each rule reads the finished Answer (and its rendered Markdown/LaTeX when the caller has them) and
reports what it found; nothing here changes an answer. The eval gates on zero findings, so every
rule aims at text a careful reader would strike out, not at style preferences: a sentence that
leans on a sentence the reader was not shown, "we" left in from an abstract, a name said twice,
the question pasted back, a label that is not the paper's name, a heading that names no topic, a
table cell that is empty where the abstract states the fact or that is a sentence cut mid-way.
Word lists live in `assistant/text/lexicon/lint_*.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from assistant import bm25
from assistant.models import Answer, CheckedSentence, Paper
from assistant.text.facts import named_dataset, reported_figure
from assistant.text.lexicon import words
from assistant.text.tokens import STOPWORDS

RULES: tuple[str, ...] = (
    "dangling_connective",
    "first_person",
    "doubled_subject",
    "question_echo",
    "bad_label",
    "latex_truncated_label",
    "heading_not_topic",
    "empty_cell_with_fact",
    "truncated_cell",
)

# A run of this many content words (stemmed, stopwords out) shared with the question, written by
# the writer rather than copied from a cited abstract, is the question echoed back.
ECHO_MIN_WORDS = 4
# A heading longer than this is a sentence, not a topic phrase.
HEADING_MAX_WORDS = 8
# The subject of a sentence ends within this many words ("The S4D paper's final model S4D is").
SUBJECT_MAX_WORDS = 8
# Characters of context kept around an excerpt from the rendered LaTeX.
EXCERPT_CONTEXT = 40

# A label or a table cell cut short ends on an ellipsis.
_TRUNCATED = re.compile(r"(?:…|\.\.\.)\s*$")


@dataclass(frozen=True)
class LintFinding:
    rule: str  # one of RULES
    sentence: int | None  # index into answer.sentences; None for headings, table cells, LaTeX
    text: str  # the offending excerpt


def lint_answer(
    answer: Answer, *, markdown: str | None = None, latex: str | None = None
) -> list[LintFinding]:
    """Every finding of every rule on one answer; an abstained answer has none.

    `markdown` / `latex` are the rendered outputs when the caller has them; without them the
    labels and the LaTeX body are rendered here (LaTeX only for related-work, the task that has it).
    """
    if answer.abstained:
        return []
    # Imported here so that render (or the eval built on it) can import this module in turn.
    from assistant import render

    labels = render.citation_labels(answer)
    if latex is None and answer.task == "related-work":
        latex = render.to_latex(answer)[0]
    papers = _papers(answer)
    findings: list[LintFinding] = []
    findings += _dangling_connectives(answer)
    findings += _first_person(answer)
    findings += _doubled_subjects(answer, labels)
    findings += _question_echoes(answer, papers, labels)
    findings += _bad_labels(answer, labels, papers, markdown)
    if latex is not None:
        findings += _latex_truncated_labels(latex)
    findings += _headings(answer, papers)
    findings += _table(answer, papers)
    return findings


def summarise(findings: Iterable[LintFinding]) -> dict[str, int]:
    """Findings per rule, every rule present (zero when clean)."""
    counts = dict.fromkeys(RULES, 0)
    for finding in findings:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    return counts


# --- word lists ----------------------------------------------------------------------------


def _lexicon(name: str) -> tuple[str, ...]:
    return words(f"lint_{name}")


@cache
def _opening_pattern(name: str) -> re.Pattern[str]:
    # Longest first so "in addition" wins over "in"; a hyphen after the word means a compound
    # ("Second-order", "Next-token"), not the connective.
    phrases = sorted(_lexicon(name), key=len, reverse=True)
    alternation = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
    return re.compile(rf"^\W*(?:{alternation})(?![\w-])", re.IGNORECASE)


@cache
def _phrase_pattern(name: str) -> re.Pattern[str]:
    phrases = sorted(_lexicon(name), key=len, reverse=True)
    alternation = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])", re.IGNORECASE)


def _papers(answer: Answer) -> dict[str, Paper]:
    papers = {paper.id: paper for paper in answer.references}
    for item in answer.evidence:
        papers.setdefault(item.paper.id, item.paper)
    return papers


def _paragraph_of(answer: Answer) -> list[list[int]]:
    return answer.paragraphs or [list(range(len(answer.sentences)))]


# --- dangling connectives and references ---------------------------------------------------


def _dangling_connectives(answer: Answer) -> list[LintFinding]:
    findings = []
    for indices in _paragraph_of(answer):
        previous: CheckedSentence | None = None
        for index in indices:
            sentence = answer.sentences[index]
            # Sentences without citations are the writer's own framing; they name what they
            # point at. Only a cited sentence lifted from an abstract can lose its antecedent.
            if sentence.citations:
                if _continues(previous, sentence):
                    assert previous is not None
                    excerpt = _unshown_noun(sentence.text, previous.text)
                else:
                    excerpt = _dangling_opening(sentence.text)
                if excerpt:
                    findings.append(LintFinding("dangling_connective", index, excerpt))
            previous = sentence
    if answer.table is not None:
        # A cell stands alone: there is no sentence before it to lean on.
        for paper_id, cells in answer.table.rows.items():
            for aspect, cell in zip(answer.table.aspects, cells, strict=False):
                excerpt = _dangling_opening(cell.text)
                if excerpt:
                    findings.append(
                        LintFinding(
                            "dangling_connective", None, f"{paper_id} / {aspect}: {excerpt}"
                        )
                    )
    return findings


def _continues(previous: CheckedSentence | None, sentence: CheckedSentence) -> bool:
    """The previous sentence of the paragraph is about (one of) the same paper(s)."""
    return previous is not None and bool(set(previous.citations) & set(sentence.citations))


# "these issues", "such improvements", "this approach" in a sentence's opening words; "such as"
# introduces examples and "this paper/work" is the first_person rule's.
_DETERMINER_PHRASE = re.compile(
    r"\b(?:this|these|those|such)\s+(?!as\b|paper\b|work\b|study\b)([\w-]+)(?:\s+([\w-]+))?",
    re.IGNORECASE,
)


def _opening_words(text: str) -> str:
    return " ".join(text.split()[:SUBJECT_MAX_WORDS])


def _dangling_opening(text: str) -> str | None:
    """What in a sentence's opening leans on a sentence before it, when none about it precedes."""
    for name in ("connectives", "anaphors"):
        match = _opening_pattern(name).match(text)
        if match:
            return _words(text, 6)
    clause = text.split(",", 1)[0]
    match = _phrase_pattern("inner_anaphors").search(clause)
    if match:
        return _words(text, 8)
    opening = _opening_words(text)
    # "The SpaceTime paper thus introduces": a causal adverb right after the subject.
    if re.search(r"\b(?:thus|therefore|hence|consequently)\b", opening, re.IGNORECASE):
        return _words(text, SUBJECT_MAX_WORDS)
    if _DETERMINER_PHRASE.search(opening):
        return _words(text, SUBJECT_MAX_WORDS)
    return None


def _unshown_noun(text: str, previous: str) -> str | None:
    """A "these results" / "this ability" in the opening whose noun the previous sentence (about
    the same paper) never mentions: it points at an abstract sentence the answer left out. A bare
    "This allows ..." refers to the previous sentence as a whole and is fine."""
    match = _DETERMINER_PHRASE.search(_opening_words(text))
    if match is None:
        return None
    verbs = {verb.lower() for verb in _lexicon("subject_verbs")}
    head = match.group(1).lower()
    if head in verbs or head in STOPWORDS:
        return None
    shown = set(bm25.tokenize(previous))
    nouns = [word for word in match.groups() if word]
    if any(token in shown for word in nouns for token in bm25.tokenize(word)):
        return None
    return _words(text, SUBJECT_MAX_WORDS)


def _words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


# --- first person ----------------------------------------------------------------------------

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_FIRST_PERSON = re.compile(
    r"(?<![\w-])(?:[Ww]e|[Oo]urs?|us|[Oo]urselves|[Mm]y)(?![\w-])"
    # "this paper" / "In this work" is the abstract speaking of itself, in prose a self-reference.
    r"|\b[Tt]his\s+(?:technical\s+)?(?:paper|work|study|thesis|article|report)\b"
    # "I" only as a subject: not a roman numeral ("Type I", "(i)", "Phase I").
    r"|(?<![\w(-])(?<!Type )(?<!Phase )(?<!Stage )(?<!Part )(?<!Level )(?<!Class )I\s+[a-z]{2,}"
)


def _first_person_match(text: str) -> re.Match[str] | None:
    return _FIRST_PERSON.search(_QUOTED.sub(lambda match: " " * len(match.group(0)), text))


def _excerpt_around(text: str, start: int, end: int, context: int = 30) -> str:
    left = max(0, start - context)
    right = min(len(text), end + context)
    excerpt = " ".join(text[left:right].split())
    return ("…" if left else "") + excerpt + ("…" if right < len(text) else "")


def _first_person(answer: Answer) -> list[LintFinding]:
    findings = []
    for index, sentence in enumerate(answer.sentences):
        match = _first_person_match(sentence.text)
        if match:
            excerpt = _excerpt_around(sentence.text, match.start(), match.end())
            findings.append(LintFinding("first_person", index, excerpt))
    if answer.table is not None:
        for cells in answer.table.rows.values():
            for cell in cells:
                # A cell that opens in first person is counted once, as a truncated cell.
                if _starts_first_person(cell.text):
                    continue
                match = _first_person_match(cell.text)
                if match:
                    excerpt = _excerpt_around(cell.text, match.start(), match.end())
                    findings.append(LintFinding("first_person", None, excerpt))
    return findings


def _starts_first_person(text: str) -> bool:
    return bool(re.match(r"^\W*(?:we|our|us|i)\b", text, re.IGNORECASE))


# --- doubled subjects ------------------------------------------------------------------------

_AUTHORS_TWICE = re.compile(r"\bthe authors\b(?:\s+\S+){1,3}?\s+(?:that\s+)?the authors\b", re.I)


def _doubled_subjects(answer: Answer, labels: dict[str, str]) -> list[LintFinding]:
    findings = []
    verbs = _phrase_pattern("subject_verbs")
    for index, sentence in enumerate(answer.sentences):
        text = sentence.text
        match = _AUTHORS_TWICE.search(text)
        if match:
            findings.append(LintFinding("doubled_subject", index, match.group(0)))
            continue
        verb = verbs.search(text)
        if verb is None or len(text[: verb.start()].split()) > SUBJECT_MAX_WORDS:
            continue
        # The cited paper's name in the subject ("The DeYO paper introduces", "the authors of
        # LLAMBO present") said again in the same sentence. A truncated title is not a name; it is
        # the bad_label rule's business.
        for paper_id in sentence.citations:
            label = labels.get(paper_id, "")
            if not label or _TRUNCATED.search(label):
                continue
            # within the first clause: after a colon or semicolon a new clause has its own
            # subject ("STEP is a recipe with two phases: first, STEP calculates ...")
            clause = re.split(r"[:;]\s", text, maxsplit=1)[0]
            found = [
                occurrence.start()
                for occurrence in re.finditer(rf"(?<![\w-]){re.escape(label)}(?![\w-])", clause)
            ]
            if len(found) >= 2 and found[0] < verb.start():
                findings.append(LintFinding("doubled_subject", index, _words(text, 12)))
                break
    return findings


# --- the question echoed ---------------------------------------------------------------------


def _question_echoes(
    answer: Answer, papers: dict[str, Paper], labels: dict[str, str]
) -> list[LintFinding]:
    question = bm25.tokenize(answer.question)
    if len(question) < ECHO_MIN_WORDS:
        return []
    findings = []
    for index, sentence in enumerate(answer.sentences):
        # A label is a paper's name (often its title's start), not words taken from the question.
        text = sentence.text
        # Every evidence paper's label: a connective sentence names papers it does not cite.
        for label in sorted(set(labels.values()), key=len, reverse=True):
            if label:
                text = text.replace(label, " ")
        tokens = bm25.tokenize(text)
        run = _longest_common_run(tokens, question)
        if len(run) < ECHO_MIN_WORDS:
            continue
        # Wording a cited abstract itself uses is the paper speaking, not the question echoed.
        sources = [papers[paper_id] for paper_id in sentence.citations if paper_id in papers]
        if any(_contains_run(bm25.tokenize(f"{p.title} {p.abstract}"), run) for p in sources):
            continue
        findings.append(LintFinding("question_echo", index, sentence.text))
    return findings


def _longest_common_run(tokens: Sequence[str], other: Sequence[str]) -> list[str]:
    best: tuple[int, int] = (0, 0)  # (length, end in tokens)
    previous = [0] * (len(other) + 1)
    for i, token in enumerate(tokens, 1):
        current = [0] * (len(other) + 1)
        for j, candidate in enumerate(other, 1):
            if token == candidate:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], i)
        previous = current
    length, end = best
    return list(tokens[end - length : end])


def _contains_run(tokens: Sequence[str], run: Sequence[str]) -> bool:
    size = len(run)
    return any(list(tokens[start : start + size]) == list(run) for start in range(len(tokens)))


# --- labels ----------------------------------------------------------------------------------


def _label_problem(label: str, paper: Paper | None) -> str | None:
    if re.search(r"\s\(\d+\)$", label):
        return "two papers under one label"
    if _TRUNCATED.search(label):
        return "truncated title"
    if any(residue in label for residue in _lexicon("label_residue")):
        return "markup in the label"
    if label in _lexicon("generic_labels"):
        return "generic word"
    # A plural acronym ("NDEs", "HRs") names a family of models or a component, unless the
    # abstract presents it as the paper's own ("We present Prior-Data Fitted Networks (PFNs)").
    if re.fullmatch(r"[A-Z][A-Za-z0-9-]*[A-Z]s", label) and not (
        paper is not None and _presents(paper.abstract, label)
    ):
        return "generic word"
    return None


def _presents(abstract: str, name: str) -> bool:
    # Active ("we propose ... (CINs)") or passive ("the concept of ... (CINs) is proposed").
    return bool(
        re.search(
            r"\b(?:propose|present|introduce|call|name|dub|term)\w*\s+(?:[\w-]+\s+){0,8}?"
            rf"\({re.escape(name)}\)",
            abstract,
            re.IGNORECASE,
        )
        or re.search(
            rf"\({re.escape(name)}\)\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
            r"(?:proposed|presented|introduced)\b",
            abstract,
            re.IGNORECASE,
        )
    )


def _bad_labels(
    answer: Answer, labels: dict[str, str], papers: dict[str, Paper], markdown: str | None
) -> list[LintFinding]:
    prose = _markdown_prose(markdown) if markdown is not None else None
    findings = []
    for paper_id, label in labels.items():
        if _label_problem(label, papers.get(paper_id)) is None:
            continue
        if prose is not None and label not in prose:
            continue
        # Report where the label first shows in prose: named in a sentence or as its citation.
        for index, sentence in enumerate(answer.sentences):
            if label in sentence.text or paper_id in sentence.citations:
                findings.append(LintFinding("bad_label", index, label))
                break
    return findings


def _markdown_prose(markdown: str) -> str:
    """The Markdown without its References list and table, where labels are expected."""
    kept, skipping = [], False
    for line in markdown.splitlines():
        if line.startswith("### "):
            skipping = line[4:].strip() in ("References", "Table")
            continue
        if not skipping and not line.startswith("|"):
            kept.append(line)
    return "\n".join(kept)


# --- LaTeX -----------------------------------------------------------------------------------

# "Knowledge\ldots{}" or "Knowledge..." glued to a word: a title cut short, not an ellipsis in a
# list ("x_1, \ldots, x_n").
_LATEX_TRUNCATION = re.compile(r"\w(?:\\ldots\{\}|\\ldots\b|\\dots\b|…|\.\.\.)")


def _latex_truncated_labels(latex: str) -> list[LintFinding]:
    findings = []
    for match in _LATEX_TRUNCATION.finditer(latex):
        excerpt = _excerpt_around(latex, match.start(), match.end(), EXCERPT_CONTEXT)
        findings.append(LintFinding("latex_truncated_label", None, excerpt))
    return findings


# --- headings --------------------------------------------------------------------------------


def _headings(answer: Answer, papers: dict[str, Paper]) -> list[LintFinding]:
    findings = []
    structural = {heading.lower() for heading in _lexicon("structural_headings")}
    generic = {heading.lower() for heading in _lexicon("generic_headings")}
    verbs = {verb.lower() for verb in _lexicon("subject_verbs")}
    # A heading ending on a function word was cut mid-phrase; one ending on a quantity or part
    # ("... loss", "... errors") names a detail, not a theme.
    bad_ends = {
        word.lower() for word in _lexicon("heading_end_words") + _lexicon("non_topic_heads")
    }
    for position, heading in enumerate(answer.headings):
        heading = heading.strip()
        if not heading or heading.lower() in structural:
            continue
        words = re.findall(r"[\w'-]+", heading)
        lowered = [word.lower() for word in words]
        cited = {
            paper_id
            for index in _heading_scope(answer, position)
            for paper_id in answer.sentences[index].citations
        }
        problem = (
            heading.lower() in generic
            or len(words) > HEADING_MAX_WORDS
            or (bool(lowered) and lowered[-1] in bad_ends)
            or any(word in verbs for word in lowered)
            or (len(words) >= 2 and heading == heading.lower())
            or not _heading_in_sources(heading, [papers[p] for p in cited if p in papers])
        )
        if problem:
            findings.append(LintFinding("heading_not_topic", None, heading))
    return findings


def _heading_scope(answer: Answer, position: int) -> list[int]:
    """Sentence indices under a heading: its paragraph and the unheaded ones that follow it."""
    indices: list[int] = []
    for later in range(position, len(answer.paragraphs)):
        if later > position and later < len(answer.headings) and answer.headings[later].strip():
            break
        indices += answer.paragraphs[later]
    return indices


def _heading_in_sources(heading: str, sources: Sequence[Paper]) -> bool:
    """The heading's words occur as a phrase (stemmed) in a cited title or abstract."""
    run = bm25.tokenize(heading)
    if not run:
        return False
    return any(_contains_run(bm25.tokenize(f"{p.title} {p.abstract}"), run) for p in sources)


# --- table -----------------------------------------------------------------------------------

_EMPTY_CELL = frozenset({"", "—", "-", "–", "n/a"})


def _table(answer: Answer, papers: dict[str, Paper]) -> list[LintFinding]:
    if answer.table is None:
        return []
    findings = []
    aspects = [aspect.lower() for aspect in answer.table.aspects]
    for paper_id, cells in answer.table.rows.items():
        paper = papers.get(paper_id)
        for aspect, cell in zip(aspects, cells, strict=False):
            text = cell.text.strip()
            if text.lower() in _EMPTY_CELL:
                if paper is None:
                    continue
                figure = reported_figure(paper.abstract) if "result" in aspect else None
                if figure is not None:
                    findings.append(
                        LintFinding(
                            "empty_cell_with_fact",
                            None,
                            f"{paper_id} / {aspect}: abstract gives {figure!r}",
                        )
                    )
                dataset = named_dataset(paper.abstract) if "setting" in aspect else None
                if dataset is not None:
                    findings.append(
                        LintFinding(
                            "empty_cell_with_fact",
                            None,
                            f"{paper_id} / {aspect}: abstract names {dataset!r}",
                        )
                    )
                continue
            if _TRUNCATED.search(text) or _starts_first_person(text):
                findings.append(
                    LintFinding("truncated_cell", None, f"{paper_id} / {aspect}: {text}")
                )
    return findings
