//! A listing's plan: the independent [`Partition`]s it is made of.
//!
//! [`Client::plan`](crate::Client::plan) turns a [`Query`](crate::Query) into a [`Plan`]
//! without fetching anything; [`Client::run`](crate::Client::run) streams one partition.
//! A partition is one provider account's share of the listing — its windows, filters and
//! request parameters — and holds no secret: it can be written as JSON, sent to another
//! process or machine and run there by a client that has that account's credentials. The
//! partitions of a plan never overlap (their windows partition the query's window per
//! provider account), so the union of their meetings is the listing, with no duplicates —
//! except where one account is listed per user (Zoom account-wide): a meeting two users
//! attended is in both users' reports, so such an account's partitions run together, in one
//! process (one Spark task), where one set of meeting ids drops the second sighting.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::ProviderError;
use crate::model::Provider;
use crate::query::{Filters, Window};

/// One provider account's share of a listing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partition {
    /// The provider.
    pub provider: Provider,
    /// The account whose credentials run it ([`crate::model::DEFAULT_ACCOUNT`] for the
    /// environment's).
    pub account: String,
    /// The one user whose meetings this partition lists, for providers that list per user
    /// (Zoom, account-wide: a partition per user of the account). `None`: the provider's own
    /// choice (Zoom: `me`, or the `host` filter's users).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// The windows to list, consecutive and disjoint, each fetched as one listing. Shared,
    /// not copied, by the partitions a plan makes from one query (a Zoom account's users: a
    /// fleet's plan holds tens of thousands of partitions). Written as a JSON array.
    pub windows: Arc<[Window]>,
    /// Filters, sent to the provider where it can apply them and applied locally otherwise.
    /// Shared like `windows`; written as a JSON object.
    pub filters: Arc<Filters>,
    /// Attach each record as JSON in `Meeting::raw`.
    pub include_raw: bool,
    /// Records asked for per page.
    pub page_size: u32,
    /// "Now" as the plan saw it, so that the `upcoming` filter means the same wherever the
    /// partition runs.
    pub now: DateTime<Utc>,
}

impl Partition {
    /// The part of the query's window this partition covers: from its first window's start to
    /// its last window's end (`None` when it has no window).
    pub fn span(&self) -> Option<Window> {
        Window::spanning(&self.windows)
    }

    /// The fewest requests the partition needs: one per window, since a window's first page
    /// is always asked for. More pages are only known once that page arrives.
    pub fn min_requests(&self) -> u64 {
        self.windows.len() as u64
    }

    /// A short label for messages: `zoom/default [2026-01-01T00:00:00Z, …)`, with the user
    /// after the account when the partition has one (`zoom/default/KDcu…`).
    pub fn label(&self) -> String {
        let owner = match &self.user {
            Some(user) => format!("{}/{}/{user}", self.provider, self.account),
            None => format!("{}/{}", self.provider, self.account),
        };
        match self.span() {
            Some(span) => format!("{owner} {span}"),
            None => owner,
        }
    }
}

/// A listing, planned.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Plan {
    /// The query's window.
    pub window: Window,
    /// The partitions, in provider order.
    pub partitions: Vec<Partition>,
    /// What planning skipped in lenient mode.
    #[serde(default)]
    pub warnings: Vec<String>,
    /// What planning already knows cannot be listed (Zoom's reports older than six months).
    /// Running the plan reports them before any meeting.
    #[serde(default)]
    pub errors: Vec<ProviderError>,
    /// Stop after this many meetings in all (applies when the whole plan runs in one place).
    #[serde(default)]
    pub limit: Option<usize>,
}

impl Plan {
    /// The plan as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A plan read back from [`to_json`](Plan::to_json); the error says what is wrong.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The fewest requests the whole plan needs.
    pub fn min_requests(&self) -> u64 {
        self.partitions.iter().map(Partition::min_requests).sum()
    }

    /// The upfront errors of one provider.
    pub fn errors_of(&self, provider: Provider) -> impl Iterator<Item = &ProviderError> {
        self.errors.iter().filter(move |e| e.provider == provider)
    }
}
