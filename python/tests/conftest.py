"""Shared fixtures: one small sandbox for the whole session and a window inside Zoom's six months."""

from __future__ import annotations

import datetime as dt
from typing import Iterator, Tuple

import pytest

import meetkit

Window = Tuple[dt.datetime, dt.datetime]


@pytest.fixture(scope="session")
def sandbox() -> Iterator[meetkit.Sandbox]:
    with meetkit.Sandbox(seed=7, meetings=200) as sb:
        yield sb


@pytest.fixture(scope="session")
def client(sandbox: meetkit.Sandbox) -> meetkit.Client:
    return sandbox.client()


@pytest.fixture(scope="session")
def window(sandbox: meetkit.Sandbox) -> Window:
    """The last 60 days before the sandbox's now: every provider has meetings there, and it is
    well inside Zoom's six-month reporting limit."""
    end = sandbox.now
    return end - dt.timedelta(days=60), end


@pytest.fixture(scope="session")
def everything(client: meetkit.Client, window: Window) -> meetkit.MeetingList:
    """Every provider over `window`, listed once and shared by read-only tests."""
    return client.list_meetings("all", start=window[0], end=window[1])
