//! Attendee: `GET /api/v1/bots`, one record per meeting bot.
//!
//! - Window: `join_at_after`/`join_at_before` are strict (`>`/`<`), cut to microseconds by the
//!   server, and leave out bots without a `join_at`. meetkit sends whole microseconds, the
//!   start one microsecond early and the end raised, and filters exactly.
//! - Paging: fixed pages of 25; `next` is an absolute URL that Attendee builds from the scheme
//!   and Host it saw, so behind a proxy it can name another origin. meetkit only takes its
//!   `cursor` and asks the configured base URL for it: credentials never go anywhere else.
//! - Records: the list holds meeting bots and app sessions (ids `app_…`: sessions of Attendee's
//!   meeting app, states `connecting`/`connected`/`disconnecting`); `extension.kind` says which.
//! - Normalized start: `join_at`. Records without one (bots told to join immediately) belong
//!   to no window and are never listed; the README says so.

use std::sync::atomic::{AtomicBool, Ordering};

use meetkit_attendee::Client;
use meetkit_attendee::open_enums::BotState;
use meetkit_attendee::types::{AttendeeError, Bot, PaginatedBotList};
use url::Url;

use chrono::{DateTime, Utc};

use crate::descriptor::{Credential, PageSize, Probe, ProviderInfo};
use crate::error::{Failure, ProviderError, ProviderErrorKind};
use crate::model::{
    AttendeeExtension, AttendeeKind, BotEvent, Extension, Meeting, MeetingStatus, Provider,
    Recording,
};
use crate::paging::{Adapter, Cursor, PagingStyle, RawPage};
use crate::providers::{ErrorBody, raw_json, send};
use crate::query::{FilterName, Filters, Window};
use crate::resolution::{BoundResolution, Resolution, widen};
use meetkit_client_support::AuthScheme;

const OPERATION: &str = "list_bots";
/// The `Content-Type` every request carries.
const JSON: &str = "application/json";

/// Attendee's descriptor.
pub const INFO: ProviderInfo = ProviderInfo {
    provider: Provider::Attendee,
    display_name: "Attendee",
    record: "a meeting bot",
    listing: "meeting bots",
    record_fields: crate::drift::field_names::<meetkit_attendee::types::Bot>,
    operation: OPERATION,
    default_base_url: meetkit_attendee::DEFAULT_BASE_URL,
    base_url_var: "ATTENDEE_BASE_URL",
    credentials: &[&[Credential::secret("ATTENDEE_API_KEY", "attendee_api_key")]],
    extra_settings: &[],
    auth_scheme: AuthScheme::Token,
    configure_hint: "ATTENDEE_API_KEY (and ATTENDEE_BASE_URL when self-hosted)",
    page_size: PageSize {
        default: 25,
        max: 25,
    },
    longest_window_days: None,
    // 25 bots a page in creation order, not start order: windows cannot be split later, and
    // each ends in a short page. Monthly windows: a year is 13 chains (more than the 8 in
    // flight) with ≈ 6 short pages, where weekly ones paid ≈ 26 over ~140 pages.
    default_window_days: 30,
    // GETs are not throttled.
    rate_limits: &[],
    rate_limit_headers: None,
    filters: &[
        FilterName::ProviderStatus,
        FilterName::MeetingUrl,
        FilterName::DeduplicationKey,
    ],
    provider_status_local: false,
    bound_resolution: Resolution::Microsecond,
    paging: PagingStyle::Chained,
    page_order: "creation time, oldest first (not start order)",
    serves_only: "",
};

impl ErrorBody for AttendeeError {
    fn code(&self) -> Option<String> {
        None
    }
    fn message(&self) -> Option<String> {
        self.error.clone().or_else(|| self.detail.clone())
    }
}

/// The Attendee adapter.
pub struct Attendee {
    client: Client,
    base: Url,
    states: Vec<BotState>,
    meeting_url: Option<String>,
    deduplication_key: Option<String>,
    /// Whether a `next` URL on another origin was already reported (once is enough).
    foreign_next_noted: AtomicBool,
}

/// One Attendee listing: a strict `join_at` range.
#[derive(Clone, Debug)]
pub struct AttendeeRequest {
    after: chrono::DateTime<chrono::Utc>,
    before: chrono::DateTime<chrono::Utc>,
}

