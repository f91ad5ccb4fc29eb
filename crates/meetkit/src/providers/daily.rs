//! Daily: `GET /meetings`, meeting sessions, newest first.
//!
//! - Window: `timeframe_start <= start_time < timeframe_end` in unix seconds; meetkit rounds
//!   outward to whole seconds and filters exactly.
//! - Paging: `starting_after` = the last session id of the previous page; a page shorter than
//!   `limit` (max 100) is the last.
//! - Normalized start: `start_time`; end = start + `duration` (Daily has no end time).

use std::num::NonZeroU64;

use meetkit_daily::Client;
use meetkit_daily::types::{DailyError, DailyMeetingList, DailyMeetingSession};

use chrono::{DateTime, Utc};

use crate::descriptor::{Credential, PageSize, Probe, ProviderInfo, RateLimit};
use crate::error::{Failure, ProviderErrorKind};
use crate::model::{DailyExtension, Extension, Meeting, MeetingStatus, Participant, Provider};
use crate::paging::{Adapter, Cursor, PageOrder, PagingStyle, RawPage};
use crate::providers::{ErrorBody, after_seconds, from_unix, raw_json, send};
use crate::query::{FilterName, Filters, Window};
use crate::resolution::{BoundResolution, Resolution, widen};
use meetkit_client_support::AuthScheme;

const OPERATION: &str = "list_meetings";

/// Daily's descriptor.
pub const INFO: ProviderInfo = ProviderInfo {
    provider: Provider::Daily,
    display_name: "Daily",
    record: "a meeting session",
    listing: "meeting sessions",
    record_fields: crate::drift::field_names::<meetkit_daily::types::DailyMeetingSession>,
    operation: OPERATION,
    default_base_url: meetkit_daily::DEFAULT_BASE_URL,
    base_url_var: "DAILY_BASE_URL",
    credentials: &[&[Credential::secret("DAILY_API_KEY", "daily_api_key")]],
    extra_settings: &[],
    auth_scheme: AuthScheme::Bearer,
    configure_hint: "DAILY_API_KEY",
    page_size: PageSize {
        default: 100,
        max: 100,
    },
    longest_window_days: None,
    // Dense windows are split by `total_count` after their first page.
    default_window_days: 365,
    rate_limits: &[RateLimit {
        class: "all",
        per_second: 20.0,
        per_day: None,
        documented: true,
    }],
    rate_limit_headers: None,
    filters: &[FilterName::Room, FilterName::Ongoing],
    provider_status_local: false,
    bound_resolution: Resolution::Second,
    paging: PagingStyle::Chained,
    page_order: "newest first",
    serves_only: "",
};

impl ErrorBody for DailyError {
    fn code(&self) -> Option<String> {
        self.error.clone()
    }
    fn message(&self) -> Option<String> {
        self.info.clone().or_else(|| self.error.clone())
    }
}

/// The Daily adapter.
pub struct Daily {
    client: Client,
    limit: NonZeroU64,
    room: Option<String>,
    ongoing: Option<bool>,
}

/// One Daily listing: a window in unix seconds.
#[derive(Clone, Debug)]
pub struct DailyRequest {
    start: i64,
    end: i64,
}

impl DailyRequest {
    /// Whole seconds covering `window` (`timeframe_end` is exclusive).
    fn covering(window: &Window) -> Self {
        let wide = widen(window, Daily::BOUND_RESOLUTION);
        Self {
            start: wide.from().timestamp(),
            end: wide.to().timestamp(),
        }
    }
}

impl BoundResolution for Daily {
    const BOUND_RESOLUTION: Resolution = INFO.bound_resolution;
}

impl Daily {
    /// An adapter over `client`.
    pub fn new(client: Client, page_size: u32, filters: &Filters) -> Self {
        Self {
            client,
            limit: NonZeroU64::new(u64::from(page_size.clamp(1, 100))).unwrap_or(NonZeroU64::MIN),
            room: filters.room.clone(),
            ongoing: filters.ongoing,
        }
    }
}

impl Adapter for Daily {
    type Request = DailyRequest;

    fn provider(&self) -> Provider {
        Provider::Daily
    }

