//! Attention: `GET /v2/recorder_metrics/all_meetings`, one record per calendar event.
//!
//! - Window: `fromDateTime`/`toDateTime` are both inclusive and at most 90 days apart; meetkit
//!   sends whole seconds (the start cut down, the end raised; a window that then spans more
//!   than 90 days is asked in two halves) and filters the inclusive end away. `upcoming=true` serves future meetings and `false` past
//!   ones (the server's "now" decides the split): a window more than a day from now is asked only
//!   the way that can hold meetings, one near now both ways, unless the query asks for one.
//! - Paging: `nextCursor`, absent or empty at the end.
//! - Normalized start: `date`. The id is the calendar event `uuid`.

use std::num::NonZeroU64;

use meetkit_attention::Client;
use meetkit_attention::types::{AttentionError, RecorderMeeting, RecorderMeetingList};

use chrono::{DateTime, Utc};

use crate::descriptor::{Credential, PageSize, Probe, ProviderInfo, RateLimit};
use crate::error::{Failure, ProviderErrorKind};
use crate::model::{
    AttentionExtension, Extension, Meeting, MeetingStatus, Participant, Person, Provider, Recording,
};
use crate::paging::{Adapter, Cursor, PageOrder, PagingStyle, RawPage};
use crate::providers::{ErrorBody, non_empty, raw_json, send};
use crate::query::{FilterName, Filters, Window};
use crate::resolution::{BoundResolution, Resolution, widen};
use meetkit_client_support::AuthScheme;

const OPERATION: &str = "list_recorder_meetings";

/// Attention's descriptor.
pub const INFO: ProviderInfo = ProviderInfo {
    provider: Provider::Attention,
    display_name: "Attention",
    record: "a calendar event",
    listing: "recorder meetings",
    record_fields: crate::drift::field_names::<meetkit_attention::types::RecorderMeeting>,
    operation: OPERATION,
    default_base_url: meetkit_attention::DEFAULT_BASE_URL,
    base_url_var: "ATTENTION_BASE_URL",
    credentials: &[&[Credential::secret("ATTENTION_API_KEY", "attention_api_key")]],
    extra_settings: &[],
    auth_scheme: AuthScheme::Bare,
    configure_hint: "ATTENTION_API_KEY (an organization-level key)",
    page_size: PageSize {
        default: 50,
        max: 200,
    },
    longest_window_days: Some(MAX_SPAN_DAYS),
    default_window_days: MAX_SPAN_DAYS,
    // Attention throttles with 429s but publishes no limit; the sandbox throttles here, and
    // meetkit learns the rate from the 429s (`ratelimit.rs`).
    rate_limits: &[RateLimit {
        class: "all",
        per_second: 10.0,
        per_day: None,
        documented: false,
    }],
    rate_limit_headers: None,
    filters: &[
        FilterName::Host,
        FilterName::ProviderStatus,
        FilterName::MeetingType,
    ],
    provider_status_local: true,
    bound_resolution: Resolution::Second,
    paging: PagingStyle::Chained,
    page_order: "past newest first, upcoming oldest first",
    serves_only: "",
};
/// Attention's longest window.
pub const MAX_SPAN_DAYS: i64 = 90;
/// Meeting types Attention accepts in `filter[meeting_type]`.
pub const MEETING_TYPES: [&str; 2] = ["internal", "external"];
/// How far the server's "now" may be from ours before a window is asked only one way.
const CLOCK_SKEW_DAYS: i64 = 1;

impl ErrorBody for AttentionError {
    fn code(&self) -> Option<String> {
        self.error.clone()
    }
    fn message(&self) -> Option<String> {
        self.message.clone().or_else(|| self.error.clone())
    }
}

/// The Attention adapter.
pub struct Attention {
    client: Client,
    size: NonZeroU64,
    users: Vec<String>,
    meeting_type: Option<String>,
}

/// One Attention listing: an inclusive range, past or upcoming.
#[derive(Clone, Debug)]
pub struct AttentionRequest {
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
    upcoming: bool,
}

impl Attention {
    /// An adapter over `client`.
    pub fn new(client: Client, page_size: u32, filters: &Filters) -> Self {
        Self {
            client,
            size: NonZeroU64::new(u64::from(page_size.clamp(1, 200))).unwrap_or(NonZeroU64::MIN),
            users: filters.host.clone(),
            meeting_type: filters.meeting_type.clone(),
        }
    }
}

