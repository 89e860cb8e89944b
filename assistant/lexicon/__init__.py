"""Word lists as data: plain text, one entry a line, ``#`` starts a comment (see assistant.claims)."""
