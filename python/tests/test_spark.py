"""meetkit.spark: the PySpark data source in local mode against the sandbox."""

from __future__ import annotations

import datetime as dt
import ast
import os
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

import meetkit
from engines import need

need("pyspark", "spark")
meetkit_spark = need("meetkit.spark", "spark")
pa = need("pyarrow", "spark")

from pyspark.sql import DataFrame, SparkSession  # noqa: E402

Window = Tuple[dt.datetime, dt.datetime]


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """One local Spark for every test here (starting one costs seconds)."""
    # The Python workers must import meetkit from this interpreter's environment.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("meetkit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    session.dataSource.register(meetkit_spark.MeetkitDataSource)
    yield session
    session.stop()


# The sandbox throttles nothing, so the reads lift meetkit's own Zoom limit (10/s): an
# account-wide Zoom listing asks one report per user and window.
UNTHROTTLED = "zoom=none"


def read(spark: SparkSession, sandbox: meetkit.Sandbox, window: Window, **options: str) -> DataFrame:
    reader = spark.read.format("meetkit").option("from", window[0].isoformat()).option("to", window[1].isoformat())
    defaults = {k.lower(): v for k, v in sandbox.env.items()}
    defaults["rate_limits"] = UNTHROTTLED
    for name, value in {**defaults, **options}.items():
        reader = reader.option(name, value)
    return reader.load()


def keys(df: DataFrame) -> Set[Tuple[str, str, str]]:
    return {(r["provider"], r["account"], r["id"]) for r in df.select("provider", "account", "id").collect()}


def truth(sb: meetkit.Sandbox, window: Window, providers: Tuple[str, ...] = meetkit.PROVIDERS) -> Set[Tuple[str, str, str]]:
    return {(p, "default", i) for p in providers for i in sb.truth(p, window[0], window[1])}


def sorted_rows(table: Any) -> List[Dict[str, Any]]:
    rows: List[Dict[str, Any]] = table.to_pylist()
    return sorted(rows, key=lambda r: (r["provider"], r["account"], r["id"]))


def test_the_dataframe_equals_the_ground_truth_and_the_listing(
    spark: SparkSession, sandbox: meetkit.Sandbox, client: meetkit.Client, window: Window
) -> None:
    df = read(spark, sandbox, window, provider="all")
    assert df.schema == meetkit_spark.spark_schema()
    assert df.rdd.getNumPartitions() == len(meetkit.PROVIDERS), "one task per provider account"
    listed = client.list_meetings("all", start=window[0], end=window[1]).to_arrow()
    from_spark = sorted_rows(df.toArrow())
    assert len(from_spark) == len(truth(sandbox, window))
    assert {(r["provider"], r["account"], r["id"]) for r in from_spark} == truth(sandbox, window)
    assert from_spark == sorted_rows(listed), "every column as the listing has it"


def test_named_providers(spark: SparkSession, sandbox: meetkit.Sandbox, window: Window) -> None:
    df = read(spark, sandbox, window, provider="zoom, daily")
    assert df.rdd.getNumPartitions() == 2
    assert keys(df) == truth(sandbox, window, ("zoom", "daily"))


def test_a_failed_partition_names_provider_account_and_window(
    spark: SparkSession, sandbox: meetkit.Sandbox, window: Window
) -> None:
    df = read(spark, sandbox, window, provider="daily", daily_api_key="wrong")
    with pytest.raises(Exception) as failed:
        df.collect()
    message = str(failed.value)
    assert f"meetkit partition daily/default [{window[0].isoformat()}, {window[1].isoformat()})" in message
    assert "401" in message


def test_bad_options_are_sentences(spark: SparkSession, sandbox: meetkit.Sandbox, window: Window) -> None:
    with pytest.raises(Exception, match="option from is required"):
        spark.read.format("meetkit").load().collect()
    with pytest.raises(Exception, match="option provider: unknown provider zooom"):
        read(spark, sandbox, window, provider="zoom,zooom").collect()
    with pytest.raises(Exception, match="option max_attempts must be a whole number"):
        read(spark, sandbox, window, max_attempts="many").collect()
    with pytest.raises(Exception, match="option rate_limits: 'fast' for zoom is not a number"):
        read(spark, sandbox, window, rate_limits="zoom=fast").collect()
    with pytest.raises(Exception, match="option rate_limits: 'zooom=1' is not provider=N"):
        read(spark, sandbox, window, rate_limits="zooom=1").collect()


