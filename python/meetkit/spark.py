"""A PySpark data source (``pip install 'meetkit[spark]'``, PySpark 4.0 or newer): meetings as a
Spark DataFrame, each partition listed by its own Spark task.

.. code-block:: python

    from meetkit.spark import MeetkitDataSource

    spark.dataSource.register(MeetkitDataSource)
    df = (spark.read.format("meetkit")
          .option("provider", "all")            # or one provider, or several: "zoom,<other>"
          .option("from", "2026-09-01")
          .option("to", "2026-10-01")           # default: now (fixed once, on the driver)
          .load())

Options: ``provider``, ``from`` (required), ``to``, ``allow_insecure``, ``concurrency``,
``records_in_flight``, ``max_attempts``, ``rate_limits`` (``zoom=40,<provider>=20``: requests a second per provider,
``none`` for no limit of meetkit's own), and credentials under meetkit's environment-variable names
(``<provider>_api_key``, ``zoom_account_id``, ``zoom_base_url`` …: a provider's name, ``_``
and a setting; Spark's option names ignore case). A credential not given as an option is read from the environment. ``accounts_file``
names an accounts file (JSON Lines, see the README) of more accounts: the path must be readable
where the driver and the executors run, and its ``env:NAME`` references are read from their
environments.

The driver plans the listing with the core (``Client.plan``): one Spark partition per provider
account (a Zoom account's per-user partitions together, as a JSON array), so an account's rate
limit and deduplication hold inside the one task that lists it. Each task builds
its own client from the options and the executor's environment and runs its partition
(``Client.run_partition``).

The schema is meetkit's Arrow table (``MeetingList.to_arrow()``) in Spark types; tasks yield
Arrow record batches. A task that fails names its provider, account and window.

``spark.readStream.format("meetkit")`` reads the same meetings as a stream: each
micro-batch lists, per provider account (offsets are one time per account, keyed
``provider/account``: each account's checkpoint), the window from where the last one ended up to ``to``
when given, else up to now minus ``settle_seconds`` (default 3600, so meetings have ended
before they are listed). Each window is listed once: a meeting that shows up after its window
was listed is not picked up (the dlt source's ``lookback`` is made for that).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

import pyarrow as pa
from pyspark.sql.datasource import DataSource, DataSourceReader, DataSourceStreamReader, InputPartition
from pyspark.sql.pandas.types import from_arrow_schema
from pyspark.sql.types import StructType

from . import PROVIDERS, _meetkit
from ._client import Client, setting_example
from ._list import MeetingList
from ._time import from_micros, now, to_micros
from .errors import ConfigError, MeetkitError, QueryError

__all__ = ["MeetkitDataSource", "MeetkitPartition"]

DEFAULT_SETTLE_SECONDS = 3600
"""How far behind now a stream's micro-batches stay by default."""

_CREDENTIAL_OPTION = re.compile("^({})_[A-Z_]+$".format("|".join(re.escape(p.upper()) for p in PROVIDERS)))
"""An option that is a credential or base URL: a provider's name in capitals, ``_``, more."""
_BATCH_SIZE = 10_000


def arrow_schema() -> pa.Schema:
    """The Arrow schema of meetkit's table (what ``MeetingList.to_arrow()`` returns)."""
    return MeetingList(_meetkit.MeetingList.empty(False)).to_arrow().schema


def spark_schema() -> StructType:
    """:func:`arrow_schema` in Spark types."""
    return from_arrow_schema(arrow_schema())


@dataclass(frozen=True)
class MeetkitPartition(InputPartition):
    """One Spark task's share of a listing: a partition of the core's plan (``Client.plan``,
    JSON: one provider account's windows and filters), with its provider, account and
    ``[start_us, end_us)`` (microseconds since 1970, UTC) for messages and stream offsets.
    Holds no credentials: the task builds its own client."""

    plan: str
    provider: str
    account: str
    start_us: int
    end_us: int

    @classmethod
    def from_plan(cls, partition: str) -> "MeetkitPartition":
        """Wraps one JSON partition of ``Client.plan``, or a JSON array of one account's
        partitions (a Zoom account's users), which run together in one task."""
        value = json.loads(partition)
        if isinstance(value, list):
            value = value[0]
        windows = value["windows"]
        return cls(
            partition,
            value["provider"],
            value["account"],
            to_micros(windows[0]["from"], "from"),
            to_micros(windows[-1]["to"], "to"),
        )

    def describe(self) -> str:
        """``zoom/default [2026-09-01T00:00:00+00:00, 2026-10-01T00:00:00+00:00)``."""
        return f"{self.provider}/{self.account} [{_iso(self.start_us)}, {_iso(self.end_us)})"


