"""A paper's identity as text: its normalised title, and a hash that moves when its text changes."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise_title(title: str) -> str:
    """The identity of a paper: case, width, accents-as-composed and spacing do not matter."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(text.split())


def content_hash(title: str, abstract: str) -> str:
    """Detects a changed paper: the index re-embeds a paper whose hash moved."""
    digest = hashlib.sha256(f"{normalise_title(title)}\n{abstract.strip()}".encode())
    return digest.hexdigest()[:16]
