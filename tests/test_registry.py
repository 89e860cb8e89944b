"""Engines, tasks and modes are defined once (models) and the writers are found in one registry."""

from __future__ import annotations

import pytest

from assistant.errors import InputError
from assistant.models import ENGINES, SEARCH_MODES, TASKS
from assistant.settings import Settings
from assistant.writers import WRITERS, can_stream, writer_class
from assistant.writers.base import Writer


def test_every_engine_has_a_writer_and_every_writer_an_engine() -> None:
    assert tuple(WRITERS) == ENGINES
    for engine in ENGINES:
        found = writer_class(engine)
        assert issubclass(found, Writer) and found.name == engine


def test_streaming_is_the_writers_capability_not_its_name() -> None:
    assert can_stream("llm") and not can_stream("extractive")
    assert writer_class("llm").needs_endpoint and not writer_class("extractive").needs_endpoint


def test_an_unknown_engine_names_the_known_ones() -> None:
    with pytest.raises(InputError, match="use one of: extractive, llm"):
        writer_class("gpt")


def test_settings_accept_exactly_the_defined_choices() -> None:
    fields = Settings.model_fields
    assert set(fields["engine"].annotation.__args__) == set(ENGINES)  # type: ignore[union-attr]
    assert set(fields["search_mode"].annotation.__args__) == set(SEARCH_MODES)  # type: ignore[union-attr]
    assert TASKS == ("ask", "compare", "related-work")