impl Attendee {
    /// An adapter over `client`, which talks to `base` (a URL already checked by the config).
    pub fn new(client: Client, base: Url, filters: &Filters) -> Self {
        Self {
            client,
            base,
            states: filters
                .provider_status
                .iter()
                .map(|s| BotState::from(s.as_str()))
                .collect(),
            meeting_url: filters.meeting_url.clone(),
            deduplication_key: filters.deduplication_key.clone(),
            foreign_next_noted: AtomicBool::new(false),
        }
    }
}

impl BoundResolution for Attendee {
    const BOUND_RESOLUTION: Resolution = INFO.bound_resolution;
}

impl Adapter for Attendee {
    type Request = AttendeeRequest;

    fn provider(&self) -> Provider {
        Provider::Attendee
    }

    fn operation(&self) -> &'static str {
        OPERATION
    }

    fn style(&self) -> PagingStyle {
        PagingStyle::Chained
    }

    fn requests(&self, window: &Window, _filters: &Filters) -> Vec<AttendeeRequest> {
        let wide = widen(window, Self::BOUND_RESOLUTION);
        // Both bounds are strict: one step before the start keeps a bot at exactly `from`.
        vec![AttendeeRequest {
            after: wide
                .from()
                .checked_sub_signed(Self::BOUND_RESOLUTION.step())
                .unwrap_or(wide.from()),
            before: wide.to(),
        }]
    }

    async fn page(
        &self,
        request: &AttendeeRequest,
        cursor: Option<&Cursor>,
        include_raw: bool,
    ) -> Result<RawPage, Failure> {
        let mut call = self
            .client
            .list_bots()
            // Required by Attendee's spec; spec-validating servers refuse a request without it.
            .content_type(JSON)
            .join_at_after(request.after)
            .join_at_before(request.before);
        if !self.states.is_empty() {
            call = call.states(self.states.clone());
        }
        if let Some(url) = &self.meeting_url {
            call = call.meeting_url(url.as_str());
        }
        if let Some(key) = &self.deduplication_key {
            call = call.deduplication_key(key.as_str());
        }
        if let Some(Cursor::Token(c)) = cursor {
            call = call.cursor(c.as_str());
        }
        match send(Provider::Attendee, OPERATION, call.send()).await {
            Ok(list) => {
                let (page, foreign) = page_from(list, &self.base, include_raw);
                if let Some(origin) = foreign
                    && !self.foreign_next_noted.swap(true, Ordering::Relaxed)
                {
                    tracing::debug!(
                        provider = %Provider::Attendee,
                        next_origin = %origin,
                        base_origin = %self.base.origin().ascii_serialization(),
                        "Attendee's next-page URLs name another origin than the configured base URL (a proxy that rewrites Host, or TLS ended in front of it); only their cursor is used, against the configured base URL"
                    );
                }
                Ok(page)
            }
            Err(mut failure) => {
                let error = &mut failure.error;
                match error.status {
                    Some(401) => {
                        error.hint = Some("check ATTENDEE_API_KEY; Attendee expects `Authorization: Token <key>` and meetkit sends exactly that".to_owned())
                    }
                    Some(404) if cursor.is_some() => error.kind = ProviderErrorKind::Pagination,
                    _ => {}
                }
                Err(failure)
            }
        }
    }
}

/// A decoded page as the adapter hands it on, and the origin its `next` URL named when that
/// is not `base`'s. Only the `next` URL's `cursor` is kept: the next request goes to `base`.
#[doc(hidden)]
pub fn page_from(
    list: PaginatedBotList,
    base: &Url,
    include_raw: bool,
) -> (RawPage, Option<String>) {
    let mut foreign = None;
    // A bad next URL ends paging after this page; the page itself is kept.
    let (next, stop) = match list.next.as_deref().filter(|n| !n.is_empty()) {
        None => (None, None),
        Some(next) => match Url::parse(next) {
            Err(e) => (
                None,
                Some(paging_error(
                    ProviderErrorKind::InvalidResponse,
                    format!("the next-page URL {next:?} does not parse: {e}"),
                )),
            ),
            Ok(url) => {
                if url.origin() != base.origin() {
                    foreign = Some(url.origin().ascii_serialization());
                }
                let cursor = url
                    .query_pairs()
                    .find(|(k, v)| k == "cursor" && !v.is_empty())
                    .map(|(_, v)| Cursor::Token(v.into_owned()));
                match cursor {
                    Some(cursor) => (Some(cursor), None),
                    None => (
                        None,
                        Some(paging_error(
                            ProviderErrorKind::Pagination,
                            format!("the next-page URL {next:?} has no cursor"),
                        )),
                    ),
                }
            }
        },
    };
    let page = RawPage {
        stop,
        records: list.results.len(),
        meetings: super::normalize_page(list.results, include_raw, normalize),
        next,
        total_pages: None,
        total_results: None,
        announced: None,
    };
    (page, foreign)
}

