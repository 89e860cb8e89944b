"""One paper's abstract analysed once: its sentences, the role of each, the text that says what the
paper does, and its claims. Computed when the paper is indexed and stored with it, so the question
path only reads it (``analysis_record`` / ``analysis_from_record``); a paper without a stored
analysis (an older index) is analysed on first use instead, with the same result."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from assistant.text.claims import PaperClaims, Result, Span, analyse
from assistant.text.roles import Role, sentence_roles
from assistant.text.sentences import abstract_sentences


@cache
def analysis_version() -> str:
    """The identity of the code and word lists that analyse an abstract: a digest of every file of
    this package. A stored record of another version is ignored (recomputed on use, rewritten by
    the next 'assistant index'), so no change to the analysis can leave stale claims on disk."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CORE_ROLES = frozenset(("contribution", "method", "result", "setting"))

# A clause that names other work to set the paper apart from it ("Unlike a mixture of experts,",
# "outperforms X", "rather than X") says what the paper is *not* about.
CONTRAST = re.compile(
    r"\b(?:unlike|in contrast to|contrary to|compared (?:to|with)|as opposed to|rather than|"
    r"instead of|outperform\w*|surpass\w*|beat\w*|better than|than|"
    # "a method that does not rely on graph neural networks": what the paper does without
    r"(?:do|does|did)\s+not\s+(?:rely\s+on|use|require|need))\b[^,.;:]*|"
    # "the multi-step noising/denoising diffusion process is also unnecessary and challenging to
    # optimize": what the paper finds it can do without (Lotus was said to share DDP's
    # "denoising diffusion process", the process its abstract rejects; review29a); tried only
    # where a clause starts (from any position, the scan to the clause's end made every
    # substitution 17 times slower: p95 of an in-process ask 278 -> 644 ms)
    r"(?:(?<=[,.;:])|^)[^,.;:]*\b(?:is|are)\s+(?:also\s+|often\s+|largely\s+)?(?:unnecessary|harmful|"
    r"detrimental|not\s+(?:necessary|needed|required))\b[^,.;:]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PaperAnalysis:
    sentences: tuple[str, ...]  # abstract_sentences(abstract)
    roles: tuple[Role, ...]  # one per sentence
    core: str  # the sentences that say what the paper does, contrast clauses removed
    claims: PaperClaims


@lru_cache(maxsize=8192)
def analyse_paper(title: str, abstract: str) -> PaperAnalysis:
    sentences = tuple(abstract_sentences(abstract))
    roles = tuple(sentence_roles(sentences))
    core = " ".join(
        CONTRAST.sub(" ", sentence)
        for sentence, role in zip(sentences, roles, strict=True)
        if role in CORE_ROLES
    )
    return PaperAnalysis(sentences, roles, core, analyse(title, abstract))


def analysis_record(analysis: PaperAnalysis) -> dict[str, Any]:
    """A JSON-ready form, tagged with ``analysis_version()``."""
    return {"version": analysis_version(), **asdict(analysis)}


def analysis_from_record(record: dict[str, Any] | None) -> PaperAnalysis | None:
    """The stored analysis, or None when absent, of another version or malformed."""
    if not isinstance(record, dict) or record.get("version") != analysis_version():
        return None
    try:
        claims = record["claims"]
        return PaperAnalysis(
            sentences=tuple(record["sentences"]),
            roles=tuple(record["roles"]),
            core=str(record["core"]),
            claims=PaperClaims(
                name=claims["name"],
                kind=claims["kind"],
                problem=_span(claims["problem"]),
                proposal=_span(claims["proposal"]),
                mechanism=_span(claims["mechanism"]),
                setting=_span(claims["setting"]),
                results=tuple(Result(**result) for result in claims["results"]),
                finding=_span(claims["finding"]),
            ),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _span(value: dict[str, Any] | None) -> Span | None:
    return None if value is None else Span(**value)
