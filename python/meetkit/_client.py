"""The client: credentials in, :class:`MeetingList` out."""

from __future__ import annotations

import logging
import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, TypedDict, Union

from . import _meetkit
from ._list import MeetingBatches, MeetingList
from .errors import from_info
from ._time import DurationLike, TimeLike, now, to_micros, to_seconds

_LOG = logging.getLogger("meetkit")

__all__ = ["Client", "ZoomSettings", "ApiKeySettings", "ProviderSettings", "Providers", "Accounts"]

Providers = Union[str, Sequence[str]]
"""``"all"`` (every configured provider), one name (``"zoom"``) or several."""

Strings = Union[str, Sequence[str], None]


class ZoomSettings(TypedDict, total=False):
    """Zoom credentials: ``access_token``, or ``account_id`` + ``client_id`` +
    ``client_secret`` (Server-to-Server OAuth); optionally ``base_url`` and ``oauth_url``."""

    access_token: str
    account_id: str
    client_id: str
    client_secret: str
    base_url: str
    oauth_url: str


class ApiKeySettings(TypedDict, total=False):
    """An API-key provider's settings: ``api_key`` and optionally ``base_url``."""

    api_key: str
    base_url: str


def _strings(value: Strings, name: str) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must be a string or a sequence of strings, not {type(item).__name__}")
    return items


def _rates(value: Optional[Mapping[str, Optional[float]]]) -> Optional[Dict[str, Optional[float]]]:
    """``rate_limits`` as the extension takes it: a plain dict of floats or ``None``."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"rate_limits must be a mapping of provider to requests a second, not {type(value).__name__}")
    rates: Dict[str, Optional[float]] = {}
    for name, rate in value.items():
        if rate is not None and (isinstance(rate, bool) or not isinstance(rate, (int, float))):
            raise TypeError(f"rate_limits[{name!r}] must be a number or None, not {type(rate).__name__}")
        rates[str(name)] = None if rate is None else float(rate)
    return rates


ProviderSettings = Union[str, ZoomSettings, ApiKeySettings]
"""One provider's explicit settings: a string (its API key; Zoom's access token) or a dict."""

_REGISTRY = _meetkit.providers()


def _provider_names() -> Tuple[str, ...]:
    """Every provider meetkit lists, in the registry's order."""
    return tuple(p["name"] for p in _REGISTRY)


def setting_example(provider: str) -> str:
    """The option (a variable in lowercase) that sets ``provider``'s first credential."""
    entry = next((p for p in _REGISTRY if p["name"] == provider), None)
    settings = entry["settings"] if entry is not None else []
    return settings[0]["env"].lower() if settings else f"{provider}_api_key"


def _settings_vars(provider: str, value: Union[str, Mapping[str, object]]) -> Dict[str, str]:
    """The variables ``provider``'s settings ``value`` stand for (from the registry)."""
    entry = next((p for p in _REGISTRY if p["name"] == provider), None)
    if entry is None:
        raise TypeError(
            f"Client() got an unexpected keyword argument {provider!r}: "
            f"the providers are {', '.join(_provider_names())}"
        )
    variables = {s["key"]: s["env"] for s in entry["settings"]}
    if isinstance(value, str):
        key = entry["string_setting"]
        if key is None:
            raise TypeError(f"{provider} takes a dict of settings ({', '.join(variables)}), not a string")
        return {variables[key]: value}
    if not isinstance(value, Mapping):
        raise TypeError(
            f"{provider} takes a string or a dict of settings ({', '.join(variables)}), not {type(value).__name__}"
        )
    unknown = set(value) - set(variables)
    if unknown:
        raise TypeError(f"unknown {entry['display_name']} setting(s) {sorted(unknown)}: expected {sorted(variables)}")
    out = {}
    for key, setting in value.items():
        if not isinstance(setting, str):
            raise TypeError(f"{provider} setting {key!r} must be a string, not {type(setting).__name__}")
        out[variables[key]] = setting
    return out


Accounts = Union[str, "os.PathLike[str]", Sequence[Union[Mapping[str, str], str, "os.PathLike[str]"]], None]
"""Named accounts: a path to an accounts file (JSON Lines, one account per line), or a list of
account dicts (``{"provider": "zoom", "name": "acme", "access_token": "env:ACME_ZOOM_TOKEN"}``)
and/or accounts-file paths. Keys are the provider's settings (``api_key``, ``base_url``; Zoom's
``account_id``, ``client_id``, ``client_secret``, ``access_token``, ``oauth_url``); a value
``env:NAME`` is read from the environment variable ``NAME``."""


