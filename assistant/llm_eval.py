"""The LLM engine's verifier benchmark: recorded model replies, labelled, with planted errors.

``evals/llm/`` holds one case per recorded task (``cases/NNN.json``: the task, the question, the
exact messages the LLM engine sent and the reply a capable model wrote for them) and
``labels.json`` (each reply sentence judged ``supported`` or ``unsupported`` against the evidence
in the prompt). From every supported sentence the benchmark plants known errors of several kinds
(a wrong citation, an altered figure, a fabricated sentence, a flipped direction ...), each in a
copy of the reply with that one sentence changed.

Every reply, original or planted, is served by a loopback OpenAI-compatible server
(``assistant.replay``) and read by the product's own LLM writer through the real ``openai``
client; the verifier then judges the draft with ``unsupported = mark``. Reported: the share of
supported sentences kept, and per error kind the share caught (marked unsupported, or no longer
cited to the paper it was wrongly given).

The evidence is rebuilt from the recorded prompt (the papers named in it, the sentences quoted),
so the benchmark measures the verifier on what the model saw, whatever retrieval does today.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.citations import cite
from assistant.errors import InputError
from assistant.models import Draft, Evidence, EvidenceSentence, Paper, Task
from assistant.text.lexicon import words as lexicon_words
from assistant.text.sentences import abstract_sentences, clean_sentence

if TYPE_CHECKING:
    from assistant.embedding import Embedder
    from assistant.settings import Settings

SEED = 20261130
ERROR_KINDS = (
    "misattribution",
    "altered_figure",
    "fabricated",
    "flipped_direction",
    "flipped_negation",
    "inflated_scope",
    "merged_claim",
    "swapped_figures",
    "unit_swap",
)
# The floors the issue sets: what a verifier must reach on this benchmark.
TARGETS: dict[str, float] = {
    "kept": 0.97,
    "misattribution": 0.95,
    "altered_figure": 0.95,
    "fabricated": 0.95,
    "flipped_direction": 0.80,
    "flipped_negation": 0.80,
}
OTHER_TARGET = 0.70
TOLERANCE = 0.02  # a rate may fall this much below the baseline before it counts as a regression

_PAPER = re.compile(r'<paper id="([^"]+)">\n(.*?)</paper>', re.DOTALL)
# A figure standing alone: not part of "60M", "1/10th", "20 000" or a version number.
_NUMBER = re.compile(r"(?<![\w./])(\d+(?:\.\d+)?)(?![\w./]*\d)(?![A-Za-z/])(?! \d)")


# --- the data ---------------------------------------------------------------------------------


@dataclass
class Case:
    number: str
    task: Task
    question: str
    messages: list[dict[str, str]]
    reply: str
    source: str = ""

    @property
    def prompt(self) -> str:
        return "\n\n".join(message["content"] for message in self.messages)


def load_cases(directory: Path) -> list[Case]:
    folder = directory / "cases"
    if not folder.is_dir():
        raise InputError(
            f"no recorded replies in {folder}; record them first (see {directory}/README.md)."
        )
    cases = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        cases.append(
            Case(
                number=path.stem,
                task=record["task"],
                question=record["question"],
                messages=record["messages"],
                reply=record["reply"],
                source=record.get("source", ""),
            )
        )
    if not cases:
        raise InputError(f"{folder} holds no case files (NNN.json).")
    return cases


def load_labels(directory: Path) -> dict[str, list[dict[str, Any]]]:
    path = directory / "labels.json"
    if not path.exists():
        return {}
    data: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def evidence_from_prompt(case: Case, papers: Mapping[str, Paper]) -> list[Evidence]:
    """The evidence the model saw: each <paper> of the prompt, with the sentences quoted."""
    user = next(message["content"] for message in case.messages if message["role"] == "user")
    evidence = []
    for rank, match in enumerate(_PAPER.finditer(user), start=1):
        paper_id, body = match.group(1), match.group(2)
        paper = papers.get(paper_id)
        if paper is None:
            raise InputError(
                f"case {case.number} quotes paper {paper_id!r}, which is not in the collection; "
                "re-record the case against this collection."
            )
        lines = [line for line in body.splitlines()[1:] if line.strip()]
        originals = [clean_sentence(sentence) for sentence in abstract_sentences(paper.abstract)]
        sentences = []
        for position, line in enumerate(lines):
            index = originals.index(line) if line in originals else position
            sentences.append(EvidenceSentence(paper_id, index, line, 1.0 / (position + 1)))
        evidence.append(
            Evidence(paper=paper, score=1.0 / rank, rank=rank, sentences=tuple(sentences))
        )
    return evidence


def reply_from_draft(draft: Draft) -> str:
    """A reply that parses back into ``draft``: one sentence a line, blank lines between
    paragraphs, each sentence's citations before its final mark."""
    paragraphs = draft.paragraphs or [list(range(len(draft.sentences)))]
    blocks = []
    for paragraph in paragraphs:
        lines = []
        for index in paragraph:
            sentence = draft.sentences[index]
            body = sentence.text.rstrip()
            mark = body[-1] if body and body[-1] in ".!?" else "."
            body = body[:-1].rstrip() if body and body[-1] in ".!?" else body
            citations = f" {cite(sentence.citations)}" if sentence.citations else ""
            lines.append(f"{body}{citations}{mark}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# --- planted errors ---------------------------------------------------------------------------


@dataclass
class Planted:
    kind: str
    case: str
    sentence: int  # index in the draft
    original: str
    text: str
    citations: list[str]
    wrong: list[str]  # ids the changed sentence must not keep as supported citations


def _direction_lines() -> list[tuple[list[str], list[str]]]:
    lines = []
    for entry in lexicon_words("directions"):
        left, right = entry.split("|")
        lines.append((left.split(), right.split()))
    return lines


def _flip_direction(text: str) -> str | None:
    for left, right in _direction_lines():
        for side, other in ((left, right), (right, left)):
            for word in side:
                pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
                match = pattern.search(text)
                if match and word not in ("lower", "more", "less"):
                    replacement = _same_inflection(word, other)
                    if match.group(0)[0].isupper():
                        replacement = replacement.capitalize()
                    return text[: match.start()] + replacement + text[match.end() :]
    return None


def _same_inflection(word: str, options: Sequence[str]) -> str:
    """The first of ``options`` inflected like ``word`` (-ing, -ed, -s, -er), else the first."""
    for ending in ("ing", "ed", "er", "s"):
        if word.endswith(ending):
            return next((option for option in options if option.endswith(ending)), options[0])
    bare = [option for option in options if not option.endswith(("ing", "ed", "er", "s"))]
    return bare[0] if bare else options[0]


_NEGATABLE = (
    (re.compile(r"\b(can)\b(?! not)"), "cannot"),
    (re.compile(r"\b(is)\b(?! not)"), "is not"),
    (re.compile(r"\b(are)\b(?! not)"), "are not"),
    (re.compile(r"\b(does)\b(?! not)"), "does not"),
)


def _flip_negation(text: str) -> str | None:
    for pattern, replacement in _NEGATABLE:
        match = pattern.search(text)
        if match:
            return text[: match.start()] + replacement + text[match.end() :]
    cannot = re.search(r"\bcannot\b", text)
    if cannot:
        return text[: cannot.start()] + "can" + text[cannot.end() :]
    negated = re.search(r"\b(is|are|does|do) not\b", text)
    if negated:
        return text[: negated.start()] + negated.group(1) + text[negated.end() :]
    return None


_SCOPE_VERBS = re.compile(
    r"\b(improves|reduces|outperforms|achieves|enables|yields|uses|learns|selects|filters|"
    r"prioritizes|relies|adapts|generates|predicts|captures|matches|leads|provides|combines)\b"
)
_INTRODUCING = re.compile(r"\b(proposes|introduces|presents|develops|designs) (an?)\b")


def _inflate_scope(text: str, cited_text: str) -> str | None:
    lower = cited_text.lower()
    options: list[str] = []
    intro = _INTRODUCING.search(text)
    if intro and "first" not in lower:
        options.append(text[: intro.start(2)] + "the first" + text[intro.end(2) :])
    verb = _SCOPE_VERBS.search(text)
    if verb and "always" not in lower:
        options.append(text[: verb.start()] + "always " + text[verb.start() :])
    baseline = re.search(r"\b(baselines|methods|models|approaches)\b", text)
    if baseline and not re.search(r"\ball\b", lower):
        options.append(text[: baseline.start()] + "all " + text[baseline.start() :])
    if "state-of-the-art" not in lower and re.search(r"\b(performance|results|accuracy)\b", text):
        spot = re.search(r"\b(performance|results|accuracy)\b", text)
        assert spot is not None
        options.append(text[: spot.start()] + "state-of-the-art " + text[spot.start() :])
    return options[0] if options else None


def _alter_figure(text: str, cited_numbers: set[str]) -> str | None:
    for match in _NUMBER.finditer(text):
        number = match.group(1)
        if len(number) == 4 and number.startswith(("19", "20")):  # a year, not a result
            continue
        if "." in number:
            whole, fraction = number.split(".")
            digit = (int(fraction[-1]) + 3) % 10
            changed = f"{whole}.{fraction[:-1]}{digit}"
        else:
            changed = str(int(number) * 2 + 1) if int(number) < 10 else str(int(number) + 7)
        if changed not in cited_numbers:
            return text[: match.start(1)] + changed + text[match.end(1) :]
    return None


_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s?(%|×|x\b|times\b|-fold\b)")


def _swap_unit(text: str) -> str | None:
    match = _UNIT.search(text)
    if not match:
        return None
    unit = match.group(2)
    replacement = "×" if unit == "%" else "%"
    return text[: match.start(2)] + replacement + text[match.end(2) :]


def _swap_figures(text: str) -> str | None:
    found = [
        match
        for match in _NUMBER.finditer(text)
        if not (len(match.group(1)) == 4 and match.group(1).startswith(("19", "20")))
    ]
    distinct: list[re.Match[str]] = []
    for match in found:
        if all(match.group(1) != other.group(1) for other in distinct):
            distinct.append(match)
    if len(distinct) < 2:
        return None
    # Two figures far enough apart to measure different things ("from 24 GB to 1 MB").
    pairs = [
        (a, b)
        for index, a in enumerate(distinct)
        for b in distinct[index + 1 :]
        if len(text[a.end(1) : b.start(1)].split()) >= 2
    ]
    if not pairs:
        return None
    first, second = pairs[0]
    return (
        text[: first.start(1)]
        + second.group(1)
        + text[first.end(1) : second.start(1)]
        + first.group(1)
        + text[second.end(1) :]
    )


def plant_errors(
    case: Case,
    draft: Draft,
    supported: Sequence[int],
    evidence: Sequence[Evidence],
    donors: Sequence[str],
    rng: random.Random,
) -> list[Planted]:
    """At most one planted error of each kind for this case, each from a supported sentence."""
    from assistant.answer.verify import numbers_in

    by_id = {item.paper.id: item.paper for item in evidence}
    planted: list[Planted] = []

    def cited_text(ids: Sequence[str]) -> str:
        return " ".join(f"{by_id[i].title}. {by_id[i].abstract}" for i in ids if i in by_id)

    candidates = [index for index in supported if draft.sentences[index].citations]
    for kind in ERROR_KINDS:
        order = list(candidates)
        rng.shuffle(order)
        for index in order:
            sentence = draft.sentences[index]
            citations = list(sentence.citations)
            text = sentence.text
            others = [paper_id for paper_id in by_id if paper_id not in citations]
            result: tuple[str, list[str], list[str]] | None = None
            if kind == "misattribution" and others:
                wrong = rng.choice(others)
                result = (text, [wrong], [wrong])
            elif kind == "altered_figure":
                changed = _alter_figure(text, numbers_in(cited_text(citations)))
                result = (changed, citations, citations) if changed else None
            elif kind == "fabricated" and donors:
                donor = rng.choice(donors)
                target = rng.choice(citations)
                result = (donor, [target], [target])
            elif kind == "flipped_direction":
                changed = _flip_direction(text)
                result = (changed, citations, citations) if changed else None
            elif kind == "flipped_negation":
                changed = _flip_negation(text)
                result = (changed, citations, citations) if changed else None
            elif kind == "inflated_scope":
                changed = _inflate_scope(text, cited_text(citations))
                result = (changed, citations, citations) if changed else None
            elif kind == "merged_claim" and len(citations) == 1:
                partners = [
                    other
                    for other in candidates
                    if other != index
                    and draft.sentences[other].citations
                    and not set(draft.sentences[other].citations) & set(citations)
                    and len(draft.sentences[other].citations) == 1
                ]
                if partners:
                    partner = draft.sentences[rng.choice(partners)].text.rstrip(" .")
                    partner = (
                        partner[0].lower() + partner[1:] if partner[1:2].islower() else partner
                    )
                    merged = f"{text.rstrip(' .')}, and {partner}."
                    result = (merged, citations, citations)
            elif kind == "swapped_figures":
                changed = _swap_figures(text)
                result = (changed, citations, citations) if changed else None
            elif kind == "unit_swap":
                changed = _swap_unit(text)
                result = (changed, citations, citations) if changed else None
            if result is not None and (result[0], result[1]) != (text, citations):
                planted.append(
                    Planted(kind, case.number, index, text, result[0], result[1], result[2])
                )
                break
    return planted


# --- running --------------------------------------------------------------------------------


@dataclass
class SentenceOutcome:
    case: str
    sentence: int
    text: str
    label: str  # supported / unsupported, or a planted error kind
    kept: bool  # judged supported with its citations
    verdict: str
    reason: str
    citations: list[str] = field(default_factory=list)
    final_citations: list[str] = field(default_factory=list)


@dataclass
class LLMBenchResult:
    cases: int
    supported_total: int
    supported_kept: int
    unsupported_total: int
    unsupported_caught: int
    caught: dict[str, tuple[int, int]]  # kind -> (caught, planted)
    outcomes: list[SentenceOutcome]
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def kept_rate(self) -> float | None:
        return self.supported_kept / self.supported_total if self.supported_total else None

    def rates(self) -> dict[str, float | None]:
        rates: dict[str, float | None] = {"kept": self.kept_rate}
        for kind in ERROR_KINDS:
            caught, total = self.caught.get(kind, (0, 0))
            rates[kind] = caught / total if total else None
        if self.unsupported_total:
            rates["labelled_unsupported"] = self.unsupported_caught / self.unsupported_total
        return rates

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "supported": [self.supported_kept, self.supported_total],
            "labelled_unsupported": [self.unsupported_caught, self.unsupported_total],
            "caught": {kind: list(value) for kind, value in self.caught.items()},
            "rates": self.rates(),
            "usage": {
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
            },
            "failures": [
                vars(outcome)
                for outcome in self.outcomes
                if (outcome.label == "supported") != outcome.kept
            ],
        }


