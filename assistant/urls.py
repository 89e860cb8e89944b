"""URLs as shown to users and written to disk: credentials never leave the settings."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def masked_url(url: str) -> str:
    """``url`` with any password (and a user name, which may be a token) replaced by ``***``.

    Used for messages, ``assistant config`` and the index manifest: a URL like
    ``http://user:secret@host:8000`` names the same server as ``http://***@host:8000``.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.rpartition("@")[2] if "@" in url else url
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, f"***@{host}", parts.path, parts.query, parts.fragment))