def _accounts(value: Accounts) -> Tuple[List[Dict[str, str]], List[str]]:
    """``accounts`` as the extension takes them: entries and accounts-file paths."""
    if value is None:
        return [], []
    items: Sequence[Any] = [value] if isinstance(value, (str, os.PathLike)) else list(value)
    entries: List[Dict[str, str]] = []
    files: List[str] = []
    for item in items:
        if isinstance(item, (str, os.PathLike)):
            files.append(os.fspath(item))
        elif isinstance(item, Mapping):
            entry = {}
            for key, val in item.items():
                if not isinstance(val, str):
                    raise TypeError(f"account setting {key!r} must be a string, not {type(val).__name__}")
                entry[str(key)] = val
            entries.append(entry)
        else:
            raise TypeError(f"accounts must hold dicts or accounts-file paths, not {type(item).__name__}")
    return entries, files


def _progress_bar(total: Optional[int] = None) -> Any:
    try:
        from tqdm.std import tqdm as text_bar
    except ImportError:
        raise ImportError("progress=True needs tqdm, an optional dependency: pip install 'meetkit[progress]'") from None
    options: Dict[str, Any] = {"total": total, "unit": " meetings", "desc": "meetkit", "dynamic_ncols": True}
    try:
        from tqdm.auto import tqdm as auto_bar

        return auto_bar(**options)
    except ImportError:
        # A notebook without ipywidgets: tqdm's widget bar cannot show, its text bar can.
        return text_bar(**options)


