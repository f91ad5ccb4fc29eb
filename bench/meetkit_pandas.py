"""Scenario 2: the same listing into a pandas DataFrame through the meetkit pip package.

Usage: meetkit_pandas.py --from T --to T --zoom-from T --now T [--result FILE]
(--zoom-from and --now are accepted for a uniform command line; meetkit knows Zoom's limit and
skips the older part with lenient=True, as the CLI run does with --lenient.)
"""

from __future__ import annotations

import json
import sys
import time

import meetkit

import plain_client as plain


def main() -> None:
    args = plain.arguments(__doc__.splitlines()[0])
    began = time.perf_counter()
    # Client-side rate limits off, as in the CLI's throughput run: the sandbox enforces none
    # here and the Python alternatives do not throttle either.
    unthrottled = {p: None for p in ("zoom", "daily", "telnyx", "attendee", "attention")}
    client = meetkit.Client.from_env(rate_limits=unthrottled)
    listing = client.list_meetings("all", start=args.start, end=args.end, lenient=True)
    frame = listing.to_pandas()
    elapsed = time.perf_counter() - began
    counts = {str(k): int(v) for k, v in frame["provider"].value_counts().items()}
    summary = {"meetings": len(frame), "per_provider": counts, "seconds": elapsed, "errors": len(listing.errors)}
    if args.result:
        with open(args.result, "w") as f:
            json.dump(summary, f)
    print(json.dumps(summary), file=sys.stderr)


if __name__ == "__main__":
    main()
