"""The embedded sandbox: the five providers' APIs on 127.0.0.1, for trying meetkit offline."""

from __future__ import annotations

import datetime as _dt
import json
import os
from types import TracebackType
from typing import Any, Dict, List, Mapping, Optional, Type, TypedDict

from . import _meetkit
from ._client import Client
from ._time import TimeLike, to_micros

__all__ = ["Sandbox", "Faults"]


class Faults(TypedDict, total=False):
    """Seeded, reproducible misbehaviour. Rates are probabilities per request (0..1)."""

    latency: float
    """Seconds added before every response."""
    rate_limit_rate: float
    server_error_rate: float
    reset_rate: float
    truncate_rate: float
    inserts_per_page: int
    """Records inserted into the queried window after each page served."""
    drift: bool
    """Every record gets a field its spec does not list and, where it has an enum, a value the
    spec does not list: listings report them in ``.warnings``."""


def _fault_values(faults: Optional[Mapping[str, Any]]) -> Dict[str, float]:
    return {k: float(v) for k, v in (faults or {}).items()}


class Sandbox:
    """A local stand-in for every provider's API with a procedural dataset of ``meetings``
    records per provider (a pure function of ``seed``), spread over the 395 days up to ``now``
    (30 days ahead too for the providers that serve upcoming meetings).

    Use it as a context manager::

        with meetkit.Sandbox(seed=7) as sb:
            df = sb.client().list_meetings("all", start=..., end=...).to_pandas()

    ``faults`` apply to every provider, ``provider_faults`` replace them for some
    (``{"<provider>": {"server_error_rate": 1.0}}``); ``rate_limits=True`` enforces each provider's
    documented limits with 429s, per account.

    ``accounts=N`` also serves N named accounts of every provider (``t001`` … each a tenant with
    its own data, ground truth and rate limits); :meth:`client` then has them besides the
    ``default`` one, :attr:`accounts` holds their credentials and :meth:`write_accounts_file`
    writes them as an accounts file.
    """

    def __init__(
        self,
        seed: int = 0,
        meetings: int = 200,
        *,
        now: Optional[TimeLike] = None,
        port: int = 0,
        faults: Optional[Faults] = None,
        provider_faults: Optional[Mapping[str, Faults]] = None,
        rate_limits: bool = False,
        accounts: int = 0,
    ) -> None:
        self._native = _meetkit.Sandbox(
            seed,
            meetings,
            to_micros(now, "now") if now is not None else None,
            port,
            _fault_values(faults),
            {p: _fault_values(f) for p, f in (provider_faults or {}).items()},
            rate_limits,
            accounts,
        )

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return repr(self._native)

    @property
    def env(self) -> Dict[str, str]:
        """The environment variables that point meetkit (or the CLI) at this sandbox."""
        return self._native.env

    @property
    def accounts(self) -> List[Dict[str, str]]:
        """The named accounts' credentials, one dict per account (``provider``, ``name``,
        ``base_url`` and the provider's keys): what ``Client(accounts=...)`` takes."""
        return self._native.accounts

    def write_accounts_file(self, path: "os.PathLike[str] | str") -> str:
        """Writes :attr:`accounts` as an accounts file (JSON Lines) and returns its path."""
        text = "".join(json.dumps(entry) + "\n" for entry in self.accounts)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return os.fspath(path)

    @property
    def now(self) -> _dt.datetime:
        """The sandbox's fixed "now", timezone-aware UTC; its dataset is anchored on it."""
        return self._native.now

    @property
    def running(self) -> bool:
        """False after :meth:`close`."""
        return self._native.running

    def client(self, env: Optional[Mapping[str, str]] = None) -> Client:
        """A :class:`Client` for this sandbox. ``env`` overrides variables of :attr:`env`
        (a wrong ``<PROVIDER>_API_KEY`` makes that provider fail with 401; ``""`` unsets one)."""
        return Client._wrap(self._native.client(dict(env) if env is not None else None))

    def truth(self, provider: str, start: TimeLike, end: TimeLike, *, account: str = "default") -> List[str]:
        """Ground truth: the sorted ids a correct listing of ``provider``'s ``account`` over
        ``[start, end)`` returns (Zoom's six-month limit aside)."""
        return self._native.truth(provider, to_micros(start, "start"), to_micros(end, "end"), account)

    def zoom_user_truth(self, user: str, start: TimeLike, end: TimeLike) -> List[str]:
        """The sorted uuids of one Zoom user's report over ``[start, end)`` (``me``, an id or
        an email): what ``host=user`` lists. :meth:`truth` is the whole account's."""
        return self._native.zoom_user_truth(user, to_micros(start, "start"), to_micros(end, "end"))

    def retitle(self, provider: str, id: str, title: str) -> None:
        """Changes the title of a meeting (by its provider-native ``id``) of a provider whose
        records have an editable title (Zoom's topic…), as if someone edited it after it was
        listed: the next listing returns the new title. Raises :class:`~meetkit.SandboxError`
        for other providers or unknown ids."""
        self._native.retitle(provider, id, title)

    def close(self) -> None:
        """Stops the server (also done on leaving the ``with`` block)."""
        self._native.close()
