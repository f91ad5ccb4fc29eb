"""Errors: the exception hierarchy, configuration mistakes, and partial failures."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
from typing import Any, Dict

import pytest

import meetkit
from meetkit import _meetkit
from meetkit.errors import from_info
from conftest import Window


def test_hierarchy() -> None:
    for cls in (meetkit.ConfigError, meetkit.QueryError, meetkit.ProviderError, meetkit.SandboxError):
        assert issubclass(cls, meetkit.MeetkitError)
    for cls in (
        meetkit.AuthError,
        meetkit.PermissionDeniedError,
        meetkit.RateLimitError,
        meetkit.NotFoundError,
        meetkit.BadRequestError,
        meetkit.ServerError,
        meetkit.NetworkError,
        meetkit.InvalidResponseError,
        meetkit.WindowUnavailableError,
    ):
        assert issubclass(cls, meetkit.ProviderError)
    assert issubclass(meetkit.QueryError, ValueError)


@pytest.mark.parametrize(
    ("kind", "cls"),
    [
        ("auth", meetkit.AuthError),
        ("permission", meetkit.PermissionDeniedError),
        ("rate_limited", meetkit.RateLimitError),
        ("not_found", meetkit.NotFoundError),
        ("bad_request", meetkit.BadRequestError),
        ("server", meetkit.ServerError),
        ("network", meetkit.NetworkError),
        ("invalid_response", meetkit.InvalidResponseError),
        ("pagination", meetkit.InvalidResponseError),
        ("window_unavailable", meetkit.WindowUnavailableError),
        ("config", meetkit.ConfigError),
        ("query", meetkit.QueryError),
        ("sandbox", meetkit.SandboxError),
        ("something new", meetkit.MeetkitError),
    ],
)
def test_kinds_map_to_classes(kind: str, cls: type) -> None:
    err = from_info({"kind": kind, "message": "boom", "provider": "zoom", "status": 429, "code": "x"})
    assert type(err) is cls
    assert (err.message, err.provider, err.status, err.code) == ("boom", "zoom", 429, "x")
    assert str(err) == "boom"


def test_wrong_key_fails_that_provider_only(sandbox: meetkit.Sandbox, window: Window) -> None:
    client = sandbox.client({"DAILY_API_KEY": "wrong-key"})
    res = client.list_meetings("all", start=window[0], end=window[1])
    assert not res.ok
    assert len(res.errors) >= 1
    for err in res.errors:
        assert isinstance(err, meetkit.AuthError)
        assert err.provider == "daily"
        assert err.status == 401
        assert err.kind == "auth"
        assert "Daily" in err.message and "401" in err.message
        assert "wrong-key" not in err.message
    providers = {m["provider"] for m in res}
    assert providers == {"zoom", "telnyx", "attendee", "attention"}
    for provider in providers:
        assert sorted(m["id"] for m in res if m["provider"] == provider) == sandbox.truth(provider, *window)
    with pytest.raises(meetkit.AuthError) as caught:
        res.raise_for_errors()
    assert caught.value.provider == "daily"
    assert "1 errors" in repr(res) or "errors" in repr(res)


def test_server_errors_after_retries_are_server_errors(window: Window) -> None:
    with meetkit.Sandbox(seed=3, meetings=50, provider_faults={"attention": {"server_error_rate": 1.0}}) as sb:
        res = sb.client().list_meetings(["attention", "daily"], start=window[0], end=window[1])
    assert {m["provider"] for m in res} == {"daily"}
    assert res.errors and all(isinstance(e, meetkit.ServerError) for e in res.errors)
    err = res.errors[0]
    assert err.provider == "attention" and err.status is not None and 500 <= err.status < 600
    assert err.attempts is not None and err.attempts > 1
    assert err.window is not None and err.window[0] < err.window[1]


def test_plain_http_needs_allow_insecure() -> None:
    with pytest.raises(meetkit.ConfigError, match="not https"):
        meetkit.Client(daily={"api_key": "k", "base_url": "http://meetings.example.com/v1"})
    client = meetkit.Client(daily={"api_key": "k", "base_url": "http://meetings.example.com/v1"}, allow_insecure=True)
    assert client.configured == ["daily"]


def test_max_attempts_bounds_retries(window: Window) -> None:
    with meetkit.Sandbox(seed=4, meetings=50, faults={"server_error_rate": 1.0}) as sb:
        client = meetkit.Client.from_mapping(sb.env, max_attempts=1)
        res = client.list_meetings("telnyx", start=window[0], end=window[1])
    assert len(res) == 0 and res.errors
    assert all(isinstance(e, meetkit.ServerError) and e.attempts == 1 for e in res.errors)


def test_no_credentials_is_a_config_error(window: Window) -> None:
    client = meetkit.Client()
    assert client.configured == []
    with pytest.raises(meetkit.ConfigError):
        client.list_meetings("all", start=window[0], end=window[1])


def test_a_named_provider_without_credentials_is_a_config_error(window: Window) -> None:
    client = meetkit.Client(daily="some-key")
    with pytest.raises(meetkit.ConfigError) as caught:
        client.list_meetings("zoom", start=window[0], end=window[1])
    assert caught.value.provider == "zoom"


def test_half_set_zoom_oauth_is_a_config_error() -> None:
    with pytest.raises(meetkit.ConfigError, match="ZOOM_CLIENT_ID"):
        meetkit.Client(zoom={"account_id": "a", "client_secret": "s"})


_WORKERS_SCRIPT = """
import datetime as dt
import meetkit
try:
    with meetkit.Sandbox(seed=3, meetings=40) as sb:
        end = sb.now
        found = sb.client().list_meetings("daily", start=end - dt.timedelta(days=60), end=end)
        print("listed", len(found))
