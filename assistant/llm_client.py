"""A thin client for any OpenAI-compatible chat endpoint: OpenAI, Ollama, vLLM, llama.cpp, …

It only ever talks to the configured base URL: with none configured it refuses, rather than fall
back to OpenAI's servers. Retries are its own (the ``openai`` client's are switched off) so that
they are bounded, honour ``Retry-After`` up to a cap, and can be made instant in tests. Every
failure is an ``LLMError`` whose message is one line that names the endpoint (never the key) and
says what to do.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from assistant.deadline import DeadlineExceeded, call_with_deadline, iterate_with_deadline
from assistant.errors import LLMError
from assistant.writers.endpoint_errors import (
    EndpointMessages,
    display_url,
    retry_after_seconds,
    retryable,
    tries,
    usage_counts,
)

if TYPE_CHECKING:
    import openai

    from assistant.settings import Settings

MAX_RETRY_AFTER = 30.0  # longest server-requested wait we sit through; beyond it we fail at once
MAX_BACKOFF = 8.0
NO_ENDPOINT = (
    "No LLM endpoint is configured; set ASSISTANT_LLM_BASE_URL "
    "(e.g. http://localhost:11434/v1 for Ollama) and ASSISTANT_LLM_MODEL, "
    "or use the extractive engine."
)
_PLACEHOLDER_KEY = "not-needed"  # local servers ignore the key, but the client insists on one
__all__ = ["Completion", "LLMClient", "Message", "display_url", "retry_after_seconds"]


@dataclass(frozen=True)
class Message:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class Completion:
    """The model's whole answer; ``finish_reason`` is "length" when it hit its token limit."""

    text: str
    finish_reason: str | None
    model: str
    # Token counts as the endpoint reports them (prompt_tokens, completion_tokens, total_tokens);
    # None when it reports none, which many local servers do for streams.
    usage: dict[str, int] | None = None


class _Finish:
    """Where the streaming generator leaves the finish reason (and any usage the server sent)
    for ``complete`` to read."""

    reason: str | None = None
    usage: dict[str, int] | None = None


