"""A dlt source: meetings from every configured provider, loaded incrementally into any dlt
destination (``pip install 'meetkit[dlt]'``).

.. code-block:: python

    import dlt
    import meetkit.dlt

    pipeline = dlt.pipeline("meetings", destination="duckdb", dataset_name="meetkit")
    pipeline.run(meetkit.dlt.meetings(start="2026-01-01"))

The ``meetings`` table has meetkit's Arrow schema (the same columns as ``to_arrow()``), its
primary key is ``(provider, account, id)`` and rows are merged on it. Each run lists from the
newest ``start`` already loaded minus ``lookback`` (meetings that show up late, and meetings
edited after they were loaded, are picked up and merged) up to ``end`` (default: now).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Iterator, Optional

import dlt
from dlt.extract.source import DltSource

from ._client import Client, Providers
from ._time import DurationLike, TimeLike, now, to_utc

__all__ = ["meetings", "PRIMARY_KEY", "DEFAULT_LOOKBACK"]

PRIMARY_KEY = ("provider", "account", "id")
"""What identifies a meeting across providers and accounts."""

DEFAULT_LOOKBACK = _dt.timedelta(days=3)
"""How far before the newest loaded ``start`` each run lists again: Zoom reports a meeting
only after it ends, and recordings and participants settle in the following hours."""

BATCH_SIZE = 10_000
"""Meetings per Arrow table handed to dlt: memory stays flat over a long first load."""


def _seconds(value: DurationLike, name: str) -> float:
    seconds = value.total_seconds() if isinstance(value, _dt.timedelta) else value
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
        raise ValueError(f"{name} must be a non-negative number of seconds or a timedelta, not {value!r}")
    return float(seconds)


def meetings(
    client: Optional[Client] = None,
    providers: Providers = "all",
    *,
    start: TimeLike,
    end: Optional[TimeLike] = None,
    lookback: DurationLike = DEFAULT_LOOKBACK,
    table_name: str = "meetings",
) -> DltSource:
    """A dlt source with one resource, ``table_name`` (default ``meetings``), yielding Arrow
    tables (dlt's fast path) of every meeting whose start lies in the run's window.

    ``client`` carries the credentials (default: :meth:`meetkit.Client.from_env`);
    ``providers`` is ``"all"``, one name or several; ``start`` is where the first run begins
    (a ``datetime``, ``date`` or ISO 8601 string); ``end`` caps every run (default: now);
    ``lookback`` (seconds or ``timedelta``) is how far before the newest loaded ``start`` a
    later run lists again. A provider that fails fails the run, so dlt keeps its state and
    the next run retries the same window.
    """
    first = to_utc(start, "start")
    last = to_utc(end, "end") if end is not None else None
    lag = _seconds(lookback, "lookback")
    source_client = client if client is not None else Client.from_env()

    @dlt.resource(name=table_name, primary_key=PRIMARY_KEY, write_disposition="merge")
    def listing(
        cursor: Any = dlt.sources.incremental("start", initial_value=first, lag=lag),
    ) -> Iterator[Any]:
        since = to_utc(cursor.start_value, "start")
        until = last if last is not None else now()
        if since >= until:
            return
        batches = source_client.iter_meetings(providers, start=since, end=until, batch_size=BATCH_SIZE)
        for batch in batches:
            # A failed provider must not advance the cursor past meetings it did not deliver.
            batch.raise_for_errors()
            if len(batch):
                yield batch.to_arrow()
        batches.raise_for_errors()

    @dlt.source(name="meetkit", section="meetkit")
    def source() -> Any:
        return listing

    result: DltSource = source()
    return result
