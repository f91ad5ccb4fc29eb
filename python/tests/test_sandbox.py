"""The embedded sandbox's own API."""

from __future__ import annotations

import datetime as dt

import pytest

import meetkit


def test_env_points_at_loopback(sandbox: meetkit.Sandbox) -> None:
    env = sandbox.env
    for name in ("ZOOM_BASE_URL", "DAILY_API_KEY", "TELNYX_BASE_URL", "ATTENDEE_API_KEY", "ATTENTION_BASE_URL"):
        assert name in env
    assert env["DAILY_BASE_URL"].startswith("http://127.0.0.1:")
    assert sandbox.running
    assert "running" in repr(sandbox)


def test_now_is_fixed_and_aware(sandbox: meetkit.Sandbox) -> None:
    assert sandbox.now.utcoffset() == dt.timedelta(0)
    with meetkit.Sandbox(seed=1, meetings=10, now="2026-06-01T12:00:00Z") as sb:
        assert sb.now == dt.datetime(2026, 6, 1, 12, tzinfo=dt.timezone.utc)


def test_same_seed_same_data() -> None:
    now = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    start, end = now - dt.timedelta(days=30), now
    with meetkit.Sandbox(seed=5, meetings=50, now=now) as a, meetkit.Sandbox(seed=5, meetings=50, now=now) as b:
        first = a.truth("daily", start, end)
        assert first and first == b.truth("daily", start, end)
    with meetkit.Sandbox(seed=6, meetings=50, now=now) as c:
        assert c.truth("daily", start, end) != first


def test_close_is_idempotent_and_final() -> None:
    sb = meetkit.Sandbox(seed=2, meetings=10)
    sb.close()
    sb.close()
    assert not sb.running
    assert "closed" in repr(sb)
    with pytest.raises(meetkit.SandboxError):
        sb.truth("zoom", sb.now - dt.timedelta(days=1), sb.now)


def test_bad_faults_are_sandbox_errors() -> None:
    with pytest.raises(meetkit.SandboxError, match="between 0 and 1"):
        meetkit.Sandbox(faults={"server_error_rate": 2.0})
    with pytest.raises(meetkit.SandboxError, match="unknown"):
        meetkit.Sandbox(faults={"explode": 1.0})  # type: ignore[arg-type]
    with pytest.raises(meetkit.QueryError, match="unknown provider"):
        meetkit.Sandbox(provider_faults={"skype": {"latency": 0.1}})
