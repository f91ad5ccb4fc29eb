//! Attention recorder meetings (`GET /recorder_metrics/all_meetings`), generated on demand.
//!
//! The organisation has a pool of 30 users; each meeting has an owner and up to five more
//! organisation participants. A hidden "has external guests" flag decides
//! `filter[meeting_type]`. Future meetings are `scheduled_future` (mostly).

use serde::Serialize;

use super::{Dataset, Rec, ids, iso, words};
use crate::Provider;

const P: Provider = Provider::Attention;

/// What ground truth needs of these records.
pub static RECORDS: super::Records = super::Records {
    provider: Provider::Attention,
    span_end: 30 * super::DAY,
    native_id: |ds, rec| meeting_uuid(ds, rec.index),
    listable: super::always_listable,
    start_micros: super::whole_seconds,
    titled: true,
};

/// Users in the organisation.
pub const ORG_USERS: u64 = 30;

const PAST_STATUSES: &[(&str, &str)] = &[
    ("recorded", "Recorded"),
    ("recorded", "Recorded"),
    ("recorded", "Recorded"),
    ("recorded", "Recorded"),
    ("recorded", "Recorded"),
    ("recorded", "Recorded"),
    ("calendar_event_cancelled", "Calendar event cancelled"),
    ("empty_recording", "Empty recording"),
    ("user_override", "Disabled by user"),
    ("event_not_accepted", "Event not accepted"),
    (
        "not_join_internal_team_meetings",
        "Internal meetings not joined",
    ),
    ("external_meetings_disabled", "External meetings disabled"),
    ("blacklisted_attendees", "Blacklisted attendees"),
    ("not_join_when_alone", "Not joined when alone"),
    ("bot_disabled", "Bot disabled"),
    ("bot_removed", "Bot removed"),
    ("waiting_room", "Stuck in waiting room"),
    ("technical_error", "Technical error"),
    ("no_meeting_link", "No meeting link"),
    ("bot_not_scheduled", "Bot not scheduled"),
];

/// One meeting in Attention's shape.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AttentionMeeting {
    /// Calendar event id (the provider-native id).
    pub uuid: String,
    /// Title.
    pub summary: String,
    /// Start, ISO 8601.
    pub date: String,
    /// Owner.
    pub user_uuid: String,
    /// Owner's name.
    pub user_name: String,
    /// Recording status.
    pub status: String,
    /// Human label of `status`.
    pub status_label: String,
    /// Organisation participants (owner first).
    pub participants: Vec<AttentionParticipant>,
    /// Present only when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_uuid: Option<String>,
    /// A consent link was used.
    pub consent_link_used: bool,
    /// Consent status.
    pub consent_status: String,
}

/// One participant of an Attention meeting.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AttentionParticipant {
    /// User.
    pub user_uuid: String,
    /// Name.
    pub user_name: String,
    /// The recording status for this user.
    pub status: String,
    /// Human label of `status`.
    pub status_label: String,
}

/// The uuid of organisation user `u`.
pub fn user_uuid(ds: &Dataset, u: u64) -> String {
    let mut d = ds.pool_draw(P, 1, u);
    ids::uuid_from(d.next_u64(), d.next_u64())
}

/// The name of organisation user `u`.
pub fn user_name(ds: &Dataset, u: u64) -> String {
    words::full_name(&mut ds.pool_draw(P, 2, u))
}

/// The organisation users of a meeting, owner first, distinct: cheap, used by filters.
pub fn users(ds: &Dataset, rec: Rec) -> Vec<u64> {
    let mut d = ds.draw(P, rec.index, 1);
    let count = d.range(1, 6) as usize;
    let mut out: Vec<u64> = Vec::with_capacity(count);
    while out.len() < count {
        let u = d.below(ORG_USERS);
        if !out.contains(&u) {
            out.push(u);
        }
    }
    out
}

/// True when guests from outside the organisation were invited: cheap, used by filters.
pub fn external(ds: &Dataset, rec: Rec) -> bool {
    ds.draw(P, rec.index, 2).chance(0.45)
}

/// The meeting uuid of a record.
pub fn meeting_uuid(ds: &Dataset, index: u64) -> String {
    ids::record_uuid(ds.key(P), index)
}

/// Builds record `rec`.
pub fn meeting(ds: &Dataset, rec: Rec) -> AttentionMeeting {
    let mut d = ds.draw(P, rec.index, 3);
    let future = rec.start > ds.now_secs();
    let (status, label) = if future {
        *d.pick(&[
            ("scheduled_future", "Scheduled"),
            ("scheduled_future", "Scheduled"),
            ("scheduled_future", "Scheduled"),
            ("bot_not_scheduled", "Bot not scheduled"),
            ("no_meeting_link", "No meeting link"),
        ])
    } else {
        *d.pick(PAST_STATUSES)
    };
    let members = users(ds, rec);
    // Each user has their own recording status: mostly the meeting's, sometimes their own.
    let participants = members
        .iter()
        .map(|u| {
            let (s, l) = if future || d.chance(0.8) {
                (status, label)
            } else {
                *d.pick(PAST_STATUSES)
            };
            AttentionParticipant {
                user_uuid: user_uuid(ds, *u),
                user_name: user_name(ds, *u),
                status: s.into(),
                status_label: l.into(),
            }
        })
        .collect();
    let owner = members.first().copied().unwrap_or(0);
    let recorded = status == "recorded";
    let mut c = ds.draw(P, rec.index, 4);
    // Drawn even when retitled, so the fields drawn after it stay the same.
    let summary = words::topic(&mut d);
    AttentionMeeting {
        uuid: meeting_uuid(ds, rec.index),
        summary: ds.retitled(P, rec.index).unwrap_or(summary),
        date: iso(rec.start),
        user_uuid: user_uuid(ds, owner),
        user_name: user_name(ds, owner),
        status: status.into(),
        status_label: label.into(),
        participants,
        conversation_uuid: recorded.then(|| ids::uuid_from(c.next_u64(), c.next_u64())),
        consent_link_used: recorded && d.chance(0.3),
        consent_status: if recorded {
            *d.pick(&["accepted", "accepted", "not_required", "declined"])
        } else {
            *d.pick(&["not_required", "pending"])
        }
        .into(),
    }
}
