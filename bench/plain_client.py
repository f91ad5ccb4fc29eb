"""What a user writes today: list every meeting of the five providers with httpx + json.

Written the way the providers' docs (specs/seeds) suggest, one provider after another, one page
after another: Zoom account-wide, as every Zoom connector lists it (provider-facts.md): its
active and inactive users from `GET /users`, then each user's report in month-sized date
ranges of the last six months following `next_page_token`; Daily newest first with
`starting_after=<last id>`; Telnyx by `page[number]` up to `meta.total_pages`; Attendee
following the `next` URL; Attention in 90-day ranges following `nextCursor` (past and upcoming
halves). Each record is normalized to the same fields meetkit's `Meeting` has, deduplicated
by id, filtered to the exact window, and written as one JSON line.

Reads the same environment as meetkit (`<PROVIDER>_BASE_URL`, keys, Zoom OAuth credentials).
Usage: plain_client.py --from T --to T --zoom-from T [--out FILE] [--result FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, TextIO, Tuple
from urllib.parse import quote

import httpx

Meeting = Dict[str, Any]
Record = Dict[str, Any]


def parse_time(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def iso(value: Optional[datetime]) -> Optional[str]:
    return value.isoformat().replace("+00:00", "Z") if value else None


def chunks(start: datetime, end: datetime, days: int) -> Iterator[Tuple[datetime, datetime]]:
    while start < end:
        stop = min(start + timedelta(days=days), end)
        yield start, stop
        start = stop


def meeting(provider: str, record_id: str, start: datetime, **fields: Any) -> Meeting:
    out: Meeting = {
        "provider": provider,
        "id": record_id,
        "title": None,
        "start": start,
        "end": None,
        "duration_seconds": None,
        "status": "unknown",
        "status_raw": None,
        "host": None,
        "participants": [],
        "participant_count": None,
        "recording": None,
        "meeting_url": None,
        "room": None,
        "extension": {},
    }
    out.update(fields)
    return out


def cursor_pages(
    http: httpx.Client, url: str, params: Dict[str, Any], headers: Dict[str, str], items: str, cursor: str, cursor_param: str
) -> Iterator[Record]:
    """The records under `items` of each page, following the page's `cursor` (sent back as
    `cursor_param`) until it is empty or missing."""
    params = dict(params)
    while True:
        response = http.get(url, params=params, headers=headers)
        response.raise_for_status()
        page = response.json()
        yield from page[items]
        token = page.get(cursor)
        if not token:
            return
        params[cursor_param] = token


# --- Zoom -------------------------------------------------------------------------------------


def zoom_token(http: httpx.Client) -> str:
    token = os.environ.get("ZOOM_ACCESS_TOKEN")
    if token:
        return token
    response = http.post(
        os.environ["ZOOM_OAUTH_URL"],
        params={"grant_type": "account_credentials", "account_id": os.environ["ZOOM_ACCOUNT_ID"]},
        auth=(os.environ["ZOOM_CLIENT_ID"], os.environ["ZOOM_CLIENT_SECRET"]),
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def zoom_ranges(start: datetime, end: datetime) -> Iterator[Dict[str, Any]]:
    """Zoom's `from`/`to` are whole dates at most a month apart."""
    for lo, hi in chunks(start, end, 30):
        yield {"from": lo.date().isoformat(), "to": (hi - timedelta(seconds=1)).date().isoformat(), "page_size": 300, "type": "past"}


def zoom_users(http: httpx.Client, base: str, headers: Dict[str, str]) -> List[str]:
    """The ids of the account's active and inactive users (pending ones host nothing)."""
    return [
        user["id"]
        for status in ("active", "inactive")
        for user in cursor_pages(
            http, f"{base}/users", {"status": status, "page_size": 300}, headers, "users", "next_page_token", "next_page_token"
        )
    ]


def zoom_records(http: httpx.Client, start: datetime, end: datetime) -> Iterator[Record]:
    base = os.environ["ZOOM_BASE_URL"]
    headers = {"Authorization": f"Bearer {zoom_token(http)}"}
    for user in zoom_users(http, base, headers):
        path = f"{base}/report/users/{quote(user, safe='')}/meetings"
        for params in zoom_ranges(start, end):
            yield from cursor_pages(http, path, params, headers, "meetings", "next_page_token", "next_page_token")


