//! Telnyx Video: `GET /room_recordings`, one record per recording.
//!
//! - Window: `filter[date_started_at][gte|lte]` are whole dates (inclusive); meetkit widens the
//!   window to whole days, asks for a day more on each side and filters exactly on `started_at`.
//! - Paging: numbered pages (`page[number]`, `page[size]` up to 250) with `meta.total_pages`;
//!   after the first page the rest are fetched concurrently. If the totals change meanwhile
//!   (recordings added), the window is walked again in order (see [`crate::paging`]).
//! - Normalized start: `started_at`; recordings without one are left out.

use std::num::NonZeroU64;

use meetkit_telnyx::Client;
use meetkit_telnyx::types::{RoomRecording, RoomRecordingList, TelnyxErrors};
use uuid::Uuid;

use chrono::{DateTime, Utc};

use crate::descriptor::{Credential, PageSize, Probe, ProviderInfo, RateLimit, RateLimitHeaders};
use crate::error::{Failure, ProviderErrorKind, QueryError};
use crate::model::{Extension, Meeting, MeetingStatus, Provider, Recording, TelnyxExtension};
use crate::paging::{Adapter, Cursor, PagingStyle, RawPage};
use crate::providers::{ErrorBody, after_seconds, non_empty, raw_json, send_telling};
use crate::query::{FilterName, Filters, Window};
use crate::resolution::{BoundResolution, Resolution, widen};
use meetkit_client_support::AuthScheme;

const OPERATION: &str = "list_room_recordings";

/// Telnyx's descriptor.
pub const INFO: ProviderInfo = ProviderInfo {
    provider: Provider::Telnyx,
    display_name: "Telnyx Video",
    record: "a room recording",
    listing: "room recordings",
    record_fields: crate::drift::field_names::<meetkit_telnyx::types::RoomRecording>,
    operation: OPERATION,
    default_base_url: meetkit_telnyx::DEFAULT_BASE_URL,
    base_url_var: "TELNYX_BASE_URL",
    credentials: &[&[Credential::secret("TELNYX_API_KEY", "telnyx_api_key")]],
    extra_settings: &[],
    auth_scheme: AuthScheme::Bearer,
    configure_hint: "TELNYX_API_KEY",
    page_size: PageSize {
        default: 20,
        max: 250,
    },
    longest_window_days: None,
    // Numbered pages are fetched at once, so long windows cost nothing in latency.
    default_window_days: 365,
    // Telnyx publishes no number but tells the limit on its answers (`rate_limit_headers`),
    // which meetkit adopts; the sandbox throttles here.
    rate_limits: &[RateLimit {
        class: "all",
        per_second: 20.0,
        per_day: None,
        documented: false,
    }],
    rate_limit_headers: Some(RateLimitHeaders {
        limit: "x-ratelimit-limit",
        reset: "x-ratelimit-reset",
    }),
    filters: &[
        FilterName::Room,
        FilterName::ProviderStatus,
        FilterName::RecordingType,
        FilterName::SessionId,
        FilterName::ParticipantId,
    ],
    provider_status_local: false,
    bound_resolution: Resolution::Day,
    paging: PagingStyle::Numbered,
    page_order: "not documented",
    serves_only: "",
};
const BYTES_PER_MB: f64 = 1_000_000.0;

impl ErrorBody for TelnyxErrors {
    fn code(&self) -> Option<String> {
        self.errors.first().and_then(|e| e.code.clone())
    }
    fn message(&self) -> Option<String> {
        let first = self.errors.first()?;
        match (&first.title, &first.detail) {
            (Some(t), Some(d)) => Some(format!("{t}: {d}")),
            (t, d) => t.clone().or_else(|| d.clone()),
        }
    }
}

/// Telnyx filters that must be uuids.
#[derive(Clone, Debug, Default)]
struct UuidFilters {
    room: Option<Uuid>,
    session: Option<Uuid>,
    participant: Option<Uuid>,
}

/// The Telnyx adapter.
pub struct Telnyx {
    client: Client,
    page_size: NonZeroU64,
    ids: UuidFilters,
    status: Option<String>,
    kind: Option<String>,
    min_duration: Option<i64>,
    max_duration: Option<i64>,
}

/// One Telnyx listing: an inclusive date range on `started_at`.
#[derive(Clone, Debug)]
pub struct TelnyxRequest {
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
}

