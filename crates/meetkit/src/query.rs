//! What to list: providers, a half-open time window, filters, a limit.
//!
//! A meeting is returned iff its normalized start (see `Meeting::start`) lies in `[from, to)`,
//! the same rule for every provider. Filters a provider can apply on its side are sent to it;
//! the rest are applied here, on the normalized fields.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{Meeting, MeetingStatus, Provider};

/// A half-open time window `[from, to)` in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "WindowRepr")]
pub struct Window {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

impl Window {
    /// `[from, to)`; fails when `to` is not after `from`.
    pub fn new(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Self, QueryError> {
        if to <= from {
            return Err(QueryError::EmptyWindow { from, to });
        }
        Ok(Self { from, to })
    }

    /// Inclusive start.
    pub fn from(&self) -> DateTime<Utc> {
        self.from
    }

    /// Exclusive end.
    pub fn to(&self) -> DateTime<Utc> {
        self.to
    }

    /// Whether `t` lies in `[from, to)`.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.from <= t && t < self.to
    }

    /// From the first window's start to the last one's end: what consecutive `windows` cover
    /// end to end (`None` when there is none).
    pub fn spanning(windows: &[Window]) -> Option<Window> {
        let (first, last) = (windows.first()?, windows.last()?);
        Window::new(first.from, last.to).ok()
    }

    /// The part of this window that is also in `other`, if any.
    pub fn intersect(&self, other: &Window) -> Option<Window> {
        let from = self.from.max(other.from);
        let to = self.to.min(other.to);
        (from < to).then_some(Window { from, to })
    }

    /// Consecutive windows of at most `span` covering this one exactly (the whole window
    /// when `span` is not positive), as few as that takes and of (nearly) equal length: a
    /// short last window would cost a request of its own for little.
    pub fn split(&self, span: chrono::Duration) -> Vec<Window> {
        let (total, most) = (
            (self.to - self.from).num_milliseconds(),
            span.num_milliseconds(),
        );
        if most <= 0 || total <= most {
            return vec![*self];
        }
        // Both positive here; i64::div_ceil is not stable.
        self.split_into(usize::try_from((total + most - 1) / most).unwrap_or(usize::MAX))
    }

    /// This window cut into `parts` consecutive windows of (nearly) equal length, to the
    /// millisecond; fewer when it is shorter than `parts` milliseconds.
    pub fn split_into(&self, parts: usize) -> Vec<Window> {
        let total = (self.to - self.from).num_milliseconds();
        let parts = i64::try_from(parts)
            .unwrap_or(i64::MAX)
            .clamp(1, total.max(1));
        let step = chrono::Duration::milliseconds((total + parts - 1) / parts);
        let mut out = Vec::new();
        let mut from = self.from;
        while from < self.to {
            let to = from
                .checked_add_signed(step)
                .map_or(self.to, |t| t.min(self.to));
            // The last piece takes what rounding left over.
            let to = if out.len() as i64 + 1 >= parts {
                self.to
            } else {
                to
            };
            out.push(Window { from, to });
            from = to;
        }
        out
    }
}

/// A window as read from JSON, checked before it becomes a [`Window`].
#[derive(Deserialize)]
struct WindowRepr {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

impl TryFrom<WindowRepr> for Window {
    type Error = QueryError;
    fn try_from(r: WindowRepr) -> Result<Self, QueryError> {
        Window::new(r.from, r.to)
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}, {})",
            self.from
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            self.to.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        )
    }
}