except meetkit.ConfigError as e:
    print("ConfigError:", e)
try:
    meetkit.Client(daily="k")
    print("client")
except meetkit.ConfigError as e:
    print("ConfigError:", e)
"""


def _with_workers(value: str) -> "subprocess.CompletedProcess[str]":
    env = {**os.environ, "TOKIO_WORKER_THREADS": value}
    return subprocess.run(
        [sys.executable, "-c", _WORKERS_SCRIPT], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_a_bad_tokio_worker_threads_is_a_config_error_not_a_panic() -> None:
    # tokio panics on this value when it builds a runtime itself.
    done = _with_workers("many")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2, done.stdout
    for line in lines:
        assert line.startswith('ConfigError: TOKIO_WORKER_THREADS="many" is not a number of threads'), line
    assert "panicked" not in done.stderr, done.stderr


def test_tokio_worker_threads_sets_the_workers_when_it_is_a_number() -> None:
    done = _with_workers("1")
    assert done.returncode == 0, done.stderr
    listed, client = done.stdout.splitlines()
    assert listed.startswith("listed ") and int(listed.split()[1]) > 0, done.stdout
    assert client == "client"


def test_explicit_credentials_reach_the_sandbox(sandbox: meetkit.Sandbox, window: Window) -> None:
    env = sandbox.env
    client = meetkit.Client(
        daily={"api_key": env["DAILY_API_KEY"], "base_url": env["DAILY_BASE_URL"]},
        zoom={
            "account_id": env["ZOOM_ACCOUNT_ID"],
            "client_id": env["ZOOM_CLIENT_ID"],
            "client_secret": env["ZOOM_CLIENT_SECRET"],
            "base_url": env["ZOOM_BASE_URL"],
            "oauth_url": env["ZOOM_OAUTH_URL"],
        },
        # The sandbox throttles nothing: without meetkit's own Zoom limit the account-wide
        # listing takes seconds, not ~100 s.
        rate_limits={"zoom": None},
    )
    assert client.configured == ["zoom", "daily"]
    res = client.list_meetings("all", start=window[0], end=window[1])
    assert res.ok
    assert {m["provider"] for m in res} == {"zoom", "daily"}
    with pytest.raises(TypeError):
        meetkit.Client(daily={"key": "x"})  # type: ignore[arg-type]


def test_the_provider_list_and_keywords_are_the_native_registrys() -> None:
    names = tuple(p["name"] for p in _meetkit.providers())
    assert meetkit.PROVIDERS == names
    assert names[0] == "zoom" and len(set(names)) == len(names)
    # One keyword per provider; a string is its API key (Zoom: an access token).
    settings: Dict[str, Any] = {p: "key" for p in names}
    client = meetkit.Client(**settings)
    assert client.configured == list(names)


def test_an_unknown_provider_keyword_is_a_type_error_naming_the_providers() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'skype': the providers are " + ", ".join(meetkit.PROVIDERS)):
        meetkit.Client(skype="key")
    with pytest.raises(TypeError, match="takes a string or a dict of settings"):
        meetkit.Client(zoom=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a string"):
        meetkit.Client(zoom={"access_token": 3})  # type: ignore[arg-type]


def test_from_env_reads_the_environment(sandbox: meetkit.Sandbox, window: Window, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(sandbox.env):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TELNYX_API_KEY", sandbox.env["TELNYX_API_KEY"])
    monkeypatch.setenv("TELNYX_BASE_URL", sandbox.env["TELNYX_BASE_URL"])
    client = meetkit.Client.from_env()
    assert client.configured == ["telnyx"]
    res = client.list_meetings(start=window[0], end=window[1])
    assert sorted(m["id"] for m in res) == sandbox.truth("telnyx", *window)


def test_zoom_older_than_six_months(sandbox: meetkit.Sandbox, client: meetkit.Client) -> None:
    start = sandbox.now - dt.timedelta(days=300)
    end = sandbox.now - dt.timedelta(days=250)
    strict = client.list_meetings("zoom", start=start, end=end)
    assert strict.errors and all(isinstance(e, meetkit.WindowUnavailableError) for e in strict.errors)
    lenient = client.list_meetings("zoom", start=start, end=end, lenient=True)
    assert lenient.ok and lenient.warnings


def test_retries_are_said_on_the_meetkit_logger(window: Window, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="meetkit")

    def notices() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name == "meetkit" and "retrying in" in r.getMessage()]

    with meetkit.Sandbox(seed=5, meetings=50, provider_faults={"telnyx": {"server_error_rate": 1.0}}) as sb:
        client = meetkit.Client.from_mapping(sb.env, max_attempts=2)
        res = client.list_meetings("telnyx", start=window[0], end=window[1])
        said = notices()
        caplog.clear()
        batches = list(client.iter_meetings("telnyx", start=window[0], end=window[1]))
        said_in_batches = notices()
    assert res.errors and not batches
    # Both ways of listing say it (at most one notice every few seconds per provider), naming
    # the provider, the attempt and the error.
    for messages in (said, said_in_batches):
        assert messages, [r.getMessage() for r in caplog.records]
        assert all(m.startswith("telnyx: retrying in ") for m in messages)
        assert all("attempt 2 of 2" in m and "HTTP 5" in m for m in messages)
