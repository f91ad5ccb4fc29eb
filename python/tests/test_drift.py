"""Drift seen at run time: against the sandbox's drift fault a listing's ``.warnings`` name each
response field and enum value the specs do not know, once per provider, however many records
and pages carry it; without the fault they say nothing about specs."""

from __future__ import annotations

import datetime as dt
from typing import List

import pytest

import meetkit


def spec_warnings(warnings: List[str]) -> List[str]:
    return sorted(w for w in warnings if "meetkit's spec" in w)


def test_drift_fault_is_reported_once_per_provider_and_item() -> None:
    with meetkit.Sandbox(seed=7, meetings=200, faults={"drift": True}) as sb:
        start, end = sb.now - dt.timedelta(days=60), sb.now
        res = sb.client().list_meetings("all", start=start, end=end)
        assert res.ok and len(res) > 50
        expected = [
            f"{p}: response field `sandbox_drift_note` is not in meetkit's spec (ignored)"
            for p in meetkit.PROVIDERS
        ] + [
            'zoom: value "99" of field `type` is not in meetkit\'s spec (read as unknown)',
            'telnyx: value "archived" of field `status` is not in meetkit\'s spec (read as unknown)',
            'attendee: value "sandbox_drift_state" of field `state` is not in meetkit\'s spec '
            "(read as unknown)",
        ]
        assert spec_warnings(res.warnings) == sorted(expected)

        # Streaming: the same items once the stream is drained.
        stream = sb.client().iter_meetings("telnyx", start=start, end=end)
        assert sum(1 for _ in stream) > 0
        assert spec_warnings(stream.warnings) == [
            "telnyx: response field `sandbox_drift_note` is not in meetkit's spec (ignored)",
            'telnyx: value "archived" of field `status` is not in meetkit\'s spec (read as unknown)',
        ]


def test_without_drift_warnings_say_nothing_about_specs(everything: meetkit.MeetingList) -> None:
    assert everything.ok
    assert spec_warnings(everything.warnings) == []


def test_drift_fault_takes_only_true_or_false() -> None:
    with pytest.raises(meetkit.SandboxError, match="drift"):
        meetkit.Sandbox(faults={"drift": 0.5})  # type: ignore[arg-type]