def zoom_meeting(m: Record) -> Optional[Meeting]:
    start = parse_time(m.get("start_time"))
    if start is None:
        return None
    duration = m.get("duration")
    return meeting(
        "zoom",
        m.get("uuid") or str(m["id"]),
        start,
        title=m.get("topic"),
        end=parse_time(m.get("end_time")),
        duration_seconds=duration * 60 if duration is not None else None,
        status="ended",
        host={"id": None, "name": m.get("user_name") or m.get("host_name"), "email": m.get("user_email")},
        participant_count=m.get("participants_count"),
        extension={
            "meeting_number": m.get("id"),
            "meeting_type": m.get("type"),
            "total_minutes": m.get("total_minutes"),
            "participants_count_my_account": m.get("participants_count_my_account"),
            "session_key": m.get("session_key"),
            "source": m.get("source"),
            "custom_keys": m.get("custom_keys") or [],
            "schedule_time": m.get("schedule_time"),
            "join_time": m.get("join_time"),
            "leave_time": m.get("leave_time"),
            "host_organization": m.get("host_organization"),
            "has_screen_share": m.get("has_screen_share"),
            "has_recording": m.get("has_recording"),
            "has_chat": m.get("has_chat"),
            "meeting_encryption_status": m.get("meeting_encryption_status"),
        },
    )


# --- Daily ------------------------------------------------------------------------------------


def daily_params(start: datetime, end: datetime) -> Dict[str, Any]:
    return {"timeframe_start": int(start.timestamp()), "timeframe_end": int(end.timestamp()), "limit": 100}


def daily_records(http: httpx.Client, start: datetime, end: datetime) -> Iterator[Record]:
    base = os.environ["DAILY_BASE_URL"]
    headers = {"Authorization": f"Bearer {os.environ['DAILY_API_KEY']}"}
    params = daily_params(start, end)
    while True:
        response = http.get(f"{base}/meetings", params=params, headers=headers)
        response.raise_for_status()
        sessions = response.json()["data"]
        yield from sessions
        if len(sessions) < params["limit"]:
            break
        params["starting_after"] = sessions[-1]["id"]


def unix(seconds: Optional[int]) -> Optional[datetime]:
    return datetime.fromtimestamp(seconds, tz=timezone.utc) if seconds is not None else None


def daily_meeting(s: Record) -> Optional[Meeting]:
    start = unix(s.get("start_time"))
    if start is None:
        return None
    duration = s.get("duration")
    participants = [
        {
            "id": p.get("participant_id"),
            "user_id": p.get("user_id"),
            "name": p.get("user_name"),
            "email": None,
            "join_time": iso(unix(p.get("join_time"))),
            "duration_seconds": p.get("duration"),
            "status": None,
        }
        for p in s.get("participants") or []
    ]
    ongoing = s.get("ongoing")
    return meeting(
        "daily",
        s["id"],
        start,
        title=s.get("room"),
        end=start + timedelta(seconds=duration) if duration is not None else None,
        duration_seconds=duration,
        status="in_progress" if ongoing else "ended",
        status_raw=None if ongoing is None else ("ongoing" if ongoing else "ended"),
        participants=participants,
        participant_count=len(participants),
        room=s.get("room"),
        extension={"ongoing": ongoing, "max_participants": s.get("max_participants")},
    )


# --- Telnyx -----------------------------------------------------------------------------------


def telnyx_params(start: datetime, end: datetime) -> Dict[str, Any]:
    return {
        "filter[date_started_at][gte]": start.date().isoformat(),
        "filter[date_started_at][lte]": end.date().isoformat(),
        "page[size]": 250,
    }


def telnyx_records(http: httpx.Client, start: datetime, end: datetime) -> Iterator[Record]:
    base = os.environ["TELNYX_BASE_URL"]
    headers = {"Authorization": f"Bearer {os.environ['TELNYX_API_KEY']}"}
    params = telnyx_params(start, end)
    number = 1
    while True:
        params["page[number]"] = number
        response = http.get(f"{base}/room_recordings", params=params, headers=headers)
        response.raise_for_status()
        page = response.json()
        yield from page["data"]
        if number >= page["meta"]["total_pages"]:
            break
        number += 1


