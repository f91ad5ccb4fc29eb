"""meetkit: meetings and recordings from every provider in :data:`PROVIDERS` as one typed,
deduplicated table.

.. code-block:: python

    import meetkit

    client = meetkit.Client.from_env()
    res = client.list_meetings("all", start="2026-09-01", end="2026-10-01")
    df = res.to_pandas()          # also .to_polars(), .to_arrow(), .to_dicts(), len(res), iter(res)
    res.errors                    # providers (or windows) that failed; the rest is in res

Times: ``datetime`` (naive means UTC), ``date`` (midnight UTC) or ISO 8601 strings; windows
are half-open ``[start, end)``; every returned time is timezone-aware UTC.
"""

from __future__ import annotations

from ._client import ApiKeySettings, Client, ProviderSettings, Providers, ZoomSettings, _provider_names
from ._list import MeetingBatches, MeetingDict, MeetingList, ParticipantDict, PersonDict, RecordingDict
from ._meetkit import __version__
from ._sandbox import Faults, Sandbox
from ._time import DurationLike, TimeLike
from .errors import (
    AuthError,
    BadRequestError,
    ConfigError,
    InvalidResponseError,
    MeetkitError,
    NetworkError,
    NotFoundError,
    PermissionDeniedError,
    ProviderError,
    QueryError,
    RateLimitError,
    SandboxError,
    ServerError,
    WindowUnavailableError,
)

PROVIDERS = _provider_names()
"""Every provider meetkit lists, in a fixed order (the native registry's)."""

STATUSES = ("scheduled", "in_progress", "processing", "ended", "cancelled", "failed", "unknown")
"""Every normalized meeting status."""

__all__ = [
    "PROVIDERS",
    "STATUSES",
    "ApiKeySettings",
    "AuthError",
    "BadRequestError",
    "Client",
    "ConfigError",
    "DurationLike",
    "Faults",
    "InvalidResponseError",
    "MeetingBatches",
    "MeetingDict",
    "MeetingList",
    "MeetkitError",
    "NetworkError",
    "NotFoundError",
    "ParticipantDict",
    "PermissionDeniedError",
    "PersonDict",
    "ProviderError",
    "ProviderSettings",
    "Providers",
    "QueryError",
    "RateLimitError",
    "RecordingDict",
    "Sandbox",
    "SandboxError",
    "ServerError",
    "TimeLike",
    "WindowUnavailableError",
    "ZoomSettings",
    "__version__",
]
