//! Attendee bots and app sessions (`GET /api/v1/bots`), generated on demand.
//!
//! Creation order is index order (inserted bots come last). `join_at` is the record's
//! start, except that about 8% of base bots have a null `join_at` (bots told to join at
//! once); those fall in no window. State follows `join_at` relative to `now`.
//!
//! About 6% of the records that started by `now` are app sessions (sessions of Attendee's
//! meeting app, ids `app_…`): they always have a `join_at`, and while live they are
//! `connecting`, `connected` or `disconnecting` (states bots never take).

use serde::Serialize;
use serde_json::{Map, Value};

use super::hash::Draw;
use super::{Dataset, Rec, ids, iso};
use crate::Provider;

const P: Provider = Provider::Attendee;

/// What ground truth needs of these records.
pub static RECORDS: super::Records = super::Records {
    provider: Provider::Attendee,
    span_end: 30 * super::DAY,
    native_id: bot_id,
    listable: |ds, rec| join_at(ds, rec).is_some(),
    start_micros: super::whole_seconds,
    titled: false,
};

/// Every state the server knows: the seed's list plus `connecting`, `connected`, `disconnecting`.
pub const STATES: &[&str] = &[
    "ready",
    "joining",
    "joined_not_recording",
    "joined_recording",
    "leaving",
    "post_processing",
    "fatal_error",
    "waiting_room",
    "ended",
    "data_deleted",
    "scheduled",
    "staged",
    "joined_recording_paused",
    "joining_breakout_room",
    "leaving_breakout_room",
    "joined_recording_permission_denied",
    "connecting",
    "connected",
    "disconnecting",
];

/// One bot in Attendee's shape.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Bot {
    /// `bot_` + 16 alphanumerics (the provider-native id).
    pub id: String,
    /// Meeting URL.
    pub meeting_url: String,
    /// Current state.
    pub state: String,
    /// What happened so far.
    pub events: Vec<BotEvent>,
    /// Transcription state; sometimes null.
    pub transcription_state: Option<String>,
    /// Recording state; sometimes null.
    pub recording_state: Option<String>,
    /// When the bot joins; null for bots told to join at once.
    pub join_at: Option<String>,
    /// Deduplication key; usually null.
    pub deduplication_key: Option<String>,
    /// Custom metadata; often null.
    pub metadata: Option<Map<String, Value>>,
}

/// One event of a bot.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BotEvent {
    /// Event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Sub-type: absent, null or a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<Option<String>>,
    /// When it happened.
    pub created_at: String,
}

/// True when record `rec` is an app session rather than a bot: cheap, used by ids and states.
pub fn is_app_session(ds: &Dataset, rec: Rec) -> bool {
    rec.start <= ds.now_secs() && ds.draw(P, rec.index, 7).chance(0.06)
}

/// The record's `join_at` second, `None` when null: cheap, used by filters and the truth.
pub fn join_at(ds: &Dataset, rec: Rec) -> Option<i64> {
    let null = rec.index < ds.base_len()
        && ds.draw(P, rec.index, 1).chance(0.08)
        && !is_app_session(ds, rec);
    (!null).then_some(rec.start)
}

/// Number of distinct meeting URLs.
pub fn url_pool(ds: &Dataset) -> u64 {
    (ds.base_len() / 8).max(10)
}

/// Pooled meeting URL `u`.
pub fn meeting_url_of(ds: &Dataset, u: u64) -> String {
    let mut d = ds.pool_draw(P, 1, u);
    match d.below(3) {
        0 => format!(
            "https://zoom.us/j/{}?pwd={}",
            d.range(80_000_000_000, 99_999_999_999),
            ids::alnum(&mut d, 12)
        ),
        1 => {
            let mut letters =
                |n| -> String { (0..n).map(|_| (b'a' + d.below(26) as u8) as char).collect() };
            let (a, b, c) = (letters(3), letters(4), letters(3));
            format!("https://meet.google.com/{a}-{b}-{c}")
        }
        _ => format!(
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{}%40thread.v2/0",
            ids::alnum(&mut d, 24)
        ),
    }
}

/// The pooled meeting URL of a bot: cheap, used by the `meeting_url` filter.
pub fn url_member(ds: &Dataset, rec: Rec) -> u64 {
    ds.draw(P, rec.index, 2).below(url_pool(ds))
}

/// The bot's meeting URL.
pub fn meeting_url(ds: &Dataset, rec: Rec) -> String {
    meeting_url_of(ds, url_member(ds, rec))
}

/// The pool members whose URL is `url`.
pub fn urls_equal_to(ds: &Dataset, url: &str) -> Vec<u64> {
    (0..url_pool(ds))
        .filter(|u| meeting_url_of(ds, *u) == url)
        .collect()
}

/// The bot's deduplication key: cheap, used by its filter.
pub fn deduplication_key(ds: &Dataset, rec: Rec) -> Option<String> {
    let mut d = ds.draw(P, rec.index, 3);
    // Keys repeat a little: a client resubmitting the same bot after it ended.
    d.chance(0.35)
        .then(|| format!("dedup-{:06x}", d.below((ds.base_len() / 2).max(4) * 7 + 11)))
}