impl BoundResolution for Attention {
    const BOUND_RESOLUTION: Resolution = INFO.bound_resolution;
}

impl Adapter for Attention {
    type Request = AttentionRequest;

    fn provider(&self) -> Provider {
        Provider::Attention
    }

    fn operation(&self) -> &'static str {
        OPERATION
    }

    fn style(&self) -> PagingStyle {
        PagingStyle::Chained
    }

    fn requests(&self, window: &Window, filters: &Filters) -> Vec<AttentionRequest> {
        let halves: &[bool] = match filters.upcoming {
            Some(true) => &[true],
            Some(false) => &[false],
            None => {
                // The server's clock splits past from upcoming; within a day of ours, a window
                // is asked both ways, farther off only the way that can have meetings.
                let now = chrono::Utc::now();
                let skew = chrono::Duration::days(CLOCK_SKEW_DAYS);
                match (window.from() < now + skew, window.to() > now - skew) {
                    (true, false) => &[false],
                    (false, true) => &[true],
                    _ => &[false, true],
                }
            }
        };
        let wide = widen(window, Self::BOUND_RESOLUTION);
        let parts = if wide.to() - wide.from() > chrono::Duration::days(MAX_SPAN_DAYS) {
            window.split_into(2)
        } else {
            vec![*window]
        };
        halves
            .iter()
            .flat_map(|&upcoming| {
                parts.iter().map(move |part| {
                    let wide = widen(part, Self::BOUND_RESOLUTION);
                    AttentionRequest {
                        from: wide.from(),
                        to: wide.to(),
                        upcoming,
                    }
                })
            })
            .collect()
    }

    fn order(&self, request: &AttentionRequest) -> Option<PageOrder> {
        // Documented: past meetings newest first, upcoming ones oldest first.
        Some(if request.upcoming {
            PageOrder::Ascending
        } else {
            PageOrder::Descending
        })
    }

    fn narrow(&self, request: &AttentionRequest, piece: &Window) -> Option<AttentionRequest> {
        let wide = widen(piece, Self::BOUND_RESOLUTION);
        Some(AttentionRequest {
            from: wide.from(),
            to: wide.to(),
            upcoming: request.upcoming,
        })
    }

    async fn page(
        &self,
        request: &AttentionRequest,
        cursor: Option<&Cursor>,
        include_raw: bool,
    ) -> Result<RawPage, Failure> {
        let mut call = self
            .client
            .list_recorder_meetings()
            .from_date_time(request.from)
            .to_date_time(request.to)
            .size(self.size)
            .upcoming(request.upcoming);
        if !self.users.is_empty() {
            call = call.filter_user_id(self.users.clone());
        }
        if let Some(kind) = &self.meeting_type {
            call = call.filter_meeting_type(
                meetkit_attention::open_enums::MeetingTypeFilter::from(kind.as_str()),
            );
        }
        if let Some(Cursor::Token(c)) = cursor {
            call = call.cursor(c.as_str());
        }
        match send(Provider::Attention, OPERATION, call.send()).await {
            Ok(list) => Ok(page_from(list, include_raw)),
            Err(mut failure) => {
                if failure.error.kind == ProviderErrorKind::Auth {
                    failure.error.hint = Some(
                        "check ATTENTION_API_KEY: it must be an organization-level key".to_owned(),
                    );
                }
                Err(failure)
            }
        }
    }
}

/// A decoded page as the adapter hands it on (`nextCursor` absent or empty at the end).
#[doc(hidden)]
pub fn page_from(list: RecorderMeetingList, include_raw: bool) -> RawPage {
    RawPage {
        records: list.items.len(),
        meetings: super::normalize_page(list.items, include_raw, normalize),
        next: non_empty(list.next_cursor).map(Cursor::Token),
        total_pages: None,
        stop: None,
        total_results: None,
        announced: None,
    }
}