def telnyx_meeting(r: Record) -> Optional[Meeting]:
    started = parse_time(r.get("started_at"))
    if started is None:
        return None
    status = r.get("status")
    size_mb = r.get("size_mb")
    return meeting(
        "telnyx",
        r["id"],
        # The window applies to the whole second, like meetkit's.
        started,
        end=parse_time(r.get("ended_at")),
        duration_seconds=r.get("duration_secs"),
        status={"completed": "ended", "processing": "processing"}.get(status, "unknown"),
        status_raw=status,
        recording={
            "id": r["id"],
            "status": status,
            "url": r.get("download_url") or None,
            "duration_seconds": r.get("duration_secs"),
            "size_bytes": round(size_mb * 1_000_000) if size_mb is not None else None,
            "codec": r.get("codec"),
            "kind": r.get("type"),
        },
        room=r.get("room_id"),
        extension={
            "session_id": r.get("session_id"),
            "participant_id": r.get("participant_id"),
            "size_mb": size_mb,
            "record_type": r.get("record_type"),
            "created_at": r.get("created_at"),
            "updated_at": r.get("updated_at"),
            "completed_at": r.get("completed_at"),
        },
    )


# --- Attendee ---------------------------------------------------------------------------------

ATTENDEE_STATUS = {
    **dict.fromkeys(["scheduled", "staged", "ready"], "scheduled"),
    **dict.fromkeys(
        ["joining", "joined_not_recording", "joined_recording", "joined_recording_paused",
         "joined_recording_permission_denied", "joining_breakout_room", "leaving_breakout_room",
         "waiting_room", "leaving"],
        "in_progress",
    ),
    "post_processing": "processing",
    "ended": "ended",
    "data_deleted": "ended",
    "fatal_error": "failed",
}


def attendee_params(start: datetime, end: datetime) -> Dict[str, Any]:
    # join_at_after/before are strict.
    return {"join_at_after": iso(start - timedelta(seconds=1)), "join_at_before": iso(end)}


def attendee_records(http: httpx.Client, start: datetime, end: datetime) -> Iterator[Record]:
    base = os.environ["ATTENDEE_BASE_URL"]
    headers = {"Authorization": f"Token {os.environ['ATTENDEE_API_KEY']}", "Content-Type": "application/json"}
    url: Optional[str] = f"{base}/api/v1/bots"
    params: Optional[Dict[str, Any]] = attendee_params(start, end)
    while url:
        response = http.get(url, params=params, headers=headers)
        response.raise_for_status()
        page = response.json()
        yield from page["results"]
        url, params = page.get("next"), None


def attendee_meeting(b: Record) -> Optional[Meeting]:
    join_at = parse_time(b.get("join_at"))
    if join_at is None:
        return None
    state = b.get("state")
    return meeting(
        "attendee",
        b["id"],
        join_at,
        status=ATTENDEE_STATUS.get(state, "unknown"),
        status_raw=state,
        recording={"status": b.get("recording_state")} if b.get("recording_state") else None,
        meeting_url=b.get("meeting_url"),
        extension={
            "state": state,
            "transcription_state": b.get("transcription_state"),
            "recording_state": b.get("recording_state"),
            "deduplication_key": b.get("deduplication_key"),
            "metadata": b.get("metadata"),
            "events": [
                {"kind": e.get("type"), "sub_type": e.get("sub_type"), "created_at": e.get("created_at")}
                for e in b.get("events") or []
            ],
        },
    )


# --- Attention --------------------------------------------------------------------------------

ATTENTION_STATUS = {
    "recorded": "ended",
    "empty_recording": "ended",
    "scheduled_future": "scheduled",
    **dict.fromkeys(
        ["calendar_event_cancelled", "event_not_accepted", "user_override",
         "not_join_internal_team_meetings", "external_meetings_disabled", "blacklisted_attendees",
         "not_join_when_alone", "bot_disabled", "no_meeting_link", "bot_not_scheduled"],
        "cancelled",
    ),
    **dict.fromkeys(["technical_error", "bot_removed", "waiting_room"], "failed"),
}


def attention_ranges(start: datetime, end: datetime, now: datetime) -> Iterator[Dict[str, Any]]:
    """At most 90 days a request (both ends inclusive); past and upcoming are separate listings."""
    for lo, hi in chunks(start, end, 89):
        for upcoming, wanted in (("false", lo <= now), ("true", hi > now)):
            if wanted:
                yield {"fromDateTime": iso(lo), "toDateTime": iso(hi), "size": 200, "upcoming": upcoming}


def attention_records(http: httpx.Client, start: datetime, end: datetime, now: datetime) -> Iterator[Record]:
    base = os.environ["ATTENTION_BASE_URL"]
    headers = {"Authorization": os.environ["ATTENTION_API_KEY"]}
    for params in attention_ranges(start, end, now):
        yield from cursor_pages(http, f"{base}/recorder_metrics/all_meetings", params, headers, "items", "nextCursor", "cursor")


