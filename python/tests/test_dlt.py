"""meetkit.dlt: real dlt pipelines into DuckDB against the sandbox."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

import meetkit
from engines import need

dlt = need("dlt", "dlt")
duckdb = need("duckdb", "dlt")
meetkit_dlt = need("meetkit.dlt", "dlt")

LOOKBACK = dt.timedelta(days=7)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[meetkit.Sandbox]:
    """Its own sandbox: these tests retitle meetings."""
    with meetkit.Sandbox(seed=11, meetings=300) as sb:
        yield sb


@pytest.fixture(autouse=True)
def no_telemetry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNTIME__DLTHUB_TELEMETRY", "false")


def pipeline(tmp_path: Path) -> Any:
    return dlt.pipeline(
        pipeline_name="meetkit_test",
        pipelines_dir=str(tmp_path / "pipelines"),
        destination=dlt.destinations.duckdb(str(tmp_path / "meetings.duckdb")),
        dataset_name="meetkit",
    )


def rows(tmp_path: Path) -> List[Tuple[str, str, str, str, dt.datetime]]:
    with duckdb.connect(str(tmp_path / "meetings.duckdb"), read_only=True) as con:
        found: List[Tuple[str, str, str, str, dt.datetime]] = con.execute(
            "SELECT provider, account, id, title, start FROM meetkit.meetings ORDER BY start"
        ).fetchall()
        return found


def truth(sb: meetkit.Sandbox, start: dt.datetime, end: dt.datetime) -> Set[Tuple[str, str, str]]:
    return {(p, "default", i) for p in meetkit.PROVIDERS for i in sb.truth(p, start, end)}


def test_runs_load_the_truth_then_nothing_new_then_merge_edits(
    sandbox: meetkit.Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    end = sandbox.now
    start = end - dt.timedelta(days=60)
    p = pipeline(tmp_path)

    # First run: credentials from the environment.
    for name, value in sandbox.env.items():
        monkeypatch.setenv(name, value)
    info = p.run(meetkit_dlt.meetings(start=start, end=end, lookback=LOOKBACK))
    assert not info.has_failed_jobs
    first = rows(tmp_path)
    assert {(r[0], r[1], r[2]) for r in first} == truth(sandbox, start, end)
    assert len(first) == len(truth(sandbox, start, end)), "one row per meeting"
    columns = p.default_schema.get_table_columns("meetings")
    assert [c for c, v in columns.items() if v.get("primary_key")] == ["provider", "account", "id"]
    assert p.default_schema.get_table("meetings")["write_disposition"] == "merge"

    # Second run, same data: nothing added.
    client = sandbox.client()
    p.run(meetkit_dlt.meetings(client, start=start, end=end, lookback=LOOKBACK))
    assert rows(tmp_path) == first

    # A meeting edited inside the lookback is merged; one edited before it is not listed again.
    zoom = [r for r in first if r[0] == "zoom"]
    newest, oldest = zoom[-1], zoom[0]
    assert newest[4] >= first[-1][4] - LOOKBACK, "the newest Zoom meeting is inside the lookback"
    sandbox.retitle("zoom", newest[2], "Edited after the first load")
    sandbox.retitle("zoom", oldest[2], "Edited long ago")
    p.run(meetkit_dlt.meetings(client, start=start, end=end, lookback=LOOKBACK))
    third = rows(tmp_path)
    assert len(third) == len(first)
    titles: Dict[str, str] = {r[2]: r[3] for r in third}
    assert titles[newest[2]] == "Edited after the first load"
    assert titles[oldest[2]] == oldest[3], "incremental: the old window is not listed again"


def test_a_failing_provider_fails_the_run_and_the_next_run_loads_everything(
    sandbox: meetkit.Sandbox, tmp_path: Path
) -> None:
    end = sandbox.now
    start = end - dt.timedelta(days=30)
    p = pipeline(tmp_path)
    broken = sandbox.client({"DAILY_API_KEY": "wrong"})
    with pytest.raises(Exception) as failed:
        p.run(meetkit_dlt.meetings(broken, start=start, end=end))
    assert "daily" in str(failed.value).lower()
    p.run(meetkit_dlt.meetings(sandbox.client(), start=start, end=end))
    assert {(r[0], r[1], r[2]) for r in rows(tmp_path)} == truth(sandbox, start, end)


def test_one_provider_and_a_bad_lookback(sandbox: meetkit.Sandbox, tmp_path: Path) -> None:
    end = sandbox.now
    start = end - dt.timedelta(days=30)
    p = pipeline(tmp_path)
    p.run(meetkit_dlt.meetings(sandbox.client(), "telnyx", start=start, end=end))
    assert {(r[0], r[1], r[2]) for r in rows(tmp_path)} == {
        ("telnyx", "default", i) for i in sandbox.truth("telnyx", start, end)
    }
    with pytest.raises(ValueError, match="lookback"):
        meetkit_dlt.meetings(sandbox.client(), start=start, lookback=-1)
