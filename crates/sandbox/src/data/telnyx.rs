//! Telnyx room recordings (`GET /room_recordings`), generated on demand.
//!
//! A recording is created when it starts (`created_at` = `started_at` + 250 ms), so
//! "created_at descending" is index order reversed. Rooms, sessions and participants come
//! from pools so that the id filters have hits; consecutive recordings share sessions.

use serde::Serialize;

use super::{Dataset, Rec, ids};
use crate::Provider;

const P: Provider = Provider::Telnyx;

/// What ground truth needs of these records.
pub static RECORDS: super::Records = super::Records {
    provider: Provider::Telnyx,
    // Recordings exist only for meetings that have happened.
    span_end: -3600,
    native_id: |ds, rec| super::ids::record_uuid(ds.key(P), rec.index),
    listable: super::always_listable,
    start_micros: |ds, rec| facts(ds, rec).micros,
    titled: false,
};

/// One room recording in Telnyx's shape.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoomRecording {
    /// Recording id (the provider-native id).
    pub id: String,
    /// Room.
    pub room_id: String,
    /// Room session.
    pub session_id: String,
    /// Recorded participant.
    pub participant_id: String,
    /// `completed` or `processing`.
    pub status: String,
    /// Download URL; empty while processing.
    pub download_url: String,
    /// `audio` or `video`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Seconds.
    pub duration_secs: i64,
    /// Megabytes.
    pub size_mb: f64,
    /// `opus`, `vp8` or `h264`.
    pub codec: String,
    /// Creation (250 ms after start).
    pub created_at: String,
    /// Last update.
    pub updated_at: String,
    /// Start (the normalized start).
    pub started_at: String,
    /// End.
    pub ended_at: String,
    /// When processing finished; null while processing.
    pub completed_at: Option<String>,
    /// Always `room_recording`.
    pub record_type: String,
}

/// Cheap filterable facts about a recording.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// Room pool member.
    pub room: u64,
    /// Session pool member.
    pub session: u64,
    /// Participant pool member.
    pub participant: u64,
    /// `audio` (false) or `video` (true).
    pub video: bool,
    /// Seconds.
    pub duration_secs: i64,
    /// End second.
    pub ended: i64,
    /// Still processing.
    pub processing: bool,
    /// Microseconds past the start second.
    pub micros: i64,
}

/// The cheap facts of a record.
pub fn facts(ds: &Dataset, rec: Rec) -> Facts {
    let mut d = ds.draw(P, rec.index, 1);
    let n = ds.base_len().max(1);
    let session = if rec.index < n {
        rec.index / 3
    } else {
        n + rec.index
    };
    let duration_secs = d.range(30, 7200);
    let ended = rec.start + duration_secs;
    Facts {
        room: ds.draw(P, session, 9).below((n / 50).max(4)),
        session,
        participant: d.below((n / 10).max(8)),
        video: d.chance(0.4),
        duration_secs,
        ended,
        processing: ended > ds.now_secs() - 600 || d.chance(0.03),
        micros: d.range(0, 749_999),
    }
}

fn pool_key(ds: &Dataset, pool: u64) -> u64 {
    super::hash::mix(ds.key(P), pool, 0x7001)
}

/// The UUID of a pool member (`pool` 1 rooms, 2 sessions, 3 participants). Reversible,
/// so an id filter resolves to its member without scanning the pool.
pub fn pool_uuid(ds: &Dataset, pool: u64, member: u64) -> String {
    ids::record_uuid(pool_key(ds, pool), member)
}

/// The pool member a UUID names, if it names one.
pub fn pool_member(ds: &Dataset, pool: u64, uuid: &str) -> Option<u64> {
    ids::record_index(pool_key(ds, pool), &uuid.to_ascii_lowercase())
}

fn micro_time(secs: i64, micros: i64) -> String {
    let whole = secs + micros.div_euclid(1_000_000);
    let mut s = String::with_capacity(27);
    super::push_iso_seconds(&mut s, whole);
    s.push('.');
    super::push_digits(&mut s, micros.rem_euclid(1_000_000) as u32, 6);
    s.push('Z');
    s
}

/// Builds record `rec`.
pub fn recording(ds: &Dataset, rec: Rec) -> RoomRecording {
    let f = facts(ds, rec);
    let mut d = ds.draw(P, rec.index, 2);
    let id = ids::record_uuid(ds.key(P), rec.index);
    let (kind, codec, mb_per_sec) = if f.video {
        ("video", *d.pick(&["vp8", "h264"]), 0.09)
    } else {
        ("audio", "opus", 0.0015)
    };
    let size_mb =
        ((f.duration_secs as f64 * mb_per_sec * (0.8 + d.unit() * 0.4)) * 100.0).round() / 100.0;
    let completed = (!f.processing).then(|| f.ended + d.range(5, 120));
    let ext = if f.video { "mp4" } else { "ogg" };
    RoomRecording {
        download_url: match completed {
            Some(_) => format!("https://sandbox.telnyx.example/recordings/{id}.{ext}"),
            None => String::new(),
        },
        id,
        room_id: pool_uuid(ds, 1, f.room),
        session_id: pool_uuid(ds, 2, f.session),
        participant_id: pool_uuid(ds, 3, f.participant),
        status: if f.processing {
            "processing"
        } else {
            "completed"
        }
        .into(),
        kind: kind.into(),
        duration_secs: f.duration_secs,
        size_mb,
        codec: codec.into(),
        created_at: micro_time(rec.start, f.micros + 250_000),
        updated_at: micro_time(completed.unwrap_or(f.ended), f.micros),
        started_at: micro_time(rec.start, f.micros),
        ended_at: micro_time(f.ended, f.micros),
        completed_at: completed.map(|c| micro_time(c, f.micros)),
        record_type: "room_recording".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::datetime;
    use super::*;

    #[test]
    fn micro_times_match_chrono() {
        for (secs, micros) in [
            (0, 0),
            (1_795_000_000, 5),
            (1_795_000_000, 999_999),
            (1_795_000_123, 1_500_000),
            (86_399, 123_456),
        ] {
            let whole = secs + micros / 1_000_000;
            let expected = format!(
                "{}.{:06}Z",
                datetime(whole).format("%Y-%m-%dT%H:%M:%S"),
                micros % 1_000_000
            );
            assert_eq!(micro_time(secs, micros), expected);
        }
    }
}
