//! Attendee: `GET /api/v1/bots`, one record per meeting bot.
//!
//! - Window: `join_at_after`/`join_at_before` are strict (`>`/`<`) and leave out bots without a
//!   `join_at`; meetkit asks from one second before `from` and filters exactly.
//! - Paging: fixed pages of 25; `next` is an absolute URL that Attendee builds from the request's
//!   Host header. meetkit follows it only when its origin is the configured base URL's, and then
//!   only takes its `cursor`: credentials never go to another origin.
//! - Normalized start: `join_at`. Bots without one (told to join immediately) belong to no
//!   window and are never listed; the README says so.

use meetkit_attendee::Client;
use meetkit_attendee::open_enums::BotState;
use meetkit_attendee::types::{AttendeeError, Bot};
use url::Url;

use crate::error::{Failure, ProviderError, ProviderErrorKind};
use crate::model::{
    AttendeeExtension, BotEvent, Extension, Meeting, MeetingStatus, Provider, Recording,
};
use crate::paging::{Adapter, Cursor, PagingStyle, RawPage};
use crate::providers::{ErrorBody, classify, raw_json};
use crate::query::{FilterName, Filters, Window};
use crate::registry::{Credential, PageSize, ProviderInfo, Resolution};
use meetkit_client_support::AuthScheme;

const OPERATION: &str = "list_bots";

/// Attendee's descriptor.
pub const INFO: ProviderInfo = ProviderInfo {
    provider: Provider::Attendee,
    display_name: "Attendee",
    record: "a meeting bot",
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
    // 25 bots a page in creation order, not start order: windows cannot be split later.
    default_window_days: 7,
    // GETs are not throttled.
    rate_limits: &[],
    filters: &[
        FilterName::ProviderStatus,
        FilterName::MeetingUrl,
        FilterName::DeduplicationKey,
    ],
    bound_resolution: Resolution::Microsecond,
    paging: PagingStyle::Chained,
    page_order: "creation time, oldest first (not start order)",
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
        }
    }

    /// The cursor of a `next` URL, if it is on the configured origin.
    pub fn cursor_of(&self, next: &str) -> Result<Option<String>, ProviderError> {
        let url = Url::parse(next).map_err(|e| {
            ProviderError::new(
                Provider::Attendee,
                OPERATION,
                ProviderErrorKind::InvalidResponse,
                format!("the next-page URL {next:?} does not parse: {e}"),
            )
        })?;
        if url.origin() != self.base.origin() {
            return Err(ProviderError::new(
                Provider::Attendee,
                OPERATION,
                ProviderErrorKind::ForeignNextUrl,
                format!(
                    "the next page is at {}, another origin than the configured {}; it was not followed, so no credentials left for it",
                    url.origin().ascii_serialization(),
                    self.base.origin().ascii_serialization()
                ),
            )
            .with_hint("Attendee builds next URLs from the Host header: set ATTENDEE_BASE_URL to the exact origin the server is reached at (for example behind a proxy)"));
        }
        Ok(url
            .query_pairs()
            .find(|(k, _)| k == "cursor")
            .map(|(_, v)| v.into_owned()))
    }
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
        vec![AttendeeRequest {
            after: window.from() - chrono::Duration::seconds(1),
            before: window.to(),
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
        match call.send().await {
            Ok(list) => {
                let list = list.into_inner();
                // A bad next URL ends paging after this page; the page itself is kept.
                let (next, stop) = match list.next.as_deref().filter(|n| !n.is_empty()) {
                    None => (None, None),
                    Some(next) => match self.cursor_of(next) {
                        Ok(Some(c)) => (Some(Cursor::Token(c)), None),
                        Ok(None) => (
                            None,
                            Some(ProviderError::new(
                                Provider::Attendee,
                                OPERATION,
                                ProviderErrorKind::Pagination,
                                format!("the next-page URL {next:?} has no cursor"),
                            )),
                        ),
                        Err(e) => (None, Some(e)),
                    },
                };
                Ok(RawPage {
                    stop,
                    records: list.results.len(),
                    meetings: list
                        .results
                        .into_iter()
                        .filter_map(|b| normalize(b, include_raw))
                        .collect(),
                    next,
                    total_pages: None,
                    total_results: None,
                })
            }
            Err(e) => {
                let mut failure = classify(Provider::Attendee, OPERATION, e).await;
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

fn status_of(state: &str) -> MeetingStatus {
    match state {
        "scheduled" | "staged" | "ready" => MeetingStatus::Scheduled,
        "joining"
        | "joined_not_recording"
        | "joined_recording"
        | "joined_recording_paused"
        | "joined_recording_permission_denied"
        | "joining_breakout_room"
        | "leaving_breakout_room"
        | "waiting_room"
        | "leaving"
        | "connecting"
        | "connected"
        | "disconnecting" => MeetingStatus::InProgress,
        "post_processing" => MeetingStatus::Processing,
        "ended" | "data_deleted" => MeetingStatus::Ended,
        "fatal_error" => MeetingStatus::Failed,
        _ => MeetingStatus::Unknown,
    }
}

/// An Attendee bot as a [`Meeting`]; `None` without `join_at`.
pub fn normalize(b: Bot, include_raw: bool) -> Option<Meeting> {
    // Raw first: everything below moves out of `b`.
    let raw = raw_json(&b, include_raw);
    crate::note_value!(Provider::Attendee, "state", b.state);
    let start = b.join_at?;
    let state = b.state.as_ref().map(|s| s.as_str().to_owned());
    Some(Meeting {
        provider: Provider::Attendee,
        account: crate::model::DEFAULT_ACCOUNT.to_owned(),
        id: b.id,
        title: None,
        start,
        end: None,
        duration_seconds: None,
        status: state.as_deref().map_or(MeetingStatus::Unknown, status_of),
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