/// The record's state: cheap, used by the `states` filter.
pub fn state(ds: &Dataset, rec: Rec) -> &'static str {
    let mut d = ds.draw(P, rec.index, 4);
    let now = ds.now_secs();
    if is_app_session(ds, rec) {
        return match rec.start {
            t if t > now - 3600 => {
                d.pick_str(&["connecting", "connected", "connected", "disconnecting"])
            }
            t if t > now - 7200 => d.pick_str(&["post_processing", "ended"]),
            _ if d.chance(0.9) => "ended",
            _ => "fatal_error",
        };
    }
    match join_at(ds, rec) {
        None => d.pick_str(&["ready", "joining", "ended", "ended", "ended", "fatal_error"]),
        Some(t) if t > now + 600 => d.pick_str(&["scheduled", "scheduled", "scheduled", "staged"]),
        Some(t) if t > now => d.pick_str(&["staged", "ready", "joining"]),
        Some(t) if t > now - 3600 => d.pick_str(&[
            "joined_recording",
            "joined_not_recording",
            "waiting_room",
            "joined_recording_paused",
            "joining_breakout_room",
            "leaving_breakout_room",
            "joined_recording_permission_denied",
            "leaving",
        ]),
        Some(t) if t > now - 7200 => d.pick_str(&["post_processing", "ended", "ended"]),
        Some(_) => {
            if d.chance(0.85) {
                "ended"
            } else {
                d.pick_str(&["fatal_error", "data_deleted"])
            }
        }
    }
}

fn event(kind: &str, sub: Option<Option<&str>>, at: i64) -> BotEvent {
    BotEvent {
        kind: kind.into(),
        sub_type: sub.map(|s| s.map(str::to_string)),
        created_at: iso(at),
    }
}

fn events_for(state: &str, at: i64, now: i64, d: &mut Draw) -> Vec<BotEvent> {
    let first = if d.chance(0.5) { Some(None) } else { None };
    let mut out = Vec::new();
    // Nothing has happened yet to a bot that joins in the future.
    if matches!(state, "scheduled" | "staged") || at > now {
        return out;
    }
    out.push(event("join_requested", first, at));
    match state {
        "ready" | "joining" | "connecting" => {}
        "fatal_error" => out.push(event(
            "could_not_join",
            Some(Some("meeting_not_started")),
            at + 30,
        )),
        "waiting_room" => out.push(event("bot_put_in_waiting_room", Some(None), at + 4)),
        _ => {
            out.push(event("joined_meeting", Some(None), at + 4));
            if matches!(state, "post_processing" | "ended" | "data_deleted") {
                out.push(event("meeting_ended", Some(None), at + 1800));
                out.push(event("post_processing_completed", Some(None), at + 1900));
            }
            if state == "data_deleted" {
                out.push(event("data_deleted", Some(None), at + 86_400));
            }
        }
    }
    // Same-format ISO timestamps order as strings: keep only what has happened by now.
    let now = iso(now);
    out.retain(|e| e.created_at <= now);
    out
}

/// The id of record `rec`: `bot_` or, for an app session, `app_` and 16 alphanumerics.
pub fn bot_id(ds: &Dataset, rec: Rec) -> String {
    let prefix = if is_app_session(ds, rec) {
        "app"
    } else {
        "bot"
    };
    format!("{prefix}_{}", ids::alnum(&mut ds.draw(P, rec.index, 6), 16))
}

/// Builds record `rec`.
pub fn bot(ds: &Dataset, rec: Rec) -> Bot {
    let mut d = ds.draw(P, rec.index, 5);
    let st = state(ds, rec);
    let join = join_at(ds, rec);
    // Bots without join_at were created to join at once, a few minutes before their slot.
    let events = events_for(st, join.unwrap_or(rec.start - 300), ds.now_secs(), &mut d);
    let media_state = |d: &mut Draw| -> Option<String> {
        let value = match st {
            "ended" | "data_deleted" => "complete",
            "post_processing" => "in_progress",
            "fatal_error" => "failed",
            "scheduled" | "staged" | "ready" | "joining" | "connecting" | "waiting_room" => {
                "not_started"
            }
            _ => "in_progress",
        };
        (!d.chance(0.1)).then(|| value.to_string())
    };
    let metadata = d.chance(0.5).then(|| {
        let mut m = Map::new();
        m.insert(
            "customer_id".into(),
            Value::String(format!("cus_{}", ids::alnum(&mut d, 8))),
        );
        if d.chance(0.5) {
            m.insert("source".into(), Value::String("calendar-sync".into()));
        }
        m
    });
    Bot {
        id: bot_id(ds, rec),
        meeting_url: meeting_url(ds, rec),
        state: st.into(),
        events,
        transcription_state: media_state(&mut d),
        recording_state: media_state(&mut d),
        join_at: join.map(iso),
        deduplication_key: deduplication_key(ds, rec),
        metadata,
    }
}