fn parse_uuid(name: &str, value: Option<&String>) -> Result<Option<Uuid>, QueryError> {
    value
        .map(|v| {
            Uuid::parse_str(v.trim()).map_err(|_| QueryError::InvalidFilter {
                provider: Provider::Telnyx,
                message: format!("--{name} must be a Telnyx uuid such as 7b61621f-5fe4-4aad-ab11-9fd19e272e73, not {v:?}"),
            })
        })
        .transpose()
}

impl Telnyx {
    /// An adapter over `client`; fails when an id filter is not a uuid, or more than one
    /// provider status is asked for (Telnyx filters on one).
    pub fn new(client: Client, page_size: u32, filters: &Filters) -> Result<Self, QueryError> {
        if filters.provider_status.len() > 1 {
            return Err(QueryError::InvalidFilter {
                provider: Provider::Telnyx,
                message:
                    "Telnyx filters on one recording status at a time (completed or processing)"
                        .to_owned(),
            });
        }
        Ok(Self {
            client,
            page_size: NonZeroU64::new(u64::from(page_size.clamp(1, 250)))
                .unwrap_or(NonZeroU64::MIN),
            ids: UuidFilters {
                room: parse_uuid("room", filters.room.as_ref())?,
                session: parse_uuid("session-id", filters.session_id.as_ref())?,
                participant: parse_uuid("participant-id", filters.participant_id.as_ref())?,
            },
            status: filters.provider_status.first().cloned(),
            kind: filters.recording_type.clone(),
            min_duration: filters.min_duration_seconds,
            max_duration: filters.max_duration_seconds,
        })
    }
}

impl BoundResolution for Telnyx {
    const BOUND_RESOLUTION: Resolution = INFO.bound_resolution;
}

impl Adapter for Telnyx {
    type Request = TelnyxRequest;

    fn provider(&self) -> Provider {
        Provider::Telnyx
    }

    fn operation(&self) -> &'static str {
        OPERATION
    }

    fn style(&self) -> PagingStyle {
        PagingStyle::Numbered
    }

    fn requests(&self, window: &Window, _filters: &Filters) -> Vec<TelnyxRequest> {
        let wide = widen(window, Self::BOUND_RESOLUTION);
        let first = wide.from().date_naive();
        // Inclusive dates: the last is the day before the widened end, plus the pad.
        vec![TelnyxRequest {
            from: first.pred_opt().unwrap_or(first),
            to: wide.to().date_naive(),
        }]
    }

    async fn page(
        &self,
        request: &TelnyxRequest,
        cursor: Option<&Cursor>,
        include_raw: bool,
    ) -> Result<RawPage, Failure> {
        let number = match cursor {
            Some(Cursor::Number(n)) => *n,
            _ => 1,
        };
        let mut call = self
            .client
            .list_room_recordings()
            .filter_date_started_at_gte(request.from)
            .filter_date_started_at_lte(request.to)
            .page_size(self.page_size)
            .page_number(NonZeroU64::new(number).unwrap_or(NonZeroU64::MIN));
        if let Some(room) = self.ids.room {
            call = call.filter_room_id(room);
        }
        if let Some(session) = self.ids.session {
            call = call.filter_session_id(session);
        }
        if let Some(participant) = self.ids.participant {
            call = call.filter_participant_id(participant);
        }
        if let Some(status) = &self.status {
            call = call.filter_status(status.as_str());
        }
        if let Some(kind) = &self.kind {
            call = call.filter_type(kind.as_str());
        }
        if let Some(min) = self.min_duration {
            call = call.filter_duration_secs_gte(min);
        }
        if let Some(max) = self.max_duration {
            call = call.filter_duration_secs_lte(max);
        }
        let names = INFO.rate_limit_headers.as_ref();
        match send_telling(Provider::Telnyx, OPERATION, names, call.send()).await {
            Ok((list, told)) => Ok(RawPage {
                announced: told,
                ..page_from(list, number, include_raw)
            }),
            Err(mut failure) => {
                if failure.error.kind == ProviderErrorKind::Auth {
                    failure.error.hint = Some("check TELNYX_API_KEY: a v2 API key from the Telnyx portal (Auth → API Keys)".to_owned());
                }
                Err(failure)
            }
        }
    }
}