def _iso(micros: int) -> str:
    return from_micros(micros).isoformat()


def _flag(options: Mapping[str, str], name: str) -> bool:
    value = options.get(name, "false").strip().lower()
    if value not in ("true", "false", "1", "0", "yes", "no"):
        raise QueryError(f"option {name} must be true or false, not {value!r}", kind="query")
    return value in ("true", "1", "yes")


def _number(options: Mapping[str, str], name: str) -> Optional[int]:
    value = options.get(name)
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise QueryError(f"option {name} must be a whole number, not {value!r}", kind="query") from None
    if number < 0:
        raise QueryError(f"option {name} must not be negative, not {number}", kind="query")
    return number


def _rate_limits(options: Mapping[str, str]) -> Optional[Dict[str, Optional[float]]]:
    """Option ``rate_limits``: ``provider=N`` pairs, comma-separated (requests a second;
    ``none`` lifts meetkit's own limit, e.g. ``zoom=40`` on Zoom Business+)."""
    value = options.get("rate_limits")
    if value is None:
        return None
    limits: Dict[str, Optional[float]] = {}
    for pair in filter(None, (p.strip() for p in value.split(","))):
        name, sep, rate = pair.partition("=")
        name, rate = name.strip().lower(), rate.strip().lower()
        if not sep or name not in PROVIDERS:
            raise QueryError(
                f"option rate_limits: {pair!r} is not provider=N (requests a second, or none) "
                f"with a provider among {', '.join(PROVIDERS)}",
                kind="query",
            )
        if rate == "none":
            limits[name] = None
            continue
        try:
            limits[name] = float(rate)
        except ValueError:
            raise QueryError(
                f"option rate_limits: {rate!r} for {name} is not a number of requests a second or none",
                kind="query",
            ) from None
    return limits


def client_from_options(options: Mapping[str, str]) -> Client:
    """A client from the data source's options: credentials given as options (under meetkit's
    variable names, any case) win over the process environment, which supplies the rest."""
    variables = dict(os.environ)
    for name, value in options.items():
        if _CREDENTIAL_OPTION.match(name.upper()):
            variables[name.upper()] = value
    accounts_file = options.get("accounts_file")
    return Client.from_mapping(
        variables,
        allow_insecure=_flag(options, "allow_insecure"),
        concurrency=_number(options, "concurrency"),
        max_attempts=_number(options, "max_attempts"),
        rate_limits=_rate_limits(options),
        records_in_flight=_number(options, "records_in_flight"),
        accounts=accounts_file or None,
    )


def _providers(options: Mapping[str, str], client: Client) -> List[str]:
    """The providers the options name (``all``: every configured one)."""
    names = [n.strip().lower() for n in options.get("provider", "all").split(",") if n.strip()]
    if not names or "all" in names:
        return client.configured
    unknown = [n for n in names if n not in PROVIDERS]
    if unknown:
        raise QueryError(
            f"option provider: unknown provider {', '.join(unknown)}; use all or some of {', '.join(PROVIDERS)}",
            kind="query",
        )
    missing = [n for n in names if n not in client.configured]
    if missing:
        raise ConfigError(
            f"option provider: no credentials for {', '.join(missing)}; give them as options "
            f"(e.g. {setting_example(missing[0])}) or in the environment, or leave the provider out",
            kind="config",
        )
    return names


def _plan(options: Mapping[str, str], providers: Sequence[str], start_us: int, end_us: int) -> List[MeetkitPartition]:
    """The core's plan on the driver, a Spark partition per provider account: an account's
    partitions (a Zoom account's users) run in one task, so its rate limit holds there and a
    meeting two users attended is listed once."""
    client = client_from_options(options)
    start, end = from_micros(start_us), from_micros(end_us)
    accounts: Dict[Tuple[str, str], List[str]] = {}
    for partition in client.plan(list(providers), start=start, end=end):
        value = json.loads(partition)
        accounts.setdefault((value["provider"], value["account"]), []).append(partition)
    return [
        MeetkitPartition.from_plan(group[0] if len(group) == 1 else "[" + ",".join(group) + "]")
        for group in accounts.values()
    ]


