"""POST a JSON body to a model endpoint: timeouts, bounded retries with backoff, one-line errors.

Shared by the OpenAI-compatible and Anthropic backends so both fail the same way: 429, 5xx and
connection failures are retried (honouring Retry-After) up to ``max_retries`` times and then raise
``ModelError(retryable=True)``; other 4xx raise at once; every message names the endpoint.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from forethought.models.base import ModelError
from forethought.models.in_flight import IN_FLIGHT, InFlight  # noqa: F401 (re-exported)

RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 529})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``max_retries`` extra attempts; waits ``backoff_s * 2**n`` (or Retry-After), capped."""

    max_retries: int = 3
    backoff_s: float = 0.5
    max_wait_s: float = 30.0


@dataclass(frozen=True, slots=True)
class Answer:
    """A successful (2xx) answer's parsed JSON and the wall time the whole call took."""

    body: Any
    elapsed_s: float


class BadRequest(ModelError):
    """HTTP 400: the endpoint rejected the request (a backend may retry without a feature)."""


class Throttle:
    """One endpoint's rate limit as the provider states it: after an answer with Retry-After,
    no request to it starts before that time (the requests already sent wait it out alike)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._not_before = 0.0

    def hold(self, seconds: float) -> None:
        with self._lock:
            self._not_before = max(self._not_before, time.monotonic() + seconds)

    def wait(self, sleep: Callable[[float], None]) -> None:
        while (left := self._not_before - time.monotonic()) > 0:
            sleep(left)


def make_client(timeout_s: float) -> httpx.Client:
    # Connecting should be quick even when answering is slow: a dead endpoint fails fast.
    # No cap on connections: how many requests are in flight is the caller's (eval
    # --concurrency), and httpx's default of 100 would queue the rest against their timeout.
    return httpx.Client(
        timeout=httpx.Timeout(timeout_s, connect=min(10.0, timeout_s)),
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=256),
    )


def post_json(
    client: httpx.Client,
    url: str,
    body: Mapping[str, Any],
    *,
    headers: Mapping[str, str],
    retry: RetryPolicy,
    error_message: Callable[[Any], str] = lambda body: "",
    sleep: Callable[[float], None] = time.sleep,
    throttle: Throttle | None = None,
) -> Answer:
    """POST ``body`` to ``url`` and return the parsed JSON answer, or raise a one-line ModelError.

    ``error_message`` pulls the human-readable message out of an error answer's JSON.
    ``throttle``: the endpoint's shared rate limit (a Retry-After holds every request to it).
    """
    started = time.monotonic()
    attempts = retry.max_retries + 1
    for attempt in range(attempts):
        last = attempt == attempts - 1
        if throttle is not None:
            throttle.wait(sleep)
        try:
            with IN_FLIGHT:
                response = client.post(url, json=body, headers=dict(headers))
        except httpx.TimeoutException as exc:
            # Not retried: a model that did not answer in time would spend the budget again.
            raise ModelError(
                f"model endpoint {url}: no answer within {_timeout_of(client)} "
                f"({type(exc).__name__})",
                retryable=True,
            ) from None
        except httpx.TransportError as exc:
            if last:
                reason = _one_line(str(exc)) or type(exc).__name__
                raise ModelError(
                    f"model endpoint {url}: cannot connect ({reason})" + _gave_up(attempts),
                    retryable=True,
                ) from None
            sleep(_backoff(retry, attempt, None))
            continue
        if response.is_success:
            return Answer(_parse(url, response), time.monotonic() - started)
        status = f"{response.status_code} {response.reason_phrase}".strip()
        detail = _error_detail(response, error_message)
        message = f"model endpoint {url}: {status}" + (f": {detail}" if detail else "")
        if response.status_code not in RETRYABLE_STATUS:
            error_type = BadRequest if response.status_code == 400 else ModelError
            raise error_type(message)
        if last:
            raise ModelError(message + _gave_up(attempts), retryable=True)
        retry_after = _retry_after(response)
        wait = _backoff(retry, attempt, retry_after)
        if throttle is not None and retry_after is not None:
            throttle.hold(wait)
        sleep(wait)
    raise AssertionError("unreachable")


def _parse(url: str, response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise ModelError(
            f"model endpoint {url}: answer is not JSON: {_one_line(response.text)[:120]!r}"
        ) from None


def _error_detail(response: httpx.Response, error_message: Callable[[Any], str]) -> str:
    try:
        detail = error_message(response.json())
    except (ValueError, AttributeError, KeyError, TypeError):
        detail = response.text
    return _one_line(str(detail))[:300]


def _retry_after(response: httpx.Response) -> float | None:
    if "retry-after-ms" in response.headers:
        try:
            return float(response.headers["retry-after-ms"]) / 1000
        except ValueError:
            pass
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _backoff(retry: RetryPolicy, attempt: int, retry_after: float | None) -> float:
    wait = retry.backoff_s * 2**attempt if retry_after is None else retry_after
    return min(wait, retry.max_wait_s)


def _gave_up(attempts: int) -> str:
    return f" (gave up after {attempts} attempts)" if attempts > 1 else ""


def _timeout_of(client: httpx.Client) -> str:
    read = client.timeout.read
    return f"{read:g}s" if read is not None else "the timeout"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def openai_error_message(body: Any) -> str:
    """``{"error": {"message": ...}}`` (OpenAI, vLLM, llama.cpp), ``{"error": "..."}`` (Ollama)."""
    error = body["error"]
    return error["message"] if isinstance(error, dict) else str(error)


def anthropic_error_message(body: Any) -> str:
    """``{"type": "error", "error": {"type": ..., "message": ...}}``."""
    return str(body["error"]["message"])


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
