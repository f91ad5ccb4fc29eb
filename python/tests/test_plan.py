"""Client.plan and Client.run_partition: a listing split into partitions that run anywhere."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Dict, List, Tuple

import pytest

import meetkit

Window = Tuple[dt.datetime, dt.datetime]


def test_partitions_run_elsewhere_equal_the_listing(
    sandbox: meetkit.Sandbox, client: meetkit.Client, window: Window, everything: meetkit.MeetingList
) -> None:
    partitions = client.plan("all", start=window[0], end=window[1])
    # One partition per provider account, and per user of the Zoom account (account-wide).
    accounts: Dict[Tuple[str, str], List[str]] = {}
    for p in partitions:
        value = json.loads(p)
        accounts.setdefault((value["provider"], value["account"]), []).append(p)
    assert sorted(provider for provider, _ in accounts) == sorted(meetkit.PROVIDERS)
    zoom = [json.loads(p) for p in accounts[("zoom", "default")]]
    assert len(zoom) > 300 and all(p["user"] for p in zoom), "a partition per Zoom user"
    secrets = [v for k, v in sandbox.env.items() if k.endswith(("_API_KEY", "_SECRET", "_CLIENT_ID"))]
    assert secrets and not [s for s in secrets for p in partitions if s in p], "no credentials"
    # Another client, as on another machine, with the same credentials; an account's
    # partitions together (two Zoom users' reports can hold the same meeting).
    elsewhere = sandbox.client()
    listed = [
        elsewhere.run_partition(group[0] if len(group) == 1 else "[" + ",".join(group) + "]")
        for group in accounts.values()
    ]
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


def test_the_plans_warnings_are_logged(
    sandbox: meetkit.Sandbox, window: Window, caplog: pytest.LogCaptureFixture
) -> None:
    # A daily budget of one report request: the account-wide Zoom plan needs hundreds.
    client = sandbox.client({"ZOOM_DAILY_REQUEST_BUDGET": "1"})
    with caplog.at_level(logging.WARNING, logger="meetkit"):
        partitions = client.plan("zoom", start=window[0], end=window[1])
    assert partitions
    assert [r.getMessage() for r in caplog.records if "ZOOM_DAILY_REQUEST_BUDGET" in r.getMessage()]
