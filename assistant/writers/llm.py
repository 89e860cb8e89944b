"""The LLM writer: packs the evidence into a prompt, asks the endpoint, parses cited sentences.

It does not check what the model says; the verifier does, after it. Parsing (``reply.py``) keeps
whatever the model cited, invented ids included, so the verifier can see (and remove) them.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.citations import (
    CANNOT_ANSWER,
    CITATION_EXAMPLE,
    CITATION_FORMAT,
    CITATION_GROUP,
    cite,
)
from assistant.errors import LLMError
from assistant.llm_client import LLMClient, Message
from assistant.models import Draft, DraftSentence, Evidence, EvidenceSentence, Task
from assistant.prompts import Prompt, load_prompt
from assistant.writers.base import TextSink, Writer
from assistant.writers.reply import parse_reply

if TYPE_CHECKING:
    import tiktoken

    from assistant.settings import Settings

__all__ = ["LLMWriter", "PackedEvidence", "count_tokens", "pack_evidence", "parse_reply"]

ENCODING = "cl100k_base"
SYSTEM_PROMPT = "system"
# What the writer can fill in; a prompt that declares anything else fails when it is loaded.
SYSTEM_VARIABLES = (
    "citation_format",
    "citation_example",
    "multiple_citation_example",
    "cannot_answer",
)
TASK_VARIABLES = (
    "question",
    "evidence",
    "paper_ids",
    "cannot_answer",
    "citation_format",
    "citation_example",
)


class LLMWriter(Writer):
    """Writes drafts with any OpenAI-compatible chat model, streaming its text when asked."""

    name = "llm"
    can_stream = True
    needs_endpoint = True

    def __init__(self, settings: Settings, *, client: LLMClient | None = None) -> None:
        self.settings = settings
        self._client = client

    @property
    def client(self) -> LLMClient:
        # Made on first use, so a missing base URL or model surfaces as an LLMError from
        # write(), where the pipeline falls back to the extractive engine.
        if self._client is None:
            self._client = LLMClient.from_settings(self.settings)
        return self._client

    def write(
        self,
        task: Task,
        question: str,
        evidence: Sequence[Evidence],
        *,
        on_text: TextSink | None = None,
    ) -> Draft:
        packed = pack_evidence(evidence, self.settings.evidence_token_budget)
        if not packed.paper_ids:  # nothing to write from; no need to ask
            return Draft(
                sentences=[DraftSentence(CANNOT_ANSWER)],
                engine=self.name,
                warnings=packed.warnings,
                paragraphs=[[0]],
                headings=[""],
            )
        completion = self.client.complete(self.messages(task, question, packed), on_text=on_text)
        draft = parse_reply(completion.text, known_ids=[item.paper.id for item in evidence])
        if not draft.sentences:
            # Nothing to verify; the caller falls back to the extractive answer.
            shown = "an empty answer" if not completion.text.strip() else "no usable answer"
            raise LLMError(
                f"The LLM endpoint {self.client.endpoint} returned {shown} (no sentences); "
                f"check that model {self.client.model!r} is a chat model, and try again."
            )
        if completion.finish_reason == "length":
            draft.warnings.append(
                "The LLM stopped at its output limit, so its last sentence may be cut short."
            )
        draft.warnings[:0] = packed.warnings
        draft.usage = completion.usage
        return draft

    def messages(self, task: Task, question: str, packed: PackedEvidence) -> list[Message]:
        """The system and user messages for ``task``; the user message holds only the evidence."""
        system = load_prompt(SYSTEM_PROMPT, allowed=SYSTEM_VARIABLES)
        prompt = load_prompt(task, allowed=TASK_VARIABLES)
        values = {
            "question": _as_data(question),
            "evidence": packed.text,
            "paper_ids": ", ".join(packed.paper_ids) or "(none)",
            "cannot_answer": CANNOT_ANSWER,
            "citation_format": CITATION_FORMAT.format(paper_id="paper-id"),
            "citation_example": CITATION_EXAMPLE,
            "multiple_citation_example": cite(["first-paper-id", "second-paper-id"]),
        }
        return [
            Message("system", _render(system, values)),
            Message("user", _render(prompt, values)),
        ]


def _render(prompt: Prompt, values: dict[str, str]) -> str:
    return prompt.render(**{name: values[name] for name in prompt.variables})


# --------------------------------------------------------------------------------------------
# Evidence packing
# --------------------------------------------------------------------------------------------


@dataclass
class PackedEvidence:
    """The evidence block of the prompt and what had to be left out of it."""

    text: str
    paper_ids: list[str]
    tokens: int
    left_out: list[str] = field(default_factory=list)  # paper ids that did not fit

    @property
    def warnings(self) -> list[str]:
        if not self.left_out:
            return []
        return [
            f"{len(self.left_out)} evidence paper(s) did not fit the LLM's evidence budget and "
            f"were left out ({', '.join(self.left_out)}); raise evidence_token_budget to include "
            "them."
        ]


def pack_evidence(
    evidence: Sequence[Evidence],
    budget: int,
    *,
    count: Callable[[str], int] | None = None,
) -> PackedEvidence:
    """The best sentences of as many papers as fit in ``budget`` tokens, in rank order.

    Every paper that fits gets its title and best sentence first; the remaining room goes to
    further sentences a round at a time (each paper's second best, then third best, …), so one
    long abstract cannot crowd out the papers ranked after it.
    """
    count = count or count_tokens
    papers: list[Evidence] = []
    seen: set[str] = set()
    for item in evidence:
        if item.paper.id not in seen:
            seen.add(item.paper.id)
            papers.append(item)

    chosen: dict[str, list[EvidenceSentence]] = {}
    left_out: list[str] = []
    used = 0
    for item in papers:
        first = item.sentences[:1]
        cost = count(_paper_block(item, first))
        if used + cost > budget:
            left_out.append(item.paper.id)
            continue
        chosen[item.paper.id] = list(first)
        used += cost

    added: list[tuple[str, EvidenceSentence]] = []
    depth = 1
    while True:
        candidates = [
            item for item in papers if item.paper.id in chosen and len(item.sentences) > depth
        ]
        if not candidates:
            break
        for item in candidates:
            sentence = item.sentences[depth]
            cost = count(_sentence_line(sentence))
            if used + cost <= budget:
                chosen[item.paper.id].append(sentence)
                added.append((item.paper.id, sentence))
                used += cost
        depth += 1

    included = [item for item in papers if item.paper.id in chosen]
    text = _evidence_text(included, chosen)
    tokens = count(text)
    # Counting the pieces apart can undercount the whole by a token or two; trim until it fits.
    while tokens > budget and added:
        paper_id, sentence = added.pop()
        chosen[paper_id].remove(sentence)
        text = _evidence_text(included, chosen)
        tokens = count(text)
    return PackedEvidence(
        text=text, paper_ids=[item.paper.id for item in included], tokens=tokens, left_out=left_out
    )


def _evidence_text(included: Sequence[Evidence], chosen: dict[str, list[EvidenceSentence]]) -> str:
    return "".join(_paper_block(item, chosen[item.paper.id]) for item in included).rstrip("\n")


def _paper_block(item: Evidence, sentences: Sequence[EvidenceSentence]) -> str:
    # Sentences go back into abstract order, which reads better than score order.
    ordered = sorted(sentences, key=lambda sentence: sentence.index)
    lines = "".join(_sentence_line(sentence) for sentence in ordered)
    return f'<paper id="{item.paper.id}">\nTitle: {_as_data(item.paper.title)}\n{lines}</paper>\n'


def _sentence_line(sentence: EvidenceSentence) -> str:
    return f"{_as_data(sentence.text)}\n"


_STRUCTURE_TAG = re.compile(
    r"<\s*/?\s*(?:evidence|paper|question|topic|system|user|assistant|instructions?)\b[^<>]*>?",
    re.IGNORECASE,
)


def _as_data(text: str) -> str:
    """Text from an abstract made unable to pass for prompt structure or for a citation.

    Tags like ``</paper>`` are defused (so an abstract cannot close its own element and open a
    fake one), citation markers become ``(id)`` (so copying one is not a citation), and line
    breaks are flattened (so it cannot start lines of its own).
    """
    text = _STRUCTURE_TAG.sub(
        lambda match: match.group(0).replace("<", "‹").replace(">", "›"), text
    )
    text = CITATION_GROUP.sub(lambda match: f"({match.group(1)})", text)
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------
# Token counting
# --------------------------------------------------------------------------------------------


def count_tokens(text: str) -> int:
    """Tokens of ``text`` in cl100k_base, or an estimate of 4 characters a token without it."""
    encoding = _encoding()
    if encoding is None:
        return math.ceil(len(text) / 4)
    return len(encoding.encode(text, disallowed_special=()))


@functools.lru_cache(maxsize=1)
def _encoding() -> tiktoken.Encoding | None:
    cache = _bundled_tiktoken_cache()
    # tiktoken downloads encodings unless it finds them in its cache; llama-index ships
    # cl100k_base, so point tiktoken there. It stays set: llama-index removes the variable after
    # its own use only when it set it itself.
    if cache is not None and "TIKTOKEN_CACHE_DIR" not in os.environ:
        os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
    try:
        import tiktoken

        return tiktoken.get_encoding(ENCODING)
    except Exception:  # no network, no cache, no tiktoken: an estimate will do for a budget
        return None


def _bundled_tiktoken_cache() -> Path | None:
    try:
        spec = importlib.util.find_spec("llama_index.core")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        cache = Path(location) / "_static" / "tiktoken_cache"
        if cache.is_dir():
            return cache
    return None