fn status_of(status: &str) -> MeetingStatus {
    match status {
        "recorded" | "empty_recording" => MeetingStatus::Ended,
        "scheduled_future" => MeetingStatus::Scheduled,
        "calendar_event_cancelled"
        | "event_not_accepted"
        | "user_override"
        | "not_join_internal_team_meetings"
        | "external_meetings_disabled"
        | "blacklisted_attendees"
        | "not_join_when_alone"
        | "bot_disabled"
        | "no_meeting_link"
        | "bot_not_scheduled" => MeetingStatus::Cancelled,
        "technical_error" | "bot_removed" | "waiting_room" => MeetingStatus::Failed,
        _ => MeetingStatus::Unknown,
    }
}

/// The wire names of the record fields [`normalize`] maps into `Meeting` or
/// `extension`'s typed fields; every other field of the record reaches `extension.unmapped`
/// (see [`crate::unmapped`]).
pub const NORMALIZED: &[&str] = &[
    "uuid",
    "date",
    "summary",
    "status",
    "userUuid",
    "userName",
    "participants",
    "conversationUuid",
    "statusLabel",
    "consentLinkUsed",
    "consentStatus",
];

/// An Attention recorder meeting as a [`Meeting`]; `None` without a date.
pub fn normalize(m: RecorderMeeting, include_raw: bool) -> Option<Meeting> {
    // Raw first: everything below moves out of `m`.
    let raw = raw_json(&m, include_raw);
    let unmapped = crate::unmapped::of(&INFO, NORMALIZED, &m);
    let start = m.date?;
    let participant_count = m
        .participants
        .as_ref()
        .map(|p| i64::try_from(p.len()).unwrap_or(i64::MAX));
    let participants: Vec<Participant> = m
        .participants
        .into_iter()
        .flatten()
        .map(|p| Participant {
            id: None,
            user_id: p.user_uuid,
            name: p.user_name,
            email: None,
            join_time: None,
            duration_seconds: None,
            status: p.status,
        })
        .collect();
    Some(Meeting {
        provider: Provider::Attention,
        account: crate::model::DEFAULT_ACCOUNT.to_owned(),
        id: m.uuid,
        title: m.summary,
        start,
        end: None,
        duration_seconds: None,
        status: m
            .status
            .as_deref()
            .map_or(MeetingStatus::Unknown, status_of),
        status_raw: m.status.clone(),
        host: (m.user_uuid.is_some() || m.user_name.is_some()).then_some(Person {
            id: m.user_uuid,
            name: m.user_name,
            email: None,
        }),
        participant_count,
        participants,
        recording: m.conversation_uuid.clone().map(|c| Recording {
            id: Some(c),
            status: m.status,
            ..Recording::default()
        }),
        meeting_url: None,
        room: None,
        extension: Extension::Attention(AttentionExtension {
            unmapped,
            status_label: m.status_label,
            conversation_uuid: m.conversation_uuid,
            consent_link_used: m.consent_link_used,
            consent_status: m.consent_status,
        }),
        raw,
    })
}
/// Attention in the registry.
pub(crate) struct AttentionConnector;

impl crate::providers::Connector for AttentionConnector {
    fn info(&self) -> &'static ProviderInfo {
        &INFO
    }

    fn probe(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Probe {
        let rfc3339 = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        Probe {
            operation: OPERATION,
            spec_path: meetkit_attention::SPEC_PATH,
            spec_text: meetkit_attention::SPEC,
            path: "/recorder_metrics/all_meetings",
            query: vec![
                ("fromDateTime", rfc3339(from)),
                ("toDateTime", rfc3339(to)),
                ("size", "1".into()),
            ],
            headers: &[],
        }
    }

    fn check_filter_values(&self, filters: &Filters) -> Result<(), crate::error::QueryError> {
        crate::providers::check_meeting_type(&INFO, filters, &MEETING_TYPES)
    }

    fn stream(
        &self,
        endpoint: &crate::providers::Endpoint,
        http: &reqwest::Client,
        partition: &crate::plan::Partition,
        ctx: std::sync::Arc<crate::paging::FetchContext>,
        upfront: Vec<crate::error::ProviderError>,
    ) -> Result<crate::providers::PartitionStream, crate::error::Error> {
        let client =
            Client::new_with_client(&endpoint.base_url, http.clone(), endpoint.auth.clone());
        crate::run::start(
            Attention::new(client, partition.page_size, &partition.filters),
            partition,
            ctx,
            upfront,
        )
    }
}
