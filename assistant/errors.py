"""The AssistantError family: every error a user can cause or fix, with a message that says how.

The CLI catches ``AssistantError`` once and prints its message on one line; anything else is a bug
and is allowed to show a traceback.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing sentence that says what to do."""

    exit_code = 1


class ConfigError(AssistantError):
    """A setting, config file or command-line option is invalid."""

    exit_code = 2


class InputError(AssistantError):
    """A user-supplied file, question or id cannot be used."""

    exit_code = 2


def check_choice(value: str, choices: tuple[str, ...], what: str) -> str:
    """``value`` if it is one of ``choices``; else the one error every entry point gives for an
    unknown engine, task, mode or format ("unknown --engine 'x'; use one of: extractive, llm.")."""
    if value not in choices:
        raise InputError(f"unknown {what} '{value}'; use one of: {', '.join(choices)}.")
    return value


class ParseError(InputError):
    """A listing page or JSONL file has a bad line; carries where, so the message can name it."""

    def __init__(self, source: str, line: int, problem: str) -> None:
        self.source = source
        self.line = line
        self.problem = problem
        super().__init__(f"{source}, line {line}: {problem}")


class UnknownPaperError(InputError):
    """A paper id that is not in the collection."""


class IndexStateError(AssistantError):
    """The on-disk index is missing, corrupt, locked or built with another model."""


class IndexBusyError(IndexStateError):
    """Another process holds the index lock."""


class StoreUnavailableError(AssistantError):
    """The configured Chroma server cannot be reached."""


class EmbeddingError(AssistantError):
    """The embedding model cannot be loaded or the embeddings endpoint failed."""


class LLMError(AssistantError):
    """The configured OpenAI-compatible endpoint failed after the allowed retries."""


class PromptError(AssistantError):
    """A prompt file is missing or uses variables it does not declare."""
