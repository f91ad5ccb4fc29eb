"""Output types and their dtypes: dicts, Arrow, pandas, polars."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import meetkit
from conftest import Window

TIMESTAMP_UTC = pa.timestamp("us", tz="UTC")
TEXT_COLUMNS = [
    "provider", "id", "title", "status", "status_raw", "host_id", "host_name", "host_email",
    "recording_id", "recording_status", "recording_url", "recording_codec", "recording_type",
    "meeting_url", "room", "extension",
]  # fmt: skip
INT_COLUMNS = ["duration_seconds", "participant_count", "recording_duration_seconds", "recording_size_bytes"]
PARTICIPANT = pa.struct(
    [
        ("id", pa.string()),
        ("name", pa.string()),
        ("email", pa.string()),
        ("join_time", TIMESTAMP_UTC),
        ("duration_seconds", pa.int64()),
        ("status", pa.string()),
    ]
)


def test_dicts_have_aware_utc_datetimes_and_nested_records(everything: meetkit.MeetingList) -> None:
    rows = everything.to_dicts()
    assert len(rows) == len(everything)
    assert rows == list(everything)
    for row in rows:
        assert row["start"].tzinfo is not None and row["start"].utcoffset() == dt.timedelta(0)
        if row["end"] is not None:
            assert row["end"] >= row["start"]
        assert row["extension"]["provider"] == row["provider"]
        assert "raw" not in row
        for person in row["participants"]:
            if person["join_time"] is not None:
                assert person["join_time"].utcoffset() == dt.timedelta(0)
    assert any(r["participants"] for r in rows), "some provider should list participants"
    assert any(r["recording"] is not None for r in rows), "some provider should have recordings"
    assert any(r["host"] is not None for r in rows)


def test_arrow_table_schema(everything: meetkit.MeetingList) -> None:
    table = everything.to_arrow()
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(everything)
    schema = table.schema
    assert schema.field("start").type == TIMESTAMP_UTC
    assert schema.field("end").type == TIMESTAMP_UTC
    assert not schema.field("start").nullable
    for name in TEXT_COLUMNS:
        assert schema.field(name).type == pa.string(), name
    for name in INT_COLUMNS:
        assert schema.field(name).type == pa.int64(), name
        assert schema.field(name).nullable
    assert schema.field("participants").type == pa.list_(pa.field("item", PARTICIPANT, nullable=False))
    assert "raw" not in schema.names
    assert table.column("id").to_pylist() == [m["id"] for m in everything]


def test_the_capsule_interface_works_without_to_arrow(everything: meetkit.MeetingList) -> None:
    assert pa.table(everything).num_rows == len(everything)
    assert pl.DataFrame(everything).height == len(everything)


def test_pandas_dtypes(everything: meetkit.MeetingList) -> None:
    df = everything.to_pandas()
    assert len(df) == len(everything)
    for name in ("start", "end"):
        dtype = df[name].dtype
        assert isinstance(dtype, pd.DatetimeTZDtype), name
        assert str(dtype.tz) == "UTC"
    for name in INT_COLUMNS:
        assert df[name].dtype == pd.Int64Dtype(), name
    assert df["recording_size_bytes"].isna().any(), "nullable ints keep their nulls"
    for name in TEXT_COLUMNS:
        assert df[name].dtype == pd.ArrowDtype(pa.string()), name
    assert df["recording_id"].isna().any() and df["recording_id"].dropna().map(type).eq(str).all()


def test_pandas_text_shares_the_arrow_buffers(everything: meetkit.MeetingList) -> None:
    table = everything.to_arrow()
    df = everything.to_pandas()
    for name in ("id", "title", "extension"):
        chunks = df[name].array._pa_array.chunks
        assert len(chunks) == 1 and chunks[0].type == pa.string(), name
        assert chunks[0].equals(table.column(name).chunk(0)), name
    participants = df["participants"]
    assert isinstance(participants.dtype, pd.ArrowDtype)
    with_people = [p for p in participants if len(p) > 0]
    assert with_people and set(with_people[0][0]) == {"id", "name", "email", "join_time", "duration_seconds", "status"}
    first = df.iloc[0]
    assert first["start"] == everything.to_dicts()[0]["start"]


def test_polars_dtypes(everything: meetkit.MeetingList) -> None:
    df = everything.to_polars()
    assert isinstance(df, pl.DataFrame)
    assert df.height == len(everything)
    assert df.schema["start"] == pl.Datetime("us", "UTC")
    assert df.schema["duration_seconds"] == pl.Int64
    assert df.schema["participants"] == pl.List(
        pl.Struct(
            {
                "id": pl.String,
                "name": pl.String,
                "email": pl.String,
                "join_time": pl.Datetime("us", "UTC"),
                "duration_seconds": pl.Int64,
                "status": pl.String,
            }
        )
    )
    assert df["id"].to_list() == [m["id"] for m in everything]


def test_extension_is_json_text(everything: meetkit.MeetingList) -> None:
    table = everything.to_arrow()
    for text, provider in zip(table.column("extension").to_pylist(), table.column("provider").to_pylist()):
        assert json.loads(text)["provider"] == provider


def test_raw_adds_the_provider_record(client: meetkit.Client, window: Window) -> None:
    res = client.list_meetings("daily", start=window[0], end=window[1], raw=True, limit=5)
    assert len(res) == 5
    table = res.to_arrow()
    assert table.schema.field("raw").type == pa.string()
    for text, row in zip(table.column("raw").to_pylist(), res):
        assert text is not None
        assert json.loads(text) == row["raw"]
        assert isinstance(row["raw"], dict) and row["raw"]


def test_an_empty_listing_keeps_its_schema(client: meetkit.Client, window: Window) -> None:
    res = client.list_meetings("daily", start=window[0], end=window[0] + dt.timedelta(microseconds=1))
    assert len(res) == 0 and res.to_dicts() == [] and list(res) == []
    assert res.to_arrow().schema == client.list_meetings("daily", start=window[0], end=window[1], limit=1).to_arrow().schema
    df = res.to_pandas()
    assert len(df) == 0 and isinstance(df["start"].dtype, pd.DatetimeTZDtype)
    assert res.to_polars().schema["start"] == pl.Datetime("us", "UTC")


def test_repr_names_the_count(everything: meetkit.MeetingList) -> None:
    assert repr(everything) == f"<meetkit.MeetingList: {len(everything)} meetings>"


@pytest.mark.parametrize("provider", meetkit.PROVIDERS)
def test_dataframe_ids_equal_truth_per_provider(
    sandbox: meetkit.Sandbox, everything: meetkit.MeetingList, window: Window, provider: str
) -> None:
    df = everything.to_pandas()
    assert sorted(df.loc[df["provider"] == provider, "id"]) == sandbox.truth(provider, *window)
