"""Filters: each applied by the provider or by meetkit gives the matching subset."""

from __future__ import annotations

import datetime as dt
from typing import List

import pytest

import meetkit
from conftest import Window


def ids(res: meetkit.MeetingList) -> List[str]:
    return sorted(m["id"] for m in res)


def test_status_keeps_only_those_statuses(client: meetkit.Client, everything: meetkit.MeetingList, window: Window) -> None:
    statuses = {m["status"] for m in everything}
    assert statuses <= set(meetkit.STATUSES)
    wanted = sorted(statuses)[:1]
    res = client.list_meetings("all", start=window[0], end=window[1], status=wanted)
    assert len(res) > 0
    assert ids(res) == sorted(m["id"] for m in everything if m["status"] in wanted)


def test_durations_take_seconds_and_timedeltas(
    client: meetkit.Client, everything: meetkit.MeetingList, window: Window
) -> None:
    low, high = 15 * 60, 45 * 60
    by_int = client.list_meetings("all", start=window[0], end=window[1], min_duration=low, max_duration=high)
    by_delta = client.list_meetings(
        "all",
        start=window[0],
        end=window[1],
        min_duration=dt.timedelta(minutes=15),
        max_duration=dt.timedelta(minutes=45),
    )
    expected = sorted(
        m["id"]
        for m in everything
        if m["duration_seconds"] is not None and low <= m["duration_seconds"] <= high
    )
    assert expected
    assert ids(by_int) == expected
    assert ids(by_delta) == expected


def test_room_on_daily(client: meetkit.Client, everything: meetkit.MeetingList, window: Window) -> None:
    room = next(m["room"] for m in everything if m["provider"] == "daily" and m["room"])
    assert room is not None
    res = client.list_meetings("daily", start=window[0], end=window[1], room=room)
    assert len(res) > 0
    assert ids(res) == sorted(m["id"] for m in everything if m["provider"] == "daily" and m["room"] == room)


def test_host_on_zoom(sandbox: meetkit.Sandbox, client: meetkit.Client, window: Window) -> None:
    ada = "ada.lovelace@sandbox.example.com"
    res = client.list_meetings("zoom", start=window[0], end=window[1], host=ada)
    # Her report: what she hosted or attended, not the whole account's.
    assert ids(res) == sandbox.zoom_user_truth(ada, *window)
    assert 0 < len(res) < len(sandbox.truth("zoom", *window))


def test_state_on_attendee(client: meetkit.Client, everything: meetkit.MeetingList, window: Window) -> None:
    state = next(m["status_raw"] for m in everything if m["provider"] == "attendee" and m["status_raw"])
    assert state is not None
    res = client.list_meetings("attendee", start=window[0], end=window[1], state=state)
    assert len(res) > 0
    assert ids(res) == sorted(
        m["id"] for m in everything if m["provider"] == "attendee" and m["status_raw"] == state
    )


def test_upcoming_on_attention(sandbox: meetkit.Sandbox, client: meetkit.Client) -> None:
    start, end = sandbox.now - dt.timedelta(days=10), sandbox.now + dt.timedelta(days=10)
    upcoming = client.list_meetings("attention", start=start, end=end, upcoming=True)
    past = client.list_meetings("attention", start=start, end=end, upcoming=False)
    assert len(upcoming) > 0 and len(past) > 0
    assert all(m["start"] > sandbox.now for m in upcoming)
    assert all(m["start"] <= sandbox.now for m in past)
    assert sorted(ids(upcoming) + ids(past)) == sandbox.truth("attention", start, end)


def test_a_filter_a_named_provider_cannot_apply_is_a_query_error(client: meetkit.Client, window: Window) -> None:
    with pytest.raises(meetkit.QueryError) as caught:
        client.list_meetings("zoom", start=window[0], end=window[1], room="standup")
    assert caught.value.provider == "zoom"


def test_with_all_a_filter_leaves_out_providers_that_cannot_apply_it(
    client: meetkit.Client, window: Window
) -> None:
    res = client.list_meetings("all", start=window[0], end=window[1], ongoing=False)
    assert {m["provider"] for m in res} == {"daily"}
