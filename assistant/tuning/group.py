"""The base of every settings group: unknown fields are errors, values are frozen once read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)