def attention_meeting(m: Record) -> Optional[Meeting]:
    date = parse_time(m.get("date"))
    if date is None:
        return None
    people = m.get("participants")
    participants = [
        {
            "id": None,
            "user_id": p.get("userUuid"),
            "name": p.get("userName"),
            "email": None,
            "join_time": None,
            "duration_seconds": None,
            "status": p.get("status"),
        }
        for p in people or []
    ]
    status = m.get("status")
    has_host = m.get("userUuid") is not None or m.get("userName") is not None
    return meeting(
        "attention",
        m["uuid"],
        date,
        title=m.get("summary"),
        status=ATTENTION_STATUS.get(status, "unknown"),
        status_raw=status,
        host={"id": m.get("userUuid"), "name": m.get("userName"), "email": None} if has_host else None,
        participants=participants,
        participant_count=len(people) if people is not None else None,
        recording={"id": m["conversationUuid"], "status": status} if m.get("conversationUuid") else None,
        extension={
            "status_label": m.get("statusLabel"),
            "conversation_uuid": m.get("conversationUuid"),
            "consent_link_used": m.get("consentLinkUsed"),
            "consent_status": m.get("consentStatus"),
        },
    )


NORMALIZE: Dict[str, Callable[[Record], Optional[Meeting]]] = {
    "zoom": zoom_meeting,
    "daily": daily_meeting,
    "telnyx": telnyx_meeting,
    "attendee": attendee_meeting,
    "attention": attention_meeting,
}


# --- The run ----------------------------------------------------------------------------------


class Window:
    """The benchmark window, as the xtask passes it."""

    def __init__(self, args: argparse.Namespace) -> None:
        start, end = parse_time(args.start), parse_time(args.end)
        now, zoom_from = parse_time(args.now), parse_time(args.zoom_from)
        if not (start and end and now and zoom_from):
            raise SystemExit("--from, --to, --now and --zoom-from are required")
        self.start, self.end, self.now = start, end, now
        self.zoom_start = max(start, zoom_from)


def arguments(description: str, sinks: Sequence[str] = ()) -> argparse.Namespace:
    """The bench scripts' common command line; ``sinks`` adds a required ``--sink`` choice."""
    parser = argparse.ArgumentParser(description=description)
    if sinks:
        parser.add_argument("--sink", choices=sinks, required=True)
    parser.add_argument("--from", dest="start", required=True)
    parser.add_argument("--to", dest="end", required=True)
    parser.add_argument("--zoom-from", required=True, help="start of Zoom's six servable months")
    parser.add_argument("--now", required=True)
    parser.add_argument("--out", default=os.devnull)
    parser.add_argument("--result")
    return parser.parse_args()


def write_all(sources: List[Tuple[str, Iterator[Record]]], window: Window, out: TextIO) -> Dict[str, int]:
    """Normalizes, deduplicates by id, keeps the exact window, writes NDJSON."""
    counts: Dict[str, int] = {}
    for provider, records in sources:
        normalize = NORMALIZE[provider]
        seen = set()
        for record in records:
            m = normalize(record)
            if m is None or m["id"] in seen or not (window.start <= m["start"] < window.end):
                continue
            seen.add(m["id"])
            m["start"] = iso(m["start"])
            m["end"] = iso(m["end"])
            out.write(json.dumps(m))
            out.write("\n")
        counts[provider] = len(seen)
    return counts


def report(counts: Dict[str, int], began: float, result: Optional[str]) -> None:
    elapsed = time.perf_counter() - began
    summary = {"meetings": sum(counts.values()), "per_provider": counts, "seconds": elapsed}
    if result:
        with open(result, "w") as f:
            json.dump(summary, f)
    print(json.dumps(summary), file=sys.stderr)


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    window = Window(args)
    began = time.perf_counter()
    with httpx.Client(timeout=60) as http, open(args.out, "w") as out:
        sources = [
            ("zoom", zoom_records(http, window.zoom_start, window.end)),
            ("daily", daily_records(http, window.start, window.end)),
            ("telnyx", telnyx_records(http, window.start, window.end)),
            ("attendee", attendee_records(http, window.start, window.end)),
            ("attention", attention_records(http, window.start, window.end, window.now)),
        ]
        counts = write_all(sources, window, out)
    report(counts, began, args.result)


if __name__ == "__main__":
    main()
