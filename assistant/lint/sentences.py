"""Output lint, the rules about sentences: one leaning on a sentence the reader was not shown, "we"
left in from an abstract, a name said twice, the question pasted back."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import bm25
from assistant.lint.base import (
    _TRUNCATED,
    LintFinding,
    _contains_run,
    _excerpt_around,
    _opening_pattern,
    _paragraph_of,
    _phrase_pattern,
    _words,
    lexicon,
)
from assistant.models import Answer, CheckedSentence, Paper
from assistant.text.claims.spans import THOSE_AS_PRONOUN
from assistant.text.facts import points_at_figures, points_at_proposal
from assistant.text.lexicon import words
from assistant.text.tokens import STOPWORDS
from assistant.tuning import LintSettings

# --- dangling connectives and references ---------------------------------------------------


# "... inspired by the following crucial empirical finding." points at a sentence not shown.
_POINTS_AHEAD = re.compile(r"\bthe following(?:\s+[\w-]+){0,4}\s*[.;:]?\s*$", re.IGNORECASE)


def dangling_connectives(answer: Answer, config: LintSettings) -> list[LintFinding]:
    findings = []
    for indices in _paragraph_of(answer):
        previous: CheckedSentence | None = None
        for index in indices:
            sentence = answer.sentences[index]
            # Sentences without citations are the writer's own framing; they name what they
            # point at. Only a cited sentence lifted from an abstract can lose its antecedent.
            if sentence.citations:
                if _LIST_ITEM.match(sentence.text):
                    # "(iii) the generative style decoder ...": an item of a list whose opening
                    # and earlier items are in sentences the answer does not hold
                    excerpt: str | None = _words(sentence.text, 4)
                elif _continues(previous, sentence):
                    assert previous is not None
                    excerpt = _unshown_noun(sentence.text, previous.text, config.subject_max_words)
                else:
                    excerpt = _dangling_opening(sentence.text, config.subject_max_words)
                pointer = _POINTS_AHEAD.search(sentence.text)
                if pointer and not excerpt:
                    excerpt = pointer.group(0).strip()
                if excerpt:
                    findings.append(LintFinding("dangling_connective", index, excerpt))
            previous = sentence
    if answer.table is not None:
        # A cell stands alone: there is no sentence before it to lean on.
        for paper_id, cells in answer.table.rows.items():
            for aspect, cell in zip(answer.table.aspects, cells, strict=False):
                excerpt = _dangling_opening(cell.text, config.subject_max_words)
                if excerpt:
                    findings.append(
                        LintFinding(
                            "dangling_connective", None, f"{paper_id} / {aspect}: {excerpt}"
                        )
                    )
    return findings


_LIST_ITEM = re.compile(r"\(?(?:[ivx]{1,4}|\d{1,2})\)\s")


def _continues(previous: CheckedSentence | None, sentence: CheckedSentence) -> bool:
    """The previous sentence of the paragraph is about (one of) the same paper(s)."""
    return previous is not None and bool(set(previous.citations) & set(sentence.citations))


# "these issues", "such improvements", "this approach" in a sentence's opening words; "such as"
# introduces examples and "this paper/work" is the first_person rule's.
_DETERMINER_PHRASE = re.compile(
    r"\b(?:this|these|those|such)\s+(?!as\b|paper\b|work\b|study\b)([\w-]+)(?:\s+([\w-]+))?",
    re.IGNORECASE,
)


# "Both supervised and unsupervised methods ...": "both ... and" joins two things it names, it
# points at none before it.
_CORRELATIVE_BOTH = re.compile(r"^both\s+(?:[\w-]+\s+){1,4}and\s+\w", re.IGNORECASE)


def _opening_words(text: str, subject_words: int) -> str:
    return " ".join(text.split()[:subject_words])


def _dangling_opening(text: str, subject_words: int) -> str | None:
    """What in a sentence's opening leans on a sentence before it, when none about it precedes."""
    for name in ("connectives", "anaphors"):
        match = _opening_pattern(name).match(text)
        if match and not _CORRELATIVE_BOTH.match(text):
            return _words(text, 6)
    clause = text.split(",", 1)[0]
    match = _phrase_pattern("inner_anaphors").search(clause)
    if match:
        return _words(text, 8)
    opening = _opening_words(text, subject_words)
    # "The SpaceTime paper thus introduces": a causal adverb right after the subject.
    if re.search(r"\b(?:thus|therefore|hence|consequently)\b", opening, re.IGNORECASE):
        return _words(text, subject_words)
    if _determiner_phrase(text, subject_words):
        return _words(text, subject_words)
    return None


