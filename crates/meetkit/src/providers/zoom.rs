//! Zoom: `GET /report/users/{userId}/meetings`, past meetings of one user.
//!
//! - Whose: with Server-to-Server OAuth and no `host` filter, every user of the account of
//!   the configured statuses (`ZOOM_USER_STATUSES`, default active and inactive), listed at
//!   planning (`zoom_users.rs`), a partition per user; with `host`, the named users; with a
//!   static access token, `me`. A meeting in several users' reports is listed once (by uuid).
//! - Daily cap: report calls are Heavy, capped per account per day (30,000 Pro, 60,000
//!   Business+). The plan warns when it needs more than `ZOOM_DAILY_REQUEST_BUDGET`; a 429
//!   with `X-RateLimit-Type: Daily-limit` stops the account at once (waiting will not help).
//!
//! - Window: `from`/`to` are whole dates, at most one month apart and no older than six months.
//!   Zoom's day boundary is not documented as UTC, so meetkit widens the listing to whole days
//!   and asks one day more at each end, then filters exactly. A long listing is cut at
//!   midnights into windows as long as the one-month rule allows (up to 32 days, by the
//!   calendar: `month_windows`); neighbours ask no day twice, and a meeting near an inner edge,
//!   which Zoom returns to one side only, is kept by that side (`Adapter::keeps`). Parts older
//!   than six months are reported, not silently dropped.
//! - Paging: `next_page_token`, `""` on the last page, expiring after 15 minutes (400 code 300:
//!   the listing restarts and duplicates are dropped).
//! - Auth: Bearer access token, minted from Server-to-Server OAuth credentials and re-minted
//!   once when a request gets 401.
//! - Normalized start: `start_time`. Meetings without one are left out. The id is the instance
//!   `uuid` (the meeting number is shared by every occurrence of a recurring meeting).

use std::num::NonZeroU64;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Months, NaiveDate, NaiveTime, Utc};
use meetkit_client_support::{Auth, AuthScheme, Secret};
use meetkit_zoom::Client;
use meetkit_zoom::open_enums::{ZoomGrantType, ZoomReportType};
use meetkit_zoom::types::{ZoomError, ZoomMeetingReport, ZoomOAuthError, ZoomReportMeeting};
use tokio::sync::Mutex;

use crate::descriptor::{Credential, PageSize, Probe, ProviderInfo, RateLimit};
use crate::error::{Failure, ProviderError, ProviderErrorKind};
use crate::model::{Extension, KeyValue, Meeting, MeetingStatus, Person, Provider, ZoomExtension};
use crate::paging::{Adapter, Cursor, PagingStyle, RawPage};
use crate::providers::{ErrorBody, after_seconds, non_empty, raw_json, send};
use crate::query::{FilterName, Filters, Window};
use crate::resolution::{BoundResolution, Resolution, widen};

const OPERATION: &str = "report_user_meetings";

/// Zoom's descriptor.
pub const INFO: ProviderInfo = ProviderInfo {
    provider: Provider::Zoom,
    display_name: "Zoom",
    record: "a past meeting instance (report)",
    listing: "Reports API",
    record_fields: crate::drift::field_names::<meetkit_zoom::types::ZoomReportMeeting>,
    operation: OPERATION,
    default_base_url: meetkit_zoom::DEFAULT_BASE_URL,
    base_url_var: "ZOOM_BASE_URL",
    credentials: &[
        &[
            Credential::plain("ZOOM_ACCOUNT_ID", "zoom_account_id"),
            Credential::plain("ZOOM_CLIENT_ID", "zoom_client_id"),
            Credential::secret("ZOOM_CLIENT_SECRET", "zoom_client_secret"),
        ],
        &[Credential::secret("ZOOM_ACCESS_TOKEN", "zoom_access_token")],
    ],
    extra_settings: &[
        Credential::plain("ZOOM_OAUTH_URL", "zoom_oauth_url"),
        Credential::plain("ZOOM_USER_STATUSES", "zoom_user_statuses"),
        Credential::plain("ZOOM_DAILY_REQUEST_BUDGET", "zoom_daily_request_budget"),
    ],
    auth_scheme: AuthScheme::Bearer,
    configure_hint: "ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (Server-to-Server OAuth app with the report:read:admin and user:read:admin scopes), or ZOOM_ACCESS_TOKEN",
    page_size: PageSize {
        default: 30,
        max: 300,
    },
    // One month at most between `from` and `to`, both included; inner edges ask no extra
    // day, so a window runs up to 32 days after a 31-day month and fewer after shorter ones
    // (`month_windows`).
    longest_window_days: Some(32),
    default_window_days: 32,
    // The report first: its class is the provider's rate (`--rate`).
    rate_limits: &[
        RateLimit {
            class: "Heavy",
            per_second: 10.0,
            per_day: Some(30_000),
            documented: true,
        },
        RateLimit {
            class: USERS_CLASS,
            per_second: 20.0,
            per_day: None,
            documented: true,
        },
    ],
    // Known by plan; its `X-RateLimit-Limit` is per category and not read.
    rate_limit_headers: None,
    filters: &[FilterName::Host, FilterName::MeetingType],
    provider_status_local: false,
    bound_resolution: Resolution::Day,
    paging: PagingStyle::Chained,
    page_order: "not documented",
    serves_only: "reports for the last six months only",
};
/// The rate-limit class of `GET /users`.
pub const USERS_CLASS: &str = "Medium";
/// Report types Zoom accepts in `type`.
pub const REPORT_TYPES: [&str; 3] = ["past", "pastOne", "pastJoined"];