/// Filters. Each is sent to the providers that can apply it and applied here on the rest where
/// the normalized field exists; a filter a selected provider cannot honour at all is an error
/// when that provider was named, and leaves that provider out when it was implied by "all".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Hosts/users: Zoom `userId` (id, email or `me`; one listing per value), Attention
    /// `filter[user_id]` (meetings involving any of these user uuids).
    pub host: Vec<String>,
    /// Room: Daily room name, Telnyx `filter[room_id]`.
    pub room: Option<String>,
    /// Normalized statuses to keep (any provider).
    pub status: Vec<MeetingStatus>,
    /// Provider-native states: Attendee `states`, Telnyx `filter[status]` (one value),
    /// Attention `status` (applied here).
    pub provider_status: Vec<String>,
    /// Meeting URL: Attendee `meeting_url`.
    pub meeting_url: Option<String>,
    /// Meeting type: Attention `filter[meeting_type]` (`internal`/`external`), Zoom report
    /// `type` (`past`, `pastOne`, `pastJoined`).
    pub meeting_type: Option<String>,
    /// Minimum duration in seconds (inclusive); Telnyx applies it server-side, all providers here.
    pub min_duration_seconds: Option<i64>,
    /// Maximum duration in seconds (inclusive); Telnyx applies it server-side, all providers here.
    pub max_duration_seconds: Option<i64>,
    /// Daily `ongoing`: only sessions with people still in the room (true) or none left (false).
    pub ongoing: Option<bool>,
    /// Only meetings starting after now (true) or at/before now (false). Attention applies it
    /// server-side (`upcoming`); the rest here.
    pub upcoming: Option<bool>,
    /// Attendee `deduplication_key`.
    pub deduplication_key: Option<String>,
    /// Telnyx `filter[type]` (`audio`/`video`).
    pub recording_type: Option<String>,
    /// Telnyx `filter[session_id]`.
    pub session_id: Option<String>,
    /// Telnyx `filter[participant_id]`.
    pub participant_id: Option<String>,
}

/// A filter by name, for messages and the support matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FilterName {
    /// [`Filters::host`]
    Host,
    /// [`Filters::room`]
    Room,
    /// [`Filters::provider_status`]
    ProviderStatus,
    /// [`Filters::meeting_url`]
    MeetingUrl,
    /// [`Filters::meeting_type`]
    MeetingType,
    /// [`Filters::ongoing`]
    Ongoing,
    /// [`Filters::deduplication_key`]
    DeduplicationKey,
    /// [`Filters::recording_type`]
    RecordingType,
    /// [`Filters::session_id`]
    SessionId,
    /// [`Filters::participant_id`]
    ParticipantId,
}

impl FilterName {
    /// The flag-style name.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterName::Host => "host",
            FilterName::Room => "room",
            FilterName::ProviderStatus => "state",
            FilterName::MeetingUrl => "meeting-url",
            FilterName::MeetingType => "meeting-type",
            FilterName::Ongoing => "ongoing",
            FilterName::DeduplicationKey => "deduplication-key",
            FilterName::RecordingType => "recording-type",
            FilterName::SessionId => "session-id",
            FilterName::ParticipantId => "participant-id",
        }
    }
}

impl fmt::Display for FilterName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Filters {
    /// The provider-specific filters that are set.
    pub fn set(&self) -> Vec<FilterName> {
        let mut out = Vec::new();
        let mut push = |on: bool, name| {
            if on {
                out.push(name);
            }
        };
        push(!self.host.is_empty(), FilterName::Host);
        push(self.room.is_some(), FilterName::Room);
        push(!self.provider_status.is_empty(), FilterName::ProviderStatus);
        push(self.meeting_url.is_some(), FilterName::MeetingUrl);
        push(self.meeting_type.is_some(), FilterName::MeetingType);
        push(self.ongoing.is_some(), FilterName::Ongoing);
        push(
            self.deduplication_key.is_some(),
            FilterName::DeduplicationKey,
        );
        push(self.recording_type.is_some(), FilterName::RecordingType);
        push(self.session_id.is_some(), FilterName::SessionId);
        push(self.participant_id.is_some(), FilterName::ParticipantId);
        out
    }

    /// The filters applied here, on normalized fields, to every provider's meetings.
    pub fn matches(&self, meeting: &Meeting, now: DateTime<Utc>) -> bool {
        if !self.status.is_empty() && !self.status.contains(&meeting.status) {
            return false;
        }
        if let Some(min) = self.min_duration_seconds
            && meeting.duration_seconds.is_none_or(|d| d < min)
        {
            return false;
        }
        if let Some(max) = self.max_duration_seconds
            && meeting.duration_seconds.is_none_or(|d| d > max)
        {
            return false;
        }
        if let Some(upcoming) = self.upcoming
            && (meeting.start > now) != upcoming
        {
            return false;
        }
        true
    }

    /// Whether `meeting`'s raw status is one of `provider_status` (or that filter is unset):
    /// applied here to the providers whose descriptor says `provider_status_local`.
    pub fn matches_provider_status(&self, meeting: &Meeting) -> bool {
        let raw = meeting.status_raw.as_deref().unwrap_or_default();
        self.provider_status.is_empty() || self.provider_status.iter().any(|s| s == raw)
    }
}

