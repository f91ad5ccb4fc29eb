//! The one `Meeting` model every provider's records are normalized into.
//!
//! All times are UTC. Fields a provider does not have are `None`/empty; what has no normalized
//! home lives in the provider's [`Extension`] or, when asked for, in `raw`. `docs/mapping.md`
//! says where every field of every provider lands.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Record fields with no typed home in a meeting or its extension, by wire name, as sent (see
/// [`crate::unmapped`]).
pub type Unmapped = std::collections::BTreeMap<String, serde_json::Value>;

/// A meeting provider meetkit can list.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// Zoom: past meetings from the Reports API.
    Zoom,
    /// Daily: meeting sessions.
    Daily,
    /// Telnyx Video: room recordings.
    Telnyx,
    /// Attendee: meeting bots.
    Attendee,
    /// Attention: recorder meetings.
    Attention,
}

impl Provider {
    /// Every provider, in a fixed order.
    pub const ALL: [Provider; 5] = [
        Provider::Zoom,
        Provider::Daily,
        Provider::Telnyx,
        Provider::Attendee,
        Provider::Attention,
    ];

    /// The lowercase name used in flags, env vars and output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Provider::Zoom => "zoom",
            Provider::Daily => "daily",
            Provider::Telnyx => "telnyx",
            Provider::Attendee => "attendee",
            Provider::Attention => "attention",
        }
    }

    /// The name people write: "Zoom", "Telnyx Video", …
    pub fn display_name(self) -> &'static str {
        match self {
            Provider::Zoom => "Zoom",
            Provider::Daily => "Daily",
            Provider::Telnyx => "Telnyx Video",
            Provider::Attendee => "Attendee",
            Provider::Attention => "Attention",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A provider name that is not one of the five.
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "unknown provider {0:?}: expected one of zoom, daily, telnyx, attendee, attention (or all)"
)]
pub struct UnknownProvider(pub String);

impl FromStr for Provider {
    type Err = UnknownProvider;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Provider::ALL
            .into_iter()
            .find(|p| p.as_str() == lower)
            .ok_or_else(|| UnknownProvider(s.to_owned()))
    }
}

/// The account name of credentials given without one (environment variables, one profile).
pub const DEFAULT_ACCOUNT: &str = "default";

fn default_account() -> String {
    DEFAULT_ACCOUNT.to_owned()
}

/// A meeting, normalized from any provider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meeting {
    /// Where the record came from.
    pub provider: Provider,
    /// The name of the provider account it was listed from: [`DEFAULT_ACCOUNT`] for the
    /// credentials in the environment, or the name an accounts file or config gives.
    /// `(provider, account, id)` is unique in every listing.
    #[serde(default = "default_account")]
    pub account: String,
    /// The provider's own id of this record: Zoom meeting instance `uuid`, Daily session `id`,
    /// Telnyx recording `id`, Attendee bot `id`, Attention calendar event `uuid`.
    /// `(provider, account, id)` is unique in every listing; two accounts may list one id.
    pub id: String,
    /// Topic, summary or room name, when the provider has one.
    pub title: Option<String>,
    /// When the meeting started (or is scheduled to start). The window filter applies to it.
    #[serde(serialize_with = "crate::rfc3339::serialize")]
    pub start: DateTime<Utc>,
    /// When it ended, given by the provider or derived as start + duration.
    #[serde(serialize_with = "crate::rfc3339::serialize_opt")]
    pub end: Option<DateTime<Utc>>,
    /// Length in seconds.
    pub duration_seconds: Option<i64>,
    /// The normalized status.
    pub status: MeetingStatus,
    /// The provider's own status or state value, verbatim.
    pub status_raw: Option<String>,
    /// Who hosted or owns the meeting.
    pub host: Option<Person>,
    /// Who took part, where the provider lists them.
    pub participants: Vec<Participant>,
    /// How many took part, as the provider counts them.
    pub participant_count: Option<i64>,
    /// The recording, where there is one.
    pub recording: Option<Recording>,
    /// The meeting's join URL.
    pub meeting_url: Option<String>,
    /// The room (name or id) the meeting took place in.
    pub room: Option<String>,
    /// What only this provider has.
    pub extension: Extension,
    /// The provider's record as JSON, when the query asked for it (`include_raw`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<serde_json::Value>,
}

