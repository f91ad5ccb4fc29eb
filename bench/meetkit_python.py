"""Scenario 2: the same listing through the meetkit pip package, into pandas, polars or batches.

Usage: meetkit_python.py --sink pandas|polars|batches --from T --to T --zoom-from T --now T
[--result FILE] (--zoom-from and --now are accepted for a uniform command line; meetkit knows
Zoom's limit and skips the older part with lenient=True, as the CLI run does with --lenient.)

- pandas: ``list_meetings(...).to_pandas()``, one DataFrame of the whole listing.
- polars: ``list_meetings(...).to_polars()``.
- batches: ``iter_meetings(..., batch_size=10_000)``, each batch ``.to_pandas()`` and dropped:
  the bounded-memory way to the same frames.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from collections import Counter
from typing import Dict

import meetkit

import plain_client as plain

BATCH_SIZE = 10_000


def main() -> None:
    args = plain.arguments(__doc__.splitlines()[0], sinks=("pandas", "polars", "batches"))
    # The DataFrame library is imported before the clock starts, as in a notebook where it
    # already is: `import pandas, pyarrow` alone takes ≈ 1 s on the bench machine, none of it
    # meetkit's. The process's own wall time (imports included) is reported as well.
    for module in ("polars",) if args.sink == "polars" else ("pandas", "pyarrow"):
        importlib.import_module(module)
    began = time.perf_counter()
    # Client-side rate limits off, as in the CLI's throughput run: the sandbox enforces none
    # here and the Python alternatives do not throttle either.
    unthrottled = {p: None for p in ("zoom", "daily", "telnyx", "attendee", "attention")}
    client = meetkit.Client.from_env(rate_limits=unthrottled)
    window = dict(start=args.start, end=args.end, lenient=True)
    counts: Dict[str, int] = Counter()
    batches = 0
    if args.sink == "batches":
        stream = client.iter_meetings("all", batch_size=BATCH_SIZE, **window)
        for batch in stream:
            frame = batch.to_pandas()
            counts.update(frame["provider"].value_counts().to_dict())
            batches += 1
        errors = len(stream.errors)
    else:
        listing = client.list_meetings("all", **window)
        if args.sink == "pandas":
            counts.update(listing.to_pandas()["provider"].value_counts().to_dict())
        else:
            counts.update(dict(listing.to_polars()["provider"].value_counts().iter_rows()))
        errors = len(listing.errors)
    elapsed = time.perf_counter() - began
    summary = {
        "meetings": sum(counts.values()),
        "per_provider": {str(k): int(v) for k, v in counts.items()},
        "seconds": elapsed,
        "errors": errors,
        "batches": batches,
    }
    if args.result:
        with open(args.result, "w") as f:
            json.dump(summary, f)
    print(json.dumps(summary), file=sys.stderr)


if __name__ == "__main__":
    main()
