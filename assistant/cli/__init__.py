"""The command line: parse, call the library, render. The only package that prints or exits.

``base`` holds the typer app and what every command shares; each module beside it adds one group of
commands to that app (imported below in the order ``--help`` lists them)."""

from __future__ import annotations

import sys

from assistant.cli.base import _console, app
from assistant.errors import AssistantError

# Each import adds its commands to the app, in the order --help lists them.
# isort: off
from assistant.cli import collection  # noqa: F401
from assistant.cli import tasks  # noqa: F401
from assistant.cli import integrations  # noqa: F401
from assistant.cli import evaluate  # noqa: F401
from assistant.cli import config  # noqa: F401

# isort: on

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point: user mistakes become one line on stderr and a non-zero exit."""
    from assistant.streams import OutputError, check_streams, output_failure

    try:
        check_streams()
        app()
    except AssistantError as error:
        _console(stderr=True).print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        _console(stderr=True).print("interrupted; nothing half-written was kept.", markup=False)
        sys.exit(130)
    except OSError as error:  # stdout closed, full, or a pipe whose reader went away
        failure: OutputError | None = output_failure(error)
        if failure is None:
            raise
        if failure.message:
            _console(stderr=True).print(f"error: {failure.message}", markup=False, soft_wrap=True)
        sys.exit(failure.exit_code)