impl ErrorBody for ZoomError {
    fn code(&self) -> Option<String> {
        self.code.map(|c| c.to_string())
    }
    fn message(&self) -> Option<String> {
        self.message.clone()
    }
}

impl ErrorBody for ZoomOAuthError {
    fn code(&self) -> Option<String> {
        self.error.clone()
    }
    fn message(&self) -> Option<String> {
        self.reason.clone().or_else(|| self.error.clone())
    }
}

/// Mints Server-to-Server OAuth access tokens into the shared [`Auth`].
pub struct TokenMinter {
    oauth: Client,
    account_id: String,
    generation: AtomicU64,
    lock: Mutex<()>,
}

impl TokenMinter {
    /// A minter calling `oauth` (built with Basic client credentials) for `account_id`.
    pub fn new(oauth: Client, account_id: String) -> Self {
        Self {
            oauth,
            account_id,
            generation: AtomicU64::new(0),
            lock: Mutex::new(()),
        }
    }

    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Mints a token unless one newer than `seen` exists (many requests may see the same 401).
    pub(crate) async fn mint_after(&self, seen: u64, auth: &Auth) -> Result<(), Failure> {
        let _guard = self.lock.lock().await;
        if self.generation() > seen {
            return Ok(());
        }
        let request = self
            .oauth
            .create_access_token()
            .grant_type(ZoomGrantType::AccountCredentials)
            .account_id(self.account_id.as_str())
            .send();
        match send(Provider::Zoom, "create_access_token", request).await {
            Ok(token) => {
                auth.rotate(&Secret::new(token.access_token)).map_err(|_| {
                    Failure::fatal(ProviderError::new(
                        Provider::Zoom,
                        "create_access_token",
                        ProviderErrorKind::InvalidResponse,
                        "Zoom returned an access token that cannot be sent in a header",
                    ))
                })?;
                self.generation.fetch_add(1, Ordering::AcqRel);
                tracing::debug!("minted a Zoom access token");
                Ok(())
            }
            Err(mut failure) => {
                if matches!(
                    failure.error.kind,
                    ProviderErrorKind::Auth | ProviderErrorKind::BadRequest
                ) {
                    failure.error.kind = ProviderErrorKind::Auth;
                    failure.error.hint = Some(
                        "check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET: they must belong to an activated Server-to-Server OAuth app"
                            .to_owned(),
                    );
                }
                Err(failure)
            }
        }
    }
}

/// The Zoom adapter.
pub struct Zoom {
    client: Client,
    auth: Auth,
    minter: Option<Arc<TokenMinter>>,
    user: Option<String>,
    page_size: NonZeroU64,
    report_type: Option<ZoomReportType>,
}

/// One Zoom listing: a user over an inclusive date range.
#[derive(Clone, Debug)]
pub struct ZoomRequest {
    user: String,
    from: NaiveDate,
    to: NaiveDate,
}

