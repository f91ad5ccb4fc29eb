"""meetkit's exceptions.

Every exception meetkit raises is a :class:`MeetkitError`. Provider failures carry the provider,
the HTTP status and the provider's own error code; configuration and query mistakes are
:class:`ConfigError` and :class:`QueryError` (the latter is also a :class:`ValueError`).

A listing where only some providers (or windows) failed does not raise: it returns what was
fetched, with the failures in ``MeetingList.errors`` (call ``raise_for_errors()`` to raise the
first one).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Mapping, Optional, Tuple, Type

__all__ = [
    "MeetkitError",
    "ConfigError",
    "QueryError",
    "SandboxError",
    "ProviderError",
    "AuthError",
    "PermissionDeniedError",
    "RateLimitError",
    "NotFoundError",
    "BadRequestError",
    "ServerError",
    "NetworkError",
    "InvalidResponseError",
    "WindowUnavailableError",
    "from_info",
]


class MeetkitError(Exception):
    """Base class of every meetkit error.

    Attributes are ``None`` where they do not apply: ``provider`` (a name of ``meetkit.PROVIDERS``),
    ``status`` (HTTP status), ``code`` (the provider's error code), ``kind`` (``"auth"``,
    ``"rate_limited"``, ``"config"``, …), ``hint`` (what to do about it).
    """

    message: str
    kind: Optional[str]
    provider: Optional[str]
    status: Optional[int]
    code: Optional[str]
    hint: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        kind: Optional[str] = None,
        provider: Optional[str] = None,
        status: Optional[int] = None,
        code: Optional[str] = None,
        hint: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.provider = provider
        self.status = status
        self.code = code
        self.hint = hint


class ConfigError(MeetkitError):
    """Credentials, base URLs or options are missing or wrong."""


class QueryError(MeetkitError, ValueError):
    """The query cannot be run as asked (bad window, unknown provider, unsupported filter)."""


class SandboxError(MeetkitError):
    """The embedded sandbox could not start or was used after ``close()``."""


class ProviderError(MeetkitError):
    """A provider (or one of its time windows) failed.

    Besides :class:`MeetkitError`'s attributes: ``operation`` (the API operation),
    ``detail`` (what the provider said), ``attempts``, ``window`` (``(start, end)``, when the
    failure is about one window) and ``account`` (the provider account it happened in).
    """

    account: Optional[str]
    operation: Optional[str]
    detail: Optional[str]
    attempts: Optional[int]
    window: Optional[Tuple[_dt.datetime, _dt.datetime]]

    def __init__(
        self,
        message: str,
        *,
        kind: Optional[str] = None,
        provider: Optional[str] = None,
        status: Optional[int] = None,
        code: Optional[str] = None,
        hint: Optional[str] = None,
        operation: Optional[str] = None,
        detail: Optional[str] = None,
        attempts: Optional[int] = None,
        window: Optional[Tuple[_dt.datetime, _dt.datetime]] = None,
        account: Optional[str] = None,
    ) -> None:
        super().__init__(message, kind=kind, provider=provider, status=status, code=code, hint=hint)
        self.account = account
        self.operation = operation
        self.detail = detail
        self.attempts = attempts
        self.window = window


class AuthError(ProviderError):
    """Credentials missing, wrong or expired (HTTP 401 and the like)."""


class PermissionDeniedError(ProviderError):
    """Authenticated, but not allowed (HTTP 403, missing scope)."""


class RateLimitError(ProviderError):
    """Still rate limited after every retry (HTTP 429)."""


class NotFoundError(ProviderError):
    """The user or resource does not exist."""


class BadRequestError(ProviderError):
    """The provider rejected the request (HTTP 400/422)."""


class ServerError(ProviderError):
    """The provider kept failing (HTTP 5xx) after every retry."""


class NetworkError(ProviderError):
    """The provider could not be reached, or the connection broke, after every retry."""


class InvalidResponseError(ProviderError):
    """The provider answered with something its API does not document, or paging went wrong."""


class WindowUnavailableError(ProviderError):
    """The window lies where the provider cannot serve it (Zoom: older than six months)."""


_PROVIDER_KINDS: Dict[str, Type[ProviderError]] = {
    "auth": AuthError,
    "permission": PermissionDeniedError,
    "rate_limited": RateLimitError,
    "not_found": NotFoundError,
    "bad_request": BadRequestError,
    "server": ServerError,
    "network": NetworkError,
    "invalid_response": InvalidResponseError,
    "pagination": InvalidResponseError,
    "window_unavailable": WindowUnavailableError,
}

_OTHER_KINDS: Dict[str, Type[MeetkitError]] = {
    "config": ConfigError,
    "query": QueryError,
    "sandbox": SandboxError,
}


def from_info(info: Mapping[str, Any]) -> MeetkitError:
    """Builds the exception a failure description (from the native module) stands for."""
    kind = str(info.get("kind", ""))
    message = str(info.get("message", kind))
    common: Dict[str, Any] = {
        "kind": kind or None,
        "provider": info.get("provider"),
        "status": info.get("status"),
        "code": info.get("code"),
        "hint": info.get("hint"),
    }
    provider_class = _PROVIDER_KINDS.get(kind)
    if provider_class is not None:
        window = info.get("window")
        return provider_class(
            message,
            operation=info.get("operation"),
            detail=info.get("detail"),
            attempts=info.get("attempts"),
            window=tuple(window) if window is not None else None,
            account=info.get("account"),
            **common,
        )
    return _OTHER_KINDS.get(kind, MeetkitError)(message, **common)
