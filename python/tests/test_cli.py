"""The DataFrame equals what the `meetkit` CLI prints for the same listing.

CI (`cargo xtask ci`) builds the CLI and names it in MEETKIT_CLI; elsewhere the test looks in
the workspace's target/debug and is skipped when the binary is not built.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import meetkit
from meetkit._time import to_utc
from conftest import Window


def _cli() -> Optional[Path]:
    named = os.environ.get("MEETKIT_CLI")
    if named:
        return Path(named)
    built = Path(__file__).resolve().parents[2] / "target" / "debug" / "meetkit"
    return built if built.exists() else None


def cli_env(sandbox: meetkit.Sandbox, config_dir: Path) -> Dict[str, str]:
    """The environment that points the CLI at `sandbox`: its credentials, and a config file
    (in `config_dir`) lifting meetkit's own Zoom limit, as `Sandbox.client()` does — the
    sandbox throttles nothing, and an account-wide Zoom listing at 10/s takes ~100 s."""
    config = config_dir / "meetkit.toml"
    config.write_text("rate_limits = { zoom = 0 }\n")
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))}
    env.update(sandbox.env)
    env["MEETKIT_CONFIG"] = str(config)
    return env


def _iso(t: Any) -> str:
    return str(t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"))


def test_dataframe_equals_cli_output(
    sandbox: meetkit.Sandbox, everything: meetkit.MeetingList, window: Window, tmp_path: Path
) -> None:
    cli = _cli()
    if cli is None:
        pytest.skip("the meetkit CLI is not built (cargo build -p meetkit-cli, or set MEETKIT_CLI)")
    env = cli_env(sandbox, tmp_path)
    done = subprocess.run(
        [str(cli), "list", "--provider", "all", "--from", _iso(window[0]), "--to", _iso(window[1]), "--format", "ndjson"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed: List[Dict[str, Any]] = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    df = everything.to_pandas()
    assert sorted(zip(df["provider"], df["id"])) == sorted((m["provider"], m["id"]) for m in printed)
    by_key = {(m["provider"], m["id"]): m for m in printed}
    for row in everything:
        m = by_key[(row["provider"], row["id"])]
        assert m["title"] == row["title"]
        assert m["status"] == row["status"]
        assert m.get("duration_seconds") == row["duration_seconds"]
        assert m.get("participant_count") == row["participant_count"]
        assert to_utc(m["start"]) == row["start"]
        assert m["extension"] == row["extension"]