/// What to list.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// Providers to list; empty means every configured provider.
    pub providers: Vec<Provider>,
    /// Accounts to list, by name (`default` is the environment's); empty means every
    /// configured account of those providers.
    pub accounts: Vec<String>,
    /// The window on the normalized start.
    pub window: Window,
    /// Filters.
    pub filters: Filters,
    /// Stop after this many meetings in all.
    pub limit: Option<usize>,
    /// Attach each provider record as JSON in `Meeting::raw`.
    pub include_raw: bool,
    /// Skip the parts of the window a provider cannot serve (Zoom: older than six months) with a
    /// warning, instead of failing.
    pub lenient: bool,
}

impl Query {
    /// Every configured provider over `window`, no filters.
    pub fn new(window: Window) -> Self {
        Self {
            providers: Vec::new(),
            accounts: Vec::new(),
            window,
            filters: Filters::default(),
            limit: None,
            include_raw: false,
            lenient: false,
        }
    }

    /// Only `providers`.
    pub fn providers(mut self, providers: impl IntoIterator<Item = Provider>) -> Self {
        self.providers = providers.into_iter().collect();
        self
    }

    /// Only the accounts named `accounts` (of any provider listed).
    pub fn accounts<S: Into<String>>(mut self, accounts: impl IntoIterator<Item = S>) -> Self {
        self.accounts = accounts.into_iter().map(Into::into).collect();
        self
    }

    /// With `filters`.
    pub fn filters(mut self, filters: Filters) -> Self {
        self.filters = filters;
        self
    }

    /// At most `limit` meetings.
    pub fn limit(mut self, limit: Option<usize>) -> Self {
        self.limit = limit;
        self
    }

    /// With or without `raw`.
    pub fn include_raw(mut self, include_raw: bool) -> Self {
        self.include_raw = include_raw;
        self
    }

    /// Lenient about windows a provider cannot serve.
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }
}

/// The query cannot be run as asked.
#[derive(Debug, Clone, thiserror::Error)]
pub enum QueryError {
    /// `to` is not after `from`.
    #[error(
        "the window is empty or reversed: from {from} is not before to {to}; swap them or widen the window"
    )]
    EmptyWindow {
        /// Start.
        from: DateTime<Utc>,
        /// End.
        to: DateTime<Utc>,
    },
    /// A filter a named provider cannot apply.
    #[error(
        "{provider} cannot filter by {filter}; it is supported by {supported}. Drop the filter or choose another provider"
    )]
    UnsupportedFilter {
        /// The provider.
        provider: Provider,
        /// The filter.
        filter: FilterName,
        /// Who supports it.
        supported: String,
    },
    /// A filter value the provider would reject.
    #[error("{provider}: {message}")]
    InvalidFilter {
        /// The provider.
        provider: Provider,
        /// What is wrong.
        message: String,
    },
    /// Every provider was left out by the filters.
    #[error(
        "no configured provider supports the filters given ({filters}); name a provider that does"
    )]
    NoProviderLeft {
        /// The filters.
        filters: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, 0, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn windows_are_half_open_and_split_exactly() -> Result<(), QueryError> {
        let w = Window::new(t(1), t(11))?;
        assert!(w.contains(t(1)));
        assert!(!w.contains(t(11)));
        let parts = w.split(chrono::Duration::days(3));
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].from(), t(1));
        assert_eq!(parts[3].to(), t(11));
        assert!(parts.windows(2).all(|p| p[0].to() == p[1].from()));
        // Ten days in windows of at most three: four of two and a half, not 3 + 3 + 3 + 1.
        let lengths: Vec<i64> = parts
            .iter()
            .map(|p| (p.to() - p.from()).num_hours())
            .collect();
        assert_eq!(lengths, [60, 60, 60, 60]);
        assert_eq!(w.split(chrono::Duration::days(30)), [w]);
        assert_eq!(w.split(chrono::Duration::zero()), [w]);
        Ok(())
    }

    #[test]
    fn reversed_window_is_an_error() {
        assert!(matches!(
            Window::new(t(2), t(1)),
            Err(QueryError::EmptyWindow { .. })
        ));
        assert!(Window::new(t(2), t(2)).is_err());
    }
}