/// Decoded page `number` as the adapter hands it on, with the totals of its `meta`.
#[doc(hidden)]
pub fn page_from(list: RoomRecordingList, number: u64, include_raw: bool) -> RawPage {
    let meta = list.meta.unwrap_or_default();
    let total_pages = meta.total_pages.and_then(|t| u64::try_from(t).ok());
    RawPage {
        records: list.data.len(),
        meetings: super::normalize_page(list.data, include_raw, normalize),
        next: total_pages
            .filter(|t| number < *t)
            .map(|_| Cursor::Number(number + 1)),
        total_pages,
        stop: None,
        total_results: meta.total_results.and_then(|t| u64::try_from(t).ok()),
        announced: None,
    }
}

/// The wire names of the record fields [`normalize`] maps into `Meeting` or
/// `extension`'s typed fields; every other field of the record reaches `extension.unmapped`
/// (see [`crate::unmapped`]).
pub const NORMALIZED: &[&str] = &[
    "id",
    "started_at",
    "ended_at",
    "duration_secs",
    "status",
    "download_url",
    "size_mb",
    "codec",
    "type",
    "room_id",
    "session_id",
    "participant_id",
    "record_type",
    "created_at",
    "updated_at",
    "completed_at",
];

/// A Telnyx room recording as a [`Meeting`]; `None` without a start time.
pub fn normalize(r: RoomRecording, include_raw: bool) -> Option<Meeting> {
    // Raw first: everything below moves out of `r`.
    let raw = raw_json(&r, include_raw);
    let unmapped = crate::unmapped::of(&INFO, NORMALIZED, &r);
    crate::note_value!(Provider::Telnyx, "status", r.status);
    crate::note_value!(Provider::Telnyx, "type", r.type_);
    let start = r.started_at?;
    let duration = r
        .duration_secs
        .or_else(|| r.ended_at.map(|e| (e - start).num_seconds()));
    let status_raw = r.status.as_ref().map(|s| s.as_str().to_owned());
    let status = match status_raw.as_deref() {
        Some("completed") => MeetingStatus::Ended,
        Some("processing") => MeetingStatus::Processing,
        _ => MeetingStatus::Unknown,
    };
    let id = r.id.to_string();
    Some(Meeting {
        provider: Provider::Telnyx,
        account: crate::model::DEFAULT_ACCOUNT.to_owned(),
        id: id.clone(),
        title: None,
        start,
        end: r
            .ended_at
            .or_else(|| duration.and_then(|d| after_seconds(start, d))),
        duration_seconds: duration,
        status,
        status_raw: status_raw.clone(),
        host: None,
        participants: Vec::new(),
        participant_count: None,
        recording: Some(Recording {
            id: Some(id),
            status: status_raw,
            url: non_empty(r.download_url),
            duration_seconds: r.duration_secs,
            size_bytes: r.size_mb.map(|mb| (mb * BYTES_PER_MB).round() as i64),
            codec: r.codec,
            kind: r.type_.as_ref().map(|t| t.as_str().to_owned()),
        }),
        meeting_url: None,
        room: r.room_id.map(|u| u.to_string()),
        extension: Extension::Telnyx(TelnyxExtension {
            unmapped,
            session_id: r.session_id.map(|u| u.to_string()),
            participant_id: r.participant_id.map(|u| u.to_string()),
            size_mb: r.size_mb,
            record_type: r.record_type,
            created_at: r.created_at,
            updated_at: r.updated_at,
            completed_at: r.completed_at,
        }),
        raw,
    })
}
/// Telnyx in the registry.
pub(crate) struct TelnyxConnector;

impl crate::providers::Connector for TelnyxConnector {
    fn info(&self) -> &'static ProviderInfo {
        &INFO
    }

    fn probe(&self, from: DateTime<Utc>, _to: DateTime<Utc>) -> Probe {
        Probe {
            operation: OPERATION,
            spec_path: meetkit_telnyx::SPEC_PATH,
            spec_text: meetkit_telnyx::SPEC,
            path: "/room_recordings",
            query: vec![
                (
                    "filter[date_started_at][gte]",
                    from.format("%Y-%m-%d").to_string(),
                ),
                ("page[size]", "1".into()),
            ],
            headers: &[],
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
        let client =
            Client::new_with_client(&endpoint.base_url, http.clone(), endpoint.auth.clone());
        crate::run::start(
            Telnyx::new(client, partition.page_size, &partition.filters)?,
            partition,
            ctx,
            upfront,
        )
    }
}