impl Zoom {
    /// An adapter over `client`, whose inner [`Auth`] is `auth`; `minter` renews it. `user`
    /// is the one user whose report it lists (a partition of an account-wide listing); without
    /// one, the `host` filter's users, or `me`.
    pub fn new(
        client: Client,
        auth: Auth,
        minter: Option<Arc<TokenMinter>>,
        user: Option<String>,
        page_size: u32,
        filters: &Filters,
    ) -> Self {
        Self {
            client,
            auth,
            minter,
            user,
            page_size: NonZeroU64::new(u64::from(page_size.clamp(1, 300)))
                .unwrap_or(NonZeroU64::MIN),
            report_type: filters.meeting_type.as_deref().map(ZoomReportType::from),
        }
    }

    /// The earliest date Zoom serves reports for, six months before `today`.
    pub fn earliest(today: NaiveDate) -> NaiveDate {
        today.checked_sub_months(Months::new(6)).unwrap_or(today)
    }

    /// Splits `window` into the part Zoom can serve and the part older than six months.
    pub fn servable(window: &Window) -> (Option<Window>, Option<Window>) {
        let earliest = Self::earliest(Utc::now().date_naive())
            .and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc());
        let Some(earliest) = earliest else {
            return (Some(*window), None);
        };
        let old = Window::new(window.from(), earliest.min(window.to())).ok();
        let servable = Window::new(earliest.max(window.from()), window.to()).ok();
        (servable, old)
    }

    async fn call(
        &self,
        request: &ZoomRequest,
        cursor: Option<&Cursor>,
        include_raw: bool,
    ) -> Result<RawPage, Failure> {
        let mut call = self
            .client
            .report_user_meetings()
            .user_id(request.user.as_str())
            .from(request.from)
            .to(request.to)
            .page_size(self.page_size);
        if let Some(kind) = &self.report_type {
            call = call.type_(kind.clone());
        }
        if let Some(Cursor::Token(token)) = cursor {
            call = call.next_page_token(token.as_str());
        }
        match send(Provider::Zoom, OPERATION, call.send()).await {
            Ok(report) => Ok(page_from(report, include_raw)),
            Err(mut failure) => {
                refine(&mut failure, request, cursor.is_some());
                Err(failure)
            }
        }
    }
}

/// A decoded report page as the adapter hands it on (`next_page_token` is `""` at the end).
#[doc(hidden)]
pub fn page_from(report: ZoomMeetingReport, include_raw: bool) -> RawPage {
    let records = report.meetings.unwrap_or_default();
    let count = records.len();
    let meetings = super::normalize_page(records, include_raw, normalize);
    RawPage {
        meetings,
        records: count,
        next: non_empty(report.next_page_token).map(Cursor::Token),
        total_pages: None,
        stop: None,
        total_results: report.total_records.and_then(|t| u64::try_from(t).ok()),
        announced: None,
    }
}

fn refine(failure: &mut Failure, request: &ZoomRequest, had_cursor: bool) {
    let error = &mut failure.error;
    match (error.status, error.code.as_deref()) {
        (Some(400), Some("300")) if had_cursor => {
            failure.next = crate::error::Next::Restart;
            failure.error.scope = crate::error::Scope::Window;
        }
        (Some(400), Some("200")) => {
            error.kind = ProviderErrorKind::Permission;
            error.hint = Some("Zoom's report API needs the report:read:admin scope on the app and a Pro or higher plan".to_owned());
        }
        (Some(404), Some("1001")) => {
            error.hint = Some(format!(
                "Zoom has no user {:?}; --host takes a Zoom user id, an email, or `me`",
                request.user
            ));
        }
        (Some(401), _) => {
            error.hint = Some("the Zoom access token is invalid or expired; with ZOOM_ACCESS_TOKEN, mint a new one, or configure Server-to-Server OAuth so meetkit renews it".to_owned());
        }
        (Some(429), _) if error.scope == crate::error::Scope::Account => {
            // `X-RateLimit-Type: Daily-limit` (see `providers::classify`): waiting will not help.
            let resets_in = match failure.next {
                crate::error::Next::Exhausted { resets_in } => resets_in,
                _ => None,
            };
            let resets = resets_in
                .and_then(|wait| chrono::Duration::from_std(wait).ok())
                .map(|wait| Utc::now() + wait)
                .map_or_else(
                    || "at the start of Zoom's next day".to_owned(),
                    |at| {
                        format!(
                            "at {}",
                            at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                        )
                    },
                );
            error.message = format!(
                "Zoom's daily cap for Heavy requests is used up for this account (30,000 report requests a day on Pro, 60,000 on Business and higher); it resets {resets}, so meetkit stopped Zoom for this account instead of waiting"
            );
            error.hint = Some("run again after the reset, or list fewer users (--host) or a shorter window; `meetkit plan` counts the report requests a listing needs".to_owned());
        }
        (Some(429), _) => {
            error.hint = Some(
                "Zoom's Heavy rate limit (or its daily cap) was hit; lower --rate or try later"
                    .to_owned(),
            );
        }
        _ => {}
    }
}

