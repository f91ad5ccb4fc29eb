//! Daily meeting sessions (`GET /meetings`), generated on demand.
//!
//! Rooms come from a pool (about one per 40 sessions) so the `room` filter has hits.
//! A session is ongoing when it started at or before `now` and would end after it; its
//! `duration` is then the time so far.

use serde::Serialize;

use super::{Dataset, Rec, ids, words};
use crate::Provider;

const P: Provider = Provider::Daily;

/// What ground truth needs of these records.
pub static RECORDS: super::Records = super::Records {
    provider: Provider::Daily,
    span_end: 0,
    native_id: |ds, rec| session_id(ds, rec.index),
    listable: super::always_listable,
    start_micros: super::whole_seconds,
    titled: false,
};

/// One meeting session in Daily's shape.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DailySession {
    /// Session id (the provider-native id).
    pub id: String,
    /// Room name.
    pub room: String,
    /// Start, unix seconds.
    pub start_time: i64,
    /// Seconds (so far, when ongoing).
    pub duration: i64,
    /// Participants are still in the room.
    pub ongoing: bool,
    /// Largest number of simultaneous participants.
    pub max_participants: i64,
    /// Attendees; omitted with `no_participants=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<Vec<DailyParticipant>>,
}

/// One participant of a Daily session.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DailyParticipant {
    /// App-provided user id, often null.
    pub user_id: Option<String>,
    /// Daily's participant id.
    pub participant_id: String,
    /// Display name, sometimes null.
    pub user_name: Option<String>,
    /// Join, unix seconds.
    pub join_time: i64,
    /// Seconds in the session.
    pub duration: i64,
}

/// Number of rooms in the pool.
pub fn room_pool(ds: &Dataset) -> u64 {
    (ds.base_len() / 40).max(8)
}

/// The name of pooled room `r`.
pub fn room_name(ds: &Dataset, r: u64) -> String {
    let mut d = ds.pool_draw(P, 1, r);
    format!(
        "{}-{}-{:04x}",
        d.pick(words::ROOM_WORDS),
        d.pick(words::ROOM_WORDS),
        d.below(0x10000)
    )
}

/// The pooled room of a record: cheap, used by the `room` filter.
pub fn room_member(ds: &Dataset, rec: Rec) -> u64 {
    ds.draw(P, rec.index, 1).below(room_pool(ds))
}

/// The room name of a record.
pub fn room_of(ds: &Dataset, rec: Rec) -> String {
    room_name(ds, room_member(ds, rec))
}

/// The pool members named `name` (names may repeat in a large pool).
pub fn rooms_named(ds: &Dataset, name: &str) -> Vec<u64> {
    (0..room_pool(ds))
        .filter(|r| room_name(ds, *r) == name)
        .collect()
}

fn planned_duration(ds: &Dataset, rec: Rec) -> i64 {
    let mut d = ds.draw(P, rec.index, 2);
    // Daily's timestamps are accurate to about 15 s.
    (d.range(2, 480) * 15).max(15)
}

/// True when participants are still in the room at `now`.
pub fn ongoing(ds: &Dataset, rec: Rec) -> bool {
    let now = ds.now_secs();
    rec.start <= now && rec.start + planned_duration(ds, rec) > now
}

/// The session id of a record.
pub fn session_id(ds: &Dataset, index: u64) -> String {
    ids::record_uuid(ds.key(P), index)
}

/// The record index a session id names, if it names one.
pub fn session_index(ds: &Dataset, id: &str) -> Option<u64> {
    ids::record_index(ds.key(P), id)
}

/// Builds record `rec`.
pub fn session(ds: &Dataset, rec: Rec) -> DailySession {
    let is_ongoing = ongoing(ds, rec);
    let duration = if is_ongoing {
        ds.now_secs() - rec.start
    } else {
        planned_duration(ds, rec)
    };
    let mut d = ds.draw(P, rec.index, 3);
    let count = d.range(1, 8);
    let participants: Vec<DailyParticipant> = (0..count)
        .map(|_| {
            let join_offset = d.range(0, (duration / 4).min(300));
            let left = duration - join_offset;
            DailyParticipant {
                user_id: d
                    .chance(0.5)
                    .then(|| format!("user_{}", ids::alnum(&mut d, 10))),
                participant_id: ids::uuid_from(d.next_u64(), d.next_u64()),
                user_name: d.chance(0.85).then(|| words::full_name(&mut d)),
                join_time: rec.start + join_offset,
                duration: (left - d.range(0, left / 3)).max(10),
            }
        })
        .collect();
    DailySession {
        id: session_id(ds, rec.index),
        room: room_of(ds, rec),
        start_time: rec.start,
        duration,
        ongoing: is_ongoing,
        max_participants: count - d.range(0, count / 3),
        participants: Some(participants),
    }
}
