"""What a dlt user writes today: dlt's `RESTClient.paginate` over the five providers.

Built-in paginators where one fits: Zoom (its users, then each user's report, as
plain_client.py lists it) and Attention `JSONResponseCursorPaginator`
(`next_page_token`, `nextCursor`), Telnyx `PageNumberPaginator` (`page[number]` up to
`meta.total_pages`), Attendee `JSONLinkPaginator` (`next`). Daily's keyset cursor (the last
record's id as `starting_after`) has no built-in paginator, so it gets the small custom one a dlt
user would write. Windows, normalization, deduplication and output are plain_client.py's, so both
Python alternatives do the same work and differ only in how pages are fetched.

Usage: dlt_client.py --from T --to T --zoom-from T --now T [--out FILE] [--result FILE]
"""

from __future__ import annotations

import os
import time
from typing import Any, Iterator, List, Optional
from urllib.parse import quote

from dlt.sources.helpers.rest_client import RESTClient
from dlt.sources.helpers.rest_client.auth import BearerTokenAuth
from dlt.sources.helpers.rest_client.paginators import (
    BasePaginator,
    JSONLinkPaginator,
    JSONResponseCursorPaginator,
    PageNumberPaginator,
)
from requests import Request, Response

import plain_client as plain


class DailyPaginator(BasePaginator):
    """Daily pages newest first; the next page starts after the last session's id."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.last_id: Optional[str] = None

    def update_state(self, response: Response, data: Optional[List[Any]] = None) -> None:
        if not data or len(data) < self.limit:
            self._has_next_page = False
        else:
            self.last_id = data[-1]["id"]

    def update_request(self, request: Request) -> None:
        request.params["starting_after"] = self.last_id


def zoom_records(window: plain.Window, token: str) -> Iterator[plain.Record]:
    """Account-wide: the active and inactive users, then each user's report."""
    client = RESTClient(base_url=os.environ["ZOOM_BASE_URL"], auth=BearerTokenAuth(token))
    users: List[str] = []
    for status in ("active", "inactive"):
        paginator = JSONResponseCursorPaginator(cursor_path="next_page_token", cursor_param="next_page_token")
        params = {"status": status, "page_size": 300}
        for page in client.paginate("/users", params=params, paginator=paginator, data_selector="users"):
            users.extend(user["id"] for user in page)
    for user in users:
        path = f"/report/users/{quote(user, safe='')}/meetings"
        for params in plain.zoom_ranges(window.zoom_start, window.end):
            paginator = JSONResponseCursorPaginator(cursor_path="next_page_token", cursor_param="next_page_token")
            for page in client.paginate(path, params=params, paginator=paginator, data_selector="meetings"):
                yield from page


def daily_records(window: plain.Window) -> Iterator[plain.Record]:
    client = RESTClient(base_url=os.environ["DAILY_BASE_URL"], auth=BearerTokenAuth(os.environ["DAILY_API_KEY"]))
    params = plain.daily_params(window.start, window.end)
    paginator = DailyPaginator(params["limit"])
    for page in client.paginate("/meetings", params=params, paginator=paginator, data_selector="data"):
        yield from page


def telnyx_records(window: plain.Window) -> Iterator[plain.Record]:
    client = RESTClient(base_url=os.environ["TELNYX_BASE_URL"], auth=BearerTokenAuth(os.environ["TELNYX_API_KEY"]))
    paginator = PageNumberPaginator(base_page=1, page_param="page[number]", total_path="meta.total_pages")
    params = plain.telnyx_params(window.start, window.end)
    for page in client.paginate("/room_recordings", params=params, paginator=paginator, data_selector="data"):
        yield from page


def attendee_records(window: plain.Window) -> Iterator[plain.Record]:
    headers = {"Authorization": f"Token {os.environ['ATTENDEE_API_KEY']}", "Content-Type": "application/json"}
    client = RESTClient(base_url=os.environ["ATTENDEE_BASE_URL"], headers=headers)
    params = plain.attendee_params(window.start, window.end)
    paginator = JSONLinkPaginator(next_url_path="next")
    for page in client.paginate("/api/v1/bots", params=params, paginator=paginator, data_selector="results"):
        yield from page


def attention_records(window: plain.Window) -> Iterator[plain.Record]:
    headers = {"Authorization": os.environ["ATTENTION_API_KEY"]}
    client = RESTClient(base_url=os.environ["ATTENTION_BASE_URL"], headers=headers)
    for params in plain.attention_ranges(window.start, window.end, window.now):
        paginator = JSONResponseCursorPaginator(cursor_path="nextCursor", cursor_param="cursor")
        path = "/recorder_metrics/all_meetings"
        for page in client.paginate(path, params=params, paginator=paginator, data_selector="items"):
            yield from page


def main() -> None:
    args = plain.arguments(__doc__.splitlines()[0])
    window = plain.Window(args)
    began = time.perf_counter()
    import httpx  # only for the one OAuth call, as plain_client makes it

    with httpx.Client(timeout=60) as http:
        token = plain.zoom_token(http)
    with open(args.out, "w") as out:
        sources = [
            ("zoom", zoom_records(window, token)),
            ("daily", daily_records(window)),
            ("telnyx", telnyx_records(window)),
            ("attendee", attendee_records(window)),
            ("attention", attention_records(window)),
        ]
        counts = plain.write_all(sources, window, out)
    plain.report(counts, began, args.result)


if __name__ == "__main__":
    main()