/// A normalized meeting status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// Not started yet.
    Scheduled,
    /// Going on now (a bot in the call, a session with people in the room).
    InProgress,
    /// Over, with the recording (if any) still being processed.
    Processing,
    /// Over.
    Ended,
    /// Cancelled, declined or skipped before it happened.
    Cancelled,
    /// Something went wrong (bot fatal error, recorder technical error).
    Failed,
    /// The provider's value has no normalized meaning; see `status_raw`.
    Unknown,
}

impl MeetingStatus {
    /// The snake_case name used in output and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Scheduled => "scheduled",
            MeetingStatus::InProgress => "in_progress",
            MeetingStatus::Processing => "processing",
            MeetingStatus::Ended => "ended",
            MeetingStatus::Cancelled => "cancelled",
            MeetingStatus::Failed => "failed",
            MeetingStatus::Unknown => "unknown",
        }
    }
}

impl fmt::Display for MeetingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A host or owner.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// The provider's user id.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Email address.
    pub email: Option<String>,
}

/// Someone who took part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Participant {
    /// The provider's id of this participation (Daily `participant_id`).
    pub id: Option<String>,
    /// The participant's user id (Daily `user_id`, Attention `userUuid`).
    pub user_id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// When they joined.
    #[serde(serialize_with = "crate::rfc3339::serialize_opt")]
    pub join_time: Option<DateTime<Utc>>,
    /// How long they stayed, in seconds.
    pub duration_seconds: Option<i64>,
    /// The provider's status for this participant (Attention), verbatim.
    pub status: Option<String>,
}

/// A recording of the meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Recording {
    /// The provider's recording id, when it differs from the meeting id.
    pub id: Option<String>,
    /// The provider's recording status, verbatim (`completed`, `in_progress`, …).
    pub status: Option<String>,
    /// Where to download it.
    pub url: Option<String>,
    /// Length in seconds.
    pub duration_seconds: Option<i64>,
    /// Size in bytes.
    pub size_bytes: Option<i64>,
    /// Codec (`opus`, `vp8`, …).
    pub codec: Option<String>,
    /// `audio`, `video`, …
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

/// What only one provider has, tagged by provider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "provider", rename_all = "lowercase")]
pub enum Extension {
    /// Zoom report fields.
    Zoom(ZoomExtension),
    /// Daily session fields.
    Daily(DailyExtension),
    /// Telnyx recording fields.
    Telnyx(TelnyxExtension),
    /// Attendee bot fields.
    Attendee(AttendeeExtension),
    /// Attention recorder fields.
    Attention(AttentionExtension),
}

/// Zoom report fields with no normalized home.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ZoomExtension {
    /// The meeting number (`id`); recurring meetings share it, instances differ by `uuid`.
    pub meeting_number: Option<i64>,
    /// Zoom's meeting `type` code (1 instant, 2 scheduled, 8 recurring, …).
    pub meeting_type: Option<i64>,
    /// Total participant-minutes.
    pub total_minutes: Option<i64>,
    /// Participants from the caller's own account.
    pub participants_count_my_account: Option<i64>,
    /// Session key.
    pub session_key: Option<String>,
    /// Where the meeting was started from.
    pub source: Option<String>,
    /// Custom key/value tags.
    pub custom_keys: Vec<KeyValue>,
    /// Scheduled time, as Zoom sends it (not reliably ISO 8601).
    pub schedule_time: Option<String>,
    /// Waiting-room join time, as Zoom sends it.
    pub join_waiting_room_time: Option<String>,
    /// Join time, as Zoom sends it.
    pub join_time: Option<String>,
    /// Leave time, as Zoom sends it.
    pub leave_time: Option<String>,
    /// The host's organization.
    pub host_organization: Option<String>,
    /// Whether anyone shared their screen.
    pub has_screen_share: Option<bool>,
    /// Whether the meeting was recorded.
    pub has_recording: Option<bool>,
    /// Whether chat was used.
    pub has_chat: Option<bool>,
    /// Encryption status code.
    pub meeting_encryption_status: Option<i64>,
    /// Record fields meetkit's spec has and no field above holds (one added to the spec
    /// after this type was written), by wire name, as sent.
    #[serde(default, skip_serializing_if = "Unmapped::is_empty")]
    pub unmapped: Unmapped,
}

