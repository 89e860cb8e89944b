"""A paper's identity as text: its normalised title, and a hash that moves when its text changes."""

from __future__ import annotations

import hashlib
import unicodedata

from assistant.text.sentences import abstract_sentences


def normalise_title(title: str) -> str:
    """The identity of a paper: case, width, accents-as-composed and spacing do not matter."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(text.split())


def content_hash(title: str, abstract: str) -> str:
    """Detects a changed paper: the index re-embeds a paper whose hash moved. The abstract counts
    as the index splits it into sentences (one chunk each, found by position), so a change to
    the splitting re-embeds the papers it splits differently, and only those."""
    sentences = "\n".join(sentence.strip() for sentence in abstract_sentences(abstract))
    digest = hashlib.sha256(f"{normalise_title(title)}\n{sentences}".encode())
    return digest.hexdigest()[:16]