impl BoundResolution for Zoom {
    const BOUND_RESOLUTION: Resolution = INFO.bound_resolution;
}

impl Adapter for Zoom {
    type Request = ZoomRequest;

    fn provider(&self) -> Provider {
        Provider::Zoom
    }

    fn operation(&self) -> &'static str {
        OPERATION
    }

    fn style(&self) -> PagingStyle {
        PagingStyle::Chained
    }

    fn requests(&self, window: &Window, filters: &Filters) -> Vec<ZoomRequest> {
        self.requests_within(window, window, filters)
    }

    fn requests_within(
        &self,
        window: &Window,
        span: &Window,
        filters: &Filters,
    ) -> Vec<ZoomRequest> {
        let earliest = Self::earliest(Utc::now().date_naive());
        let (from, to) = asked_dates(window, span);
        let from = from.max(earliest);
        let users = match &self.user {
            Some(user) => vec![user.clone()],
            None if filters.host.is_empty() => vec!["me".to_owned()],
            None => filters.host.clone(),
        };
        users
            .into_iter()
            .map(|user| ZoomRequest { user, from, to })
            .collect()
    }

    fn keeps(&self, window: &Window, span: &Window) -> Window {
        kept(window, span)
    }

    fn resume(
        &self,
        request: &ZoomRequest,
        last_start: chrono::DateTime<Utc>,
    ) -> Option<ZoomRequest> {
        // Zoom pages in start order: ask again from the day of the latest meeting seen (a day
        // earlier, for Zoom's undocumented day boundary). Meetings met twice are dropped.
        let from = (last_start - chrono::Duration::days(1))
            .date_naive()
            .max(request.from);
        (from > request.from).then(|| ZoomRequest {
            user: request.user.clone(),
            from,
            to: request.to,
        })
    }

    async fn page(
        &self,
        request: &ZoomRequest,
        cursor: Option<&Cursor>,
        include_raw: bool,
    ) -> Result<RawPage, Failure> {
        let Some(minter) = &self.minter else {
            return self.call(request, cursor, include_raw).await;
        };
        let generation = minter.generation();
        if generation == 0 {
            minter.mint_after(0, &self.auth).await?;
        }
        let generation = minter.generation();
        match self.call(request, cursor, include_raw).await {
            Err(failure) if failure.error.kind == ProviderErrorKind::Auth => {
                // The token may have expired mid-run: re-mint once and try again.
                minter.mint_after(generation, &self.auth).await?;
                self.call(request, cursor, include_raw).await
            }
            other => other,
        }
    }
}

/// The wire names of the record fields [`normalize`] maps into `Meeting` or
/// `extension`'s typed fields; every other field of the record reaches `extension.unmapped`
/// (see [`crate::unmapped`]).
pub const NORMALIZED: &[&str] = &[
    "uuid",
    "id",
    "topic",
    "start_time",
    "end_time",
    "duration",
    "user_name",
    "host_name",
    "user_email",
    "participants_count",
    "type",
    "total_minutes",
    "participants_count_my_account",
    "session_key",
    "source",
    "custom_keys",
    "schedule_time",
    "join_waiting_room_time",
    "join_time",
    "leave_time",
    "host_organization",
    "has_screen_share",
    "has_recording",
    "has_chat",
    "meeting_encryption_status",
];

