"""Text made safe for LaTeX: its special characters escaped, typographic marks spelled out."""

from __future__ import annotations

import re

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "—": "---",
    "–": "--",
    "…": r"\ldots{}",
    "×": r"$\times$",
    "“": "``",
    "”": "''",
    "σ": r"$\sigma$",
}
_LATEX_PATTERN = re.compile("|".join(re.escape(character) for character in _LATEX_SPECIALS))


def latex_escape(text: str) -> str:
    return _LATEX_PATTERN.sub(lambda match: _LATEX_SPECIALS[match.group(0)], text)
