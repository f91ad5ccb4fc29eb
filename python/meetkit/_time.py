"""Dates, times and durations as users pass them, turned into what the native module takes."""

from __future__ import annotations

import datetime as _dt
from typing import Union

from .errors import QueryError

TimeLike = Union[_dt.datetime, _dt.date, str]
"""A point in time: an aware ``datetime`` (converted to UTC), a naive one (taken as UTC), a
``date`` (its midnight, UTC), or an ISO 8601 string of either (``"2026-09-01"``,
``"2026-09-01T09:30:00Z"``)."""

DurationLike = Union[int, float, _dt.timedelta]
"""A length of time: seconds, or a ``timedelta``."""

UTC = _dt.timezone.utc
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = _dt.timedelta(microseconds=1)


def to_utc(value: TimeLike, name: str = "time") -> _dt.datetime:
    """``value`` as an aware UTC datetime; naive datetimes are UTC."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, str):
        text = value.strip()
        if text[-1:] in ("Z", "z"):
            text = text[:-1] + "+00:00"
        try:
            parsed = _dt.datetime.fromisoformat(text)
        except ValueError:
            raise QueryError(
                f"{name}={value!r} is not a date or time: expected ISO 8601, "
                "like '2026-09-01' (midnight UTC) or '2026-09-01T09:30:00Z'",
                kind="query",
            ) from None
        return to_utc(parsed, name)
    raise TypeError(f"{name} must be a datetime, a date or an ISO 8601 string, not {type(value).__name__}")


def to_micros(value: TimeLike, name: str = "time") -> int:
    """Microseconds since 1970-01-01 UTC."""
    return (to_utc(value, name) - _EPOCH) // _MICROSECOND


def from_micros(micros: int) -> _dt.datetime:
    """Microseconds since 1970-01-01 UTC as an aware UTC datetime (the inverse of :func:`to_micros`)."""
    return _EPOCH + micros * _MICROSECOND


def to_seconds(value: DurationLike | None, name: str) -> int | None:
    """Whole seconds (rounded down), or ``None``."""
    if value is None:
        return None
    if isinstance(value, _dt.timedelta):
        return int(value.total_seconds())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be seconds (int or float) or a timedelta, not {type(value).__name__}")
    return int(value)


def now() -> _dt.datetime:
    """The current time, UTC."""
    return _dt.datetime.now(UTC)