def run_llm_benchmark(
    settings: Settings,
    directory: Path,
    papers: Mapping[str, Paper],
    *,
    embedder: Embedder | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LLMBenchResult:
    """Replay every case and its planted errors through the LLM writer and the verifier."""
    from assistant.answer.verify import verify
    from assistant.replay import ReplayServer
    from assistant.writers.llm import LLMWriter, parse_reply

    cases = load_cases(directory)
    labels = load_labels(directory)
    current: list[str] = [""]
    outcomes: list[SentenceOutcome] = []
    caught: dict[str, list[int]] = {kind: [0, 0] for kind in ERROR_KINDS}
    usage = [0, 0]

    # Fabricated sentences come from other cases' supported sentences (another topic).
    parsed: dict[str, tuple[Draft, list[Evidence], list[int]]] = {}
    for case in cases:
        evidence = evidence_from_prompt(case, papers)
        draft = parse_reply(case.reply, known_ids=[item.paper.id for item in evidence])
        supported = _supported_indices(case, draft, labels)
        parsed[case.number] = (draft, evidence, supported)

    with ReplayServer(lambda messages: current[0]) as server:
        run_settings = settings.model_copy(
            update={"llm_base_url": server.base_url, "llm_model": "replay", "unsupported": "mark"}
        )
        writer = LLMWriter(run_settings)
        total = len(cases)
        for done, case in enumerate(cases, start=1):
            draft, evidence, supported = parsed[case.number]
            donors = [
                other_draft.sentences[index].text
                for number, (other_draft, _, other_supported) in parsed.items()
                if number != case.number
                for index in other_supported
                if other_draft.sentences[index].citations
            ]
            rng_case = random.Random(f"{SEED}-{case.number}")
            planted = plant_errors(case, draft, supported, evidence, donors, rng_case)
            # The recorded reply as the model wrote it, then one copy per planted error.
            replies: list[tuple[str, Planted | None]] = [(case.reply, None)]
            for plant in planted:
                changed = Draft(
                    sentences=[
                        type(sentence)(sentence.text, list(sentence.citations), sentence.kind)
                        for sentence in draft.sentences
                    ],
                    engine="llm",
                    paragraphs=draft.paragraphs,
                    headings=draft.headings,
                )
                changed.sentences[plant.sentence].text = plant.text
                changed.sentences[plant.sentence].citations = list(plant.citations)
                replies.append((reply_from_draft(changed), plant))
            for reply, planted_error in replies:
                current[0] = reply
                written = writer.write(case.task, case.question, evidence)
                if written.usage:
                    usage[0] += written.usage.get("prompt_tokens", 0)
                    usage[1] += written.usage.get("completion_tokens", 0)
                checked = verify(
                    written, evidence, run_settings, embedder=embedder, question=case.question
                )
                by_draft = dict(zip(checked.kept, checked.sentences, strict=True))
                if planted_error is None:
                    for index, sentence in enumerate(written.sentences):
                        label = "supported" if index in supported else "unsupported"
                        result = by_draft.get(index)
                        kept = bool(result and result.supported)
                        outcomes.append(_outcome(case, index, sentence.text, label, kept, result))
                    continue
                result = by_draft.get(planted_error.sentence)
                survived = bool(
                    result
                    and result.supported
                    and any(paper_id in result.citations for paper_id in planted_error.wrong)
                )
                caught[planted_error.kind][1] += 1
                caught[planted_error.kind][0] += not survived
                outcomes.append(
                    _outcome(
                        case,
                        planted_error.sentence,
                        planted_error.text,
                        planted_error.kind,
                        survived,
                        result,
                    )
                )
            if progress is not None:
                progress(done, total)

    originals = [outcome for outcome in outcomes if outcome.label in ("supported", "unsupported")]
    return LLMBenchResult(
        cases=len(cases),
        supported_total=sum(1 for o in originals if o.label == "supported"),
        supported_kept=sum(1 for o in originals if o.label == "supported" and o.kept),
        unsupported_total=sum(1 for o in originals if o.label == "unsupported"),
        unsupported_caught=sum(1 for o in originals if o.label == "unsupported" and not o.kept),
        caught={kind: (value[0], value[1]) for kind, value in caught.items()},
        outcomes=outcomes,
        prompt_tokens=usage[0],
        completion_tokens=usage[1],
    )


def _supported_indices(
    case: Case, draft: Draft, labels: Mapping[str, list[dict[str, Any]]]
) -> list[int]:
    """Indices of the sentences labelled supported; every sentence when the case is unlabelled."""
    entries = labels.get(case.number)
    if entries is None:
        return list(range(len(draft.sentences)))
    by_index = {int(entry["sentence"]): entry for entry in entries}
    supported = []
    for index, sentence in enumerate(draft.sentences):
        entry = by_index.get(index)
        if entry is None or entry["text"] != sentence.text:
            raise InputError(
                f"labels for case {case.number} do not match its reply at sentence {index}; "
                "relabel it (evals/llm/label.py)."
            )
        if entry["label"] == "supported":
            supported.append(index)
    return supported


def _outcome(
    case: Case, index: int, text: str, label: str, kept: bool, result: Any
) -> SentenceOutcome:
    return SentenceOutcome(
        case=case.number,
        sentence=index,
        text=text,
        label=label,
        kept=kept,
        verdict=str(getattr(result, "verdict", "")) if result is not None else "dropped",
        reason=result.note if result is not None else "",
        citations=[],
        final_citations=list(result.citations) if result is not None else [],
    )


# --- report and baseline -----------------------------------------------------------------------


def format_llm_table(result: LLMBenchResult, baseline: Mapping[str, float | None] | None) -> str:
    rates = result.rates()
    lines = [
        f"### LLM verifier benchmark ({result.cases} recorded replies, unsupported = mark)",
        "",
        "| measure | count | rate | target | baseline |",
        "|---|---:|---:|---:|---:|",
    ]
    lines.append(
        f"| supported sentences kept | {result.supported_kept}/{result.supported_total} | "
        f"{_percent(rates['kept'])} | ≥ {TARGETS['kept']:.0%} | "
        f"{_percent((baseline or {}).get('kept'))} |"
    )
    for kind in ERROR_KINDS:
        caught, total = result.caught.get(kind, (0, 0))
        target = TARGETS.get(kind, OTHER_TARGET)
        lines.append(
            f"| {kind.replace('_', ' ')} caught | {caught}/{total} | {_percent(rates[kind])} | "
            f"≥ {target:.0%} | {_percent((baseline or {}).get(kind))} |"
        )
    if result.unsupported_total:
        lines.append(
            f"| labelled-unsupported caught | {result.unsupported_caught}/"
            f"{result.unsupported_total} | {_percent(rates.get('labelled_unsupported'))} | | |"
        )
    return "\n".join(lines)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def save_llm_baseline(result: LLMBenchResult, path: Path) -> None:
    data = {"benchmark": "llm-verifier", "cases": result.cases, "rates": result.rates()}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def load_llm_baseline(path: Path) -> dict[str, float | None]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rates: dict[str, float | None] = data["rates"]
    return rates


def llm_regressions(
    result: LLMBenchResult, baseline: Mapping[str, float | None], tolerance: float = TOLERANCE
) -> list[str]:
    """Every rate that fell more than ``tolerance`` below the baseline's."""
    problems = []
    for name, value in result.rates().items():
        before = baseline.get(name)
        if value is None or before is None:
            continue
        if value < before - tolerance:
            problems.append(f"{name}: {value:.1%} (baseline {before:.1%})")
    return problems