    fn operation(&self) -> &'static str {
        OPERATION
    }

    fn style(&self) -> PagingStyle {
        PagingStyle::Chained
    }

    fn requests(&self, window: &Window, _filters: &Filters) -> Vec<DailyRequest> {
        vec![DailyRequest::covering(window)]
    }

    fn order(&self, _request: &DailyRequest) -> Option<PageOrder> {
        Some(PageOrder::Descending)
    }

    fn narrow(&self, _request: &DailyRequest, piece: &Window) -> Option<DailyRequest> {
        Some(DailyRequest::covering(piece))
    }

    async fn page(
        &self,
        request: &DailyRequest,
        cursor: Option<&Cursor>,
        include_raw: bool,
    ) -> Result<RawPage, Failure> {
        let mut call = self
            .client
            .list_meetings()
            .timeframe_start(request.start)
            .timeframe_end(request.end)
            .limit(self.limit);
        if let Some(room) = &self.room {
            call = call.room(room.as_str());
        }
        if let Some(ongoing) = self.ongoing {
            call = call.ongoing(ongoing);
        }
        if let Some(Cursor::Token(after)) = cursor {
            call = call.starting_after(after.as_str());
        }
        match send(Provider::Daily, OPERATION, call.send()).await {
            Ok(list) => Ok(page_from(list, self.limit.get(), include_raw)),
            Err(mut failure) => {
                let error = &mut failure.error;
                if error.code.as_deref() == Some("authorization-header-error")
                    || error.kind == ProviderErrorKind::Auth
                {
                    error.kind = ProviderErrorKind::Auth;
                    error.hint = Some("check DAILY_API_KEY: it must be a Daily API key from the dashboard's Developers page".to_owned());
                }
                Err(failure)
            }
        }
    }
}

/// A decoded page as the adapter hands it on: a page as long as `limit` has a next one,
/// after its last session.
#[doc(hidden)]
pub fn page_from(list: DailyMeetingList, limit: u64, include_raw: bool) -> RawPage {
    let records = list.data.len();
    let next = (u64::try_from(records).unwrap_or(u64::MAX) >= limit)
        .then(|| list.data.last().map(|s| Cursor::Token(s.id.clone())))
        .flatten();
    RawPage {
        meetings: super::normalize_page(list.data, include_raw, normalize),
        records,
        next,
        total_pages: None,
        stop: None,
        total_results: u64::try_from(list.total_count).ok(),
        announced: None,
    }
}

/// The wire names of the record fields [`normalize`] maps into `Meeting` or
/// `extension`'s typed fields; every other field of the record reaches `extension.unmapped`
/// (see [`crate::unmapped`]).
pub const NORMALIZED: &[&str] = &[
    "id",
    "room",
    "start_time",
    "duration",
    "ongoing",
    "max_participants",
    "participants",
];

/// A Daily meeting session as a [`Meeting`]; `None` without a start time.
pub fn normalize(s: DailyMeetingSession, include_raw: bool) -> Option<Meeting> {
    // Raw first: everything below moves out of `s`.
    let raw = raw_json(&s, include_raw);
    let unmapped = crate::unmapped::of(&INFO, NORMALIZED, &s);
    let start = from_unix(s.start_time?)?;
    let end = s.duration.and_then(|d| after_seconds(start, d));
    let participant_count = s
        .participants
        .as_ref()
        .map(|p| i64::try_from(p.len()).unwrap_or(i64::MAX));
    let participants: Vec<Participant> = s
        .participants
        .into_iter()
        .flatten()
        .map(|p| Participant {
            id: p.participant_id,
            user_id: p.user_id,
            name: p.user_name,
            email: None,
            join_time: p.join_time.and_then(from_unix),
            duration_seconds: p.duration,
            status: None,
        })
        .collect();
    Some(Meeting {
        provider: Provider::Daily,
        account: crate::model::DEFAULT_ACCOUNT.to_owned(),
        id: s.id,
        title: s.room.clone(),
        start,
        end,
        duration_seconds: s.duration,
        status: if s.ongoing == Some(true) {
            MeetingStatus::InProgress
        } else {
            MeetingStatus::Ended
        },
        status_raw: s
            .ongoing
            .map(|o| if o { "ongoing" } else { "ended" }.to_owned()),
        host: None,
        participant_count,
        participants,
        recording: None,
        meeting_url: None,
        room: s.room,
        extension: Extension::Daily(DailyExtension {
            unmapped,
            ongoing: s.ongoing,
            max_participants: s.max_participants,
        }),
        raw,
    })
}
/// Daily in the registry.
pub(crate) struct DailyConnector;

impl crate::providers::Connector for DailyConnector {
    fn info(&self) -> &'static ProviderInfo {
        &INFO
    }

    fn probe(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Probe {
        Probe {
            operation: OPERATION,
            spec_path: meetkit_daily::SPEC_PATH,
            spec_text: meetkit_daily::SPEC,
            path: "/meetings",
            query: vec![
                ("timeframe_start", from.timestamp().to_string()),
                ("timeframe_end", to.timestamp().to_string()),
                ("limit", "1".into()),
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
            Daily::new(client, partition.page_size, &partition.filters),
            partition,
            ctx,
            upfront,
        )
    }
}