/// A Zoom report record as a [`Meeting`]; `None` without a start time.
pub fn normalize(m: ZoomReportMeeting, include_raw: bool) -> Option<Meeting> {
    // Raw first: everything below moves out of `m`.
    let raw = raw_json(&m, include_raw);
    let unmapped = crate::unmapped::of(&INFO, NORMALIZED, &m);
    crate::note_value!(Provider::Zoom, "type", m.type_);
    let start = m.start_time?;
    let id = non_empty(m.uuid).or_else(|| m.id.map(|n| n.to_string()))?;
    let duration_seconds = m.duration.map(|minutes| minutes.saturating_mul(60));
    let end = m
        .end_time
        .or_else(|| duration_seconds.and_then(|d| after_seconds(start, d)));
    let host =
        (m.user_email.is_some() || m.user_name.is_some() || m.host_name.is_some()).then(|| {
            Person {
                id: None,
                name: m.user_name.or(m.host_name),
                email: m.user_email,
            }
        });
    Some(Meeting {
        provider: Provider::Zoom,
        account: crate::model::DEFAULT_ACCOUNT.to_owned(),
        id,
        title: m.topic,
        start,
        end,
        duration_seconds,
        status: MeetingStatus::Ended,
        status_raw: None,
        host,
        participants: Vec::new(),
        participant_count: m.participants_count,
        recording: None,
        meeting_url: None,
        room: None,
        extension: Extension::Zoom(ZoomExtension {
            unmapped,
            meeting_number: m.id,
            meeting_type: m.type_.map(|t| t.as_i64()),
            total_minutes: m.total_minutes,
            participants_count_my_account: m.participants_count_my_account,
            session_key: m.session_key,
            source: m.source,
            custom_keys: m
                .custom_keys
                .iter()
                .flatten()
                .map(|k| KeyValue {
                    key: k.key.clone(),
                    value: k.value.clone(),
                })
                .collect(),
            schedule_time: m.schedule_time,
            join_waiting_room_time: m.join_waiting_room_time,
            join_time: m.join_time,
            leave_time: m.leave_time,
            host_organization: m.host_organization,
            has_screen_share: m.has_screen_share,
            has_recording: m.has_recording,
            has_chat: m.has_chat,
            meeting_encryption_status: m.meeting_encryption_status.as_ref().map(|s| s.as_i64()),
        }),
        raw,
    })
}

/// The endpoint's token minter, shared by every partition of the account (one token for all
/// of them), or `None` with a static access token.
fn minter(
    endpoint: &crate::providers::Endpoint,
    http: &reqwest::Client,
) -> Option<Arc<TokenMinter>> {
    endpoint.oauth.as_ref().map(|grant| {
        Arc::clone(grant.minter.get_or_init(|| {
            let oauth = Client::new_with_client(&grant.base_url, http.clone(), grant.basic.clone());
            Arc::new(TokenMinter::new(oauth, grant.account_id.clone()))
        }))
    })
}

/// Whether `t` is a midnight (UTC) strictly inside `span`: an edge two neighbouring windows
/// share, where neither asks the other's day.
fn inner_edge(t: DateTime<Utc>, span: &Window) -> bool {
    span.from() < t && t < span.to() && t.time() == NaiveTime::MIN
}

/// The dates, inclusive, that a request for `window` (a window of `span`) asks. Zoom's day
/// boundary is not documented as UTC, so where `window` meets the outside of `span`, or an
/// edge falls inside a day, it asks one day more; at a midnight shared with a neighbour it
/// asks up to the edge and the neighbour from it, so no day is asked twice and a meeting near
/// the edge comes back from exactly one side, which keeps it ([`Zoom::keeps`](Adapter::keeps)).
fn asked_dates(window: &Window, span: &Window) -> (NaiveDate, NaiveDate) {
    let wide = widen(window, Zoom::BOUND_RESOLUTION);
    let first = wide.from().date_naive();
    let from = if inner_edge(window.from(), span) {
        first
    } else {
        first.pred_opt().unwrap_or(first)
    };
    // The widened end is exclusive: its date is the day after the last.
    let after = wide.to().date_naive();
    let to = if inner_edge(window.to(), span) {
        after.pred_opt().unwrap_or(after)
    } else {
        after
    };
    (from, to)
}

/// What a window of `span` keeps ([`Adapter::keeps`]): a day more beyond each inner edge,
/// where a meeting the neighbour's dates leave out may lie (within `span`); exactly itself
/// at the others.
fn kept(window: &Window, span: &Window) -> Window {
    let day = chrono::Duration::days(1);
    let from = if inner_edge(window.from(), span) {
        (window.from() - day).max(span.from())
    } else {
        window.from()
    };
    let to = if inner_edge(window.to(), span) {
        (window.to() + day).min(span.to())
    } else {
        window.to()
    };
    Window::new(from, to).unwrap_or(*window)
}

/// Midnight (UTC) at the start of `date`.
fn midnight(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc()
}

