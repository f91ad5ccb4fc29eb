"""The batch iterator and the asyncio API."""

from __future__ import annotations

import asyncio
from typing import List

import pytest

import meetkit
from conftest import Window


def test_batches_cover_the_listing(client: meetkit.Client, everything: meetkit.MeetingList, window: Window) -> None:
    batches = client.iter_meetings("all", start=window[0], end=window[1], batch_size=16)
    seen: List[str] = []
    sizes: List[int] = []
    for batch in batches:
        assert isinstance(batch, meetkit.MeetingList)
        sizes.append(len(batch))
        seen.extend(m["id"] for m in batch)
        starts = [m["start"] for m in batch]
        assert starts == sorted(starts)
        assert batch.to_arrow().num_rows == len(batch)
    assert batches.done and batches.errors == []
    assert all(0 < s <= 16 for s in sizes)
    assert all(s == 16 for s in sizes[:-1])
    assert len(sizes) == -(-len(everything) // 16)
    assert sorted(seen) == sorted(m["id"] for m in everything)


def test_one_provider_in_batches(sandbox: meetkit.Sandbox, client: meetkit.Client, window: Window) -> None:
    ids = [m["id"] for b in client.iter_meetings("zoom", start=window[0], end=window[1], batch_size=10_000) for m in b]
    assert sorted(ids) == sandbox.truth("zoom", *window)


def test_stopping_early_is_fine(client: meetkit.Client, window: Window) -> None:
    batches = client.iter_meetings("all", start=window[0], end=window[1], batch_size=3)
    first = next(batches)
    assert len(first) == 3
    del batches  # the background task stops when the iterator goes away


def test_batch_size_must_be_positive(client: meetkit.Client, window: Window) -> None:
    with pytest.raises(ValueError):
        client.iter_meetings("all", start=window[0], end=window[1], batch_size=0)


def test_iterator_gathers_provider_failures(sandbox: meetkit.Sandbox, window: Window) -> None:
    client = sandbox.client({"TELNYX_API_KEY": "not-the-key"})
    batches = client.iter_meetings("all", start=window[0], end=window[1], batch_size=50)
    providers = {m["provider"] for b in batches for m in b}
    assert "telnyx" not in providers and "daily" in providers
    assert {e.provider for e in batches.errors} == {"telnyx"}
    with pytest.raises(meetkit.AuthError):
        batches.raise_for_errors()


def test_alist_equals_the_blocking_listing(client: meetkit.Client, everything: meetkit.MeetingList, window: Window) -> None:
    res = asyncio.run(client.alist_meetings("all", start=window[0], end=window[1]))
    assert isinstance(res, meetkit.MeetingList)
    assert res.to_dicts() == everything.to_dicts()


def test_alist_runs_concurrently_and_leaves_the_loop_free(
    sandbox: meetkit.Sandbox, client: meetkit.Client, window: Window
) -> None:
    async def main() -> List[int]:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0)

        task = asyncio.ensure_future(ticker())
        results = await asyncio.gather(
            *(client.alist_meetings(p, start=window[0], end=window[1]) for p in meetkit.PROVIDERS)
        )
        task.cancel()
        assert ticks > 0
        return [len(r) for r in results]

    counts = asyncio.run(main())
    assert counts == [len(sandbox.truth(p, *window)) for p in meetkit.PROVIDERS]


def test_alist_raises_query_errors_at_once(client: meetkit.Client, window: Window) -> None:
    async def main() -> meetkit.MeetingList:
        return await client.alist_meetings("all", start=window[1], end=window[0])

    with pytest.raises(meetkit.QueryError):
        asyncio.run(main())