class Client:
    """Lists meetings from every configured provider.

    Build one from the environment (:meth:`from_env`: each provider's credential variables,
    ``<PROVIDER>_API_KEY`` or Zoom's ``ZOOM_ACCOUNT_ID``/``ZOOM_CLIENT_ID``/
    ``ZOOM_CLIENT_SECRET`` or ``ZOOM_ACCESS_TOKEN``, and ``<PROVIDER>_BASE_URL``), from explicit
    settings (``Client(<provider>="key", zoom={"account_id": ..., ...})``, one keyword per
    name in :data:`meetkit.PROVIDERS`), or from a sandbox (``meetkit.Sandbox().client()``).
    A client is thread-safe and cheap to share.
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        *,
        allow_insecure: bool = False,
        concurrency: Optional[int] = None,
        max_attempts: Optional[int] = None,
        rate_limits: Optional[Mapping[str, Optional[float]]] = None,
        records_in_flight: Optional[int] = None,
        accounts: Accounts = None,
        **providers: Optional[ProviderSettings],
    ) -> None:
        """Explicit credentials, one keyword per provider (its name; an unknown one is a
        ``TypeError`` naming the providers): a string is the API key (Zoom: an access token);
        a dict also takes ``base_url`` (and Zoom's OAuth ``account_id``/``client_id``/
        ``client_secret``/``oauth_url``). The environment is not read.

        ``allow_insecure`` accepts plain-http base URLs on hosts other than loopback;
        ``concurrency`` caps requests in flight across providers (default 32);
        ``max_attempts`` is the attempts per request, the first included (default 6);
        ``rate_limits`` sets requests a second per provider (``{"zoom": 40}`` for Zoom
        Business+; ``None`` or ``0`` for none; default: each provider's documented limit, where
        it has one), each account held to it on its own. ``records_in_flight`` caps the
        records held at once, requested or fetched and not yet read, across every provider and
        account (default 32,768; lower it to bound the memory of a listing over many
        accounts run with a high ``concurrency``). ``accounts`` adds named accounts (see :data:`Accounts`)
        besides the ``default`` one the keyword settings give; every meeting's ``account``
        names the account it came from."""
        variables: Dict[str, str] = {}
        for provider, value in providers.items():
            if value is not None:
                variables.update(_settings_vars(provider, value))
        entries, files = _accounts(accounts)
        self._native = _meetkit.Client.from_mapping(
            variables,
            allow_insecure=allow_insecure,
            concurrency=concurrency,
            max_attempts=max_attempts,
            rate_limits=_rates(rate_limits),
            records_in_flight=records_in_flight,
            accounts=entries,
            accounts_files=files,
        )

    @classmethod
    def from_env(
        cls,
        *,
        allow_insecure: bool = False,
        concurrency: Optional[int] = None,
        max_attempts: Optional[int] = None,
        rate_limits: Optional[Mapping[str, Optional[float]]] = None,
        records_in_flight: Optional[int] = None,
        accounts: Accounts = None,
    ) -> "Client":
        """Credentials and base URLs from the environment variables meetkit reads (the
        ``default`` account), plus ``accounts``; the options are :class:`Client`'s."""
        entries, files = _accounts(accounts)
        native = _meetkit.Client.from_env(
            allow_insecure=allow_insecure,
            concurrency=concurrency,
            max_attempts=max_attempts,
            rate_limits=_rates(rate_limits),
            records_in_flight=records_in_flight,
            accounts=entries,
            accounts_files=files,
        )
        return cls._wrap(native)

    @classmethod
    def from_mapping(
        cls,
        variables: Mapping[str, str],
        *,
        allow_insecure: bool = False,
        concurrency: Optional[int] = None,
        max_attempts: Optional[int] = None,
        rate_limits: Optional[Mapping[str, Optional[float]]] = None,
        records_in_flight: Optional[int] = None,
        accounts: Accounts = None,
    ) -> "Client":
        """Like :meth:`from_env`, over ``variables`` instead of the process environment."""
        entries, files = _accounts(accounts)
        native = _meetkit.Client.from_mapping(
            dict(variables),
            allow_insecure=allow_insecure,
            concurrency=concurrency,
            max_attempts=max_attempts,
            rate_limits=_rates(rate_limits),
            records_in_flight=records_in_flight,
            accounts=entries,
            accounts_files=files,
        )
        return cls._wrap(native)

    @classmethod
    def _wrap(cls, native: _meetkit.Client) -> "Client":
        client = cls.__new__(cls)
        client._native = native
        return client

    @property
    def configured(self) -> List[str]:
        """The providers that have credentials."""
        return self._native.configured()

    @property
    def accounts(self) -> List[Tuple[str, str]]:
        """Every configured account as ``(provider, name)``; ``default`` is the one the
        environment (or the keyword settings) configure."""
        return [(p, n) for p, n in self._native.accounts()]

    def __repr__(self) -> str:
        return f"meetkit.Client(configured={self.configured!r})"

    def list_meetings(
        self,
        provider: Providers = "all",
        *,
        start: TimeLike,
        end: Optional[TimeLike] = None,
        host: Strings = None,
        room: Optional[str] = None,
        status: Strings = None,
        state: Strings = None,
        meeting_url: Optional[str] = None,
        meeting_type: Optional[str] = None,
        min_duration: Optional[DurationLike] = None,
        max_duration: Optional[DurationLike] = None,
        ongoing: Optional[bool] = None,
        upcoming: Optional[bool] = None,
        deduplication_key: Optional[str] = None,
        recording_type: Optional[str] = None,
        session_id: Optional[str] = None,
        participant_id: Optional[str] = None,
        limit: Optional[int] = None,
        raw: bool = False,
        lenient: bool = False,
        progress: bool = False,
    ) -> MeetingList:
        """Every meeting whose start lies in ``[start, end)``.

        ``start``/``end`` take a ``datetime`` (naive means UTC), a ``date`` (midnight UTC) or an
        ISO 8601 string; ``end`` defaults to now. Filters: ``host`` (a user: Zoom's id or
        email), ``room``, ``status`` (normalized: ``ended``, ``in_progress``, …), ``state``
        (provider-native), ``meeting_url``, ``meeting_type``, ``min_duration``/
        ``max_duration`` (seconds or ``timedelta``), ``ongoing``, ``upcoming``,
        ``deduplication_key``, ``recording_type``/``session_id``/``participant_id``; which
        providers apply each is in ``meetkit providers`` (the registry). A filter a named provider cannot apply is a
        :class:`~meetkit.QueryError`; with ``"all"`` such providers are left out.

        ``limit`` caps the total; ``raw=True`` keeps each provider record (the ``raw``
        column); ``lenient=True`` skips, with a warning, parts of the window a provider cannot
        serve (Zoom: older than six months) instead of failing them; ``progress=True`` shows a
        tqdm bar. Blocks with the GIL released; Ctrl-C interrupts it.

        A provider that fails does not raise: its failure is in the result's ``errors`` and
        the other providers' meetings are returned.
        """
        spec = _spec(locals())
        if not progress:
            return MeetingList(self._native.list(spec))
        bar = _progress_bar()
        errors_seen = [0]

        def report(meetings: int, errors: int) -> None:
            bar.update(meetings - bar.n)
            if errors != errors_seen[0]:
                errors_seen[0] = errors
                bar.set_postfix(errors=errors)

        try:
            return MeetingList(self._native.list(spec, report))
        finally:
            bar.close()

    def iter_meetings(
        self,
        provider: Providers = "all",
        *,
        start: TimeLike,
        end: Optional[TimeLike] = None,
        host: Strings = None,
        room: Optional[str] = None,
        status: Strings = None,
        state: Strings = None,
        meeting_url: Optional[str] = None,
        meeting_type: Optional[str] = None,
        min_duration: Optional[DurationLike] = None,
        max_duration: Optional[DurationLike] = None,
        ongoing: Optional[bool] = None,
        upcoming: Optional[bool] = None,
        deduplication_key: Optional[str] = None,
        recording_type: Optional[str] = None,
        session_id: Optional[str] = None,
        participant_id: Optional[str] = None,
        limit: Optional[int] = None,
        raw: bool = False,
        lenient: bool = False,
        progress: bool = False,
        batch_size: int = 10_000,
    ) -> MeetingBatches:
        """The same listing as :meth:`list_meetings`, as :class:`MeetingList` batches of at most
        ``batch_size`` meetings with flat memory; failures gather in the iterator's
        ``errors``."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        spec = _spec(locals())
        native = self._native.iter(spec, batch_size)
        return MeetingBatches(native, _progress_bar() if progress else None)

    def plan(
        self,
        provider: Providers = "all",
        *,
        start: TimeLike,
        end: Optional[TimeLike] = None,
        host: Strings = None,
        room: Optional[str] = None,
        status: Strings = None,
        state: Strings = None,
        meeting_url: Optional[str] = None,
        meeting_type: Optional[str] = None,
        min_duration: Optional[DurationLike] = None,
        max_duration: Optional[DurationLike] = None,
        ongoing: Optional[bool] = None,
        upcoming: Optional[bool] = None,
        deduplication_key: Optional[str] = None,
        recording_type: Optional[str] = None,
        session_id: Optional[str] = None,
        participant_id: Optional[str] = None,
        raw: bool = False,
        lenient: bool = False,
    ) -> List[str]:
        """The partitions :meth:`list_meetings` with these arguments would run, fetching
        nothing but a Zoom account's users: one JSON string per provider account, or per user
        of a Zoom account listed account-wide (its windows and filters, no secrets). Run each
        anywhere with :meth:`run_partition` on a client holding that account's credentials;
        a Zoom account's users' partitions overlap (a meeting two users attended), so run them
        together, as a JSON array of them, to list each meeting once. A part of the window planning
        already knows cannot be listed (Zoom older than six months) raises, unless ``lenient``.
        The plan's warnings (a Zoom account's request budget for the day exceeded, an account with
        no users to list, what ``lenient`` skipped) are logged on the ``meetkit`` logger."""
        limit = None
        spec = _spec(locals())
        partitions, warnings, failures = self._native.plan(spec)
        if failures:
            raise from_info(failures[0])
        for warning in warnings:
            _LOG.warning("%s", warning)
        return partitions

    def run_partition(self, partition: str) -> MeetingList:
        """Lists one partition from :meth:`plan` (or a JSON array of one account's partitions,
        run together) with this client's credentials; a failure is in the result's
        ``errors``, like :meth:`list_meetings`."""
        return MeetingList(self._native.run(partition))

    async def alist_meetings(
        self,
        provider: Providers = "all",
        *,
        start: TimeLike,
        end: Optional[TimeLike] = None,
        host: Strings = None,
        room: Optional[str] = None,
        status: Strings = None,
        state: Strings = None,
        meeting_url: Optional[str] = None,
        meeting_type: Optional[str] = None,
        min_duration: Optional[DurationLike] = None,
        max_duration: Optional[DurationLike] = None,
        ongoing: Optional[bool] = None,
        upcoming: Optional[bool] = None,
        deduplication_key: Optional[str] = None,
        recording_type: Optional[str] = None,
        session_id: Optional[str] = None,
        participant_id: Optional[str] = None,
        limit: Optional[int] = None,
        raw: bool = False,
        lenient: bool = False,
    ) -> MeetingList:
        """:meth:`list_meetings` for asyncio: the listing runs on meetkit's own threads and the
        event loop stays free."""
        spec = _spec(locals())
        native = await self._native.alist(spec)
        return MeetingList(native)


def _spec(args: Dict[str, Any]) -> Dict[str, Any]:
    """The native query dict from a listing method's arguments."""
    start = to_micros(args["start"], "start")
    end = to_micros(args["end"] if args["end"] is not None else now(), "end")
    limit = args["limit"]
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be a non-negative int or None, not {limit!r}")
    return {
        "providers": _strings(args["provider"], "provider") or ["all"],
        "start_us": start,
        "end_us": end,
        "host": _strings(args["host"], "host"),
        "room": args["room"],
        "status": _strings(args["status"], "status"),
        "state": _strings(args["state"], "state"),
        "meeting_url": args["meeting_url"],
        "meeting_type": args["meeting_type"],
        "min_duration": to_seconds(args["min_duration"], "min_duration"),
        "max_duration": to_seconds(args["max_duration"], "max_duration"),
        "ongoing": args["ongoing"],
        "upcoming": args["upcoming"],
        "deduplication_key": args["deduplication_key"],
        "recording_type": args["recording_type"],
        "session_id": args["session_id"],
        "participant_id": args["participant_id"],
        "limit": limit,
        "raw": bool(args["raw"]),
        "lenient": bool(args["lenient"]),
    }