def _read(options: Mapping[str, str], partition: MeetkitPartition) -> Iterator[pa.RecordBatch]:
    """Lists one partition with a client built here, in the executor."""
    try:
        listing = client_from_options(options).run_partition(partition.plan)
        listing.raise_for_errors()
    except MeetkitError as error:
        raise MeetkitError(
            f"meetkit partition {partition.describe()} failed: {error}",
            kind=error.kind,
            provider=partition.provider,
            status=error.status,
            code=error.code,
            hint=error.hint,
        ) from error
    yield from listing.to_arrow().to_batches(max_chunksize=_BATCH_SIZE)


class MeetkitReader(DataSourceReader):
    """A batch read: the window and the partitions are fixed on the driver."""

    def __init__(self, options: Mapping[str, str]) -> None:
        self.options = dict(options)
        if "from" not in self.options:
            raise QueryError("option from is required: the start of the window, e.g. 2026-09-01", kind="query")
        self.start_us = to_micros(self.options["from"], "from")
        self.end_us = to_micros(self.options["to"], "to") if "to" in self.options else to_micros(now())
        if self.end_us <= self.start_us:
            raise QueryError(f"option to ({_iso(self.end_us)}) must be after from ({_iso(self.start_us)})", kind="query")
        providers = _providers(self.options, client_from_options(self.options))
        self.planned = _plan(self.options, providers, self.start_us, self.end_us)

    def partitions(self) -> Sequence[InputPartition]:
        return self.planned

    def read(self, partition: InputPartition) -> Iterator[pa.RecordBatch]:
        if not isinstance(partition, MeetkitPartition):
            raise TypeError(f"not a meetkit partition: {partition!r}")
        return _read(self.options, partition)


class MeetkitStreamReader(DataSourceStreamReader):
    """A stream: the offset is, per provider account (``provider/account``), the end of what
    has been listed (microseconds since 1970): each account's checkpoint. Each micro-batch
    plans every account from its own offset up to ``to`` (or now minus ``settle_seconds``):
    one task per account. An account added later starts at ``from``."""

    def __init__(self, options: Mapping[str, str]) -> None:
        self.options = dict(options)
        if "from" not in self.options:
            raise QueryError("option from is required: where the stream starts, e.g. 2026-09-01", kind="query")
        self.start_us = to_micros(self.options["from"], "from")
        self.to_us = to_micros(self.options["to"], "to") if "to" in self.options else None
        settle = _number(self.options, "settle_seconds")
        self.settle_us = (DEFAULT_SETTLE_SECONDS if settle is None else settle) * 1_000_000
        client = client_from_options(self.options)
        providers = _providers(self.options, client)
        self.accounts = [f"{p}/{a}" for p, a in client.accounts if p in providers]

    def _head(self) -> int:
        return self.to_us if self.to_us is not None else to_micros(now()) - self.settle_us

    def initialOffset(self) -> Dict[str, Any]:
        return {key: self.start_us for key in self.accounts}

    def latestOffset(self) -> Dict[str, Any]:
        head = max(self._head(), self.start_us)
        return {key: head for key in self.accounts}

    def partitions(self, start: Dict[str, Any], end: Dict[str, Any]) -> Sequence[InputPartition]:
        # Accounts with the same provider and window share one plan; each keeps its partition.
        groups: Dict[Any, List[str]] = {}
        for key, until in end.items():
            provider, _, account = key.partition("/")
            # Offsets from before accounts were keyed by provider alone: the default account's.
            since = int(start.get(key, start.get(provider, self.start_us)))
            if since < int(until):
                groups.setdefault((provider, since, int(until)), []).append(account or "default")
        out: List[InputPartition] = []
        for (provider, since, until), accounts in groups.items():
            planned = _plan(self.options, [provider], since, until)
            out.extend(p for p in planned if p.account in accounts)
        return out

    def read(self, partition: InputPartition) -> Iterator[pa.RecordBatch]:
        if not isinstance(partition, MeetkitPartition):
            raise TypeError(f"not a meetkit partition: {partition!r}")
        return _read(self.options, partition)

    def commit(self, end: Dict[str, Any]) -> None:
        """Nothing to release: offsets are times, and listing is stateless."""


class MeetkitDataSource(DataSource):
    """``spark.read.format("meetkit")`` and ``spark.readStream.format("meetkit")``."""

    @classmethod
    def name(cls) -> str:
        return "meetkit"

    def schema(self) -> StructType:
        return spark_schema()

    def reader(self, schema: StructType) -> DataSourceReader:
        return MeetkitReader(self.options)

    def streamReader(self, schema: StructType) -> DataSourceStreamReader:
        return MeetkitStreamReader(self.options)
