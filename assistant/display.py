"""Text from papers and models made safe to show on a terminal.

Titles, abstracts and LLM replies are data from outside: an escape sequence in them can recolour,
clear or retitle the user's terminal, and a bidi override can make a line read differently from
what it holds. Everything printed for a human passes through ``terminal_safe``; JSON output is left
alone (``json.dumps`` escapes control characters, and machines want the exact text).
"""

from __future__ import annotations

import re

# ESC-introduced sequences (CSI, OSC, and two-character escapes), then any other C0/C1 control
# except newline and tab, then the Unicode bidirectional embeddings, overrides and isolates.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, erase
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[@-Z\\-_]"  # other two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def terminal_safe(text: str) -> str:
    """``text`` without terminal escape sequences, control characters or bidi overrides."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _BIDI.sub("", text)