def test_a_stream_lists_each_window_once(spark: SparkSession, sandbox: meetkit.Sandbox, window: Window, tmp_path: Path) -> None:
    reader = (
        spark.readStream.format("meetkit")
        .option("from", window[0].isoformat())
        .option("to", window[1].isoformat())
        .option("rate_limits", UNTHROTTLED)
    )
    for name, value in sandbox.env.items():
        reader = reader.option(name.lower(), value)
    query = (
        reader.load()
        .writeStream.format("parquet")
        .option("path", str(tmp_path / "out"))
        .option("checkpointLocation", str(tmp_path / "checkpoint"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination(120)
    assert keys(spark.read.parquet(str(tmp_path / "out"))) == truth(sandbox, window)
    # Restarted from its checkpoint, the stream is at `to` already: nothing is listed twice.
    again = (
        reader.load()
        .writeStream.format("parquet")
        .option("path", str(tmp_path / "out"))
        .option("checkpointLocation", str(tmp_path / "checkpoint"))
        .trigger(availableNow=True)
        .start()
    )
    again.awaitTermination(120)
    assert spark.read.parquet(str(tmp_path / "out")).count() == len(truth(sandbox, window))


def test_thirty_accounts_over_eight_or_more_partitions(spark: SparkSession, tmp_path: Path) -> None:
    # Six accounts per provider, each a sandbox tenant with its own data and ground truth.
    with meetkit.Sandbox(seed=3, meetings=50, accounts=6) as sb:
        accounts_file = sb.write_accounts_file(tmp_path / "accounts.jsonl")
        window = (sb.now - dt.timedelta(days=60), sb.now)
        df = (
            spark.read.format("meetkit")
            .option("from", window[0].isoformat())
            .option("to", window[1].isoformat())
            .option("accounts_file", accounts_file)
            .option("rate_limits", UNTHROTTLED)
            .load()
        )
        assert df.rdd.getNumPartitions() >= 8
        expected = {
            (a["provider"], a["name"], i)
            for a in sb.accounts
            for i in sb.truth(a["provider"], window[0], window[1], account=a["name"])
        }
        assert len({(p, a) for p, a, _ in expected}) == 30
        assert keys(df) == expected


def test_a_streams_offsets_are_per_account(spark: SparkSession, tmp_path: Path) -> None:
    with meetkit.Sandbox(seed=4, meetings=40, accounts=2) as sb:
        accounts_file = sb.write_accounts_file(tmp_path / "accounts.jsonl")
        window = (sb.now - dt.timedelta(days=30), sb.now)
        reader = (
            spark.readStream.format("meetkit")
            .option("provider", "daily,telnyx")
            .option("from", window[0].isoformat())
            .option("to", window[1].isoformat())
            .option("accounts_file", accounts_file)
            .option("rate_limits", UNTHROTTLED)
        )
        query = (
            reader.load()
            .writeStream.format("parquet")
            .option("path", str(tmp_path / "out"))
            .option("checkpointLocation", str(tmp_path / "checkpoint"))
            .trigger(availableNow=True)
            .start()
        )
        query.awaitTermination(120)
        # Spark reports the offset as the dict's Python text.
        progress = query.lastProgress
        assert progress is not None
        offsets = progress["sources"][0]["endOffset"]
        assert set(offsets if isinstance(offsets, dict) else ast.literal_eval(offsets)) == {
            "daily/t001",
            "daily/t002",
            "telnyx/t001",
            "telnyx/t002",
        }
        expected = {
            (a["provider"], a["name"], i)
            for a in sb.accounts
            if a["provider"] in ("daily", "telnyx")
            for i in sb.truth(a["provider"], window[0], window[1], account=a["name"])
        }
        assert keys(spark.read.parquet(str(tmp_path / "out"))) == expected
