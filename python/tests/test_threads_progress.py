"""The GIL is released while listing, Ctrl-C interrupts a listing, and the progress bar."""

from __future__ import annotations

import _thread
import threading
import time
from typing import Iterator, List

import pytest

import meetkit
from conftest import Window


@pytest.fixture(scope="module")
def slow_sandbox() -> Iterator[meetkit.Sandbox]:
    """Every response takes 0.25 s: a listing of all providers takes about a second."""
    with meetkit.Sandbox(seed=11, meetings=100, faults={"latency": 0.25}) as sb:
        yield sb


def test_other_threads_run_during_a_listing(slow_sandbox: meetkit.Sandbox, window: Window) -> None:
    beats: List[float] = []
    stop = threading.Event()

    def heartbeat() -> None:
        while not stop.is_set():
            beats.append(time.monotonic())
            time.sleep(0.002)

    thread = threading.Thread(target=heartbeat, daemon=True)
    thread.start()
    time.sleep(0.05)
    began = time.monotonic()
    res = slow_sandbox.client().list_meetings("all", start=window[0], end=window[1])
    ended = time.monotonic()
    stop.set()
    thread.join()
    assert len(res) > 0 and res.ok
    assert ended - began > 0.4, "the listing should take a while with 0.25 s latency"
    during = [b for b in beats if began + 0.1 < b < ended - 0.1]
    # Beats come every ~2 ms when the thread can run; a held GIL would leave none.
    assert len(during) > (ended - began - 0.2) / 0.002 * 0.25


def test_two_threads_share_a_client(slow_sandbox: meetkit.Sandbox, window: Window) -> None:
    client = slow_sandbox.client()
    counts: List[int] = []

    def work(provider: str) -> None:
        counts.append(len(client.list_meetings(provider, start=window[0], end=window[1])))

    threads = [threading.Thread(target=work, args=(p,)) for p in ("daily", "telnyx")]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(counts) == sorted(len(slow_sandbox.truth(p, *window)) for p in ("daily", "telnyx"))
    assert time.monotonic() - began < 5


def test_ctrl_c_interrupts_a_listing(window: Window) -> None:
    with meetkit.Sandbox(seed=12, meetings=100, faults={"latency": 2.0}) as sb:
        client = sb.client()
        timer = threading.Timer(0.3, _thread.interrupt_main)
        began = time.monotonic()
        timer.start()
        try:
            with pytest.raises(KeyboardInterrupt):
                client.list_meetings("all", start=window[0], end=window[1])
        finally:
            timer.cancel()
        assert time.monotonic() - began < 1.5


def test_ctrl_c_interrupts_a_batch_iterator(window: Window) -> None:
    with meetkit.Sandbox(seed=13, meetings=100, faults={"latency": 2.0}) as sb:
        batches = sb.client().iter_meetings("all", start=window[0], end=window[1])
        timer = threading.Timer(0.3, _thread.interrupt_main)
        began = time.monotonic()
        timer.start()
        try:
            with pytest.raises(KeyboardInterrupt):
                next(batches)
        finally:
            timer.cancel()
        assert time.monotonic() - began < 1.5


def test_progress_bar(client: meetkit.Client, window: Window, capsys: pytest.CaptureFixture[str]) -> None:
    res = client.list_meetings("all", start=window[0], end=window[1], progress=True)
    err = capsys.readouterr().err
    assert "meetkit" in err
    assert f"{len(res)}" in err
    batches = client.iter_meetings("daily", start=window[0], end=window[1], progress=True, batch_size=5)
    total = sum(len(b) for b in batches)
    assert f"{total}" in capsys.readouterr().err
