"""Client-side rate limits from Python: validated, and kept against a provider that enforces its own."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any, Dict, Optional

import pytest

import meetkit


def test_bad_rate_limits_are_clear_errors(sandbox: meetkit.Sandbox) -> None:
    env = sandbox.env
    with pytest.raises(ValueError, match="not a provider"):
        meetkit.Client.from_mapping(env, rate_limits={"skype": 5})
    with pytest.raises(ValueError, match="requests a second"):
        meetkit.Client.from_mapping(env, rate_limits={"daily": -1})
    bad: Dict[str, Any] = {"daily": "fast"}
    with pytest.raises(TypeError, match="number or None"):
        meetkit.Client.from_mapping(env, rate_limits=bad)
    none: Dict[str, Optional[float]] = {"zoom": None, "daily": 0, "telnyx": 40}
    assert meetkit.Client.from_mapping(env, rate_limits=none).configured


def test_a_rate_limit_reaches_the_core(sandbox: meetkit.Sandbox) -> None:
    # 200 days of Attention are three 90-day-or-less windows, one request each (the sandbox's
    # data is sparse here). At one request a second the last cannot leave before two rate
    # windows (1.03 s each) have passed; unthrottled the same listing takes milliseconds.
    end = sandbox.now - dt.timedelta(days=2)
    start = end - dt.timedelta(days=200)
    slow = meetkit.Client.from_mapping(sandbox.env, rate_limits={"attention": 1})
    began = time.monotonic()
    listing = slow.list_meetings("attention", start=start, end=end)
    elapsed = time.monotonic() - began
    assert not listing.errors
    assert sorted(m["id"] for m in listing.to_dicts()) == sorted(sandbox.truth("attention", start, end))
    assert elapsed >= 2.0, f"three requests at 1/s took {elapsed:.2f} s"


def test_records_in_flight_reaches_the_core_and_is_checked(sandbox: meetkit.Sandbox) -> None:
    with pytest.raises(ValueError, match="records_in_flight must be at least 1"):
        meetkit.Client.from_mapping(sandbox.env, records_in_flight=0)
    # A budget of one record lets one request out at a time, whatever the concurrency: with
    # 0.3 s a request, Daily's pages (100 meetings each) take at least 0.3 s apiece in a row,
    # where the default budget walks the window's pieces at once.
    latency = 0.3
    with meetkit.Sandbox(seed=5, meetings=1000, faults={"latency": latency}) as sb:
        end = sb.now
        start = end - dt.timedelta(days=365)
        want = sorted(sb.truth("daily", start, end))
        pages = -(-len(want) // 100)
        assert pages >= 5, f"{len(want)} Daily meetings"
        one = meetkit.Client.from_mapping(sb.env, records_in_flight=1)
        began = time.monotonic()
        listing = one.list_meetings("daily", start=start, end=end)
        elapsed = time.monotonic() - began
    assert not listing.errors
    assert sorted(m["id"] for m in listing.to_dicts()) == want
    assert elapsed >= pages * latency, f"{pages} pages one at a time took {elapsed:.2f} s"
