"""Listing results: :class:`MeetingList` and the batches of :class:`MeetingBatches`."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, TypedDict

from . import _meetkit
from .errors import ProviderError, from_info

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd
    import polars as pl
    import pyarrow as pa

__all__ = ["MeetingList", "MeetingBatches", "MeetingDict", "PersonDict", "ParticipantDict", "RecordingDict"]

_CHUNK = 1024


class PersonDict(TypedDict):
    """A host: ``Meeting["host"]``."""

    id: Optional[str]
    name: Optional[str]
    email: Optional[str]


class ParticipantDict(TypedDict):
    """One entry of ``Meeting["participants"]``."""

    id: Optional[str]
    name: Optional[str]
    email: Optional[str]
    join_time: Optional[_dt.datetime]
    duration_seconds: Optional[int]
    status: Optional[str]


RecordingDict = TypedDict(
    "RecordingDict",
    {
        "id": Optional[str],
        "status": Optional[str],
        "url": Optional[str],
        "duration_seconds": Optional[int],
        "size_bytes": Optional[int],
        "codec": Optional[str],
        "type": Optional[str],
    },
)
"""``Meeting["recording"]``."""


class _MeetingDictBase(TypedDict):
    provider: str
    account: str
    id: str
    title: Optional[str]
    start: _dt.datetime
    end: Optional[_dt.datetime]
    duration_seconds: Optional[int]
    status: str
    status_raw: Optional[str]
    host: Optional[PersonDict]
    participants: List[ParticipantDict]
    participant_count: Optional[int]
    recording: Optional[RecordingDict]
    meeting_url: Optional[str]
    room: Optional[str]
    extension: Dict[str, Any]


class MeetingDict(_MeetingDictBase, total=False):
    """One meeting as :meth:`MeetingList.to_dicts` gives it: meetkit's JSON shape, with
    timezone-aware UTC datetimes. ``raw`` is there only when the listing asked for it."""

    raw: Any


def _require(module: str, extra: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ImportError(
            f"this needs {module}, an optional dependency: pip install 'meetkit[{extra}]'"
        ) from None


class MeetingList:
    """Meetings from one listing, sorted by start (then provider and id), with the failures of
    the providers or windows that could not be fetched (:attr:`errors`) and the listing's
    :attr:`warnings`.

    ``len()`` and ``iter()`` (dicts, see :class:`MeetingDict`) need nothing else installed;
    :meth:`to_arrow`, :meth:`to_pandas` and :meth:`to_polars` need pyarrow, pandas or polars.
    The object also speaks the Arrow PyCapsule stream interface (``__arrow_c_stream__``), so
    ``pyarrow.table(res)``, ``polars.DataFrame(res)`` and DuckDB read it directly.
    """

    __slots__ = ("_native", "_errors")

    def __init__(self, native: _meetkit.MeetingList) -> None:
        self._native = native
        self._errors: Optional[List[ProviderError]] = None

    def __len__(self) -> int:
        return len(self._native)

    def __iter__(self) -> Iterator[MeetingDict]:
        for start in range(0, len(self._native), _CHUNK):
            yield from self._native.to_dicts(start, start + _CHUNK)

    def __repr__(self) -> str:
        failed = f", {len(self.errors)} errors" if self.errors else ""
        return f"<meetkit.MeetingList: {len(self)} meetings{failed}>"

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        return self._native.__arrow_c_stream__(requested_schema)

    @property
    def errors(self) -> List[ProviderError]:
        """Per-provider (or per-window) failures; the rest of the listing is here."""
        if self._errors is None:
            built = [from_info(info) for info in self._native.error_infos()]
            self._errors = [e for e in built if isinstance(e, ProviderError)]
        return list(self._errors)

    @property
    def warnings(self) -> List[str]:
        """What the listing skipped or could not do exactly (e.g. a lenient Zoom window)."""
        return self._native.warnings

    @property
    def ok(self) -> bool:
        """True when no provider failed."""
        return not self.errors

    def raise_for_errors(self) -> "MeetingList":
        """Raises the first per-provider failure, if any (the others are in :attr:`errors`);
        returns ``self`` otherwise, so it chains."""
        errors = self.errors
        if errors:
            first = errors[0]
            if len(errors) > 1 and hasattr(first, "add_note"):
                first.add_note(f"{len(errors) - 1} more failure(s) in MeetingList.errors")
            raise first
        return self

    def to_dicts(self) -> List[MeetingDict]:
        """Every meeting as a dict (see :class:`MeetingDict`)."""
        return self._native.to_dicts()

    def to_arrow(self) -> "pa.Table":
        """A ``pyarrow.Table``: ``start``/``end`` are ``timestamp[us, tz=UTC]``, ints are
        nullable ``int64``, ``participants`` is ``list<struct<id, name, email, join_time,
        duration_seconds, status>>``, ``extension`` (and ``raw``) are JSON text."""
        pa = _require("pyarrow", "pyarrow")
        return pa.RecordBatchReader.from_stream(self).read_all()

    def to_pandas(self) -> "pd.DataFrame":
        """A ``pandas.DataFrame`` with tz-aware UTC timestamps, nullable ``Int64`` integers, and
        Arrow-backed text (``string[pyarrow]``, i.e. ``pd.ArrowDtype(pa.string())``) and lists
        of participant structs. Text columns keep the Arrow buffers meetkit built: no Python
        object and no copy per string; missing values are ``pd.NA``."""
        pd = _require("pandas", "pandas")
        pa = _require("pyarrow", "pandas")
        table = self.to_arrow()

        def types_mapper(t: Any) -> Any:
            if pa.types.is_int64(t):
                return pd.Int64Dtype()
            # pd.StringDtype() would re-encode each column as large_string (or a Python object
            # per string without pyarrow storage); ArrowDtype wraps the column as it is.
            if pa.types.is_string(t) or pa.types.is_list(t) or pa.types.is_struct(t):
                return pd.ArrowDtype(t)
            return None

        return table.to_pandas(types_mapper=types_mapper)

    def to_polars(self) -> "pl.DataFrame":
        """A ``polars.DataFrame`` (``Datetime("us", "UTC")`` timestamps, ``List(Struct)``
        participants). pyarrow is not needed."""
        _require("polars", "polars")
        import polars

        return polars.DataFrame(self)


class MeetingBatches:
    """A listing delivered in :class:`MeetingList` batches of at most ``batch_size`` meetings,
    in arrival order (each batch sorted by start). Memory stays flat: at most three batches are
    held at once. Per-provider failures gather in :attr:`errors` as they arrive (each batch
    also carries those that arrived while it filled); check them after the loop."""

    def __init__(self, native: _meetkit.MeetingBatches, progress: Any = None) -> None:
        self._native = native
        self._progress = progress
        self._seen = 0

    def __iter__(self) -> "MeetingBatches":
        return self

    def __next__(self) -> MeetingList:
        try:
            batch = next(self._native)
        except BaseException:  # StopIteration, KeyboardInterrupt, errors: the bar is done.
            self._close_progress()
            raise
        self._seen += len(batch)
        if self._progress is not None:
            self._progress.update(len(batch))
        return MeetingList(batch)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    @property
    def errors(self) -> List[ProviderError]:
        """Every per-provider failure so far."""
        built = [from_info(info) for info in self._native.error_infos()]
        return [e for e in built if isinstance(e, ProviderError)]

    @property
    def warnings(self) -> List[str]:
        """The listing's warnings so far."""
        return self._native.warnings

    @property
    def done(self) -> bool:
        """True once the listing has finished."""
        return self._native.done

    def raise_for_errors(self) -> None:
        """Raises the first per-provider failure seen so far, if any."""
        errors = self.errors
        if errors:
            raise errors[0]
