"""What goes wrong at an OpenAI-compatible endpoint, said in one line that names the endpoint
(never the key) and what to do; and the small readings of a response the client needs: how long a
server asks to wait, the token usage it reports, a URL safe to show."""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from assistant.errors import LLMError

if TYPE_CHECKING:
    import openai

RETRY_STATUSES = frozenset({408, 409, 429})


@dataclass(frozen=True)
class EndpointMessages:
    """The failure messages of one endpoint and model."""

    endpoint: str
    model: str
    max_reply_chars: int
    api_key: str | None

    def error(self, message: str) -> LLMError:
        """One line, with the key scrubbed in case a server echoed it into a detail."""
        return LLMError(self.scrub(" ".join(message.split())))

    def status(self, error: openai.APIStatusError, attempts: int) -> str:
        status = error.status_code
        detail = self.detail(error)
        where = f"The LLM endpoint {self.endpoint}"
        if status in (401, 403) and self.api_key is None:
            return (
                f"{where} needs an API key (HTTP {status}); set ASSISTANT_API_KEY "
                "(or OPENAI_API_KEY)."
            )
        if status in (401, 403):
            return (
                f"{where} rejected the API key (HTTP {status}): {detail}; set ASSISTANT_API_KEY "
                "(or OPENAI_API_KEY) to a valid key."
            )
        if status == 404:
            return (
                f"{where} answered HTTP 404 for model {self.model!r}: {detail}; check "
                "ASSISTANT_LLM_MODEL and that the base URL includes the API path (often /v1)."
            )
        if status == 429:
            return (
                f"{where} is rate-limiting requests (HTTP 429, {tries(attempts)}): {detail}; "
                "wait and try again, or raise ASSISTANT_LLM_MAX_RETRIES."
            )
        if retryable(status):
            return (
                f"{where} failed with HTTP {status} ({tries(attempts)}): {detail}; check the "
                "server's log, or try again later."
            )
        return (
            f"{where} refused the request (HTTP {status}): {detail}; check ASSISTANT_LLM_MODEL "
            "and the server's settings."
        )

    def too_long(self) -> str:
        # An answer is a few thousand characters; megabytes are a runaway model or a hostile
        # server, and verifying them sentence by sentence would take minutes.
        return (
            f"The LLM endpoint {self.endpoint} sent a reply longer than {self.max_reply_chars:,} "
            "characters; it was cut off. Check the model, or raise ASSISTANT_LLM_MAX_REPLY_CHARS."
        )

    def not_json(self) -> str:
        return (
            f"The LLM endpoint {self.endpoint} answered with something that is not JSON; check "
            "that ASSISTANT_LLM_BASE_URL points at an OpenAI-compatible API (it often ends in /v1)."
        )

    def no_completion(self) -> str:
        return (
            f"The LLM endpoint {self.endpoint} answered without a chat completion in its reply; "
            "check that ASSISTANT_LLM_BASE_URL points at an OpenAI-compatible chat API."
        )

    def truncated(self) -> str:
        return (
            f"The LLM endpoint {self.endpoint} closed the stream before the answer was complete; "
            "try again, or check the server's log."
        )

    def detail(self, error: openai.APIError) -> str:
        """The server's own reason, short, on one line."""
        body = error.body
        message: object = None
        if isinstance(body, Mapping):
            inner = body.get("error", body)
            message = inner.get("message") if isinstance(inner, Mapping) else inner
        elif isinstance(body, str):
            message = body
        detail = " ".join(str(message or "").split())[:200]
        return detail or "no details"

    def scrub(self, text: str) -> str:
        if self.api_key:
            text = text.replace(self.api_key, "***")
        return text


def retryable(status: int) -> bool:
    return status in RETRY_STATUSES or status >= 500


def tries(attempts: int) -> str:
    return "1 attempt" if attempts == 1 else f"{attempts} attempts"


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """The wait a server asks for in ``retry-after-ms`` or ``Retry-After`` (seconds or a date)."""
    lowered = {name.lower(): value for name, value in headers.items()}
    milliseconds = lowered.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def display_url(url: str) -> str:
    """``url`` without user:password and query string, safe to show in messages."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def usage_counts(usage: Any) -> dict[str, int] | None:
    """The token counts of a response's ``usage``, or None when it has none usable."""
    if usage is None:
        return None
    counts: dict[str, int] = {}
    for name in ("prompt_tokens", "completion_tokens", "total_tokens"):
        value = getattr(usage, name, None)
        if isinstance(value, int) and not isinstance(value, bool):
            counts[name] = value
    return counts or None