/// A Zoom custom key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KeyValue {
    /// Key.
    pub key: Option<String>,
    /// Value.
    pub value: Option<String>,
}

/// Daily session fields with no normalized home.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DailyExtension {
    /// Whether people are still in the room.
    pub ongoing: Option<bool>,
    /// Most people in the room at once.
    pub max_participants: Option<i64>,
    /// Record fields meetkit's spec has and no field above holds (one added to the spec
    /// after this type was written), by wire name, as sent.
    #[serde(default, skip_serializing_if = "Unmapped::is_empty")]
    pub unmapped: Unmapped,
}

/// Telnyx recording fields with no normalized home.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TelnyxExtension {
    /// The room session the recording belongs to.
    pub session_id: Option<String>,
    /// The participant recorded.
    pub participant_id: Option<String>,
    /// The recording's size in megabytes, as Telnyx reports it.
    pub size_mb: Option<f64>,
    /// Record type (`room_recording`, …).
    pub record_type: Option<String>,
    /// When the recording resource was created.
    #[serde(serialize_with = "crate::rfc3339::serialize_opt")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(serialize_with = "crate::rfc3339::serialize_opt")]
    pub updated_at: Option<DateTime<Utc>>,
    /// When processing completed.
    #[serde(serialize_with = "crate::rfc3339::serialize_opt")]
    pub completed_at: Option<DateTime<Utc>>,
    /// Record fields meetkit's spec has and no field above holds (one added to the spec
    /// after this type was written), by wire name, as sent.
    #[serde(default, skip_serializing_if = "Unmapped::is_empty")]
    pub unmapped: Unmapped,
}

/// What an Attendee record is: `/api/v1/bots` lists both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttendeeKind {
    /// A meeting bot that joins a meeting (ids `bot_…`).
    #[default]
    Bot,
    /// A session of Attendee's meeting app (ids `app_…`; states `connecting`, `connected`,
    /// `disconnecting`, then the bots' `post_processing`, `ended`…).
    AppSession,
}

/// Attendee bot and app-session fields with no normalized home.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AttendeeExtension {
    /// A bot or an app session (a bot when absent, as in output from before it existed).
    #[serde(default)]
    pub kind: AttendeeKind,
    /// The record's state, verbatim.
    pub state: Option<String>,
    /// Transcription state (`not_started`, `in_progress`, `complete`, …).
    pub transcription_state: Option<String>,
    /// Recording state.
    pub recording_state: Option<String>,
    /// The caller's deduplication key.
    pub deduplication_key: Option<String>,
    /// The caller's metadata.
    pub metadata: Option<serde_json::Value>,
    /// The bot's events, oldest first.
    pub events: Vec<BotEvent>,
    /// Record fields meetkit's spec has and no field above holds (one added to the spec
    /// after this type was written), by wire name, as sent.
    #[serde(default, skip_serializing_if = "Unmapped::is_empty")]
    pub unmapped: Unmapped,
}

/// One Attendee bot event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BotEvent {
    /// Event type (`join_requested`, `joined_meeting`, …).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Sub-type, when there is one.
    pub sub_type: Option<String>,
    /// When it happened.
    #[serde(serialize_with = "crate::rfc3339::serialize_opt")]
    pub created_at: Option<DateTime<Utc>>,
}

/// Attention recorder fields with no normalized home.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AttentionExtension {
    /// Human label of the status.
    pub status_label: Option<String>,
    /// The recorded conversation, present only when recorded.
    pub conversation_uuid: Option<String>,
    /// Whether a consent link was used.
    pub consent_link_used: Option<bool>,
    /// Consent status.
    pub consent_status: Option<String>,
    /// Record fields meetkit's spec has and no field above holds (one added to the spec
    /// after this type was written), by wire name, as sent.
    #[serde(default, skip_serializing_if = "Unmapped::is_empty")]
    pub unmapped: Unmapped,
}