def _determiner_phrase(text: str, subject_words: int) -> re.Match[str] | None:
    """A demonstrative before its noun in the opening words; not "those" standing for a noun
    the sentence names ("prior methods, including those based on ...")."""
    for match in _DETERMINER_PHRASE.finditer(_opening_words(text, subject_words)):
        if match.group(0).split()[0].lower() == "those":
            # the opening words are cut short; what follows "those" is read in the sentence
            at = re.search(rf"\bthose\s+(?={re.escape(match.group(1))}\b)", text, re.IGNORECASE)
            if at is not None and THOSE_AS_PRONOUN.match(text, at.end()):
                continue
        return match
    return None


def _unshown_noun(text: str, previous: str, subject_words: int) -> str | None:
    """A "these results" / "this ability" in the opening whose noun the previous sentence (about
    the same paper) never mentions: it points at an abstract sentence the answer left out. A bare
    "This allows ..." refers to the previous sentence as a whole and is fine."""
    match = _determiner_phrase(text, subject_words)
    if match is None:
        return None
    verbs = {verb.lower() for verb in lexicon("subject_verbs")}
    head = match.group(1).lower()
    if head in verbs or head in STOPWORDS:
        return None
    shown = set(bm25.tokenize(previous))
    nouns = [word for word in match.groups() if word]
    if any(token in shown for word in nouns for token in bm25.tokenize(word)):
        return None
    if points_at_figures(match.group(1), previous) or points_at_proposal(match.group(1), previous):
        return None
    return _words(text, subject_words)


# --- first person ----------------------------------------------------------------------------

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_PRONOUNS = "|".join(
    word if word == "us" else f"[{word[0].upper()}{word[0]}]{word[1:]}"
    for word in sorted(words("first_person"), key=len, reverse=True)
)
_FIRST_PERSON = re.compile(
    rf"(?<![\w-])(?:{_PRONOUNS})(?![\w-])"
    # "this paper" / "In this work" is the abstract speaking of itself, in prose a self-reference.
    r"|\b[Tt]his\s+(?:technical\s+)?(?:paper|work|study|thesis|article|report)\b"
    # "I" only as a subject: not a roman numeral ("Type I", "(i)", "Phase I").
    r"|(?<![\w(-])(?<!Type )(?<!Phase )(?<!Stage )(?<!Part )(?<!Level )(?<!Class )"
    r"(?<!type )(?<!phase )(?<!stage )(?<!part )(?<!level )(?<!class )I\s+[a-z]{2,}"
)


def _first_person_match(text: str) -> re.Match[str] | None:
    return _FIRST_PERSON.search(_QUOTED.sub(lambda match: " " * len(match.group(0)), text))


def first_person(answer: Answer) -> list[LintFinding]:
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
# A pronoun put in front of a clause that has its own subject: "It the method closes the gap".
_PRONOUN_BEFORE_SUBJECT = re.compile(
    r"^(?:It|They)\s+(?:the|this|these|our|its|their|a|an)\s", re.I
)


def doubled_subjects(
    answer: Answer, labels: dict[str, str], config: LintSettings
) -> list[LintFinding]:
    findings = []
    verbs = _phrase_pattern("subject_verbs")
    for index, sentence in enumerate(answer.sentences):
        text = sentence.text
        match = _AUTHORS_TWICE.search(text) or _PRONOUN_BEFORE_SUBJECT.match(text)
        if match:
            findings.append(LintFinding("doubled_subject", index, match.group(0)))
            continue
        verb = verbs.search(text)
        if verb is None or len(text[: verb.start()].split()) > config.subject_max_words:
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
            # "Experiments show that PreAct ... and that PreAct ...": the name is the subject of
            # what is shown, twice, as the abstract says it; the sentence's subject is not it
            in_complement = re.search(r"\bthat\b", clause[: found[0]]) if found else None
            if len(found) >= 2 and found[0] < verb.start() and not in_complement:
                findings.append(LintFinding("doubled_subject", index, _words(text, 12)))
                break
    return findings


# --- the question echoed ---------------------------------------------------------------------


def question_echoes(
    answer: Answer, papers: dict[str, Paper], labels: dict[str, str], config: LintSettings
) -> list[LintFinding]:
    question = bm25.tokenize(answer.question)
    if len(question) < config.echo_min_words:
        return []
    findings = []
    for index, sentence in enumerate(answer.sentences):
        # A label is a paper's name (often its title's start), not words taken from the question.
        # Every evidence paper's label: a connective sentence names papers it does not cite.
        # A label ends a run rather than joining the words either side of it: "Diffusion World
        # Model (DWM) is a conditional diffusion model" ran "model conditional diffusion model"
        # across "DWM", a run its abstract does not write (a paper's words read as an echo)
        named = [
            re.escape(label)
            for label in sorted(set(labels.values()), key=len, reverse=True)
            if label
        ]
        pieces = re.split("|".join(named), sentence.text) if named else [sentence.text]
        run = max(
            (_longest_common_run(bm25.tokenize(piece), question) for piece in pieces),
            key=len,
            default=[],
        )
        if len(run) < config.echo_min_words:
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
