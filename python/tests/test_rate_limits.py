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


def test_a_rate_limit_keeps_a_throttling_provider_from_answering_429() -> None:
    # The sandbox enforces Attention's 10 requests a second with 429s here. One attempt per
    # request makes any 429 an error, so a clean listing proves the client kept to the rate.
    with meetkit.Sandbox(seed=3, meetings=4000, rate_limits=True) as sb:
        end = sb.now
        start = end - dt.timedelta(days=360)
        env = sb.env
        kept = meetkit.Client.from_mapping(env, max_attempts=1, rate_limits={"attention": 10})
        listing = kept.list_meetings("attention", start=start, end=end)
        assert not listing.errors, [str(e) for e in listing.errors]
        assert sorted(m["id"] for m in listing.to_dicts()) == sorted(sb.truth("attention", start, end))
        # The same listing without the limit draws a 429 (after the sandbox's window resets).
        time.sleep(1.1)
        unthrottled = meetkit.Client.from_mapping(env, max_attempts=1)
        burst = unthrottled.list_meetings("attention", start=start, end=end)
        assert burst.errors, "without a client-side limit the burst should draw a 429"
