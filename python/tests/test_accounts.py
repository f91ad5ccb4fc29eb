"""Many accounts per provider: ``Client(accounts=...)`` (dicts, env references, an accounts file),
the sandbox's tenants, and one account failing on its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

import meetkit

Window = Tuple[dt.datetime, dt.datetime]


def by_account(listing: meetkit.MeetingList) -> Dict[Tuple[str, str], Set[str]]:
    out: Dict[Tuple[str, str], Set[str]] = {}
    for m in listing.to_dicts():
        out.setdefault((m["provider"], m["account"]), set()).add(m["id"])
    return out


def test_three_accounts_per_provider_list_the_union_of_their_truths() -> None:
    with meetkit.Sandbox(seed=21, meetings=60, accounts=2) as sb:
        client = sb.client()
        names = {"default", "t001", "t002"}
        assert set(client.accounts) == {(p, a) for p in meetkit.PROVIDERS for a in names}
        window = (sb.now - dt.timedelta(days=60), sb.now)
        listing = client.list_meetings("all", start=window[0], end=window[1])
        assert not listing.errors
        got = by_account(listing)
        expected = {(p, a): set(sb.truth(p, window[0], window[1], account=a)) for p in meetkit.PROVIDERS for a in names}
        assert {k: v for k, v in got.items()} == {k: v for k, v in expected.items() if v}
        assert len(listing) == sum(len(v) for v in expected.values())
        # Each tenant has its own data.
        assert expected[("daily", "t001")] != expected[("daily", "t002")]


def test_accounts_from_dicts_env_references_and_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with meetkit.Sandbox(seed=22, meetings=40, accounts=2) as sb:
        window = (sb.now - dt.timedelta(days=60), sb.now)
        daily: List[Dict[str, str]] = [dict(a) for a in sb.accounts if a["provider"] == "daily"]
        monkeypatch.setenv("T001_DAILY_KEY", daily[0]["api_key"])
        daily[0]["api_key"] = "env:T001_DAILY_KEY"
        client = meetkit.Client(accounts=daily, allow_insecure=True)
        assert client.accounts == [("daily", "t001"), ("daily", "t002")]
        got = by_account(client.list_meetings("daily", start=window[0], end=window[1]))
        for name in ("t001", "t002"):
            assert got[("daily", name)] == set(sb.truth("daily", window[0], window[1], account=name))
        path = sb.write_accounts_file(tmp_path / "accounts.jsonl")
        from_file = meetkit.Client(accounts=path)
        assert len(from_file.accounts) == 10
        mixed = meetkit.Client(accounts=[Path(path), {"provider": "daily", "name": "extra", "api_key": "k"}])
        assert ("daily", "extra") in mixed.accounts


def test_bad_accounts_are_config_errors_that_say_where(tmp_path: Path) -> None:
    with pytest.raises(meetkit.ConfigError, match=r"accounts\[0\]: daily_api_key refers to the environment variable NOT_SET_ANYWHERE"):
        meetkit.Client(accounts=[{"provider": "daily", "name": "a", "api_key": "env:NOT_SET_ANYWHERE"}])
    with pytest.raises(meetkit.ConfigError, match="skype"):
        meetkit.Client(accounts=[{"provider": "skype", "name": "a", "api_key": "k"}])
    with pytest.raises(meetkit.ConfigError, match="already defined"):
        meetkit.Client(accounts=[{"provider": "daily", "name": "a", "api_key": "k"}] * 2)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"provider": "daily", "name": "a", "api_key": "k"}\nnot json\n')
    with pytest.raises(meetkit.ConfigError, match=f"accounts file {bad} line 2: not a JSON object"):
        meetkit.Client(accounts=str(bad))
    with pytest.raises(TypeError, match="must be a string"):
        meetkit.Client(accounts=[{"provider": "daily", "name": "a", "api_key": 3}])  # type: ignore[dict-item]


def test_one_accounts_rejected_key_leaves_the_others_complete() -> None:
    with meetkit.Sandbox(seed=23, meetings=40, accounts=3) as sb:
        window = (sb.now - dt.timedelta(days=60), sb.now)
        accounts = [dict(a) for a in sb.accounts if a["provider"] == "telnyx"]
        accounts[1]["api_key"] = "rejected~t002"
        listing = meetkit.Client(accounts=accounts).list_meetings("telnyx", start=window[0], end=window[1])
        assert len(listing.errors) == 1
        error = listing.errors[0]
        assert isinstance(error, meetkit.AuthError)
        assert error.account == "t002"
        assert 't002' in str(error)
        got = by_account(listing)
        for name in ("t001", "t003"):
            assert got[("telnyx", name)] == set(sb.truth("telnyx", window[0], window[1], account=name))
        assert ("telnyx", "t002") not in got