/// `window` cut into consecutive windows, each as long as one report request may cover: Zoom
/// allows `to` at most one calendar month after `from` ([`asked_dates`]). Inner edges fall on
/// midnights and ask no extra day, so a window runs a calendar month and a day (32 days at
/// most); the first also asks the day before it and the last the day after. None is longer
/// than `span`. Six months take 6 windows; padding every window on both sides took 7.
pub(crate) fn month_windows(window: &Window, span: chrono::Duration) -> Vec<Window> {
    let mut windows = Vec::new();
    let mut from = window.from();
    while from < window.to() {
        let Ok(rest) = Window::new(from, window.to()) else {
            break;
        };
        let fits = |piece: &Window| {
            let (first, last) = asked_dates(piece, window);
            first
                .checked_add_months(Months::new(1))
                .is_some_and(|latest| last <= latest)
                && piece.to() - piece.from() <= span
        };
        let to = if fits(&rest) {
            window.to()
        } else {
            let (first, _) = asked_dates(&rest, window);
            // The latest inner edge the month allows: the request stops the day before it.
            let by_month = first
                .checked_add_months(Months::new(1))
                .and_then(|latest| latest.succ_opt())
                .map_or(window.to(), midnight);
            let spanned = from.checked_add_signed(span).unwrap_or(window.to());
            // A span that crosses a midnight ends at it, so the edge asks no extra day.
            let by_span = Some(midnight(spanned.date_naive()))
                .filter(|edge| *edge > from)
                .unwrap_or(spanned);
            let to = by_month.min(by_span);
            // Reaching the window's end would make this the last window, which asks a day
            // more than the month allows: it stops a day short and the last is a day long.
            if to < window.to() {
                to
            } else {
                by_month - chrono::Duration::days(1)
            }
        };
        match Window::new(from, to) {
            Ok(piece) => windows.push(piece),
            // An empty span: the rest as one window rather than none.
            Err(_) => {
                windows.push(rest);
                break;
            }
        }
        from = to;
    }
    windows
}

/// Zoom in the registry: Server-to-Server OAuth or a ready token, the six-month rule.
pub(crate) struct ZoomConnector;