fn paging_error(kind: ProviderErrorKind, message: String) -> ProviderError {
    ProviderError::new(Provider::Attendee, OPERATION, kind, message)
}

/// App sessions are told apart by their id (`app_…`; bots' are `bot_…`).
fn kind_of(id: &str) -> AttendeeKind {
    if id.starts_with("app_") {
        AttendeeKind::AppSession
    } else {
        AttendeeKind::Bot
    }
}

/// The meeting's status from a record's state. The status is the meeting's, so an app
/// session that is connecting, connected or disconnecting says the meeting is in progress
/// (as a bot that is joining, in the meeting or leaving does); a bot never reports those
/// three, and one that does is not understood.
fn status_of(kind: AttendeeKind, state: &str) -> MeetingStatus {
    match (kind, state) {
        (AttendeeKind::AppSession, "connecting" | "connected" | "disconnecting") => {
            MeetingStatus::InProgress
        }
        (AttendeeKind::Bot, "connecting" | "connected" | "disconnecting") => MeetingStatus::Unknown,
        (_, "scheduled" | "staged" | "ready") => MeetingStatus::Scheduled,
        (
            _,
            "joining"
            | "joined_not_recording"
            | "joined_recording"
            | "joined_recording_paused"
            | "joined_recording_permission_denied"
            | "joining_breakout_room"
            | "leaving_breakout_room"
            | "waiting_room"
            | "leaving",
        ) => MeetingStatus::InProgress,
        (_, "post_processing") => MeetingStatus::Processing,
        (_, "ended" | "data_deleted") => MeetingStatus::Ended,
        (_, "fatal_error") => MeetingStatus::Failed,
        _ => MeetingStatus::Unknown,
    }
}

/// The wire names of the record fields [`normalize`] maps into `Meeting` or
/// `extension`'s typed fields; every other field of the record reaches `extension.unmapped`
/// (see [`crate::unmapped`]).
pub const NORMALIZED: &[&str] = &[
    "id",
    "join_at",
    "state",
    "meeting_url",
    "transcription_state",
    "recording_state",
    "deduplication_key",
    "metadata",
    "events",
];

/// An Attendee bot or app session as a [`Meeting`]; `None` without `join_at`.
pub fn normalize(b: Bot, include_raw: bool) -> Option<Meeting> {
    // Raw first: everything below moves out of `b`.
    let raw = raw_json(&b, include_raw);
    let unmapped = crate::unmapped::of(&INFO, NORMALIZED, &b);
    crate::note_value!(Provider::Attendee, "state", b.state);
    let start = b.join_at?;
    let kind = kind_of(&b.id);
    let state = b.state.as_ref().map(|s| s.as_str().to_owned());
    Some(Meeting {
        provider: Provider::Attendee,
        account: crate::model::DEFAULT_ACCOUNT.to_owned(),
        id: b.id,
        title: None,
        start,
        end: None,
        duration_seconds: None,
        status: state
            .as_deref()
            .map_or(MeetingStatus::Unknown, |s| status_of(kind, s)),
        status_raw: state.clone(),
        host: None,
        participants: Vec::new(),
        participant_count: None,
        recording: b.recording_state.as_ref().map(|s| Recording {
            status: Some(s.clone()),
            ..Recording::default()
        }),
        meeting_url: b.meeting_url,
        room: None,
        extension: Extension::Attendee(AttendeeExtension {
            unmapped,
            kind,
            state,
            transcription_state: b.transcription_state,
            recording_state: b.recording_state,
            deduplication_key: b.deduplication_key,
            metadata: b
                .metadata
                .as_ref()
                .and_then(|m| serde_json::to_value(m).ok()),
            events: b
                .events
                .iter()
                .flatten()
                .map(|e| BotEvent {
                    kind: e.type_.clone(),
                    sub_type: e.sub_type.clone(),
                    created_at: e.created_at,
                })
                .collect(),
        }),
        raw,
    })
}

/// Attendee in the registry.
pub(crate) struct AttendeeConnector;

