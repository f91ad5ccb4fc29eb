"""Listing: every provider against ground truth, windows, limits and argument checking."""

from __future__ import annotations

import datetime as dt
from typing import List

import pytest

import meetkit
from conftest import Window

UTC = dt.timezone.utc


def ids(res: meetkit.MeetingList, provider: str) -> List[str]:
    return sorted(m["id"] for m in res if m["provider"] == provider)


@pytest.mark.parametrize("provider", meetkit.PROVIDERS)
def test_each_provider_equals_ground_truth(
    sandbox: meetkit.Sandbox, client: meetkit.Client, window: Window, provider: str
) -> None:
    res = client.list_meetings(provider, start=window[0], end=window[1])
    truth = sandbox.truth(provider, *window)
    assert truth, f"the sandbox has no {provider} meetings in the window"
    assert ids(res, provider) == truth
    assert {m["provider"] for m in res} == {provider}
    assert res.errors == [] and res.ok


def test_all_providers_at_once_equal_ground_truth(
    sandbox: meetkit.Sandbox, everything: meetkit.MeetingList, window: Window
) -> None:
    assert len(everything) == sum(len(sandbox.truth(p, *window)) for p in meetkit.PROVIDERS)
    for provider in meetkit.PROVIDERS:
        assert ids(everything, provider) == sandbox.truth(provider, *window)


def test_a_list_of_providers(sandbox: meetkit.Sandbox, client: meetkit.Client, window: Window) -> None:
    res = client.list_meetings(["daily", "telnyx"], start=window[0], end=window[1])
    assert {m["provider"] for m in res} == {"daily", "telnyx"}
    assert len(res) == len(sandbox.truth("daily", *window)) + len(sandbox.truth("telnyx", *window))


def test_meetings_come_sorted_by_start(everything: meetkit.MeetingList) -> None:
    starts = [m["start"] for m in everything]
    assert starts == sorted(starts)


def test_every_start_lies_in_the_half_open_window(everything: meetkit.MeetingList, window: Window) -> None:
    for m in everything:
        assert window[0] <= m["start"] < window[1]


def test_window_is_half_open(client: meetkit.Client, everything: meetkit.MeetingList) -> None:
    target = next(m for m in everything if m["provider"] == "daily" and m["start"].microsecond == 0)
    at = target["start"]
    before = client.list_meetings("daily", start=at - dt.timedelta(hours=1), end=at)
    from_it = client.list_meetings("daily", start=at, end=at + dt.timedelta(seconds=1))
    assert target["id"] not in ids(before, "daily")
    assert target["id"] in ids(from_it, "daily")


def test_dates_strings_and_datetimes_mean_the_same_window(sandbox: meetkit.Sandbox, client: meetkit.Client) -> None:
    day = (sandbox.now - dt.timedelta(days=40)).date()
    next_day = day + dt.timedelta(days=3)
    start_dt = dt.datetime(day.year, day.month, day.day, tzinfo=UTC)
    end_dt = dt.datetime(next_day.year, next_day.month, next_day.day, tzinfo=UTC)
    expected = sandbox.truth("attention", start_dt, end_dt)
    forms: List[meetkit.MeetingList] = [
        client.list_meetings("attention", start=day, end=next_day),
        client.list_meetings("attention", start=day.isoformat(), end=next_day.isoformat()),
        client.list_meetings("attention", start=start_dt.replace(tzinfo=None), end=end_dt.replace(tzinfo=None)),
        client.list_meetings(
            "attention",
            start=start_dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
            end=end_dt.astimezone(dt.timezone(dt.timedelta(hours=-5))).isoformat(),
        ),
        client.list_meetings(
            "attention",
            start=start_dt.astimezone(dt.timezone(dt.timedelta(hours=9))),
            end=end_dt,
        ),
    ]
    for res in forms:
        assert ids(res, "attention") == expected


def test_end_defaults_to_now(sandbox: meetkit.Sandbox, client: meetkit.Client) -> None:
    start = sandbox.now - dt.timedelta(days=20)
    res = client.list_meetings("telnyx", start=start)
    assert ids(res, "telnyx") == sandbox.truth("telnyx", start, sandbox.now)


def test_limit_caps_the_total(client: meetkit.Client, window: Window) -> None:
    res = client.list_meetings("all", start=window[0], end=window[1], limit=7)
    assert len(res) == 7
    assert len(client.list_meetings("daily", start=window[0], end=window[1], limit=0)) == 0


def test_reversed_window_is_a_query_error(client: meetkit.Client, window: Window) -> None:
    with pytest.raises(meetkit.QueryError, match="empty or reversed"):
        client.list_meetings("all", start=window[1], end=window[0])


def test_unknown_provider_and_status_are_query_errors(client: meetkit.Client, window: Window) -> None:
    with pytest.raises(meetkit.QueryError, match="unknown provider"):
        client.list_meetings("skype", start=window[0], end=window[1])
    with pytest.raises(meetkit.QueryError, match="unknown status"):
        client.list_meetings("all", start=window[0], end=window[1], status="finished")
    with pytest.raises(ValueError):  # QueryError is a ValueError too
        client.list_meetings("all", start="last tuesday", end=window[1])


def test_wrong_argument_types_are_type_errors(client: meetkit.Client, window: Window) -> None:
    with pytest.raises(TypeError):
        client.list_meetings("all", start=12345, end=window[1])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        client.list_meetings("all", start=window[0], end=window[1], min_duration="5m")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        client.list_meetings("all", start=window[0], end=window[1], limit=-1)


def test_configured_lists_every_sandbox_provider(client: meetkit.Client) -> None:
    assert client.configured == list(meetkit.PROVIDERS)
    assert "daily" in repr(client)
