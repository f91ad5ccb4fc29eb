"""`meetkit list --format parquet` read by pyarrow equals the NDJSON listing of the same window,
and has the Python package's Arrow schema (one schema, defined once in crates/arrow)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pyarrow.parquet as pq
import pytest

import meetkit
from conftest import Window
from test_cli import _cli, _iso, cli_env


def _run(cli: Path, env: Dict[str, str], args: List[str]) -> str:
    done = subprocess.run([str(cli), *args], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _time(value: Optional[str]) -> Optional[dt.datetime]:
    if value is None:
        return None
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _flat(m: Dict[str, Any]) -> Dict[str, Any]:
    """An NDJSON meeting in the Arrow table's columns."""
    host = m.get("host") or {}
    rec = m.get("recording") or {}
    return {
        "provider": m["provider"],
        "account": m["account"],
        "id": m["id"],
        "title": m.get("title"),
        "start": _time(m["start"]),
        "end": _time(m.get("end")),
        "duration_seconds": m.get("duration_seconds"),
        "status": m["status"],
        "status_raw": m.get("status_raw"),
        "host_id": host.get("id"),
        "host_name": host.get("name"),
        "host_email": host.get("email"),
        "participant_count": m.get("participant_count"),
        "participants": [
            {
                "id": p.get("id"),
                "name": p.get("name"),
                "email": p.get("email"),
                "join_time": _time(p.get("join_time")),
                "duration_seconds": p.get("duration_seconds"),
                "status": p.get("status"),
            }
            for p in m.get("participants", [])
        ],
        "recording_id": rec.get("id"),
        "recording_status": rec.get("status"),
        "recording_url": rec.get("url"),
        "recording_duration_seconds": rec.get("duration_seconds"),
        "recording_size_bytes": rec.get("size_bytes"),
        "recording_codec": rec.get("codec"),
        "recording_type": rec.get("type"),
        "meeting_url": m.get("meeting_url"),
        "room": m.get("room"),
        "extension": m["extension"],
    }


def test_parquet_equals_the_ndjson_listing(
    sandbox: meetkit.Sandbox, everything: meetkit.MeetingList, window: Window, tmp_path: Path
) -> None:
    cli = _cli()
    if cli is None:
        pytest.skip("the meetkit CLI is not built (cargo build -p meetkit-cli, or set MEETKIT_CLI)")
    span = ["--from", _iso(window[0]), "--to", _iso(window[1])]
    target = tmp_path / "meetings.parquet"
    env = cli_env(sandbox, tmp_path)
    _run(cli, env, ["list", *span, "--format", "parquet", "--output", str(target)])
    printed = _run(cli, env, ["list", *span, "--format", "ndjson"])

    table = pq.read_table(target)
    assert table.schema == everything.to_arrow().schema
    rows = table.to_pylist()
    for row in rows:
        row["extension"] = json.loads(row["extension"])
    expected = [_flat(json.loads(line)) for line in printed.splitlines() if line.strip()]

    def key(r: Dict[str, Any]) -> Tuple[str, str, str]:
        return (r["provider"], r["account"], r["id"])

    assert len(rows) == len(expected) > 100
    assert sorted(rows, key=key) == sorted(expected, key=key)

    # The readers people use open it as it is.
    import pandas as pd
    import polars as pl

    assert len(pd.read_parquet(target)) == len(rows)
    assert pl.read_parquet(target).height == len(rows)
