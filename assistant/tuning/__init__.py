"""The tuning numbers of each stage, one group per stage, each number described where it is defined.

These are the dials the evals were tuned with: ``Settings`` holds one frozen instance of each
group (``settings.retrieval``, ``settings.evidence``, ``settings.writer``, ``settings.verify``,
``settings.lint``), set in config.toml under ``[evidence]`` and the like or in the environment as
``ASSISTANT_EVIDENCE__RELEVANCE_THRESHOLD``; ``assistant eval`` records every one of them, so a
baseline diff says which changed. A stage receives its group (``config=settings.evidence``), never
the whole settings object it does not need.

Numbers that define what a thing *is* rather than how well a stage does (the claims analyser's span
lengths, a citation label's word count, R@10's depth) are not here: they stay beside the code that
defines them, with a comment saying why they are fixed.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from assistant.tuning.evidence import EvidenceSettings
from assistant.tuning.group import Group
from assistant.tuning.retrieval import RetrievalSettings
from assistant.tuning.writing import LintSettings, VerifySettings, WriterSettings

__all__ = [
    "GROUPS",
    "EvidenceSettings",
    "LintSettings",
    "RetrievalSettings",
    "VerifySettings",
    "WriterSettings",
    "flatten",
]

GROUPS: dict[str, type[Group]] = {
    "retrieval": RetrievalSettings,
    "evidence": EvidenceSettings,
    "writer": WriterSettings,
    "verify": VerifySettings,
    "lint": LintSettings,
}


def flatten(groups: dict[str, BaseModel]) -> dict[str, Any]:
    """``{"evidence.relevance_threshold": 0.45, ...}``: every tuning number under its dotted name."""
    return {
        f"{group}.{name}": value
        for group, model in groups.items()
        for name, value in model.model_dump().items()
    }
