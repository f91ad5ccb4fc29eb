//! Zoom report meetings (`GET /report/users/{userId}/meetings`), generated on demand.
//!
//! Every meeting was hosted by one of the account's users, and some also attended by a second
//! (see [`super::zoom_users`]); it shows its host's name and email in either user's report.
//! About 8% have a single participant: they exist, but the report never returns them.

use chrono::{Datelike, Timelike};
use serde::Serialize;

use super::hash::Draw;
use super::{Dataset, Rec, datetime, ids, iso, push_digits, words};
use crate::Provider;

const P: Provider = Provider::Zoom;

/// What ground truth needs of these records.
pub static RECORDS: super::Records = super::Records {
    provider: Provider::Zoom,
    // Reports exist only for meetings that have happened.
    span_end: -3 * 3600,
    native_id: |ds, rec| uuid(ds, rec.index),
    listable: reported,
    start_micros: super::whole_seconds,
    titled: true,
};

/// One meeting in Zoom's report shape.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ZoomMeeting {
    /// Meeting uuid (the provider-native id).
    pub uuid: String,
    /// Meeting number; exceeds 32 bits; shared by occurrences of recurring meetings.
    pub id: i64,
    /// Meeting type (1, 2, 4, 8 mostly; 3, 5, 6, 7, 9 sometimes).
    #[serde(rename = "type")]
    pub kind: i32,
    /// Topic.
    pub topic: String,
    /// Host's name.
    pub user_name: String,
    /// Host's email.
    pub user_email: String,
    /// Start, ISO 8601.
    pub start_time: String,
    /// End, ISO 8601.
    pub end_time: String,
    /// Minutes.
    pub duration: i64,
    /// Participant minutes.
    pub total_minutes: i64,
    /// Unique participants.
    pub participants_count: i64,
    /// Participants from the host's account.
    pub participants_count_my_account: i64,
    /// Always "Zoom" or "Web".
    pub source: String,
    /// Usually empty.
    pub session_key: String,
    /// Custom key/value tags.
    pub custom_keys: Vec<CustomKey>,
    /// Scheduled time, not reliably ISO 8601; absent for instant meetings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule_time: Option<String>,
    /// When the host entered the waiting room, sometimes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_waiting_room_time: Option<String>,
    /// When the user joined, not reliably ISO 8601.
    pub join_time: String,
    /// When the user left, not reliably ISO 8601.
    pub leave_time: String,
    /// Host organisation.
    pub host_organization: String,
    /// Host name.
    pub host_name: String,
    /// Someone shared a screen.
    pub has_screen_share: bool,
    /// The meeting was recorded.
    pub has_recording: bool,
    /// Chat was used.
    pub has_chat: bool,
    /// 1 enhanced, 2 end-to-end.
    pub meeting_encryption_status: i32,
}

/// A custom key on a Zoom meeting.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CustomKey {
    /// Key.
    pub key: String,
    /// Value.
    pub value: String,
}

/// Unique participants of a record: cheap, used by filters and the truth.
pub fn participants_count(ds: &Dataset, rec: Rec) -> i64 {
    let mut d = ds.draw(P, rec.index, 1);
    if d.chance(0.08) { 1 } else { d.range(2, 14) }
}

/// True when the report shows this record (two or more unique participants).
pub fn reported(ds: &Dataset, rec: Rec) -> bool {
    participants_count(ds, rec) >= 2
}

fn zoom_time_string(secs: i64, d: &mut Draw) -> String {
    // Zoom's own output mixes formats; clients must keep these as strings.
    if d.chance(0.5) {
        iso(secs)
    } else {
        let t = datetime(secs);
        let mut s = String::with_capacity(16);
        push_digits(&mut s, t.month(), 2);
        s.push('/');
        push_digits(&mut s, t.day(), 2);
        s.push('/');
        push_digits(&mut s, t.year().clamp(0, 9999).unsigned_abs(), 4);
        s.push(' ');
        push_digits(&mut s, t.hour(), 2);
        s.push(':');
        push_digits(&mut s, t.minute(), 2);
        s
    }
}

/// The uuid of record `index`.
pub fn uuid(ds: &Dataset, index: u64) -> String {
    ids::zoom_uuid(&mut ds.draw(P, index, 3))
}

/// Builds record `rec`.
pub fn meeting(ds: &Dataset, rec: Rec) -> ZoomMeeting {
    let mut d = ds.draw(P, rec.index, 2);
    let kind = if d.chance(0.85) {
        *d.pick(&[1, 2, 2, 2, 4, 8, 8])
    } else {
        *d.pick(&[3, 5, 6, 7, 9])
    };
    let id = if matches!(kind, 3 | 8) {
        // Occurrences of a recurring meeting share its number.
        let series = d.below((ds.base_len() / 25).max(1));
        80_000_000_000 + (ds.pool_draw(P, 1, series).below(19_999_999_999)) as i64
    } else {
        80_000_000_000 + d.below(19_999_999_999) as i64
    };
    let uuid = uuid(ds, rec.index);
    let minutes = *d.pick(&[5, 10, 15, 25, 30, 30, 30, 45, 50, 60, 60, 90, 120]) + d.range(-2, 4);
    let minutes = minutes.max(1);
    let end = rec.start + minutes * 60 + d.range(0, 59);
    let participants = participants_count(ds, rec);
    let total_minutes = (minutes * participants * d.range(60, 100)) / 100;
    let custom_keys = if d.chance(0.2) {
        vec![CustomKey {
            key: "project".into(),
            value: words::topic(&mut d),
        }]
    } else {
        Vec::new()
    };
    let schedule_time = (kind != 1).then(|| zoom_time_string(rec.start - d.range(0, 300), &mut d));
    let join_waiting_room_time = d
        .chance(0.15)
        .then(|| zoom_time_string(rec.start - 60, &mut d));
    // Drawn even when retitled, so the fields drawn after it stay the same.
    let topic = words::topic(&mut d);
    let (host, _) = super::zoom_users::attendees(ds, rec);
    let users = ds.zoom_users();
    let host_name = users.display_name(host).to_owned();
    ZoomMeeting {
        uuid,
        id,
        kind,
        topic: ds.retitled(P, rec.index).unwrap_or(topic),
        user_name: host_name.clone(),
        user_email: users.email(host).to_owned(),
        start_time: iso(rec.start),
        end_time: iso(end),
        duration: minutes,
        total_minutes,
        participants_count: participants,
        participants_count_my_account: d.range(1, participants),
        source: if d.chance(0.8) { "Zoom" } else { "Web" }.into(),
        session_key: String::new(),
        custom_keys,
        schedule_time,
        join_waiting_room_time,
        join_time: zoom_time_string(rec.start, &mut d),
        leave_time: zoom_time_string(end, &mut d),
        host_organization: "Sandbox Inc.".into(),
        host_name,
        has_screen_share: d.chance(0.4),
        has_recording: d.chance(0.3),
        has_chat: d.chance(0.5),
        meeting_encryption_status: if d.chance(0.9) { 1 } else { 2 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_style_times_match_chrono() {
        let mut d = Draw::new(9);
        let mut us = 0;
        for secs in (0..200).map(|i| 1_700_000_000 + i * 7_654_321) {
            let s = zoom_time_string(secs, &mut d);
            if s.ends_with('Z') {
                assert_eq!(s, iso(secs));
            } else {
                us += 1;
                assert_eq!(s, datetime(secs).format("%m/%d/%Y %H:%M").to_string());
            }
        }
        assert!(us > 50, "both formats are drawn");
    }
}