impl crate::providers::Connector for AttendeeConnector {
    fn info(&self) -> &'static ProviderInfo {
        &INFO
    }

    fn probe(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Probe {
        let rfc3339 = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        Probe {
            operation: OPERATION,
            spec_path: meetkit_attendee::SPEC_PATH,
            spec_text: meetkit_attendee::SPEC,
            path: "/api/v1/bots",
            query: vec![
                ("join_at_after", rfc3339(from)),
                ("join_at_before", rfc3339(to)),
            ],
            // The spec requires it on this GET.
            headers: &[("content-type", "application/json")],
        }
    }

    fn stream(
        &self,
        endpoint: &crate::providers::Endpoint,
        http: &reqwest::Client,
        partition: &crate::plan::Partition,
        ctx: std::sync::Arc<crate::paging::FetchContext>,
        upfront: Vec<crate::error::ProviderError>,
    ) -> Result<crate::providers::PartitionStream, crate::error::Error> {
        let base =
            Url::parse(&endpoint.base_url).map_err(|e| crate::error::ConfigError::InvalidUrl {
                name: INFO.base_url_var.to_owned(),
                value: endpoint.base_url.clone(),
                reason: e.to_string(),
            })?;
        let client =
            Client::new_with_client(&endpoint.base_url, http.clone(), endpoint.auth.clone());
        crate::run::start(
            Attendee::new(client, base, &partition.filters),
            partition,
            ctx,
            upfront,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, state: &str) -> Bot {
        serde_json::from_value(serde_json::json!({
            "id": id, "state": state, "join_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn kind_and_status(m: &Meeting) -> (AttendeeKind, MeetingStatus) {
        match &m.extension {
            Extension::Attendee(ext) => (ext.kind, m.status),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn app_sessions_are_told_apart_from_bots_and_their_states_mapped() {
        let cases = [
            (
                "app_x",
                "connecting",
                AttendeeKind::AppSession,
                MeetingStatus::InProgress,
            ),
            (
                "app_x",
                "connected",
                AttendeeKind::AppSession,
                MeetingStatus::InProgress,
            ),
            (
                "app_x",
                "disconnecting",
                AttendeeKind::AppSession,
                MeetingStatus::InProgress,
            ),
            (
                "app_x",
                "post_processing",
                AttendeeKind::AppSession,
                MeetingStatus::Processing,
            ),
            (
                "app_x",
                "ended",
                AttendeeKind::AppSession,
                MeetingStatus::Ended,
            ),
            (
                "app_x",
                "fatal_error",
                AttendeeKind::AppSession,
                MeetingStatus::Failed,
            ),
            (
                "bot_x",
                "joined_recording",
                AttendeeKind::Bot,
                MeetingStatus::InProgress,
            ),
            (
                "bot_x",
                "scheduled",
                AttendeeKind::Bot,
                MeetingStatus::Scheduled,
            ),
            // A bot in an app session's state is not understood.
            (
                "bot_x",
                "connected",
                AttendeeKind::Bot,
                MeetingStatus::Unknown,
            ),
        ];
        for (id, state, kind, status) in cases {
            let meeting = normalize(record(id, state), false)
                .unwrap_or_else(|| panic!("{id} {state} has a join_at"));
            assert_eq!(kind_and_status(&meeting), (kind, status), "{id} {state}");
        }
    }

    #[test]
    fn only_the_cursor_of_a_next_url_is_kept_whatever_its_origin() {
        let base =
            Url::parse("https://attendee.example.com/prefix").unwrap_or_else(|e| panic!("{e}"));
        let page = |next: &str| {
            let list: PaginatedBotList =
                serde_json::from_value(serde_json::json!({"next": next, "results": []}))
                    .unwrap_or_else(|e| panic!("{e}"));
            page_from(list, &base, false)
        };
        let (same, foreign) = page("https://attendee.example.com/prefix/api/v1/bots?cursor=abc");
        assert_eq!(
            (same.next, foreign),
            (Some(Cursor::Token("abc".into())), None)
        );
        let (proxied, foreign) = page("http://10.0.0.7:8000/api/v1/bots?states=ended&cursor=c%3D");
        assert_eq!(proxied.next, Some(Cursor::Token("c=".into())));
        assert_eq!(foreign.as_deref(), Some("http://10.0.0.7:8000"));
        assert!(proxied.stop.is_none());
        let (none, _) = page("http://10.0.0.7:8000/api/v1/bots?cursor=");
        assert_eq!(
            (none.next, none.stop.map(|e| e.kind)),
            (None, Some(ProviderErrorKind::Pagination))
        );
    }
}
