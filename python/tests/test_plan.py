"""Client.plan and Client.run_partition: a listing split into partitions that run anywhere."""

from __future__ import annotations

import datetime as dt
import json
from typing import Tuple

import pytest

import meetkit

Window = Tuple[dt.datetime, dt.datetime]


def test_partitions_run_elsewhere_equal_the_listing(
    sandbox: meetkit.Sandbox, client: meetkit.Client, window: Window, everything: meetkit.MeetingList
) -> None:
    partitions = client.plan("all", start=window[0], end=window[1])
    assert sorted(json.loads(p)["provider"] for p in partitions) == sorted(meetkit.PROVIDERS)
    secrets = [v for k, v in sandbox.env.items() if k.endswith(("_API_KEY", "_SECRET", "_CLIENT_ID"))]
    assert secrets and not [s for s in secrets for p in partitions if s in p], "no credentials"
    # Another client, as on another machine, with the same credentials.
    elsewhere = sandbox.client()
    listed = [elsewhere.run_partition(p) for p in partitions]
    assert all(part.ok for part in listed)
    got = sorted((m["provider"], m["account"], m["id"]) for part in listed for m in part)
    assert got == sorted((m["provider"], m["account"], m["id"]) for m in everything)


def test_a_partition_that_is_not_one_is_a_query_error(client: meetkit.Client) -> None:
    with pytest.raises(meetkit.QueryError, match="not a meetkit partition"):
        client.run_partition('{"provider": "zoom"}')


def test_a_failed_partition_is_in_errors(sandbox: meetkit.Sandbox, window: Window) -> None:
    (partition,) = sandbox.client().plan("daily", start=window[0], end=window[1])
    result = sandbox.client({"DAILY_API_KEY": "wrong"}).run_partition(partition)
    assert [(e.provider, e.status) for e in result.errors] == [("daily", 401)]