class LLMClient:
    """Chat completions from one OpenAI-compatible endpoint, whole or streamed."""

    def __init__(
        self,
        *,
        base_url: str | None,
        model: str | None,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        temperature: float = 0.0,
        retry_delay: float = 0.5,
        max_reply_chars: int = 100_000,
    ) -> None:
        if not base_url or not base_url.strip():
            raise LLMError(NO_ENDPOINT)
        base_url = base_url.strip().rstrip("/")
        if urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).netloc:
            raise LLMError(
                "The LLM base URL does not start with http:// or https://; set "
                "ASSISTANT_LLM_BASE_URL to one like http://localhost:11434/v1."
            )
        if not model or not model.strip():
            raise LLMError(
                f"No model is set for the LLM endpoint {display_url(base_url)}; set "
                "ASSISTANT_LLM_MODEL to a model that server serves."
            )
        self.base_url = base_url
        self.model = model.strip()
        self.timeout = timeout
        self.max_retries = max_retries
        self.temperature = temperature
        self.retry_delay = retry_delay
        self.max_reply_chars = max_reply_chars
        self._api_key = api_key or None
        self._client: openai.OpenAI | None = None
        self._attempt_deadline = 0.0
        self._messages = EndpointMessages(
            display_url(base_url), self.model, max_reply_chars, self._api_key
        )

    @classmethod
    def from_settings(cls, settings: Settings, *, retry_delay: float = 0.5) -> LLMClient:
        return cls(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.resolved_api_key(),
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
            temperature=settings.llm_temperature,
            retry_delay=retry_delay,
            max_reply_chars=settings.llm_max_reply_chars,
        )

    @property
    def endpoint(self) -> str:
        """The base URL as shown to users: no credentials, no query string."""
        return display_url(self.base_url)

    def complete(
        self, messages: Sequence[Message], *, on_text: Callable[[str], None] | None = None
    ) -> Completion:
        """The whole answer; with ``on_text``, streamed and each chunk passed on as it comes."""
        if on_text is None:
            return self._complete_whole(messages)
        finish = _Finish()
        pieces: list[str] = []
        size = 0
        for piece in self._stream(messages, finish):
            size += len(piece)
            if size > self.max_reply_chars:
                raise self._messages.error(self._messages.too_long())
            pieces.append(piece)
            on_text(piece)
        return Completion(
            text="".join(pieces), finish_reason=finish.reason, model=self.model, usage=finish.usage
        )

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """The answer's text chunks as the server sends them; a cut-off stream raises LLMError."""
        return self._stream(messages, _Finish())

    # -- requests ---------------------------------------------------------------------------

    def _openai(self) -> openai.OpenAI:
        if self._client is None:
            import openai

            self._client = openai.OpenAI(
                base_url=self.base_url,
                api_key=self._api_key or _PLACEHOLDER_KEY,
                timeout=self.timeout,
                max_retries=0,  # retried here, see _create
            )
        return self._client

    def _create(self, messages: Sequence[Message], *, stream: bool) -> Any:
        """Send the request, retrying what a second try may fix; raise LLMError otherwise."""
        import openai

        client = self._openai()
        payload = [{"role": message.role, "content": message.content} for message in messages]
        attempt = 0
        while True:
            attempts = attempt + 1
            last_try = attempt >= self.max_retries
            delay = self._backoff(attempt)
            failure: str | None = None
            # llm_timeout bounds each attempt as a whole, from the request to the last byte of the
            # answer: the client's own timeout is per read, and a server trickling one byte a
            # second would never trip it. A stream spends what is left in ``_stream``.
            self._attempt_deadline = time.monotonic() + self.timeout
            try:
                return call_with_deadline(
                    lambda: client.chat.completions.create(
                        model=self.model,
                        messages=payload,  # type: ignore[arg-type]
                        temperature=self.temperature,
                        stream=stream,
                    ),
                    self.timeout,
                )
            except openai.APIStatusError as error:
                if not retryable(error.status_code) or last_try:
                    failure = self._messages.status(error, attempts)
                else:
                    delay, failure = self._server_delay(error, delay, attempts)
            except (openai.APITimeoutError, DeadlineExceeded):
                if last_try:
                    failure = (
                        f"The LLM endpoint {self.endpoint} did not answer within "
                        f"{self.timeout:g} s ({tries(attempts)}); check that the server is up, "
                        "or raise ASSISTANT_LLM_TIMEOUT."
                    )
            except openai.APIConnectionError:
                if last_try:
                    failure = (
                        f"Cannot reach the LLM endpoint {self.endpoint}, or it dropped the "
                        f"connection ({tries(attempts)}); check that the server is running and "
                        "ASSISTANT_LLM_BASE_URL is right."
                    )
            except ValueError:  # a 200 whose body is not JSON
                failure = self._messages.not_json()
            except openai.OpenAIError as error:
                failure = (
                    f"The LLM endpoint {self.endpoint} failed ({type(error).__name__}); check "
                    "that ASSISTANT_LLM_BASE_URL points at an OpenAI-compatible API."
                )
            if failure is not None:
                # Raised outside the except clause on purpose: the openai exception holds the
                # request, Authorization header included, and must not ride along as context.
                raise self._messages.error(failure)
            time.sleep(delay)
            attempt += 1

    def _complete_whole(self, messages: Sequence[Message]) -> Completion:
        response = self._create(messages, stream=False)
        if isinstance(response, str):  # what the client returns for a body not labelled JSON
            raise self._messages.error(self._messages.not_json())
        try:
            choice = response.choices[0]
            text, finish_reason = choice.message.content, choice.finish_reason
            well_formed = text is None or isinstance(text, str)
        except (AttributeError, IndexError, KeyError, TypeError):
            well_formed = False
        if not well_formed:
            raise self._messages.error(self._messages.no_completion())
        if text is not None and len(text) > self.max_reply_chars:
            raise self._messages.error(self._messages.too_long())
        return Completion(
            text=text or "",
            finish_reason=finish_reason,
            model=self.model,
            usage=usage_counts(getattr(response, "usage", None)),
        )

    def _stream(self, messages: Sequence[Message], finish: _Finish) -> Iterator[str]:
        import openai

        chunks = self._create(messages, stream=True)
        if isinstance(chunks, str):
            raise self._messages.error(self._messages.not_json())
        failure: str | None = None
        try:
            for chunk in iterate_with_deadline(chunks, self._attempt_deadline, self.timeout):
                finish.usage = usage_counts(getattr(chunk, "usage", None)) or finish.usage
                if not chunk.choices:  # e.g. a trailing usage chunk
                    continue
                choice = chunk.choices[0]
                piece = choice.delta.content if choice.delta is not None else None
                if isinstance(piece, str) and piece:
                    yield piece
                if choice.finish_reason:
                    finish.reason = choice.finish_reason
        except openai.APITimeoutError:
            failure = (
                f"The LLM endpoint {self.endpoint} went silent for {self.timeout:g} s in the "
                "middle of its answer; check the server, or raise ASSISTANT_LLM_TIMEOUT."
            )
        except DeadlineExceeded:
            failure = (
                f"The LLM endpoint {self.endpoint} did not finish its answer within "
                f"{self.timeout:g} s; check the server, or raise ASSISTANT_LLM_TIMEOUT."
            )
        except openai.APIConnectionError:
            failure = self._messages.truncated()
        except openai.APIError as error:  # an error event inside the stream
            failure = (
                f"The LLM endpoint {self.endpoint} reported an error in the middle of its "
                f"answer: {self._messages.detail(error)}; check the server's log and try again."
            )
        except ValueError:
            failure = (
                f"The LLM endpoint {self.endpoint} streamed an event that is not JSON; check "
                "that ASSISTANT_LLM_BASE_URL points at an OpenAI-compatible API."
            )
        except (AttributeError, IndexError, KeyError, TypeError):
            failure = self._messages.no_completion()
        finally:
            chunks.close()
        if failure is None and finish.reason is None:
            failure = self._messages.truncated()
        if failure is not None:
            raise self._messages.error(failure)

    # -- retry timing -----------------------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        return float(min(self.retry_delay * 2**attempt, MAX_BACKOFF))

    def _server_delay(
        self, error: openai.APIStatusError, backoff: float, attempts: int
    ) -> tuple[float, str | None]:
        """The wait before the next try, or why not to try again: a Retry-After beyond the cap."""
        requested = retry_after_seconds(error.response.headers)
        if requested is None:
            return backoff, None
        if requested > MAX_RETRY_AFTER:
            return 0.0, (
                f"The LLM endpoint {self.endpoint} answered HTTP {error.status_code} and asks to "
                f"wait {requested:.0f} s before trying again ({tries(attempts)}); wait and try "
                "again later."
            )
        return requested, None