impl crate::providers::Connector for ZoomConnector {
    fn info(&self) -> &'static ProviderInfo {
        &INFO
    }

    fn probe(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Probe {
        let date = |t: DateTime<Utc>| t.format("%Y-%m-%d").to_string();
        Probe {
            operation: OPERATION,
            spec_path: meetkit_zoom::SPEC_PATH,
            spec_text: meetkit_zoom::SPEC,
            path: "/report/users/me/meetings",
            query: vec![
                ("from", date(from)),
                ("to", date(to)),
                ("page_size", "1".into()),
            ],
            headers: &[],
        }
    }

    fn endpoint(
        &self,
        config: &crate::settings::Config,
    ) -> Result<Option<crate::providers::Endpoint>, crate::error::ConfigError> {
        use crate::error::ConfigError;
        use crate::settings::{ZoomAuth, check_base_url};
        let Some(z) = &config.zoom else {
            return Ok(None);
        };
        let allow_insecure = config.runtime.allow_insecure;
        let base_url = check_base_url(INFO.base_url_var, &z.base_url, allow_insecure)?;
        let invalid = |name: &str| ConfigError::InvalidCredential {
            name: name.to_owned(),
        };
        let endpoint = match &z.auth {
            ZoomAuth::AccessToken(token) => crate::providers::Endpoint {
                base_url,
                auth: Auth::bearer(token).map_err(|_| invalid("ZOOM_ACCESS_TOKEN"))?,
                oauth: None,
            },
            ZoomAuth::ServerToServer {
                account_id,
                client_id,
                client_secret,
            } => {
                let oauth_url = check_base_url("ZOOM_OAUTH_URL", &z.oauth_url, allow_insecure)?;
                let oauth_base = oauth_url.strip_suffix("/oauth/token").ok_or_else(|| {
                    ConfigError::InvalidUrl {
                        name: "ZOOM_OAUTH_URL".to_owned(),
                        value: z.oauth_url.clone(),
                        reason: "it must be the token endpoint, ending in /oauth/token".to_owned(),
                    }
                })?;
                crate::providers::Endpoint {
                    base_url,
                    // The token arrives with the first mint.
                    auth: Auth::unset(AuthScheme::Bearer),
                    oauth: Some(crate::providers::OAuthGrant {
                        base_url: oauth_base.to_owned(),
                        basic: Auth::basic(client_id, client_secret)
                            .map_err(|_| invalid("ZOOM_CLIENT_SECRET"))?,
                        account_id: account_id.clone(),
                        minter: Arc::default(),
                    }),
                }
            }
        };
        Ok(Some(endpoint))
    }

    fn check_filter_values(&self, filters: &Filters) -> Result<(), crate::error::QueryError> {
        crate::providers::check_meeting_type(&INFO, filters, &REPORT_TYPES)
    }

    fn users(
        &self,
        endpoint: &crate::providers::Endpoint,
        http: &reqwest::Client,
        config: &crate::settings::Config,
        filters: &Filters,
    ) -> Option<crate::providers::UsersFuture> {
        // Named hosts narrow the listing to them; a static token lists `me`.
        if !filters.host.is_empty() || endpoint.oauth.is_none() {
            return None;
        }
        let statuses = config
            .zoom
            .as_ref()
            .map(|z| z.user_statuses.clone())
            .unwrap_or_default();
        let lister = crate::providers::zoom_users::UserLister {
            client: Client::new_with_client(
                &endpoint.base_url,
                http.clone(),
                endpoint.auth.clone(),
            ),
            auth: endpoint.auth.clone(),
            minter: minter(endpoint, http),
            gates: crate::ratelimit::Gates::new(
                INFO.rate_of(USERS_CLASS).map(|r| r.per_second),
                config.runtime.per_provider_concurrency,
                Arc::new(tokio::sync::Semaphore::new(
                    config.runtime.concurrency.max(1),
                )),
            ),
            retry: config.runtime.retry.clone(),
        };
        Some(Box::pin(async move { lister.list(&statuses).await }))
    }

    fn budget_warning(
        &self,
        partitions: &[crate::plan::Partition],
        config: &crate::settings::Config,
    ) -> Option<String> {
        let budget = config.zoom.as_ref()?.daily_request_budget;
        let needed: u64 = partitions.iter().map(|p| p.min_requests()).sum();
        (needed > budget).then(|| {
            format!(
                "zoom: this listing needs at least {needed} report requests ({} users × windows), more than the daily budget of {budget} (ZOOM_DAILY_REQUEST_BUDGET); Zoom caps report requests at 30,000 a day on Pro and 60,000 on Business and higher, and stops answering until the next day once the cap is used up. Narrow it with --host or a shorter window, or raise the budget if the account's plan allows",
                partitions.len()
            )
        })
    }

    fn plan_windows(
        &self,
        window: &Window,
        span: chrono::Duration,
        lenient: bool,
    ) -> crate::providers::PlannedWindows {
        let (servable, old) = Zoom::servable(window);
        let mut planned = crate::providers::PlannedWindows {
            windows: servable
                .map(|w| month_windows(&w, crate::providers::capped_span(&INFO, span)))
                .unwrap_or_default(),
            ..Default::default()
        };
        if let Some(old) = old {
            let message = format!(
                "Zoom keeps reports for six months only; {old} is older and cannot be listed"
            );
            if lenient {
                planned
                    .warnings
                    .push(format!("zoom: {message}; skipped (lenient)"));
            } else {
                planned.errors.push(
                    ProviderError::new(
                        Provider::Zoom,
                        OPERATION,
                        ProviderErrorKind::WindowUnavailable,
                        message,
                    )
                    .with_window(old)
                    .with_hint(
                        "start the window within the last six months, or pass --lenient to skip the older part",
                    ),
                );
            }
        }
        planned
    }

    fn stream(
        &self,
        endpoint: &crate::providers::Endpoint,
        http: &reqwest::Client,
        partition: &crate::plan::Partition,
        ctx: std::sync::Arc<crate::paging::FetchContext>,
        upfront: Vec<ProviderError>,
    ) -> Result<crate::providers::PartitionStream, crate::error::Error> {
        let minter = minter(endpoint, http);
        let client =
            Client::new_with_client(&endpoint.base_url, http.clone(), endpoint.auth.clone());
        crate::run::start(
            Zoom::new(
                client,
                endpoint.auth.clone(),
                minter,
                partition.user.clone(),
                partition.page_size,
                &partition.filters,
            ),
            partition,
            ctx,
            upfront,
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn day(m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, 0, 0, 0).unwrap()
    }

    /// Every window's request within the one-month rule, the windows consecutive, covering
    /// `window` exactly, none longer than `span`, inner edges at midnight.
    fn check(window: &Window, span: Duration) -> Vec<Window> {
        let windows = month_windows(window, span);
        assert_eq!(windows[0].from(), window.from());
        assert_eq!(windows.last().unwrap().to(), window.to());
        for pair in windows.windows(2) {
            assert_eq!(pair[0].to(), pair[1].from());
        }
        for w in &windows {
            let (from, to) = asked_dates(w, window);
            assert!(
                to <= from.checked_add_months(Months::new(1)).unwrap(),
                "{w:?} asks {from}..={to}"
            );
            assert!(w.to() - w.from() <= span, "{w:?} is longer than {span}");
        }
        windows
    }

    #[test]
    fn month_windows_are_as_long_as_each_request_may_cover() {
        // Six months ending mid-day, as a listing up to "now" does: 6 requests, where padding
        // every window on both sides took 7.
        let window = Window::new(day(5, 30), day(11, 30) + Duration::hours(15)).unwrap();
        let windows = check(&window, Duration::days(32));
        assert_eq!(windows.len(), 6, "{windows:?}");
        // The first asks from May 29 (the day before) to June 29, a month; the next asks from
        // June 30, its own first day, to July 30: 31 days, and 32 after a 31-day month.
        assert_eq!(windows[0].to(), day(6, 30));
        assert_eq!(asked_dates(&windows[0], &window).0, day(5, 29).date_naive());
        assert_eq!(windows[1].to(), day(7, 31));
        assert_eq!(windows[2].to() - windows[2].from(), Duration::days(32));
        // The last asks the day after the window's end.
        assert_eq!(
            asked_dates(windows.last().unwrap(), &window).1,
            day(12, 1).date_naive()
        );
        // February allows 28 days after a padded start, and a window ending at midnight where
        // the month ends would ask a day too many.
        let feb = Window::new(
            Utc.with_ymd_and_hms(2027, 2, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2027, 4, 1, 0, 0, 0).unwrap(),
        )
        .unwrap();
        let windows = check(&feb, Duration::days(32));
        assert_eq!(windows.len(), 2, "{windows:?}");
        assert_eq!(windows[0].to() - feb.from(), Duration::days(28));
        // A shorter span wins, cut at midnights.
        let short = check(&window, Duration::days(10));
        assert_eq!(short.len(), 19);
        assert!(short[1..].iter().all(|w| w.from().time() == NaiveTime::MIN));
    }

    #[test]
    fn month_windows_keep_the_rule_for_any_window_and_span() {
        let starts = [
            day(1, 1),
            day(1, 31) + Duration::hours(7),
            day(2, 27) + Duration::minutes(1),
            day(8, 31) - Duration::seconds(1),
        ];
        let lengths = [
            Duration::hours(5),
            Duration::days(1),
            Duration::days(31),
            Duration::days(32) + Duration::hours(23),
            Duration::days(61),
            Duration::days(183) + Duration::hours(3),
        ];
        let spans = [
            Duration::hours(6),
            Duration::days(1),
            Duration::days(10),
            Duration::days(32),
        ];
        for from in starts {
            for length in lengths {
                for span in spans {
                    check(&Window::new(from, from + length).unwrap(), span);
                }
            }
        }
    }

    #[test]
    fn a_window_keeps_a_day_beyond_its_inner_edges_and_nothing_beyond_the_span() {
        let span = Window::new(day(5, 30) + Duration::hours(12), day(7, 31)).unwrap();
        let first = Window::new(span.from(), day(6, 30)).unwrap();
        let last = Window::new(day(6, 30), span.to()).unwrap();
        assert_eq!(
            kept(&first, &span),
            Window::new(span.from(), day(7, 1)).unwrap()
        );
        assert_eq!(
            kept(&last, &span),
            Window::new(day(6, 29), span.to()).unwrap()
        );
        // Alone, a window is its own span: its requests ask a day more and it keeps itself.
        assert_eq!(kept(&first, &first), first);
        assert_eq!(
            asked_dates(&first, &first),
            (day(5, 29).date_naive(), day(6, 30).date_naive())
        );
        assert_eq!(
            asked_dates(&last, &span),
            (day(6, 30).date_naive(), day(7, 31).date_naive())
        );
    }
}
