"""Prompt files: one per task under ``prompts/``, each declaring the variables it uses.

A prompt file starts with a small header, then the template::

    ---
    description: Answer a question from the evidence.
    variables: [question, evidence]
    ---
    Answer {question} using only:
    {evidence}

Placeholders are plain ``{name}`` fields; ``{{`` and ``}}`` are literal braces. Loading checks
that the template uses exactly the declared variables (and, when the caller says which values it
can supply, that it declares nothing else); rendering checks that every declared value, and no
other, is given. Any mismatch raises ``PromptError`` naming the file.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import PromptError

_PACKAGE_DIR = Path(__file__).resolve().parent
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_KEYS = {"variables", "description"}
SUFFIX = ".md"


def prompts_dir() -> Path:
    """The shipped prompts (wheel: ``assistant/bundled_prompts``; checkout: ``./prompts``)."""
    packaged = _PACKAGE_DIR / "bundled_prompts"
    return packaged if packaged.is_dir() else _PACKAGE_DIR.parent / "prompts"


@dataclass(frozen=True)
class Prompt:
    name: str
    path: Path
    variables: tuple[str, ...]
    template: str
    description: str = ""

    def render(self, **values: object) -> str:
        """The template with every declared variable filled in; extra or missing values fail."""
        missing = [name for name in self.variables if name not in values]
        unknown = sorted(name for name in values if name not in self.variables)
        if missing or unknown:
            problems = []
            if missing:
                problems.append(f"no value for {', '.join(missing)}")
            if unknown:
                problems.append(f"values it does not declare: {', '.join(unknown)}")
            raise PromptError(
                f"Prompt {self.path} was rendered with {'; '.join(problems)}; "
                f"it declares [{', '.join(self.variables)}]."
            )
        return self.template.format_map({name: str(value) for name, value in values.items()})


def load_prompt(
    name: str, *, directory: Path | None = None, allowed: Collection[str] | None = None
) -> Prompt:
    """Load and check ``<name>.md``; ``allowed`` lists the values the caller can supply."""
    folder = directory if directory is not None else prompts_dir()
    if not _NAME.match(name):
        raise PromptError(f"'{name}' is not a prompt name; use lower-case letters, digits and '-'.")
    path = folder / f"{name}{SUFFIX}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        available = ", ".join(sorted(p.stem for p in folder.glob(f"*{SUFFIX}"))) or "none"
        raise PromptError(
            f"No prompt file {path} (prompts there: {available}); restore it from the project."
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PromptError(f"Cannot read prompt file {path}: {error}; fix or restore it.") from None
    prompt = parse_prompt(text, name=name, path=path)
    if allowed is not None:
        extra = [variable for variable in prompt.variables if variable not in allowed]
        if extra:
            raise PromptError(
                f"Prompt {path} declares {', '.join(extra)}, which its caller does not supply; "
                f"it may use: {', '.join(sorted(allowed))}."
            )
    return prompt


def parse_prompt(text: str, *, name: str, path: Path) -> Prompt:
    """Split the header from the template and check one against the other."""
    header, template = _split_header(text, path)
    variables: tuple[str, ...] | None = None
    description = ""
    for number, line in enumerate(header, start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key not in _HEADER_KEYS:
            raise PromptError(
                f"{path}, line {number}: expected 'variables: [...]' or 'description: ...', "
                f"got {line.strip()!r}."
            )
        if key == "description":
            description = value.strip()
        else:
            variables = _parse_variables(value.strip(), path, number)
    if variables is None:
        raise PromptError(f"{path}: the header has no 'variables: [...]' line; declare them.")

    used = _placeholders(template, path)
    undeclared = [variable for variable in used if variable not in variables]
    unused = [variable for variable in variables if variable not in used]
    if undeclared:
        raise PromptError(
            f"{path} uses {_braced(undeclared)} but does not declare it; "
            "add it to 'variables' or remove the placeholder."
        )
    if unused:
        raise PromptError(
            f"{path} declares {', '.join(unused)} but never uses it; "
            "remove it from 'variables' or add the placeholder."
        )
    return Prompt(
        name=name,
        path=path,
        variables=variables,
        template=template.strip("\n") + "\n",
        description=description,
    )


def _split_header(text: str, path: Path) -> tuple[list[str], str]:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise PromptError(
            f"{path} does not start with a '---' header; begin it with "
            "'---', 'variables: [...]', '---'."
        )
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            return lines[1:end], "\n".join(lines[end + 1 :])
    raise PromptError(f"{path}: the header opened by '---' is never closed; add a '---' line.")


def _parse_variables(value: str, path: Path, line: int) -> tuple[str, ...]:
    if not (value.startswith("[") and value.endswith("]")):
        raise PromptError(
            f"{path}, line {line}: write the variables as a list, e.g. [question, evidence]."
        )
    names = [part.strip() for part in value[1:-1].split(",") if part.strip()]
    bad = [name for name in names if not _IDENTIFIER.match(name)]
    if bad:
        raise PromptError(f"{path}, line {line}: {', '.join(bad)} is not a variable name.")
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise PromptError(f"{path}, line {line}: {', '.join(duplicates)} is declared twice.")
    return tuple(names)


def _braced(names: list[str]) -> str:
    return ", ".join("{" + name + "}" for name in names)


def _placeholders(template: str, path: Path) -> list[str]:
    """The names the template uses, in order of first use; anything but ``{name}`` fails."""
    used: list[str] = []
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as error:
        raise PromptError(f"{path}: {error}; write literal braces as '{{{{' and '}}}}'.") from None
    for _literal, field_name, format_spec, conversion in fields:
        if field_name is None:
            continue
        if not _IDENTIFIER.match(field_name) or format_spec or conversion:
            shown = "{" + field_name + (f"!{conversion}" if conversion else "")
            shown += (f":{format_spec}" if format_spec else "") + "}"
            raise PromptError(
                f"{path}: placeholder {shown} is not a plain {{name}}; "
                "use a declared variable name, or '{{' and '}}' for literal braces."
            )
        if field_name not in used:
            used.append(field_name)
    return used
